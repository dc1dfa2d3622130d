"""jitasa:importcoveragecounts through processing.run: the sheet of test_services_coverage_count_import, the
unknown tambon listed, the rest imported, the coverage layer per tambon with percent covered."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from tests.test_services_coverage_count_import import SHEET, _xlsx, tambons  # noqa: F401 (fixture)


@pytest.fixture
def service(tambons, tmp_path, monkeypatch):  # noqa: F811
    name = f"jitasa_cc_{tambons.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in tambons.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


def _run(params: dict) -> dict:
    import processing

    return processing.run("jitasa:importcoveragecounts", params)


def test_import_lists_the_unknown_tambon_and_shows_coverage(provider, service, tmp_path) -> None:
    path = _xlsx(tmp_path / "counts.xlsx", SHEET)
    out = _run({"SERVICE": service, "FILE": str(path), "CAMPAIGN": "covid19_dose2", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert (out["INSERTED"], out["REJECTED"], out["UNKNOWN_TAMBONS"]) == (2, 4, "999999")
    layer = out["OUTPUT"]
    rows = {f["tambon_code"]: (f["coverage_pct"], f["unvaccinated"]) for f in layer.getFeatures()}
    assert rows["670101"] == (75.0, 500) and rows["670102"] == (25.0, 600)
    assert rows["670103"][0] is None or str(rows["670103"][0]) == "NULL"  # no count imported


def test_bad_date_refused(provider, service, tmp_path) -> None:
    path = _xlsx(tmp_path / "counts.xlsx", SHEET)
    with pytest.raises(QgsProcessingException, match="not a date"):
        _run(
            {
                "SERVICE": service,
                "FILE": str(path),
                "CAMPAIGN": "c1",
                "AS_OF": "yesterday",
                "OUTPUT": "TEMPORARY_OUTPUT",
            }
        )
