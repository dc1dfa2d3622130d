"""How long a help request has waited, in words the officer reads at a glance: "waiting 2 h 15 min".

Pure: no widgets; translate() works without a QApplication (it returns the English text then).
"""

from __future__ import annotations

import math

from ..definitions.i18n import translate

_MINUTE = 60
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR


def format_waiting(seconds: float | None) -> str:
    """The waiting time rounded down to minutes; days and hours beyond 24 h. "" when unknown."""
    if seconds is None or (isinstance(seconds, float) and math.isnan(seconds)):
        return ""
    total = max(int(seconds), 0)  # a clock a little ahead of the server's is not negative waiting
    days, rest = divmod(total, _DAY)
    hours, rest = divmod(rest, _HOUR)
    minutes = rest // _MINUTE
    if days:
        return translate("Waiting", "waiting {d} d {h} h").format(d=days, h=hours)
    if hours:
        return translate("Waiting", "waiting {h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return translate("Waiting", "waiting {m} min").format(m=minutes)
    return translate("Waiting", "waiting under 1 min")
