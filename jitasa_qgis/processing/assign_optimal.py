"""jitasa:assignoptimal — minimum total travel time subject to capacity, eligibility and strict priority."""

from __future__ import annotations

from ..definitions.i18n import translate
from .assign_base import AssignAlgorithm


class AssignOptimalAlgorithm(AssignAlgorithm):
    method = "optimal"

    def name(self) -> str:
        return "assignoptimal"

    def displayName(self) -> str:
        return translate("AssignOptimalAlgorithm", "Assign volunteers optimally")

    def shortHelpString(self) -> str:
        return translate(
            "AssignOptimalAlgorithm",
            "Assigns as many critical requests as possible, then high, normal and low, and among "
            "those assignments minimises the total travel time, respecting each volunteer's "
            "capacity, eligibility and the maximum travel time. The result is optimal over all "
            "eligible pairs within the maximum travel time. Writes proposals for review or "
            "confirms directly. "
            "Travel times are road minutes where a road network covers the requests (the maximum then holds "
            "for road minutes), else straight-line estimates; the outputs say which.",
        )
