"""Import facilities (the workflow behind jitasa:importfacilities): a point layer or a CSV/XLSX with lon/lat
columns → facility records (core.facility_import) → one transaction that upserts them by (source, source id)
and keeps the rows it could not take in jitasa.import_reject (store).

Importing the same file again changes nothing and writes no audit rows; the MOPH lists (source 'moph') update
the rows the demo or an older version wrote by their code. A cancel is honoured before the write.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..core.facility_import import MOPH_SOURCE, FacilityRows, facility_records
from ..core.field_mapping import mapping_text
from ..core.import_records import Reject
from ..core.tabular import Table, read_table
from ..definitions.i18n import translate
from ..definitions.import_reasons import import_reason_text
from ..definitions.labels import facility_kind_label
from ..store.facility_import import write_facilities
from ..store.migrations import check_schema_current
from ..store.rejects import keep_rejects
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole

PathLike = Union[str, Path]
REJECT_TARGET = "facility"
_READ_DONE, _MAPPED = 0.2, 0.4


@dataclass(frozen=True)
class FacilityImportParams:
    table: Optional[Table] = None  # a table already read (a toolbox layer); else `path` (and `layer`)
    path: Optional[PathLike] = None  # .csv / .xlsx / any OGR file
    layer: Optional[str] = None  # the sheet or OGR layer; None: the first
    source: str = MOPH_SOURCE  # with the source id, the key: importing again updates in place
    mapping: str = ""  # 'field=column; ...' (fields: core.facility_import.FIELDS); guesses fill the rest
    kind_map: str = ""  # 'value=kind; ...' before the MOPH descriptions
    default_kind: Optional[str] = None  # for rows without a type; None: such rows are rejected


@dataclass(frozen=True)
class FacilityImportResult:
    table_name: str
    rows: int  # rows read
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    names_made: int  # rows without a name: named from the kind's label and the id
    rejects: list[Reject]
    rejects_new: int  # rejects not kept before (the others were already in jitasa.import_reject)
    mapping: dict[str, str]  # our field -> the file's column, as used
    kinds: dict[str, int] = field(default_factory=dict)  # kind -> records taken

    @property
    def mapping_text(self) -> str:
        return mapping_text(self.mapping)

    def summary_lines(self) -> list[str]:
        """What happened, in words (translated), for a log."""
        lines = [
            translate("FacilityImport", "{0}: {1} rows read with the mapping {2}.").format(
                self.table_name, self.rows, self.mapping_text
            ),
            translate("FacilityImport", "Facilities: {0} new, {1} updated, {2} unchanged, {3} rejected.").format(
                self.inserted, self.updated, self.unchanged, self.rejected
            ),
        ]
        if self.kinds:
            lines.append(
                translate("FacilityImport", "Kinds: {0}.").format(
                    ", ".join(f"{facility_kind_label(k)} {n}" for k, n in sorted(self.kinds.items()))
                )
            )
        if self.names_made:
            lines.append(
                translate(
                    "FacilityImport", "{0} facilities have no name in the file: named from their kind and id."
                ).format(self.names_made)
            )
        for text, count in Counter(import_reason_text(r.reason, r.detail) for r in self.rejects).most_common():
            lines.append(translate("FacilityImport", "Rejected: {0} — {1}").format(count, text))
        if self.rejected:
            lines.append(
                translate("FacilityImport", "{0} of the rejected rows were new in the rejects table.").format(
                    self.rejects_new
                )
            )
        return lines


def import_facilities(
    store: Store, params: FacilityImportParams, progress: Optional[Progress] = None
) -> FacilityImportResult:
    """Read, map, then write everything in one transaction (see the module docstring).

    Raises ValueError (TableError among them) for a file that cannot be read or parameters that name nothing,
    before anything is written; Cancelled when cancelled before the write (nothing written); StoreError when
    the schema is not current or the write fails (rolled back: nothing written)."""
    progress = progress_of(progress)
    table = params.table
    if table is None:
        if params.path is None:
            raise ValueError(translate("FacilityImport", "Give a layer or a file to import facilities from."))
        table = read_table(params.path, params.layer)
    progress.report(_READ_DONE, translate("FacilityImport", "{0}: {1} rows read.").format(table.name, len(table)))
    check_cancelled(progress)
    rows: FacilityRows = facility_records(table, params.source, params.mapping, params.kind_map, params.default_kind)
    progress.report(
        _MAPPED,
        translate("FacilityImport", "{0} facilities to write, {1} rows rejected.").format(
            len(rows.records), len(rows.rejects)
        ),
    )
    check_cancelled(progress)
    source = params.source.strip()
    with connection(store, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate(
                "FacilityImport", "Importing facilities failed and nothing was written: {0}"
            ).format(message),
        ):
            check_schema_current(conn)
            check_cancelled(progress)
            with conn.cursor() as cur:
                written = write_facilities(cur, source, rows.records, rows.owned)
                rejects_new = keep_rejects(cur, REJECT_TARGET, table.name, rows.rejects)
            check_cancelled(progress)
            conn.commit()
    progress.report(1.0)
    return FacilityImportResult(
        table_name=table.name,
        rows=len(table),
        inserted=written.inserted,
        updated=written.updated,
        unchanged=written.unchanged,
        rejected=len(rows.rejects),
        names_made=rows.names_made,
        rejects=rows.rejects,
        rejects_new=rejects_new,
        mapping=rows.mapping,
        kinds=rows.kinds,
    )
