"""The form of a drawn service area: name, kind, the facility or team responsible, the amphoe.

Save runs services.service_area_editing.save_area as a background task (gui/service_task) and shows what the
store did in words: saved, saved after repair (with the area change), or refused with the reason. A stale
save (someone changed the area since it was read) says so and writes nothing. After a save the form holds the
new version, so a second Save updates the same area.

An area opened for editing (the "Edit service area" tool) also has Delete: after a confirmation it runs
delete_area with the version read, so a delete of an area someone changed meanwhile is refused as stale.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..definitions.i18n import translate
from ..definitions.service_area_outcomes import DRAWN_KINDS, kind_label
from ..services.service_area_editing import (
    FormChoices,
    ServiceAreaEdit,
    ServiceAreaEditResult,
    delete_area,
    save_area,
)
from ..services.store_access import Store
from ..store.service_area_edits import ServiceAreaRow
from .questions import confirm
from .service_task import TaskHandle, start_service_task


class ServiceAreaForm(QDialog):
    saved = pyqtSignal(object)  # the ServiceAreaEditResult of a save or delete that wrote

    def __init__(
        self,
        store: Store,
        geometry: QgsGeometry,
        choices: FormChoices,
        area: Optional[ServiceAreaRow] = None,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("JitasaServiceAreaForm")
        self.setWindowTitle(translate("ServiceAreaForm", "Service area"))
        self.store = store
        self.geometry = QgsGeometry(geometry)
        self.area_id = area.id if area is not None else None
        self.version = area.version if area is not None else None
        self.task: Optional[TaskHandle] = None
        self.last_result: Optional[ServiceAreaEditResult] = None

        self.name_edit = QLineEdit(area.name if area is not None else "")
        self.name_edit.setPlaceholderText(translate("ServiceAreaForm", "e.g. Sadiang sub-district team"))
        self.kind_combo = QComboBox()
        kinds = list(DRAWN_KINDS)
        if area is not None and area.kind not in kinds:
            kinds.append(area.kind)
        for kind in kinds:
            self.kind_combo.addItem(kind_label(kind), kind)
        if area is not None:
            self.kind_combo.setCurrentIndex(kinds.index(area.kind))
        self.facility_combo = QComboBox()
        self.facility_combo.addItem(translate("ServiceAreaForm", "(no facility)"), None)
        for facility_id, name in choices.facilities:
            self.facility_combo.addItem(name, facility_id)
        self.team_edit = QLineEdit(area.responsible or "" if area is not None else "")
        self.team_edit.setPlaceholderText(translate("ServiceAreaForm", "a team, when no facility is responsible"))
        self.amphoe_combo = QComboBox()
        self.amphoe_combo.addItem(translate("ServiceAreaForm", "(no amphoe)"), None)
        for code, name in choices.amphoe:
            self.amphoe_combo.addItem(translate("ServiceAreaForm", "{0} ({1})").format(name, code), code)
        if area is not None:
            self._select(self.facility_combo, area.facility_id)
            self._select(self.amphoe_combo, area.amphoe_code)

        form = QFormLayout()
        form.addRow(translate("ServiceAreaForm", "Name"), self.name_edit)
        form.addRow(translate("ServiceAreaForm", "Kind"), self.kind_combo)
        form.addRow(translate("ServiceAreaForm", "Responsible facility"), self.facility_combo)
        form.addRow(translate("ServiceAreaForm", "Responsible team"), self.team_edit)
        form.addRow(translate("ServiceAreaForm", "Amphoe"), self.amphoe_combo)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        self.buttons.button(QDialogButtonBox.Save).setText(translate("ServiceAreaForm", "Save"))
        self.buttons.button(QDialogButtonBox.Close).setText(translate("ServiceAreaForm", "Close"))
        self.delete_button: Optional[QPushButton] = None
        if self.area_id is not None:
            self.delete_button = self.buttons.addButton(
                translate("ServiceAreaForm", "Delete…"), QDialogButtonBox.DestructiveRole
            )
            self.delete_button.clicked.connect(self.ask_delete)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.resize(540, self.sizeHint().height())  # room for the Thai placeholders

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def edit(self) -> ServiceAreaEdit:
        """What Save sends now."""
        return ServiceAreaEdit(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            wkt=self.geometry.asWkt(),
            facility_id=self.facility_combo.currentData(),
            responsible=self.team_edit.text().strip() or None,
            amphoe_code=self.amphoe_combo.currentData(),
            area_id=self.area_id,
            version=self.version,
        )

    def save(self) -> Optional[TaskHandle]:
        """Start the save in the background; the outcome shows in the form when it is done."""
        if self.task is not None and not self.task.done:
            return self.task
        edit = self.edit()
        self._set_busy(True)
        self.status_label.setText(translate("ServiceAreaForm", "Saving…"))
        self.task = start_service_task(
            translate("ServiceAreaForm", "Saving service area"),
            lambda progress: save_area(self.store, edit, progress),
            on_result=self._on_result,
            on_error=self._on_error,
            on_cancelled=self._on_cancelled,
        )
        return self.task

    def ask_delete(self) -> Optional[TaskHandle]:
        """Ask before deleting; the delete runs only when confirmed."""
        asked = confirm(
            self,
            translate("ServiceAreaForm", "Delete service area"),
            translate("ServiceAreaForm", "Delete the service area “{0}”? This cannot be undone.").format(
                self.name_edit.text()
            ),
            translate("ServiceAreaForm", "Delete"),
            translate("ServiceAreaForm", "Keep it"),
            destructive=True,
        )
        return self.delete() if asked else None

    def delete(self) -> Optional[TaskHandle]:
        """Delete the area with the version read, in the background; the outcome shows in the form."""
        if self.area_id is None or (self.task is not None and not self.task.done):
            return self.task
        area_id, version = self.area_id, self.version
        self._set_busy(True)
        self.status_label.setText(translate("ServiceAreaForm", "Deleting…"))
        self.task = start_service_task(
            translate("ServiceAreaForm", "Deleting service area"),
            lambda progress: delete_area(self.store, area_id, version, progress),
            on_result=self._on_result,
            on_error=self._on_error,
            on_cancelled=self._on_cancelled,
        )
        return self.task

    def _set_busy(self, busy: bool) -> None:
        deleted = self.last_result is not None and self.last_result.outcome == "deleted"
        self.buttons.button(QDialogButtonBox.Save).setEnabled(not busy and not deleted)
        if self.delete_button is not None:
            self.delete_button.setEnabled(not busy and not deleted)

    def _on_result(self, result: ServiceAreaEditResult) -> None:
        self.last_result = result
        self._set_busy(False)
        self.status_label.setText(result.message)
        colour = (
            "#1b5e20"
            if result.outcome in ("inserted", "updated", "deleted")
            else "#b26a00"
            if result.written
            else "#b00020"
        )
        self.status_label.setStyleSheet(f"color: {colour}")
        if result.outcome == "deleted":
            self.area_id = self.version = None  # nothing left to save or delete
        elif result.written:
            self.area_id, self.version = result.id, result.version  # a second Save updates this area
        if result.written:
            self.saved.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status_label.setStyleSheet("color: #b00020")
        self.status_label.setText(translate("ServiceAreaForm", "Not saved: {0}").format(exc))

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self.status_label.setText(translate("ServiceAreaForm", "Cancelled; nothing was saved."))

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()  # a save still running writes nothing once cancelled before its write
        super().reject()
