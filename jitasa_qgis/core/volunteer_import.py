"""Volunteer rosters as offices keep them (a Table of text cells) → volunteer records, or rejects with a reason.

Headers may be Thai or English ("ชื่อ" + "นามสกุล" or "ชื่อ-สกุล", "เบอร์โทร", "หมู่ที่", "ตำบล", "อำเภอ", …; see
SYNONYMS), or named by the user's mapping ("name=ชื่อ อสม.; phone=โทร"). Values are read the way rosters write
them: kinds by their Thai names and abbreviations (อสม., กำนัน, อช., อถล., …), skills as yes/no columns
(มี/ไม่มี, ✓/x, 1/0, …) or a list of Thai words, vehicles in Thai words, phone numbers through core.phone.

A value the file does not give is None: the store then uses the default on insert and keeps what it has on
update. Duplicates within the file (the same roster id or phone, or without either the same name and place)
are rejected after the first. Where the volunteer is placed (coordinates or the tambon) is decided here only
as far as the text goes; the store resolves the tambon names.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence

from ..definitions.enums import Skill, VehicleKind, VolunteerKind
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason
from .field_mapping import guess_mapping, normalise_header, parse_mapping
from .import_records import Reject, inside_thailand, reject
from .phone import ascii_digits, normalise_phone
from .tabular import Table

SKILL_FIELDS: dict[str, Skill] = {f"skill_{s.value}": s for s in Skill}

_SKILL_WORDS: dict[Skill, tuple[str, ...]] = {
    Skill.FIRST_AID: ("ปฐมพยาบาล", "ปฐมพยาบาลเบื้องต้น", "การปฐมพยาบาล", "first aid", "first_aid"),
    Skill.MEDICAL: ("การแพทย์", "ทางการแพทย์", "บุคลากรการแพทย์", "แพทย์", "พยาบาล", "medical"),
    Skill.PPE_TRAINED: (
        "ผ่านการอบรม PPE",
        "อบรม PPE",
        "การอบรม PPE",
        "ใส่ชุด PPE",
        "PPE",
        "ppe trained",
        "ppe_trained",
    ),
    Skill.DRIVING: ("ขับรถ", "ขับรถได้", "ใบขับขี่", "มีใบขับขี่", "driving", "driver"),
    Skill.OXYGEN_HANDLING: (
        "ออกซิเจน",
        "ถังออกซิเจน",
        "จัดการออกซิเจน",
        "ใช้ถังออกซิเจน",
        "oxygen",
        "oxygen handling",
        "oxygen_handling",
    ),
    Skill.COUNSELLING: ("ให้คำปรึกษา", "ให้คำปรึกษาสุขภาพจิต", "counselling", "counseling"),
}

# Our field → the headers rosters use (compared normalised: case, spaces, dots, dashes ignored). Order
# matters: the first field whose synonym matches a header takes it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "roster_id": ("รหัส", "เลขที่สมาชิก", "รหัสสมาชิก", "รหัสอาสาสมัคร", "รหัส อสม.", "id", "roster_id", "member_id"),
    "name": ("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อ สกุล", "ชื่อและนามสกุล", "name", "full_name", "fullname"),
    "title": ("คำนำหน้า", "คำนำหน้าชื่อ", "title", "prefix"),
    "first_name": ("ชื่อ", "first_name", "firstname", "given_name"),
    "last_name": ("นามสกุล", "สกุล", "last_name", "lastname", "surname", "family_name"),
    "phone": (
        "เบอร์โทร",
        "เบอร์โทรศัพท์",
        "โทรศัพท์",
        "มือถือ",
        "เบอร์มือถือ",
        "โทรศัพท์มือถือ",
        "โทร",
        "phone",
        "phone_no",
        "telephone",
        "tel",
        "mobile",
    ),
    "village_no": ("หมู่ที่", "หมู่", "ม.", "village_no", "moo"),
    "team": ("ทีม", "ชื่อทีม", "ทีมงาน", "ชุดปฏิบัติการ", "ชุดปฏิบัติงาน", "team", "team_name", "squad", "crew"),
    "tambon_code": ("รหัสตำบล", "tambon_code", "subdistrict_code", "adm3_pcode"),
    "tambon": ("ตำบล", "tambon", "subdistrict", "sub_district"),
    "amphoe": ("อำเภอ", "amphoe", "district"),
    "province": ("จังหวัด", "province"),
    "kind": ("ประเภท", "ประเภทอาสาสมัคร", "กลุ่ม", "kind", "type", "volunteer_kind"),
    "skills": ("ทักษะ", "ความสามารถ", "ความสามารถพิเศษ", "skills", "skill"),
    **{key: _SKILL_WORDS[skill] for key, skill in SKILL_FIELDS.items()},
    "vehicle": ("ยานพาหนะ", "พาหนะ", "รถ", "vehicle"),
    "capacity": ("รับงานได้", "จำนวนงานที่รับได้", "capacity"),
    "available": ("พร้อมปฏิบัติงาน", "พร้อม", "available"),
    "lon": ("ลองจิจูด", "longitude", "lon", "lng", "long", "x"),
    "lat": ("ละติจูด", "latitude", "lat", "y"),
}
FIELDS: tuple[str, ...] = tuple(SYNONYMS)

# Thai names and abbreviations of the kinds; the first of each is the one shown in "allowed".
_KIND_WORDS: dict[VolunteerKind, tuple[str, ...]] = {
    VolunteerKind.VILLAGE_HEALTH_VOLUNTEER: (
        "อสม.",
        "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
        "อาสาสมัครสาธารณสุข",
        "village health volunteer",
        "vhv",
    ),
    VolunteerKind.KAMNAN_VILLAGE_HEAD: (
        "กำนัน ผู้ใหญ่บ้าน",
        "กำนัน",
        "ผู้ใหญ่บ้าน",
        "ผู้ช่วยผู้ใหญ่บ้าน",
        "ผญบ.",
        "kamnan",
        "village head",
        "kamnan or village head",
    ),
    VolunteerKind.LOCAL_OFFICIAL: (
        "ข้าราชการ อปท.",
        "อปท.",
        "เจ้าหน้าที่ อปท.",
        "พนักงานส่วนท้องถิ่น",
        "local official",
        "local government official",
    ),
    VolunteerKind.STUDENT: ("นักเรียนจิตอาสา", "นักเรียน", "นักศึกษา", "นักศึกษาจิตอาสา", "student", "student volunteer"),
    VolunteerKind.COMMUNITY_DEVELOPMENT_LEADER: (
        "ผู้นำอาสาพัฒนาชุมชน (อช.)",
        "ผู้นำอาสาพัฒนาชุมชน",
        "อช.",
        "community development leader",
        "community development volunteer leader",
    ),
    VolunteerKind.COMMUNITY_LEADER: (
        "ผู้นำต่างๆ ในพื้นที่",
        "ผู้นำในพื้นที่",
        "ผู้นำชุมชน",
        "ผู้นำท้องถิ่น",
        "community leader",
        "local leader",
    ),
    VolunteerKind.WOMENS_FUND_MEMBER: (
        "สมาชิกกองทุนพัฒนาบทบาทสตรี",
        "กองทุนพัฒนาบทบาทสตรี",
        "กองทุนสตรี",
        "women's development fund member",
        "womens fund member",
    ),
    VolunteerKind.ENVIRONMENT_VOLUNTEER: (
        "อาสาสมัครท้องถิ่นรักโลก (อถล.)",
        "อาสาสมัครท้องถิ่นรักโลก",
        "อถล.",
        "local environment volunteer",
        "environment volunteer",
    ),
    VolunteerKind.HEALTH_STAFF: (
        "บุคลากรสาธารณสุข",
        "เจ้าหน้าที่สาธารณสุข",
        "บุคลากรทางการแพทย์",
        "health staff",
    ),
}
_VEHICLE_WORDS: dict[VehicleKind, tuple[str, ...]] = {
    VehicleKind.NONE: ("ไม่มี", "ไม่มีรถ", "none", "no"),
    VehicleKind.MOTORCYCLE: (
        "มอเตอร์ไซค์",
        "จักรยานยนต์",
        "รถจักรยานยนต์",
        "รถมอเตอร์ไซค์",
        "มอไซค์",
        "motorcycle",
        "motorbike",
    ),
    VehicleKind.CAR: ("รถยนต์", "รถเก๋ง", "เก๋ง", "รถตู้", "รถยนต์ส่วนบุคคล", "car", "van"),
    VehicleKind.PICKUP: ("กระบะ", "รถกระบะ", "pickup", "pickup truck"),
    VehicleKind.AMBULANCE: ("รถพยาบาล", "รถฉุกเฉิน", "ambulance"),
}
_VEHICLE_ORDER = list(VehicleKind)  # several vehicles: the most capable one counts
_SKILL_ORDER = tuple(s.value for s in Skill)
_SKILL_VALUES = {key: skill.value for key, skill in SKILL_FIELDS.items()}

_YES = ("มี", "ใช่", "ได้", "✓", "✔", "☑", "1", "yes", "y", "true", "t", "พร้อม", "ว่าง")
_NO = ("ไม่มี", "ไม่ใช่", "ไม่ได้", "x", "✗", "✘", "☒", "0", "no", "n", "false", "f", "ไม่พร้อม", "ไม่ว่าง")
_BLANK = ("", "-", "–", "—")

_LIST_SPLIT = re.compile(r"[,;/、|+\n]+|\s+และ\s+|\s+and\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

MAX_NAME, MAX_ID, MAX_VILLAGE, MAX_PLACE, MAX_TEAM = 200, 100, 20, 100, 100
MAX_CAPACITY = 1000


@functools.lru_cache(maxsize=4096)  # kinds, yes/no and vehicles repeat on every row
def _norm(text: str) -> str:
    return normalise_header(text)


def _table(words: Mapping[Any, Sequence[str]], values: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, names in words.items():
        for name in (*names, key.value, key.value.replace("_", " ")) if values else names:
            out.setdefault(_norm(name), key)
    return out


_KINDS = _table(_KIND_WORDS)
_VEHICLES = _table(_VEHICLE_WORDS)
_SKILLS = _table(_SKILL_WORDS)
_YES_NO = {**{_norm(w): False for w in _NO}, **{_norm(w): True for w in _YES}}


def kind_names() -> list[str]:
    """The allowed kinds as a roster writes them (one Thai name each), for messages."""
    return [names[0] for names in _KIND_WORDS.values()]


@dataclass(frozen=True)
class VolunteerRecord:
    row: int  # the file's row number (header = 1)
    roster_id: Optional[str]
    name: str
    phone: Optional[str]  # national digits only (core.phone)
    kind: Optional[str]  # a VolunteerKind value; None: not given (the default on insert, kept on update)
    skills: Optional[tuple[str, ...]]  # Skill values; None: the file says nothing about skills
    vehicle: Optional[str]
    capacity: Optional[int]
    available: Optional[bool]
    village_no: Optional[str]
    lon: Optional[float]
    lat: Optional[float]
    tambon_code: Optional[str]
    tambon: Optional[str]
    amphoe: Optional[str]
    province: Optional[str]
    row_cells: Mapping[str, Optional[str]] = field(default_factory=dict)  # the file's row as read
    team: Optional[str] = None  # the team's name; None: the file says nothing (kept on update)
    phone_extension: Optional[str] = None  # dropped from the phone number
    other_phones: tuple[str, ...] = ()  # further numbers in the phone cell, not kept

    @property
    def raw(self) -> dict:
        """The row as it came, JSON-able, for a reject the store makes."""
        return raw_of(self.row_cells)

    @property
    def record_key(self) -> str:
        return f"row {self.row}"

    @property
    def has_point(self) -> bool:
        return self.lon is not None and self.lat is not None

    @property
    def source_id(self) -> str:
        """The key in (source, source_id): the roster id, else the phone, else a hash of name and place."""
        if self.roster_id:
            return self.roster_id
        if self.phone:
            return f"tel:{self.phone}"
        place = "|".join(
            _norm(x or "") for x in (self.name, self.village_no, self.tambon_code, self.tambon, self.amphoe)
        )
        return "name:" + hashlib.md5(place.encode("utf-8")).hexdigest()[:16]  # noqa: S324 (a key, not a secret)


@dataclass
class RosterParse:
    mapping: dict[str, str]  # our field → the file's column
    records: list[VolunteerRecord]
    rejects: list[Reject]

    @property
    def phone_extensions(self) -> int:
        return sum(1 for r in self.records if r.phone_extension)

    @property
    def phone_others(self) -> int:
        return sum(1 for r in self.records if r.other_phones)


class _RowRejected(Exception):
    def __init__(self, reason: ImportReason, **detail: Any):
        super().__init__(reason.value)
        self.reason, self.detail = reason, detail


def roster_mapping(headers: Sequence[str], mapping_text: str = "") -> dict[str, str]:
    """Which column holds which field: the user's mapping, then the guesses. ValueError when the file gives
    no name or no way to place a volunteer (coordinates, a tambon name or code), naming its columns."""
    mapping = guess_mapping(headers, SYNONYMS, parse_mapping(mapping_text, FIELDS))
    if "name" not in mapping and "first_name" not in mapping:
        raise ValueError(
            translate(
                "VolunteerImport", "The roster has no name column (ชื่อ, ชื่อ-สกุล or name). Its columns: {0}."
            ).format(", ".join(headers))
        )
    if not ({"lon", "lat"} <= set(mapping) or {"tambon", "tambon_code"} & set(mapping)):
        raise ValueError(
            translate(
                "VolunteerImport",
                "The roster has neither coordinates (lon, lat) nor a tambon (ตำบล or รหัสตำบล) to place volunteers. "
                "Its columns: {0}.",
            ).format(", ".join(headers))
        )
    return mapping


def parse_roster(table: Table, mapping_text: str = "", default_kind: Optional[str] = None) -> RosterParse:
    """Every row of `table` as a VolunteerRecord or a Reject (never an exception for a row's content).

    `default_kind` (a VolunteerKind value) serves rows whose kind is empty or whose file has no kind column;
    without one such a row is a missing_field reject. ValueError for a mapping that names no column."""
    if default_kind is not None:
        VolunteerKind(default_kind)  # ValueError for a kind that is not ours
    mapping = roster_mapping(table.headers, mapping_text)
    numbers = table.row_numbers or list(range(2, len(table.rows) + 2))
    records: list[VolunteerRecord] = []
    rejects: list[Reject] = []
    first_seen: dict[tuple[str, str], int] = {}
    for number, row in zip(numbers, table.rows):
        try:
            record = _record(number, row, mapping, default_kind)
        except _RowRejected as refused:
            rejects.append(reject(f"row {number}", refused.reason, raw_of(row), **refused.detail))
            continue
        keys = [("roster_id", record.roster_id), ("phone", record.phone)]
        if not record.roster_id and not record.phone:
            keys.append(("name", record.source_id))
        seen = next(((k, v) for k, v in keys if v and (k, v) in first_seen), None)
        if seen is not None:
            shown = record.name if seen[0] == "name" else seen[1]
            rejects.append(
                reject(
                    record.record_key,
                    ImportReason.DUPLICATE_IN_BATCH,
                    record.raw,
                    key=shown,
                    first=f"row {first_seen[seen]}",
                )
            )
            continue
        for k, v in keys:
            if v:
                first_seen[(k, v)] = number
        records.append(record)
    return RosterParse(mapping, records, rejects)


def _record(number: int, row: Mapping, mapping: Mapping[str, str], default_kind: Optional[str]) -> VolunteerRecord:
    def cell(key: str) -> Optional[str]:
        column = mapping.get(key)
        return _clean(row.get(column)) if column else None

    name = cell("name")
    if not name:
        first, last = cell("first_name"), cell("last_name")
        if first or last:
            name = " ".join(x for x in ((cell("title") or "") + (first or ""), last) if x)
    if not name:
        raise _RowRejected(ImportReason.MISSING_FIELD, field=_label(mapping, "name", "first_name"))
    _limit(name, _label(mapping, "name", "first_name"), MAX_NAME)
    roster_id = cell("roster_id")
    if roster_id:
        roster_id = ascii_digits(roster_id)
        _limit(roster_id, mapping["roster_id"], MAX_ID)
    phone_text = cell("phone")
    phone = extension = None
    others: tuple[str, ...] = ()
    if phone_text and phone_text not in _BLANK and _norm(phone_text) != _norm("ไม่มี"):
        parsed = normalise_phone(phone_text)
        if parsed is None:
            raise _RowRejected(ImportReason.BAD_PHONE, field=mapping["phone"], value=phone_text)
        phone, extension, others = parsed.number, parsed.extension, parsed.others
    kind = _kind(cell("kind"), mapping)
    if kind is None and default_kind is None:
        raise _RowRejected(ImportReason.MISSING_FIELD, field=mapping.get("kind", "kind"))
    lon, lat = _coordinates(cell("lon"), cell("lat"), mapping)
    tambon_code = _tambon_code(cell("tambon_code"), mapping)
    tambon = _place(cell("tambon"), ("ตำบล", "ต."), mapping.get("tambon"))
    if lon is None and not tambon_code and not tambon:
        raise _RowRejected(ImportReason.NO_LOCATION)
    return VolunteerRecord(
        row=number,
        roster_id=roster_id or None,
        name=name,
        phone=phone,
        kind=kind,
        skills=_skills(row, mapping),
        vehicle=_vehicle(cell("vehicle"), mapping),
        capacity=_capacity(cell("capacity"), mapping),
        available=_yes_no(cell("available"), mapping.get("available")),
        village_no=_village(cell("village_no"), mapping),
        lon=lon,
        lat=lat,
        tambon_code=tambon_code,
        tambon=tambon,
        amphoe=_place(cell("amphoe"), ("อำเภอ", "อ."), mapping.get("amphoe")),
        province=_place(cell("province"), ("จังหวัด", "จ."), mapping.get("province")),
        row_cells=row,
        team=_team(cell("team"), mapping),
        phone_extension=extension,
        other_phones=others,
    )


_PLAIN = re.compile(r"[^\s\x00-\x1f\x7f]+(?: [^\s\x00-\x1f\x7f]+)*")  # nothing to clean: most cells


def _clean(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    text = str(value)
    if _PLAIN.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        return text
    text = re.sub(r"\s+", " ", _CONTROL.sub("", unicodedata.normalize("NFC", text))).strip()
    return text or None


def raw_of(row: Mapping[str, Any]) -> dict:
    """A row as a reject keeps it: keys as text, NUL characters dropped (jsonb cannot hold them)."""
    return {str(k): v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}


def _label(mapping: Mapping[str, str], *keys: str) -> str:
    return next((mapping[k] for k in keys if k in mapping), keys[0])


def _limit(text: str, field_name: str, limit: int) -> None:
    if len(text) > limit:
        raise _RowRejected(ImportReason.TEXT_TOO_LONG, field=field_name, max=limit)


def _kind(text: Optional[str], mapping: Mapping[str, str]) -> Optional[str]:
    if not text or text in _BLANK:
        return None
    found = _KINDS.get(_norm(text))
    if found is None:
        raise _RowRejected(ImportReason.UNKNOWN_VALUE, field=mapping["kind"], value=text, allowed=kind_names())
    return found.value


def _yes_no(text: Optional[str], column: Optional[str]) -> Optional[bool]:
    if not text or text in _BLANK:
        return None
    value = _YES_NO.get(_norm(ascii_digits(text)))
    if value is None:
        raise _RowRejected(ImportReason.BAD_BOOLEAN, field=column or "?", value=text)
    return value


@functools.lru_cache(maxsize=8)  # one mapping per file: computed once, not per row
def _skill_columns(mapping: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {key: column for key, column in mapping if key in SKILL_FIELDS}


def _skills(row: Mapping, mapping: Mapping[str, str]) -> Optional[tuple[str, ...]]:
    columns = _skill_columns(tuple(mapping.items()))
    if "skills" not in mapping and not columns:
        return None  # the file says nothing about skills: keep what the store has
    found: list[str] = []
    for key, column in columns.items():
        if _yes_no(_clean(row.get(column)), column):
            found.append(_SKILL_VALUES[key])
    listed = _clean(row.get(mapping["skills"])) if "skills" in mapping else None
    if listed and listed not in _BLANK and _norm(listed) != _norm("ไม่มี"):
        for word in _LIST_SPLIT.split(listed):
            if not word.strip():
                continue
            skill = _SKILLS.get(_norm(word))
            if skill is None:
                raise _RowRejected(
                    ImportReason.UNKNOWN_VALUE,
                    field=mapping["skills"],
                    value=word.strip(),
                    allowed=[words[0] for words in _SKILL_WORDS.values()],
                )
            found.append(skill.value)
    return tuple(s for s in _SKILL_ORDER if s in found)  # the enum's order, once each


def _vehicle(text: Optional[str], mapping: Mapping[str, str]) -> Optional[str]:
    if not text or text in _BLANK:
        return None
    best = None
    for word in _LIST_SPLIT.split(text):
        if not word.strip():
            continue
        vehicle = _VEHICLES.get(_norm(word))
        if vehicle is None:
            raise _RowRejected(
                ImportReason.UNKNOWN_VALUE,
                field=mapping["vehicle"],
                value=word.strip(),
                allowed=[words[0] for words in _VEHICLE_WORDS.values()],
            )
        if best is None or _VEHICLE_ORDER.index(vehicle) > _VEHICLE_ORDER.index(best):
            best = vehicle
    return best.value if best else None


def _capacity(text: Optional[str], mapping: Mapping[str, str]) -> Optional[int]:
    if not text or text in _BLANK:
        return None
    digits = ascii_digits(text).strip()
    match = re.fullmatch(r"([0-9]{1,4})(?:\.0*)?", digits)
    if not match or int(match.group(1)) > MAX_CAPACITY:
        raise _RowRejected(ImportReason.BAD_NUMBER, field=mapping["capacity"], value=text)
    return int(match.group(1))


def _number(text: Optional[str], column: str) -> Optional[float]:
    if not text or text in _BLANK:
        return None
    try:
        value = float(ascii_digits(text).replace(" ", ""))
    except ValueError:
        raise _RowRejected(ImportReason.BAD_NUMBER, field=column, value=text) from None
    if not math.isfinite(value):
        raise _RowRejected(ImportReason.BAD_NUMBER, field=column, value=text)
    return value


def _coordinates(lon_text: Optional[str], lat_text: Optional[str], mapping: Mapping[str, str]):
    lon = _number(lon_text, mapping.get("lon", "lon"))
    lat = _number(lat_text, mapping.get("lat", "lat"))
    if lon is None and lat is None:
        return None, None
    if lon is None or lat is None:
        raise _RowRejected(ImportReason.MISSING_FIELD, field=mapping.get("lon" if lon is None else "lat", "lon"))
    if not inside_thailand(lon, lat):
        raise _RowRejected(ImportReason.OUTSIDE_THAILAND, lon=lon, lat=lat)
    return lon, lat


def _tambon_code(text: Optional[str], mapping: Mapping[str, str]) -> Optional[str]:
    if not text or text in _BLANK:
        return None
    code = ascii_digits(text).strip()
    if re.fullmatch(r"(?i)th[0-9]+", code):
        code = code[2:]
    code = re.sub(r"\.0+$", "", code)  # a numeric cell written as 670101.0
    if not re.fullmatch(r"[0-9]{6}", code):
        raise _RowRejected(ImportReason.BAD_CODE, field=mapping["tambon_code"], value=text)
    return code


def _place(text: Optional[str], prefixes: Sequence[str], column: Optional[str]) -> Optional[str]:
    """A tambon / amphoe / province name without its "ต." / "อ." / "จ." (or the whole word) in front."""
    if not text or text in _BLANK:
        return None
    for prefix in prefixes:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :].strip()
            break
    _limit(text, column or "?", MAX_PLACE)
    return text or None


def _team(text: Optional[str], mapping: Mapping[str, str]) -> Optional[str]:
    """A team's name as the roster writes it (spaces made single: "ทีม  อสม. 3" and "ทีม อสม. 3" are one team)."""
    if not text or text in _BLANK:
        return None
    _limit(text, mapping["team"], MAX_TEAM)
    return text


def _village(text: Optional[str], mapping: Mapping[str, str]) -> Optional[str]:
    if not text or text in _BLANK:
        return None
    text = ascii_digits(text)
    text = re.sub(r"^(?:หมู่ที่|หมู่|ม\.)\s*", "", text).strip()
    text = re.sub(r"\.0+$", "", text)
    _limit(text, mapping["village_no"], MAX_VILLAGE)
    if re.fullmatch(r"[0-9]+", text):
        text = str(int(text))  # "03" and "3" are the same village
    return text or None
