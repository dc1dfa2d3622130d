"""Every dialog and dock of the plugin, opened the way an officer opens it, on a real store: the connect
dialog from the plugin (its saved QGIS connections, the pg_service option, Test, OK loads the layers), the
operations dock and the assign panel with their main buttons, then closed; and the docks stacked in a
1280×800 main window leave its size alone and draw nothing over anything else."""

from __future__ import annotations

import uuid

import pytest
from qgis.core import QgsDataSourceUri, QgsProject, QgsProviderRegistry, QgsSettings
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QPoint, QRect, QSize, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
from widget_checks import drawn_over, settle

import jitasa_qgis
from jitasa_qgis.definitions import settings
from jitasa_qgis.layers.store_layers import find_store_layers
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.qgis_connections import StoreLocation

CONNECTED = "Connected: the store is ready."


@pytest.fixture
def jitasa_settings():
    """The connection settings the dialog writes, put back afterwards (QgsSettings is the user's profile)."""
    keys = [settings.PREFIX + key for key in (settings.KEY_CONNECTION_NAME, settings.KEY_SERVICE)]
    saved = {key: QgsSettings().value(key) for key in keys if QgsSettings().contains(key)}
    for key in keys:
        QgsSettings().remove(key)
    yield
    for key in keys:
        if key in saved:
            QgsSettings().setValue(key, saved[key])
        else:
            QgsSettings().remove(key)


@pytest.fixture
def demo(store):
    load_demo_data(store, n_requests=300, n_volunteers=200, seed=7)
    c = store.connect(autocommit=True)
    yield store, c
    c.close()


