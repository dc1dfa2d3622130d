"""Import help requests from a file (the workflow behind jitasa:importrequests): a hotline's CSV, XLSX or
GeoJSON → records with the feed's checks (core.request_records) → one transaction through the feed's upsert
(store.request_feed.write_page), with the rows it could not take kept in jitasa.import_reject.

Importing the same file again changes nothing and writes no audit rows (each row comes back unchanged).
A cancel is honoured before the write.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import psycopg2

from ..core.field_mapping import guess_mapping, mapping_text, parse_mapping
from ..core.import_records import Reject
from ..core.request_records import TABLE_FIELDS, TABLE_SYNONYMS, records_from_table
from ..core.tabular import read_table
from ..definitions.feed_outcomes import outcome_label
from ..definitions.i18n import translate
from ..definitions.import_reasons import import_reason_text
from ..store.calls import server_message
from ..store.errors import StoreError
from ..store.migrations import check_schema_current
from ..store.request_feed import COUNT_KEYS, feed_state, write_page
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection

PathLike = Union[str, Path]
_READ_DONE, _CHECKED = 0.2, 0.4


@dataclass(frozen=True)
class RequestImportParams:
    path: PathLike  # .csv / .xlsx / .geojson or any OGR file
    layer: Optional[str] = None  # the sheet or OGR layer; None: the first
    source: Optional[str] = None  # with each row's id, the key; None: the file's name without extension
    mapping: str = ""  # 'field=column; ...' (fields: core.request_records.TABLE_FIELDS); guesses fill the rest


@dataclass(frozen=True)
class RequestImportResult:
    table_name: str
    source: str
    rows: int  # rows read
    counts: dict  # outcome -> records (store.request_feed.COUNT_KEYS)
    rejects: list[Reject]
    mapping: dict[str, str]  # our field -> the file's column, as used

    @property
    def mapping_text(self) -> str:
        return mapping_text(self.mapping)

    def summary_lines(self) -> list[str]:
        """What happened, in words (translated), for a log."""
        lines = [
            translate("RequestImport", "{0}: {1} rows read with the mapping {2}; source '{3}'.").format(
                self.table_name, self.rows, self.mapping_text, self.source
            ),
            translate("RequestImport", "Requests: {0}.").format(
                ", ".join(
                    f"{outcome_label(k)} {self.counts.get(k, 0)}"
                    for k in COUNT_KEYS
                    if k not in ("rejects_new",) and (self.counts.get(k) or k in ("new", "updated", "rejected"))
                )
            ),
        ]
        for text, count in Counter(import_reason_text(r.reason, r.detail) for r in self.rejects).most_common():
            lines.append(translate("RequestImport", "Rejected: {0} — {1}").format(count, text))
        if self.rejects:
            lines.append(
                translate("RequestImport", "{0} of the rejected rows were new in the rejects table.").format(
                    self.counts.get("rejects_new", 0)
                )
            )
        return lines


def import_requests(
    store: Store, params: RequestImportParams, progress: Optional[Progress] = None
) -> RequestImportResult:
    """Read, check, then write everything in one transaction (see the module docstring).

    Raises ValueError (TableError among them) for a file that cannot be read, a mapping that names nothing or
    a file with no column for the category or the location, before anything is written; Cancelled when
    cancelled before the write; StoreError when the schema is not current or the write fails (rolled back)."""
    progress = progress_of(progress)
    table = read_table(params.path, params.layer)
    progress.report(_READ_DONE, translate("RequestImport", "{0}: {1} rows read.").format(table.name, len(table)))
    mapping = guess_mapping(table.headers, TABLE_SYNONYMS, parse_mapping(params.mapping, TABLE_FIELDS))
    if "category" not in mapping:
        raise ValueError(
            translate(
                "RequestImport", "{0} has no column for the category (give category=column). Its columns: {1}."
            ).format(table.name, ", ".join(table.headers))
        )
    if not ({"lon", "lat"} <= set(mapping) or "tambon" in mapping or table.geometries is not None):
        raise ValueError(
            translate(
                "RequestImport",
                "{0} has no location: give lon=column and lat=column, or tambon=column. Its columns: {1}.",
            ).format(table.name, ", ".join(table.headers))
        )
    source = (params.source or "").strip() or Path(params.path).stem
    records, rejects = records_from_table(table, mapping)
    progress.report(
        _CHECKED,
        translate("RequestImport", "{0} requests to write, {1} rows rejected.").format(len(records), len(rejects)),
    )
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            check_schema_current(conn)
            if feed_state(conn, source) is not None:  # the feed's own rows: a file must not overwrite them
                raise ValueError(
                    translate(
                        "RequestImport",
                        "'{0}' is the name of a registered feed; give the file's requests a source of their own "
                        "(the SOURCE parameter). Nothing was written.",
                    ).format(source)
                )
            check_cancelled(progress)
            result = write_page(conn, source, records, rejects)
        except psycopg2.Error as exc:
            if progress.is_cancelled():  # the cancel stopped the running statement
                raise Cancelled() from None
            raise StoreError(
                translate("RequestImport", "Importing requests failed and nothing was written: {0}").format(
                    server_message(exc)
                )
            ) from None
    progress.report(1.0)
    return RequestImportResult(
        table_name=table.name,
        source=source,
        rows=len(table),
        counts=dict(result.counts),
        rejects=list(result.rejects),
        mapping=mapping,
    )
