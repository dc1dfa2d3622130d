"""Admin areas into jitasa.admin_area, inside the caller's transaction: staged with COPY, invalid shapes
repaired with ST_MakeValid, missing parents dissolved from their children, then upserted by code.

An unchanged area is not written at all (every column compared with IS DISTINCT FROM, the shape by its
bytes): importing a file twice writes nothing, fires no trigger, notifies nothing. That matters beyond
noise: jitasa.admin_area_recode re-derives the tambon code of every request, volunteer and facility inside
a reshaped tambon. A name_en or population the file does not give (NULL) keeps the stored one.

The inputs are duck-typed (the store does not import core): areas have .level, .code, .parent_code,
.name_th, .name_en, .wkb (2D MultiPolygon WKB, EPSG:4326) and optionally .population.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Iterable, Sequence

_NULL = "\\N"
STAGE = "admin_import_stage"
_CREATE_STAGE = """CREATE TEMP TABLE IF NOT EXISTS admin_import_stage (
    ord integer, level text, code text, parent_code text, name_th text, name_en text, population integer,
    geom geometry, repaired boolean NOT NULL DEFAULT false, created boolean NOT NULL DEFAULT false)
    ON COMMIT DROP"""
_COPY = (
    "COPY admin_import_stage (ord, level, code, parent_code, name_th, name_en, population, geom)"
    " FROM STDIN WITH (FORMAT csv, NULL '\\N')"
)

# Only the invalid ones are touched; what ST_MakeValid leaves that is not polygonal (lines, points) goes.
_REPAIR = """UPDATE admin_import_stage
   SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)), repaired = true
 WHERE NOT ST_IsValid(geom)
RETURNING code, ST_IsEmpty(geom)"""

_DISSOLVE = """INSERT INTO admin_import_stage (ord, level, code, parent_code, name_th, name_en, geom, created)
SELECT -1, p.level, p.code, p.parent_code, p.name_th, p.name_en,
       ST_Multi(ST_CollectionExtract(ST_Union(s.geom), 3)), true
  FROM unnest(%(code)s::text[], %(level)s::text[], %(parent)s::text[], %(th)s::text[], %(en)s::text[])
       AS p(code, level, parent_code, name_th, name_en)
  JOIN admin_import_stage s ON s.parent_code = p.code
 GROUP BY p.code, p.level, p.parent_code, p.name_th, p.name_en"""

# Parents before children (admin_area.parent_code references code). RETURNING only the rows written.
_UPSERT = """
INSERT INTO jitasa.admin_area AS a (level, code, parent_code, name_th, name_en, population, geom)
SELECT level::jitasa.admin_level, code, parent_code, name_th, name_en, population,
       ST_SetSRID(ST_Multi(geom), 4326)
  FROM admin_import_stage WHERE level = %(level)s ORDER BY code
ON CONFLICT (code) DO UPDATE
   SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name_th = EXCLUDED.name_th,
       name_en = coalesce(EXCLUDED.name_en, a.name_en), population = coalesce(EXCLUDED.population, a.population),
       geom = EXCLUDED.geom
 WHERE (a.level, a.parent_code, a.name_th, a.name_en, a.population, a.geom::bytea)
       IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.name_th,
                         coalesce(EXCLUDED.name_en, a.name_en), coalesce(EXCLUDED.population, a.population),
                         EXCLUDED.geom::bytea)
RETURNING xmax = 0"""

# Areas of the imported provinces the import does not hold, with what lies in them (prefix of the tambon
# code: DOPA codes nest, so a tambon's points count for its amphoe and province too).
_MISSING = """
WITH candidate AS (
    SELECT a.code, a.level::text AS level, a.name_th FROM jitasa.admin_area a
     WHERE left(a.code, 2) = ANY(%(provinces)s) AND NOT a.code = ANY(%(keep)s)
), used AS (
    SELECT tambon_code, count(*) FILTER (WHERE t = 'r') AS requests, count(*) FILTER (WHERE t = 'v') AS volunteers,
           count(*) FILTER (WHERE t = 'f') AS facilities
      FROM (SELECT 'r' AS t, tambon_code FROM jitasa.help_request WHERE left(tambon_code, 2) = ANY(%(provinces)s)
            UNION ALL
            SELECT 'v', tambon_code FROM jitasa.volunteer WHERE left(tambon_code, 2) = ANY(%(provinces)s)
            UNION ALL
            SELECT 'f', tambon_code FROM jitasa.facility WHERE left(tambon_code, 2) = ANY(%(provinces)s)) x
     GROUP BY tambon_code
)
SELECT c.code, c.level, c.name_th, coalesce(sum(u.requests), 0)::int, coalesce(sum(u.volunteers), 0)::int,
       coalesce(sum(u.facilities), 0)::int
  FROM candidate c LEFT JOIN used u ON u.tambon_code LIKE c.code || '%%'
 GROUP BY c.code, c.level, c.name_th
 ORDER BY length(c.code) DESC, c.code"""


@dataclass(frozen=True)
class LevelWrite:
    inserted: int = 0
    updated: int = 0


@dataclass(frozen=True)
class AreaInUse:
    code: str
    level: str
    name_th: str
    requests: int
    volunteers: int
    facilities: int


def stage_areas(cur, areas: Sequence) -> None:
    """Copy the areas into the session's stage table (emptied first); geometries still unchecked."""
    cur.execute(_CREATE_STAGE)
    cur.execute("TRUNCATE admin_import_stage")
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    for i, a in enumerate(areas):
        population = getattr(a, "population", None)
        out.writerow(
            [
                _cell(v)
                for v in (i, a.level, a.code, a.parent_code, a.name_th, a.name_en, population, bytes(a.wkb).hex())
            ]
        )
    buf.seek(0)
    cur.copy_expert(_COPY, buf)
    cur.execute("CREATE INDEX IF NOT EXISTS admin_import_stage_parent_idx ON admin_import_stage (parent_code)")
    cur.execute("ANALYZE admin_import_stage")


