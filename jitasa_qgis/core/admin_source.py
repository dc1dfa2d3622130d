"""Read admin boundaries and hospitals from GeoPackages (OCHA COD-AB layout, MOPH hospital list).

Plain dataclasses out, no Qt: the demo generator, benchmarks and the store writer all start from these.
The same reader serves the Phetchabun demo file (province_codab, amphoe_codab, tambon_codab) and the
national file (adm1_province, adm2_amphoe, adm3_tambon): layers are found by their adm<k>_pcode fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Optional, Union

from osgeo import ogr, osr

from ..definitions.enums import AdminLevel, FacilityKind
from ..definitions.i18n import translate

PathLike = Union[str, Path]

# COD-AB admin level number for each of our levels; parents come from adm<k-1>_pcode.
LEVEL_NUMBER = {AdminLevel.PROVINCE.value: 1, AdminLevel.AMPHOE.value: 2, AdminLevel.TAMBON.value: 3}
LEVEL_CODE_LENGTH = {1: 2, 2: 4, 3: 6}
DEFAULT_FACILITY_LAYER = "hospitals_moph"


class DemoDataError(ValueError):
    """A demo/benchmark source file is missing or lacks what we need; the message names path and gap."""


@dataclass(frozen=True)
class AdminAreaRecord:
    level: str  # AdminLevel value
    code: str  # DOPA code without "TH": '67', '6701', '670101'
    parent_code: Optional[str]
    name_th: str
    name_en: Optional[str]
    wkb: bytes  # 2D MultiPolygon, EPSG:4326


@dataclass(frozen=True)
class FacilityRecord:
    code: Optional[str]
    name_th: str
    name_en: Optional[str]
    kind: str  # FacilityKind value
    beds_total: Optional[int]
    lon: float
    lat: float


def read_admin_areas(path: PathLike, layers: Optional[Mapping[str, str]] = None) -> list[AdminAreaRecord]:
    """Provinces, then amphoe, then tambons (parents before children), from one GeoPackage.

    `layers` maps level ('province'/'amphoe'/'tambon') to a layer name; levels left out are auto-detected.
    """
    ds = _open(path)
    chosen = detect_admin_layers(ds, path, layers or {})
    records: list[AdminAreaRecord] = []
    for level in LEVEL_NUMBER:
        records.extend(_read_level(ds.GetLayerByName(chosen[level]), level, path))
    return records


def detect_admin_layers(ds: ogr.DataSource, path: PathLike, given: Mapping[str, str]) -> dict[str, str]:
    """Level -> layer name: the polygon layer whose deepest adm<k>_pcode field is the level's k."""
    found: dict[str, list[str]] = {level: [] for level in LEVEL_NUMBER}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        if ogr.GT_Flatten(layer.GetGeomType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            continue
        names = _field_names(layer)
        depth = max((k for k in (1, 2, 3) if f"adm{k}_pcode" in names), default=0)
        for level, k in LEVEL_NUMBER.items():
            if depth == k:
                found[level].append(layer.GetName())
    chosen: dict[str, str] = {}
    missing: list[str] = []
    for level, k in LEVEL_NUMBER.items():
        if level in given:
            name = given[level]
            layer = ds.GetLayerByName(name)
            if layer is None or f"adm{k}_pcode" not in _field_names(layer):
                missing.append(
                    translate("DemoData", "layer '{0}' with field {1} for level {2}").format(
                        name, f"adm{k}_pcode", level
                    )
                )
            else:
                chosen[level] = name
            continue
        candidates = found[level]
        # Several candidates (e.g. a full-resolution copy): prefer the one named after the level.
        named = [c for c in candidates if level in c.lower()]
        pick = (named or candidates)[:1]
        if pick:
            chosen[level] = pick[0]
        else:
            missing.append(
                translate("DemoData", "a polygon layer for level {0} (field {1})").format(level, f"adm{k}_pcode")
            )
    if missing:
        raise DemoDataError(translate("DemoData", "{0}: missing {1}").format(path, "; ".join(missing)))
    return chosen


def read_facilities(
    path: PathLike, layer_name: str = DEFAULT_FACILITY_LAYER, kind: str = FacilityKind.HOSPITAL.value
) -> list[FacilityRecord]:
    """MOPH hospitals (main_code, name, bed_total, lat/lon) as facility records of one kind."""
    ds = _open(path)
    layer = ds.GetLayerByName(layer_name)
    if layer is None:
        raise DemoDataError(
            translate("DemoData", "{0}: missing layer '{1}' (have: {2})").format(
                path, layer_name, ", ".join(_layer_names(ds))
            )
        )
    names = _field_names(layer)
    lacking = [f for f in ("main_code", "name") if f not in names]
    if lacking:
        raise DemoDataError(
            translate("DemoData", "{0}: layer '{1}' lacks field(s) {2}").format(path, layer_name, ", ".join(lacking))
        )
    to_wgs84 = _transform_to_wgs84(layer)
    records = []
    for feature in _features(layer):
        lon, lat = _facility_position(feature, names, to_wgs84)
        if lon is None:
            raise DemoDataError(
                translate("DemoData", "{0}: layer '{1}' feature {2} has no position").format(
                    path, layer_name, feature.GetFID()
                )
            )
        beds = feature.GetField("bed_total") if "bed_total" in names else None
        records.append(
            FacilityRecord(
                code=_text(feature, "main_code"),
                name_th=(_text(feature, "name") or "").strip(),  # the source pads names with a leading space
                name_en=_text(feature, "name_en") if "name_en" in names else None,
                kind=FacilityKind(kind).value,
                beds_total=int(beds) if beds is not None else None,
                lon=float(lon),
                lat=float(lat),
            )
        )
    return records


def _open(path: PathLike) -> ogr.DataSource:
    p = Path(path)
    if not p.is_file():
        raise DemoDataError(translate("DemoData", "{0}: file not found").format(p))
    try:
        ds = ogr.Open(str(p), 0)
    except RuntimeError:  # when someone turned on ogr.UseExceptions()
        ds = None
    if ds is None:
        raise DemoDataError(translate("DemoData", "{0}: not a readable GeoPackage/OGR data source").format(p))
    return ds


def _read_level(layer: ogr.Layer, level: str, path: PathLike) -> list[AdminAreaRecord]:
    k = LEVEL_NUMBER[level]
    names = _field_names(layer)
    to_wgs84 = _transform_to_wgs84(layer)
    records = []
    for feature in _features(layer):
        code = _dopa_code(_text(feature, f"adm{k}_pcode"))
        if code is None or not code.isdigit() or len(code) != LEVEL_CODE_LENGTH[k]:
            raise DemoDataError(
                translate("DemoData", "{0}: layer '{1}' feature {2} has no valid {3}").format(
                    path, layer.GetName(), feature.GetFID(), f"adm{k}_pcode"
                )
            )
        geom = feature.GetGeometryRef()
        if geom is None or geom.IsEmpty():
            raise DemoDataError(
                translate("DemoData", "{0}: {1} {2} in layer '{3}' has no geometry").format(
                    path, level, code, layer.GetName()
                )
            )
        records.append(
            AdminAreaRecord(
                level=level,
                code=code,
                parent_code=_dopa_code(_text(feature, f"adm{k - 1}_pcode")) if k > 1 else None,
                name_th=_text(feature, f"adm{k}_th") or code,
                name_en=_text(feature, f"adm{k}_en") if f"adm{k}_en" in names else None,
                wkb=_multipolygon_wkb(geom, to_wgs84),
            )
        )
    records.sort(key=lambda r: r.code)  # stable order for a deterministic generator
    return records


def _multipolygon_wkb(geom: ogr.Geometry, to_wgs84: Optional[osr.CoordinateTransformation]) -> bytes:
    g = ogr.ForceToMultiPolygon(geom.Clone())
    if to_wgs84 is not None:
        g.Transform(to_wgs84)
    g.FlattenTo2D()
    return bytes(g.ExportToWkb(ogr.wkbNDR))


def _facility_position(
    feature: ogr.Feature, names: set[str], to_wgs84: Optional[osr.CoordinateTransformation]
) -> tuple:
    if {"lon", "lat"} <= names and all(feature.IsFieldSetAndNotNull(f) for f in ("lon", "lat")):
        return float(feature.GetField("lon")), float(feature.GetField("lat"))
    geom = feature.GetGeometryRef()
    if geom is None or geom.IsEmpty():
        return None, None
    g = geom.Clone()
    if to_wgs84 is not None:
        g.Transform(to_wgs84)
    return g.GetX(), g.GetY()


def _transform_to_wgs84(layer: ogr.Layer) -> Optional[osr.CoordinateTransformation]:
    src = layer.GetSpatialRef()
    if src is None:
        return None
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    # Traditional lon/lat order on both sides, whatever the CRS's official axis order.
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src = src.Clone()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if src.IsSame(wgs84):
        return None
    return osr.CoordinateTransformation(src, wgs84)


def _dopa_code(pcode: Optional[str]) -> Optional[str]:
    if not pcode:
        return None
    pcode = pcode.strip()
    return pcode[2:] if pcode.upper().startswith("TH") else pcode


def _text(feature: ogr.Feature, name: str) -> Optional[str]:
    if feature.GetFieldIndex(name) < 0 or not feature.IsFieldSetAndNotNull(name):
        return None
    value = feature.GetField(name)
    return str(value) if value is not None else None


def _features(layer: ogr.Layer) -> Iterator[ogr.Feature]:
    layer.ResetReading()
    feature = layer.GetNextFeature()
    while feature is not None:
        yield feature
        feature = layer.GetNextFeature()


def _field_names(layer: ogr.Layer) -> set[str]:
    defn = layer.GetLayerDefn()
    return {defn.GetFieldDefn(i).GetName().lower() for i in range(defn.GetFieldCount())}


def _layer_names(ds: ogr.DataSource) -> list[str]:
    return [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
