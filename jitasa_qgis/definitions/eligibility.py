"""What a volunteer must have to serve each request category, and the great-circle travel estimate.

The table is data: `CATEGORY_NEEDS` maps a category to the alternative ways of serving it (any one is
enough); each alternative lists the skills a volunteer needs (all of them) and the vehicles that will do
(any one of them; empty means no vehicle is needed). Solvers turn the table into bitmasks and filter
volunteers with array operations, so changing a rule here is a one-line change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union

from .enums import RequestCategory, Skill, VehicleKind

# Bit positions: the order of the enums. Stable because the enums' order is part of the SQL enums too.
SKILL_ORDER: tuple[Skill, ...] = tuple(Skill)
VEHICLE_ORDER: tuple[VehicleKind, ...] = tuple(VehicleKind)
CATEGORY_ORDER: tuple[RequestCategory, ...] = tuple(RequestCategory)

SKILL_BIT = {skill: 1 << i for i, skill in enumerate(SKILL_ORDER)}
VEHICLE_BIT = {vehicle: 1 << i for i, vehicle in enumerate(VEHICLE_ORDER)}

# Vehicles that can carry a person or goods.
ANY_VEHICLE = frozenset(v for v in VehicleKind if v is not VehicleKind.NONE)
# Vehicles in which a driver can be kept apart from an infectious passenger (not a motorcycle).
ENCLOSED_VEHICLE = frozenset({VehicleKind.CAR, VehicleKind.PICKUP, VehicleKind.AMBULANCE})

# Great-circle travel estimate used when the store has no road network: an effective speed along the
# straight line, low enough to allow for road detours and village roads. Always labelled an estimate.
DEFAULT_SPEED_KMH = 30.0
# The straight line is multiplied by this to approximate the road distance. 1.0: the default speed above
# already allows for detours; kept as a separate knob for callers who calibrate against real roads.
DEFAULT_DETOUR_FACTOR = 1.0
# Default maximum travel time for assignment runs, minutes.
DEFAULT_MAX_TRAVEL_MINUTES = 60.0


@dataclass(frozen=True)
class Need:
    """One way to serve a category: all of `skills`, and one of `vehicles` (none needed if empty)."""

    skills: frozenset[Skill] = frozenset()
    vehicles: frozenset[VehicleKind] = frozenset()
    # Short English description for messages ("needs vehicle"); the GUI translates it.
    label: str = ""

    @property
    def skills_mask(self) -> int:
        return skills_mask(self.skills)

    @property
    def vehicles_mask(self) -> int:
        return vehicles_mask(self.vehicles)


ANYONE = Need(label="")

CATEGORY_NEEDS: dict[RequestCategory, tuple[Need, ...]] = {
    RequestCategory.PATIENT_TRANSPORT: (Need(vehicles=ANY_VEHICLE, label="vehicle"),),
    RequestCategory.INFECTIOUS_TRANSPORT: (
        Need(
            skills=frozenset({Skill.PPE_TRAINED}),
            vehicles=ENCLOSED_VEHICLE,
            label="PPE training and an enclosed vehicle",
        ),
    ),
    RequestCategory.OXYGEN: (
        Need(skills=frozenset({Skill.OXYGEN_HANDLING}), label="oxygen handling"),
        Need(vehicles=ANY_VEHICLE, label="vehicle"),
    ),
    RequestCategory.FOOD_SUPPLIES: (ANYONE,),
    RequestCategory.MEDICINE: (ANYONE,),
    RequestCategory.SCREENING: (
        Need(skills=frozenset({Skill.PPE_TRAINED}), label="PPE training"),
        Need(skills=frozenset({Skill.MEDICAL}), label="medical skill"),
    ),
    RequestCategory.VACCINATION: (Need(skills=frozenset({Skill.MEDICAL}), label="medical skill"),),
    RequestCategory.MEDICAL_HELP: (Need(skills=frozenset({Skill.MEDICAL}), label="medical skill"),),
    RequestCategory.OTHER: (ANYONE,),
}


def needs_label(category: RequestCategory) -> str:
    """'vehicle', 'oxygen handling or vehicle', '' (anyone): for 'no eligible volunteer (needs …)'."""
    labels = [need.label for need in CATEGORY_NEEDS[RequestCategory(category)] if need.label]
    return " or ".join(labels)


SkillLike = Union[Skill, str]
VehicleLike = Union[VehicleKind, str]


def skills_mask(skills: Iterable[SkillLike]) -> int:
    """Bitmask of skills (bit i = `SKILL_ORDER[i]`)."""
    mask = 0
    for skill in skills:
        mask |= SKILL_BIT[Skill(skill)]
    return mask


def vehicles_mask(vehicles: Iterable[VehicleLike]) -> int:
    """Bitmask of vehicle kinds (bit i = `VEHICLE_ORDER[i]`)."""
    mask = 0
    for vehicle in vehicles:
        mask |= VEHICLE_BIT[VehicleKind(vehicle)]
    return mask


def category_code(category: RequestCategory | str) -> int:
    """Index of a category in `CATEGORY_ORDER` (the integer codes used in solver arrays)."""
    return CATEGORY_ORDER.index(RequestCategory(category))


def vehicle_code(vehicle: VehicleKind | str) -> int:
    """Index of a vehicle kind in `VEHICLE_ORDER`."""
    return VEHICLE_ORDER.index(VehicleKind(vehicle))
