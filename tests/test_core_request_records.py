"""core.request_records: pages of our format and of SOS feeds, tables, each record a record or a reject."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jitasa_qgis.core.import_records import Reject
from jitasa_qgis.core.request_records import (
    FeedFormatError,
    RequestRecord,
    page_cursor,
    parse_time,
    records_from_page,
    records_from_table,
)
from jitasa_qgis.core.tabular import Table


def feed_json(source_id="a", **fields) -> dict:
    base = {
        "id": source_id,
        "category": "oxygen",
        "location": {"type": "Point", "coordinates": [100.5, 16.5]},
        "updated_at": "2026-03-01T08:00:00+07:00",
    }
    base.update(fields)
    return base


def reasons(rejects) -> list[tuple]:
    return [(r.record_key, r.reason) for r in rejects]


def test_a_page_of_our_format():
    page = {
        "records": [
            feed_json("a", urgency="CRITICAL", people_count=3, requester={"name": " Nok ", "phone": "+66 81 234 5678"}),
            feed_json("t", location=None, tambon="670101", expires_at="2020-01-01T00:00:00Z"),
        ],
        "next_cursor": "abc",
    }
    records, rejects = records_from_page(page)
    assert rejects == []
    a, t = records
    assert (a.source_id, a.category, a.urgency, a.people_count) == ("a", "oxygen", "critical", 3)
    assert (a.requester_name, a.requester_phone, a.lon, a.lat, a.tambon) == ("Nok", "0812345678", 100.5, 16.5, None)
    assert a.updated_at == dt.datetime(2026, 3, 1, 1, 0, tzinfo=dt.timezone.utc) and not a.expired
    assert (t.lon, t.tambon, t.expired) == (None, "670101", True)  # expires_at in the past
    assert page_cursor(page) == "abc" and page_cursor({"records": []}) is None


def test_each_bad_record_is_a_reject_with_its_reason():
    page = {
        "records": [
            feed_json("ok"),
            "a string",
            feed_json("cat", category="spaceship"),
            feed_json("urg", urgency="soon"),
            feed_json("far", location={"type": "Point", "coordinates": [2.35, 48.85]}),
            feed_json("pc", people_count=0),
            feed_json("time", updated_at="yesterday"),
            feed_json("nowhere", location=None),
            {"category": "oxygen", "updated_at": "2026-03-01T08:00:00Z"},
            feed_json("loc", location={"type": "LineString", "coordinates": [[100, 16], [101, 17]]}),
        ]
    }
    records, rejects = records_from_page(page)
    assert [r.source_id for r in records] == ["ok"]
    assert reasons(rejects) == [
        ("#1", "not_an_object"),
        ("cat", "unknown_value"),
        ("urg", "unknown_value"),
        ("far", "outside_thailand"),
        ("pc", "schema_violation"),
        ("time", "bad_date"),
        ("nowhere", "no_location"),
        ("#8", "missing_field"),
        ("loc", "schema_violation"),
    ]
    by_key = {r.record_key: r for r in rejects}
    assert by_key["pc"].detail["path"] == "/people_count"
    assert by_key["cat"].detail["allowed"][0] == "patient_transport"
    assert by_key["#8"].detail == {"field": "id"}
    assert by_key["#1"].raw == {"value": "a string"}


def test_the_same_id_twice_keeps_the_newest():
    page = {
        "records": [
            feed_json("d", note="newest", updated_at="2026-03-01T10:00:00+07:00"),
            feed_json("d", note="older", updated_at="2026-03-01T09:00:00+07:00"),
        ]
    }
    records, rejects = records_from_page(page)
    assert [r.note for r in records] == ["newest"]
    assert [(r.reason, r.detail) for r in rejects] == [("duplicate_in_batch", {"key": "d", "first": "#0"})]


@pytest.mark.parametrize("payload", [None, [], {"data": []}, {"records": "x"}, "text", 3])
def test_a_payload_that_is_no_page_is_refused_whole(payload):
    with pytest.raises(FeedFormatError):
        records_from_page(payload)


def test_the_sos_adapter_maps_geojson_records():
    page = {
        "data": [
            {
                "_id": 9001,
                "type": "อาหาร",
                "priority": "ด่วน",
                "detail": "ข้าวสาร",
                "name": "สมชาย",
                "tel": "0812345678",
                "location": {"type": "Point", "coordinates": [100.5, 16.5]},
                "created_at": "2026-03-01T08:00:00+07:00",
                "updated_at": "2026-03-01T08:30:00+07:00",
                "expired_at": "2099-01-01T00:00:00+07:00",
            },
            {
                "id": "s2",
                "location": {"type": "Feature", "geometry": {"type": "Point", "coordinates": [100.6, 16.6]}},
                "created_at": "2026-03-01T08:00:00+07:00",
                "status": "resolved",
            },
            {"id": "s3", "type": "ufo", "location": None, "created_at": "2026-03-01T08:00:00Z"},
        ],
        "meta": {"next_cursor": "p2"},
    }
    records, rejects = records_from_page(page, "sos_geojson")
    first, second = records
    assert (first.source_id, first.category, first.urgency, first.note) == ("9001", "food_supplies", "high", "ข้าวสาร")
    assert (first.requester_name, first.requester_phone, first.expired) == ("สมชาย", "0812345678", False)
    assert first.expires_at == dt.datetime(2099, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert (second.category, second.lon, second.expired) == ("other", 100.6, True)
    assert second.updated_at == second.created_at  # no updated_at: its creation is its version
    assert reasons(rejects) == [("s3", "unknown_value")]
    assert page_cursor(page, "sos_geojson") == "p2"
    assert records_from_page([], "sos_geojson") == ([], [])


def test_times():
    assert parse_time("2026-03-01T08:00:00Z") == dt.datetime(2026, 3, 1, 8, tzinfo=dt.timezone.utc)
    assert parse_time("2026-03-01 08:00").utcoffset() == dt.timedelta(hours=7)  # Thai time
    assert parse_time("1/3/2569 10:30") == parse_time("2026-03-01T10:30:00+07:00")  # Buddhist era, day first
    assert parse_time("2026/03/01 08:00:00+07") == parse_time("2026-03-01T08:00:00+07:00")  # as OGR writes it
    for bad in ("2026-02-30T00:00:00Z", "0001-01-01T00:00:00Z", "tomorrow", 20260301):
        with pytest.raises((ValueError, TypeError)):
            parse_time(bad)


def test_text_the_store_cannot_keep_is_scrubbed_from_the_raw_record():
    records, rejects = records_from_page({"records": [feed_json("n\x00", note="a\x00b"), {"id": float("nan")}]})
    assert records[0].source_id == "n\ufffd" and records[0].note == "a\ufffdb"
    assert rejects[0].raw["id"] == "nan"


def test_a_table_of_text_cells():
    table = Table(
        "hotline.csv",
        ["id", "category", "lon", "lat", "people", "tambon", "phone", "for_other"],
        [
            {
                "id": "1",
                "category": "ยา",
                "lon": "100.5",
                "lat": "16.5",
                "people": "2",
                "tambon": None,
                "phone": "๐๘๑-๒๓๔-๕๖๗๘",
                "for_other": "ใช่",
            },
            {
                "id": None,
                "category": "oxygen",
                "lon": None,
                "lat": None,
                "people": None,
                "tambon": "ในเมือง",
                "phone": None,
                "for_other": None,
            },
            {
                "id": "3",
                "category": "oxygen",
                "lon": "east",
                "lat": "16.5",
                "people": None,
                "tambon": None,
                "phone": None,
                "for_other": None,
            },
            {
                "id": "4",
                "category": "oxygen",
                "lon": "100.5",
                "lat": None,
                "people": None,
                "tambon": None,
                "phone": None,
                "for_other": None,
            },
            {
                "id": "5",
                "category": "oxygen",
                "lon": "100.5",
                "lat": "16.5",
                "people": "1.5",
                "tambon": None,
                "phone": None,
                "for_other": "maybe",
            },
        ],
        None,
        [2, 3, 4, 5, 6],
    )
    mapping = {
        "source_id": "id",
        "category": "category",
        "lon": "lon",
        "lat": "lat",
        "people_count": "people",
        "tambon": "tambon",
        "requester_phone": "phone",
        "for_someone_else": "for_other",
    }
    records, rejects = records_from_table(table, mapping)
    one, three = records
    assert (one.source_id, one.category, one.people_count, one.requester_phone, one.for_someone_else) == (
        "1",
        "medicine",
        2,
        "0812345678",
        True,
    )
    assert one.updated_at is None  # a sheet without times is its own version
    assert (three.source_id, three.tambon, three.lon) == ("row-3", "ในเมือง", None)
    assert reasons(rejects) == [("row 4", "bad_number"), ("row 5", "missing_field"), ("row 6", "bad_number")]


_scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
_json = st.recursive(
    _scalar,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=12), kids, max_size=5),
    max_leaves=15,
)
_near_records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=3) | _json,
        "category": st.sampled_from(["oxygen", "x", "OTHER"]) | _json,
        "location": st.fixed_dictionaries({"type": st.just("Point"), "coordinates": st.lists(st.floats(), max_size=3)})
        | _json,
        "tambon": st.text(max_size=5) | _json,
        "updated_at": st.sampled_from(["2026-03-01T08:00:00Z", "2026-03-01", "x"]) | _json,
        "people_count": st.integers(-3, 10**6) | _json,
        "requester": st.dictionaries(st.sampled_from(["name", "phone"]), _json) | _json,
    },
)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(_near_records | _json, max_size=10), adapter=st.sampled_from(["jitasa", "sos_geojson"]))
def test_any_record_is_taken_or_refused_with_a_reason(items, adapter):
    payload = {"records": items} if adapter == "jitasa" else {"data": items}
    records, rejects = records_from_page(payload, adapter)
    assert len(records) + len(rejects) == len(items)
    assert all(isinstance(r, RequestRecord) for r in records)
    assert all(isinstance(r, Reject) and r.reason for r in rejects)
    assert len({r.source_id for r in records}) == len(records)
    for r in records:
        r.as_store_json()  # JSON-able
    for r in rejects:
        r.raw_hash()


@settings(max_examples=100, deadline=None)
@given(payload=_json)
def test_any_payload_is_a_page_or_refused_whole(payload):
    try:
        records_from_page(payload)
    except FeedFormatError:
        pass


@settings(max_examples=300, deadline=None)
@given(record=_near_records | _json)
def test_the_fast_schema_check_agrees_with_jsonschema(record):
    from jitasa_qgis.core import request_records

    fast = request_records._fast_check()
    if fast is None:
        pytest.skip("python3-fastjsonschema is not installed: jsonschema checks alone")
    check, refused = fast
    try:
        check(record)
        fast_ok = True
    except refused:
        fast_ok = False
    assert fast_ok == request_records._validator().is_valid(record)


_cell = st.none() | st.text(max_size=12) | st.sampled_from(["100.5", "16.5", "oxygen", "ยา", "ใช่", "2", "1/3/2569"])


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries({h: _cell for h in ("id", "category", "lon", "lat", "people", "tambon", "yes", "date")}),
        max_size=8,
    )
)
def test_any_table_row_is_a_record_or_a_reject(rows):
    table = Table("t.csv", list(rows[0]) if rows else [], rows, None, list(range(2, len(rows) + 2)))
    mapping = {
        "source_id": "id",
        "category": "category",
        "lon": "lon",
        "lat": "lat",
        "people_count": "people",
        "tambon": "tambon",
        "for_someone_else": "yes",
        "created_at": "date",
    }
    records, rejects = records_from_table(table, mapping)
    assert len(records) + len(rejects) == len(rows)
    assert all(r.reason for r in rejects) and all(isinstance(r, RequestRecord) for r in records)