@pytest.fixture
def service(store, tmp_path, monkeypatch) -> str:
    """A pg_service.conf naming the test store; libpq finds it through PGSERVICEFILE."""
    path = tmp_path / "pg_service.conf"
    body = "\n".join(f"{k}={v}" for k, v in store.params.items())
    path.write_text(f"[jitasa_dialogs]\n{body}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return "jitasa_dialogs"


@pytest.fixture
def saved_connection(store) -> str:
    """A saved QGIS PostgreSQL connection to the test store (no password: the test cluster trusts local
    logins), removed afterwards."""
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = f"jitasa test {uuid.uuid4().hex[:8]}"
    p = store.params
    uri = QgsDataSourceUri()
    uri.setConnection(p["host"], str(p["port"]), p["dbname"], p["user"], "")
    md.saveConnection(md.createConnection(uri.uri(False), {"saveUsername": True}), name)
    yield name
    md.deleteConnection(name)


@pytest.fixture
def plugin(qgis_iface, jitasa_settings, qgis_new_project):
    p = jitasa_qgis.classFactory(qgis_iface)
    p.initGui()
    yield p
    p.unload()
    QgsProject.instance().clear()


def _new_request(c) -> int:
    with c.cursor() as cur:
        cur.execute("""
            SELECT r.id FROM jitasa.help_request r
             WHERE r.status = 'new' AND r.category = 'food_supplies' AND r.geom IS NOT NULL
               AND (SELECT count(*) FROM jitasa.volunteer v WHERE v.available AND v.active_count < v.capacity
                     AND ST_DWithin(v.geom::geography, r.geom::geography, 25000)) >= 2
             ORDER BY r.id LIMIT 1""")
        return cur.fetchone()[0]


def _with_open_dialog(cls, handle) -> list:
    """Runs handle(dialog) once the modal `cls` dialog is open (inside its exec_ loop); the returned list
    gets the dialog, or None when none opened, and any exception handle raised (the dialog is then closed)."""
    seen: list = []

    def on_open():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()), None)
        seen.append(dialog)
        if dialog is None:
            return
        try:
            handle(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported by the test after exec_ returns
            seen.append(exc)
            dialog.reject()

    QTimer.singleShot(0, on_open)
    return seen


def test_connect_dialog_from_the_plugin(plugin, demo, saved_connection, service):
    from jitasa_qgis.gui.connect_dialog import ConnectDialog

    statuses = {}

    def handle(dialog: ConnectDialog) -> None:
        combo = dialog.connection_combo
        names = [combo.itemText(i) for i in range(combo.count())]
        assert saved_connection in names, names  # the saved QGIS PostgreSQL connections are listed
        assert dialog.use_connection_radio.isChecked() and not dialog.service_edit.isEnabled()
        combo.setConnection(saved_connection)
        dialog.test_button.click()
        statuses["saved"] = dialog.status_label.text()
        # the service option: the line edit takes over from the list
        dialog.use_service_radio.setChecked(True)
        assert dialog.service_edit.isEnabled() and not combo.isEnabled()
        dialog.service_edit.setText("no_such_jitasa_service")
        dialog.test_button.click()
        statuses["unknown service"] = dialog.status_label.text()
        dialog.service_edit.setText(service)
        dialog.test_button.click()
        statuses["service"] = dialog.status_label.text()
        # OK with the saved connection: remembered, and the plugin loads the layers
        dialog.use_connection_radio.setChecked(True)
        dialog.button_box.button(QDialogButtonBox.Ok).click()

    seen = _with_open_dialog(ConnectDialog, handle)
    plugin.show_connect_dialog()  # what Toolbar ▸ Connect calls; returns when the dialog is closed
    assert seen and seen[0] is not None, "the connect dialog did not open"
    assert len(seen) == 1, f"the dialog failed: {seen[1]!r}"
    assert statuses["saved"] == CONNECTED and statuses["service"] == CONNECTED
    assert "no_such_jitasa_service" in statuses["unknown service"]
    assert settings.get(settings.KEY_CONNECTION_NAME) == saved_connection and not settings.get(settings.KEY_SERVICE)
    assert find_store_layers("help_request") and find_store_layers("volunteer")  # the layers are loaded
    assert plugin.live is not None
    assert plugin.dock.requests_model.rowCount() > 0  # loading the layers refreshed the dock


def test_connect_dialog_cancel_changes_nothing(plugin, saved_connection):
    from jitasa_qgis.gui.connect_dialog import ConnectDialog

    def handle(dialog: ConnectDialog) -> None:
        dialog.connection_combo.setConnection(saved_connection)
        dialog.button_box.button(QDialogButtonBox.Cancel).click()

    seen = _with_open_dialog(ConnectDialog, handle)
    plugin.show_connect_dialog()
    assert seen and seen[0] is not None and len(seen) == 1
    assert settings.get(settings.KEY_CONNECTION_NAME) == "" and find_store_layers("help_request") == []


def test_operations_dock_and_assign_panel_from_the_plugin(plugin, demo, service, qgis_iface):
    _spec, c = demo
    settings.set_value(settings.KEY_SERVICE, service)
    window = qgis_iface.mainWindow()
    was_visible = window.isVisible()
    window.show()  # the panel draws on the canvas only while it is visible, as in QGIS
    try:
        _use_dock_and_panel(plugin, c, qgis_iface)
    finally:
        if not was_visible:
            window.hide()


def _use_dock_and_panel(plugin, c, qgis_iface) -> None:
    dock, panel = plugin.dock, plugin.assign_panel

    plugin.dock_action.trigger()  # the toolbar's "Operations dock"
    dock.show()  # the test iface does not place docks in its window
    dock.refresh()
    assert dock.status_label.text() == "" and dock.requests_model.rowCount() > 0
    for i in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(i)
    dock.tabs.setCurrentIndex(0)
    assert dock.volunteers_model.rowCount() > 0 and dock.facilities_model.rowCount() > 0
    dock.requests_view.selectRow(0)
    row = dock.selected_request()
    assert row is not None and dock.cancel_button.isEnabled()
    if dock.requests_next_button.isEnabled():
        dock.requests_next_button.click()
        assert dock.status_label.text() == ""

    # Assign volunteer: the action arms the pick tool and shows the panel; a picked request fills it
    plugin.assign_action.trigger()
    assert qgis_iface.mapCanvas().mapTool() is plugin.assign_tool and not panel.isHidden()
    rid = _new_request(c)
    plugin.assign_tool.request_picked.emit(rid)
    assert panel.request is not None and panel.request.id == rid and panel.status_label.text() == ""
    best = panel.ranking.best
    assert best is not None and panel.selected_candidate() is best
    panel.zoom_button.click()
    assert qgis_iface.mapCanvas().extent().contains(panel.markers.extent(1))
    assert panel.confirm_button.isEnabled()
    panel.confirm_button.click()
    with c.cursor() as cur:
        cur.execute("SELECT volunteer_id FROM jitasa.assignment WHERE request_id = %s AND status = 'active'", (rid,))
        assert cur.fetchall() == [(best.volunteer_id,)]
    assert f"Request {rid} assigned to volunteer {best.volunteer_id}" in panel.status_label.text()
    assert " km" in panel.status_label.text() and "min" in panel.status_label.text()
    assert not panel.confirm_button.isEnabled()  # assigned now

    panel.close()
    assert not panel.markers.shown
    plugin.assign_action.trigger()
    dock.close()
    assert qgis_iface.mapCanvas().mapTool() is not plugin.assign_tool


def _in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def test_docks_stacked_in_a_1280x800_window_leave_it_alone(demo, qgis_iface, qgis_processing):
    """Processing toolbox, operations dock and assign panel on the right of a 1280×800 main window (a
    laptop screen): the window keeps its size, and the panel's summary does not cover its table."""
    from jitasa_qgis.gui.assign_panel import AssignPanel
    from jitasa_qgis.gui.operations_dock import OperationsDock

    spec, c = demo
    location = StoreLocation(name="test", spec=spec, layer_uri="")
    window = QMainWindow()
    canvas = QgsMapCanvas()
    window.setCentralWidget(canvas)
    window.resize(1280, 800)
    docks = []
    try:
        from processing.gui.ProcessingToolbox import ProcessingToolbox

        docks.append(ProcessingToolbox())
    except ImportError:  # no Processing plugin in this QGIS: the two Jitasa docks alone
        pass
    operations = OperationsDock(lambda: location, iface=qgis_iface)
    panel = AssignPanel(lambda: location, iface=qgis_iface, canvas=canvas)
    docks += [operations, panel]
    try:
        for dock in docks:
            window.addDockWidget(Qt.RightDockWidgetArea, dock)
        window.show()
        operations.refresh()
        panel.show_request(_new_request(c))
        settle()
        assert panel.ranking.best is not None and panel.candidates_label.text()

        assert window.size() == QSize(1280, 800)
        for dock in docks:
            assert dock.isVisible() and window.rect().contains(dock.geometry()), type(dock).__name__
        label, table = _in(panel.candidates_label, panel), _in(panel.candidates_view, panel)
        assert not label.intersects(table), (label, table)
        assert panel.candidates_label.height() >= panel.candidates_label.heightForWidth(
            panel.candidates_label.width()
        )  # the whole summary shows
        assert not drawn_over(panel), drawn_over(panel)
        assert not drawn_over(operations), drawn_over(operations)
        request = _in(panel.request_label, panel)
        assert not request.intersects(table) and not request.intersects(label)
        # the buttons are reachable: inside the panel's scrollable content, below the summary
        for button in (panel.confirm_button, panel.zoom_button):
            assert not _in(button, panel).intersects(table) and not _in(button, panel).intersects(label)

        # a much longer summary (Thai wraps more) still does not reach into the table
        panel.candidates_label.setText(panel.candidates_label.text() * 6)
        settle()
        assert window.size() == QSize(1280, 800)
        assert not _in(panel.candidates_label, panel).intersects(_in(panel.candidates_view, panel))
    finally:
        window.hide()
        panel.unload()
        operations.close_store()
        for dock in docks:
            window.removeDockWidget(dock)
            dock.deleteLater()
        window.deleteLater()
