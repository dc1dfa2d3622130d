"""The Thai UI shows no English: with the Thai translator installed, every visible text of the operations
dock, the assign panel (with a request and its candidates), the connect dialog, and the layer-tree group
and layer names that "Load Jitasa layers" creates, has no Latin word except a few proper names and codes.

Data (place names, notes, volunteers' names) is Thai in the demo; table cells are not walked, their
headers are."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsLayerTree, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QTextDocumentFragment
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from widget_checks import drawn_over, settle

from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.qgis_connections import StoreLocation

TS = Path(__file__).resolve().parents[1] / "i18n" / "jitasa_th.ts"
# Proper names and codes a Thai officer reads as they are.
ALLOWED = {
    "Jitasa.care",
    "PostgreSQL",
    "pg_service",
    "pg_service.conf",
    "authcfg",
    "QGIS",
    "km",
    "ATK",
    "jitasa",
    "OpenStreetMap",
}  # "jitasa": the example pg_service name ("เช่น jitasa"); OpenStreetMap: the road layer's source, by name
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.]*")


def latin_words(text: str) -> list[str]:
    if Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return [w for w in (m.rstrip(".") for m in _LATIN_WORD.findall(text)) if w not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user sees on `root` and its visible children."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str) -> None:
        if text and text.strip():
            found.append((f"{type(widget).__name__} {widget.objectName()!r} {what}", text))

    for widget in [root] + root.findChildren(QWidget):
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QDialog, QDockWidget)):
            add(widget, "window title", widget.windowTitle())
        if isinstance(widget, QLabel):
            add(widget, "text", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, "text", widget.text())  # with its prefix and suffix
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, f"item {i}", widget.itemText(i))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, f"tab {i}", widget.tabText(i))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = getattr(widget, "horizontalHeader", lambda: None)()
            for col in range(model.columnCount()):
                if header is not None and header.isSectionHidden(col):
                    continue
                add(widget, f"header {col}", str(model.headerData(col, Qt.Horizontal, Qt.DisplayRole) or ""))
    return found


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {text!r} ({', '.join(words)})" for where, text in texts if (words := latin_words(text))]


@pytest.fixture
def thai(qgis_app, tmp_path):
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease (qttools5-dev-tools) is needed for the Thai UI test"
    qm = tmp_path / "jitasa_th.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _location(spec) -> StoreLocation:
    p = spec.params
    return StoreLocation(
        name="test", spec=spec, layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'"
    )


@pytest.fixture
def demo(store):
    load_demo_data(store, n_requests=300, n_volunteers=200, seed=5)
    return store


def _a_new_request_with_candidates(spec) -> int:
    c = spec.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute("""
                SELECT r.id FROM jitasa.help_request r
                 WHERE r.status = 'new' AND r.category = 'food_supplies' AND r.geom IS NOT NULL
                   AND (SELECT count(*) FROM jitasa.volunteer v WHERE v.available AND v.active_count < v.capacity
                         AND ST_DWithin(v.geom::geography, r.geom::geography, 25000)) >= 2
                 ORDER BY r.id LIMIT 1""")
            return cur.fetchone()[0]
    finally:
        c.close()


def test_the_walk_finds_english(qgis_app):
    """The check itself: an English label is flagged, Thai and the allowed names are not."""
    w = QWidget()
    QLabel("Connect to Jitasa store", w)
    QLabel("<b>คำขอ 12</b> · ออกซิเจน · ATK · 3.2 km · pg_service.conf", w)
    found = english_in(visible_texts(w))
    assert len(found) == 1 and "Connect, to, Jitasa, store" in found[0]
    w.deleteLater()


def test_operations_dock_in_thai(thai, demo):
    from jitasa_qgis.gui.operations_dock import OperationsDock

    location = _location(demo)
    dock = OperationsDock(lambda: location)
    try:
        dock.refresh()
        dock.show()
        assert dock.requests_model.rowCount() > 0 and dock.status_label.text() == ""
        assert dock.windowTitle() == "ปฏิบัติการจิตอาสา"
        texts = []
        for i in range(dock.tabs.count()):  # each tab's page is visible only when it is the current one
            dock.tabs.setCurrentIndex(i)
            texts += visible_texts(dock)
        assert not english_in(texts), "English in the Thai operations dock:\n" + "\n".join(english_in(texts))
    finally:
        dock.close_store()
        dock.deleteLater()


def test_assign_panel_in_thai(thai, demo, qgis_canvas):
    from jitasa_qgis.gui.assign_panel import AssignPanel

    location = _location(demo)
    panel = AssignPanel(lambda: location, canvas=qgis_canvas)
    try:
        texts = visible_texts(panel)  # before a request is picked
        panel.show_request(_a_new_request_with_candidates(demo))
        assert panel.ranking.best is not None and panel.status_label.text() == ""
        texts += visible_texts(panel)
        panel.show()
        settle()
        assert not drawn_over(panel), drawn_over(panel)
        panel.confirm_selected()
        assert "มอบหมายคำขอ" in panel.status_label.text()
        texts += visible_texts(panel)  # the confirmation and the re-read request
        assert not english_in(texts), "English in the Thai assign panel:\n" + "\n".join(english_in(texts))
    finally:
        panel.unload()
        panel.deleteLater()


def test_connect_dialog_in_thai(thai, qgis_app):
    from jitasa_qgis.gui.connect_dialog import ConnectDialog

    dialog = ConnectDialog()
    try:
        dialog.show()
        settle()
        assert not drawn_over(dialog), drawn_over(dialog)  # at the size it opens with
        texts = visible_texts(dialog)
        dialog.use_service_radio.setChecked(True)
        dialog.service_edit.setText("no_such_service_for_jitasa_tests")
        dialog.test_button.click()  # the refusal is shown in Thai too (the server's own words aside)
        assert dialog.status_label.text()
        texts += [(where, text) for where, text in visible_texts(dialog) if "status_label" not in where]
        assert any("เชื่อมต่อ" in text for _, text in texts)
        assert not english_in(texts), "English in the Thai connect dialog:\n" + "\n".join(english_in(texts))
    finally:
        dialog.reject()
        dialog.deleteLater()


def test_loaded_layers_and_their_group_in_thai(thai, demo, qgis_new_project):
    from jitasa_qgis.layers import store_layers

    project = QgsProject.instance()
    try:
        layers, failed = store_layers.load_jitasa_layers(_location(demo), project)
        assert failed == [] and layers
        names = [("group", node.name()) for node in project.layerTreeRoot().findGroups(True)]
        names += [("layer", node.name()) for node in project.layerTreeRoot().findLayers()]
        assert len(names) == 1 + len(layers)
        bad = [f"{kind} {name!r}" for kind, name in names if latin_words(name)]
        assert not bad, f"English in the Thai layer tree: {bad}"
        group = store_layers.find_store_group(project)  # by its property: the title is Thai now
        assert group is not None and group.name() == "จิตอาสา"
        # loading again (the group now has a Thai title) replaces the group instead of adding a second one
        store_layers.load_jitasa_layers(_location(demo), project)
        assert [g.name() for g in project.layerTreeRoot().findGroups(True)] == ["จิตอาสา"]
        assert QgsLayerTree.isGroup(project.layerTreeRoot().children()[0])
    finally:
        project.clear()
