"""Help requests from the public app's feed and from files (a hotline's sheet), checked into `RequestRecord`s.

One page of the feed (parsed JSON) or one table gives (records, rejects): every element is either a record
or a `Reject` with a reason code (definitions/import_reasons.py); bad data never raises. Only a payload that
is not a page at all raises `FeedFormatError` (the whole page is refused, nothing is written).

Our format is docs/FEED.md, one record validated by resources/feed/feed.schema.json (jsonschema). The SOS
adapter maps a GeoJSON-style SOS feed (a list or {"data": [...]} of records with created_at, updated_at,
expired_at and a GeoJSON `location`) into our format first, so both go through the same checks.
The store checks everything again (jitasa.upsert_feed_requests): it trusts nothing sent to it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..definitions.enums import RequestCategory, Urgency
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason
from ..definitions.paths import RESOURCES_DIR
from ..definitions.thai_time import THAI_TIME
from .import_records import Reject, inside_thailand, jsonable, reject
from .phone import ascii_digits, normalise_phone
from .tabular import Table

SCHEMA_PATH = RESOURCES_DIR / "feed" / "feed.schema.json"
ADAPTERS = ("jitasa", "sos_geojson")
CATEGORIES = tuple(c.value for c in RequestCategory)
URGENCIES = tuple(u.value for u in Urgency)


class FeedFormatError(ValueError):
    """The payload is not a page of the feed at all: the whole page is refused and nothing is written."""


@dataclass(frozen=True)
class RequestRecord:
    source_id: str
    category: str  # a RequestCategory value
    urgency: str  # an Urgency value
    people_count: int
    note: Optional[str]
    requester_name: Optional[str]
    requester_phone: Optional[str]  # national digits only (core.phone)
    for_someone_else: bool
    lon: Optional[float]
    lat: Optional[float]
    location_accuracy_m: Optional[float]
    tambon: Optional[str]  # a code or a name, for a record without coordinates
    created_at: Optional[dt.datetime]  # aware
    updated_at: Optional[dt.datetime]  # aware
    expires_at: Optional[dt.datetime]
    expired: bool
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    def as_store_json(self) -> dict[str, Any]:
        """The record as jitasa.upsert_feed_requests takes it (times in ISO 8601 with their offset)."""
        return {
            "source_id": self.source_id,
            "category": self.category,
            "urgency": self.urgency,
            "people_count": self.people_count,
            "note": self.note,
            "requester_name": self.requester_name,
            "requester_phone": self.requester_phone,
            "for_someone_else": self.for_someone_else,
            "lon": self.lon,
            "lat": self.lat,
            "location_accuracy_m": self.location_accuracy_m,
            "tambon": self.tambon,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "expires_at": _iso(self.expires_at),
            "expired": self.expired,
        }


def _iso(value: Optional[dt.datetime]) -> Optional[str]:
    return value.isoformat() if value is not None else None


# --- the schema ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validator():
    import jsonschema  # Debian's python3-jsonschema; only needed here

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _fast_check():
    """The same schema compiled to Python by fastjsonschema (Debian's python3-fastjsonschema, ten times
    faster than jsonschema on a valid record), or None where it is not installed. A record it refuses is
    looked at again by jsonschema, whose error (path, message) is the one reported."""
    try:
        import fastjsonschema
    except ImportError:
        return None
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"  # the schema uses nothing newer
    return fastjsonschema.compile(schema), fastjsonschema.JsonSchemaException


def _json_path(path: Iterable[Any]) -> str:
    return "/" + "/".join(str(p) for p in path)


def _schema_problem(record: Mapping[str, Any]) -> Optional[tuple[str, str, Optional[str]]]:
    """(JSON path, message, the missing property if that is the problem) of the first schema error, or None."""
    fast = _fast_check()
    if fast is not None:
        check, refused = fast
        try:
            check(record)
            return None
        except refused:
            pass
    errors = sorted(_validator().iter_errors(record), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if not errors:
        return None
    first = errors[0]
    missing = None
    if first.validator == "required" and not first.absolute_path:
        missing = next((name for name in first.validator_value if name not in record), None)
    return _json_path(first.absolute_path), first.message[:300], missing


# --- cleaning what JSON can hold but the store cannot ----------------------------------------------------


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates: jsonb and UTF-8 refuse them


def scrub(value: Any) -> Any:
    """A raw value the store can keep as jsonb: NUL and lone surrogates replaced, non-finite numbers as text."""
    if isinstance(value, str):
        if _UNSTORABLE.search(value):
            value = value.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, Mapping):
        return {scrub(str(k)): scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    return jsonable(value)


# In a page's JSON text: NUL (escaped), lone surrogates, NaN / Infinity (false alarms only cost a scrub).
_UNSTORABLE_JSON = re.compile(r"\\u0000|[\ud800-\udfff]|NaN|Infinity")


def _needs_scrub(items: list[Any]) -> bool:
    try:
        text = json.dumps(items, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):  # not from json.loads: let scrub make it JSON
        return True
    return _UNSTORABLE_JSON.search(text) is not None


def parse_time(value: Any) -> Optional[dt.datetime]:
    """An ISO 8601 date and time (a 'Z', an offset, or none: Thai time) as an aware datetime; a bare date is
    its midnight. Raises ValueError for anything else, or a year outside 1900-2199."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if not text:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(_iso_text(text))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=THAI_TIME)  # a hotline's sheet and many local apps write Thai time so
    if not 1900 <= parsed.year <= 2199:
        raise ValueError(value)
    # the store takes at most microseconds and a whole-minute offset
    offset = parsed.utcoffset() or dt.timedelta(0)
    if offset.seconds % 60 or abs(offset) >= dt.timedelta(hours=24):
        raise ValueError(value)
    return parsed


