"""Facility lists (MOPH hospitals, รพ.สต., clinics, pharmacies, or any point file) as facility records.

A `Table` (core.tabular: a point layer, or CSV/XLSX with longitude/latitude columns) and a field mapping
(guessed from the headers, the user's mapping wins) give each row's source id (the key), name, kind, beds,
daily capacity, contact and the source's own type text. The kind comes from a value map: the MOPH type
descriptions are recognised, the user's "value=kind" pairs come first, a default kind serves rows with no
type; any other value is rejected (unknown_value, listing the kinds), never guessed. A row that cannot be
stored is a Reject with its reason code; only the first row of a source id is taken.

Pure: no connection, no Qt widgets. Geometry comes as WKB in EPSG:4326 (read with OGR).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping, Optional

from ..definitions.enums import FacilityKind
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason
from .field_mapping import guess_mapping, parse_mapping
from .import_records import Reject, inside_thailand, jsonable, reject
from .phone import normalise_phone
from .tabular import Table

MOPH_SOURCE = "moph"  # the Ministry's lists: the source id is the MOPH code, also kept in facility.code
MOPH_CODE_DIGITS = 5  # hospital codes (hcode): a spreadsheet that read one as a number lost its leading zeros

# Our field -> header synonyms, in order of preference (compared normalised: case, spaces, dots ignored).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": (
        "source_id",
        "main_code",
        "hoscode",
        "hospcode",
        "hcode",
        "hos_code",
        "code",
        "id",
        "รหัสหน่วยบริการ",
        "รหัสสถานพยาบาล",
        "รหัส",
    ),
    "name": ("name", "name_th", "hosname", "hos_name", "ชื่อหน่วยบริการ", "ชื่อสถานพยาบาล", "ชื่อ"),
    "name_en": ("name_en", "name_eng", "english_name", "ชื่อภาษาอังกฤษ"),
    "kind": (
        "kind",
        "facility_kind",
        "type_desc",
        "type",
        "facility_type",
        "hoslvl",
        "hos_type",
        "ประเภทหน่วยบริการ",
        "ประเภท",
    ),
    "beds": ("bed_total", "beds_total", "beds", "bed", "จำนวนเตียง", "เตียง"),
    "daily_capacity": ("daily_capacity", "capacity_per_day", "per_day", "รับได้ต่อวัน", "ต่อวัน"),
    "contact": ("contact", "phone", "tel", "telephone", "เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์"),
    "lon": ("lon", "lng", "long", "longitude", "x", "ลองจิจูด"),
    "lat": ("lat", "latitude", "y", "ละติจูด"),
}
FIELDS = tuple(SYNONYMS)

# The MOPH lists' own type descriptions (type_desc, Region 12's hoslvl) and plain words, normalised.
_KNOWN_KINDS: dict[str, FacilityKind] = {}
for _kind, _values in (
    (
        FacilityKind.HOSPITAL,
        (
            "โรงพยาบาลศูนย์/โรงพยาบาลทั่วไป",
            "โรงพยาบาลศูนย์",
            "โรงพยาบาลทั่วไป",
            "โรงพยาบาลชุมชน",
            "โรงพยาบาลเอกชน",
            "โรงพยาบาลสังกัดกระทรวงอื่น",
            "โรงพยาบาล",
            "hospital",
        ),
    ),
    (
        FacilityKind.HEALTH_CENTRE,
        (
            "รพ.สต.",
            "รพสต",
            "โรงพยาบาลส่งเสริมสุขภาพตำบล",
            "สถานีอนามัย",
            "1-community",
            "health centre",
            "health center",
            "sub-district health promoting hospital",
        ),
    ),
    (FacilityKind.CLINIC, ("สหคลินิก", "คลินิก", "clinic")),
    (FacilityKind.PHARMACY, ("ร้านขายยา", "pharmacy", "drugstore")),
    (FacilityKind.FIELD_HOSPITAL, ("โรงพยาบาลสนาม", "field hospital")),
    (FacilityKind.COMMUNITY_ISOLATION, ("ศูนย์พักคอย", "ศูนย์พักคอยในชุมชน", "community isolation centre")),
):
    for _value in _values:
        _KNOWN_KINDS[re.sub(r"\s+", "", unicodedata.normalize("NFC", _value)).casefold()] = _kind
for _kind in FacilityKind:
    _KNOWN_KINDS[_kind.value] = _kind
# Families named by how the description starts: คลินิกเวชกรรม, คลินิกทันตกรรม, ...; ร้านขายยาแผนปัจจุบัน, ...;
# Region 12's hoslvl 2-General, 3-Regional.
_KIND_PREFIXES: tuple[tuple[re.Pattern, FacilityKind], ...] = (
    (re.compile(r"^(คลินิก|สหคลินิก)"), FacilityKind.CLINIC),
    (re.compile(r"^ร้านขายยา"), FacilityKind.PHARMACY),
    (re.compile(r"^[23]-"), FacilityKind.HOSPITAL),
)

# A made name (a file without names, as region12_health.gpkg) is stored data, the same in any UI language,
# so importing again in another language changes nothing: the kinds' Thai and English labels, fixed here.
_MADE_NAME = {
    FacilityKind.HOSPITAL: ("โรงพยาบาล", "Hospital"),
    FacilityKind.FIELD_HOSPITAL: ("โรงพยาบาลสนาม", "Field hospital"),
    FacilityKind.COMMUNITY_ISOLATION: ("ศูนย์พักคอยในชุมชน", "Community isolation centre"),
    FacilityKind.SCREENING_POINT: ("จุดตรวจคัดกรอง", "Screening point"),
    FacilityKind.VACCINATION_POINT: ("จุดฉีดวัคซีน", "Vaccination point"),
    FacilityKind.OXYGEN_REFILL: ("จุดเติมออกซิเจน", "Oxygen refill point"),
    FacilityKind.HEALTH_CENTRE: ("รพ.สต.", "Sub-district health promoting hospital"),
    FacilityKind.CLINIC: ("คลินิก", "Clinic"),
    FacilityKind.PHARMACY: ("ร้านขายยา", "Pharmacy"),
}

# Store columns each mapped field fills; a column whose field the file lacks is left as it is on update.
_OWNED_BY_FIELD = {
    "name_en": "name_en",
    "kind": "source_type",
    "beds": "beds_total",
    "daily_capacity": "daily_capacity",
    "contact": "contact",
}
ALWAYS_OWNED = ("name_th", "kind", "geom")
_INT4_MAX = 2**31 - 1


@dataclass(frozen=True)
class FacilityRecord:
    source_id: str
    code: Optional[str]  # the MOPH code (source 'moph'), else None
    name_th: str
    name_en: Optional[str]
    kind: str  # a FacilityKind value
    beds_total: Optional[int]
    daily_capacity: Optional[int]
    contact: Optional[str]
    source_type: Optional[str]  # the source's own type text, e.g. โรงพยาบาลชุมชน
    lon: float
    lat: float
    row: int  # the file's row (or feature) number
    name_made: bool = False


@dataclass
class FacilityRows:
    records: list[FacilityRecord]
    rejects: list[Reject]
    mapping: dict[str, str]  # our field -> the file's column, as used
    owned: tuple[str, ...]  # the store columns this import sets (others are left as they are)
    geometry_used: bool  # points from the layer's geometry (else from the lon/lat columns)
    names_made: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # kind -> records


def normalise_value(text: Optional[str]) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or "")).casefold()


def parse_kind_map(text: Optional[str]) -> dict[str, str]:
    """'value=kind; value=kind' (also one per line) → {normalised value: kind}; ValueError for a pair that is
    not value=kind or a kind that is not one of FacilityKind."""
    allowed = [k.value for k in FacilityKind]
    out: dict[str, str] = {}
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(
                translate("FacilityImport", "'{0}' in the kind map is not value=kind.").format(part.strip())
            )
        value, kind = (s.strip() for s in part.rsplit("=", 1))
        if kind not in allowed:
            raise ValueError(
                translate("FacilityImport", "'{0}' in the kind map is not a facility kind. The kinds: {1}.").format(
                    kind, ", ".join(allowed)
                )
            )
        out[normalise_value(value)] = kind
    return out


def kind_of(value: Optional[str], kind_map: Mapping[str, str]) -> Optional[str]:
    """The kind a type text names: the user's map first, then the known MOPH descriptions; None if neither."""
    key = normalise_value(value)
    if not key:
        return None
    if key in kind_map:
        return kind_map[key]
    known = _KNOWN_KINDS.get(key)
    if known is not None:
        return known.value
    for pattern, kind in _KIND_PREFIXES:
        if pattern.search(key):
            return kind.value
    return None


