"""jitasa:vaccinationplan through processing.run on the counted store of test_services_vaccination_plan: the
units layer (numbered by benefit, fields for print), the coverage layer, the stored run, the XLSX report."""

from __future__ import annotations

import openpyxl
import pytest
from qgis.core import QgsProcessingException

from tests.test_services_vaccination_plan import counted  # noqa: F401 (fixture)

OUTPUTS = {"OUTPUT": "TEMPORARY_OUTPUT", "COVERAGE": "TEMPORARY_OUTPUT"}


@pytest.fixture
def service(counted, tmp_path, monkeypatch):  # noqa: F811
    name = f"jitasa_vp_{counted.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in counted.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


def _run(params: dict) -> dict:
    import processing

    return processing.run("jitasa:vaccinationplan", params)


def test_plan_layers_and_report(provider, service, tmp_path) -> None:
    assert provider.algorithm("vaccinationplan").groupId() == "planning"
    report = tmp_path / "units.xlsx"
    out = _run(
        {"SERVICE": service, "CAMPAIGN": "covid19_dose2", "K": 2, "THRESHOLD": 10, "REPORT": str(report), **OUTPUTS}
    )
    sites = sorted((f["rank"], f["tambon_code"], f["people_added"], f["status"]) for f in out["OUTPUT"].getFeatures())
    assert sites == [(1, "670104", 1200.0, "optimal"), (2, "670101", 900.0, "optimal")]
    assert out["RUN_ID"] and out["PEOPLE_COVERED"] == pytest.approx(2100.0) and out["GAP"] == pytest.approx(0.0)
    assert out["TRAVEL_MODEL"] == "straight_line"
    coverage = {f["tambon_code"]: f["coverage_pct"] for f in out["COVERAGE"].getFeatures()}
    assert coverage["670101"] == 10.0 and coverage["670104"] == 40.0
    sheet = openpyxl.load_workbook(report).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [1, 2]


def test_without_counts_the_message_says_what_to_do(provider, service) -> None:
    with pytest.raises(QgsProcessingException, match="Import vaccination"):
        _run({"SERVICE": service, "CAMPAIGN": "screening", "K": 1, **OUTPUTS})
