"""Call sheets (the workflow behind jitasa:callsheets): one PDF, a page per volunteer of an area with a small
map of their assigned requests and a table of them; or (per_team) a page per team: its members, all their
requests on one map and table, and a page of their own for volunteers in no team.

The area (province, amphoe or tambon: code or name) is resolved, then one read-only snapshot gives the
volunteers and their requests with only what the connected role may read (store.call_sheets): names and
phone numbers only where the role may read them and the caller asked, else the cells say "not shown" and
the PDF holds none of them. printing.call_sheets writes the PDF through a temporary file: a failure or a
cancel leaves no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence, Union

from ..definitions.i18n import translate
from ..definitions.thai_time import THAI_TIME
from ..printing.call_sheets import Outline, PrintCancelled, SheetOptions, export_call_sheets, sheet_pages
from ..store.area_lookup import AdminAreaMatch
from ..store.call_sheets import read_call_sheets, read_outlines
from ..store.calls import rollback_quietly
from .areas import describe_area, resolve_any_area
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection

PathLike = Union[str, Path]
_READ = 0.1  # share of the progress for reading; printing is the rest


@dataclass(frozen=True)
class CallSheetParams:
    path: PathLike  # the PDF to write
    area: str = ""  # a province, amphoe or tambon: code or name; '' = every volunteer
    volunteer_ids: Optional[Sequence[int]] = None  # only these volunteers (within the area)
    only_assigned: bool = False  # leave out volunteers with no assigned request
    include_proposed: bool = False  # also list proposed (not yet confirmed) assignments
    include_personal: bool = True  # names and phone numbers, where the role may read them
    office: str = ""  # the producing office, printed in the header
    use_thai_digits: bool = False
    printed_at: Optional[dt.datetime] = None  # default: now (Thai time)
    per_team: bool = False  # a page per team (volunteers in no team: a page each)


@dataclass(frozen=True)
class CallSheetResult:
    path: Path
    pages: int
    with_requests: int  # volunteers with at least one assigned request
    requests: int
    personal_data: bool  # names or phone numbers are printed
    personal_data_withheld: bool  # asked for, but the role may not read them: masked
    area: Optional[AdminAreaMatch]
    team_pages: int = 0  # with per_team: the pages of teams' sheets (the others are of volunteers in no team)

    def summary_lines(self) -> list[str]:
        lines = [
            translate(
                "CallSheets", "Wrote {0} call sheets ({1} volunteers with requests, {2} requests) to {3}."
            ).format(self.pages, self.with_requests, self.requests, str(self.path))
        ]
        if self.team_pages:
            lines.append(
                translate("CallSheets", "{0} pages of teams, {1} of volunteers in no team.").format(
                    self.team_pages, self.pages - self.team_pages
                )
            )
        if self.personal_data:
            lines.append(translate("CallSheets", "The sheets hold names and phone numbers: keep them safe."))
        elif self.personal_data_withheld:
            lines.append(
                translate(
                    "CallSheets", "Your role may not read names and phone numbers: they are masked on the sheets."
                )
            )
        else:
            lines.append(translate("CallSheets", "No names or phone numbers on the sheets."))
        return lines


def print_call_sheets(store: Store, params: CallSheetParams, progress: Optional[Progress] = None) -> CallSheetResult:
    """Write the call sheets (see the module docstring).

    ValueError (AreaError, PrintError among them) for an area that names nothing, a scope without
    volunteers, an output that cannot be written or a missing Thai font; Cancelled on a cancel (no file);
    StoreError when the store fails or the role may not read what a sheet needs."""
    progress = progress_of(progress)
    path = Path(params.path)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            area = resolve_any_area(conn, params.area) if (params.area or "").strip() else None
            conn.rollback()  # the sheets' snapshot starts its own transaction
            rows = read_call_sheets(
                conn,
                area_code=area.code if area else "",
                volunteer_ids=params.volunteer_ids,
                only_assigned=params.only_assigned and not params.per_team,  # a team's members all listed
                include_proposed=params.include_proposed,
                include_personal=params.include_personal,
            )
            amphoes = {v.amphoe_code for v in rows.volunteers} | {
                r.amphoe_code for v in rows.volunteers for r in v.requests
            }
            outlines = [Outline(*row) for row in read_outlines(conn, [a for a in amphoes if a])]
        finally:
            rollback_quietly(conn)
    pages = sheet_pages(rows, params.per_team, params.only_assigned)
    if not pages:
        where = describe_area(area) if area else translate("CallSheets", "the store")
        raise ValueError(
            translate(
                "CallSheets", "No volunteers in {0} that your role may see: there are no call sheets to print."
            ).format(where)
        )
    requests = sum(len(p.requests) for p in pages)
    progress.report(
        _READ,
        translate("CallSheets", "{0} volunteers, {1} assigned requests.").format(len(rows.volunteers), requests),
    )
    check_cancelled(progress)
    options = SheetOptions(
        printed_at=params.printed_at or dt.datetime.now(THAI_TIME),
        office=params.office,
        use_thai_digits=params.use_thai_digits,
    )
    try:
        printed = export_call_sheets(
            rows,
            outlines,
            path,
            options,
            on_progress=lambda f: progress.report(_READ + (1 - _READ) * f),
            is_cancelled=progress.is_cancelled,
            pages_to_print=pages,
            per_team=params.per_team,
        )
    except PrintCancelled:
        raise Cancelled(translate("CallSheets", "Cancelled; no file was written.")) from None
    progress.report(1.0)
    return CallSheetResult(
        path=path,
        pages=printed.pages,
        with_requests=sum(1 for p in pages for v in p.members if v.requests),
        requests=requests,
        personal_data=rows.volunteer_personal or rows.requester_personal,
        personal_data_withheld=rows.personal_withheld,
        area=area,
        team_pages=printed.team_pages,
    )
