"""The Print dialog: a map of an area or an atlas (a page per amphoe, tambon or service area), the paper,
the producing office, Thai or Arabic digits and the PDF; Print runs services.print_map as a background
task with a progress bar and Cancel, and says what was written or why not.

Built in code, like the Feed tab: a handful of rows that change with the kind of print; the running
machinery (params read before the task starts, results shown on the main thread, the office and digits
kept in the print settings) is gui/output_task_dialog.py.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.PyQt.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ..definitions import settings
from ..definitions.i18n import translate
from ..services.print_map import (
    ATLAS_LEVELS,
    TEMPLATES,
    PrintAtlasParams,
    PrintMapParams,
    print_atlas,
    print_map,
)
from .output_task_dialog import OutputTaskDialog, with_suffix

MAP, ATLAS = "map", "atlas"


def _template_words(name: str) -> str:
    return {
        "a4_portrait": lambda: translate("PrintDialog", "A4 portrait"),
        "a4_landscape": lambda: translate("PrintDialog", "A4 landscape"),
        "a3_landscape": lambda: translate("PrintDialog", "A3 landscape"),
    }[name]()


def _level_words(level: str) -> str:
    return {
        "amphoe": lambda: translate("PrintDialog", "Amphoe"),
        "tambon": lambda: translate("PrintDialog", "Tambon"),
        "service_area": lambda: translate("PrintDialog", "Service area"),
    }[level]()


class PrintDialog(OutputTaskDialog):
    """`location_of()` gives the store to print from (a StoreLocation) when Print is pressed."""

    def __init__(self, location_of: Callable[[], object], parent: Optional[QWidget] = None):
        super().__init__(
            location_of,
            translate("PrintDialog", "Print"),
            parent,
            cancel_text=translate("PrintDialog", "Cancel printing"),
        )
        self.setObjectName("JitasaPrintDialog")
        self.setWindowTitle(translate("PrintDialog", "Print a map or an atlas"))

        self.kind = QComboBox()
        self.kind.addItem(translate("PrintDialog", "One map of an area"), MAP)
        self.kind.addItem(translate("PrintDialog", "Atlas: a page per area"), ATLAS)
        self.template = QComboBox()
        for name in TEMPLATES:
            self.template.addItem(_template_words(name), name)
        self.template.setCurrentIndex(TEMPLATES.index("a3_landscape"))
        self.area = QLineEdit()
        self.area.setPlaceholderText(translate("PrintDialog", "Name or code, e.g. วังโป่ง or 6710; empty: everything"))
        self.level = QComboBox()
        for level in ATLAS_LEVELS:
            self.level.addItem(_level_words(level), level)
        self.level.setCurrentIndex(ATLAS_LEVELS.index("tambon"))

        self.form.addRow(translate("PrintDialog", "Print"), self.kind)
        self.form.addRow(translate("PrintDialog", "Paper"), self.template)
        self.level_label = QLabel(translate("PrintDialog", "One page per"))
        self.form.addRow(self.level_label, self.level)
        self.area_label = QLabel()
        self.form.addRow(self.area_label, self.area)
        self.add_office_rows()
        self.output = self.add_file_row(translate("PrintDialog", "PDF file"), translate("PrintDialog", "PDF (*.pdf)"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        atlas = self.kind.currentData() == ATLAS
        self.level.setVisible(atlas)
        self.level_label.setVisible(atlas)
        self.area_label.setText(
            translate("PrintDialog", "Inside (province or amphoe)") if atlas else translate("PrintDialog", "Area")
        )
        if atlas and self.template.currentData() == "a3_landscape":
            self.template.setCurrentIndex(TEMPLATES.index("a4_portrait"))

    def params(self):
        """The widgets' values as the service's params (PrintMapParams or PrintAtlasParams)."""
        output = with_suffix(self.output.filePath(), (".pdf",))
        if not output:
            raise ValueError(translate("PrintDialog", "Choose the PDF file to write."))
        common = dict(
            output=output,
            template=self.template.currentData(),
            office=self.office.text().strip(),
            thai_digits=self.thai_digits.isChecked(),
        )
        if self.kind.currentData() == ATLAS:
            return PrintAtlasParams(level=self.level.currentData(), scope=self.area.text().strip(), **common)
        return PrintMapParams(area=self.area.text().strip(), **common)

    def service(self):
        return print_atlas if self.kind.currentData() == ATLAS else print_map

    def outputs_of(self, result):
        return {}  # the status names the PDF

    def task_description(self, params) -> str:
        return translate("PrintDialog", "Jitasa: printing {0}").format(params.output)

    def working_text(self) -> str:
        return translate("PrintDialog", "Printing…")

    def failure_text(self, error: BaseException) -> str:
        return translate("PrintDialog", "Not printed: {0}").format(str(error))

    def remember(self, params) -> None:  # the print params call the digits `thai_digits`
        settings.set_value(settings.KEY_PRINT_OFFICE, params.office)
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, params.thai_digits)
