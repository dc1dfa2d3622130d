"""core.volunteer_import: roster rows as offices write them → volunteer records, or rejects with a reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jitasa_qgis.core.tabular import Table
from jitasa_qgis.core.volunteer_import import FIELDS, SYNONYMS, kind_names, parse_roster, roster_mapping
from jitasa_qgis.definitions.enums import Skill, VolunteerKind
from jitasa_qgis.definitions.import_reasons import KNOWN_IMPORT_CODES


def table(headers, *data):
    return Table(
        "roster.csv", list(headers), [dict(zip(headers, row)) for row in data], None, list(range(2, len(data) + 2))
    )


def one(headers, row, **kw):
    parsed = parse_roster(table(headers, row), **kw)
    assert len(parsed.records) + len(parsed.rejects) == 1
    return parsed.records[0] if parsed.records else parsed.rejects[0]


def test_thai_headers_are_recognised_and_first_name_and_surname_joined():
    headers = ["ลำดับ", "รหัส", "คำนำหน้า", "ชื่อ", "นามสกุล", "เบอร์โทร", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "ประเภท"]
    r = one(
        headers,
        ["1", "๐๐๑", "นาย", "สมชาย", "ใจดี", "081-234-5678", "หมู่ ๐๓", "ต.ในเมือง", "อ.เมืองเพชรบูรณ์", "จ.เพชรบูรณ์", "อสม."],
    )
    assert r.roster_id == "001" and r.name == "นายสมชาย ใจดี" and r.phone == "0812345678"
    assert (r.village_no, r.tambon, r.amphoe, r.province) == ("3", "ในเมือง", "เมืองเพชรบูรณ์", "เพชรบูรณ์")
    assert r.kind == "village_health_volunteer" and r.skills is None and r.vehicle is None and not r.has_point


def test_english_headers_and_a_full_name_column():
    headers = [
        "ID",
        "Name",
        "Phone No.",
        "Village No",
        "Tambon Code",
        "Type",
        "Longitude",
        "Latitude",
        "Capacity",
        "Available",
    ]
    r = one(
        headers, ["v-9", "Somchai Jaidee", "+66 81 234 5678", "4", "TH670101", "student", "101.16", "16.42", "2", "yes"]
    )
    assert (r.roster_id, r.name, r.phone, r.tambon_code, r.kind) == (
        "v-9",
        "Somchai Jaidee",
        "0812345678",
        "670101",
        "student",
    )
    assert (r.lon, r.lat, r.capacity, r.available) == (101.16, 16.42, 2, True)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("อสม.", VolunteerKind.VILLAGE_HEALTH_VOLUNTEER),
        ("อสม", VolunteerKind.VILLAGE_HEALTH_VOLUNTEER),
        ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", VolunteerKind.VILLAGE_HEALTH_VOLUNTEER),
        ("กำนัน", VolunteerKind.KAMNAN_VILLAGE_HEAD),
        ("ผู้ใหญ่บ้าน", VolunteerKind.KAMNAN_VILLAGE_HEAD),
        ("ข้าราชการ อปท.", VolunteerKind.LOCAL_OFFICIAL),
        ("นักเรียนจิตอาสา", VolunteerKind.STUDENT),
        ("ผู้นำอาสาพัฒนาชุมชน (อช.)", VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER),
        ("อช.", VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER),
        ("ผู้นำต่างๆ ในพื้นที่", VolunteerKind.COMMUNITY_LEADER),
        ("ผู้นำต่าง ๆ ในพื้นที่", VolunteerKind.COMMUNITY_LEADER),
        ("สมาชิกกองทุนพัฒนาบทบาทสตรี", VolunteerKind.WOMENS_FUND_MEMBER),
        ("อาสาสมัครท้องถิ่นรักโลก (อถล.)", VolunteerKind.ENVIRONMENT_VOLUNTEER),
        ("อถล.", VolunteerKind.ENVIRONMENT_VOLUNTEER),
        ("บุคลากรสาธารณสุข", VolunteerKind.HEALTH_STAFF),
        ("health_staff", VolunteerKind.HEALTH_STAFF),
        ("Community Leader", VolunteerKind.COMMUNITY_LEADER),
    ],
)
def test_kinds_by_their_thai_names_and_abbreviations(text, kind):
    assert one(["ชื่อ", "ตำบล", "ประเภท"], ["ก", "ในเมือง", text]).kind == kind.value


def test_every_kind_has_thai_names():
    assert len(kind_names()) == len(VolunteerKind)


def test_an_unknown_kind_is_rejected_with_the_allowed_ones_and_an_empty_one_takes_the_default():
    r = one(["ชื่อ", "ตำบล", "ประเภท"], ["ก", "ในเมือง", "หมอดู"])
    assert r.reason == "unknown_value" and r.detail["field"] == "ประเภท" and "อสม." in r.detail["allowed"]
    assert len(r.detail["allowed"]) == len(VolunteerKind)
    assert one(["ชื่อ", "ตำบล", "ประเภท"], ["ก", "ในเมือง", ""], default_kind="student").kind is None  # default on insert
    missing = one(["ชื่อ", "ตำบล"], ["ก", "ในเมือง"])
    assert missing.reason == "missing_field" and missing.detail == {"field": "kind"}


@pytest.mark.parametrize("yes", ["มี", "ใช่", "ได้", "✓", "1", "yes", "Y", "TRUE", "๑"])
@pytest.mark.parametrize("no", ["ไม่มี", "ไม่ใช่", "ไม่ได้", "x", "0", "no", "n", "false"])
def test_skills_as_yes_no_columns(yes, no):
    headers = ["ชื่อ", "ตำบล", "ประเภท", "ปฐมพยาบาล", "ขับรถ", "ผ่านการอบรม PPE"]
    r = one(headers, ["ก", "ในเมือง", "อสม.", yes, no, ""])
    assert r.skills == (Skill.FIRST_AID.value,)


def test_skills_as_a_list_of_thai_words_and_a_word_that_is_not_a_skill():
    headers = ["ชื่อ", "ตำบล", "ประเภท", "ทักษะ"]
    r = one(headers, ["ก", "ในเมือง", "อสม.", "ให้คำปรึกษา, ผ่านการอบรม PPE และ ขับรถ / ปฐมพยาบาล"])
    assert r.skills == ("first_aid", "ppe_trained", "driving", "counselling")
    assert one(headers, ["ก", "ในเมือง", "อสม.", "ไม่มี"]).skills == ()
    bad = one(headers, ["ก", "ในเมือง", "อสม.", "ขับรถ, ทำอาหาร"])
    assert bad.reason == "unknown_value" and bad.detail["value"] == "ทำอาหาร" and "ขับรถ" in bad.detail["allowed"]
    assert one(["ชื่อ", "ตำบล", "ประเภท", "ขับรถ"], ["ก", "ในเมือง", "อสม.", "บางที"]).reason == "bad_boolean"


@pytest.mark.parametrize(
    "text, vehicle",
    [
        ("ไม่มี", "none"),
        ("มอเตอร์ไซค์", "motorcycle"),
        ("จักรยานยนต์", "motorcycle"),
        ("รถยนต์", "car"),
        ("รถเก๋ง", "car"),
        ("กระบะ", "pickup"),
        ("รถพยาบาล", "ambulance"),
        ("มอเตอร์ไซค์, กระบะ", "pickup"),  # several: the most capable counts
        ("", None),
    ],
)
def test_vehicles_in_thai_words(text, vehicle):
    assert one(["ชื่อ", "ตำบล", "ประเภท", "ยานพาหนะ"], ["ก", "ในเมือง", "อสม.", text]).vehicle == vehicle


@pytest.mark.parametrize(
    "headers, row, reason, detail",
    [
        (["ชื่อ", "ตำบล", "ประเภท"], ["", "ในเมือง", "อสม."], "missing_field", {"field": "ชื่อ"}),
        (
            ["ชื่อ", "ตำบล", "ประเภท", "โทร"],
            ["ก", "ในเมือง", "อสม.", "1234"],
            "bad_phone",
            {"field": "โทร", "value": "1234"},
        ),
        (["ชื่อ", "ตำบล", "ประเภท"], ["ก", "", "อสม."], "no_location", {}),
        (["ชื่อ", "รหัสตำบล", "ประเภท"], ["ก", "6701", "อสม."], "bad_code", {"field": "รหัสตำบล", "value": "6701"}),
        (
            ["ชื่อ", "lon", "lat", "ประเภท"],
            ["ก", "2.35", "48.85", "อสม."],
            "outside_thailand",
            {"lon": 2.35, "lat": 48.85},
        ),
        (["ชื่อ", "lon", "lat", "ประเภท"], ["ก", "101.1", "", "อสม."], "missing_field", {"field": "lat"}),
        (
            ["ชื่อ", "lon", "lat", "ประเภท"],
            ["ก", "ร้อยเอ็ด", "16", "อสม."],
            "bad_number",
            {"field": "lon", "value": "ร้อยเอ็ด"},
        ),
        (
            ["ชื่อ", "ตำบล", "ประเภท", "capacity"],
            ["ก", "ก", "อสม.", "-1"],
            "bad_number",
            {"field": "capacity", "value": "-1"},
        ),
        (["ชื่อ", "ตำบล", "ประเภท"], ["ก" * 201, "ก", "อสม."], "text_too_long", {"field": "ชื่อ", "max": 200}),
    ],
)
def test_a_row_that_cannot_be_taken_is_a_reject_with_its_reason_and_raw_row(headers, row, reason, detail):
    r = one(headers, row)
    assert (r.record_key, r.reason, r.detail) == ("row 2", reason, detail)
    assert r.raw == dict(zip(headers, row))


def test_duplicates_within_the_file_keep_the_first():
    headers = ["รหัส", "ชื่อ", "เบอร์โทร", "ตำบล", "ประเภท"]
    parsed = parse_roster(
        table(
            headers,
            ["1", "ก", "0812345678", "ในเมือง", "อสม."],
            ["1", "ข", "0899999999", "ในเมือง", "อสม."],  # the same roster id
            ["2", "ค", "081-234-5678", "ในเมือง", "อสม."],  # the same phone, written otherwise
            ["", "ง", "", "ในเมือง", "อสม."],
            ["", "ง", "", "ในเมือง", "อสม."],  # no id, no phone: the same name and place
            ["", "ง", "", "สะเดียง", "อสม."],  # the same name elsewhere is someone else
        )
    )
    assert [r.row for r in parsed.records] == [2, 5, 7]
    assert [(r.record_key, r.reason, r.detail) for r in parsed.rejects] == [
        ("row 3", "duplicate_in_batch", {"key": "1", "first": "row 2"}),
        ("row 4", "duplicate_in_batch", {"key": "0812345678", "first": "row 2"}),
        ("row 6", "duplicate_in_batch", {"key": "ง", "first": "row 5"}),
    ]
    assert parsed.records[1].source_id.startswith("name:") and parsed.records[0].source_id == "1"


def test_phone_notes_are_counted():
    headers = ["ชื่อ", "เบอร์โทร", "ตำบล", "ประเภท"]
    parsed = parse_roster(
        table(
            headers,
            ["ก", "02-123-4567 ต่อ 12", "ก", "อสม."],
            ["ข", "081-234-5678, 089-876-5432", "ก", "อสม."],
            ["ค", "๘๑๒๓๔๕๖๗๙", "ก", "อสม."],
        )
    )
    assert [r.phone for r in parsed.records] == ["021234567", "0812345678", "0812345679"]
    assert (parsed.phone_extensions, parsed.phone_others) == (1, 1)


def test_a_users_mapping_wins_and_a_roster_without_names_or_places_is_refused():
    headers = ["ชื่อ อสม.", "โทร", "ต."]
    mapping = roster_mapping(headers, "name=ชื่อ อสม.; phone=โทร; tambon=ต.")
    assert mapping == {"name": "ชื่อ อสม.", "phone": "โทร", "tambon": "ต."}
    with pytest.raises(ValueError, match="ชื่อ"):
        roster_mapping(["เบอร์โทร", "ตำบล"])
    with pytest.raises(ValueError, match="ตำบล"):
        roster_mapping(["ชื่อ", "เบอร์โทร"])
    with pytest.raises(ValueError, match="nickname"):
        roster_mapping(headers, "nickname=ชื่อ อสม.")


def test_every_field_has_synonyms():
    assert set(FIELDS) == set(SYNONYMS) and all(SYNONYMS[f] for f in FIELDS)


# --- arbitrary rows: a record or a reject with a known reason, never an exception --------------------------

_HEADERS = [names[0] for names in SYNONYMS.values()]
_TEXT = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["มี", "x", "อสม.", "ในเมือง", "0812345678", "16.4"]))


@given(st.lists(st.lists(_TEXT, min_size=len(_HEADERS), max_size=len(_HEADERS)), max_size=6), st.booleans())
def test_arbitrary_rows_are_records_or_rejects_with_a_known_reason(data, with_default):
    parsed = parse_roster(table(_HEADERS, *data), default_kind="student" if with_default else None)
    assert len(parsed.records) + len(parsed.rejects) == len(data)
    assert all(r.reason in KNOWN_IMPORT_CODES for r in parsed.rejects)
    for r in parsed.records:
        assert r.name and (r.has_point or r.tambon or r.tambon_code)
        assert r.kind is None or r.kind in {k.value for k in VolunteerKind}
        assert r.phone is None or r.phone.isdigit()
        assert "\x00" not in r.name
