"""Volunteer rosters into the store (the workflow behind jitasa:importvolunteers): read the CSV or XLSX file
with every cell as text (core.tabular), turn its rows into records or rejects (core.volunteer_import), then
in one transaction place, match, update or insert and keep the rejects (store.volunteer_import).

A row the parser or the store refuses is part of the result (its reason code and detail), not an error. A
cancel is honoured before the write and before the commit: then nothing is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import psycopg2

from ..core.field_mapping import mapping_text
from ..core.import_records import Reject
from ..core.tabular import read_table
from ..core.volunteer_import import parse_roster
from ..definitions.enums import VolunteerKind
from ..definitions.i18n import translate
from ..definitions.import_reasons import import_reason_text
from ..store.calls import rollback_quietly, server_message
from ..store.errors import StoreError
from ..store.migrations import check_schema_current
from ..store.volunteer_import import write_volunteers
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection

_READ, _PARSED, _WRITTEN = 0.35, 0.45, 1.0


@dataclass(frozen=True)
class VolunteerImportParams:
    path: Union[str, Path]
    sheet: Optional[str] = None  # an XLSX sheet; None: the first
    source: Optional[str] = None  # the roster's name in the store (volunteer.source); None: the file's stem
    field_map: str = ""  # "name=ชื่อ อสม.; phone=โทร": our field = the file's column, wins over the guesses
    default_kind: str = VolunteerKind.VILLAGE_HEALTH_VOLUNTEER.value  # for rows that give no kind


@dataclass(frozen=True)
class VolunteerImportResult:
    source: str
    rows: int  # data rows read from the file
    mapping: dict  # our field → the file's column
    inserted: int
    updated: int
    unchanged: int
    placed_in_tambon: int
    rejects: list[Reject] = field(default_factory=list)  # the parser's and the store's
    new_rejects: int = 0  # rejects not seen in an earlier import of this source
    phone_extensions: int = 0  # numbers whose extension was dropped
    phone_others: int = 0  # cells that held more than one number (the first was taken)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def counts(self) -> dict:
        return {
            "rows": self.rows,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "placed_in_tambon": self.placed_in_tambon,
            "rejected": self.rejected,
        }

    def summary_lines(self) -> list[str]:
        """What happened, in words (translated), for a log."""
        lines = [
            translate("VolunteerImport", "Columns: {0}").format(mapping_text(self.mapping)),
            translate(
                "VolunteerImport",
                "{0} rows: {1} new volunteers, {2} updated, {3} unchanged, {4} rejected; {5} placed in their tambon.",
            ).format(self.rows, self.inserted, self.updated, self.unchanged, self.rejected, self.placed_in_tambon),
        ]
        if self.phone_extensions:
            lines.append(
                translate("VolunteerImport", "{0} phone numbers had an extension, which was dropped.").format(
                    self.phone_extensions
                )
            )
        if self.phone_others:
            lines.append(
                translate("VolunteerImport", "{0} phone cells held more than one number; the first was kept.").format(
                    self.phone_others
                )
            )
        for reason, count in Counter(r.reason for r in self.rejects).most_common():
            lines.append(translate("VolunteerImport", "Rejected: {0} × {1}").format(count, reason))
        return lines

    def reject_lines(self, limit: int = 200) -> list[str]:
        """One line per reject ("row 12: no tambon 'x' in the store's admin areas"), the first `limit`."""
        lines = [f"{r.record_key}: {import_reason_text(r.reason, r.detail)}" for r in self.rejects[:limit]]
        if len(self.rejects) > limit:
            lines.append(translate("VolunteerImport", "… and {0} more.").format(len(self.rejects) - limit))
        return lines


def import_volunteers(
    store: Store, params: VolunteerImportParams, progress: Optional[Progress] = None
) -> VolunteerImportResult:
    """Read, parse, then write in one transaction (see the module docstring).

    Raises ValueError for a file that cannot be read (TableError), a mapping naming no column, a roster with
    no name or place columns, or a kind that is not ours; Cancelled before the commit (nothing written);
    StoreError when the schema is not current or the write fails (rolled back)."""
    progress = progress_of(progress)
    try:
        default_kind = VolunteerKind(params.default_kind).value
    except ValueError:
        raise ValueError(
            translate("VolunteerImport", "Unknown volunteer kind '{0}'. Known: {1}.").format(
                params.default_kind, ", ".join(k.value for k in VolunteerKind)
            )
        ) from None
    path = Path(params.path)
    source = (params.source or "").strip() or path.stem
    check_cancelled(progress)
    table = read_table(path, params.sheet or None)
    progress.report(_READ, translate("VolunteerImport", "Read {0} rows from {1}.").format(len(table), table.name))
    check_cancelled(progress)
    parsed = parse_roster(table, params.field_map, default_kind)
    progress.report(_PARSED, translate("VolunteerImport", "Columns: {0}").format(mapping_text(parsed.mapping)))
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            check_schema_current(conn)
            written = write_volunteers(conn, source, parsed.records, default_kind, parsed.rejects)
            check_cancelled(progress)
            conn.commit()
        except psycopg2.Error as exc:
            rollback_quietly(conn)
            if progress.is_cancelled():
                check_cancelled(progress)  # a cancel stopped the statement: say so, not the server's words
            raise StoreError(
                translate("VolunteerImport", "Importing the roster failed and nothing was written: {0}").format(
                    server_message(exc)
                )
            ) from None
        except BaseException:
            rollback_quietly(conn)
            raise
    progress.report(_WRITTEN)
    return VolunteerImportResult(
        source=source,
        rows=len(table),
        mapping=dict(parsed.mapping),
        inserted=written.inserted,
        updated=written.updated,
        unchanged=written.unchanged,
        placed_in_tambon=written.placed_in_tambon,
        rejects=sorted([*parsed.rejects, *written.rejects], key=_row_number),
        new_rejects=written.new_rejects,
        phone_extensions=parsed.phone_extensions,
        phone_others=parsed.phone_others,
    )


def _row_number(r: Reject) -> int:
    """Rejects in the file's order ("row 12" → 12), whichever step refused them."""
    text = (r.record_key or "").rpartition(" ")[2]
    return int(text) if text.isdigit() else 0
