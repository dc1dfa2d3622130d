"""core.thai_dates: Buddhist-Era dates, long and short, Thai or Arabic digits, with the time."""

from __future__ import annotations

import datetime as dt

import pytest

from jitasa_qgis.core.thai_dates import buddhist_year, thai_date, thai_digits


def test_long_and_short_in_thai_and_arabic_digits():
    day = dt.date(2026, 12, 1)
    assert thai_date(day, "long", use_thai_digits=True) == "๑ ธันวาคม ๒๕๖๙"
    assert thai_date(day, "short") == "1 ธ.ค. 2569"
    assert thai_date(day, "long") == "1 ธันวาคม 2569"
    assert thai_date(day, "short", use_thai_digits=True) == "๑ ธ.ค. ๒๕๖๙"


def test_year_boundary_changes_the_buddhist_year_at_midnight_of_1_january():
    assert thai_date(dt.datetime(2026, 12, 31, 23, 59), "short", with_time=True) == "31 ธ.ค. 2569 เวลา 23.59 น."
    assert thai_date(dt.datetime(2027, 1, 1, 0, 0), "short", with_time=True) == "1 ม.ค. 2570 เวลา 00.00 น."
    assert buddhist_year(dt.date(2026, 12, 31)) == 2569 and buddhist_year(dt.date(2027, 1, 1)) == 2570


def test_29_february():
    assert thai_date(dt.date(2024, 2, 29), "long") == "29 กุมภาพันธ์ 2567"
    assert thai_date(dt.date(2024, 2, 29), "short", use_thai_digits=True) == "๒๙ ก.พ. ๒๕๖๗"


def test_time_only_for_datetimes_and_in_thai_digits():
    moment = dt.datetime(2026, 12, 1, 14, 5)
    assert thai_date(moment, "long", use_thai_digits=True, with_time=True) == "๑ ธันวาคม ๒๕๖๙ เวลา ๑๔.๐๕ น."
    assert thai_date(moment, "long") == "1 ธันวาคม 2569"
    assert thai_date(dt.date(2026, 12, 1), "long", with_time=True) == "1 ธันวาคม 2569"


def test_every_month_has_its_names():
    longs = {thai_date(dt.date(2026, m, 1), "long").split()[1] for m in range(1, 13)}
    shorts = {thai_date(dt.date(2026, m, 1), "short").split()[1] for m in range(1, 13)}
    assert len(longs) == 12 and len(shorts) == 12
    assert thai_date(dt.date(2026, 5, 15), "short") == "15 พ.ค. 2569"


def test_digits_and_bad_style():
    assert thai_digits("A0123456789") == "A๐๑๒๓๔๕๖๗๘๙"
    with pytest.raises(ValueError):
        thai_date(dt.date(2026, 1, 1), "medium")
