"""Admin-area records (province, amphoe, tambon) from a core.tabular Table of polygons, and the rows refused.

Codes are the keys: COD-AB pcodes ("TH" + DOPA code: TH670101) or plain DOPA codes in a field the user names
or that is guessed from the headers. The level comes from the code's length (2 province, 4 amphoe, 6 tambon)
or from a level the user fixes. Parents are derived from the codes (670101 → 6701 → 67); a tambon layer in
COD-AB layout carries its parents' names (adm2_th, adm1_th...), kept so the store can create a parent that
neither the file nor the store holds. Geometries must be polygonal: Polygon or MultiPolygon become
MultiPolygon; whether they are valid is the store's question (it repairs them with ST_MakeValid).

Pure: text and WKB in, dataclasses out; every row not taken is a Reject with an ImportReason code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence, Union

from osgeo import ogr

from ..definitions.enums import AdminLevel
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason
from .field_mapping import guess_mapping, normalise_header
from .import_records import Reject, jsonable, reject
from .tabular import Table

LEVELS = (AdminLevel.PROVINCE.value, AdminLevel.AMPHOE.value, AdminLevel.TAMBON.value)
CODE_LENGTH = {"province": 2, "amphoe": 4, "tambon": 6}
LEVEL_OF_LENGTH = {n: level for level, n in CODE_LENGTH.items()}
COD_AB_NUMBER = {"province": 1, "amphoe": 2, "tambon": 3}
_PARENT = {"tambon": "amphoe", "amphoe": "province"}

FIELDS = ("code", "name_th", "name_en", "population", "amphoe_th", "amphoe_en", "province_th", "province_en")

# Codes of each level; a COD-AB tambon layer holds adm3, adm2 and adm1 pcodes and is read as tambons.
_CODE_BY_LEVEL = {
    "tambon": ("adm3_pcode", "tambon_code", "tb_code", "TB_IDN", "tambon_id", "รหัสตำบล"),
    "amphoe": ("adm2_pcode", "amphoe_code", "ap_code", "AP_IDN", "amphoe_id", "district_code", "รหัสอำเภอ"),
    "province": ("adm1_pcode", "province_code", "pv_code", "PV_IDN", "prov_code", "province_id", "รหัสจังหวัด"),
}
_CODE_GENERIC = ("code", "pcode", "dopa_code", "รหัส", "รหัสพื้นที่")
# Deepest first, whatever level the user fixes: a tambon layer imported as 'amphoe' then refuses its 6-digit
# codes (bad_code) instead of taking each amphoe's shape from one of its tambons.
_CODE_SYNONYMS = tuple(s for lv in ("tambon", "amphoe", "province") for s in _CODE_BY_LEVEL[lv]) + _CODE_GENERIC
_NAMES = {
    "name_th": (
        "name_th",
        "tambon_th",
        "tb_th",
        "TB_TN",
        "amphoe_th",
        "ap_th",
        "AP_TN",
        "province_th",
        "pv_th",
        "PV_TN",
        "ชื่อตำบล",
        "ชื่ออำเภอ",
        "ชื่อจังหวัด",
        "ชื่อ",
        "ตำบล",
        "name",
        "ชื่อไทย",
    ),
    "name_en": (
        "name_en",
        "tambon_en",
        "tb_en",
        "TB_EN",
        "amphoe_en",
        "ap_en",
        "AP_EN",
        "province_en",
        "pv_en",
        "PV_EN",
        "name_eng",
        "english_name",
        "ชื่ออังกฤษ",
    ),
    "population": ("population", "pop", "pop_total", "total_population", "d_pop", "ประชากร", "จำนวนประชากร"),
}
_PARENT_NAMES = {
    "amphoe_th": ("amphoe_th", "ap_th", "AP_TN", "ชื่ออำเภอ", "อำเภอ", "district_th"),
    "amphoe_en": ("amphoe_en", "ap_en", "AP_EN", "district_en"),
    "province_th": ("province_th", "pv_th", "PV_TN", "pro_th", "prov_th", "ชื่อจังหวัด", "จังหวัด"),
    "province_en": ("province_en", "pv_en", "PV_EN", "pro_en", "prov_en"),
}
_COD_AB_CODE = re.compile(r"adm([123])pcode")  # on a normalised header
_POPULATION = re.compile(r"\d{1,3}(,\d{3})+|\d+(\.0*)?")


@dataclass(frozen=True)
class AdminArea:
    """One area as the store takes it; `population` and `name_en` None mean 'the file does not say'."""

    level: str
    code: str  # DOPA code: '67', '6701', '670101'
    parent_code: Optional[str]
    name_th: str
    name_en: Optional[str]
    population: Optional[int]
    wkb: bytes  # 2D MultiPolygon, EPSG:4326 (validity checked by the store)
    row: str = ""  # where it came from, for a reject found later: 'tambon_codab row 12'
    raw: Mapping = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ParentName:
    name_th: Optional[str]
    name_en: Optional[str]


@dataclass
class AdminRecords:
    areas: list[AdminArea]  # parents before children, each code once
    parent_names: dict[str, ParentName]  # code of a parent (amphoe, province) → its names in the files
    rejects: list[Reject]
    reject_levels: list[str] = field(default_factory=list)  # the level each reject was meant to be
    outside_filter: int = 0  # rows of provinces the filter left out (not rejects)
    mappings: list[dict[str, str]] = field(default_factory=list)  # per table: our field → its column

    def count(self, level: str) -> int:
        return sum(1 for a in self.areas if a.level == level)


def dopa_code(text: Optional[str]) -> Optional[str]:
    """'TH670101' or '670101' (or '670101.0' from a number field) → '670101'; None when not a DOPA code."""
    value = (text or "").strip()
    if value[:2].upper() == "TH":
        value = value[2:]
    if re.fullmatch(r"\d+\.0*", value):
        value = value.split(".")[0]
    return value if value.isdigit() and len(value) in LEVEL_OF_LENGTH else None


def parent_of(code: str) -> Optional[str]:
    return code[:-2] if len(code) > 2 else None


def field_mapping(headers: Sequence[str], given: Optional[Mapping[str, str]] = None) -> dict:
    """Our field → the table's column: `given` first, then the code field, then the names that go with it
    (adm3_pcode → adm3_th, adm3_en; the adm2 / adm1 names as the parents'), then the generic guesses."""
    given = dict(given or {})
    mapping = guess_mapping(headers, {"code": _CODE_SYNONYMS}, {k: v for k, v in given.items() if k == "code"})
    if "code" not in mapping:
        return guess_mapping(headers, {}, given)
    derived: dict[str, str] = {}
    cod_ab = _COD_AB_CODE.fullmatch(normalise_header(mapping["code"]))
    if cod_ab:
        k = int(cod_ab.group(1))
        names = {f"adm{k}_th": "name_th", f"adm{k}_en": "name_en"}
        for parent_level, number in (("amphoe", 2), ("province", 1)):
            if number < k:
                names[f"adm{number}_th"] = f"{parent_level}_th"
                names[f"adm{number}_en"] = f"{parent_level}_en"
        by_norm = {normalise_header(h): h for h in headers}
        for column, key in names.items():
            if normalise_header(column) in by_norm and key not in given:
                derived[key] = by_norm[normalise_header(column)]
    synonyms = {k: v for k, v in {**_NAMES, **_PARENT_NAMES}.items() if k not in derived}
    return guess_mapping(headers, synonyms, {**given, **mapping, **derived})


def parse_provinces(text: Optional[str]) -> list[str]:
    """'67, เพชรบูรณ์, Phitsanulok' → ['67', 'เพชรบูรณ์', 'Phitsanulok'] (empty: every province)."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def admin_records(
    tables: Iterable[Table],
    given: Optional[Mapping[str, str]] = None,
    level: str = "",
    provinces: Optional[Iterable[str]] = None,
) -> AdminRecords:
    """Every table's rows as areas (parents first) and rejects; see the module docstring.

    `level`: '' for the code's own length, or one of LEVELS (a code of another length is then bad_code).
    `provinces`: province codes ('67') to keep, None or empty for all (names are resolved by the caller,
    see province_codes_of). Raises ValueError when a table has no code field or `level` is unknown."""
    if level and level not in LEVELS:
        raise ValueError(translate("AdminImport", "Unknown level: {0}").format(level))
    keep = {c for c in (provinces or ()) if c}
    out = AdminRecords([], {}, [])
    seen: dict[str, str] = {}
    taken: list[AdminArea] = []
    for table in tables:
        mapping = field_mapping(table.headers, given)
        if "code" not in mapping:
            raise ValueError(
                translate(
                    "AdminImport",
                    "{0}: no column with the area codes (e.g. adm3_pcode, tambon_code). Its columns: {1}.",
                ).format(table.name, ", ".join(table.headers))
            )
        out.mappings.append(mapping)
        if table.geometries is None:
            raise ValueError(
                translate("AdminImport", "{0} has no geometries: admin areas need polygons.").format(table.name)
            )
        fallback = level or _cod_ab_level(mapping["code"]) or "tambon"
        for i, row in enumerate(table.rows):
            number = table.row_numbers[i] if i < len(table.row_numbers) else i + 1
            where = f"{table.name} row {number}"
            raw = {k: jsonable(v) for k, v in row.items()}
            code = dopa_code(row.get(mapping["code"]))
            if code is not None and keep and code[:2] not in keep:
                out.outside_filter += 1
                continue
            area = _area(row, table.geometries[i], mapping, level, where, raw)
            if isinstance(area, Reject):
                out.rejects.append(area)
                out.reject_levels.append(LEVEL_OF_LENGTH[len(code)] if code else fallback)
                continue
            _note_parent_names(row, mapping, area.code, out.parent_names)
            if area.code in seen:
                out.rejects.append(
                    reject(where, ImportReason.DUPLICATE_IN_BATCH, raw, key=area.code, first=seen[area.code])
                )
                out.reject_levels.append(area.level)
                continue
            seen[area.code] = where
            taken.append(area)
    # the file's own areas name their parents better than a child's parent columns
    for area in taken:
        if area.level != "tambon":
            out.parent_names[area.code] = ParentName(area.name_th, area.name_en)
    out.areas = sorted(taken, key=lambda a: (len(a.code), a.code))
    return out


def _cod_ab_level(column: str) -> str:
    match = _COD_AB_CODE.fullmatch(normalise_header(column))
    return {"1": "province", "2": "amphoe", "3": "tambon"}[match.group(1)] if match else ""


def _area(row, wkb, mapping, level, where, raw) -> Union[AdminArea, Reject]:
    """The row as an area, or the Reject saying why not."""
    code_text = row.get(mapping["code"])
    if not code_text:
        return reject(where, ImportReason.MISSING_FIELD, raw, field=mapping["code"])
    code = dopa_code(code_text)
    if code is None or (level and len(code) != CODE_LENGTH[level]):
        return reject(where, ImportReason.BAD_CODE, raw, field=mapping["code"], value=code_text)
    name_th = _text(row, mapping.get("name_th"))
    if not name_th:
        return reject(where, ImportReason.MISSING_FIELD, raw, field=mapping.get("name_th") or "name_th")
    population = None
    if mapping.get("population"):
        value = _text(row, mapping["population"])
        if value is not None:
            # a count of people: digits (with thousands commas), never negative, never guessed from text
            if not _POPULATION.fullmatch(value) or int(float(value.replace(",", ""))) >= 2**31:
                return reject(where, ImportReason.BAD_NUMBER, raw, field=mapping["population"], value=value)
            population = int(float(value.replace(",", "")))
    multipolygon, problem = polygonal_wkb(wkb)
    if multipolygon is None:
        return reject(where, ImportReason.BAD_GEOMETRY, raw, problem=problem)
    return AdminArea(
        level=LEVEL_OF_LENGTH[len(code)],
        code=code,
        parent_code=parent_of(code),
        name_th=name_th,
        name_en=_text(row, mapping.get("name_en")),
        population=population,
        wkb=multipolygon,
        row=where,
        raw=raw,
    )


def _note_parent_names(row, mapping, code: str, names: dict[str, ParentName]) -> None:
    for parent_level, length in (("amphoe", 4), ("province", 2)):
        if len(code) <= length:
            continue
        th = _text(row, mapping.get(f"{parent_level}_th"))
        en = _text(row, mapping.get(f"{parent_level}_en"))
        if (th or en) and code[:length] not in names:
            names[code[:length]] = ParentName(th, en)


def polygonal_wkb(wkb: Optional[bytes]) -> tuple[Optional[bytes], str]:
    """(2D MultiPolygon WKB, '') for a Polygon / MultiPolygon, else (None, what is wrong), in English
    words kept in the reject's detail."""
    if not wkb:
        return None, "no geometry"
    geom = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geom is None:
        return None, "unreadable geometry"
    if geom.IsEmpty():
        return None, "empty geometry"
    kind = ogr.GT_Flatten(geom.GetGeometryType())
    if kind not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return None, f"not a polygon: {ogr.GeometryTypeToName(kind)}"
    geom = ogr.ForceToMultiPolygon(geom)
    geom.FlattenTo2D()
    return bytes(geom.ExportToWkb(ogr.wkbNDR)), ""


@dataclass(frozen=True)
class ParentToCreate:
    code: str
    level: str
    parent_code: Optional[str]
    name_th: str
    name_en: Optional[str]


def plan_parents(
    areas: Sequence[AdminArea], store_codes: Iterable[str], names: Mapping[str, ParentName]
) -> tuple[list[ParentToCreate], list[tuple[AdminArea, str]]]:
    """Parents that neither the areas nor the store hold: those the files name are created (from their
    children, deepest first); an area with a missing parent nobody names is refused, as (area, the
    missing code) — and then so are the areas below it."""
    store = set(store_codes)
    refused: dict[str, tuple[AdminArea, str]] = {}
    while True:
        have = {a.code for a in areas if a.code not in refused} | store
        create: dict[str, ParentToCreate] = {}
        changed = False
        for area in areas:
            if area.code in refused:
                continue
            chain: list[str] = []
            code = area.parent_code
            while code and code not in have:
                chain.append(code)
                code = parent_of(code)
            unnamed = [c for c in chain if not (names.get(c) and (names[c].name_th or names[c].name_en))]
            if unnamed:
                refused[area.code] = (area, unnamed[0])
                changed = True
                continue
            for c in chain:
                create[c] = ParentToCreate(
                    c, LEVEL_OF_LENGTH[len(c)], parent_of(c), names[c].name_th or names[c].name_en, names[c].name_en
                )
        if not changed:
            break
    ordered = sorted(create.values(), key=lambda p: (-len(p.code), p.code))
    return ordered, [refused[c] for c in sorted(refused)]


def province_codes_of(names: Iterable[str], known: Mapping[str, Iterable[str]]) -> tuple[list[str], list[str]]:
    """Province tokens (codes, 'TH67', Thai or English names) → (codes, tokens that name nothing).

    `known`: province code → its names (from the files and the store)."""
    by_name: dict[str, str] = {}
    for code, labels in known.items():
        for label in labels:
            if label:
                by_name[_folded(label)] = code
    codes, unknown = [], []
    for token in names:
        code = dopa_code(token)
        if code is not None and len(code) == 2:
            codes.append(code)
            continue
        match = by_name.get(_folded(token)) or by_name.get(_folded(re.sub(r"^(จังหวัด|จ\.)\s*", "", token.strip())))
        if match:
            codes.append(match)
        else:
            unknown.append(token)
    return sorted(set(codes)), unknown


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _text(row: Mapping[str, Optional[str]], column: Optional[str]) -> Optional[str]:
    if not column:
        return None
    value = row.get(column)
    value = re.sub(r"\s+", " ", value).strip() if value else None
    return value or None


def polygon_layers(path: Union[str, Path]) -> list[str]:
    """The polygon layers of an OGR file (a GeoPackage with province, amphoe and tambon layers)."""
    ds = ogr.Open(str(path))
    if ds is None:
        return []
    names = []
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        if ogr.GT_Flatten(layer.GetGeomType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            names.append(layer.GetName())
    return names
