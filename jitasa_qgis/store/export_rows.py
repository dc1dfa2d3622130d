"""The rows an export writes: requests, assignments, volunteers or facilities of a scope, streamed.

Columns follow what the connected role may read: the server is asked (`has_column_privilege`, which
counts the privileges a login has through its group role) and a column the role cannot read is never
selected. Personal data — requester and volunteer names and phone numbers, and the free-text notes and
reasons, which may hold personal details — is selected only when the role may read the names and phone
numbers of that kind AND the caller asked for it.

Geometry comes as lon/lat; tambon, amphoe and province codes and Thai names are joined from the tambon
code (DOPA codes: the amphoe is its first 4 digits, the province its first 2); each enum value is followed
by its label in the user's language. Times are Thai time (Asia/Bangkok). Rows are read through a named
(server-side) cursor, so a million rows are never all in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

import psycopg2
from psycopg2 import sql

from ..core.table_export import Column
from ..definitions import labels
from ..definitions.enums import AssignmentStatus, RequestStatus
from ..definitions.i18n import translate
from ..definitions.thai_time import THAI_TIME_ZONE
from .calls import fetch, read_only_snapshot, server_message
from .errors import StoreError

KINDS = ("requests", "assignments", "volunteers", "facilities")
STATUSES = ("all", "open")
FETCH_ROWS = 5_000  # rows per round trip of the server-side cursor
TIME_ZONE = THAI_TIME_ZONE
_OPEN_REQUEST = [s.value for s in (RequestStatus.NEW, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)]
_OPEN_ASSIGNMENT = [s.value for s in (AssignmentStatus.PROPOSED, AssignmentStatus.ACTIVE)]

_TABLES = {
    "r": "help_request",
    "v": "volunteer",
    "f": "facility",
    "a": "assignment",
}


@dataclass(frozen=True)
class ExportScope:
    area_code: str = ""  # a province, amphoe or tambon code: rows whose tambon code starts with it; '' = all
    status: str = "all"  # 'open': open requests / proposed or active assignments (volunteers, facilities: all)
    created_since: Optional[dt.date] = None  # created on or after this day (Thai time)


@dataclass(frozen=True)
class _Field:
    name: str
    type: str
    sql: str  # over the aliases r, v, f, a (and t, am, pv for the admin areas)
    reads: tuple[tuple[str, str], ...]  # (table, column) the expression reads
    personal: bool = False
    label: Optional[Callable[[str], str]] = None  # adds '<name>_label' after it
    many: bool = False  # a comma-separated list of enum values (skills)


@dataclass
class ExportRows:
    kind: str
    columns: list[Column]
    count: int
    personal_data: bool  # personal columns are among the columns
    personal_withheld: bool  # personal data was asked for, but the role may not read it
    rows: Iterator[tuple]  # streamed; read it inside the transaction that opened it


def _enum_field(name: str, alias: str, column: str, label, many: bool = False) -> _Field:
    expr = f"array_to_string({alias}.{column}::text[], ',')" if many else f"{alias}.{column}::text"
    return _Field(name, "text", expr, ((_TABLES[alias], column),), label=label, many=many)


def _plain(name: str, alias: str, column: str, type_: str = "text", personal: bool = False) -> _Field:
    return _Field(name, type_, f"{alias}.{column}", ((_TABLES[alias], column),), personal=personal)


def _time(name: str, alias: str, column: str) -> _Field:
    return _Field(name, "datetime", f"{alias}.{column}", ((_TABLES[alias], column),))


def _place(alias: str, prefix: str = "") -> list[_Field]:
    table = _TABLES[alias]
    code = ((table, "tambon_code"),)
    names = code + (("admin_area", "code"), ("admin_area", "name_th"))
    return [
        _Field(f"{prefix}tambon_code", "text", f"{alias}.tambon_code", code),
        _Field(f"{prefix}tambon_name_th", "text", "t.name_th", names),
        _Field(f"{prefix}amphoe_code", "text", f"left({alias}.tambon_code, 4)", code),
        _Field(f"{prefix}amphoe_name_th", "text", "am.name_th", names),
        _Field(f"{prefix}province_code", "text", f"left({alias}.tambon_code, 2)", code),
        _Field(f"{prefix}province_name_th", "text", "pv.name_th", names),
    ]


def _point(alias: str, prefix: str = "") -> list[_Field]:
    reads = ((_TABLES[alias], "geom"),)
    return [
        _Field(f"{prefix}lon", "real", f"ST_X({alias}.geom)", reads),
        _Field(f"{prefix}lat", "real", f"ST_Y({alias}.geom)", reads),
    ]


def _request_fields(prefix: str = "") -> list[_Field]:
    return [
        _enum_field(f"{prefix}category", "r", "category", labels.category_label),
        _enum_field(f"{prefix}urgency", "r", "urgency", labels.urgency_label),
        _enum_field(f"{prefix}status", "r", "status", labels.request_status_label),
        _plain(f"{prefix}people_count", "r", "people_count", "integer"),
        _plain(f"{prefix}for_someone_else", "r", "for_someone_else", "boolean"),
        _plain("requester_name", "r", "requester_name", personal=True),
        _plain("requester_phone", "r", "requester_phone", personal=True),
    ]


def _volunteer_fields(prefix: str = "") -> list[_Field]:
    return [
        _plain(f"{prefix}name", "v", "name", personal=True),
        _plain(f"{prefix}phone", "v", "phone", personal=True),
        _enum_field(f"{prefix}kind", "v", "kind", labels.volunteer_kind_label),
        _plain(f"{prefix}team", "v", "team"),  # 0022; not personal data
        _enum_field(f"{prefix}skills", "v", "skills", labels.skill_label, many=True),
        _enum_field(f"{prefix}vehicle", "v", "vehicle", labels.vehicle_label),
    ]


def _fields(kind: str) -> list[_Field]:
    if kind == "requests":
        return [
            _plain("id", "r", "id", "integer"),
            _plain("source", "r", "source"),
            _plain("source_id", "r", "source_id"),
            *_request_fields(),
            _plain("note", "r", "note", personal=True),
            _plain("closure_reason", "r", "closure_reason", personal=True),
            _plain("location_accuracy_m", "r", "location_accuracy_m", "real"),
            _plain("location_basis", "r", "location_basis"),
            *_place("r"),
            *_point("r"),
            _time("created_at", "r", "created_at"),
            _time("updated_at", "r", "updated_at"),
            _time("source_updated_at", "r", "source_updated_at"),
            _time("expires_at", "r", "expires_at"),
        ]
    if kind == "volunteers":
        return [
            _plain("id", "v", "id", "integer"),
            _plain("source", "v", "source"),
            _plain("source_id", "v", "source_id"),
            *_volunteer_fields(),
            _plain("capacity", "v", "capacity", "integer"),
            _plain("active_count", "v", "active_count", "integer"),
            _plain("available", "v", "available", "boolean"),
            _plain("village_no", "v", "village_no"),
            _plain("location_accuracy_m", "v", "location_accuracy_m", "real"),
            _plain("location_basis", "v", "location_basis"),
            *_place("v"),
            *_point("v"),
            _time("created_at", "v", "created_at"),
            _time("updated_at", "v", "updated_at"),
        ]
    if kind == "facilities":
        return [
            _plain("id", "f", "id", "integer"),
            _plain("source", "f", "source"),
            _plain("source_id", "f", "source_id"),
            _plain("code", "f", "code"),
            _plain("name_th", "f", "name_th"),
            _plain("name_en", "f", "name_en"),
            _enum_field("kind", "f", "kind", labels.facility_kind_label),
            _plain("source_type", "f", "source_type"),
            _plain("beds_total", "f", "beds_total", "integer"),
            _plain("beds_free", "f", "beds_free", "integer"),
            _plain("daily_capacity", "f", "daily_capacity", "integer"),
            _enum_field("capacity_status", "f", "capacity_status", labels.capacity_status_label),
            _time("capacity_updated_at", "f", "capacity_updated_at"),
            _plain("contact", "f", "contact"),  # the facility's public phone, not a person's
            *_place("f"),
            *_point("f"),
            _time("created_at", "f", "created_at"),
            _time("updated_at", "f", "updated_at"),
        ]
    if kind == "assignments":
        return [
            _plain("id", "a", "id", "integer"),
            _plain("run_id", "a", "run_id", "integer"),
            _plain("request_id", "a", "request_id", "integer"),
            _plain("volunteer_id", "a", "volunteer_id", "integer"),
            _enum_field("status", "a", "status", labels.assignment_status_label),
            _plain("travel_minutes", "a", "travel_minutes", "real"),
            _plain("cost_is_estimate", "a", "cost_is_estimate", "boolean"),
            _plain("reason", "a", "reason", personal=True),
            _time("created_at", "a", "created_at"),
            _time("updated_at", "a", "updated_at"),
            *_request_fields("request_"),
            *_volunteer_fields("volunteer_"),
            *_place("r"),
            *_point("r"),  # where the help is needed
            *_point("v", "volunteer_"),
        ]
    raise ValueError(f"unknown export kind {kind!r}")


# The contact columns that say a role may read a kind's personal data (notes follow them: a note may
# name a person even where the note column itself is readable).
_PERSONAL_GATES = {
    "requests": (("help_request", "requester_name"), ("help_request", "requester_phone")),
    "volunteers": (("volunteer", "name"), ("volunteer", "phone")),
    "assignments": (
        ("help_request", "requester_name"),
        ("help_request", "requester_phone"),
        ("volunteer", "name"),
        ("volunteer", "phone"),
    ),
    "facilities": (),
}
_MAIN = {"requests": "r", "volunteers": "v", "facilities": "f", "assignments": "a"}
_TAMBON = {"requests": "r", "volunteers": "v", "facilities": "f", "assignments": "r"}
_CREATED = {"requests": "r", "volunteers": "v", "facilities": "f", "assignments": "a"}


def readable_columns(conn, pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which (table, column) of schema jitasa the current role may SELECT: its own grants and those of the
    groups it inherits (a NOINHERIT login reads only what the role it SET ROLEs to may read)."""
    ordered = sorted(pairs)
    rows = fetch(
        conn,
        # by oid from the catalog: naming 'jitasa.x' would already fail for a role without the schema
        """SELECT x.t, x.c, has_schema_privilege(n.oid, 'USAGE') AND has_column_privilege(cl.oid, x.c, 'SELECT')
             FROM unnest(%s::text[], %s::text[]) AS x(t, c)
             JOIN pg_namespace n ON n.nspname = 'jitasa'
             JOIN pg_class cl ON cl.relnamespace = n.oid AND cl.relname = x.t""",
        ([t for t, _ in ordered], [c for _, c in ordered]),
    )
    return {(t, c) for t, c, ok in rows if ok}


