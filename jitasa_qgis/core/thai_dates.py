"""Dates in the Thai Buddhist Era, as printed on maps and reports: long ("๑ ธันวาคม ๒๕๖๙") or short
("1 ธ.ค. 2569"), in Thai or Arabic digits, optionally with the time ("เวลา ๑๔.๓๐ น.").

Pure: the month names are Thai whatever the UI language, since the printed date is a Thai date (the
Buddhist Era is year + 543, the same day and month as the Gregorian calendar since 1941).
"""

from __future__ import annotations

import datetime as dt
from typing import Union

BE_OFFSET = 543
LONG, SHORT = "long", "short"
STYLES = (LONG, SHORT)

MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

DateLike = Union[dt.date, dt.datetime]


def buddhist_year(value: DateLike) -> int:
    return value.year + BE_OFFSET


def thai_digits(text: str) -> str:
    """Arabic digits in `text` as Thai digits (everything else unchanged)."""
    return text.translate(_THAI_DIGITS)


def thai_date(value: DateLike, style: str = LONG, use_thai_digits: bool = False, with_time: bool = False) -> str:
    """The date (and, with `with_time`, the time of a datetime) in the Buddhist Era.

    long: "1 ธันวาคม 2569"; short: "1 ธ.ค. 2569"; the time: "เวลา 14.30 น." (the Thai way of writing it).
    Raises ValueError for an unknown style."""
    if style not in STYLES:
        raise ValueError(f"unknown Thai date style {style!r}: use one of {STYLES}")
    months = MONTHS_LONG if style == LONG else MONTHS_SHORT
    text = f"{value.day} {months[value.month - 1]} {buddhist_year(value)}"
    if with_time and isinstance(value, dt.datetime):
        text += f" เวลา {value.hour:02d}.{value.minute:02d} น."
    return thai_digits(text) if use_thai_digits else text
