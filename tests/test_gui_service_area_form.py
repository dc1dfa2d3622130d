"""The service-area form on the real test store (as an analyst): Save runs as a background task and shows
what the store did: saved, then updated on a second Save; a bow-tie saved after repair with the change in
words; a stale save refused with nothing overwritten."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry
from service_support import rows
from task_waiting import finish

from jitasa_qgis.gui.service_area_form import ServiceAreaForm
from jitasa_qgis.services.service_area_editing import FormChoices, form_choices, read_area

SQUARE = QgsGeometry.fromWkt("Polygon ((101 16, 101.1 16, 101.1 16.1, 101 16.1, 101 16))")
BOW_TIE = QgsGeometry.fromWkt("Polygon ((101 16, 101.1 16.1, 101.1 16, 101 16.1, 101 16))")


@pytest.fixture
def analyst(store, login_role):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES "
            "('amphoe', '6701', 'เมืองเพชรบูรณ์', 'SRID=4326;MULTIPOLYGON(((101 16,102 16,102 17,101 17,101 16)))')"
        )
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom) VALUES "
            "('รพ.เพชรบูรณ์', 'hospital', 'SRID=4326;POINT(101.05 16.05)')"
        )
    c.close()
    _, connect = login_role("jitasa_analyst")
    return lambda: connect(autocommit=False)


def test_save_then_update(qgis_app, analyst, store):
    choices = form_choices(analyst)
    form = ServiceAreaForm(analyst, SQUARE, choices)
    assert [form.kind_combo.itemText(i) for i in range(form.kind_combo.count())] == [
        "area of responsibility",
        "coverage area",
    ]
    form.name_edit.setText("ทีมตำบลสะเดียง")
    form.facility_combo.setCurrentIndex(1)
    form.amphoe_combo.setCurrentIndex(form.amphoe_combo.findData("6701"))
    saved = []
    form.saved.connect(saved.append)
    first = finish(form.save())
    assert first.outcome == "inserted" and form.status_label.text() == "Service area saved."
    assert saved == [first]
    row = read_area(analyst, first.id)
    assert (row.name, row.amphoe_code, row.facility_id) == ("ทีมตำบลสะเดียง", "6701", choices.facilities[0][0])
    form.name_edit.setText("ทีม 2")
    second = finish(form.save())
    assert (second.outcome, second.id, second.version) == ("updated", first.id, 2)
    assert rows(store, "SELECT name FROM jitasa.service_area") == [("ทีม 2",)]


def test_a_bow_tie_is_saved_repaired_and_the_form_says_so(qgis_app, analyst):
    form = ServiceAreaForm(analyst, BOW_TIE, FormChoices([], []))
    form.name_edit.setText("โบว์")
    result = finish(form.save())
    assert result.outcome == "repaired"
    assert "Saved after repair" in form.status_label.text() and "crosses itself" in form.status_label.text()


def test_a_stale_save_is_refused_and_nothing_overwritten(qgis_app, analyst, store):
    form = ServiceAreaForm(analyst, SQUARE, FormChoices([], []))
    form.name_edit.setText("เขต ก")
    first = finish(form.save())
    # someone else edits it meanwhile (version 1 → 2)
    other = ServiceAreaForm(analyst, SQUARE, FormChoices([], []), area=read_area(analyst, first.id))
    other.name_edit.setText("เขต ของคนอื่น")
    assert finish(other.save()).outcome == "updated"
    form.name_edit.setText("เขต ข")
    stale = finish(form.save())
    assert stale.outcome == "stale"
    assert "Someone else changed this service area first" in form.status_label.text()
    assert rows(store, "SELECT name, version FROM jitasa.service_area") == [("เขต ของคนอื่น", 2)]


def test_an_empty_name_is_refused_in_words(qgis_app, analyst, store):
    form = ServiceAreaForm(analyst, SQUARE, FormChoices([], []))
    assert finish(form.save()).outcome == "invalid_input"
    assert form.status_label.text() == "A service area needs a name. Nothing was saved."
    assert rows(store, "SELECT count(*) FROM jitasa.service_area") == [(0,)]


def test_an_area_opened_for_edit_is_deleted_with_its_version(qgis_app, analyst, store):
    new = ServiceAreaForm(analyst, SQUARE, FormChoices([], []))
    assert new.delete_button is None  # nothing stored yet to delete
    new.name_edit.setText("เขตลบ")
    first = finish(new.save())
    area = read_area(analyst, first.id)
    assert QgsGeometry.fromWkt(area.wkt).isGeosEqual(SQUARE)  # the stored polygon, for the form
    form = ServiceAreaForm(analyst, QgsGeometry.fromWkt(area.wkt), FormChoices([], []), area=area)
    assert form.name_edit.text() == "เขตลบ" and form.delete_button is not None
    saved = []
    form.saved.connect(saved.append)
    result = finish(form.delete())
    assert result.outcome == "deleted" and form.status_label.text() == "Service area deleted."
    assert saved == [result]
    assert rows(store, "SELECT count(*) FROM jitasa.service_area") == [(0,)]
    assert not form.delete_button.isEnabled() and not form.buttons.button(form.buttons.Save).isEnabled()


def test_a_stale_delete_is_refused_and_the_area_kept(qgis_app, analyst, store):
    new = ServiceAreaForm(analyst, SQUARE, FormChoices([], []))
    new.name_edit.setText("เขต ก")
    first = finish(new.save())
    form = ServiceAreaForm(analyst, SQUARE, FormChoices([], []), area=read_area(analyst, first.id))
    new.name_edit.setText("เขต ข")  # someone saves a change after the form was opened
    assert finish(new.save()).outcome == "updated"
    assert finish(form.delete()).outcome == "stale"
    assert "Someone else changed this service area first" in form.status_label.text()
    assert rows(store, "SELECT name, version FROM jitasa.service_area") == [("เขต ข", 2)]
    assert form.delete_button.isEnabled()
