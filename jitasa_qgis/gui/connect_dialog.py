"""The "Connect to Jitasa store" dialog: pick a saved QGIS connection or a pg_service name, test it,
remember the choice (names only, never a password)."""

from __future__ import annotations

from qgis.gui import QgsProviderConnectionComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from ..definitions import settings
from ..definitions.i18n import translate
from ..definitions.paths import UI_DIR
from ..store.errors import StoreError
from ..store.migrations import check_schema_current
from ..store.qgis_connections import StoreLocation, from_saved_connection, from_service

CTX = "ConnectDialog"
FORM_CLASS, _ = uic.loadUiType(str(UI_DIR / "connect_dialog.ui"))


class ConnectDialog(QDialog, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setWindowTitle(translate("ConnectDialog", "Connect to Jitasa store"))
        # Made here, not in the .ui: its only constructor is (provider, parent), and uic passes (parent) alone.
        self.connection_combo = QgsProviderConnectionComboBox("postgres", self)
        self.connection_combo.setObjectName("connection_combo")
        self.connection_layout.addWidget(self.connection_combo)
        # Qt has no Thai for its standard buttons: name them ourselves.
        self.button_box.button(QDialogButtonBox.Ok).setText(translate("ConnectDialog", "OK"))
        self.button_box.button(QDialogButtonBox.Cancel).setText(translate("ConnectDialog", "Cancel"))
        self._restore()
        self._fit_to_text()
        self.test_button.clicked.connect(self.test_connection)
        self.use_service_radio.toggled.connect(self._update_enabled)
        self.button_box.accepted.connect(self._accept)
        self.button_box.rejected.connect(self.reject)
        self._update_enabled()

    def _fit_to_text(self) -> None:
        """Tall enough for the wrapped hint at the dialog's width: a window's minimum size ignores a wrapped
        label's height for width, so the .ui's size alone cuts longer (Thai) text and overlaps the buttons."""
        width = max(self.width(), self.minimumSizeHint().width())
        self.resize(width, max(self.height(), self.heightForWidth(width)))

    def _restore(self) -> None:
        service = settings.get(settings.KEY_SERVICE)
        name = settings.get(settings.KEY_CONNECTION_NAME)
        self.service_edit.setText(service or "")
        if name:
            self.connection_combo.setConnection(name)
        self.use_service_radio.setChecked(bool(service) and not name)

    def _update_enabled(self) -> None:
        use_service = self.use_service_radio.isChecked()
        self.service_edit.setEnabled(use_service)
        self.connection_combo.setEnabled(not use_service)

    def location(self) -> StoreLocation:
        """The chosen store; raises StoreError with a clear message when the choice is incomplete."""
        if self.use_service_radio.isChecked():
            return from_service(self.service_edit.text())
        name = self.connection_combo.currentConnection()
        if not name:
            raise StoreError(
                translate("ConnectDialog", "Choose a saved PostgreSQL connection, or give a pg_service name.")
            )
        return from_saved_connection(name)

    def test_connection(self) -> bool:
        try:
            location = self.location()
            conn = location.spec.connect()
            try:
                check_schema_current(conn)
            finally:
                conn.close()
        except StoreError as exc:
            self.status_label.setText(str(exc))
            return False
        self.status_label.setText(translate("ConnectDialog", "Connected: the store is ready."))
        return True

    def _accept(self) -> None:
        try:
            self.location()
        except StoreError as exc:
            self.status_label.setText(str(exc))
            return
        if self.use_service_radio.isChecked():
            settings.set_value(settings.KEY_SERVICE, self.service_edit.text().strip())
            settings.set_value(settings.KEY_CONNECTION_NAME, "")
        else:
            settings.set_value(settings.KEY_CONNECTION_NAME, self.connection_combo.currentConnection())
            settings.set_value(settings.KEY_SERVICE, "")
        self.accept()
