"""Import province, amphoe and tambon polygons (the workflow behind jitasa:importadminareas).

Read the tables (a layer handed over as a core Table, or a file: one layer or every polygon layer), turn rows
into areas with core.admin_import, then in ONE transaction: stage them, repair invalid shapes, create the
parents neither the files nor the store hold (dissolved from their children, named from the files' parent
columns), upsert by code (an unchanged area is not written), optionally remove the areas of the imported
provinces that the files do not hold and nothing lies in, and keep every reject in jitasa.import_reject.
Importing the same file again writes nothing (rejects already kept are not added again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import psycopg2

from ..core.admin_import import (
    FIELDS,
    LEVELS,
    AdminRecords,
    admin_records,
    parse_provinces,
    plan_parents,
    polygon_layers,
    province_codes_of,
)
from ..core.import_records import Reject, reject
from ..core.tabular import Table, read_table
from ..definitions.i18n import translate
from ..definitions.import_reasons import ImportReason, import_reason_text
from ..store import admin_import as store_admin
from ..store.calls import rollback_quietly, server_message
from ..store.errors import StoreError
from ..store.rejects import keep_rejects
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection

TARGET = "admin_area"
_READ, _PARSED, _STAGED, _WRITTEN = 0.2, 0.3, 0.5, 1.0
_LOGGED_REJECTS = 100  # a log line each; the rest are counted (all are kept in the store)


@dataclass(frozen=True)
class AdminImportParams:
    tables: tuple[Table, ...] = ()  # already read (a toolbox layer); or:
    path: Union[str, Path, None] = None  # a file: its `layer`, or every polygon layer when `layer` is empty
    layer: str = ""
    fields: tuple[tuple[str, str], ...] = ()  # our field → the file's column (core.admin_import.FIELDS)
    level: str = ""  # '' (from the code's length), or 'province' / 'amphoe' / 'tambon'
    provinces: str = ""  # codes or names, comma separated; '' for every province in the files
    remove_missing: bool = False  # remove areas of the imported provinces the files do not hold
    source: str = ""  # the rejects' source (default: the file's name)


@dataclass(frozen=True)
class LevelCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    repaired: int = 0
    created_parents: int = 0
    kept_in_use: int = 0
    removed: int = 0


@dataclass(frozen=True)
class AdminImportResult:
    source: str
    levels: dict[str, LevelCounts]  # per level in LEVELS
    rejects: tuple[Reject, ...]  # rows not taken, and areas kept because something lies in them
    new_rejects: int  # of those, how many the store had not kept before
    outside_filter: int  # rows of provinces the filter left out
    provinces: tuple[str, ...]  # the province codes imported
    mappings: tuple[dict, ...] = field(default_factory=tuple)

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.levels.values())

    def summary(self) -> dict:
        return {level: vars(counts).copy() for level, counts in self.levels.items()}

    def summary_lines(self) -> list[str]:
        """What happened, in words (translated), for a log."""
        names = {
            "province": translate("AdminImport", "Provinces"),
            "amphoe": translate("AdminImport", "Amphoe"),
            "tambon": translate("AdminImport", "Tambons"),
        }
        lines = []
        for level in LEVELS:
            c = self.levels[level]
            lines.append(
                translate(
                    "AdminImport",
                    "{0}: {1} new, {2} updated, {3} unchanged, {4} rejected, {5} repaired, "
                    "{6} created from their parts, {7} removed, {8} kept in use.",
                ).format(
                    names[level],
                    c.inserted,
                    c.updated,
                    c.unchanged,
                    c.rejected,
                    c.repaired,
                    c.created_parents,
                    c.removed,
                    c.kept_in_use,
                )
            )
        if self.outside_filter:
            lines.append(
                translate("AdminImport", "{0} rows of other provinces were left out.").format(self.outside_filter)
            )
        for r in self.rejects[:_LOGGED_REJECTS]:
            lines.append(
                translate("AdminImport", "{0}: {1}").format(r.record_key or "?", import_reason_text(r.reason, r.detail))
            )
        if len(self.rejects) > _LOGGED_REJECTS:
            lines.append(
                translate("AdminImport", "… and {0} more (all of them are in jitasa.import_reject).").format(
                    len(self.rejects) - _LOGGED_REJECTS
                )
            )
        if self.rejects:
            lines.append(
                translate("AdminImport", "{0} reject(s) kept in jitasa.import_reject ({1} new).").format(
                    len(self.rejects), self.new_rejects
                )
            )
        return lines


def import_admin_areas(
    store: Store, params: AdminImportParams, progress: Optional[Progress] = None
) -> AdminImportResult:
    """See the module docstring. Raises ValueError for a file, layer, field, level or province that names
    nothing (before anything is written), Cancelled on a cancel before the commit (nothing written),
    StoreError when the store refuses (rolled back)."""
    progress = progress_of(progress)
    if params.level and params.level not in LEVELS:
        raise ValueError(translate("AdminImport", "Unknown level: {0}").format(params.level))
    unknown = [key for key, _ in params.fields if key not in FIELDS]
    if unknown:
        raise ValueError(
            translate("AdminImport", "Unknown field(s) {0}; the fields are: {1}.").format(
                ", ".join(unknown), ", ".join(FIELDS)
            )
        )
    tables = _tables(params)
    source = params.source or (tables[0].name.split(":")[0] if tables else "")
    progress.report(_READ, translate("AdminImport", "Read {0} rows.").format(sum(len(t) for t in tables)))
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            with conn.cursor() as cur:
                provinces = _province_filter(cur, params.provinces, tables)
                records = admin_records(tables, dict(params.fields), params.level, provinces)
                progress.report(
                    _PARSED,
                    translate("AdminImport", "{0} areas to import, {1} rows rejected.").format(
                        len(records.areas), len(records.rejects)
                    ),
                )
                check_cancelled(progress)
                result = _write(cur, records, params, source, progress)
                check_cancelled(progress)
            conn.commit()
        except BaseException as exc:
            rollback_quietly(conn)
            if _is_psycopg_error(exc) and progress.is_cancelled():  # the cancel stopped a running statement
                raise Cancelled() from None
            if _is_psycopg_error(exc):
                raise StoreError(
                    translate("AdminImport", "Importing admin areas failed and nothing was written: {0}").format(
                        server_message(exc)
                    )
                ) from None
            raise
    progress.report(_WRITTEN)
    return result


def _tables(params: AdminImportParams) -> list[Table]:
    if params.tables:
        return list(params.tables)
    if params.path is None:
        raise ValueError(translate("AdminImport", "Give a layer or a file of admin areas."))
    if params.layer:
        return [read_table(params.path, params.layer)]
    layers = polygon_layers(params.path)
    if not layers:  # one layer of mixed or unknown geometry type (GeoJSON), or not a file of layers at all
        return [read_table(params.path)]
    return [read_table(params.path, name) for name in layers]


def _province_filter(cur, text: str, tables: list[Table]) -> list[str]:
    tokens = parse_provinces(text)
    if not tokens:
        return []
    known: dict[str, set] = {code: set(names) for code, names in store_admin.stored_province_names(cur).items()}
    everything = admin_records(tables)  # the files' own province names, whatever the filter
    for area in everything.areas:
        if area.level == "province":
            known.setdefault(area.code, set()).update({area.name_th, area.name_en})
    for code, names in everything.parent_names.items():
        if len(code) == 2:
            known.setdefault(code, set()).update({names.name_th, names.name_en})
    codes, unknown = province_codes_of(tokens, known)
    if unknown:
        raise ValueError(
            translate("AdminImport", "No province {0} in the files or the store.").format(", ".join(unknown))
        )
    return codes


def _write(cur, records: AdminRecords, params: AdminImportParams, source: str, progress: Progress) -> AdminImportResult:
    rejects = list(records.rejects)
    rejected = {level: 0 for level in LEVELS}
    for level in records.reject_levels:
        rejected[level] += 1
    areas = records.areas
    store_admin.stage_areas(cur, areas)
    repaired, emptied = store_admin.repair_staged(cur)
    by_code = {a.code: a for a in areas}
    for code in emptied:
        area = by_code[code]
        rejects.append(
            reject(area.row, ImportReason.BAD_GEOMETRY, area.raw, problem="nothing polygonal remains after repair")
        )
        rejected[area.level] += 1
    kept = [a for a in areas if a.code not in set(emptied)]
    to_create, refused = plan_parents(kept, store_admin.stored_codes(cur), records.parent_names)
    if refused:
        store_admin.drop_staged(cur, [a.code for a, _ in refused])
        for area, missing in refused:
            rejects.append(reject(area.row, ImportReason.UNKNOWN_PARENT, area.raw, code=missing))
            rejected[area.level] += 1
    created = store_admin.create_parents(cur, to_create)
    staged = store_admin.staged_counts(cur)
    progress.report(_STAGED, translate("AdminImport", "Staged; writing the areas."))
    check_cancelled(progress)
    written = store_admin.upsert_staged(cur)
    removed: dict[str, int] = {}
    in_use: list = []
    holds = store_admin.staged_codes(cur)
    imported = sorted({code[:2] for code in holds})
    if params.remove_missing:
        # the files hold an area's parents too, even when only the store has them (a tambon layer alone)
        ancestors = {code[:n] for code in holds for n in (2, 4) if n < len(code)}
        removed, in_use = store_admin.remove_missing(cur, imported, set(holds) | ancestors)
        for area in in_use:
            rejects.append(
                reject(
                    area.code,
                    ImportReason.AREA_IN_USE,
                    {"code": area.code, "level": area.level, "name_th": area.name_th},
                    code=area.code,
                    requests=area.requests,
                    volunteers=area.volunteers,
                    facilities=area.facilities,
                )
            )
    new_rejects = keep_rejects(cur, TARGET, source, rejects)
    repaired_by_level = {level: sum(1 for c in repaired if by_code[c].level == level) for level in LEVELS}
    levels = {}
    for level in LEVELS:
        from_files, _ = staged.get(level, (0, 0))
        made = created.get(level, 0)
        w = written[level]
        levels[level] = LevelCounts(
            inserted=w.inserted - made,
            updated=w.updated,
            unchanged=from_files - (w.inserted - made) - w.updated,
            rejected=rejected[level],
            repaired=repaired_by_level[level],
            created_parents=made,
            kept_in_use=sum(1 for a in in_use if a.level == level),
            removed=removed.get(level, 0),
        )
    return AdminImportResult(
        source=source,
        levels=levels,
        rejects=tuple(rejects),
        new_rejects=new_rejects,
        outside_filter=records.outside_filter,
        provinces=tuple(imported),
        mappings=tuple(records.mappings),
    )


def _is_psycopg_error(exc: BaseException) -> bool:
    return isinstance(exc, psycopg2.Error)
