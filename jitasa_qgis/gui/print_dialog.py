"""The Print dialog: a map of an area or an atlas (a page per amphoe, tambon or service area), the paper,
the producing office, Thai or Arabic digits and the PDF; Print runs services.print_map as a background
task (gui/service_task.py) with a progress bar and Cancel, and says what was written or why not.

The widgets are read into a frozen params dataclass before the task starts; the task touches no widget,
and its result is shown in the callbacks on the main thread. The office and digits are kept in the print
settings for the next time (and for the Processing algorithms' defaults).

Built in code, like the Feed tab: a handful of rows that change with the kind of print.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..definitions import settings
from ..definitions.i18n import translate
from ..services.print_map import (
    ATLAS_LEVELS,
    TEMPLATES,
    PrintAtlasParams,
    PrintMapParams,
    PrintResult,
    print_atlas,
    print_map,
)
from .service_task import TaskHandle, start_service_task

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


class PrintDialog(QDialog):
    """`location_of()` gives the store to print from (a StoreLocation) when Print is pressed."""

    def __init__(self, location_of: Callable[[], object], parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._location_of = location_of
        self.handle: Optional[TaskHandle] = None
        self.last_result: Optional[PrintResult] = None
        self.setObjectName("JitasaPrintDialog")
        self.setWindowTitle(translate("PrintDialog", "Print a map or an atlas"))
        self.setMinimumWidth(520)

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
        self.office = QLineEdit(str(settings.get(settings.KEY_PRINT_OFFICE) or ""))
        self.office.setPlaceholderText(translate("PrintDialog", "e.g. สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์"))
        self.thai_digits = QCheckBox(translate("PrintDialog", "Dates in Thai digits (๑ ธันวาคม ๒๕๖๙)"))
        self.thai_digits.setChecked(bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)))
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(translate("PrintDialog", "PDF (*.pdf)"))
        self.output.setDefaultRoot("")

        form = QFormLayout()
        form.addRow(translate("PrintDialog", "Print"), self.kind)
        form.addRow(translate("PrintDialog", "Paper"), self.template)
        self.level_label = QLabel(translate("PrintDialog", "One page per"))
        form.addRow(self.level_label, self.level)
        self.area_label = QLabel()
        form.addRow(self.area_label, self.area)
        form.addRow(translate("PrintDialog", "Producing office"), self.office)
        form.addRow("", self.thai_digits)
        form.addRow(translate("PrintDialog", "PDF file"), self.output)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton(translate("PrintDialog", "Print"))
        self.print_button.setDefault(True)
        self.cancel_button = QPushButton(translate("PrintDialog", "Cancel printing"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(translate("PrintDialog", "Close"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.RejectRole)
        self.print_button.clicked.connect(self.start_print)
        self.cancel_button.clicked.connect(self.cancel_print)
        self.close_button.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._kind_changed()

    # ------------------------------------------------------------------------------------------- reading

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
        common = dict(
            output=self.output.filePath().strip(),
            template=self.template.currentData(),
            office=self.office.text().strip(),
            thai_digits=self.thai_digits.isChecked(),
        )
        if self.kind.currentData() == ATLAS:
            return PrintAtlasParams(level=self.level.currentData(), scope=self.area.text().strip(), **common)
        return PrintMapParams(area=self.area.text().strip(), **common)

    # ------------------------------------------------------------------------------------------- running

    def start_print(self) -> Optional[TaskHandle]:
        """Start the print as a background task; None when a field is missing (the status says which)."""
        if self.handle is not None and not self.handle.done:
            return None
        params = self.params()
        if not params.output:
            self._say(translate("PrintDialog", "Choose the PDF file to write."))
            return None
        if not str(params.output).lower().endswith(".pdf"):
            params = type(params)(**{**params.__dict__, "output": f"{params.output}.pdf"})
        settings.set_value(settings.KEY_PRINT_OFFICE, params.office)
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, params.thai_digits)
        try:
            location = self._location_of()
        except Exception as exc:  # noqa: BLE001 - not connected: the StoreError's words
            self._say(str(exc))
            return None
        service = print_atlas if isinstance(params, PrintAtlasParams) else print_map
        self.progress.setValue(0)
        self._say(translate("PrintDialog", "Printing…"))
        self._set_running(True)
        self.handle = start_service_task(
            translate("PrintDialog", "Jitasa: printing {0}").format(params.output),
            lambda progress: service(location, params, progress),
            on_result=self._printed,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            on_progress=lambda percent: self.progress.setValue(int(percent)),
        )
        return self.handle

    def cancel_print(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _printed(self, result: PrintResult) -> None:
        self.last_result = result
        self._set_running(False)
        self.progress.setValue(100)
        self._say("\n".join(result.summary_lines()))

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self._say(translate("PrintDialog", "Not printed: {0}").format(str(error)))

    def _cancelled(self) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        self._say(translate("PrintDialog", "Cancelled; no file was written."))

    def _set_running(self, running: bool) -> None:
        self.print_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.kind, self.template, self.area, self.level, self.office, self.thai_digits, self.output):
            widget.setEnabled(not running)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def reject(self) -> None:  # closing the window cancels a running print
        self.cancel_print()
        super().reject()
