"""services.request_history and jitasa:history on a real store: a request's history through the service and
through processing.run (who proposed, who confirmed, who changed the status; the assignment's volunteer on
every line), a role that may not read the audit gets a clear error, an id that is not one is refused."""

from __future__ import annotations

import pytest

from jitasa_qgis.definitions.history_text import change_text
from jitasa_qgis.services.progress import Cancelled
from jitasa_qgis.services.request_history import RequestHistoryParams, read_request_history
from jitasa_qgis.store.assignments import confirm_assignments, create_run, propose_assignments
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.operations import change_request_status


@pytest.fixture
def world(store, login_role):
    """One request proposed, confirmed and started by two officers; pg_service names for them and an analyst."""
    su = store.connect(autocommit=True)
    with su.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES "
            "('tambon', '670101', 't', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326)))"
        )
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom) VALUES "
            "('food_supplies', ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)) RETURNING id"
        )
        rid = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, geom) VALUES "
            "('v', 'student', ST_SetSRID(ST_MakePoint(0.4, 0.5), 4326)) RETURNING id"
        )
        vid = cur.fetchone()[0]
    su.close()
    names = {}
    conns = {}
    for key, group in (("first", "jitasa_officer"), ("second", "jitasa_officer"), ("analyst", "jitasa_analyst")):
        names[key], connect = login_role(group)
        conns[key] = connect(autocommit=False)
    run = create_run(conns["first"], "manual")
    propose_assignments(conns["first"], run, [rid], [vid], [9.0])
    confirm_assignments(conns["first"], run)
    change_request_status(conns["second"], rid, 2, "in_progress")
    return {"rid": rid, "vid": vid, "run": run, "names": names}


def test_the_history_says_who_did_what(store, world):
    steps = []

    class P:
        def report(self, fraction, message):
            steps.append(fraction)

        def is_cancelled(self):
            return False

    result = read_request_history(store, RequestHistoryParams(world["rid"]), P())
    first, second = world["names"]["first"], world["names"]["second"]
    assert [(x.table, x.operation, x.actor) for x in result.lines] == [
        ("help_request", "insert", "postgres"),
        ("assignment", "insert", first),
        ("assignment", "update", first),
        ("help_request", "update", first),
        ("help_request", "update", second),
    ]
    assert [x.volunteer_id for x in result.lines] == [None, world["vid"], world["vid"], None, None]
    assert result.lines[2].run_id == world["run"] and steps[-1] == 1.0
    texts = [
        change_text(x.table, x.operation, x.old_values, x.new_values, x.row_id, x.volunteer_id) for x in result.lines
    ]
    assert texts[1] == f"Proposed: volunteer {world['vid']} (assignment {result.lines[1].row_id})"
    assert texts[2].endswith(": Proposed → Active")
    assert texts[3] == "Status: New → Assigned" and texts[4] == "Status: Assigned → In progress"


def test_refusals_are_clear(store, world):
    with pytest.raises(ValueError, match="Not a valid id"):
        read_request_history(store, RequestHistoryParams("12; DROP TABLE jitasa.audit_log"))
    with pytest.raises(ValueError, match="Not a valid id"):
        read_request_history(store, RequestHistoryParams(2**40))

    class Stop:
        def report(self, fraction, message):
            pass

        def is_cancelled(self):
            return True

    with pytest.raises(Cancelled):
        read_request_history(store, RequestHistoryParams(world["rid"]), Stop())
    assert read_request_history(store, RequestHistoryParams(999999)).lines == ()


def test_history_through_processing_run(provider, store, world, pg_cluster, tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException

    path = tmp_path / "pg_service.conf"
    path.write_text(
        "".join(
            f"[hist_{key}]\n"
            + "".join(f"{k}={v}\n" for k, v in pg_cluster.params(store.params["dbname"], user=user).items())
            for key, user in world["names"].items()
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    out = processing.run("jitasa:history", {"SERVICE": "hist_second", "REQUEST": world["rid"], "OUTPUT": "memory:"})
    assert out["COUNT"] == 5
    layer = out["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, processing.tools.dataobjects.createContext())
    feats = list(layer.getFeatures())
    assert [f["operation"] for f in feats] == ["insert", "insert", "update", "update", "update"]
    assert feats[-1]["actor"] == world["names"]["second"] and feats[-1]["change"] == "Status: Assigned → In progress"
    assert feats[1]["volunteer_id"] == world["vid"] and feats[2]["run_id"] == world["run"]
    with pytest.raises(QgsProcessingException, match="may not read the audit log"):
        processing.run("jitasa:history", {"SERVICE": "hist_analyst", "REQUEST": world["rid"], "OUTPUT": "memory:"})


def test_a_store_error_is_a_store_error(store, world):
    from jitasa_qgis.services.store_access import Borrowed

    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute("SET ROLE jitasa_analyst")
    with pytest.raises(StoreError, match="may not read the audit log"):
        read_request_history(Borrowed(conn), RequestHistoryParams(world["rid"]))
    conn.close()
