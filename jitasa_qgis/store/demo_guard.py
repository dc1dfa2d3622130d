"""Does the store hold data that is not the demo's? The demo loader replaces demo requests and volunteers and
upserts hospitals by code, so it may only run on a store that is empty or holds nothing but demo data.

Requests and volunteers carry their source ('demo' for the demo's rows). Facilities have no source column:
the demo writes only hospitals with a MOPH code, so any facility without a code or of another kind counts as
not the demo's (a real MOPH hospital list imported by hand cannot be told apart from the demo's)."""

from __future__ import annotations

from dataclasses import dataclass

from ..definitions.i18n import translate
from .calls import fetch
from .connection import ConnectionSpec
from .demo_writer import DEMO_SOURCE
from .errors import StoreError


@dataclass(frozen=True)
class NonDemoRows:
    help_requests: int
    volunteers: int
    facilities: int

    def __bool__(self) -> bool:
        return bool(self.help_requests or self.volunteers or self.facilities)


class NonDemoDataError(StoreError):
    """The store holds data the demo loader must not touch; nothing was written."""


def non_demo_rows(conn) -> NonDemoRows:
    """Counts of rows that are not the demo's (read only; the caller's transaction is left open)."""
    rows = fetch(
        conn,
        """
        SELECT (SELECT count(*) FROM jitasa.help_request WHERE source <> %(src)s),
               (SELECT count(*) FROM jitasa.volunteer WHERE source <> %(src)s),
               (SELECT count(*) FROM jitasa.facility WHERE code IS NULL OR kind <> 'hospital')""",
        {"src": DEMO_SOURCE},
    )
    return NonDemoRows(*(int(n) for n in rows[0]))


def check_only_demo_data(spec: ConnectionSpec) -> None:
    """Raise NonDemoDataError naming what is there when the store holds non-demo rows."""
    conn = spec.connect()
    try:
        found = non_demo_rows(conn)
        conn.rollback()
    finally:
        conn.close()
    if found:
        raise NonDemoDataError(
            translate(
                "StoreErrors",
                "This store holds data that is not demo data: {0} help request(s), {1} volunteer(s) and {2} "
                "facilit(y/ies) not from the demo. Loading the demo replaces demo requests and volunteers and "
                "updates hospitals, so it runs only on an empty store or one holding demo data alone; nothing "
                "was written. Use another database for the demo.",
            ).format(found.help_requests, found.volunteers, found.facilities)
        )