_SLASHED_ISO = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")  # OGR's DateTime text: 2026/03/01 08:00:00+07
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})")  # a Thai sheet: 1/3/2569 (Buddhist era) or 1/3/2026


def _iso_text(text: str) -> str:
    """Dates as OGR and Thai sheets write them, in ISO order (a Buddhist-era year, above 2400, less 543)."""
    match = _SLASHED_ISO.match(text)
    if match:
        year, month, day = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}" + text[match.end() :]
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = match.groups()
        year_n = int(year) - 543 if int(year) > 2400 else int(year)
        return f"{year_n:04d}-{int(month):02d}-{int(day):02d}" + text[match.end() :]
    return text


def _clean(text: Any) -> Optional[str]:
    if text is None:
        return None
    text = str(text).strip()
    return text or None


def _phone(text: Optional[str]) -> Optional[str]:
    """The number in national digits-only form; a number core.phone does not know stays as its digits (a
    request for help is never refused over how its phone is written)."""
    if text is None:
        return None
    found = normalise_phone(text)
    if found is not None:
        return found.number
    digits = re.sub(r"\D", "", ascii_digits(text))
    return digits[:40] or None


# --- one record of our format → RequestRecord or Reject --------------------------------------------------


def check_record(record: Any, key: Optional[str], raw: Any = None, scrubbed: bool = False) -> RequestRecord | Reject:
    """One record of our format (already mapped, for the SOS adapter and tables): a record or a reject.
    `raw` is the record as it came (default: `record`); `scrubbed`: both hold only what jsonb can keep."""
    raw_json = raw if raw is not None else record
    if not scrubbed:
        raw_json = scrub(raw_json)
    if not isinstance(raw_json, Mapping):
        raw_json = {"value": raw_json}
    if not isinstance(record, Mapping):
        return reject(key, ImportReason.NOT_AN_OBJECT, raw_json)
    if not scrubbed:
        record = raw_json if raw is None or raw is record else scrub(record)
    problem = _schema_problem(record)
    if problem is not None and problem[2] is not None:
        return reject(_key_of(record, key), ImportReason.MISSING_FIELD, raw_json, field=problem[2])
    if problem is not None:
        return reject(
            _key_of(record, key), ImportReason.SCHEMA_VIOLATION, raw_json, path=problem[0], message=problem[1]
        )
    source_id = str(record["id"]).strip()
    if not source_id:
        return reject(key, ImportReason.MISSING_FIELD, raw_json, field="id")
    category = record["category"].strip().lower()
    if category not in CATEGORIES:
        return reject(
            source_id,
            ImportReason.UNKNOWN_VALUE,
            raw_json,
            field="category",
            value=record["category"],
            allowed=list(CATEGORIES),
        )
    urgency = (record.get("urgency") or "normal").strip().lower()
    if urgency not in URGENCIES:
        return reject(
            source_id,
            ImportReason.UNKNOWN_VALUE,
            raw_json,
            field="urgency",
            value=record.get("urgency"),
            allowed=list(URGENCIES),
        )
    times = {}
    for name in ("created_at", "updated_at", "expires_at"):
        try:
            times[name] = parse_time(record.get(name))
        except (ValueError, TypeError, OverflowError):
            return reject(source_id, ImportReason.BAD_DATE, raw_json, field=name, value=record.get(name))
    if times["updated_at"] is None:
        return reject(source_id, ImportReason.MISSING_FIELD, raw_json, field="updated_at")
    lon = lat = None
    location = record.get("location")
    if location is not None:
        coords = location["coordinates"]
        lon, lat = float(coords[0]), float(coords[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return reject(source_id, ImportReason.BAD_NUMBER, raw_json, field="location", value=str(coords))
        if not inside_thailand(lon, lat):
            return reject(source_id, ImportReason.OUTSIDE_THAILAND, raw_json, lon=lon, lat=lat)
    accuracy = record.get("location_accuracy_m")
    if accuracy is not None and not math.isfinite(float(accuracy)):
        return reject(source_id, ImportReason.BAD_NUMBER, raw_json, field="location_accuracy_m", value=str(accuracy))
    tambon = _clean(record.get("tambon"))
    if lon is None and tambon is None:
        return reject(source_id, ImportReason.NO_LOCATION, raw_json)
    requester = record.get("requester") or {}
    note = _clean(record.get("note"))
    expires_at = times["expires_at"]
    expired = bool(record.get("expired")) or (expires_at is not None and expires_at <= dt.datetime.now(dt.timezone.utc))
    return RequestRecord(
        source_id=source_id,
        category=category,
        urgency=urgency,
        people_count=int(record.get("people_count") or 1),
        note=note,
        requester_name=_clean(requester.get("name")),
        requester_phone=_phone(_clean(requester.get("phone"))),
        for_someone_else=bool(record.get("for_someone_else")),
        lon=lon,
        lat=lat,
        location_accuracy_m=float(accuracy) if accuracy is not None and lon is not None else None,
        tambon=tambon if lon is None else None,
        created_at=times["created_at"],
        updated_at=times["updated_at"],
        expires_at=expires_at,
        expired=expired,
        raw=raw_json,
    )


def _key_of(record: Mapping[str, Any], fallback: Optional[str]) -> Optional[str]:
    value = record.get("id")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()[:200]
    return fallback


def _dedupe(items: Sequence[tuple[str, RequestRecord]]) -> tuple[list[RequestRecord], list[Reject]]:
    """One record per source id: the newest updated_at is kept (the later one when equal)."""
    best: dict[str, tuple[str, RequestRecord]] = {}
    for where, record in items:
        kept = best.get(record.source_id)
        if kept is None or _newer_or_same(record, kept[1]):
            best[record.source_id] = (where, record)
    kept_ids = {id(r) for _, r in best.values()}
    records, rejects = [], []
    for _where, record in items:
        if id(record) in kept_ids:
            records.append(record)
        else:
            first = best[record.source_id][0]
            rejects.append(
                reject(record.source_id, ImportReason.DUPLICATE_IN_BATCH, record.raw, key=record.source_id, first=first)
            )
    return records, rejects


def _newer_or_same(a: RequestRecord, b: RequestRecord) -> bool:
    low = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return (a.updated_at or low) >= (b.updated_at or low)


# --- pages -----------------------------------------------------------------------------------------------


def _page_items(payload: Any, adapter: str) -> list[Any]:
    if adapter not in ADAPTERS:
        raise FeedFormatError(
            translate("Feed", "Unknown feed format '{0}'; known: {1}.").format(adapter, ", ".join(ADAPTERS))
        )
    if adapter == "jitasa":
        if not isinstance(payload, Mapping) or not isinstance(payload.get("records"), list):
            raise FeedFormatError(
                translate("Feed", "The page is not a feed page: a JSON object with a 'records' list was expected.")
            )
        return payload["records"]
    if isinstance(payload, list):
        return payload
    if isinstance(payload, Mapping) and isinstance(payload.get("data"), list):
        return payload["data"]
    raise FeedFormatError(
        translate("Feed", "The page is not an SOS feed page: a JSON list or an object with a 'data' list was expected.")
    )


def records_from_page(payload: Any, adapter: str = "jitasa") -> tuple[list[RequestRecord], list[Reject]]:
    """One parsed page → (records, rejects); raises FeedFormatError only when the payload is no page."""
    items = _page_items(payload, adapter)
    if _needs_scrub(items):
        items = [scrub(item) for item in items]
    checked: list[tuple[str, RequestRecord]] = []
    rejects: list[Reject] = []
    for index, item in enumerate(items):
        mapped = sos_record(item) if adapter == "sos_geojson" and isinstance(item, Mapping) else item
        result = check_record(mapped, f"#{index}", raw=item, scrubbed=True)
        if isinstance(result, Reject):
            rejects.append(result)
        else:
            checked.append((f"#{index}", result))
    records, duplicates = _dedupe(checked)
    return records, rejects + duplicates


def page_cursor(payload: Any, adapter: str = "jitasa") -> Optional[str]:
    """The cursor of the next page, if the page carries one (else None: the last page, or no paging)."""
    if not isinstance(payload, Mapping):
        return None
    candidates = [payload.get("next_cursor")]
    if adapter == "sos_geojson":
        meta = payload.get("meta") if isinstance(payload.get("meta"), Mapping) else {}
        candidates += [payload.get("next"), payload.get("cursor"), meta.get("next_cursor"), meta.get("next")]
    for value in candidates:
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


# --- the SOS adapter -------------------------------------------------------------------------------------

# Words the SOS apps and hotline sheets use, to our categories (ours stay as they are).
CATEGORY_WORDS: dict[str, str] = {
    "transport": "patient_transport",
    "ride": "patient_transport",
    "hospital": "patient_transport",
    "รับส่งผู้ป่วย": "patient_transport",
    "รถรับส่ง": "patient_transport",
    "ไปโรงพยาบาล": "patient_transport",
    "covid_transport": "infectious_transport",
    "รับผู้ติดเชื้อ": "infectious_transport",
    "ผู้ติดเชื้อ": "infectious_transport",
    "ออกซิเจน": "oxygen",
    "o2": "oxygen",
    "food": "food_supplies",
    "supplies": "food_supplies",
    "อาหาร": "food_supplies",
    "ถุงยังชีพ": "food_supplies",
    "อาหารและของใช้": "food_supplies",
    "ยา": "medicine",
    "medication": "medicine",
    "drugs": "medicine",
    "ตรวจคัดกรอง": "screening",
    "ตรวจโควิด": "screening",
    "test": "screening",
    "testing": "screening",
    "วัคซีน": "vaccination",
    "vaccine": "vaccination",
    "ฉีดวัคซีน": "vaccination",
    "medical": "medical_help",
    "doctor": "medical_help",
    "การแพทย์": "medical_help",
    "หมอ": "medical_help",
    "อื่นๆ": "other",
    "อื่น ๆ": "other",
}
URGENCY_WORDS: dict[str, str] = {
    "emergency": "critical",
    "urgent": "high",
    "ด่วนมาก": "critical",
    "วิกฤต": "critical",
    "ด่วน": "high",
    "ปกติ": "normal",
    "medium": "normal",
    "ไม่ด่วน": "low",
    "1": "critical",
    "2": "high",
    "3": "normal",
    "4": "low",
}


def category_of(value: Any) -> Any:
    """Our category for a word of a feed or a sheet; an unknown word as it is (the check refuses it)."""
    if not isinstance(value, str):
        return value
    word = value.strip().lower()
    return word if word in CATEGORIES else CATEGORY_WORDS.get(word, value)


def urgency_of(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    word = value.strip().lower()
    return word if word in URGENCIES else URGENCY_WORDS.get(word, value)


def _first(record: Mapping[str, Any], *names: str) -> Any:
    for name in names:
        if record.get(name) is not None:
            return record[name]
    return None


def sos_record(item: Mapping[str, Any]) -> dict[str, Any]:
    """An SOS record in our format (docs/FEED.md, "The SOS adapter")."""
    location = item.get("location")
    if isinstance(location, Mapping) and location.get("type") == "Feature":
        location = location.get("geometry")
    expired_at = _first(item, "expired_at", "expires_at")
    status = str(item.get("status") or "").strip().lower()
    expired = item.get("expired")
    if expired is None and status in ("expired", "closed", "resolved", "done", "cancelled"):
        expired = True
    mapped: dict[str, Any] = {
        "id": _first(item, "id", "_id", "uuid"),
        "category": category_of(_first(item, "category", "type", "help_type") or "other"),
        "urgency": urgency_of(_first(item, "urgency", "priority", "severity")),
        "people_count": _first(item, "people_count", "people", "patients", "number_of_people"),
        "note": _first(item, "note", "detail", "details", "description", "message"),
        "requester": {
            "name": _first(item, "requester_name", "name", "contact_name"),
            "phone": _first(item, "requester_phone", "phone", "tel", "contact_phone", "phone_number"),
        },
        "for_someone_else": _first(item, "for_someone_else", "for_other"),
        "location": location,
        "location_accuracy_m": _first(item, "location_accuracy_m", "accuracy"),
        "tambon": _first(item, "tambon", "subdistrict", "sub_district"),
        "created_at": item.get("created_at"),
        "updated_at": _first(item, "updated_at", "created_at"),
        "expires_at": expired_at,
        "expired": expired,
    }
    requester = mapped["requester"]
    for name in ("name", "phone"):
        if isinstance(requester[name], (int, float)) and not isinstance(requester[name], bool):
            requester[name] = str(requester[name])
    return {k: v for k, v in mapped.items() if v is not None}


# --- files -----------------------------------------------------------------------------------------------

# Our fields of a request table, and the headers that name them (core.field_mapping.guess_mapping).
TABLE_FIELDS = (
    "source_id",
    "category",
    "urgency",
    "people_count",
    "note",
    "requester_name",
    "requester_phone",
    "for_someone_else",
    "lon",
    "lat",
    "location_accuracy_m",
    "tambon",
    "created_at",
    "updated_at",
    "expires_at",
)
TABLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": ("source_id", "id", "request_id", "ticket", "case_id", "รหัส", "เลขที่", "ลำดับ"),
    "category": ("category", "type", "help_type", "need", "ประเภท", "ความช่วยเหลือ", "ต้องการ"),
    "urgency": ("urgency", "priority", "severity", "ความเร่งด่วน", "ระดับ"),
    "people_count": ("people_count", "people", "persons", "patients", "จำนวนคน", "จำนวน"),
    "note": ("note", "detail", "details", "description", "remark", "หมายเหตุ", "รายละเอียด"),
    "requester_name": ("requester_name", "name", "contact_name", "ชื่อ", "ชื่อผู้ขอ", "ชื่อ-นามสกุล"),
    "requester_phone": ("requester_phone", "phone", "tel", "mobile", "เบอร์โทร", "โทรศัพท์", "เบอร์"),
    "for_someone_else": ("for_someone_else", "for_other", "ขอให้ผู้อื่น", "แจ้งแทน"),
    "lon": ("lon", "lng", "long", "longitude", "x", "ลองจิจูด"),
    "lat": ("lat", "latitude", "y", "ละติจูด"),
    "location_accuracy_m": ("location_accuracy_m", "accuracy", "ความแม่นยำ"),
    "tambon": ("tambon", "subdistrict", "sub_district", "tambon_code", "ตำบล"),
    "created_at": ("created_at", "created", "date", "time", "timestamp", "วันที่", "เวลา"),
    "updated_at": ("updated_at", "updated", "modified", "แก้ไขล่าสุด"),
    "expires_at": ("expires_at", "expired_at", "expiry", "หมดอายุ"),
}
_NO_TIME = "1900-01-01T00:00:00+00:00"
_YES = {"1", "true", "yes", "y", "t", "ใช่", "ใช้", "มี", "แทน", "x", "✓"}
_NO = {"0", "false", "no", "n", "f", "ไม่", "ไม่ใช่", "ไม่มี", "-"}


def _table_number(text: Optional[str], name: str, row_key: str, raw: Mapping[str, Any], integer: bool = False):
    if text is None:
        return None, None
    cleaned = ascii_digits(text).replace(",", "").strip()
    try:
        value = int(float(cleaned)) if integer and re.fullmatch(r"-?\d+(\.0+)?", cleaned) else float(cleaned)
    except ValueError:
        return None, reject(row_key, ImportReason.BAD_NUMBER, raw, field=name, value=text)
    if integer and not isinstance(value, int):
        return None, reject(row_key, ImportReason.BAD_NUMBER, raw, field=name, value=text)
    if not math.isfinite(value):
        return None, reject(row_key, ImportReason.BAD_NUMBER, raw, field=name, value=text)
    return value, None


def _point_of(wkb: Optional[bytes]) -> Optional[tuple[float, float]]:
    if not wkb:
        return None
    from shapely import wkb as shapely_wkb  # Debian's python3-shapely

    geom = shapely_wkb.loads(bytes(wkb))
    if geom.is_empty:
        return None
    if geom.geom_type == "MultiPoint" and len(geom.geoms) == 1:
        geom = geom.geoms[0]
    if geom.geom_type != "Point":
        raise ValueError(geom.geom_type)
    return float(geom.x), float(geom.y)


def records_from_table(table: Table, mapping: Mapping[str, str]) -> tuple[list[RequestRecord], list[Reject]]:
    """Rows of a CSV / XLSX / GeoJSON table → (records, rejects), with the same checks as the feed.

    `mapping` is {our field: the table's column} (TABLE_FIELDS; core.field_mapping). A table without an id
    column keys its rows by row number ("row-12"), so importing the same file again finds them again. A row
    without updated_at takes created_at, else the time of the import is not used: the file is its own version.
    """
    checked: list[tuple[str, RequestRecord]] = []
    rejects: list[Reject] = []
    numbers = table.row_numbers or list(range(2, len(table.rows) + 2))
    for i, row in enumerate(table.rows):
        row_key = f"row {numbers[i]}"
        raw = {k: v for k, v in row.items()}
        values = {name: row.get(column) for name, column in mapping.items()}
        failure: Optional[Reject] = None
        numbers_of: dict[str, Any] = {}
        for name, integer in (("people_count", True), ("lon", False), ("lat", False), ("location_accuracy_m", False)):
            numbers_of[name], failure = _table_number(values.get(name), name, row_key, raw, integer)
            if failure is not None:
                break
        if failure is None:
            fse_text = (values.get("for_someone_else") or "").strip().lower()
            if fse_text and fse_text not in _YES and fse_text not in _NO:
                failure = reject(
                    row_key, ImportReason.BAD_BOOLEAN, raw, field="for_someone_else", value=values["for_someone_else"]
                )
        point = None
        if failure is None and numbers_of["lon"] is None and numbers_of["lat"] is None and table.geometries:
            try:
                point = _point_of(table.geometries[i])
            except Exception as exc:  # shapely raises several kinds for a broken WKB
                failure = reject(row_key, ImportReason.BAD_GEOMETRY, raw, problem=str(exc)[:200])
        if failure is not None:
            rejects.append(failure)
            continue
        if numbers_of["lon"] is not None or numbers_of["lat"] is not None:
            if numbers_of["lon"] is None or numbers_of["lat"] is None:
                missing = "lon" if numbers_of["lon"] is None else "lat"
                rejects.append(reject(row_key, ImportReason.MISSING_FIELD, raw, field=missing))
                continue
            point = (numbers_of["lon"], numbers_of["lat"])
        # a sheet without times is its own version: checked with a stand-in, stored without one
        updated = values.get("updated_at") or values.get("created_at") or _NO_TIME
        record = {
            "id": values.get("source_id") or f"row-{numbers[i]}",
            "category": category_of(values.get("category")) if values.get("category") else None,
            "urgency": urgency_of(values.get("urgency")) if values.get("urgency") else None,
            "people_count": numbers_of["people_count"],
            "note": values.get("note"),
            "requester": {"name": values.get("requester_name"), "phone": values.get("requester_phone")},
            "for_someone_else": fse_text in _YES if fse_text else None,
            "location": {"type": "Point", "coordinates": list(point)} if point else None,
            "location_accuracy_m": numbers_of["location_accuracy_m"],
            "tambon": values.get("tambon"),
            "created_at": values.get("created_at"),
            "updated_at": updated,
            "expires_at": values.get("expires_at"),
        }
        record = {k: v for k, v in record.items() if v is not None}
        result = check_record(record, row_key, raw=raw)
        if isinstance(result, Reject):
            rejects.append(result)
        else:
            if updated is _NO_TIME:
                result = replace(result, updated_at=None)
            checked.append((row_key, result))
    records, duplicates = _dedupe(checked)
    return records, rejects + duplicates
