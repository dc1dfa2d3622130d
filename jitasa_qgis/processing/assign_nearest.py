"""jitasa:assignnearest — greedy: in priority order, each request takes the nearest eligible volunteer."""

from __future__ import annotations

from ..definitions.i18n import translate
from .assign_base import AssignAlgorithm


class AssignNearestAlgorithm(AssignAlgorithm):
    method = "nearest"

    def name(self) -> str:
        return "assignnearest"

    def displayName(self) -> str:
        return translate("AssignNearestAlgorithm", "Assign nearest volunteers (greedy)")

    def shortHelpString(self) -> str:
        return translate(
            "AssignNearestAlgorithm",
            "Critical requests first, then high, normal and low, longest waiting first within each: "
            "each request takes the nearest available volunteer who is eligible for its category, "
            "within the maximum travel time and below capacity. Writes an assignment run of "
            "proposals for review, or confirms directly; the store re-checks every row and "
            "refuses stale ones with a reason. "
            "Travel times are road minutes where a road network covers the requests (the maximum then holds "
            "for road minutes), else straight-line estimates; the outputs say which.",
        )
