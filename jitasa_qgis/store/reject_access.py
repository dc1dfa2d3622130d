"""What the logged-in role may see of the rejected records (jitasa.import_reject): the list (reason, record
key, when) and the raw record, which may hold personal data. Asked of the server (has_*_privilege follows
role membership and SET ROLE), so the dock never guesses from a role's name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RejectAccess:
    can_list: bool  # SELECT on the rejects at all (officers and admins today)
    can_read_raw: bool  # the raw record too


def reject_access(conn) -> RejectAccess:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT has_table_privilege('jitasa.import_reject', 'SELECT'), "
            "has_column_privilege('jitasa.import_reject', 'raw', 'SELECT')"
        )
        can_list, can_read_raw = cur.fetchone()
    return RejectAccess(can_list=bool(can_list), can_read_raw=bool(can_list and can_read_raw))
