"""The "Situation report" dialog: the area (province or amphoe; a tambon too), the days of the chart, the
office, the digits, the PDF and / or the tables file (XLSX: a sheet per table; CSV: a file per table); Make
report runs services.situation_report as a background task with a progress bar and Cancel, says what was
written or why not, and Open shows the PDF or the tables.

Built in code; the running machinery is gui/output_task_dialog.py.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.PyQt.QtWidgets import QSpinBox, QWidget

from ..definitions.i18n import translate
from ..services.situation_report import SituationReportParams, SituationReportResult, make_situation_report
from .output_task_dialog import OutputTaskDialog, with_suffix


class SituationReportDialog(OutputTaskDialog):
    def __init__(self, location_of: Callable[[], object], parent: Optional[QWidget] = None):
        super().__init__(location_of, translate("SituationReportDialog", "Make the report"), parent)
        self.setObjectName("JitasaSituationReportDialog")
        self.setWindowTitle(translate("SituationReportDialog", "Situation report"))

        self.add_area_row(
            translate("SituationReportDialog", "Area"),
            ("province", "amphoe", "tambon"),
            translate("SituationReportDialog", "Name or code, e.g. เพชรบูรณ์, 67 or 6710; empty: everything you may see"),
        )
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(translate("SituationReportDialog", " days"))
        self.form.addRow(translate("SituationReportDialog", "Open requests over the last"), self.days)
        self.add_office_rows()
        self.output = self.add_file_row(
            translate("SituationReportDialog", "Report (PDF)"), translate("SituationReportDialog", "PDF (*.pdf)")
        )
        self.tables = self.add_file_row(
            translate("SituationReportDialog", "Tables (XLSX or CSV)"),
            translate("SituationReportDialog", "Excel workbook (*.xlsx);;CSV, a file per table (*.csv)"),
        )
        self.open_button = self.add_open_button(translate("SituationReportDialog", "Open the PDF"))
        self.open_tables_button = self.add_open_button(translate("SituationReportDialog", "Open the tables"))

    def params(self) -> SituationReportParams:
        pdf = with_suffix(self.output.filePath(), (".pdf",))
        tables = with_suffix(self.tables.filePath(), (".xlsx", ".csv"))
        if not pdf and not tables:
            raise ValueError(
                translate("SituationReportDialog", "Choose the PDF or the tables file (or both) to write.")
            )
        return SituationReportParams(
            path=pdf or None,
            tables_path=tables or None,
            area=self.area_text(),
            days=self.days.value(),
            office=self.office.text().strip(),
            use_thai_digits=self.thai_digits.isChecked(),
        )

    def service(self):
        return make_situation_report

    def task_description(self, params: SituationReportParams) -> str:
        where = params.area or translate("SituationReportDialog", "everything you may see")
        return translate("SituationReportDialog", "Jitasa: situation report of {0}").format(where)

    def outputs_of(self, result: SituationReportResult):
        tables = None
        if len(result.table_paths) == 1:
            tables = result.table_paths[0]  # the workbook
        elif result.table_paths:
            tables = result.table_paths[0].parent  # a CSV per table: their folder
        return {self.open_button: result.path, self.open_tables_button: tables}
