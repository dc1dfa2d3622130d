"""An amphoe or tambon (for resolve_any_area also a province) given as the user typed it: a name (Thai or
English) or a DOPA code; this turns it into the one area it names and refuses an ambiguous or unknown value
with a clear message (AreaError)."""

from __future__ import annotations

import re

from ..definitions.i18n import translate
from ..store.area_lookup import LEVELS, AdminAreaMatch, find_admin_areas, normalised

MAX_LISTED = 12  # candidates named in an "ambiguous" message


class AreaError(ValueError):
    """No area, or more than one, matches what was typed; the message says which and how to choose."""


def describe_area(area: AdminAreaMatch) -> str:
    """'วังโป่ง (Wang Pong), code 6710' — names in both languages where both are known."""
    name = area.name_th if not area.name_en or area.name_en == area.name_th else f"{area.name_th} ({area.name_en})"
    if area.level == "tambon":
        return translate("AreaParameter", "tambon {0}, code {1}").format(name, area.code)
    if area.level == "province":
        return translate("AreaParameter", "province {0}, code {1}").format(name, area.code)
    return translate("AreaParameter", "amphoe {0}, code {1}").format(name, area.code)


def _candidate(area: AdminAreaMatch) -> str:
    if area.parent_name_th and area.level == "tambon":
        return translate("AreaParameter", "{0} ({1}, amphoe {2})").format(area.name_th, area.code, area.parent_name_th)
    return translate("AreaParameter", "{0} ({1})").format(area.name_th, area.code)


def resolve_area(conn, level: str, text: str) -> AdminAreaMatch:
    """The one amphoe/tambon `text` names (code, Thai or English name), read in the caller's transaction;
    AreaError otherwise, StoreError when the store fails."""
    if not (text or "").strip():
        if level == "tambon":
            raise AreaError(translate("AreaParameter", "Give the tambon: its name or its code."))
        raise AreaError(translate("AreaParameter", "Give the amphoe: its name or its code."))
    found = find_admin_areas(conn, level, text)
    shown = text.strip()
    if not found:
        if level == "tambon":
            raise AreaError(
                translate("AreaParameter", "There is no tambon named or coded '{0}' in the store.").format(shown)
            )
        raise AreaError(
            translate("AreaParameter", "There is no amphoe named or coded '{0}' in the store.").format(shown)
        )
    if len(found) > 1:
        listed = ", ".join(_candidate(a) for a in found[:MAX_LISTED])
        if len(found) > MAX_LISTED:
            listed += translate("AreaParameter", " and {0} more").format(len(found) - MAX_LISTED)
        if level == "tambon":
            message = translate(
                "AreaParameter", "'{0}' names {1} tambons: {2}. Give the code of the one you mean."
            ).format(shown, len(found), listed)
        else:
            message = translate(
                "AreaParameter", "'{0}' names {1} amphoe: {2}. Give the code of the one you mean."
            ).format(shown, len(found), listed)
        raise AreaError(message)
    return found[0]


# What a user may write before a name to say its level: จังหวัด / อำเภอ / ตำบล, their short forms, English.
_LEVEL_WORDS = {
    "province": ("จังหวัด", "จ.", "province", "changwat"),
    "amphoe": ("อำเภอ", "อ.", "amphoe", "amphur", "district"),
    "tambon": ("ตำบล", "ต.", "tambon", "subdistrict"),
}
_LEVEL_CODE_LENGTH = {2: "province", 4: "amphoe", 6: "tambon"}


def _level_named(text: str) -> tuple[str | None, str]:
    lowered = text.lower()
    for level, words in _LEVEL_WORDS.items():
        for word in words:
            if lowered.startswith(word) and len(text) > len(word):
                return level, text[len(word) :].strip()
    return None, text


def resolve_any_area(conn, text: str) -> AdminAreaMatch:
    """The one province, amphoe or tambon `text` names: a DOPA code (its length gives the level), a Thai or
    English name, or a name after a level word ('อำเภอวังโป่ง', 'tambon Wang Pong'); AreaError otherwise."""
    shown = (text or "").strip()
    if not shown:
        raise AreaError(translate("AreaParameter", "Give the area: its name or its code."))
    wanted = normalised(shown)
    if re.fullmatch(r"\d+", wanted) and len(wanted) in _LEVEL_CODE_LENGTH:
        return resolve_area(conn, _LEVEL_CODE_LENGTH[len(wanted)], wanted)
    level, name = _level_named(wanted)
    if level is not None:
        return resolve_area(conn, level, name)
    found = [a for lv in LEVELS for a in find_admin_areas(conn, lv, wanted)]
    if not found:
        raise AreaError(
            translate(
                "AreaParameter", "There is no province, amphoe or tambon named or coded '{0}' in the store."
            ).format(shown)
        )
    if len(found) > 1:
        listed = ", ".join(describe_area(a) for a in found[:MAX_LISTED])
        if len(found) > MAX_LISTED:
            listed += translate("AreaParameter", " and {0} more").format(len(found) - MAX_LISTED)
        raise AreaError(
            translate(
                "AreaParameter",
                "'{0}' names {1} areas: {2}. Give the code of the one you mean, or its level before the name "
                "(amphoe ..., tambon ...).",
            ).format(shown, len(found), listed)
        )
    return found[0]
