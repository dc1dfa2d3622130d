"""Road classes (OpenStreetMap `highway` values), their default speeds, the off-road speed and the travel-time
model codes.

The speeds are sensible defaults for rural Thailand by car or pickup (the Department of Highways' limits are
90 km/h on highways outside towns, 120 on motorways; actual rural averages are lower: junctions, trucks,
villages along the road). A run may override any class ("trunk=80; primary=60", see `speeds_from_text`).
Classes not in `RoadClass` (footway, cycleway, path, steps, construction, proposed ...) are not driven on and
are left out of a network.
"""

from __future__ import annotations

from enum import Enum
from typing import Callable, Mapping, Optional

from .i18n import translate


class RoadClass(str, Enum):
    MOTORWAY = "motorway"
    MOTORWAY_LINK = "motorway_link"
    TRUNK = "trunk"
    TRUNK_LINK = "trunk_link"
    PRIMARY = "primary"
    PRIMARY_LINK = "primary_link"
    SECONDARY = "secondary"
    SECONDARY_LINK = "secondary_link"
    TERTIARY = "tertiary"
    TERTIARY_LINK = "tertiary_link"
    UNCLASSIFIED = "unclassified"
    RESIDENTIAL = "residential"
    LIVING_STREET = "living_street"
    SERVICE = "service"
    TRACK = "track"
    ROAD = "road"  # OSM's "unknown class"


DEFAULT_SPEEDS_KMH: Mapping[RoadClass, float] = {
    RoadClass.MOTORWAY: 100.0,
    RoadClass.MOTORWAY_LINK: 50.0,
    RoadClass.TRUNK: 80.0,
    RoadClass.TRUNK_LINK: 40.0,
    RoadClass.PRIMARY: 60.0,
    RoadClass.PRIMARY_LINK: 35.0,
    RoadClass.SECONDARY: 50.0,
    RoadClass.SECONDARY_LINK: 30.0,
    RoadClass.TERTIARY: 40.0,
    RoadClass.TERTIARY_LINK: 25.0,
    RoadClass.UNCLASSIFIED: 30.0,
    RoadClass.RESIDENTIAL: 25.0,
    RoadClass.LIVING_STREET: 10.0,
    RoadClass.SERVICE: 15.0,
    RoadClass.TRACK: 15.0,
    RoadClass.ROAD: 30.0,
}

# From a point to the nearest road of the network, as the crow flies: over the lanes, farm tracks and village
# roads the network does not hold (a motorbike averaging 25-30 km/h along such roads makes ~20 km/h in a
# straight line). Below the straight-line model's 30 km/h on purpose: that one stands for a whole trip.
OFF_ROAD_SPEED_KMH = 20.0
# The demo's network (resources/demo/phetchabun_major_roads.gpkg), by name: a demo re-load replaces it, and
# its map layer says it holds major roads only. In Thai, as the rest of the demo's data ("Phetchabun major
# roads (demo)"): the panels show the name as it is stored.
DEMO_ROAD_NETWORK = "ถนนสายหลักเพชรบูรณ์ (สาธิต)"
MAX_SPEED_KMH = 200.0


class TravelModelCode(str, Enum):
    """Which model a travel time came from; every output carries one."""

    ROAD_NETWORK = "road_network"  # off-road leg + road network time (core.travel_time)
    STRAIGHT_LINE = "straight_line"  # great circle at a fixed speed (core.assignment.costs), no network here


_CLASS_LABELS: dict[RoadClass, Callable[[], str]] = {
    RoadClass.MOTORWAY: lambda: translate("RoadClass", "Motorway"),
    RoadClass.MOTORWAY_LINK: lambda: translate("RoadClass", "Motorway ramp"),
    RoadClass.TRUNK: lambda: translate("RoadClass", "Trunk road"),
    RoadClass.TRUNK_LINK: lambda: translate("RoadClass", "Trunk road ramp"),
    RoadClass.PRIMARY: lambda: translate("RoadClass", "Primary road"),
    RoadClass.PRIMARY_LINK: lambda: translate("RoadClass", "Primary road ramp"),
    RoadClass.SECONDARY: lambda: translate("RoadClass", "Secondary road"),
    RoadClass.SECONDARY_LINK: lambda: translate("RoadClass", "Secondary road ramp"),
    RoadClass.TERTIARY: lambda: translate("RoadClass", "Tertiary road"),
    RoadClass.TERTIARY_LINK: lambda: translate("RoadClass", "Tertiary road ramp"),
    RoadClass.UNCLASSIFIED: lambda: translate("RoadClass", "Minor road"),
    RoadClass.RESIDENTIAL: lambda: translate("RoadClass", "Residential street"),
    RoadClass.LIVING_STREET: lambda: translate("RoadClass", "Living street"),
    RoadClass.SERVICE: lambda: translate("RoadClass", "Service road"),
    RoadClass.TRACK: lambda: translate("RoadClass", "Track"),
    RoadClass.ROAD: lambda: translate("RoadClass", "Road of unknown class"),
}

_MODEL_LABELS: dict[TravelModelCode, Callable[[], str]] = {
    TravelModelCode.ROAD_NETWORK: lambda: translate("TravelModel", "Road network with an off-road leg"),
    TravelModelCode.STRAIGHT_LINE: lambda: translate("TravelModel", "Straight line (no road network here)"),
}


def road_class_label(road_class: RoadClass) -> str:
    return _CLASS_LABELS[RoadClass(road_class)]()


def travel_model_label(code: TravelModelCode) -> str:
    return _MODEL_LABELS[TravelModelCode(code)]()


def road_class_of(value: Optional[str]) -> Optional[RoadClass]:
    """The class of an OSM `highway` value (any case, spaces around ignored); None: not a road we drive on."""
    if value is None:
        return None
    try:
        return RoadClass(value.strip().lower())
    except ValueError:
        return None


def speeds_from_text(text: Optional[str]) -> dict[RoadClass, float]:
    """The default speeds with a run's overrides "trunk=80; primary=60" (also ',' or new lines between them).

    Raises ValueError naming the bad part: an unknown class, a speed that is not a number in (0, 200] km/h."""
    speeds = dict(DEFAULT_SPEEDS_KMH)
    for part in (text or "").replace(",", ";").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        road_class = road_class_of(key)
        if not sep or road_class is None:
            raise ValueError(
                translate("RoadSpeeds", "'{0}' is not class=speed with a road class of {1}.").format(
                    part.strip(), ", ".join(c.value for c in RoadClass)
                )
            )
        try:
            speed = float(value.strip().replace(",", "."))
        except ValueError:
            speed = float("nan")
        if not 0 < speed <= MAX_SPEED_KMH:  # also NaN
            raise ValueError(
                translate(
                    "RoadSpeeds", "The speed of {0} must be a number of km/h above 0 and at most {1}: '{2}'."
                ).format(road_class.value, int(MAX_SPEED_KMH), value.strip())
            )
        speeds[road_class] = speed
    return speeds