def _kind_text(kind: str) -> str:
    return {
        "requests": translate("ExportRows", "requests"),
        "assignments": translate("ExportRows", "assignments"),
        "volunteers": translate("ExportRows", "volunteers"),
        "facilities": translate("ExportRows", "facilities"),
    }[kind]


def open_export_rows(
    conn, kind: str, scope: ExportScope, include_personal: bool = False, fetch_rows: int = FETCH_ROWS
) -> ExportRows:
    """The columns, the count and a stream of the rows of `kind` in `scope` (see the module docstring).

    Call it at the start of a transaction (it takes a read-only snapshot, so the count and the rows agree)
    and read `rows` before that transaction ends. StoreError when the role may read nothing of `kind`, may
    not read what the scope filters on, or the store fails; ValueError for an unknown kind or status."""
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}")
    if scope.status not in STATUSES:
        raise ValueError(f"unknown status filter {scope.status!r}")
    read_only_snapshot(conn)
    fetch(conn, "SELECT set_config('TimeZone', %s, true)", (TIME_ZONE,))

    fields = _fields(kind)
    main, tambon, created = _MAIN[kind], _TAMBON[kind], _CREATED[kind]
    filter_reads = {(_TABLES[tambon], "tambon_code"), (_TABLES[created], "created_at")}
    if kind == "requests":
        filter_reads.add(("help_request", "status"))
    if kind == "assignments":
        filter_reads |= {("assignment", "status"), ("assignment", "request_id"), ("assignment", "volunteer_id")}
        filter_reads |= {("help_request", "id"), ("volunteer", "id")}
    wanted = {pair for f in fields for pair in f.reads} | set(_PERSONAL_GATES[kind]) | filter_reads
    readable = readable_columns(conn, wanted)

    may_read_personal = all(gate in readable for gate in _PERSONAL_GATES[kind])
    personal_ok = include_personal and may_read_personal and bool(_PERSONAL_GATES[kind])
    if kind == "assignments" and not {("help_request", "id"), ("volunteer", "id")} <= readable:
        # without the joins only the assignment's own columns can be read
        fields = [f for f in fields if all(t == "assignment" for t, _ in f.reads)]
    kept = [f for f in fields if all(p in readable for p in f.reads) and (personal_ok or not f.personal)]
    if not any(any(t == _TABLES[main] for t, _ in f.reads) for f in kept):
        raise StoreError(
            translate("ExportRows", "Your role may not read {0}: nothing to export.").format(_kind_text(kind))
        )

    where, params = _filters(kind, scope, readable)
    base = _from(kind)
    admin_joins = any(f.sql.startswith(("t.", "am.", "pv.")) for f in kept)
    joins = ""
    if admin_joins:
        t = _TAMBON[kind]
        joins = (
            f" LEFT JOIN jitasa.admin_area t ON t.code = {t}.tambon_code"
            f" LEFT JOIN jitasa.admin_area am ON am.code = left({t}.tambon_code, 4)"
            f" LEFT JOIN jitasa.admin_area pv ON pv.code = left({t}.tambon_code, 2)"
        )
    # The statement is built from this module's own SQL fragments only; every value is a bound parameter.
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    count = fetch(conn, sql.SQL(f"SELECT count(*) {base}{where_sql}"), params)[0][0]
    select = ", ".join(f"{f.sql} AS {f.name}" for f in kept)
    # the id of the main table orders the rows (every kind can read it: it is in every role's grant)
    order = f" ORDER BY {main}.id" if (_TABLES[main], "id") in readable else ""
    query = sql.SQL(f"SELECT {select} {base}{joins}{where_sql}{order}")

    columns: list[Column] = []
    for f in kept:
        columns.append(Column(f.name, f.type))
        if f.label is not None:
            columns.append(Column(f"{f.name}_label", "text"))
    return ExportRows(
        kind=kind,
        columns=columns,
        count=int(count),
        personal_data=any(f.personal for f in kept),
        personal_withheld=include_personal and not personal_ok and bool(_PERSONAL_GATES[kind]),
        rows=_stream(conn, query, params, kept, fetch_rows),
    )


