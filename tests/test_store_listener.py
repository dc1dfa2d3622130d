"""What the listener believes of a notification: only a well-formed hint about a table the store notifies on."""

from __future__ import annotations

import json

import pytest

from jitasa_qgis.store.listener import MAX_IDS, NOTIFYING_TABLES, Change, parse_payload


def test_the_triggers_payload_is_read():
    payload = json.dumps({"table": "help_request", "op": "insert", "count": 2, "ids": [4, 7]})
    assert parse_payload(payload) == Change("help_request", "insert", (4, 7), 2)
    assert parse_payload('{"table": "volunteer", "op": "update", "count": 900, "ids": null}') == Change(
        "volunteer", "update", None, 900
    )


@pytest.mark.parametrize(
    "payload",
    [
        "garbage",
        "[1, 2",
        "null",
        "[]",
        '"help_request"',
        '{"table": "help_request"}',  # no op
        '{"table": "no_such_table", "op": "insert", "ids": [1]}',
        '{"table": "pg_authid", "op": "insert", "ids": [1]}',
        '{"table": ["help_request"], "op": "insert", "ids": [1]}',
        '{"table": "help_request", "op": "truncate", "ids": [1]}',
        '{"table": "help_request", "op": "insert", "ids": [true]}',
        '{"table": "help_request", "op": "insert", "ids": [1.5]}',
        '{"table": "help_request", "op": "insert", "ids": ["1"]}',
        '{"table": "help_request", "op": "insert", "ids": [-3]}',
        '{"table": "help_request", "op": "insert", "ids": {"1": 1}}',
        '{"table": "help_request", "op": "insert", "ids": [1], "count": -1}',
        json.dumps({"table": "help_request", "op": "insert", "ids": list(range(1, MAX_IDS + 2))}),
    ],
)
def test_anything_else_is_ignored(payload):
    assert parse_payload(payload) is None


def test_the_known_tables_are_the_ones_whose_triggers_notify(conn):
    with conn.cursor() as cur:
        cur.execute("""SELECT DISTINCT c.relname FROM pg_trigger t
                         JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE p.proname = 'notify_change' AND c.relnamespace = 'jitasa'::regnamespace""")
        notifying = {row[0] for row in cur.fetchall()}
    assert notifying == NOTIFYING_TABLES
