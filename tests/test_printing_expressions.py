"""printing.expressions: jitasa_thai_date registered and removed, its values in expressions, and usable in
a layout label and a map label's expression."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsFeature, QgsFields
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from jitasa_qgis.core.thai_dates import SHORT, thai_date
from jitasa_qgis.definitions import settings
from jitasa_qgis.definitions.thai_time import THAI_TIME
from jitasa_qgis.printing import expressions


@pytest.fixture
def registered(qgis_app):
    assert expressions.register()
    yield
    expressions.unregister()


def _value(text: str):
    expression = QgsExpression(text)
    value = expression.evaluate(QgsExpressionContext())
    return value, expression.evalErrorString()


def test_register_and_unregister(qgis_app):
    assert not expressions.is_registered()
    assert expressions.register()
    assert expressions.register()  # a second call keeps the one function
    assert QgsExpression.isFunctionName("jitasa_thai_date")
    expressions.unregister()
    assert not expressions.is_registered()
    with expressions.thai_date_function():
        assert expressions.is_registered()
    assert not expressions.is_registered()


def test_values_across_the_year_and_on_29_february(registered):
    assert _value("jitasa_thai_date(make_date(2026,12,1), 'long', true)") == ("๑ ธันวาคม ๒๕๖๙", "")
    assert _value("jitasa_thai_date(make_date(2026,12,1), 'short', false)") == ("1 ธ.ค. 2569", "")
    assert _value("jitasa_thai_date(make_datetime(2026,12,31,23,59,0), 'short', false, true)") == (
        "31 ธ.ค. 2569 เวลา 23.59 น.",
        "",
    )
    assert _value("jitasa_thai_date(make_date(2027,1,1), 'short', false)") == ("1 ม.ค. 2570", "")
    assert _value("jitasa_thai_date(make_date(2024,2,29), 'long', false)") == ("29 กุมภาพันธ์ 2567", "")
    assert _value("jitasa_thai_date('2024-02-29T08:05:00', 'short', true, true)") == (
        "๒๙ ก.พ. ๒๕๖๗ เวลา ๐๘.๐๕ น.",
        "",
    )
    assert _value("jitasa_thai_date(NULL)") == (None, "")


def test_digits_default_to_the_print_setting(registered):
    before = settings.get(settings.KEY_PRINT_THAI_DIGITS)
    try:
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, False)
        assert _value("jitasa_thai_date(make_date(2026,12,1))")[0] == "1 ธันวาคม 2569"
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, True)
        assert _value("jitasa_thai_date(make_date(2026,12,1))")[0] == "๑ ธันวาคม ๒๕๖๙"
    finally:
        settings.set_value(settings.KEY_PRINT_THAI_DIGITS, before)


def test_bad_arguments_are_evaluation_errors(registered):
    value, error = _value("jitasa_thai_date(make_date(2026,12,1), 'medium')")
    assert value is None and "long" in error
    value, error = _value("jitasa_thai_date(make_date(2026,12,1), 'long', true, true, 'Asia/Bangkok', 5)")
    assert value is None and error
    value, error = _value("jitasa_thai_date(now(), 'long', true, true, 'Mars/Olympus')")
    assert value is None and "Mars/Olympus" in error


def test_usable_with_fields_and_variables_as_in_a_label(registered):
    context = QgsExpressionContext()
    scope = QgsExpressionContextUtils.globalScope()
    scope.setVariable("jitasa_thai_digits", False)
    context.appendScope(scope)
    feature = QgsFeature(QgsFields())
    context.setFeature(feature)
    expression = QgsExpression("'ข้อมูล ณ ' || jitasa_thai_date(make_date(2026,1,15), 'short', @jitasa_thai_digits)")
    assert expression.evaluate(context) == "ข้อมูล ณ 15 ม.ค. 2569"


def test_a_time_zone_gives_the_time_there_across_the_year_boundary(registered):
    # 17.30 UTC on New Year's Eve is half past midnight on New Year's Day in Thailand
    assert _value("jitasa_thai_date('2026-12-31T17:30:00+00:00', 'long', false, true, 'Asia/Bangkok')") == (
        "1 มกราคม 2570 เวลา 00.30 น.",
        "",
    )
    assert _value("jitasa_thai_date('2026-12-31T17:30:00+00:00', 'short', false, true, 'Europe/London')") == (
        "31 ธ.ค. 2569 เวลา 17.30 น.",
        "",
    )
    utc = QDateTime(QDate(2024, 2, 28), QTime(18, 5), Qt.UTC)  # a QDateTime in UTC: the instant counts
    assert expressions.jitasa_thai_date([utc, "short", False, True, "Asia/Bangkok"], None, None) == (
        "29 ก.พ. 2567 เวลา 01.05 น."
    )
    assert _value("jitasa_thai_date(make_date(2026,12,1), 'short', false, false, 'Asia/Bangkok')") == (
        "1 ธ.ค. 2569",  # a date has no time to move
        "",
    )


def test_now_in_thai_time_whatever_the_machine_clock_says(registered):
    before = dt.datetime.now(THAI_TIME)
    value, error = _value("jitasa_thai_date(now(), 'short', false, true, 'Asia/Bangkok')")
    after = dt.datetime.now(THAI_TIME)
    assert error == ""
    assert value in {thai_date(moment, SHORT, False, with_time=True) for moment in (before, after)}
