"""Every outcome of the service-area functions says what happened in words, with the numbers it got."""

from __future__ import annotations

from jitasa_qgis.definitions.service_area_outcomes import (
    OUTCOMES,
    SERVICE_AREA_KINDS,
    geometry_reason_text,
    kind_label,
    outcome_text,
)


def test_every_outcome_has_words():
    for code in OUTCOMES:
        assert outcome_text(code, {}) != code


def test_repaired_says_the_change():
    text = outcome_text(
        "repaired",
        {
            "reason": "Self-intersection[101.05 16.05]",
            "drawn_m2": 200000.0,
            "saved_m2": 250000.0,
            "change_m2": 50000.0,
            "change_pct": 25.0,
        },
    )
    assert "crosses itself near 16.05000, 101.05000" in text
    assert "0.20 km²" in text and "0.25 km²" in text and "+25.0 %" in text
    assert "%" not in outcome_text(
        "repaired", {"reason": "x", "drawn_m2": 0, "saved_m2": 5, "change_m2": 5, "change_pct": None}
    )


def test_stale_names_both_versions_and_says_nothing_was_overwritten():
    text = outcome_text("stale", {"your_version": 1, "current_version": 3})
    assert "version 3" in text and "version 1" in text and "overwritten" in text


def test_kinds_and_reasons():
    assert kind_label("responsibility") == "area of responsibility"
    assert len({kind_label(k) for k in SERVICE_AREA_KINDS}) == len(SERVICE_AREA_KINDS)
    assert kind_label("fortress") == "fortress"
    assert geometry_reason_text("Too few points in geometry component[1 2]").startswith("it has too few points")
    assert geometry_reason_text("Something new") == "Something new"
    assert outcome_text("not_polygon", {"type": "LINESTRING"}).endswith("not a linestring. Nothing was saved.")
