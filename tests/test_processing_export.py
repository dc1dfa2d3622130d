"""jitasa:export through processing.run on the real test cluster (demo loaded): each format, the login's
role decides the columns (an analyst's file has no personal data even when asked), an unknown area is a
clear error and writes nothing."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException
from service_support import rows


def test_the_algorithm_is_registered(provider):
    algorithm = provider.algorithm("export")
    assert algorithm is not None
    assert {"WHAT", "AREA", "STATUS", "INCLUDE_PERSONAL", "OUTPUT", "CREATED_SINCE"} <= {
        p.name() for p in algorithm.parameterDefinitions()
    }


def test_an_officer_exports_each_format_with_the_amphoes_rows(provider, demo, service_of, tmp_path):
    import processing

    service = service_of("jitasa_officer")
    expected = rows(demo, "SELECT count(*) FROM jitasa.help_request WHERE tambon_code LIKE %s", ("6710%",))[0][0]
    phones = {
        p
        for (p,) in rows(demo, "SELECT requester_phone FROM jitasa.help_request WHERE tambon_code LIKE %s", ("6710%",))
    }
    for fmt in ("csv", "xlsx", "gpkg"):
        out = tmp_path / f"requests.{fmt}"
        result = processing.run(
            "jitasa:export",
            {"SERVICE": service, "WHAT": 0, "AREA": "อำเภอวังโป่ง", "INCLUDE_PERSONAL": True, "OUTPUT": str(out)},
        )
        assert result["ROWS"] == expected and result["PERSONAL_DATA"] == 1
        assert "requester_phone" in result["COLUMNS"].split(",")
        if fmt == "csv":
            with open(out, encoding="utf-8-sig", newline="") as handle:
                table = list(csv.DictReader(handle))
            assert out.read_bytes()[:3] == b"\xef\xbb\xbf"  # the BOM Excel needs to read UTF-8
            assert {r["requester_phone"] for r in table} == phones and len(table) == expected
        elif fmt == "xlsx":
            sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
            assert sum(1 for _ in sheet.iter_rows(values_only=True)) == expected + 1
        else:
            source = ogr.Open(str(out))
            assert source.GetLayer(0).GetFeatureCount() == expected
            assert source.GetLayer(0).GetSpatialRef().GetAuthorityCode(None) == "4326"
            source = None


def test_an_analysts_export_has_no_personal_data_even_when_asked(provider, demo, service_of, tmp_path):
    import processing

    service = service_of("jitasa_analyst")
    secrets = {
        t
        for (t,) in rows(
            demo,
            "SELECT requester_phone FROM jitasa.help_request UNION SELECT requester_name FROM jitasa.help_request"
            " UNION SELECT note FROM jitasa.help_request UNION SELECT name FROM jitasa.volunteer"
            " UNION SELECT phone FROM jitasa.volunteer",
        )
        if t
    }
    for what, fmt in ((0, "csv"), (1, "xlsx"), (2, "gpkg")):
        out = tmp_path / f"export{what}.{fmt}"
        result = processing.run(
            "jitasa:export", {"SERVICE": service, "WHAT": what, "INCLUDE_PERSONAL": True, "OUTPUT": str(out)}
        )
        assert result["PERSONAL_DATA"] == 0 and result["ROWS"] > 0
        if fmt == "xlsx":
            with zipfile.ZipFile(out) as archive:
                text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        else:
            text = out.read_bytes().decode("utf-8", "replace")
        assert [s for s in secrets if s in text] == []


def test_an_unknown_area_is_a_clear_error_and_no_file(provider, demo, service_of, tmp_path):
    import processing

    out = tmp_path / "x.csv"
    with pytest.raises(QgsProcessingException, match="Atlantis"):
        processing.run(
            "jitasa:export",
            {"SERVICE": service_of("jitasa_officer"), "WHAT": 3, "AREA": "Atlantis", "OUTPUT": str(out)},
        )
    assert list(tmp_path.glob("*.csv")) == []


def test_open_status_and_created_since(provider, demo, service_of, tmp_path):
    import processing

    service = service_of("jitasa_admin")
    open_rows = rows(
        demo, "SELECT count(*) FROM jitasa.help_request WHERE status IN ('new', 'assigned', 'in_progress')"
    )
    result = processing.run(
        "jitasa:export", {"SERVICE": service, "WHAT": 0, "STATUS": 1, "OUTPUT": str(tmp_path / "o.gpkg")}
    )
    assert result["ROWS"] == open_rows[0][0]
    later = processing.run(
        "jitasa:export",
        {"SERVICE": service, "WHAT": 2, "CREATED_SINCE": "2999-01-01", "OUTPUT": str(tmp_path / "none.csv")},
    )
    assert later["ROWS"] == 0