def parse_decimal(text: str) -> float:
    """A coordinate as typed: '101.06', '101,06' (a decimal comma), ' 101.06 '; ValueError otherwise."""
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in t and "." not in t and t.count(",") == 1:
        t = t.replace(",", ".")
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_count(text: str) -> int:
    """A whole number as typed: '12', '12.0' (a spreadsheet's real), '1,200' (thousands); ValueError otherwise."""
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", t):
        t = t.replace(",", "")
    value = float(t)
    if not math.isfinite(value) or not value.is_integer() or abs(value) > _INT4_MAX:
        raise ValueError(text)  # beyond the store's integer: one cell must not fail the whole file's write
    return int(value)


def contact_text(text: Optional[str]) -> Optional[str]:
    """A facility's public phone in the one national form (core.phone), its extension after ต่อ; a cell that
    is not one Thai number (two numbers, a web address) is kept as written: it is not a reason to reject."""
    phone = normalise_phone(text) if text else None
    if phone is None or phone.others:
        return text
    return f"{phone.number} ต่อ {phone.extension}" if phone.extension else phone.number


def _clean(text: Optional[str]) -> Optional[str]:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text.replace("\x00", "")).strip()  # MOPH names start with a space
    return re.sub(r"\s+", " ", text) or None


def _point_of_wkb(wkb: bytes) -> tuple[Optional[float], Optional[float], Optional[str]]:
    """(lon, lat, None) for a point (or a one-point multipoint); (None, None, problem) otherwise."""
    from osgeo import ogr

    geom = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geom is None:
        return None, None, "unreadable WKB"
    if geom.IsEmpty():
        return None, None, None
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat == ogr.wkbMultiPoint and geom.GetGeometryCount() == 1:
        geom = geom.GetGeometryRef(0)
        flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat != ogr.wkbPoint:
        return None, None, f"not a point: {geom.GetGeometryName()}"
    return geom.GetX(), geom.GetY(), None


