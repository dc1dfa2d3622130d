"""Import per-tambon vaccination / screening counts (the workflow behind jitasa:importcoveragecounts): a
CSV / XLSX keyed by tambon code (core.tabular, core.field_mapping) → count records (core.coverage_counts) →
one transaction: tambon codes the store does not know are refused and listed, the rest upserted by
(campaign, tambon, date) (store.coverage_counts), every refused row kept in jitasa.import_reject
(store.rejects). Nothing is half-written: a failure or a cancel before the commit leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..core.coverage_counts import count_records
from ..core.field_mapping import mapping_text
from ..core.import_records import Reject, reject
from ..core.tabular import Table, read_table
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason, import_reason_text
from ..store.coverage_counts import known_tambons, write_counts
from ..store.migrations import check_schema_current
from ..store.rejects import keep_rejects
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole

PathLike = Union[str, Path]
REJECT_TARGET = "tambon_coverage_count"


@dataclass(frozen=True)
class CoverageCountImportParams:
    path: Optional[PathLike] = None  # .csv / .xlsx
    layer: Optional[str] = None  # the sheet; None: the first
    table: Optional[Table] = None  # a table already read, instead of `path`
    mapping: str = ""  # 'field=column; ...' (fields: core.coverage_counts.FIELDS); guesses fill the rest
    campaign: Optional[str] = None  # for a file without a campaign column (e.g. covid19_dose2)
    as_of: Optional[dt.date] = None  # for a file without a date column
    source: str = "file"


@dataclass
class CoverageCountImportResult:
    table_name: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    rejects: list[Reject]
    rejects_new: int
    mapping: dict[str, str]
    campaigns: dict[str, int] = field(default_factory=dict)  # campaign -> rows taken

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    @property
    def unknown_tambons(self) -> list[str]:
        return sorted({str(r.detail.get("value")) for r in self.rejects if r.reason == ImportReason.UNKNOWN_TAMBON})

    def summary_lines(self) -> list[str]:
        lines = [
            translate("CoverageCountImport", "{0}: {1} rows read with the mapping {2}.").format(
                self.table_name, self.rows, mapping_text(self.mapping)
            ),
            translate("CoverageCountImport", "Counts: {0} new, {1} updated, {2} unchanged, {3} rejected.").format(
                self.inserted, self.updated, self.unchanged, self.rejected
            ),
        ]
        if self.campaigns:
            lines.append(
                translate("CoverageCountImport", "Campaigns: {0}.").format(
                    ", ".join(f"{k} {n}" for k, n in sorted(self.campaigns.items()))
                )
            )
        if self.unknown_tambons:
            lines.append(
                translate("CoverageCountImport", "Tambon codes the store does not know: {0}.").format(
                    ", ".join(self.unknown_tambons)
                )
            )
        for text, count in Counter(import_reason_text(r.reason, r.detail) for r in self.rejects).most_common():
            lines.append(translate("CoverageCountImport", "Rejected: {0} — {1}").format(count, text))
        return lines


def import_coverage_counts(
    store: Store, params: CoverageCountImportParams, progress: Optional[Progress] = None
) -> CoverageCountImportResult:
    """Read, check, then write in one transaction (see the module docstring).

    ValueError for a file that cannot be read or lacks a needed column (nothing written); Cancelled before
    the commit (nothing written); StoreError when the write fails (rolled back)."""
    progress = progress_of(progress)
    table = params.table
    if table is None:
        if params.path is None:
            raise ValueError(translate("CoverageCountImport", "Give a CSV or XLSX file of per-tambon counts."))
        table = read_table(params.path, params.layer)
    progress.report(0.2, translate("CoverageCountImport", "{0}: {1} rows read.").format(table.name, len(table)))
    parsed = count_records(table, params.mapping, params.campaign, params.as_of)
    check_cancelled(progress)
    source = (params.source or "file").strip() or "file"
    with connection(store, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate(
                "CoverageCountImport", "Importing the counts failed and nothing was written: {0}"
            ).format(message),
        ):
            check_schema_current(conn)
            with conn.cursor() as cur:
                known = known_tambons(cur, (r.tambon_code for r in parsed.records))
                taken = [r for r in parsed.records if r.tambon_code in known]
                rejects = list(parsed.rejects) + [
                    reject(r.row, ImportReason.UNKNOWN_TAMBON, r.raw, value=r.tambon_code)
                    for r in parsed.records
                    if r.tambon_code not in known
                ]
                progress.report(
                    0.5,
                    translate("CoverageCountImport", "{0} counts to write, {1} rows rejected.").format(
                        len(taken), len(rejects)
                    ),
                )
                written = write_counts(cur, taken, source)
                rejects_new = keep_rejects(cur, REJECT_TARGET, table.name, rejects)
            check_cancelled(progress)
            conn.commit()
    progress.report(1.0)
    return CoverageCountImportResult(
        table.name,
        len(table),
        written.inserted,
        written.updated,
        written.unchanged,
        rejects,
        rejects_new,
        parsed.mapping,
        dict(Counter(r.campaign for r in taken)),
    )
