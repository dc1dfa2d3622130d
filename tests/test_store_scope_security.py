# ruff: noqa: F811 - the fixtures world and officers come from test_store_row_security
"""Hostile input for every text parameter of every SQL function an officer may call (issue 14): SQL injection
strings, NUL bytes, very long strings, invisible text and wrong types, aimed at rows outside the officer's
areas. Each probe ends in a clear error or a harmless result and never changes a row it should not (a digest of
requests, volunteers, assignments, facilities, service areas and scopes before and after). The feed and
analyst roles try each officer function: refused. Probes: 17 text parameters of 9 functions x 8 values = 136,
12 text fields of a feed record x 7 values + 1 = 85, 9 wrong types, 2 roles x 10 officer functions = 20."""

from __future__ import annotations

import json

import psycopg2
import pytest
from test_store_row_security import _snapshot, officers, world  # noqa: F401 - fixtures shared with those tests

HOSTILE = [
    "'; DROP TABLE jitasa.help_request; --",
    "x') OR ('1'='1",
    "%",
    "\\",
    "a\x00b",
    "x" * 200_000,
    "\u200b\u00a0\t",
    "$$; SELECT 1; $$",
]

SQUARE_1002 = "SRID=4326;POLYGON((100.6 15.1,100.7 15.1,100.7 15.2,100.6 15.2,100.6 15.1))"


def _calls(world):
    """(name, SQL, arguments, indexes of the text arguments); every target lies outside amphoe 1001."""
    req, vol, asg, sa = world["req"]["1002"][0], world["vol"]["1002"][0], world["asg"]["2001"], world["sa"]["1002"]
    record = {"source_id": "s", "category": "oxygen", "lon": "100.8", "lat": "15.2"}
    return [
        ("change_request_status", "SELECT jitasa.change_request_status(%s, 1, 'cancelled', %s)", [req, "r"], [1]),
        ("create_run", "SELECT jitasa.create_run(%s, %s)", ["nearest", "all"], [0, 1]),
        ("end_assignment", "SELECT jitasa.end_assignment(%s, 1, %s, %s)", [asg, "unassign", "r"], [1, 2]),
        ("reassign", "SELECT jitasa.reassign(%s, 1, %s, %s)", [asg, vol, "r"], [2]),
        (
            "upsert_feed_requests",
            "SELECT * FROM jitasa.upsert_feed_requests(%s, %s::jsonb)",
            ["hotline", json.dumps([record])],
            [0],
        ),
        ("upsert_feed_fields", "SELECT * FROM jitasa.upsert_feed_requests('hotline', %s::jsonb)", [None], []),
        (
            "save_service_area",
            "SELECT * FROM jitasa.save_service_area(%s, 1, %s, %s, NULL, %s, %s, %s)",
            [sa, "n", "coverage", "team", "1002", SQUARE_1002],
            [1, 2, 3, 4, 5],
        ),
        ("delete_service_area", "SELECT * FROM jitasa.delete_service_area(%s, %s)", [sa, 1], []),
        ("close_expired_feed_requests", "SELECT jitasa.close_expired_feed_requests(%s)", ["hotline"], [0]),
        ("grant_area_scope", "SELECT jitasa.grant_area_scope(%s, %s)", ["x", "1002"], [0, 1]),
        ("revoke_area_scope", "SELECT jitasa.revoke_area_scope(%s, %s)", ["x", "1001"], [0, 1]),
    ]


def _probe(conn, query, args) -> str:
    """'ok' or the error class: a probe may fail, but only with an error psycopg2 reports cleanly."""
    try:
        with conn.cursor() as cur:
            cur.execute(query, args)
            cur.fetchall()
        return "ok"
    except ValueError as exc:  # psycopg2 refuses NUL in a string before sending it
        assert "NUL" in str(exc)
        return "nul"
    except psycopg2.Error as exc:
        message = (exc.diag.message_primary or "").strip()
        assert exc.pgcode and message
        if exc.pgcode == "XX000":  # PostGIS reports a geometry it cannot parse with the internal-error code
            assert "parse error" in message, message
            return "geometry_parse_error"
        return exc.pgcode
    finally:
        conn.rollback()