def facility_mapping(table: Table, mapping_text: Optional[str] = None) -> dict[str, str]:
    """{our field: the file's column}: the user's mapping ('name=ชื่อ; beds=เตียง') first, then guesses.

    ValueError when the file has no column for the source id, or neither a geometry nor lon/lat columns."""
    mapping = guess_mapping(table.headers, SYNONYMS, parse_mapping(mapping_text, FIELDS))
    columns = ", ".join(table.headers) or "-"
    if "source_id" not in mapping:
        raise ValueError(
            translate(
                "FacilityImport",
                "{0} has no column for the facility's id (the key: main_code, hoscode, code, id, รหัส ...). "
                "Name it in the field mapping, e.g. source_id=COLUMN. Its columns: {1}.",
            ).format(table.name, columns)
        )
    if table.geometries is None and not ("lon" in mapping and "lat" in mapping):
        raise ValueError(
            translate(
                "FacilityImport",
                "{0} has neither point geometries nor longitude and latitude columns (lon/lat, x/y, "
                "ลองจิจูด/ละติจูด). Name them in the field mapping, e.g. lon=COLUMN; lat=COLUMN. Its columns: {1}.",
            ).format(table.name, columns)
        )
    return mapping


def facility_records(
    table: Table,
    source: str = MOPH_SOURCE,
    mapping_text: Optional[str] = None,
    kind_map_text: Optional[str] = None,
    default_kind: Optional[str] = None,
) -> FacilityRows:
    """Every row of `table` as a FacilityRecord or a Reject (see the module docstring).

    ValueError for parameters that name nothing: an unknown field or column in the mapping, a bad kind map
    or default kind, a file without an id column or without points."""
    source = (source or "").strip()
    if not source:
        raise ValueError(translate("FacilityImport", "The source must not be empty (e.g. moph)."))
    allowed = [k.value for k in FacilityKind]
    if default_kind is not None and default_kind not in allowed:
        raise ValueError(
            translate("FacilityImport", "'{0}' is not a facility kind. The kinds: {1}.").format(
                default_kind, ", ".join(allowed)
            )
        )
    kind_map = parse_kind_map(kind_map_text)
    mapping = facility_mapping(table, mapping_text)
    owned = list(ALWAYS_OWNED) + [col for f, col in _OWNED_BY_FIELD.items() if f in mapping]
    if "name" not in mapping and "name_en" not in mapping:
        owned.append("name_en")  # every name is made, the English one too
    if source == MOPH_SOURCE:
        owned.append("code")
    out = FacilityRows([], [], mapping, tuple(owned), table.geometries is not None)
    first_row: dict[str, int] = {}
    numbers = table.row_numbers or list(range(1, len(table.rows) + 1))
    for i, row in enumerate(table.rows):
        geometry = table.geometries[i] if table.geometries is not None else None
        result = _record(row, numbers[i], geometry, source, mapping, kind_map, default_kind, allowed)
        if isinstance(result, Reject):
            out.rejects.append(result)
            continue
        if result.source_id in first_row:
            out.rejects.append(
                reject(
                    result.source_id,
                    ImportReason.DUPLICATE_IN_BATCH,
                    _raw(row),
                    key=result.source_id,
                    first=f"row {first_row[result.source_id]}",
                )
            )
            continue
        first_row[result.source_id] = result.row
        out.records.append(result)
        out.names_made += int(result.name_made)
        out.kinds[result.kind] = out.kinds.get(result.kind, 0) + 1
    return out


