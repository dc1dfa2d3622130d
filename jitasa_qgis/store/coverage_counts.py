"""Per-tambon vaccination / screening counts in jitasa.tambon_coverage_count (migration 0016), written in
the caller's transaction: which tambon codes the store knows (one statement for the whole file), then one
upsert on (campaign, tambon_code, as_of) that writes only rows whose figures changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from psycopg2.extras import execute_values

from ..core.coverage_counts import CountRecord


def known_tambons(cur, codes: Iterable[str]) -> set[str]:
    """The codes of `codes` that are tambons in jitasa.admin_area."""
    cur.execute(
        "SELECT code FROM jitasa.admin_area WHERE level = 'tambon' AND code = ANY (%s::text[])",
        (sorted(set(codes)),),
    )
    return {r[0] for r in cur.fetchall()}


@dataclass(frozen=True)
class CountsWritten:
    inserted: int
    updated: int
    unchanged: int


_UPSERT = """
INSERT INTO jitasa.tambon_coverage_count AS k (tambon_code, campaign, as_of, target_population, covered, source)
VALUES %s
ON CONFLICT (campaign, tambon_code, as_of) DO UPDATE
   SET target_population = EXCLUDED.target_population, covered = EXCLUDED.covered, source = EXCLUDED.source,
       imported_by = session_user, imported_at = now()
 WHERE (k.target_population, k.covered) IS DISTINCT FROM (EXCLUDED.target_population, EXCLUDED.covered)
RETURNING (xmax = 0) AS inserted
"""


def write_counts(cur, records: Sequence[CountRecord], source: str) -> CountsWritten:
    """Upsert the records (their tambons known); rows with the same figures are left as they were."""
    if not records:
        return CountsWritten(0, 0, 0)
    rows = [(r.tambon_code, r.campaign, r.as_of, r.target_population, r.covered, source) for r in records]
    returned = execute_values(cur, _UPSERT, rows, page_size=max(1, len(rows)), fetch=True)
    inserted = sum(1 for r in returned if r[0])
    updated = len(returned) - inserted
    return CountsWritten(inserted, updated, len(records) - inserted - updated)
