"""How things look: colours, symbol sizes, icon files and legend texts, one place for every drawer.

tools/make_styles.py builds the map styles (resources/styles/*.qml) from these; the GUI's own canvas items
(gui/candidate_markers.py) and the print layouts to come use them too, so a request that is red on the map
is red everywhere. Colours are "#rrggbb" strings (no Qt here: QColor(hex) where a widget needs one).

Legend texts are labels: the enum values' through `labels.py`, the map's own words (`legend_*` below)
through translate("MapLegend", ...). The committed .qml files carry them in Thai (the generator installs the
Thai translation while it builds); the plugin shows them in the user's language elsewhere.
"""

from __future__ import annotations

from enum import Enum
from typing import Callable

from .enums import (
    AssignmentStatus,
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    Urgency,
    VolunteerKind,
)
from .i18n import translate
from .labels import assignment_status_label
from .roads import RoadClass, road_class_label

# ------------------------------------------------------------------------------------------------ colours

# By state, the way Jitasa.care showed them: red waiting, amber assigned, green being helped, grey closed.
REQUEST_STATUS_COLOURS: dict[RequestStatus, str] = {
    RequestStatus.NEW: "#d32f2f",
    RequestStatus.ASSIGNED: "#f59f00",
    RequestStatus.IN_PROGRESS: "#2e9d48",
    RequestStatus.DONE: "#8f8f8f",
    RequestStatus.CANCELLED: "#b4b4b4",
}
CAPACITY_COLOURS: dict[CapacityStatus, str] = {
    CapacityStatus.OPEN: "#2e9d48",
    CapacityStatus.LIMITED: "#f59f00",
    CapacityStatus.FULL: "#d32f2f",
    CapacityStatus.CLOSED: "#8f8f8f",
}
ASSIGNMENT_COLOURS: dict[AssignmentStatus, str] = {
    AssignmentStatus.PROPOSED: "#1565c0",  # blue, dashed: waiting for an officer
    AssignmentStatus.ACTIVE: "#1b5e20",  # dark green, with an arrow head at the request
    AssignmentStatus.COMPLETED: "#9e9e9e",  # closed ones thin and grey
    AssignmentStatus.CANCELLED: "#9e9e9e",
    AssignmentStatus.DECLINED: "#9e9e9e",
    AssignmentStatus.REJECTED: "#9e9e9e",
}
NEUTRAL = "#455a64"  # the colour a symbol has in the legend, where no feature chooses it
WHITE = "#ffffff"
BLACK = "#000000"
CRITICAL_RING = "#7f0000"  # dark red: the ring of critical requests and the outline of cells holding one
VOLUNTEER_AVAILABLE = "#00897b"
VOLUNTEER_UNAVAILABLE = "#9e9e9e"
SERVICE_AREA_FILL = "#26a69a"
SERVICE_AREA_FILL_ALPHA = 46
SERVICE_AREA_OUTLINE = "#00796b"
# Computed drive-time areas on the store layer, by the band's upper limit in minutes: the nearest darkest.
DRIVE_TIME_BANDS: tuple[tuple[float, str], ...] = ((10, "#1b7837"), (20, "#7fbf7b"), (30, "#d9f0d3"))
DRIVE_TIME_BEYOND = "#fee08b"  # bands above the last limit
DRIVE_TIME_ALPHA = 120
CATCHMENT_OUTLINE = "#6a1b9a"  # areas of responsibility computed from first arrival: outlines only

# Open requests per grid cell: (lower, upper, colour); more requests, darker cells.
GRID_CLASSES: tuple[tuple[float, float, str], ...] = (
    (0, 9, "#fff3b0"),
    (9, 49, "#fec44f"),
    (49, 199, "#fb8c3c"),
    (199, 999, "#e0452c"),
    (999, 1e12, "#99000d"),
)
GRID_OPACITY = 0.85

# Administrative boundaries: (outline colour, width mm, dashed).
ADMIN_OUTLINES: dict[str, tuple[str, float, bool]] = {
    "province": ("#37474f", 1.2, False),
    "amphoe": ("#546e7a", 0.6, False),
    "tambon": ("#90a4ae", 0.25, True),
}

