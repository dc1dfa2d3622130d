"""Tables from CSV, XLSX and OGR files keep every value as the text a user typed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from osgeo import ogr

from jitasa_qgis.core.field_mapping import guess_mapping, normalise_header, parse_mapping
from jitasa_qgis.core.tabular import TableError, read_table

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_csv_keeps_leading_zeros_and_thai(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("ชื่อ,เบอร์โทร,หมู่ที่\nสมชาย ใจดี,0812345678,03\n,,\nสมหญิง,089-111-2222,\n", encoding="utf-8-sig")
    table = read_table(path)
    assert table.headers == ["ชื่อ", "เบอร์โทร", "หมู่ที่"]
    assert table.rows == [
        {"ชื่อ": "สมชาย ใจดี", "เบอร์โทร": "0812345678", "หมู่ที่": "03"},
        {"ชื่อ": "สมหญิง", "เบอร์โทร": "089-111-2222", "หมู่ที่": None},
    ]
    assert table.row_numbers == [2, 4]  # the blank line is skipped, numbers stay the file's


def test_csv_in_thai_windows_encoding_and_semicolons(tmp_path):
    path = tmp_path / "tis.csv"
    path.write_bytes("ตำบล;อำเภอ\nในเมือง;เมืองเพชรบูรณ์\n".encode("cp874"))
    table = read_table(path)
    assert table.rows == [{"ตำบล": "ในเมือง", "อำเภอ": "เมืองเพชรบูรณ์"}]


def test_xlsx_numbers_as_typed_text(tmp_path):
    path = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "phone", "lon"])
    sheet.append(["A", 812345678, 101.25])
    sheet.append(["B", "0812345678", None])
    book.save(path)
    table = read_table(path)
    assert table.rows == [
        {"name": "A", "phone": "812345678", "lon": "101.25"},
        {"name": "B", "phone": "0812345678", "lon": None},
    ]
    with pytest.raises(TableError, match="no sheet 'x'"):
        read_table(path, "x")


def test_ogr_layer_with_points_in_wgs84():
    table = read_table(SHARED / "phetchabun" / "health.gpkg", "clinics")
    assert len(table) == 271 and "main_code" in table.headers
    point = ogr.CreateGeometryFromWkb(table.geometries[0])
    assert 100 < point.GetX() < 102 and 15 < point.GetY() < 17.5


def test_ogr_layer_in_utm_is_transformed():
    table = read_table(SHARED / "thailand" / "region12_health.gpkg", "phc_hc12")
    assert len(table) == 819
    point = ogr.CreateGeometryFromWkb(table.geometries[0])
    assert 98 < point.GetX() < 103 and 5 < point.GetY() < 10


def test_missing_or_unreadable_files_are_named(tmp_path):
    with pytest.raises(TableError, match="File not found"):
        read_table(tmp_path / "nope.csv")
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(TableError, match="bad.xlsx"):
        read_table(bad)
    old = tmp_path / "old.xls"
    old.write_bytes(b"x")
    with pytest.raises(TableError, match=r"\.xls"):
        read_table(old)


def test_mapping_guessed_from_thai_and_english_headers_and_given_wins():
    headers = ["ลำดับ", "ชื่อ", "Phone No.", "tambon_code"]
    synonyms = {"name": ["name", "ชื่อ"], "phone": ["phone", "phoneno", "เบอร์โทร"], "tambon": ["tambon_code"]}
    assert normalise_header("Phone No.") == "phoneno"
    assert guess_mapping(headers, synonyms) == {"name": "ชื่อ", "phone": "Phone No.", "tambon": "tambon_code"}
    given = parse_mapping("name=ลำดับ", synonyms)
    assert guess_mapping(headers, synonyms, given)["name"] == "ลำดับ"
    with pytest.raises(ValueError, match="not in the file"):
        guess_mapping(headers, synonyms, {"name": "nope"})
    with pytest.raises(ValueError, match="not one of the fields"):
        parse_mapping("colour=x", synonyms)


def test_xlsx_read_by_gdal_and_by_openpyxl_gives_the_same_table(tmp_path):
    """The fast path (GDAL's XLSX driver) and openpyxl agree: text, numbers as typed, booleans, blank rows
    skipped with the sheet's row numbers kept; a sheet with dates or a blank header cell goes to openpyxl."""
    import datetime

    from jitasa_qgis.core import tabular

    path = tmp_path / "mixed.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "phone", "lon", "ok", "ชื่อ"])
    sheet.append(["A", 812345678, 101.25, True, "สมชาย"])
    sheet.append([None] * 5)
    sheet.append(["B", "0812345678", None, False, " x "])
    dated = book.create_sheet("dated")
    dated.append(["when"])
    dated.append([datetime.datetime(2026, 12, 1, 8, 30)])
    blank = book.create_sheet("blank_header")
    blank.append(["a", "a", None])
    blank.append([1, 2, 3])
    book.save(path)
    fast = tabular._read_xlsx_gdal(path, None)
    slow = tabular._read_xlsx_openpyxl(path, None)
    assert fast is not None
    assert (fast.headers, fast.rows, fast.row_numbers) == (slow.headers, slow.rows, slow.row_numbers)
    assert fast.row_numbers == [2, 4]
    assert tabular._read_xlsx_gdal(path, "dated") is None
    assert read_table(path, "dated").rows == [{"when": "2026-12-01T08:30:00"}]
    assert tabular._read_xlsx_gdal(path, "blank_header") is None
    assert read_table(path, "blank_header").headers == ["a", "a_2", "column_3"]
