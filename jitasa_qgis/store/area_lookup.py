"""Find an amphoe or tambon by what a user types: its DOPA code ("6710", also "TH6710") or its Thai or
English name ("วังโป่ง", "wang pong"), trimmed and case-insensitive. The caller decides what an empty,
ambiguous or unknown answer means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .calls import fetch

LEVELS = ("province", "amphoe", "tambon")


@dataclass(frozen=True)
class AdminAreaMatch:
    level: str
    code: str
    name_th: str
    name_en: Optional[str]
    parent_name_th: Optional[str]  # the amphoe of a tambon, the province of an amphoe: tells twins apart


def normalised(text: str) -> str:
    """Trimmed, inner runs of white space made one space; a 'TH' prefix dropped from a numeric code."""
    text = re.sub(r"\s+", " ", (text or "").strip())
    return text[2:] if re.fullmatch(r"(?i)th\d+", text) else text


def find_admin_areas(conn, level: str, text: str) -> list[AdminAreaMatch]:
    """Areas of `level` whose code is `text`, else those whose Thai or English name is `text` (any case).

    A code match is returned alone, so a name that looks like a code cannot shadow it. Raises StoreError
    (the server's message) when the query fails; ValueError for an unknown level.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown admin level {level!r}")
    wanted = normalised(text)
    if not wanted:
        return []
    rows = fetch(
        conn,
        """
        SELECT a.code, a.name_th, a.name_en, p.name_th, a.code = %(text)s
          FROM jitasa.admin_area a
          LEFT JOIN jitasa.admin_area p ON p.code = a.parent_code
         WHERE a.level = %(level)s::jitasa.admin_level
           AND (a.code = %(text)s
                OR lower(regexp_replace(btrim(a.name_th), '\\s+', ' ', 'g')) = lower(%(text)s)
                OR lower(regexp_replace(btrim(a.name_en), '\\s+', ' ', 'g')) = lower(%(text)s))
         ORDER BY a.code""",
        {"level": level, "text": wanted},
    )
    by_code = [r for r in rows if r[4]]
    return [
        AdminAreaMatch(level, code, name_th, name_en, parent) for code, name_th, name_en, parent, _ in (by_code or rows)
    ]