def repair_staged(cur) -> tuple[list[str], list[str]]:
    """Repair the invalid shapes in the stage: (codes repaired, codes with nothing polygonal left —
    removed from the stage)."""
    cur.execute(_REPAIR)
    rows = cur.fetchall()
    emptied = sorted(code for code, empty in rows if empty)
    if emptied:
        drop_staged(cur, emptied)
    return sorted(code for code, empty in rows if not empty), emptied


def drop_staged(cur, codes: Iterable[str]) -> None:
    cur.execute("DELETE FROM admin_import_stage WHERE code = ANY(%s)", (list(codes),))


def stored_codes(cur) -> set[str]:
    cur.execute("SELECT code FROM jitasa.admin_area")
    return {row[0] for row in cur.fetchall()}


def stored_province_names(cur) -> dict[str, tuple[str, ...]]:
    cur.execute("SELECT code, name_th, name_en FROM jitasa.admin_area WHERE level = 'province'")
    return {code: (th, en) for code, th, en in cur.fetchall()}


def create_parents(cur, parents: Sequence) -> dict[str, int]:
    """Stage each parent (.code, .level, .parent_code, .name_th, .name_en) as the union of its staged
    children, the deepest first (an amphoe before the province it helps to make). Count per level."""
    counts: dict[str, int] = {}
    for level in ("amphoe", "province"):
        mine = [p for p in parents if p.level == level]
        if not mine:
            continue
        cur.execute(
            _DISSOLVE,
            {
                "code": [p.code for p in mine],
                "level": [p.level for p in mine],
                "parent": [p.parent_code for p in mine],
                "th": [p.name_th for p in mine],
                "en": [p.name_en for p in mine],
            },
        )
        counts[level] = cur.rowcount
    return counts


def upsert_staged(cur) -> dict[str, LevelWrite]:
    """Write the stage into jitasa.admin_area, level by level, parents first; rows written per level
    (an unchanged area is neither, see the module docstring)."""
    written: dict[str, LevelWrite] = {}
    for level in ("province", "amphoe", "tambon"):
        cur.execute(_UPSERT, {"level": level})
        flags = [row[0] for row in cur.fetchall()]
        written[level] = LevelWrite(inserted=sum(flags), updated=len(flags) - sum(flags))
    return written


def staged_counts(cur) -> dict[str, tuple[int, int]]:
    """Per level: (rows from the files, parents created) now in the stage."""
    cur.execute(
        "SELECT level, count(*) FILTER (WHERE NOT created), count(*) FILTER (WHERE created)"
        "  FROM admin_import_stage GROUP BY level"
    )
    return {level: (int(a), int(b)) for level, a, b in cur.fetchall()}


def staged_codes(cur) -> list[str]:
    """Every code the stage holds now: the files' areas that were taken and the parents made for them."""
    cur.execute("SELECT code FROM admin_import_stage ORDER BY code")
    return [row[0] for row in cur.fetchall()]


def upsert_admin_areas(cur, areas: Sequence) -> dict[str, LevelWrite]:
    """Stage and upsert areas that are known to be whole (the demo's files): no repair, no parents made."""
    stage_areas(cur, areas)
    return upsert_staged(cur)


def remove_missing(cur, provinces: Sequence[str], keep: Iterable[str]) -> tuple[dict[str, int], list[AreaInUse]]:
    """Delete the areas of `provinces` whose codes are not in `keep` and that nothing lies in (no request,
    volunteer or facility has a tambon code inside them); the others are returned, kept."""
    if not provinces:
        return {}, []
    cur.execute(_MISSING, {"provinces": list(provinces), "keep": sorted(set(keep))})
    rows = [AreaInUse(*row) for row in cur.fetchall()]
    free = [r for r in rows if not (r.requests or r.volunteers or r.facilities)]
    removed: dict[str, int] = {}
    if free:
        # one statement: a parent and its children go together (the foreign key is checked at its end)
        cur.execute(
            "DELETE FROM jitasa.admin_area WHERE code = ANY(%s) RETURNING level::text", ([r.code for r in free],)
        )
        for (level,) in cur.fetchall():
            removed[level] = removed.get(level, 0) + 1
    return removed, [r for r in rows if r.requests or r.volunteers or r.facilities]


def _cell(value) -> object:
    return _NULL if value is None else value