def _raw(row: Mapping[str, Optional[str]]) -> dict:
    # jsonb cannot hold \u0000: a NUL in a cell would fail the whole file's write, not just this reject
    return jsonable({k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()})


def _record(
    row: Mapping[str, Optional[str]],
    number: int,
    geometry: Optional[bytes],
    source: str,
    mapping: Mapping[str, str],
    kind_map: Mapping[str, str],
    default_kind: Optional[str],
    allowed: list[str],
):
    def value(field_name: str) -> Optional[str]:
        column = mapping.get(field_name)
        return _clean(row.get(column)) if column else None

    raw = _raw(row)
    source_id = value("source_id")
    key = source_id or f"row {number}"
    if not source_id:
        return reject(key, ImportReason.MISSING_FIELD, raw, field=mapping["source_id"])
    if source == MOPH_SOURCE and source_id.isdigit() and len(source_id) < MOPH_CODE_DIGITS:
        source_id = source_id.zfill(MOPH_CODE_DIGITS)

    # the point: the layer's geometry, else the lon/lat columns
    lon = lat = None
    if geometry is not None:
        lon, lat, problem = _point_of_wkb(geometry)
        if problem:
            return reject(key, ImportReason.BAD_GEOMETRY, raw, problem=problem)
    if lon is None and "lon" in mapping and "lat" in mapping:
        lon_text, lat_text = value("lon"), value("lat")
        if lon_text is None and lat_text is None:
            return reject(key, ImportReason.NO_LOCATION, raw)
        for name, text in (("lon", lon_text), ("lat", lat_text)):
            if text is None:
                return reject(key, ImportReason.MISSING_FIELD, raw, field=mapping[name])
        try:
            lon = parse_decimal(lon_text)
        except ValueError:
            return reject(key, ImportReason.BAD_NUMBER, raw, field=mapping["lon"], value=lon_text)
        try:
            lat = parse_decimal(lat_text)
        except ValueError:
            return reject(key, ImportReason.BAD_NUMBER, raw, field=mapping["lat"], value=lat_text)
    if lon is None or lat is None:
        return reject(key, ImportReason.NO_LOCATION, raw)
    if not inside_thailand(lon, lat):
        return reject(key, ImportReason.OUTSIDE_THAILAND, raw, lon=round(lon, 6), lat=round(lat, 6))

    # the kind: the type text through the value maps, else the default for rows without one
    type_text = value("kind")
    if type_text is not None:
        kind = kind_of(type_text, kind_map)
        if kind is None:
            return reject(key, ImportReason.UNKNOWN_VALUE, raw, field=mapping["kind"], value=type_text, allowed=allowed)
    elif default_kind is not None:
        kind = default_kind
    else:
        return reject(key, ImportReason.MISSING_FIELD, raw, field=mapping.get("kind", "kind"))

    counts: dict[str, Optional[int]] = {}
    for name in ("beds", "daily_capacity"):
        text = value(name)
        if text is None:
            counts[name] = None
            continue
        try:
            number_value = parse_count(text)
        except ValueError:
            return reject(key, ImportReason.BAD_NUMBER, raw, field=mapping[name], value=text)
        if number_value < 0:
            return reject(key, ImportReason.NEGATIVE_NUMBER, raw, field=mapping[name], value=text)
        counts[name] = number_value

    name_th, name_en, made = value("name"), value("name_en"), False
    if name_th is None:  # no names in the file (Region 12) or none in this row: the kind's label and the id
        made_th, made_en = _MADE_NAME[FacilityKind(kind)]
        name_th, made = f"{made_th} {source_id}", True
        if "name" not in mapping and "name_en" not in mapping:
            name_en = f"{made_en} {source_id}"
    return FacilityRecord(
        source_id=source_id,
        code=source_id if source == MOPH_SOURCE else None,
        name_th=name_th,
        name_en=name_en,
        kind=kind,
        beds_total=counts["beds"],
        daily_capacity=counts["daily_capacity"],
        contact=contact_text(value("contact")),
        source_type=type_text,
        lon=float(lon),
        lat=float(lat),
        row=number,
        name_made=made,
    )
