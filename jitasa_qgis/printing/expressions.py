"""The expression function `jitasa_thai_date(datetime [, style [, thai_digits [, with_time [, time_zone]]]])`.

Usable in any expression: layout labels (`[% jitasa_thai_date(now(), 'long', true, true) %]`), map labels,
field calculator. style is 'long' ("๑ ธันวาคม ๒๕๖๙") or 'short' ("1 ธ.ค. 2569"); thai_digits defaults to
the print setting (definitions.settings KEY_PRINT_THAI_DIGITS); with_time defaults to false. time_zone (an
IANA name, 'Asia/Bangkok') gives the moment in that zone's time; without it a date-time is printed as it is
(QGIS's now() is the machine's time). The templates give Thai time, so a machine on UTC prints the date an
office in Thailand would.

The plugin registers it in initGui and removes it on unload. A headless print (Processing without the
plugin) registers it for the export and removes it again (`thai_date_function()`), so the templates' dates
work in both.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from contextlib import contextmanager
from typing import Iterator, Optional

from qgis.core import QgsExpression
from qgis.core.additions.qgsfunction import register_function
from qgis.PyQt.QtCore import QDate, QDateTime

from ..core.thai_dates import STYLES, thai_date
from ..definitions import settings
from ..definitions.i18n import translate
from ..definitions.thai_time import THAI_TIME, THAI_TIME_ZONE

FUNCTION_NAME = "jitasa_thai_date"
GROUP = "Jitasa"
_registered: Optional[object] = None  # the QgsExpressionFunction we registered (Python must keep it alive)


def _as_python(value):
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str) and value.strip():
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return None


def _in_zone(value, moment, name):
    """The moment as the time in the zone named (a date stays as it is). A naive datetime is the machine's
    time, as QGIS's own."""
    if not isinstance(moment, dt.datetime):
        return moment
    zone = _zone(name)
    if isinstance(value, QDateTime):  # whatever its time spec: the instant it stands for
        return dt.datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, zone)
    return moment.astimezone(zone)


def _zone(name: str) -> dt.tzinfo:
    if name == THAI_TIME_ZONE:  # exact (no daylight saving), and needs no time zone database
        return THAI_TIME
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(translate("PrintExpressions", "Unknown time zone: {0}").format(name)) from None


def _flag(value, default: bool) -> bool:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "t")
    return bool(value)


def jitasa_thai_date(values, feature, parent):
    """Buddhist-Era date: jitasa_thai_date(datetime, 'long'|'short', thai_digits, with_time, time_zone)."""
    if not values or len(values) > 5:
        raise ValueError(translate("PrintExpressions", "jitasa_thai_date takes 1 to 5 arguments."))
    moment = _as_python(values[0])
    if moment is None:
        return None
    style = str(values[1]).strip().lower() if len(values) > 1 and values[1] not in (None, "") else "long"
    if style not in STYLES:
        raise ValueError(translate("PrintExpressions", "The style must be 'long' or 'short'."))
    digits = _flag(values[2] if len(values) > 2 else None, bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)))
    with_time = _flag(values[3] if len(values) > 3 else None, False)
    zone = values[4] if len(values) > 4 else None
    if zone is not None and not (hasattr(zone, "isNull") and zone.isNull()) and str(zone).strip():
        moment = _in_zone(values[0], moment, str(zone).strip())
    return thai_date(moment, style, use_thai_digits=digits, with_time=with_time)


_HELP = (
    "<p>A date in the Thai Buddhist Era.</p>"
    "<p><code>jitasa_thai_date(datetime, style, thai_digits, with_time, time_zone)</code>: style 'long' "
    "(๑ ธันวาคม ๒๕๖๙) or 'short' (1 ธ.ค. 2569); thai_digits true for Thai digits (default: the Jitasa "
    "print setting); with_time true to add the time (เวลา ๑๔.๓๐ น.); time_zone, such as 'Asia/Bangkok', "
    "for the time there (default: the date-time as given).</p>"
    "<p>Example: <code>jitasa_thai_date(now(), 'short', false)</code> → 1 ธ.ค. 2569; "
    "<code>jitasa_thai_date(now(), 'long', true, true, 'Asia/Bangkok')</code> → ๑ ธันวาคม ๒๕๖๙ เวลา ๑๔.๓๐ น.</p>"
)


def register() -> bool:
    """Register the function (replacing an older copy of ours). True when it is registered now."""
    global _registered
    if _registered is not None and QgsExpression.isFunctionName(FUNCTION_NAME):
        return True
    if QgsExpression.isFunctionName(FUNCTION_NAME):
        QgsExpression.unregisterFunction(FUNCTION_NAME)
    function = register_function(
        jitasa_thai_date,
        -1,
        GROUP,
        usesgeometry=False,
        referenced_columns=[],
        handlesnull=True,
        register=False,
        name=FUNCTION_NAME,
        helpText=_HELP,
    )
    if not QgsExpression.registerFunction(function):
        return False
    _registered = function
    return True


def unregister() -> None:
    """Remove the function if we registered it."""
    global _registered
    if _registered is not None:
        QgsExpression.unregisterFunction(FUNCTION_NAME)
        _registered = None


def is_registered() -> bool:
    return QgsExpression.isFunctionName(FUNCTION_NAME)


@contextmanager
def thai_date_function() -> Iterator[None]:
    """The function registered for the body; removed afterwards only if it was not registered before."""
    already = is_registered()
    if not already:
        register()
    try:
        yield
    finally:
        if not already:
            unregister()
