"""A dialog that writes files through a service (the Print, call-sheets and situation-report dialogs): a form on top,
then a progress bar, a status line and the buttons (run, cancel, an Open button per output, Close); the
service runs as a background task (gui/service_task.py) and its result or error is shown in the callbacks,
on the main thread.

A subclass builds its form into `self.form` (with the rows offered here: the area and its level, the
producing office and the digits, a file to save), gives `params()`, the service and the result's files
(`outputs_of`), and the words of its run button (and, if it likes, of Cancel, the running status and a
failure); the base runs, says what came of it, and opens a written
file with the desktop's viewer (`open_path`). The office and digits are kept in the print settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..definitions import settings
from ..definitions.i18n import translate
from .questions import dialog_buttons
from .service_task import TaskHandle, start_service_task


def open_path(path: Path) -> bool:
    """Open a written file (or folder) with the desktop's viewer; whether the desktop took it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _level_words(level: str) -> str:
    return {
        "province": lambda: translate("OutputDialog", "Province"),
        "amphoe": lambda: translate("OutputDialog", "Amphoe"),
        "tambon": lambda: translate("OutputDialog", "Tambon"),
    }[level]()


class OutputTaskDialog(QDialog):
    """`location_of()` gives the store (a StoreLocation) when the run button is pressed."""

    def __init__(
        self,
        location_of: Callable[[], object],
        run_text: str,
        parent: Optional[QWidget] = None,
        cancel_text: Optional[str] = None,
    ):
        super().__init__(parent)
        self._location_of = location_of
        self.handle: Optional[TaskHandle] = None
        self.last_result = None
        self._opened: dict[QPushButton, Optional[Path]] = {}
        self.setMinimumWidth(560)
        self.form_box = QWidget()  # disabled as a whole while the task runs
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        self.buttons = dialog_buttons(QDialogButtonBox.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.Close)
        self.run_button = QPushButton(run_text)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(cancel_text or translate("OutputDialog", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.buttons.addButton(self.run_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ActionRole)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def add_open_button(self, text: str) -> QPushButton:
        """A button that opens one of the result's files; enabled once that file was written."""
        button = QPushButton(text)
        button.setEnabled(False)
        self.buttons.addButton(button, QDialogButtonBox.ActionRole)
        self._opened[button] = None
        button.clicked.connect(lambda _checked=False, b=button: self._open(b))
        return button

    def add_area_row(self, label: str, levels: tuple[str, ...], placeholder: str) -> None:
        """The area row: a level (any, or one of `levels`: province / amphoe / tambon) and a name or code.
        `area_text()` gives what the services resolve ('amphoe วังโป่ง' when a level is chosen)."""
        self.area_level = QComboBox()
        self.area_level.addItem(translate("OutputDialog", "Any level"), "")
        for level in levels:
            self.area_level.addItem(_level_words(level), level)
        self.area = QLineEdit()
        self.area.setPlaceholderText(placeholder)
        row = QHBoxLayout()
        row.addWidget(self.area_level)
        row.addWidget(self.area, 1)
        self.form.addRow(label, row)

    def add_office_rows(self) -> None:
        """The producing office and the Thai-digits choice, from the print settings."""
        self.office = QLineEdit(str(settings.get(settings.KEY_PRINT_OFFICE) or ""))
        self.office.setPlaceholderText(translate("OutputDialog", "e.g. สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์"))
        self.thai_digits = QCheckBox(translate("OutputDialog", "Thai digits (๑ ธันวาคม ๒๕๖๙)"))
        self.thai_digits.setChecked(bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)))
        self.form.addRow(translate("OutputDialog", "Producing office"), self.office)
        self.form.addRow("", self.thai_digits)

    def add_file_row(self, label: str, file_filter: str) -> QgsFileWidget:
        """A file to write, with a Save As picker."""
        widget = QgsFileWidget()
        widget.setStorageMode(QgsFileWidget.SaveFile)
        widget.setFilter(file_filter)
        self.form.addRow(label, widget)
        return widget

    def area_text(self) -> str:
        text = self.area.text().strip()
        level = self.area_level.currentData()
        return f"{level} {text}" if text and level else text

    # ------------------------------------------------------------------------------------ for subclasses

    def params(self):  # the widgets' values as the service's params; ValueError names a missing field
        raise NotImplementedError

    def service(self) -> Callable:  # service(location, params, progress) -> result
        raise NotImplementedError

    def outputs_of(self, result) -> dict[QPushButton, Optional[Path]]:  # what each Open button opens
        raise NotImplementedError

    def task_description(self, params) -> str:
        return self.windowTitle()

    def working_text(self) -> str:  # the status while the task runs
        return translate("OutputDialog", "Working…")

    def failure_text(self, error: BaseException) -> str:  # the status when the service raised
        return translate("OutputDialog", "Nothing was written: {0}").format(str(error))

    def remember(self, params) -> None:
        """Keep the office and the digits for next time (and the Processing algorithms' defaults)."""
        settings.set_value(settings.KEY_PRINT_OFFICE, params.office)
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, params.use_thai_digits)

    # -------------------------------------------------------------------------------------------- running

    def start(self) -> Optional[TaskHandle]:
        """Start the service as a background task; None when a field is missing (the status says which)."""
        if self.handle is not None and not self.handle.done:
            return None
        try:
            params = self.params()
        except ValueError as exc:
            self._say(str(exc))
            return None
        self.remember(params)
        try:
            location = self._location_of()
        except Exception as exc:  # noqa: BLE001 - not connected: the StoreError's words
            self._say(str(exc))
            return None
        service = self.service()
        for button in self._opened:
            self._opened[button] = None
            button.setEnabled(False)
        self.progress.setValue(0)
        self._say(self.working_text())
        self._set_running(True)
        self.handle = start_service_task(
            self.task_description(params),
            lambda progress: service(location, params, progress),
            on_result=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            on_progress=lambda percent: self.progress.setValue(int(percent)),
        )
        return self.handle

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _done(self, result) -> None:
        self.last_result = result
        self._set_running(False)
        self.progress.setValue(100)
        for button, path in self.outputs_of(result).items():
            self._opened[button] = path
            button.setEnabled(path is not None)
        self._say("\n".join(result.summary_lines()))

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        self._say(self.failure_text(error))

    def _cancelled(self) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        self._say(translate("OutputDialog", "Cancelled; no file was written."))

    def _open(self, button: QPushButton) -> None:
        path = self._opened.get(button)
        if path is not None and not open_path(path):
            self._say(translate("OutputDialog", "No program on this computer opens {0}.").format(str(path)))

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.form_box.setEnabled(not running)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def reject(self) -> None:  # closing the window cancels a running task
        self.cancel()
        super().reject()


def with_suffix(path: str, suffixes: tuple[str, ...]) -> str:
    """`path` as typed, with the first of `suffixes` added when it ends in none of them ('' stays '')."""
    path = path.strip()
    if path and not path.lower().endswith(suffixes):
        return path + suffixes[0]
    return path
