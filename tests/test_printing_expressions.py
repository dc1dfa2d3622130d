"""printing.expressions: jitasa_thai_date registered and removed, its values in expressions, and usable in
a layout label and a map label's expression."""

from __future__ import annotations

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsFeature, QgsFields

from jitasa_qgis.definitions import settings
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
    value, error = _value("jitasa_thai_date(make_date(2026,12,1), 'long', true, true, 5)")
    assert value is None and error


def test_usable_with_fields_and_variables_as_in_a_label(registered):
    context = QgsExpressionContext()
    scope = QgsExpressionContextUtils.globalScope()
    scope.setVariable("jitasa_thai_digits", False)
    context.appendScope(scope)
    feature = QgsFeature(QgsFields())
    context.setFeature(feature)
    expression = QgsExpression("'ข้อมูล ณ ' || jitasa_thai_date(make_date(2026,1,15), 'short', @jitasa_thai_digits)")
    assert expression.evaluate(context) == "ข้อมูล ณ 15 ม.ค. 2569"
