"""Read a table from CSV, XLSX or any OGR source (GeoPackage, GeoJSON, Shapefile) with every value as text.

Rosters and hotline sheets carry phone numbers and codes with leading zeros: read as numbers they lose them
(QGIS's own CSV reader turns 0812345678 into 812345678). Here every cell is a str or None, exactly as
written; each importer parses what it needs. Geometries, where the source has them, come as 2D WKB in
EPSG:4326.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..definitions.i18n import translate

PathLike = Union[str, Path]
_TEXT_ENCODINGS = ("utf-8-sig", "cp874")  # UTF-8 (with or without BOM), then Thai Windows (TIS-620)


class TableError(ValueError):
    """The file cannot be read as a table; the message names the file and the problem."""


@dataclass
class Table:
    name: str  # the file's name (and sheet or layer), for messages and the rejects' source
    headers: list[str]
    rows: list[dict[str, Optional[str]]]  # header -> text or None (empty cell)
    geometries: Optional[list[Optional[bytes]]] = None  # WKB, EPSG:4326, one per row; None: no geometry
    row_numbers: list[int] = field(default_factory=list)  # as a user counts them (header row = 1)

    def __len__(self) -> int:
        return len(self.rows)


def cell_text(value: object) -> Optional[str]:
    """A spreadsheet cell as the text a user typed: integers without '.0', dates in ISO form, blanks None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        text = value.isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.strip()
    return text or None


def read_table(path: PathLike, layer: Optional[str] = None) -> Table:
    """The first sheet (or `layer`: a sheet or OGR layer name) of a .csv, .txt, .xlsx or OGR file."""
    path = Path(path)
    if not path.is_file():
        raise TableError(translate("Imports", "File not found: {0}").format(path))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, layer)
    if suffix == ".xls":
        raise TableError(
            translate("Imports", "{0} is an old Excel (.xls) file: save it as .xlsx or .csv and import that.").format(
                path.name
            )
        )
    return _read_ogr(path, layer)


def _headers(raw: list[object], name: str) -> list[str]:
    headers = []
    for i, h in enumerate(raw):
        text = cell_text(h) or f"column_{i + 1}"
        while text in headers:  # two columns with one header: keep both, the second renamed
            text += "_2"
        headers.append(text)
    if not any(cell_text(h) for h in raw):
        raise TableError(translate("Imports", "{0} has no header row.").format(name))
    return headers


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError(
            translate("Imports", "{0} is neither UTF-8 nor Thai Windows (TIS-620) text.").format(path.name)
        )
    try:
        dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        first = next(reader)
    except StopIteration:
        raise TableError(translate("Imports", "{0} is empty.").format(path.name)) from None
    headers = _headers(first, path.name)
    rows, numbers = [], []
    for n, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append({h: cell_text(values[i]) if i < len(values) else None for i, h in enumerate(headers)})
        numbers.append(n)
    return Table(path.name, headers, rows, None, numbers)


def _read_xlsx(path: Path, sheet: Optional[str]) -> Table:
    """GDAL's XLSX driver reads a 50,000-row roster ~5x faster than openpyxl (1.6 s against 8.4 s here); it
    drops the time of date cells, so a sheet with date cells is read by openpyxl, which keeps them."""
    table = _read_xlsx_gdal(path, sheet)
    return table if table is not None else _read_xlsx_openpyxl(path, sheet)


