"""Assigning volunteers to help requests: the instance, travel costs, greedy and optimal solvers, results.

Pure logic on numpy/scipy arrays; the store reads the instance and writes results back, Processing
algorithms and the GUI call `assign_nearest` / `assign_optimal`.
"""

from .greedy import assign_nearest
from .optimal import assign_optimal
from .problem import AssignmentProblem, HelpRequests, Volunteers
from .result import AssignmentResult, AssignmentSummary, OptimalityProof, UnassignedReason

__all__ = [
    "AssignmentProblem",
    "AssignmentResult",
    "AssignmentSummary",
    "HelpRequests",
    "OptimalityProof",
    "UnassignedReason",
    "Volunteers",
    "assign_nearest",
    "assign_optimal",
]