# Roads, by class group: earth tones under the coloured points, darker and wider the bigger the road.
# (key, classes, colour, width mm, dashed, shown only zoomed in beyond 1:N (0: always)); the scales are the
# layer tiers of layers/store_layers.py (OVERVIEW_SCALE, DETAIL_SCALE): major roads at every scale,
# secondary and tertiary from the province view in, local roads and tracks only in the detail view.
MAJOR_ROAD_CLASSES: frozenset[RoadClass] = frozenset(
    {
        RoadClass.MOTORWAY,
        RoadClass.MOTORWAY_LINK,
        RoadClass.TRUNK,
        RoadClass.TRUNK_LINK,
        RoadClass.PRIMARY,
        RoadClass.PRIMARY_LINK,
    }
)
ROAD_GROUPS: tuple[tuple[str, tuple[RoadClass, ...], str, float, bool, int], ...] = (
    ("motorway", (RoadClass.MOTORWAY, RoadClass.MOTORWAY_LINK), "#6d3b1f", 1.5, False, 0),
    ("trunk", (RoadClass.TRUNK, RoadClass.TRUNK_LINK), "#a0522d", 1.2, False, 0),
    ("primary", (RoadClass.PRIMARY, RoadClass.PRIMARY_LINK), "#c98a4b", 0.9, False, 0),
    ("secondary", (RoadClass.SECONDARY, RoadClass.SECONDARY_LINK), "#d2a86e", 0.7, False, 2_500_000),
    ("tertiary", (RoadClass.TERTIARY, RoadClass.TERTIARY_LINK), "#bfae94", 0.5, False, 2_500_000),
    (
        "local",
        (RoadClass.UNCLASSIFIED, RoadClass.RESIDENTIAL, RoadClass.LIVING_STREET, RoadClass.SERVICE, RoadClass.ROAD),
        "#a8a097",
        0.35,
        False,
        150_000,
    ),
    ("track", (RoadClass.TRACK,), "#a89f91", 0.3, True, 150_000),
)
# Pieces not joined to the routable network (component > 0): pale, at their class's width, every scale.
ROAD_ISLAND_COLOUR = "#e3cdb8"
ROAD_LINK_WIDTH_SCALE = 0.6  # a ramp or link is drawn thinner than its road

# The assign panel's canvas items (gui/candidate_markers.py).
CANDIDATE_BEST = "#e65100"  # orange: the best candidate, and the line to the request
CANDIDATE_RANKED = "#1565c0"  # blue: the others who can go
CANDIDATE_CANNOT = "#787878"  # grey crosses: those who cannot
CANDIDATE_CANNOT_ALPHA = 200
CANDIDATE_REQUEST = "#ff8f00"  # amber: unlike the red halo of critical requests

# ------------------------------------------------------------------------------------------ sizes (mm)

REQUEST_SIZE: dict[Urgency, float] = {Urgency.CRITICAL: 7.4, Urgency.HIGH: 6.0, Urgency.NORMAL: 5.0, Urgency.LOW: 4.2}
REQUEST_HALO: dict[Urgency, float] = {Urgency.CRITICAL: 11.6, Urgency.HIGH: 8.4}  # open critical/high only
REQUEST_ICON_SCALE = 0.66  # pictogram size / disc size
CRITICAL_DISC_SIZE = 3.2  # the province overview's plain discs
VOLUNTEER_SIZE = 5.6
VOLUNTEER_ICON_SCALE = 0.6
FACILITY_SIZE = 6.4
FACILITY_ICON_SCALE = 0.68
STALE_BADGE_SIZE = 3.4

# ------------------------------------------------------------------------------------------------ labels

LABEL_FONT = "Noto Sans Thai"  # fonts-noto-core; layers.styles falls back to TLWG/Windows Thai fonts
LABEL_COLOUR = "#212121"
# Label text by map layer (style name): (size in points, colour).
LABEL_TEXT: dict[str, tuple[float, str]] = {
    "help_request": (8.5, LABEL_COLOUR),
    "help_request_aggregate": (7.5, LABEL_COLOUR),
    "volunteer": (7.5, "#00564d"),
    "facility": (8.5, "#1a237e"),
    "service_area": (8, "#00564d"),
    "admin_province": (11, "#37474f"),
    "admin_amphoe": (9.5, "#455a64"),
    "admin_tambon": (7.5, "#616161"),
}
# Label priority (0-10) by urgency: critical requests keep their label when labels collide.
REQUEST_LABEL_PRIORITY: dict[Urgency, int] = {Urgency.CRITICAL: 10, Urgency.HIGH: 8, Urgency.NORMAL: 5, Urgency.LOW: 3}

