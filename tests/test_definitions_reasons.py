"""Reason codes: every code the SQL functions can return has an English and a Thai text in
definitions/reasons.py; details fill in the category's needs and the row's status."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from jitasa_qgis.definitions.enums import SQL_ENUMS
from jitasa_qgis.definitions.reasons import KNOWN_CODES, RefusalReason, UnassignedReason, reason_text

ROOT = Path(__file__).resolve().parents[1]
DEFINITIONS = ROOT / "resources" / "sql" / "definitions"
TS = ROOT / "i18n" / "jitasa_th.ts"

# snake_case literals of the SQL files that are not reason codes: enum values are removed below; these are
# actions, run parameters and jsonb keys.
NOT_REASONS = {
    "unassign",
    "decline",
    "complete",
    "max_minutes",
    "speed_kmh",
    "margin_m",
    "active_count",
    "jitasa_officer",
    "jitasa_admin",
    "jitasa_analyst",
    "jitasa_feed",
    "jitasa_owner",
}
_LITERAL = re.compile(r"'([a-z]+(?:_[a-z]+)+)'")
_DETAILS = {  # a detail for every code that uses one
    RefusalReason.VOLUNTEER_NOT_ELIGIBLE: {
        "category": "oxygen",
        "needs": [
            {"skills": ["oxygen_handling"], "vehicles": []},
            {"skills": [], "vehicles": ["motorcycle", "car", "pickup", "ambulance"]},
        ],
    },
    RefusalReason.NOT_PROPOSED: {"status": "rejected"},
    UnassignedReason.NO_ELIGIBLE_VOLUNTEER: {"category": "infectious_transport"},
}


def sql_reason_codes() -> set[str]:
    """Reason codes the SQL definitions can return: their snake_case literals that are no enum value."""
    enum_values = {m.value for enum in SQL_ENUMS.values() for m in enum}
    found = set()
    for path in (DEFINITIONS / "030_request_status.sql", DEFINITIONS / "040_assignment.sql"):
        text = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))  # comments name codes too
        found |= set(_LITERAL.findall(text))
    return found - enum_values - NOT_REASONS


def test_every_sql_reason_code_has_a_text():
    codes = sql_reason_codes()
    assert codes, "no reason code found in the SQL definitions"
    assert codes <= KNOWN_CODES, f"codes without a text in definitions/reasons.py: {sorted(codes - KNOWN_CODES)}"
    # and the other way: every refusal code is one the store can return
    assert {c.value for c in RefusalReason} == codes


def test_english_texts_and_details():
    assert reason_text("volunteer_full") == "volunteer now full"
    assert reason_text(RefusalReason.REQUEST_ALREADY_ASSIGNED) == "request already assigned"
    assert (
        reason_text("volunteer_not_eligible", _DETAILS[RefusalReason.VOLUNTEER_NOT_ELIGIBLE])
        == "the volunteer lacks what it needs: oxygen handling or a vehicle"
    )
    assert reason_text("volunteer_not_eligible") == "the volunteer lacks what the request needs"
    assert reason_text("not_proposed", {"status": "active"}) == "no longer a proposal (now Active)"
    assert (
        reason_text("no_eligible_volunteer", {"category": "infectious_transport"})
        == "no eligible volunteer (needs PPE training and an enclosed vehicle)"
    )
    # a need that is none of the category's rules is spelled from the skill and vehicle labels
    assert (
        reason_text("volunteer_not_eligible", {"needs": [{"skills": ["medical"], "vehicles": ["car"]}]})
        == "the volunteer lacks what it needs: Medical and Car"
    )
    # an officer's own words, or a reason written before the codes, are shown as they are
    assert reason_text("moved to another district") == "moved to another district"
    assert reason_text(None) == "no reason given"


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def test_every_code_has_a_thai_text(qgis_app, tmp_path):
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease (qttools5-dev-tools) is needed"
    qm = tmp_path / "jitasa_th.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    english = {code: (reason_text(code), reason_text(code, _DETAILS.get(code))) for code in KNOWN_CODES}
    QCoreApplication.installTranslator(translator)
    try:
        for code in sorted(KNOWN_CODES):
            for text, was in zip((reason_text(code), reason_text(code, _DETAILS.get(code))), english[code]):
                assert _has_thai(text) and text != was, (code, text)
        needs = reason_text("volunteer_not_eligible", _DETAILS[RefusalReason.VOLUNTEER_NOT_ELIGIBLE])
        assert "การจัดการออกซิเจน" in needs and "ยานพาหนะ" in needs
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("code", sorted(c.value for c in UnassignedReason))
def test_solver_codes_have_texts(code):
    assert code in KNOWN_CODES and reason_text(code) != code
