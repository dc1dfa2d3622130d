"""The expression function `jitasa_thai_date(datetime [, style [, thai_digits [, with_time]]])`.

Usable in any expression: layout labels (`[% jitasa_thai_date(now(), 'long', true, true) %]`), map labels,
field calculator. style is 'long' ("๑ ธันวาคม ๒๕๖๙") or 'short' ("1 ธ.ค. 2569"); thai_digits defaults to
the print setting (definitions.settings KEY_PRINT_THAI_DIGITS); with_time defaults to false.

The plugin registers it in initGui and removes it on unload. A headless print (Processing without the
plugin) registers it for the export and removes it again (`thai_date_function()`), so the templates' dates
work in both.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Iterator, Optional

from qgis.core import QgsExpression
from qgis.core.additions.qgsfunction import register_function
from qgis.PyQt.QtCore import QDate, QDateTime

from ..core.thai_dates import STYLES, thai_date
from ..definitions import settings
from ..definitions.i18n import translate

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


def _flag(value, default: bool) -> bool:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "t")
    return bool(value)


def jitasa_thai_date(values, feature, parent):
    """Buddhist-Era date: jitasa_thai_date(datetime, 'long'|'short', thai_digits, with_time)."""
    if not values or len(values) > 4:
        raise ValueError(translate("PrintExpressions", "jitasa_thai_date takes 1 to 4 arguments."))
    moment = _as_python(values[0])
    if moment is None:
        return None
    style = str(values[1]).strip().lower() if len(values) > 1 and values[1] not in (None, "") else "long"
    if style not in STYLES:
        raise ValueError(translate("PrintExpressions", "The style must be 'long' or 'short'."))
    digits = _flag(values[2] if len(values) > 2 else None, bool(settings.get(settings.KEY_PRINT_THAI_DIGITS)))
    with_time = _flag(values[3] if len(values) > 3 else None, False)
    return thai_date(moment, style, use_thai_digits=digits, with_time=with_time)


_HELP = (
    "<p>A date in the Thai Buddhist Era.</p>"
    "<p><code>jitasa_thai_date(datetime, style, thai_digits, with_time)</code>: style 'long' "
    "(๑ ธันวาคม ๒๕๖๙) or 'short' (1 ธ.ค. 2569); thai_digits true for Thai digits (default: the Jitasa "
    "print setting); with_time true to add the time (เวลา ๑๔.๓๐ น.).</p>"
    "<p>Example: <code>jitasa_thai_date(now(), 'short', false)</code> → 1 ธ.ค. 2569</p>"
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