# Scales (denominators): a label shows when the map is zoomed in further than its limit.
REQUEST_LABEL_SCALE = 25_000
VOLUNTEER_LABEL_SCALE = 25_000
FACILITY_LABEL_SCALE = 250_000
SERVICE_AREA_LABEL_SCALE = 250_000
TAMBON_LABEL_SCALE = 250_000
AMPHOE_LABEL_SCALES = (2_500_000, 50_000)  # shown between these
PROVINCE_LABEL_SCALE = 1_000_000  # province names only when zoomed out beyond this
GRID_LABEL_SCALE = 400_000  # only the 5 km grid, zoomed in: thousands of labels cost ~1 s

# ------------------------------------------------------------------------------------------ print (mm, pt)

# Printed pages are read at arm's length: a title of 20 pt, body text no smaller than 8 pt (tools/
# make_layouts.py builds resources/layouts/*.qpt from these; printing.layouts applies the Thai font).
PRINT_MARGIN_MM = 10.0
PRINT_TITLE_PT = 20.0
PRINT_SUBTITLE_PT = 12.0
PRINT_TEXT_PT = 9.0
PRINT_SMALL_PT = 8.0
PRINT_LEGEND_TITLE_PT = 11.0
PRINT_TEXT_COLOUR = "#212121"
PRINT_MUTED_COLOUR = "#546e7a"  # sources, office, date
PRINT_FRAME_COLOUR = "#455a64"
PRINT_FRAME_MM = 0.3
# a PDF's raster parts: the point icons (printing/print_icons.py), at the usual print resolution
PRINT_DPI = 300.0
PRINT_OVERVIEW_EXTENT_COLOUR = "#d32f2f"  # the main map's extent on the overview inset
PRINT_NORTH_ARROW = "north_arrow.svg"  # in resources/layouts (plain colours, not a styled map icon)

# ------------------------------------------------------------------------------------------------- icons

STALE_ICON = "stale.svg"  # the clock badge of a facility whose capacity is out of date


def request_icon(category: RequestCategory | str) -> str:
    """The icon file (in resources/icons) of a request category."""
    return f"request_{RequestCategory(category).value}.svg"


def volunteer_icon(kind: VolunteerKind | str) -> str:
    return f"volunteer_{VolunteerKind(kind).value}.svg"


def facility_icon(kind: FacilityKind | str) -> str:
    return f"facility_{FacilityKind(kind).value}.svg"


ICONS: dict[type[Enum], Callable[..., str]] = {  # enum type -> its values' icon file
    RequestCategory: request_icon,
    VolunteerKind: volunteer_icon,
    FacilityKind: facility_icon,
}

# ---------------------------------------------------------------------------------------- legend texts


def legend_assignment_status(status: AssignmentStatus | str) -> str:
    """An assignment line's legend entry: the status label, shorter where the legend is narrow."""
    if AssignmentStatus(status) is AssignmentStatus.DECLINED:
        return translate("MapLegend", "Declined")
    return assignment_status_label(status)


def legend_volunteers_available() -> str:
    return translate("MapLegend", "Ready for work")


def legend_volunteers_busy() -> str:
    return translate("MapLegend", "Unavailable / full")


def legend_critical(status_label: str) -> str:
    """The province overview's entry for open critical requests in a state."""
    return translate("MapLegend", "Critical: {status}").format(status=status_label)


def legend_critical_mark() -> str:
    """Appended to a critical request's map label."""
    return translate("MapLegend", "(critical)")


def legend_beds_free() -> str:
    """A facility's free beds; "{beds}" is where the number goes."""
    return translate("MapLegend", "{beds} beds free")


def legend_beds_stale() -> str:
    return translate("MapLegend", "(bed data out of date)")


def legend_road_group(key: str) -> str:
    """A road group's legend entry: the class label of its main class, or the group's own words."""
    if key == "local":
        return translate("MapLegend", "Local roads and streets")
    group = next(g for g in ROAD_GROUPS if g[0] == key)
    return road_class_label(group[1][0])


