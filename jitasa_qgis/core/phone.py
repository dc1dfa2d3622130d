"""Thai phone numbers, as rosters write them, in one form: digits only, national, with the leading 0.

"081-234-5678", "+66 81 234 5678", "(0)81.234.5678", "๐๘๑๒๓๔๕๖๗๘" and a mobile that lost its 0 in a numeric
spreadsheet cell ("812345678") all become "0812345678"; "02-123-4567" becomes "021234567" (Bangkok) and
"056 123 456" becomes "056123456" (a provincial landline). An extension ("ต่อ 12", "ext. 12", "#12") is dropped
and returned on its own; a cell with two numbers ("081-234-5678, 089-…") gives the first and says there were
others. Anything else is None: the caller rejects it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

MOBILE = "mobile"
LANDLINE = "landline"

# National forms: 10-digit mobiles 06/08/09; 9-digit landlines 02 (Bangkok) and 03, 04, 05, 07 (provinces).
_MOBILE_RE = re.compile(r"0[689]\d{8}")
_LANDLINE_RE = re.compile(r"0[2-57]\d{7}")
# Between two numbers in one cell.
_SEPARATORS = re.compile(r"[,;/|\n\r]+|\s+(?:หรือ|และ|or|and)\s+|\s{3,}", re.IGNORECASE)
# A label before the number ("โทร. 081…", "Tel: 081…", "มือถือ 081…").
_LABEL = re.compile(r"^(?:โทรศัพท์|โทร\.?|มือถือ|เบอร์|tel\.?|phone|mobile|mob\.?|m\.)\s*:?\s*", re.IGNORECASE)
_EXTENSION = re.compile(r"(?:ต่อ|กด|ext\.?|extension|x|#)\s*(\d{1,6})\s*\)?\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"\+?[\d\s\-\u2010-\u2015\u2212.()]*")  # digits and the usual separators; '+' only first
_FLOAT_CELL = re.compile(r"(\d+)\.0+")  # 812345678.0: a numeric cell written out by a spreadsheet


@dataclass(frozen=True)
class PhoneNumber:
    number: str  # digits only, national, leading 0
    kind: str  # MOBILE or LANDLINE
    extension: Optional[str] = None  # dropped from the number, said here
    others: tuple[str, ...] = ()  # further numbers written in the same cell, as written


def ascii_digits(text: str) -> str:
    """Thai (๐–๙), full-width and any other Unicode decimal digits as 0–9; everything else as it is."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            value = unicodedata.decimal(ch, None)
            out.append(str(value) if value is not None else ch)
        else:
            out.append(ch)
    return "".join(out)


def normalise_phone(text: Optional[str]) -> Optional[PhoneNumber]:
    """The first Thai number in `text` in national digits-only form, or None when there is none."""
    if text is None:
        return None
    text = str(text).strip()
    if text.isascii() and text.isdigit():  # the common case, a plain number: no separators to read
        national = _national(text, False)
        return PhoneNumber(national, MOBILE if len(national) == 10 else LANDLINE) if national else None
    text = ascii_digits(unicodedata.normalize("NFKC", text)).strip()
    if not text:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    first, extension = _one(parts[0])
    others = tuple(p for p in parts[1:] if any(c.isdigit() for c in p))
    if first is None and len(parts) == 1:
        split = _split_on_spaces(parts[0])
        if split is not None:
            first, extension, others = split
    if first is None:
        return None
    return PhoneNumber(first, MOBILE if len(first) == 10 else LANDLINE, extension, others)


def _one(part: str) -> tuple[Optional[str], Optional[str]]:
    """One number (label and extension stripped): (national digits or None, extension or None)."""
    part = _LABEL.sub("", part.strip())
    extension = None
    match = _EXTENSION.search(part)
    if match and any(c.isdigit() for c in part[: match.start()]):
        extension = match.group(1)
        part = part[: match.start()].rstrip(" ,(-")
    part = part.strip()
    float_cell = _FLOAT_CELL.fullmatch(part)
    if float_cell:
        part = float_cell.group(1)
    if not part or not _ALLOWED.fullmatch(part):
        return None, None
    national = _national(re.sub(r"\D", "", part), part.startswith("+"))
    return national, (extension if national else None)


def _national(digits: str, plus: bool) -> Optional[str]:
    international = False
    if digits.startswith("0066"):
        digits, international = digits[4:], True
    elif digits.startswith("66") and (plus or len(digits) in (10, 11, 12)):
        # 66 + 8 (landline) or 9 (mobile) digits, or with the national 0 kept ("66 0 81…" → 12)
        digits, international = digits[2:], True
    elif plus:
        return None  # a foreign number
    if international:
        digits = "0" + digits.removeprefix("0")
    elif len(digits) == 9 and digits[0] in "689":
        digits = "0" + digits  # a mobile that lost its leading zero in a numeric cell
    if _MOBILE_RE.fullmatch(digits) or _LANDLINE_RE.fullmatch(digits):
        return digits
    return None


def _split_on_spaces(part: str) -> Optional[tuple[str, Optional[str], tuple[str, ...]]]:
    """Two numbers separated only by spaces ("081 234 5678 089 876 5432"): the first whole-group prefix that
    is a number, when what follows is a number too."""
    groups = part.split()
    for cut in range(1, len(groups)):
        head, extension = _one(" ".join(groups[:cut]))
        if head is None:
            continue
        rest = " ".join(groups[cut:])
        if _one(rest)[0] is not None:
            return head, extension, (rest,)
    return None