def _read_xlsx_gdal(path: Path, sheet: Optional[str]) -> Optional[Table]:
    from osgeo import gdal, ogr

    with _gdal_errors_quiet():
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, ["XLSX"], ["HEADERS=FORCE"])
    if ds is None:
        return None  # openpyxl says why
    layer = ds.GetLayerByName(sheet) if sheet else ds.GetLayer(0)
    if layer is None:
        return None
    defn = layer.GetLayerDefn()
    kinds = []
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        if fd.GetType() in (ogr.OFTDate, ogr.OFTDateTime, ogr.OFTTime):
            return None
        kinds.append("bool" if fd.GetSubType() == ogr.OFSTBoolean else "text")
    raw_headers = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if not raw_headers or all(re.fullmatch(r"Field\d+", h) for h in raw_headers):
        return None  # GDAL did not take the first row as headers (e.g. a blank header cell): openpyxl does
    headers = _headers(raw_headers, path.name)
    rows, numbers = [], []
    for feature in layer:
        cells = []
        for i, kind in enumerate(kinds):
            if not feature.IsFieldSetAndNotNull(i):
                cells.append(None)
            elif kind == "bool":
                cells.append("true" if feature.GetFieldAsInteger(i) else "false")
            else:
                cells.append(cell_text(feature.GetFieldAsString(i)))
        if not any(cells):
            continue
        rows.append(dict(zip(headers, cells)))
        numbers.append(feature.GetFID())  # the driver numbers features by their sheet row
    name = path.name if not sheet else f"{path.name}:{sheet}"
    return Table(name, headers, rows, None, numbers)


class _gdal_errors_quiet:
    def __enter__(self):
        from osgeo import gdal

        gdal.PushErrorHandler("CPLQuietErrorHandler")

    def __exit__(self, *exc):
        from osgeo import gdal

        gdal.PopErrorHandler()
        return False


def _read_xlsx_openpyxl(path: Path, sheet: Optional[str]) -> Table:
    import openpyxl  # Debian's python3-openpyxl; only needed here

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise TableError(
            translate("Imports", "{0} is not a readable .xlsx workbook ({1}).").format(path.name, exc)
        ) from None
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise TableError(
                    translate("Imports", "{0} has no sheet '{1}'. Its sheets: {2}.").format(
                        path.name, sheet, ", ".join(book.sheetnames)
                    )
                )
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        values = ws.iter_rows(values_only=True)
        try:
            first = list(next(values))
        except StopIteration:
            raise TableError(translate("Imports", "{0} is empty.").format(path.name)) from None
        headers = _headers(first, path.name)
        rows, numbers = [], []
        for n, row in enumerate(values, start=2):
            cells = [cell_text(v) for v in row]
            if not any(cells):
                continue
            rows.append({h: cells[i] if i < len(cells) else None for i, h in enumerate(headers)})
            numbers.append(n)
    finally:
        book.close()
    name = path.name if not sheet else f"{path.name}:{sheet}"
    return Table(name, headers, rows, None, numbers)


def _read_ogr(path: Path, layer_name: Optional[str]) -> Table:
    from osgeo import ogr, osr

    ds = ogr.Open(str(path))
    if ds is None:
        raise TableError(translate("Imports", "{0} is not a file GDAL/OGR can read.").format(path.name))
    if layer_name:
        layer = ds.GetLayerByName(layer_name)
        if layer is None:
            names = [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
            raise TableError(
                translate("Imports", "{0} has no layer '{1}'. Its layers: {2}.").format(
                    path.name, layer_name, ", ".join(names)
                )
            )
    else:
        layer = ds.GetLayerByIndex(0)
    defn = layer.GetLayerDefn()
    headers = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    has_geometry = layer.GetGeomType() != ogr.wkbNone
    transform = None
    if has_geometry and layer.GetSpatialRef() is not None:
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        source = layer.GetSpatialRef().Clone()
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not source.IsSame(wgs84):
            transform = osr.CoordinateTransformation(source, wgs84)
    rows, geometries, numbers = [], [], []
    for n, feature in enumerate(layer, start=1):
        rows.append(
            {
                h: cell_text(feature.GetFieldAsString(i)) if feature.IsFieldSet(i) else None
                for i, h in enumerate(headers)
            }
        )
        numbers.append(n)
        if has_geometry:
            geom = feature.GetGeometryRef()
            if geom is None:
                geometries.append(None)
                continue
            geom = geom.Clone()
            geom.FlattenTo2D()
            if transform is not None:
                geom.Transform(transform)
            geometries.append(bytes(geom.ExportToWkb()))
    name = path.name if not layer_name else f"{path.name}:{layer.GetName()}"
    return Table(name, headers, rows, geometries if has_geometry else None, numbers)
