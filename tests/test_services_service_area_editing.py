"""services.service_area_editing on the real test store, as an analyst: save, a stale save and a stale
delete as results (not exceptions) with their words, a repair reported, cancel writes nothing."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.service_area_editing import (
    ServiceAreaEdit,
    delete_area,
    form_choices,
    read_area,
    save_area,
)
from jitasa_qgis.store.errors import StoreError

SQUARE = "Polygon ((101 16, 101.1 16, 101.1 16.1, 101 16.1, 101 16))"  # as QgsGeometry.asWkt() writes it
BOW_TIE = "Polygon ((101 16, 101.1 16.1, 101.1 16, 101 16.1, 101 16))"


@pytest.fixture
def analyst(store, login_role):
    _, connect = login_role("jitasa_analyst")
    return lambda: connect(autocommit=False)


def test_save_then_stale_save_and_delete_are_results(store, analyst):
    first = save_area(analyst, ServiceAreaEdit(name="เขต ก", kind="responsibility", wkt=SQUARE))
    assert (first.outcome, first.written, first.message) == ("inserted", True, "Service area saved.")
    edit = ServiceAreaEdit(name="เขต ข", kind="coverage", wkt=SQUARE, area_id=first.id, version=first.version)
    assert save_area(analyst, edit).outcome == "updated"
    again = save_area(analyst, edit)  # the same edit from the version read before
    assert again.outcome == "stale" and not again.written
    assert "version 2" in again.message and "Nothing was saved" in again.message
    assert read_area(analyst, first.id).name == "เขต ข"
    stale_delete = delete_area(analyst, first.id, 1)
    assert stale_delete.outcome == "stale"
    assert rows(store, "SELECT count(*) FROM jitasa.service_area") == [(1,)]
    assert delete_area(analyst, first.id, 2).outcome == "deleted"
    assert read_area(analyst, first.id) is None


def test_a_bow_tie_is_saved_repaired_with_the_change_in_words(store, analyst):
    reports: list[str] = []
    out = save_area(
        analyst,
        ServiceAreaEdit(name="โบว์", kind="responsibility", wkt=BOW_TIE),
        CallbackProgress(report=lambda f, m: reports.append(m)),
    )
    assert out.outcome == "repaired" and out.written
    assert "crosses itself" in out.message and "km²" in out.message
    assert reports[-1] == out.message


def test_cancel_writes_nothing_and_an_unknown_kind_is_a_value_error(store, analyst):
    with pytest.raises(Cancelled):
        save_area(
            analyst,
            ServiceAreaEdit(name="x", kind="responsibility", wkt=SQUARE),
            CallbackProgress(cancelled=lambda: True),
        )
    with pytest.raises(ValueError):
        save_area(analyst, ServiceAreaEdit(name="x", kind="fortress", wkt=SQUARE))
    assert rows(store, "SELECT count(*) FROM jitasa.service_area") == [(0,)]


def test_the_feed_role_is_a_store_error(store, login_role):
    _, connect = login_role("jitasa_feed")
    with pytest.raises(StoreError):
        save_area(lambda: connect(autocommit=False), ServiceAreaEdit(name="x", kind="coverage", wkt=SQUARE))


def test_form_choices_are_read(store, analyst):
    assert form_choices(analyst).facilities == [] and form_choices(analyst).amphoe == []
