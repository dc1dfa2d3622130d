"""services.request_import on the real test cluster: an XLSX with Thai dates, progress, a cancel at every step
writes nothing, clear errors before writing, assigned requests keep what officers work on."""

from __future__ import annotations

import datetime as dt

import openpyxl
import psycopg2
import pytest

from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.request_import import RequestImportParams, import_requests
from jitasa_qgis.services.store_access import Borrowed
from jitasa_qgis.store.errors import StoreError

TAMBON = "SRID=4326;MULTIPOLYGON(((100 16,101 16,101 17,100 17,100 16)))"
POINT = "SRID=4326;POINT(100.5 16.5)"
HEADER = ["id", "type", "urgency", "name", "phone", "lon", "lat", "date"]


@pytest.fixture
def area(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', '670101', 'ในเมือง', %s)",
            (TAMBON,),
        )
    c.close()


def _xlsx(path, rows) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "สายด่วน"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def _rows(store, sql, params=()):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        c.close()


ROWS = [
    ["A1", "ยา", "ด่วน", "นก", 812345678, 100.5, 16.5, "1/3/2569 08:00"],  # the mobile lost its 0 in a number cell
    ["A2", "oxygen", "critical", "ไก่", "089-999-9999", 100.6, 16.6, "2026-03-01 09:00"],
    ["A3", "ufo", None, None, None, 100.6, 16.6, None],
]


def test_an_xlsx_sheet_imports_with_thai_dates_and_phone_numbers(store, area, tmp_path):
    messages = []
    progress = CallbackProgress(report=lambda f, m: messages.append((f, m)))
    result = import_requests(store, RequestImportParams(_xlsx(tmp_path / "hotline.xlsx", ROWS)), progress)
    assert (result.source, result.rows, result.counts["new"], result.counts["rejected"]) == ("hotline", 3, 2, 1)
    assert result.mapping["category"] == "type" and result.mapping["created_at"] == "date"
    assert [r.reason for r in result.rejects] == ["unknown_value"]
    assert _rows(
        store,
        "SELECT source_id, category::text, urgency::text, requester_phone, created_at AT TIME ZONE 'Asia/Bangkok' "
        "FROM jitasa.help_request ORDER BY 1",
    ) == [
        ("A1", "medicine", "high", "0812345678", dt.datetime(2026, 3, 1, 8, 0)),
        ("A2", "oxygen", "critical", "0899999999", dt.datetime(2026, 3, 1, 9, 0)),
    ]
    assert messages[-1][0] == 1.0 and any("3 rows read" in m for _, m in messages)
    assert any("Rejected: 1" in line for line in result.summary_lines())


def test_an_assigned_request_keeps_what_officers_work_on(store, area, tmp_path):
    path = _xlsx(tmp_path / "hotline.xlsx", ROWS[:1])
    import_requests(store, RequestImportParams(path))
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) VALUES ('m', 'student', 2, %s) RETURNING id",
            (POINT,),
        )
        vid = cur.fetchone()[0]
        cur.execute("SELECT id FROM jitasa.help_request")
        rid = cur.fetchone()[0]
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.create_run('manual')")
        cur.execute(
            "SELECT outcome FROM jitasa.assign_pairs(%s, %s, %s, %s, true)", (cur.fetchone()[0], [rid], [vid], [4.0])
        )
    c.close()
    changed = [["A1", "oxygen", "ด่วน", "นก", "0811111111", 100.7, 16.7, "1/3/2569 08:00"]]
    result = import_requests(store, RequestImportParams(_xlsx(tmp_path / "hotline.xlsx", changed)))
    assert result.counts["kept_assigned"] == 1
    assert _rows(store, "SELECT category::text, ST_X(geom), requester_phone FROM jitasa.help_request") == [
        ("medicine", 100.5, "0811111111")
    ]


def _cancelled_at(n: int):
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] >= n

    return cancelled


def test_a_cancel_at_every_step_writes_nothing(store, area, tmp_path):
    path = _xlsx(tmp_path / "hotline.xlsx", ROWS)
    for n in (1, 2):  # after reading and checking; after the schema check, before the write
        with pytest.raises(Cancelled):
            import_requests(store, RequestImportParams(path), CallbackProgress(cancelled=_cancelled_at(n)))
        assert _rows(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]
        assert _rows(store, "SELECT count(*) FROM jitasa.import_reject") == [(0,)]


def test_clear_errors_before_anything_is_written(store, area, tmp_path):
    with pytest.raises(ValueError, match="not found"):
        import_requests(store, RequestImportParams(tmp_path / "missing.csv"))
    path = tmp_path / "sheet.csv"
    path.write_text("id,type,lon,lat\n1,oxygen,100.5,16.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        import_requests(store, RequestImportParams(path, mapping="colour=type"))
    with pytest.raises(ValueError, match="Column 'kind'"):
        import_requests(store, RequestImportParams(path, mapping="category=kind"))
    with pytest.raises(StoreError, match="manual"):  # the plugin's own source name is not a file's
        import_requests(store, RequestImportParams(path, source="manual"))
    assert _rows(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]


def test_a_borrowed_autocommit_connection_stays_as_it_was(store, area, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,type,lon,lat\n1,oxygen,100.5,16.5\n", encoding="utf-8")
    conn = store.connect(autocommit=True)
    try:
        result = import_requests(Borrowed(conn), RequestImportParams(path, source="sheet"))
        assert result.counts["new"] == 1 and conn.autocommit and not conn.closed
        assert conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE
    finally:
        conn.close()


def test_a_file_may_not_write_under_a_registered_feed_source(store, area, tmp_path):
    from jitasa_qgis.store.request_feed import register_feed

    admin = store.connect()
    try:
        register_feed(admin, "sos_app", "http://127.0.0.1:9/feed")
    finally:
        admin.close()
    path = _xlsx(tmp_path / "hotline.xlsx", ROWS)
    with pytest.raises(ValueError, match="'sos_app' is the name of a registered feed"):
        import_requests(store, RequestImportParams(path, source="sos_app"))
    assert _rows(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]
    assert import_requests(store, RequestImportParams(path, source="hotline")).counts["new"] == 2
