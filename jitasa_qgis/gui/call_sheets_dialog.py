"""The "Print call sheets" dialog: the area (province, amphoe or tambon), a page per volunteer or per team,
which volunteers and assignments, whether names and phone numbers are printed (where the role may read them),
the office, the digits and the PDF; Print runs services.call_sheets as a background task with a progress bar
and Cancel, says what was written (and whether personal data is on it) or why not, and Open shows the PDF.

Built in code, like the Print dialog; the running machinery is gui/output_task_dialog.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QWidget

from ..definitions.i18n import translate
from ..services.call_sheets import CallSheetParams, CallSheetResult, print_call_sheets
from .output_task_dialog import OutputTaskDialog, with_suffix


class CallSheetsDialog(OutputTaskDialog):
    def __init__(self, location_of: Callable[[], object], parent: Optional[QWidget] = None):
        super().__init__(location_of, translate("CallSheetsDialog", "Print"), parent)
        self.setObjectName("JitasaCallSheetsDialog")
        self.setWindowTitle(translate("CallSheetsDialog", "Print call sheets"))

        self.add_area_row(
            translate("CallSheetsDialog", "Area"),
            ("province", "amphoe", "tambon"),
            translate("CallSheetsDialog", "Name or code, e.g. วังโป่ง or 6710; empty: every volunteer you may see"),
        )
        self.per = QComboBox()
        self.per.addItem(translate("CallSheetsDialog", "Volunteer"), False)
        self.per.addItem(translate("CallSheetsDialog", "Team (its members and all their requests)"), True)
        self.only_assigned = QCheckBox(translate("CallSheetsDialog", "Only volunteers or teams with assigned requests"))
        self.include_proposed = QCheckBox(
            translate("CallSheetsDialog", "Also list proposed assignments (not yet confirmed)")
        )
        self.include_personal = QCheckBox(
            translate("CallSheetsDialog", "Print names and phone numbers (where your role may read them)")
        )
        self.include_personal.setChecked(True)
        self.form.addRow(translate("CallSheetsDialog", "One page per"), self.per)
        self.form.addRow("", self.only_assigned)
        self.form.addRow("", self.include_proposed)
        self.form.addRow("", self.include_personal)
        self.add_office_rows()
        self.output = self.add_file_row(
            translate("CallSheetsDialog", "PDF file"), translate("CallSheetsDialog", "PDF (*.pdf)")
        )
        self.open_button = self.add_open_button(translate("CallSheetsDialog", "Open the PDF"))

    def params(self) -> CallSheetParams:
        path = with_suffix(self.output.filePath(), (".pdf",))
        if not path:
            raise ValueError(translate("CallSheetsDialog", "Choose the PDF file to write."))
        return CallSheetParams(
            path=path,
            area=self.area_text(),
            only_assigned=self.only_assigned.isChecked(),
            include_proposed=self.include_proposed.isChecked(),
            include_personal=self.include_personal.isChecked(),
            per_team=bool(self.per.currentData()),
            office=self.office.text().strip(),
            use_thai_digits=self.thai_digits.isChecked(),
        )

    def service(self):
        return print_call_sheets

    def task_description(self, params: CallSheetParams) -> str:
        return translate("CallSheetsDialog", "Jitasa: call sheets to {0}").format(str(params.path))

    def outputs_of(self, result: CallSheetResult):
        return {self.open_button: Path(result.path)}
