"""Which column of a file holds which of our fields: guessed from the headers, or given by the user.

Headers are compared normalised (case, spaces, dots, dashes and underscores ignored), so "Phone No.",
"phone_no" and "เบอร์โทร" each match a synonym list that holds them. A user's mapping is text a Processing
parameter can carry: "name=ชื่อ; phone=เบอร์โทร" (our field = their column); it wins over the guesses.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping, Optional, Sequence

from ..definitions.i18n import translate

_IGNORED = re.compile(r"[\s._\-/()\[\]:#]+")


def normalise_header(text: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFC", text or "")).casefold()


def parse_mapping(text: Optional[str], fields: Iterable[str]) -> dict[str, str]:
    """'field=column; field=column' (also one per line, or ',' between pairs) → {field: column}."""
    known = set(fields)
    mapping: dict[str, str] = {}
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(
                translate("Imports", "'{0}' in the field mapping is not field=column.").format(part.strip())
            )
        key, column = (s.strip() for s in part.split("=", 1))
        if key not in known:
            raise ValueError(
                translate("Imports", "'{0}' in the field mapping is not one of the fields: {1}.").format(
                    key, ", ".join(sorted(known))
                )
            )
        mapping[key] = column
    return mapping


def guess_mapping(
    headers: Sequence[str], synonyms: Mapping[str, Sequence[str]], given: Optional[Mapping[str, str]] = None
) -> dict[str, str]:
    """{our field: the header} for every field found; `given` (from parse_mapping) first, then the first
    header matching one of the field's synonyms (in the synonyms' order). A header serves one field only.
    A given column that is not in the file is an error naming the file's columns."""
    given = dict(given or {})
    by_norm = {normalise_header(h): h for h in reversed(headers)}
    mapping: dict[str, str] = {}
    for key, column in given.items():
        if column not in headers:
            match = by_norm.get(normalise_header(column))
            if match is None:
                raise ValueError(
                    translate("Imports", "Column '{0}' (for {1}) is not in the file. Its columns: {2}.").format(
                        column, key, ", ".join(headers)
                    )
                )
            column = match
        mapping[key] = column
    used = set(mapping.values())
    for key, names in synonyms.items():
        if key in mapping:
            continue
        for name in names:
            header = by_norm.get(normalise_header(name))
            if header is not None and header not in used:
                mapping[key] = header
                used.add(header)
                break
    return mapping


def mapping_text(mapping: Mapping[str, str]) -> str:
    """The mapping as a user can give it back ('name=ชื่อ; phone=เบอร์โทร'), for logs and reports."""
    return "; ".join(f"{k}={v}" for k, v in mapping.items())