def legend_road_islands() -> str:
    return translate("MapLegend", "Not joined to the routable network")


def legend_drive_time(upper: float, lower: float | None = None) -> str:
    """A drive-time band's legend entry, in minutes."""
    if lower is None:
        return translate("MapLegend", "Drive time up to {upper:g} min").format(upper=upper)
    return translate("MapLegend", "Drive time over {lower:g} min").format(lower=lower)


def legend_catchment() -> str:
    return translate("MapLegend", "Catchment (reached first from its facility)")


def legend_other_area() -> str:
    return translate("MapLegend", "Drawn and other service areas")


def legend_grid_class(lower: float, upper: float) -> str:
    """A grid class's legend entry: the range of open requests per cell (counts are whole numbers)."""
    if upper >= 1e12:
        counts = translate("MapLegend", "{count:,} or more").format(count=int(lower) + 1)
    else:
        counts = f"{int(lower) + 1}–{int(upper)}"
    return translate("MapLegend", "{counts} requests").format(counts=counts)


# ------------------------------------------------------------------------------- coverage planning (issue 12)

# Open requests not covered per tambon (outside every service area, or too far from an open facility with
# room): (lower, upper, colour); 0 is its own pale class, more gaps darker.
COVERAGE_GAP_CLASSES: tuple[tuple[float, float, str], ...] = (
    (-1, 0, "#edf8e9"),
    (0, 5, "#fee391"),
    (5, 20, "#fe9929"),
    (20, 50, "#d95f0e"),
    (50, 1e12, "#993404"),
)
COVERAGE_GAP_OPACITY = 0.8
COVERAGE_NO_DATA = "#d9d9d9"  # a tambon without the figure (no count imported)
# Vaccination / screening coverage of the target population, percent: (lower, upper, colour); low is red.
VACCINATION_CLASSES: tuple[tuple[float, float, str], ...] = (
    (-1, 50, "#d7191c"),
    (50, 70, "#fdae61"),
    (70, 85, "#ffffbf"),
    (85, 95, "#a6d96a"),
    (95, 1e12, "#1a9641"),
)
UNCOVERED_OUTSIDE = "#6a1b9a"  # purple: outside every service area (but near a facility)
UNCOVERED_BEYOND = "#c62828"  # red: too far from every open facility with room
UNCOVERED_SIZE = 2.6
PLAN_SITE_FILL = "#1565c0"  # a chosen site: a blue star with its rank
PLAN_SITE_FIXED = "#455a64"  # an existing facility kept in the plan
PLAN_SITE_SIZE = 7.0
ALLOCATION_LINE_WIDTH = 0.26  # mm: a demand point's line to its site, thin and see-through (hundreds of them)
ALLOCATION_LINE_OPACITY = 0.45


def legend_gap_class(lower: float, upper: float) -> str:
    """A coverage-gap class's legend entry: open requests not covered in a tambon."""
    if upper <= 0:
        return translate("MapLegend", "No request left uncovered")
    if upper >= 1e12:
        counts = translate("MapLegend", "{count:,} or more").format(count=int(lower) + 1)
    else:
        counts = f"{int(lower) + 1}–{int(upper)}"
    return translate("MapLegend", "{counts} requests not covered").format(counts=counts)


def legend_vaccination_class(lower: float, upper: float) -> str:
    """A coverage class's legend entry, in percent of the target population."""
    if lower < 0:
        return translate("MapLegend", "Under {upper:g} % covered").format(upper=upper)
    if upper >= 1e12:
        return translate("MapLegend", "{lower:g} % or more covered").format(lower=lower)
    return translate("MapLegend", "{lower:g}–{upper:g} % covered").format(lower=lower, upper=upper)


def legend_no_count() -> str:
    return translate("MapLegend", "No count imported")


def legend_uncovered(reason: str) -> str:
    """An uncovered request's legend entry by reason: 'outside', 'beyond' or 'both'."""
    if reason == "outside":
        return translate("MapLegend", "Outside every service area")
    if reason == "beyond":
        return translate("MapLegend", "Too far from an open facility with room")
    return translate("MapLegend", "Outside every area and too far")


def legend_plan_site(fixed: bool) -> str:
    if fixed:
        return translate("MapLegend", "Existing facility kept")
    return translate("MapLegend", "New site (number: order of benefit)")
