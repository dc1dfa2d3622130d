"""Write imported facilities: one upsert keyed on (source, source_id), inside the caller's transaction.

The records are duck-typed (core.facility_import.FacilityRecord: .source_id .code .name_th .name_en .kind
.beds_total .daily_capacity .contact .source_type .lon .lat). Only the columns the import owns (the fields
its file has) are set; a row whose owned columns already hold those values is not touched, so importing a
file again writes nothing: no version bump, no audit row, no NOTIFY of a change. The point counts as
unchanged within 1e-7° (about 1 cm), so the same file read through OGR or through a QGIS layer agrees.

For the MOPH lists (source 'moph') facility.code (UNIQUE) is the source id too: a row holding that code
under another key (an older row, or one the demo wrote) is taken over by the key first, so it is updated,
never duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from psycopg2 import sql
from psycopg2.extras import execute_values

_STAGE = """CREATE TEMP TABLE facility_import_stage (
    source_id text PRIMARY KEY, code text, name_th text NOT NULL, name_en text, kind text NOT NULL,
    beds_total integer, daily_capacity integer, contact text, source_type text, geom geometry(Point, 4326))
    ON COMMIT DROP"""
_STAGE_INSERT = """INSERT INTO facility_import_stage (source_id, code, name_th, name_en, kind, beds_total,
    daily_capacity, contact, source_type, geom) VALUES %s"""
_STAGE_ROW = "(%s, %s, %s, %s, %s, %s, %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326))"

# A row holding the code under another key becomes the key's row (only when the key has no row yet).
_ADOPT = """UPDATE jitasa.facility f SET source = %(source)s, source_id = s.source_id
  FROM facility_import_stage s
 WHERE s.code IS NOT NULL AND f.code = s.code
   AND (f.source, f.source_id) IS DISTINCT FROM (%(source)s, s.source_id)
   AND NOT EXISTS (SELECT 1 FROM jitasa.facility k WHERE k.source = %(source)s AND k.source_id = s.source_id)
RETURNING f.id"""

# Columns the import may own, with how the new value is compared with the stored one.
_COLUMNS = ("code", "name_th", "name_en", "kind", "beds_total", "daily_capacity", "contact", "source_type", "geom")
_UPSERT = """INSERT INTO jitasa.facility AS f (source, source_id, {columns})
SELECT %(source)s, s.source_id, {values}
  FROM facility_import_stage s ORDER BY s.source_id
ON CONFLICT (source, source_id) DO UPDATE SET {assignments}
 WHERE {changed}
RETURNING f.id, (f.xmax = 0) AS inserted"""


@dataclass(frozen=True)
class FacilityWrite:
    inserted: int
    updated: int
    unchanged: int


def _value(column: str) -> sql.Composable:
    if column == "kind":
        return sql.SQL("s.kind::jitasa.facility_kind")
    if column == "code":
        # a code another row keeps (it has its own key) is not taken from it: the UNIQUE code stays where it is
        return sql.SQL(
            "CASE WHEN NOT EXISTS (SELECT 1 FROM jitasa.facility o WHERE o.code = s.code"
            " AND (o.source, o.source_id) IS DISTINCT FROM (%(source)s, s.source_id)) THEN s.code END"
        )
    return sql.SQL("s.{}").format(sql.Identifier(column))


def _changed(column: str) -> sql.Composable:
    if column == "geom":
        return sql.SQL("NOT ST_DWithin(f.geom, EXCLUDED.geom, 1e-7)")
    if column == "code":
        return sql.SQL("(EXCLUDED.code IS NOT NULL AND f.code IS DISTINCT FROM EXCLUDED.code)")
    ident = sql.Identifier(column)
    return sql.SQL("f.{0} IS DISTINCT FROM EXCLUDED.{0}").format(ident)


def _assignment(column: str) -> sql.Composable:
    ident = sql.Identifier(column)
    if column == "code":
        return sql.SQL("code = coalesce(EXCLUDED.code, f.code)")
    return sql.SQL("{0} = EXCLUDED.{0}").format(ident)


def upsert_query(owned: Sequence[str]) -> sql.Composed:
    """The upsert for the columns `owned` (a subset of _COLUMNS; name_th, kind and geom always)."""
    columns = [c for c in _COLUMNS if c in owned]
    unknown = set(owned) - set(_COLUMNS)
    if unknown or not {"name_th", "kind", "geom"} <= set(columns):
        raise ValueError(f"facility columns {sorted(owned)}: unknown {sorted(unknown)} or missing a required one")
    return sql.SQL(_UPSERT).format(
        columns=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
        values=sql.SQL(", ").join(_value(c) for c in columns),
        assignments=sql.SQL(", ").join(_assignment(c) for c in columns),
        changed=sql.SQL(" OR ").join(_changed(c) for c in columns),
    )


def write_facilities(cur, source: str, records: Iterable, owned: Sequence[str]) -> FacilityWrite:
    """Upsert `records` (source ids unique: the caller took the first of each) inside the caller's
    transaction; returns how many rows were inserted, updated and left unchanged."""
    rows = [
        (
            r.source_id,
            r.code,
            r.name_th,
            r.name_en,
            r.kind,
            r.beds_total,
            r.daily_capacity,
            r.contact,
            r.source_type,
            float(r.lon),
            float(r.lat),
        )
        for r in records
    ]
    if not rows:
        return FacilityWrite(0, 0, 0)
    cur.execute(_STAGE)
    execute_values(cur, _STAGE_INSERT, rows, template=_STAGE_ROW, page_size=1000)
    adopted: set[int] = set()
    if "code" in owned:
        cur.execute(_ADOPT, {"source": source})
        adopted = {row[0] for row in cur.fetchall()}
    cur.execute(upsert_query(owned), {"source": source})
    written = cur.fetchall()
    inserted = sum(1 for _id, is_new in written if is_new)
    updated = len(adopted | {fid for fid, is_new in written if not is_new})
    cur.execute("DROP TABLE facility_import_stage")  # a second import in the same transaction makes its own
    return FacilityWrite(inserted, updated, len(rows) - inserted - updated)
