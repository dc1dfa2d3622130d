"""Situation report (the workflow behind jitasa:situationreport): for a province or amphoe, the open requests
by tambon and category, waiting times and their distribution, assignments made today, facility capacity and
open requests over time, as a PDF (tables and charts, Thai, Buddhist-Era dates) and as CSV / XLSX tables.

The area is resolved, one read-only snapshot gives the rows (store.situation_report; no personal data),
core.situation_report makes the tables, printing.situation_report the PDF. Each file is written through a
temporary file: a failure or a cancel leaves none of them half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from ..core.situation_report import ReportTable, build_tables, write_tables
from ..definitions.i18n import translate
from ..printing.layouts import check_writable
from ..printing.situation_report import ReportCancelled, ReportText, export_report, summary_sentences
from ..store.area_lookup import AdminAreaMatch
from ..store.calls import rollback_quietly
from ..store.situation_report import read_situation
from .areas import describe_area, resolve_any_area
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection

PathLike = Union[str, Path]


@dataclass(frozen=True)
class SituationReportParams:
    path: Optional[PathLike] = None  # the PDF; None: tables only
    tables_path: Optional[PathLike] = None  # .xlsx (a sheet per table) or .csv (a file per table); None: none
    area: str = ""  # a province or amphoe (or tambon): code or name; '' = everything the role sees
    days: int = 7  # how far back the "open over time" series goes
    office: str = ""
    use_thai_digits: bool = False


@dataclass(frozen=True)
class SituationReportResult:
    path: Optional[Path]
    pages: int
    table_paths: tuple[Path, ...]
    tables: tuple[ReportTable, ...]
    area: Optional[AdminAreaMatch]
    open_requests: int

    def summary_lines(self) -> list[str]:
        lines = []
        if self.path is not None:
            lines.append(
                translate("SituationReport", "Wrote the situation report ({0} pages) to {1}.").format(
                    self.pages, str(self.path)
                )
            )
        for p in self.table_paths:
            lines.append(translate("SituationReport", "Wrote the report tables to {0}.").format(str(p)))
        return lines


def make_situation_report(
    store: Store, params: SituationReportParams, progress: Optional[Progress] = None
) -> SituationReportResult:
    """Write the report (see the module docstring). ValueError (AreaError, PrintError among them) for an area
    that names nothing, no output asked for, a days value out of range, an output that cannot be written or
    a missing Thai font; Cancelled on a cancel; StoreError when the store fails."""
    progress = progress_of(progress)
    if params.path is None and params.tables_path is None:
        raise ValueError(translate("SituationReport", "Give a PDF or a tables file (or both) to write."))
    if not 1 <= int(params.days) <= 90:
        raise ValueError(translate("SituationReport", "The series covers 1 to 90 days, not {0}.").format(params.days))
    if params.path is not None:
        check_writable(params.path)  # before any file is written: the tables are not left without their PDF
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            area = resolve_any_area(conn, params.area) if (params.area or "").strip() else None
            conn.rollback()  # the report's snapshot starts its own transaction
            rows = read_situation(conn, area.code if area else "", days=params.days)
        finally:
            rollback_quietly(conn)
    progress.report(0.3, translate("SituationReport", "{0} open requests read.").format(len(rows.open_requests)))
    tables = build_tables(rows, params.use_thai_digits)
    check_cancelled(progress)
    table_paths: list[Path] = []
    if params.tables_path is not None:
        try:
            table_paths = write_tables(params.tables_path, tables)
        except OSError as exc:
            raise ValueError(
                translate("SituationReport", "Cannot write {0}: {1}").format(
                    str(params.tables_path), exc.strerror or exc
                )
            ) from None
        progress.report(0.5)
    check_cancelled(progress)
    pages = 0
    if params.path is not None:
        where = describe_area(area) if area else translate("SituationReport", "everything you may see")
        text = ReportText(
            area=where,
            at=rows.at,
            office=params.office,
            use_thai_digits=params.use_thai_digits,
            summary=summary_sentences(tables, params.use_thai_digits),
        )
        try:
            pages = export_report(tables, text, Path(params.path), is_cancelled=progress.is_cancelled)
        except ReportCancelled:
            raise Cancelled(translate("SituationReport", "Cancelled; no report was written.")) from None
    progress.report(1.0)
    return SituationReportResult(
        path=Path(params.path) if params.path is not None else None,
        pages=pages,
        table_paths=tuple(table_paths),
        tables=tuple(tables),
        area=area,
        open_requests=len(rows.open_requests),
    )
