"""jitasa:importvolunteers through processing.run on the real test cluster with the Phetchabun boundaries:
a Thai-header XLSX roster in, the counts out, each reject in words in the log; a second run changes nothing;
clear errors for a missing file and an unknown column in the mapping."""

from __future__ import annotations

import json

import openpyxl
import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback
from service_support import rows

from jitasa_qgis.services.demo_loading import DemoParams, load_demo

HEADERS = ["รหัส", "ชื่อ", "นามสกุล", "โทรศัพท์", "หมู่", "ตำบล", "อำเภอ", "ประเภท", "ขับรถ", "พาหนะ"]
DATA = [
    ["1", "สมชาย", "ใจดี", 812345678, 3, "ในเมือง", "", "อสม.", "✓", "กระบะ"],  # a numeric phone cell
    ["2", "สมหญิง", "รักดี", "02-123-4567 ต่อ 5", 5, "น้ำร้อน", "วิเชียรบุรี", "", "", ""],  # default kind
    ["3", "สมศรี", "สองที่", "089-111-2222", 1, "น้ำร้อน", "", "อสม.", "", ""],  # ambiguous
    ["4", "สมปอง", "ผิด", "089-333-4444", 1, "ในเมือง", "", "หมอดู", "", ""],  # unknown kind
]


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    load_demo(store, DemoParams(health_path=None, n_requests=0, n_volunteers=0))
    name = f"jitasa_roster_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


@pytest.fixture
def roster(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "ปก"
    sheet = book.create_sheet("รายชื่อ")
    sheet.append(HEADERS)
    for row in DATA:
        sheet.append(row)
    path = tmp_path / "อสม_2564.xlsx"
    book.save(path)
    return path


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(warning)
        super().pushWarning(warning)


def test_help_says_why_the_file_is_read_directly(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:importvolunteers")
    assert algorithm is not None
    text = algorithm.shortHelpString()
    assert "0812345678" in text and "812345678" in text and "not as a QGIS layer" in text
    assert algorithm.parameterDefinition("DEFAULT_KIND").defaultValue() == 0


def test_a_thai_xlsx_roster_imports_with_counts_and_rejects_in_words(provider, service, store, roster):
    import processing

    feedback = Feedback()
    params = {"SERVICE": service, "FILE": str(roster), "SHEET": "รายชื่อ", "DEFAULT_KIND": 1}  # local official
    result = processing.run("jitasa:importvolunteers", params, feedback=feedback)
    assert (result["INSERTED"], result["UPDATED"], result["UNCHANGED"], result["PLACED_IN_TAMBON"]) == (2, 0, 0, 2)
    assert result["REJECTED"] == 2
    assert json.loads(result["SUMMARY"])["source"] == "อสม_2564"
    got = rows(
        store, "SELECT source_id, phone, kind::text, skills::text[], vehicle::text, tambon_code FROM jitasa.volunteer"
    )
    assert sorted(got) == [
        ("1", "0812345678", "village_health_volunteer", ["driving"], "pickup", "670101"),
        ("2", "021234567", "local_official", [], "none", "670505"),
    ]
    log = "\n".join(feedback.lines)
    assert "row 4: tambon 'น้ำร้อน' is ambiguous" in log and "วิเชียรบุรี" in log and "เมืองเพชรบูรณ์" in log
    assert "row 5: ประเภท 'หมอดู' is not one of: อสม." in log
    assert "1 phone numbers had an extension" in log
    again = processing.run("jitasa:importvolunteers", params, feedback=Feedback())
    assert (again["INSERTED"], again["UPDATED"], again["UNCHANGED"], again["REJECTED"]) == (0, 0, 2, 2)


def test_clear_errors_for_a_missing_file_and_a_mapping_naming_no_column(provider, service, store, roster, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="nowhere.xlsx"):
        processing.run("jitasa:importvolunteers", {"SERVICE": service, "FILE": str(tmp_path / "nowhere.xlsx")})
    with pytest.raises(QgsProcessingException, match="เบอร์บ้าน"):
        processing.run(
            "jitasa:importvolunteers",
            {"SERVICE": service, "FILE": str(roster), "SHEET": "รายชื่อ", "FIELD_MAP": "phone=เบอร์บ้าน"},
        )
    assert rows(store, "SELECT count(*) FROM jitasa.volunteer") == [(0,)]
