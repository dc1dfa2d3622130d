"""core.table_export on its own: each format read back with its own library, text kept as text, a formula
never written as one, typed GeoPackage fields in EPSG:4326, and a failure or cancel leaving no file."""

from __future__ import annotations

import csv
import datetime as dt
import glob
import tempfile

import openpyxl
import pytest
from osgeo import ogr

from jitasa_qgis.core import table_export
from jitasa_qgis.core.table_export import Column, ExportCancelled, format_of, write_table

BANGKOK = dt.timezone(dt.timedelta(hours=7))
COLUMNS = [
    Column("id", "integer"),
    Column("name", "text"),
    Column("phone", "text"),
    Column("urgent", "boolean"),
    Column("minutes", "real"),
    Column("created_at", "datetime"),
    Column("lon", "real"),
    Column("lat", "real"),
]
ROWS = [
    (1, "สมชาย ใจดี", "0812345678", True, 12.5, dt.datetime(2021, 8, 1, 9, 30, tzinfo=BANGKOK), 101.1, 16.4),
    (2, '=HYPERLINK("http://x")', "+66 81 234 5678", False, None, None, None, None),
    (3, None, "056-123-456", None, 0.0, dt.datetime(2021, 8, 2, 23, 0, tzinfo=BANGKOK), 100.9, 16.2),
]


def test_format_comes_from_the_suffix():
    assert [format_of(p) for p in ("a.csv", "b.XLSX", "c.gpkg")] == ["csv", "xlsx", "gpkg"]
    with pytest.raises(ValueError, match="report.txt"):
        format_of("report.txt")


def test_csv_has_a_bom_thai_text_and_no_formula(tmp_path):
    path = tmp_path / "t.csv"
    assert write_table(path, COLUMNS, ROWS) == 3
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [c.name for c in COLUMNS]
    assert table[1][:3] == ["1", "สมชาย ใจดี", "0812345678"]
    assert table[2][1] == '\'=HYPERLINK("http://x")'  # Excel shows it as text instead of running it
    assert table[2][2] == "+66 81 234 5678"  # a phone number is left as it is
    assert table[1][5] == "2021-08-01 09:30:00+07:00" and table[2][5] == ""


def test_xlsx_keeps_text_as_text(tmp_path):
    path = tmp_path / "t.xlsx"
    write_table(path, COLUMNS, ROWS, layer_name="requests")
    sheet = openpyxl.load_workbook(path)["requests"]
    assert [c.value for c in sheet[1]] == [c.name for c in COLUMNS] and sheet["A1"].font.b
    assert (sheet["B2"].value, sheet["C2"].value, sheet["C2"].data_type) == ("สมชาย ใจดี", "0812345678", "s")
    assert (sheet["B3"].value, sheet["B3"].data_type) == ('=HYPERLINK("http://x")', "s")  # not a formula
    assert sheet["F2"].value == dt.datetime(2021, 8, 1, 9, 30)  # Thai wall-clock time (Excel has no zones)
    assert (sheet["A2"].value, sheet["D2"].value, sheet["E2"].value) == (1, True, 12.5)


def test_gpkg_has_typed_fields_and_points_in_4326(tmp_path):
    path = tmp_path / "t.gpkg"
    write_table(path, COLUMNS, ROWS, layer_name="requests")
    source = ogr.Open(str(path))
    layer = source.GetLayerByName("requests")
    definition = layer.GetLayerDefn()
    fields = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())
    }
    assert "lon" not in fields and "lat" not in fields
    assert fields["id"].GetType() == ogr.OFTInteger and fields["created_at"].GetType() == ogr.OFTDateTime
    assert fields["urgent"].GetSubType() == ogr.OFSTBoolean and fields["phone"].GetType() == ogr.OFTString
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    features = list(layer)
    assert [f.GetField("phone") for f in features] == ["0812345678", "+66 81 234 5678", "056-123-456"]
    assert (features[0].GetGeometryRef().GetX(), features[0].GetGeometryRef().GetY()) == (101.1, 16.4)
    assert features[1].GetGeometryRef() is None
    assert features[0].GetFieldAsDateTime("created_at")[:5] == [2021, 8, 1, 9, 30]
    assert features[0].GetFieldAsDateTime("created_at")[6] == 128  # +07:00 in OGR's quarter-hour flag
    source = None


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gpkg"])
def test_a_failure_midway_leaves_no_file_and_the_old_one_as_it_was(tmp_path, fmt, monkeypatch):
    monkeypatch.setattr(table_export, "CHUNK_ROWS", 10)
    path = tmp_path / f"t.{fmt}"
    path.write_bytes(b"old")
    openpyxl_files = set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*"))

    def rows_then_fail():
        for _ in range(25):
            yield ROWS[0]
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        write_table(path, COLUMNS, rows_then_fail())
    calls = []
    with pytest.raises(ExportCancelled):
        write_table(
            path, COLUMNS, (ROWS[0] for _ in range(100)), is_cancelled=lambda: bool(calls.append(1) or len(calls) > 2)
        )
    assert [p.name for p in tmp_path.iterdir()] == [path.name] and path.read_bytes() == b"old"
    assert set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*")) <= openpyxl_files  # its own temp file removed too


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(ValueError, match="nowhere"):
        write_table(tmp_path / "nowhere" / "t.csv", COLUMNS, ROWS)
