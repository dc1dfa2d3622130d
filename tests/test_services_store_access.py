"""services.store_access.written_whole on the real test store: a failed statement rolls the whole write back
and is a StoreError in the service's words; a statement the user's cancel stopped is Cancelled; any other
error is raised as it is, also after a rollback."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.services.progress import NO_PROGRESS, CallbackProgress, Cancelled
from jitasa_qgis.services.store_access import connection, written_whole
from jitasa_qgis.store.errors import StoreError

NAME_SQL = (
    "INSERT INTO jitasa.service_area (name, method, geom) VALUES (%s, 'drawn', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))"
)


def _failed(message: str) -> str:
    return f"Saving failed and nothing was written: {message}"


def test_a_failed_statement_rolls_back_the_whole_write(store):
    with connection(store) as conn:
        with pytest.raises(StoreError, match=r"^Saving failed and nothing was written: .*no_such_table"):
            with written_whole(conn, NO_PROGRESS, _failed):
                with conn.cursor() as cur:
                    cur.execute(NAME_SQL, ("first",))
                    cur.execute("SELECT * FROM jitasa.no_such_table")
    assert rows(store, "SELECT count(*) FROM jitasa.service_area") == [(0,)]


def test_a_cancelled_statement_is_cancelled_and_other_errors_pass_unchanged(store):
    cancelled = CallbackProgress(cancelled=lambda: True)
    with connection(store) as conn:
        with pytest.raises(Cancelled):
            with written_whole(conn, cancelled, _failed):
                with conn.cursor() as cur:
                    cur.execute(NAME_SQL, ("second",))
                    cur.execute("SELECT 1/0")
        with pytest.raises(KeyError):
            with written_whole(conn, NO_PROGRESS, _failed):
                with conn.cursor() as cur:
                    cur.execute(NAME_SQL, ("third",))
                raise KeyError("a bug in the service")
        with written_whole(conn, NO_PROGRESS, _failed):
            with conn.cursor() as cur:
                cur.execute(NAME_SQL, ("kept",))
            conn.commit()
    assert rows(store, "SELECT name FROM jitasa.service_area") == [("kept",)]
