"""Write rows to CSV, XLSX or GeoPackage, all-or-nothing.

Each writer fills a temporary file beside the target and renames it over the target only at the end, so a
failure or a cancel leaves no half-written file (and an earlier file of that name as it was).

- CSV: UTF-8 with a BOM (Excel then opens Thai text correctly), a header row; a text that Excel would run
  as a formula gets a leading apostrophe.
- XLSX: openpyxl in write-only mode (rows are streamed, never held as a sheet), a bold header row; text
  stays text (phone numbers and codes keep their leading zeros; a text starting with '=' is not a formula).
- GeoPackage: OGR, EPSG:4326 points from the lon/lat columns, typed fields.

Rows are sequences aligned with the columns; values are None, str, int, float, bool or datetime.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from ..definitions.i18n import translate

PathLike = Union[str, Path]
FORMATS = ("csv", "xlsx", "gpkg")
COLUMN_TYPES = ("text", "integer", "real", "boolean", "datetime")
XLSX_MAX_ROWS = 1_048_575  # a sheet's 1,048,576 rows less the header
CHUNK_ROWS = 2_000  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"  # one of COLUMN_TYPES


class ExportCancelled(Exception):
    """The caller cancelled while writing; the temporary file was removed, the target left as it was."""


def format_of(path: PathLike) -> str:
    """'csv', 'xlsx' or 'gpkg' from the file's suffix; ValueError naming the file otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ValueError(
        translate("TableExport", "Cannot export to '{0}': give a file ending in .csv, .xlsx or .gpkg.").format(
            Path(path).name
        )
    )


