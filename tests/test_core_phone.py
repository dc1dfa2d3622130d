"""core.phone: Thai phone numbers in any common form become one national digits-only form, or None."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jitasa_qgis.core.phone import LANDLINE, MOBILE, ascii_digits, normalise_phone

NATIONAL = re.compile(r"0[689]\d{8}|0[2-57]\d{7}")


@pytest.mark.parametrize(
    "text, number, kind",
    [
        ("0812345678", "0812345678", MOBILE),
        ("081-234-5678", "0812345678", MOBILE),
        ("081 234 5678", "0812345678", MOBILE),
        ("081.234.5678", "0812345678", MOBILE),
        ("(081) 234-5678", "0812345678", MOBILE),
        ("+66 81 234 5678", "0812345678", MOBILE),
        ("+66-81-234-5678", "0812345678", MOBILE),
        ("+66 (0) 81 234 5678", "0812345678", MOBILE),
        ("66812345678", "0812345678", MOBILE),
        ("0066 81 234 5678", "0812345678", MOBILE),
        ("812345678", "0812345678", MOBILE),  # a numeric spreadsheet cell lost the 0
        ("812345678.0", "0812345678", MOBILE),
        ("๐๘๑-๒๓๔-๕๖๗๘", "0812345678", MOBILE),
        ("０８１２３４５６７８", "0812345678", MOBILE),
        ("โทร. 089-876-5432", "0898765432", MOBILE),
        ("061 234 5678", "0612345678", MOBILE),
        ("02-123-4567", "021234567", LANDLINE),
        ("0 2123 4567", "021234567", LANDLINE),
        ("+66 2 123 4567", "021234567", LANDLINE),
        ("056-123-456", "056123456", LANDLINE),
        ("053 123456", "053123456", LANDLINE),
        ("076-123-456", "076123456", LANDLINE),
    ],
)
def test_common_forms_become_one(text, number, kind):
    phone = normalise_phone(text)
    assert phone is not None and (phone.number, phone.kind) == (number, kind)
    assert phone.extension is None and phone.others == ()


@pytest.mark.parametrize(
    "text, ext",
    [("02-123-4567 ต่อ 12", "12"), ("02 123 4567 ext. 305", "305"), ("021234567#12", "12"), ("056-123-456 x 7", "7")],
)
def test_an_extension_is_dropped_and_said(text, ext):
    phone = normalise_phone(text)
    assert phone is not None and phone.extension == ext and NATIONAL.fullmatch(phone.number)


@pytest.mark.parametrize(
    "text, other",
    [
        ("081-234-5678, 089-876-5432", "089-876-5432"),
        ("081-234-5678 / 02-123-4567", "02-123-4567"),
        ("0812345678;0898765432", "0898765432"),
        ("081-234-5678 หรือ 089-876-5432", "089-876-5432"),
        ("081 234 5678 089 876 5432", "089 876 5432"),
    ],
)
def test_two_numbers_in_one_cell_give_the_first_and_say_so(text, other):
    phone = normalise_phone(text)
    assert phone is not None and phone.number == "0812345678" and phone.others == (other,)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "-",
        "ไม่มี",
        "1669",  # a hotline, not a person's number
        "12345",
        "081234567",  # nine digits starting 08: a mobile with a digit missing
        "08123456789",  # eleven
        "0112345678",  # 01 is no longer a prefix
        "+1 555 123 4567",  # foreign
        "081-234-567a",
        "8.12345678E+08",  # a spreadsheet's scientific form: digits lost
        "call me",
    ],
)
def test_anything_else_is_none(text):
    assert normalise_phone(text) is None


def test_thai_digits_become_ascii():
    assert ascii_digits("หมู่ ๑๒") == "หมู่ 12"


# --- properties -------------------------------------------------------------------------------------------

mobiles = st.builds(
    lambda p, rest: f"0{p}{rest}", st.sampled_from("689"), st.text("0123456789", min_size=8, max_size=8)
)
landlines = st.one_of(
    st.builds(lambda rest: f"02{rest}", st.text("0123456789", min_size=7, max_size=7)),
    st.builds(lambda a, rest: f"0{a}{rest}", st.sampled_from("3457"), st.text("0123456789", min_size=7, max_size=7)),
)
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@st.composite
def written(draw, number_strategy):
    """A national number and how a roster might write it."""
    number = draw(number_strategy)
    digits = number
    prefix = draw(st.sampled_from(["", "", "+66", "+66 ", "66", "0066 ", "+66 (0)"]))
    if prefix:
        digits = number[1:]
    cut = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=3)))
    sep = draw(st.sampled_from(["", " ", "-", ".", " - "]))
    pieces = [digits[i:j] for i, j in zip([0, *cut], [*cut, len(digits)])]
    text = prefix + sep.join(pieces)
    if draw(st.booleans()):
        text = text.translate(THAI_DIGITS)
    return number, text


@given(written(st.one_of(mobiles, landlines)))
def test_any_written_form_gives_the_national_number(case):
    number, text = case
    phone = normalise_phone(text)
    assert phone is not None and phone.number == number, text


@given(st.text(max_size=40))
def test_any_text_is_a_national_number_or_none(text):
    phone = normalise_phone(text)
    if phone is not None:
        assert NATIONAL.fullmatch(phone.number)
        assert phone.kind == (MOBILE if len(phone.number) == 10 else LANDLINE)
        again = normalise_phone(phone.number)  # the one form is a fixed point
        assert again is not None and again.number == phone.number


@given(mobiles)
def test_a_mobile_without_its_zero_is_restored(number):
    assert normalise_phone(number[1:]).number == number