def test_every_text_parameter_of_every_officer_function_takes_hostile_text_as_a_value(world, officers, store):
    conn = officers["a1001"][1](autocommit=False)
    before = _snapshot(store)
    probes = 0
    for name, query, base, text_positions in _calls(world):
        if name == "upsert_feed_fields":
            # every text field of a feed record, each hostile in turn, the record outside the officer's areas
            for field in (
                "source_id",
                "category",
                "urgency",
                "people_count",
                "note",
                "requester_name",
                "requester_phone",
                "for_someone_else",
                "lon",
                "lat",
                "tambon",
                "updated_at",
            ):
                for value in HOSTILE:
                    if "\x00" in value:
                        continue  # JSON text cannot carry a raw NUL to the server; \\u0000 below does
                    record = {"source_id": "s", "category": "oxygen", "lon": "100.8", "lat": "15.2", field: value}
                    outcome = _probe(conn, query, [json.dumps([record])])
                    assert outcome in ("ok", "22023", "22001", "22P02", "22P05"), (field, value[:20], outcome)
                    probes += 1
            outcome = _probe(conn, query, [json.dumps([{"source_id": "s\\u0000", "note": "\\u0000"}])])
            probes += 1
            continue
        for pos in text_positions:
            for value in HOSTILE:
                args = list(base)
                args[pos] = value
                outcome = _probe(conn, query, args)
                assert outcome != "XX000", (name, pos, value[:20])  # never an internal error
                probes += 1
        assert _snapshot(store) == before, name
    assert probes >= 136 + 12 * 7
    assert _snapshot(store) == before


def test_wrong_types_are_clear_errors(world, officers, store):
    conn = officers["a1001"][1](autocommit=False)
    before = _snapshot(store)
    req = world["req"]["1002"][0]
    wrong = [
        ("SELECT jitasa.change_request_status(%s, 1, %s)", [req, "no_such_status"]),
        ("SELECT jitasa.change_request_status(%s, 1, 'done')", ["1; DROP TABLE x"]),
        ("SELECT jitasa.create_run('nearest', 'all', %s::jsonb)", ["[1, 2]"]),
        ("SELECT jitasa.create_run('nearest', 'all', %s::jsonb)", ['{"max_minutes": "1; DROP"}']),
        ("SELECT * FROM jitasa.assign_pairs(1, %s, %s, NULL, true)", ["{a,b}", "{1}"]),
        ("SELECT * FROM jitasa.assign_pairs(1, %s::integer[], %s::integer[], NULL, true)", ["{{1},{2}}", "{{1},{2}}"]),
        ("SELECT * FROM jitasa.confirm_assignments(1, %s::integer[])", ["{1,NULL}"]),
        ("SELECT * FROM jitasa.save_service_area(NULL, NULL, 'n', 'coverage', NULL, NULL, '1001', %s)", ["POINT(x"]),
        ("SELECT * FROM jitasa.upsert_feed_requests('hotline', %s::jsonb)", ['{"not": "an array"}']),
    ]
    for query, args in wrong:
        assert _probe(conn, query, args) not in ("ok", "XX000"), query
    assert _snapshot(store) == before


OFFICER_FUNCTIONS = [
    ("SELECT jitasa.change_request_status(%s, 1, 'in_progress')", "req"),
    ("SELECT jitasa.create_run('nearest')", None),
    ("SELECT * FROM jitasa.propose_assignments(1, ARRAY[%s], ARRAY[1], NULL, true)", "req"),
    ("SELECT * FROM jitasa.assign_pairs(1, ARRAY[%s], ARRAY[1], NULL, true)", "req"),
    ("SELECT * FROM jitasa.confirm_assignments(%s)", "run"),
    ("SELECT jitasa.reject_assignments(%s)", "run"),
    ("SELECT jitasa.end_assignment(%s, 1, 'complete')", "asg"),
    ("SELECT jitasa.reassign(%s, 1, 1, 'r')", "asg"),
    ("SELECT jitasa.grant_area_scope('jitasa_officer', '10')", None),
    ("SELECT jitasa.revoke_area_scope('jitasa_admin', 'national')", None),
]


@pytest.mark.parametrize("group", ["jitasa_feed", "jitasa_analyst"])
def test_the_feed_and_analysts_may_call_no_officer_function(world, login_role, store, group):
    conn = login_role(group)[1](autocommit=False)  # national: refused for the role, not the area
    before = _snapshot(store)
    targets = {"req": world["req"]["1001"][0], "run": world["run"]["1001"], "asg": world["asg"]["1001"]}
    for query, target in OFFICER_FUNCTIONS:
        outcome = _probe(conn, query, [targets[target]] if target else [])
        assert outcome == "42501", (group, query, outcome)
    assert _snapshot(store) == before
