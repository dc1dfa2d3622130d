"""Drawn service areas through jitasa.save_service_area / delete_service_area on the real test cluster:
insert, update with the version read, stale saves and deletes refused with nothing written, a bow-tie
repaired with the area change reported, a line refused, and who may call them."""

from __future__ import annotations

import psycopg2
import psycopg2.errors
import pytest

from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.service_area_edits import (
    amphoe_choices,
    delete_service_area,
    facility_choices,
    save_service_area,
    service_area,
)

SQUARE = "POLYGON((101 16,101.1 16,101.1 16.1,101 16.1,101 16))"
SQUARE_2 = "POLYGON((101 16,101.2 16,101.2 16.1,101 16.1,101 16))"
# crosses itself at (101.05, 16.05): its two lobes' signed areas cancel
BOW_TIE = "POLYGON((101 16,101.1 16.1,101.1 16,101 16.1,101 16))"
LINE = "LINESTRING(101 16,101.1 16.1)"


@pytest.fixture
def places(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES "
            "('amphoe', '6701', 'เมืองเพชรบูรณ์', ST_Multi(ST_GeomFromText(%s, 4326)))",
            (SQUARE_2,),
        )
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom) VALUES "
            "('รพ.เพชรบูรณ์', 'hospital', 'SRID=4326;POINT(101.05 16.05)') RETURNING id"
        )
        fid = cur.fetchone()[0]
    c.close()
    return {"facility": fid}


def _row(store, area_id):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(
                "SELECT name, version, ST_AsText(ST_Normalize(geom)), method FROM jitasa.service_area WHERE id = %s",
                (area_id,),
            )
            return cur.fetchone()
    finally:
        c.close()


def test_insert_update_and_delete_with_the_version(store, places, login_conn):
    c = login_conn("jitasa_analyst")
    made = save_service_area(c, None, None, "ทีมตำบลสะเดียง", "responsibility", places["facility"], None, "6701", SQUARE)
    assert made.outcome == "inserted" and made.written and made.version == 1
    row = service_area(c, made.id)
    assert (row.name, row.kind, row.facility_id, row.amphoe_code, row.method) == (
        "ทีมตำบลสะเดียง",
        "responsibility",
        places["facility"],
        "6701",
        "drawn",
    )
    moved = save_service_area(c, made.id, 1, "ทีม 2", "coverage", None, "อสม. หมู่ 3", "6701", SQUARE_2)
    assert (moved.outcome, moved.version) == ("updated", 2)
    assert _row(store, made.id)[:2] == ("ทีม 2", 2)
    assert service_area(c, made.id).responsible == "อสม. หมู่ 3"
    gone = delete_service_area(c, made.id, 2)
    assert gone.outcome == "deleted" and gone.written
    assert _row(store, made.id) is None


def test_stale_update_is_refused_and_nothing_changes(store, places, login_conn):
    officer = login_conn("jitasa_officer")
    analyst = login_conn("jitasa_analyst")
    made = save_service_area(officer, None, None, "เขต ก", "responsibility", None, None, None, SQUARE)
    # the analyst saves first, from version 1
    assert save_service_area(analyst, made.id, 1, "เขต ข", "responsibility", None, None, None, SQUARE_2).version == 2
    before = _row(store, made.id)
    stale = save_service_area(officer, made.id, 1, "เขต ค", "coverage", None, None, None, SQUARE)
    assert stale.outcome == "stale" and not stale.written
    assert stale.version == 2 and stale.detail == {"your_version": 1, "current_version": 2}
    assert _row(store, made.id) == before  # nothing overwritten
    # even a stale save with a bad geometry says stale (the version is checked first)
    assert save_service_area(officer, made.id, 1, "เขต ค", "coverage", None, None, None, LINE).outcome == "stale"


def test_stale_delete_is_refused(store, places, login_conn):
    c = login_conn("jitasa_officer")
    made = save_service_area(c, None, None, "เขต ก", "responsibility", None, None, None, SQUARE)
    save_service_area(c, made.id, 1, "เขต ก 2", "responsibility", None, None, None, SQUARE)
    stale = delete_service_area(c, made.id, 1)
    assert (stale.outcome, stale.version) == ("stale", 2)
    assert _row(store, made.id)[0] == "เขต ก 2"
    assert delete_service_area(c, 987654, 1).outcome == "not_found"
    assert save_service_area(c, 987654, 1, "x", "responsibility", None, None, None, SQUARE).outcome == "not_found"


