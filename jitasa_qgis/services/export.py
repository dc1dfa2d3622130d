"""Export (the workflow behind jitasa:export): requests, assignments, volunteers or facilities of a scope
to CSV, XLSX or GeoPackage.

The area (a province, amphoe or tambon: code or name) is resolved first; then one read-only snapshot gives
the columns the connected role may read (store.export_rows), the count and the rows, streamed from a
server-side cursor into core.table_export, which writes a temporary file and renames it at the end. A
failure or a cancel leaves no file. Personal data is written only when the role may read it and the caller
asked for it; the result says whether it was included, and whether it was asked for but withheld.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from ..core.table_export import XLSX_MAX_ROWS, ExportCancelled, format_of, write_table
from ..definitions.i18n import translate
from ..store.area_lookup import AdminAreaMatch
from ..store.calls import rollback_quietly
from ..store.errors import StoreError
from ..store.export_rows import KINDS, STATUSES, ExportScope, open_export_rows
from .areas import describe_area, resolve_any_area
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection

PathLike = Union[str, Path]
_RESOLVED, _COUNTED = 0.05, 0.1  # shares of the progress; writing the rows is the rest


@dataclass(frozen=True)
class ExportParams:
    what: str  # one of KINDS: requests, assignments, volunteers, facilities
    path: PathLike  # .csv, .xlsx or .gpkg (or give `format`)
    area: str = ""  # a province, amphoe or tambon: its code or name; '' = everywhere
    status: str = "all"  # one of STATUSES; 'open' keeps open requests / proposed or active assignments
    created_since: Optional[dt.date] = None
    include_personal: bool = False  # names, phone numbers and notes, when the role may read them
    format: str = ""  # 'csv', 'xlsx', 'gpkg'; '' = from the file's suffix


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    what: str
    rows: int
    columns: tuple[str, ...]
    personal_data: bool  # names, phone numbers or notes are in the file
    personal_data_withheld: bool  # they were asked for, but the role may not read them
    area: Optional[AdminAreaMatch]

    def summary_lines(self) -> list[str]:
        """What was written, in words (translated), for a log."""
        lines = [
            translate("Export", "Wrote {0} rows and {1} columns to {2}.").format(
                self.rows, len(self.columns), str(self.path)
            )
        ]
        if self.personal_data:
            lines.append(translate("Export", "The file holds personal data (names, phone numbers, notes)."))
        elif self.personal_data_withheld:
            lines.append(
                translate(
                    "Export",
                    "Personal data was asked for, but your role may not read it: names, phone numbers and "
                    "notes were left out.",
                )
            )
        else:
            lines.append(translate("Export", "No personal data in the file."))
        return lines


def export_table(store: Store, params: ExportParams, progress: Optional[Progress] = None) -> ExportResult:
    """Write the export (see the module docstring) and say what was written.

    Raises ValueError (AreaError among them) for a kind, status, format or area that names nothing, before
    anything is written; Cancelled on a cancel (no file); StoreError when the store fails or the role may
    not read what was asked (no file)."""
    progress = progress_of(progress)
    if params.what not in KINDS:
        raise ValueError(translate("Export", "Unknown export: {0}").format(params.what))
    if params.status not in STATUSES:
        raise ValueError(translate("Export", "Unknown status filter: {0}").format(params.status))
    path = Path(params.path)
    fmt = params.format or format_of(path)
    if fmt not in ("csv", "xlsx", "gpkg"):
        raise ValueError(translate("Export", "Unknown export format: {0}").format(fmt))
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            area = None
            if (params.area or "").strip():
                area = resolve_any_area(conn, params.area)
                progress.report(_RESOLVED, translate("Export", "Area: {0}").format(describe_area(area)))
            conn.rollback()  # the export's snapshot starts its own transaction
            check_cancelled(progress)
            scope = ExportScope(
                area_code=area.code if area else "", status=params.status, created_since=params.created_since
            )
            found = open_export_rows(conn, params.what, scope, params.include_personal)
            if fmt == "xlsx" and found.count > XLSX_MAX_ROWS:
                raise ValueError(
                    translate(
                        "TableExport",
                        "An XLSX sheet holds at most {0:,} rows: export to CSV or GeoPackage instead.",
                    ).format(XLSX_MAX_ROWS)
                )
            progress.report(_COUNTED, translate("Export", "{0} rows to export.").format(found.count))
            total = max(found.count, 1)
            written = write_table(
                path,
                found.columns,
                found.rows,
                fmt,
                layer_name=params.what,
                is_cancelled=progress.is_cancelled,
                on_rows=lambda n: progress.report(_COUNTED + (1 - _COUNTED) * n / total),
            )
        except ExportCancelled:
            raise Cancelled(translate("Export", "Cancelled; no file was written.")) from None
        except OSError as exc:  # the folder is not writable, the disk is full...
            message = translate("Export", "Cannot write {0}: {1}").format(str(path), exc.strerror or exc)
            raise ValueError(message) from None
        except StoreError:
            if progress.is_cancelled():  # the cancel stopped the statement
                raise Cancelled(translate("Export", "Cancelled; no file was written.")) from None
            raise
        finally:
            rollback_quietly(conn)
    progress.report(1.0)
    return ExportResult(
        path=path,
        format=fmt,
        what=params.what,
        rows=written,
        columns=tuple(c.name for c in found.columns),
        personal_data=found.personal_data,
        personal_data_withheld=found.personal_withheld,
        area=area,
    )
