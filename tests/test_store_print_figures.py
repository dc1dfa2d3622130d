"""store.print_figures on the real test cluster with the demo loaded: every page's figures in one query,
equal to counting each area on its own; areas in code order with their polygons; service areas by
geometry; an analyst reads the same figures."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.store import print_figures


@pytest.fixture
def demo(store):
    load_demo(store, DemoParams(n_requests=500, n_volunteers=120, seed=17))
    return store


class CountingConnection:
    """A connection whose cursors count the statements they run."""

    def __init__(self, conn):
        self.conn, self.statements = conn, 0

    def cursor(self):
        outer, cursor = self, self.conn.cursor()

        class Counting:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                cursor.close()

            def execute(self, *args):
                outer.statements += 1
                return cursor.execute(*args)

            def fetchall(self):
                return cursor.fetchall()

        return Counting()

    def rollback(self):
        self.conn.rollback()


def test_tambon_figures_in_one_query_match_counting_each(demo):
    conn = demo.connect()
    try:
        areas = print_figures.print_areas(conn, "tambon", "6710")
        assert [a.code for a in areas] == sorted(a.code for a in areas) and len(areas) == 5
        assert all(a.wkb and a.bbox[0] < a.bbox[2] and a.parent_name_th for a in areas)
        counting = CountingConnection(conn)
        figures = print_figures.area_figures(counting, "tambon", [a.code for a in areas], "6710")
        assert counting.statements == 1
    finally:
        conn.close()
    for area in areas:
        expected = dict(
            ((c, u), n)
            for c, u, n in rows(
                demo,
                "SELECT category::text, urgency::text, count(*) FROM jitasa.help_request "
                "WHERE tambon_code = %s AND status IN ('new', 'assigned', 'in_progress') GROUP BY 1, 2",
                (area.code,),
            )
        )
        page = figures[area.code]
        assert page.requests == expected
        volunteers = rows(
            demo,
            "SELECT count(DISTINCT a.volunteer_id) FROM jitasa.assignment a JOIN jitasa.help_request r "
            "ON r.id = a.request_id WHERE a.status IN ('proposed', 'active') AND r.tambon_code = %s",
            (area.code,),
        )[0][0]
        assert page.volunteers_assigned == volunteers
        facilities = rows(
            demo,
            "SELECT count(*), coalesce(sum(beds_total), 0) FROM jitasa.facility WHERE tambon_code = %s",
            (area.code,),
        )[0]
        assert (sum(page.facilities.values()), page.beds_total) == facilities
    assert sum(f.open_requests for f in figures.values()) > 0


def test_amphoe_level_and_service_areas(demo):
    with demo.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.service_area (name, method, geom) SELECT 'เขตทดสอบ', 'drawn', ST_Multi(geom) "
            "FROM jitasa.admin_area WHERE code = '6710' RETURNING id"
        )
        area_id = cur.fetchone()[0]
    conn = demo.connect()
    try:
        amphoe = print_figures.print_areas(conn, "amphoe", "67")
        assert len(amphoe) == 11
        by_amphoe = print_figures.area_figures(conn, "amphoe", [a.code for a in amphoe], "67")
        tambons = print_figures.area_figures(
            conn, "tambon", [a.code for a in print_figures.print_areas(conn, "tambon", "6710")], "6710"
        )
        assert by_amphoe["6710"].open_requests == sum(t.open_requests for t in tambons.values())
        served = print_figures.print_areas(conn, "service_area", "67")
        assert [a.code for a in served] == [str(area_id)]
        by_area = print_figures.area_figures(conn, "service_area", [str(area_id)])
        # the service area is the amphoe's polygon: the same requests (a point on a shared edge may count in both)
        assert by_area[str(area_id)].open_requests >= by_amphoe["6710"].open_requests
        assert print_figures.store_extent(conn)[0] < 101.0
    finally:
        conn.close()


def test_an_analyst_reads_the_same_figures(demo, login_conn):
    codes = [r[0] for r in rows(demo, "SELECT code FROM jitasa.admin_area WHERE level = 'tambon' ORDER BY code")]
    conn = demo.connect()
    try:
        as_owner = print_figures.area_figures(conn, "tambon", codes, "67")
    finally:
        conn.close()
    analyst = login_conn("jitasa_analyst")
    try:
        as_analyst = print_figures.area_figures(analyst, "tambon", codes, "67")
    finally:
        analyst.close()
    assert {c: (f.requests, f.volunteers_assigned, f.facilities) for c, f in as_owner.items()} == {
        c: (f.requests, f.volunteers_assigned, f.facilities) for c, f in as_analyst.items()
    }