def test_bow_tie_is_repaired_with_the_change(store, places, login_conn):
    c = login_conn("jitasa_analyst")
    fixed = save_service_area(c, None, None, "โบว์", "responsibility", None, None, None, BOW_TIE)
    assert fixed.outcome == "repaired" and fixed.written
    assert "Self-intersection" in fixed.detail["reason"]
    assert fixed.detail["written"] == "inserted"
    # two triangles of a quarter of the 0.1° square each; the drawn ring's signed lobes cancel
    saved = fixed.detail["saved_m2"]
    square_m2 = 0.1 * 111_320 * 0.1 * 110_700 * 0.96  # rough: cos(16°) ≈ 0.96
    assert 0.4 * square_m2 < saved < 0.6 * square_m2
    assert fixed.detail["drawn_m2"] < 1.0
    assert fixed.detail["change_m2"] == pytest.approx(saved - fixed.detail["drawn_m2"], abs=0.2)
    assert fixed.detail["change_pct"] is None  # no percentage of nothing
    stored = _row(store, fixed.id)
    assert stored[2].startswith("MULTIPOLYGON(((") and stored[2].count("((") == 2  # both lobes kept


def test_a_lopsided_bow_tie_reports_a_percentage(store, places, login_conn):
    c = login_conn("jitasa_analyst")
    fixed = save_service_area(
        c,
        None,
        None,
        "โบว์",
        "responsibility",
        None,
        None,
        None,
        "POLYGON((101 16,101.2 16.1,101.2 16,101 16.05,101 16))",  # lobes of unequal size
    )
    assert fixed.outcome == "repaired"
    assert fixed.detail["change_pct"] is not None and fixed.detail["change_pct"] != 0


def test_a_line_and_an_empty_polygon_are_refused(store, places, login_conn):
    c = login_conn("jitasa_analyst")
    line = save_service_area(c, None, None, "เส้น", "responsibility", None, None, None, LINE)
    assert (line.outcome, line.detail) == ("not_polygon", {"type": "LINESTRING"})
    flat = save_service_area(
        c, None, None, "แบน", "responsibility", None, None, None, "POLYGON((101 16,101.1 16,101.2 16,101 16))"
    )
    assert flat.outcome == "invalid_geometry" and flat.detail["reason"]
    empty = save_service_area(c, None, None, "ว่าง", "responsibility", None, None, None, "POLYGON EMPTY")
    assert empty.outcome == "invalid_geometry"
    c2 = store.connect(autocommit=True)
    with c2.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.service_area")
        assert cur.fetchone()[0] == 0
    c2.close()


def test_bad_attributes_are_refused_by_field(store, places, login_conn):
    c = login_conn("jitasa_officer")
    cases = [
        (("  ", "responsibility", None, None), "name"),
        (("a", "fortress", None, None), "kind"),
        (("a", "responsibility", 424242, None), "facility_id"),
        (("a", "responsibility", None, "9999"), "amphoe_code"),
    ]
    for (name, kind, facility, amphoe), field in cases:
        out = save_service_area(c, None, None, name, kind, facility, None, amphoe, SQUARE)
        assert (out.outcome, out.detail["field"]) == ("invalid_input", field)


@pytest.mark.parametrize("group", ["jitasa_officer", "jitasa_analyst", "jitasa_admin"])
def test_officers_analysts_and_admins_may_save(store, places, login_conn, group):
    c = login_conn(group)
    assert save_service_area(c, None, None, "a", "responsibility", None, None, None, SQUARE).outcome == "inserted"


def test_the_feed_may_not(store, places, login_conn):
    c = login_conn("jitasa_feed")
    with pytest.raises(StoreError, match="permission denied"):
        save_service_area(c, None, None, "a", "responsibility", None, None, None, SQUARE)
    with pytest.raises(StoreError, match="permission denied"):
        delete_service_area(c, 1, 1)
    # and not by calling the internal geometry helper either
    with c.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("SELECT * FROM jitasa.service_area_geometry(ST_GeomFromText(%s, 4326))", (SQUARE,))


def test_form_choices(store, places, login_conn):
    c = login_conn("jitasa_analyst")
    assert facility_choices(c) == [(places["facility"], "รพ.เพชรบูรณ์")]
    assert amphoe_choices(c) == [("6701", "เมืองเพชรบูรณ์")]