def write_table(
    path: PathLike,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    fmt: Optional[str] = None,
    *,
    layer_name: str = "export",
    lon_column: str = "lon",
    lat_column: str = "lat",
    is_cancelled: Optional[Callable[[], bool]] = None,
    on_rows: Optional[Callable[[int], None]] = None,
) -> int:
    """Write `rows` to `path` (format from `fmt` or the suffix) and return how many were written.

    GeoPackage takes its points from `lon_column` / `lat_column` (those two are not fields there).
    `is_cancelled` is asked every CHUNK_ROWS rows (ExportCancelled); `on_rows(count)` is told the count.
    Any exception leaves no file behind; the target is replaced only when everything was written."""
    fmt = fmt or format_of(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    for column in columns:
        if column.type not in COLUMN_TYPES:
            raise ValueError(f"unknown column type {column.type!r} of {column.name!r}")
    target = Path(path)
    if not target.parent.is_dir():
        raise ValueError(translate("TableExport", "The folder {0} does not exist.").format(str(target.parent)))
    temporary = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.partial{target.suffix}")
    writer = {"csv": _write_csv, "xlsx": _write_xlsx, "gpkg": _write_gpkg}[fmt]
    counted = _Counted(rows, is_cancelled, on_rows)
    try:
        writer(temporary, list(columns), counted, layer_name, lon_column, lat_column)
        os.replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise
    if on_rows is not None:
        on_rows(counted.count)
    return counted.count


class _Counted:
    """The rows, counted, with a cancel check and a progress call every CHUNK_ROWS."""

    def __init__(self, rows: Iterable[Sequence], is_cancelled, on_rows):
        self._rows, self._is_cancelled, self._on_rows = rows, is_cancelled, on_rows
        self.count = 0

    def __iter__(self):
        for row in self._rows:
            yield row
            self.count += 1
            if self.count % CHUNK_ROWS == 0:
                if self._is_cancelled is not None and self._is_cancelled():
                    raise ExportCancelled()
                if self._on_rows is not None:
                    self._on_rows(self.count)
        if self._is_cancelled is not None and self._is_cancelled():
            raise ExportCancelled()


def _remove(path: Path) -> None:
    # SQLite's side files too (a GeoPackage closed by an exception may leave its journal)
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            name.unlink()
        except FileNotFoundError:
            pass


# --- CSV ---------------------------------------------------------------------------------------------------


# A text cell Excel would run as a formula when it opens the CSV ('=', '@', or '+' / '-' not starting a
# number or phone number like +66 81 234 5678): written with a leading apostrophe, as OWASP advises.
_FORMULA_START = re.compile(r"[=@\t\r]|[+-](?![\d\s().-]*$)")


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if _FORMULA_START.match(value) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write_csv(path: Path, columns: list[Column], rows, layer_name, lon_column, lat_column) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([c.name for c in columns])
        for row in rows:
            out.writerow([_csv_text(v) for v in row])


# --- XLSX --------------------------------------------------------------------------------------------------


def _write_xlsx(path: Path, columns: list[Column], rows, layer_name, lon_column, lat_column) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=layer_name[:31])
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    def text_cell(value: str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters are not allowed in a sheet
        if value[:1] != "=":
            return value  # a str is written as a string cell: leading zeros stay
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would take it for a formula
        return cell

    try:
        _xlsx_rows(sheet, rows, text_cell)
    except BaseException:
        _discard_sheet(sheet)
        raise
    book.save(path)


def _discard_sheet(sheet) -> None:
    """End a write-only sheet left half-written and remove openpyxl's own temporary file of it."""
    try:
        sheet.close()
    except Exception:  # already broken: only its temporary file matters
        pass
    writer = getattr(sheet, "_writer", None)
    if writer is not None and isinstance(getattr(writer, "out", None), str):
        try:
            writer.cleanup()
        except (OSError, ValueError):
            pass


def _xlsx_rows(sheet, rows, text_cell) -> None:
    count = 0
    for row in rows:
        count += 1
        if count > XLSX_MAX_ROWS:
            raise ValueError(
                translate(
                    "TableExport", "An XLSX sheet holds at most {0:,} rows: export to CSV or GeoPackage instead."
                ).format(XLSX_MAX_ROWS)
            )
        out = []
        for value in row:
            if isinstance(value, str):
                out.append(text_cell(value))
            elif isinstance(value, dt.datetime) and value.tzinfo is not None:
                out.append(value.replace(tzinfo=None))  # Excel has no time zones: the wall-clock time as read
            else:
                out.append(value)
        sheet.append(out)


# --- GeoPackage --------------------------------------------------------------------------------------------


def _write_gpkg(path: Path, columns: list[Column], rows, layer_name, lon_column, lat_column) -> None:
    from osgeo import ogr, osr

    names = [c.name for c in columns]
    lon_at = names.index(lon_column) if lon_column in names else None
    lat_at = names.index(lat_column) if lat_column in names else None
    fields = [(i, c) for i, c in enumerate(columns) if i not in (lon_at, lat_at)]
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    layer = None
    if source is None:
        raise ValueError(translate("TableExport", "Cannot create the GeoPackage {0}.").format(str(path)))
    try:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        layer = source.CreateLayer(layer_name, srs, ogr.wkbPoint, options=["FID=fid", "GEOMETRY_NAME=geom"])
        ogr_types = {
            "text": ogr.OFTString,
            "integer": ogr.OFTInteger,  # the store's integers are int4
            "real": ogr.OFTReal,
            "boolean": ogr.OFTInteger,
            "datetime": ogr.OFTDateTime,
        }
        for _, column in fields:
            definition = ogr.FieldDefn(column.name, ogr_types[column.type])
            if column.type == "boolean":
                definition.SetSubType(ogr.OFSTBoolean)
            layer.CreateField(definition)
        layer_definition = layer.GetLayerDefn()
        layer.StartTransaction()
        for row in rows:
            feature = ogr.Feature(layer_definition)
            for field_index, (i, column) in enumerate(fields):
                value = row[i]
                if value is None:
                    continue
                if column.type == "datetime":
                    _set_datetime(feature, field_index, value)
                elif column.type == "boolean":
                    feature.SetField(field_index, 1 if value else 0)
                else:
                    feature.SetField(field_index, value)
            if lon_at is not None and lat_at is not None and row[lon_at] is not None and row[lat_at] is not None:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(float(row[lon_at]), float(row[lat_at]))
                feature.SetGeometryDirectly(point)
            if layer.CreateFeature(feature) != 0:
                raise ValueError(translate("TableExport", "Writing the GeoPackage {0} failed.").format(str(path)))
        layer.CommitTransaction()
    finally:
        layer = source = None  # closes the file now, also on an exception (an open transaction is dropped)


def _set_datetime(feature, index: int, value: dt.datetime) -> None:
    # OGR's time zone flag: 100 is UTC, each step of 1 a quarter of an hour; 0 unknown
    offset = value.utcoffset()
    flag = 0 if offset is None else 100 + int(offset.total_seconds() // 900)
    feature.SetField(index, value.year, value.month, value.day, value.hour, value.minute, float(value.second), flag)
