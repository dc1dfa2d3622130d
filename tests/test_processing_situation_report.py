"""jitasa:situationreport through processing.run on the real test cluster (demo loaded): a PDF and an XLSX of
an amphoe; no output asked for is a clear error."""

from __future__ import annotations

import openpyxl
import pytest
from printing_support import pdf_pages
from qgis.core import QgsProcessingException


@pytest.fixture
def service(demo, pg_cluster, tmp_path, monkeypatch):
    path = tmp_path / "pg_service.conf"
    params = pg_cluster.params(demo.params["dbname"])
    path.write_text("[jitasa_report]\n" + "".join(f"{k}={v}\n" for k, v in params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return "jitasa_report"


def test_the_algorithm_writes_the_pdf_and_the_workbook(provider, service, tmp_path):
    import processing

    assert provider.algorithm("situationreport") is not None
    result = processing.run(
        "jitasa:situationreport",
        {"SERVICE": service, "AREA": "6710", "OUTPUT": str(tmp_path / "r.pdf"), "TABLES": str(tmp_path / "r.xlsx")},
    )
    assert result["PAGES"] == pdf_pages(tmp_path / "r.pdf") >= 1
    assert "open_by_tambon" in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
    assert result["OPEN"] > 0


def test_no_output_is_a_clear_error(provider, service):
    import processing

    with pytest.raises(QgsProcessingException, match="Give a PDF"):
        processing.run("jitasa:situationreport", {"SERVICE": service, "AREA": "6710"})
