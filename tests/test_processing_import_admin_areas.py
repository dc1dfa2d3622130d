"""jitasa:importadminareas through processing.run on the real test store with the real boundary files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsProcessingFeedback
from service_support import rows

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PHETCHABUN = SHARED / "phetchabun" / "admin.gpkg"
NATIONAL = SHARED / "thailand" / "admin_codab_simplified.gpkg"


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_admin_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)


def _run(service: str, feedback=None, **parameters) -> dict:
    import processing

    return processing.run("jitasa:importadminareas", {"SERVICE": service, **parameters}, feedback=feedback)


def test_the_phetchabun_tambon_layer_makes_its_parents_and_again_changes_nothing(provider, service, store):
    assert provider.algorithm("importadminareas") is not None
    feedback = Feedback()
    first = _run(service, feedback, INPUT=f"{PHETCHABUN}|layername=tambon_codab")
    assert (first["INSERTED"], first["CREATED_PARENTS"], first["REJECTED"]) == (117, 12, 0)
    assert json.loads(first["SUMMARY"])["amphoe"]["created_parents"] == 11
    assert any("117" in line for line in feedback.lines)
    audit = rows(store, "SELECT count(*) FROM jitasa.audit_log")[0][0]
    again = _run(service, INPUT=f"{PHETCHABUN}|layername=tambon_codab")
    assert (again["INSERTED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 117)
    assert rows(store, "SELECT count(*) FROM jitasa.audit_log")[0][0] == audit


def test_national_provinces_with_a_filter_and_fields_chosen(provider, service, store):
    result = _run(
        service,
        INPUT=f"{NATIONAL}|layername=adm1_province",
        CODE_FIELD="adm1_pcode",
        NAME_TH_FIELD="adm1_th",
        NAME_EN_FIELD="adm1_en",
        LEVEL=1,
        PROVINCES="เพชรบูรณ์, Chiang Mai",
    )
    assert result["INSERTED"] == 2
    assert rows(store, "SELECT code, name_en FROM jitasa.admin_area ORDER BY code") == [
        ("50", "Chiang Mai"),
        ("67", "Phetchabun"),
    ]


def test_rejects_are_said_in_words(provider, service, store, tmp_path):
    path = tmp_path / "wrong_level.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"code": "6701", "name_th": "เมืองเพชรบูรณ์", "population": "-3"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[101, 16], [101.1, 16], [101.1, 16.1], [101, 16.1], [101, 16]]],
                        },
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    feedback = Feedback()
    result = _run(service, feedback, INPUT=str(path), LEVEL=3)
    assert result["REJECTED"] == 1 and result["INSERTED"] == 0
    assert any("is not a valid code: '6701'" in line for line in feedback.lines)
    assert rows(store, "SELECT reason FROM jitasa.import_reject") == [("bad_code",)]