def _from(kind: str) -> str:
    if kind == "assignments":
        return (
            "FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id"
            " JOIN jitasa.volunteer v ON v.id = a.volunteer_id"
        )
    return {"requests": "FROM jitasa.help_request r", "volunteers": "FROM jitasa.volunteer v"}.get(
        kind, "FROM jitasa.facility f"
    )


def _filters(kind: str, scope: ExportScope, readable: set[tuple[str, str]]) -> tuple[list[str], dict]:
    where: list[str] = []
    params: dict = {}

    def need(table: str, column: str) -> None:
        if (table, column) not in readable:
            raise StoreError(
                translate("ExportRows", "Your role may not read {0}.{1}, which this filter needs.").format(
                    table, column
                )
            )

    code = (scope.area_code or "").strip()
    if code:
        alias = _TAMBON[kind]
        need(_TABLES[alias], "tambon_code")
        # a range the tambon_code index can serve, then the exact prefix test
        where.append(
            f"{alias}.tambon_code >= %(code)s AND {alias}.tambon_code < %(code_end)s"
            f" AND starts_with({alias}.tambon_code, %(code)s)"
        )
        params["code"], params["code_end"] = code, code[:-1] + chr(ord(code[-1]) + 1)
    if scope.status == "open" and kind in ("requests", "assignments"):
        if kind == "requests":
            need("help_request", "status")
            where.append("r.status::text = ANY(%(open)s)")
            params["open"] = _OPEN_REQUEST
        else:
            need("assignment", "status")
            where.append("a.status::text = ANY(%(open)s)")
            params["open"] = _OPEN_ASSIGNMENT
    if scope.created_since is not None:
        alias = _CREATED[kind]
        need(_TABLES[alias], "created_at")
        where.append(f"{alias}.created_at >= %(since)s::date::timestamp AT TIME ZONE %(zone)s")
        params["since"], params["zone"] = scope.created_since, TIME_ZONE
    return where, params


def _label_of(label: Callable[[str], str], value: Optional[str], many: bool) -> Optional[str]:
    if value is None:
        return None
    try:
        if many:
            return ", ".join(label(v) for v in value.split(",") if v)
        return label(value)
    except (KeyError, ValueError):  # a value newer than this plugin: shown as it is
        return value


def _stream(conn, query, params: dict, fields: list[_Field], fetch_rows: int) -> Iterator[tuple]:
    labelled = [(f.label, f.many) for f in fields]
    cursor = conn.cursor(name="jitasa_export")
    cursor.itersize = fetch_rows
    try:
        try:
            cursor.execute(query, params)
            for row in cursor:
                out = []
                for value, (label, many) in zip(row, labelled):
                    out.append(value)
                    if label is not None:
                        out.append(_label_of(label, value, many))
                yield tuple(out)
        except psycopg2.Error as exc:
            raise StoreError(server_message(exc)) from None
    finally:
        if not cursor.closed and not conn.closed:
            try:
                cursor.close()
            except psycopg2.Error:  # the transaction failed already: it is rolled back by the caller
                pass
