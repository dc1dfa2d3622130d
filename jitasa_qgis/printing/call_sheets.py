"""Call sheets as one PDF: a sheet per volunteer, or per team, with a small map of the requests assigned to them
and a table (category, urgency, what is needed, tambon / amphoe, how to reach the requester). A team's sheet
lists its members and puts all their requests on one map and one table (with the member each is assigned
to); with sheets per team, a volunteer in no team still gets a sheet of their own. A sheet whose requests or
members do not fit its first page goes on over as many pages as they need (`paper_pages`): the same header,
the members not yet listed, and a longer table where the map was; the map only on the first page.

The layout is built in code (A4 portrait) and printed as an atlas over a memory layer with one feature per
page of paper (the geometry of a sheet's first page is the box its map shows); the tables read a memory
layer of the request rows, each carrying the page it is listed on, filtered to the atlas feature. Only what
`store.call_sheets` read reaches the layers: a name or phone number the role may not read was never
fetched, and its cell says "not shown". Long runs of sheets are written in parts at once, a part per core,
each with its own layers and layout on its own thread, and joined (printing.pdf_parts); pages are numbered
across the whole PDF. The PDF is written to a temporary file beside the target and renamed at the end, so a
failure or a cancel leaves no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeedback,
    QgsField,
    QgsFillSymbol,
    QgsFontMarkerSymbolLayer,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsMarkerSymbol,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QRectF, QVariant
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from ..core.thai_dates import SHORT, thai_date
from ..definitions import labels
from ..definitions.i18n import translate
from ..store.call_sheets import CallSheetRows, SheetRequest, SheetVolunteer
from .fonts import thai_font_family
from .layouts import ExportCancelled, check_writable, write_atlas_pdf
from .pdf_parts import export_in_parts, parts_for

MAP_CRS = "EPSG:32647"  # UTM 47N: Phetchabun and most of Thailand; metres for the scale
MAX_ROWS = 10  # rows of the table a volunteer's first page holds; the rest go on to the next pages
MAX_TEAM_ROWS = 13  # a team's first page: its map is smaller, its table longer
MAX_MEMBERS_LISTED = 5  # a team's members named on a page
MORE_ROWS_MOST = 60  # a following page's table: as many rows as fit where the map was (not more than this)
ROOM_USED = 0.97  # of a table's frame, for the rows as measured (`_TableText`)
MAP_Y, TABLE_Y, TEAM_MAP_Y, TEAM_TABLE_Y, TABLE_BOTTOM = 41, 154, 57, 146, 276  # mm from the page's top
MIN_HALF_SIZE_M = 2_000.0  # a page's map shows at least 4 km around the volunteer
MAP_SIZE_MM = (190.0, 105.0)
TEAM_MAP_SIZE_MM = (190.0, 80.0)
MASK = "•••"
# the table's columns and widths (mm; with the 2 mm of cell margins each, 186-190 mm): a volunteer's page,
# and a team's with the member each request is assigned to
COLUMNS_MM = {"no": 8, "category": 25, "urgency": 16, "need": 50, "place": 35, "contact": 40}
TEAM_COLUMNS_MM = {"no": 8, "member": 22, "category": 20, "urgency": 16, "need": 40, "place": 29, "contact": 41}


@dataclass(frozen=True)
class SheetPage:
    """One page: a volunteer (team None, one member) or a team and its members."""

    members: tuple[SheetVolunteer, ...]
    team: Optional[str] = None

    @property
    def requests(self) -> list[tuple[SheetVolunteer, SheetRequest]]:
        """Every member's requests, most urgent first (then by request id), with the member."""
        order = {"critical": 0, "high": 1, "normal": 2, "low": 3}
        pairs = [(v, r) for v in self.members for r in v.requests]
        return sorted(pairs, key=lambda p: (order.get(p[1].urgency, 9), p[1].request_id))


@dataclass(frozen=True)
class PaperPage:
    """One page of paper of a sheet: `number` 0 is the first (the map, the first rows); the rows listed on
    it are `requests[first_row:end_row]` of the sheet, the members `members[first_member:end_member]`."""

    sheet: SheetPage
    number: int
    pages: int  # of the sheet
    first_row: int
    end_row: int
    first_member: int
    end_member: int


def paper_pages(sheet: SheetPage, heights: Sequence[float], first_room: float, more_room: float) -> list[PaperPage]:
    """The pages of paper `sheet` takes: rows of `heights` (mm, in the sheet's order) fill its first page's
    table (`first_room` mm, at most MAX_TEAM_ROWS or MAX_ROWS), then the following pages' tables
    (`more_room` mm each), with a team's members MAX_MEMBERS_LISTED a page; at least one row a page."""
    team = sheet.team is not None
    spans, start = [], 0
    while start < len(heights) or not spans:
        room, end = (first_room if not spans else more_room), start
        most = (MAX_TEAM_ROWS if team else MAX_ROWS) if not spans else len(heights)
        while end < len(heights) and end - start < most and (end == start or heights[end] <= room):
            room -= heights[end]
            end += 1
        spans.append((start, end))
        start = end
    members = len(sheet.members) if team else 0
    while len(spans) * MAX_MEMBERS_LISTED < members:
        spans.append((len(heights), len(heights)))
    return [
        PaperPage(
            sheet,
            number,
            len(spans),
            first,
            end,
            min(number * MAX_MEMBERS_LISTED, members),
            min((number + 1) * MAX_MEMBERS_LISTED, members),
        )
        for number, (first, end) in enumerate(spans)
    ]


class _TableText:
    """Heights (mm) of the call-sheet table's rows as QgsLayoutTable draws them: each cell's text wrapped at
    spaces to its column's width, the row as tall as its tallest cell's lines plus the cell margins and the
    grid (measured on QGIS 3.22's PDF: 5.50 mm a row of one line, 9.80 mm of two at 8 pt Noto Sans Thai)."""

    PADDING_MM = 1.3  # the cell margins and the grid line, a little over the measured 1.24 mm
    SIZE_PT = 8.0

    def __init__(self, family: str, widths: dict[str, float], bold: bool = False):
        font = QFont(family)
        font.setPixelSize(1000)  # measured large, scaled to the text's size
        font.setBold(bold)
        self._metrics = QFontMetricsF(font)
        self._mm = self.SIZE_PT * 25.4 / 72 / 1000  # mm per measured pixel
        self._widths = widths
        self._space = self._metrics.horizontalAdvance(" ") * self._mm
        self.line_mm = self._metrics.lineSpacing() * self._mm

    def _lines(self, text: str, width: float) -> int:
        lines = 0
        for paragraph in text.split("\n"):
            lines += 1
            used = 0.0
            for word in paragraph.split(" "):
                w = self._metrics.horizontalAdvance(word) * self._mm
                if used and used + self._space + w > width:
                    lines += 1
                    used = w
                else:
                    used += (self._space if used else 0.0) + w
        return lines

    def height(self, cells: dict[str, str]) -> float:
        lines = max(self._lines(cells.get(name, ""), width) for name, width in self._widths.items())
        return lines * self.line_mm + self.PADDING_MM


def sheet_pages(rows: CallSheetRows, per_team: bool = False, only_assigned: bool = False) -> list[SheetPage]:
    """The pages to print: one per volunteer, or (per_team) one per team in the order of its first member
    and one per volunteer in no team. `only_assigned` leaves out pages without a request."""
    if not per_team:
        pages = [SheetPage((v,)) for v in rows.volunteers]
    else:
        teams: dict[str, list[SheetVolunteer]] = {}
        order: list[object] = []
        for v in rows.volunteers:
            if v.team:
                if v.team not in teams:
                    teams[v.team] = []
                    order.append(v.team)
                teams[v.team].append(v)
            else:
                order.append(v)
        pages = [SheetPage(tuple(teams[k]), k) if isinstance(k, str) else SheetPage((k,)) for k in order]
    return [p for p in pages if p.requests] if only_assigned else pages


@dataclass(frozen=True)
class Outline:
    code: str
    name_th: str
    wkb: bytes  # EPSG:4326
    label_wkb: Optional[bytes] = None  # a point inside it, where its name is printed


@dataclass(frozen=True)
class SheetOptions:
    printed_at: dt.datetime
    office: str = ""
    use_thai_digits: bool = False


@dataclass(frozen=True)
class SheetsPrinted:
    pages: int  # of paper
    team_pages: int  # of them, pages of teams' sheets


class PrintCancelled(Exception):
    """The caller cancelled the export; no file was left behind."""


def _label(value: Optional[str], label: Callable[[str], str]) -> str:
    if not value:
        return ""
    try:
        return label(value)
    except (KeyError, ValueError):  # a value newer than this plugin: shown as it is
        return value


def _not_shown() -> str:
    return translate("CallSheets", "not shown")


def _place(tambon: Optional[str], amphoe: Optional[str], village: Optional[str] = None) -> str:
    parts = []
    if village:
        parts.append(translate("CallSheets", "Village {0}").format(village))
    if tambon:
        parts.append(translate("CallSheets", "T. {0}").format(tambon))
    if amphoe:
        parts.append(translate("CallSheets", "A. {0}").format(amphoe))
    return " ".join(parts) or translate("CallSheets", "outside the boundaries")


def _need(r: SheetRequest) -> str:
    if r.people_count == 1:
        text = translate("CallSheets", "{0} person").format(r.people_count)
    else:
        text = translate("CallSheets", "{0} people").format(r.people_count)
    if r.for_someone_else:
        text += " · " + translate("CallSheets", "asked for someone else")
    if r.note:
        text += " · " + r.note
    return text


def _contact(r: SheetRequest, personal: bool) -> str:
    if not personal:
        return translate("CallSheets", "{0} (call the operations room)").format(_not_shown())
    name = r.requester_name or "-"
    phone = r.requester_phone or translate("CallSheets", "no phone")
    return f"{name} {phone}"


def _who(v: SheetVolunteer, personal: bool) -> str:
    name = (v.name or "-") if personal else MASK
    kind = _label(v.kind, labels.volunteer_kind_label)
    return translate("CallSheets", "Volunteer: {0} ({1}), no. {2}").format(name, kind, v.volunteer_id)


def _volunteer_contact(v: SheetVolunteer, personal: bool) -> str:
    phone = (v.phone or translate("CallSheets", "no phone")) if personal else _not_shown()
    vehicle = _label(v.vehicle, labels.vehicle_label) or "-"
    return translate("CallSheets", "Phone: {0} · Vehicle: {1} · Lives in: {2}").format(
        phone, vehicle, _place(v.tambon_name, v.amphoe_name, v.village_no)
    )


def _summary(paper: PaperPage) -> str:
    """The first page: how many requests (and where the rest are listed); a following page: which rows."""
    n = len(paper.sheet.requests)
    if paper.number:
        if paper.first_row == paper.end_row:
            return translate("CallSheets", "Assigned requests: {0} (all listed on the pages before)").format(n)
        return translate("CallSheets", "Assigned requests {0}–{1} of {2}").format(paper.first_row + 1, paper.end_row, n)
    text = translate("CallSheets", "Assigned requests: {0}").format(n)
    if n > paper.end_row:
        text += " " + translate("CallSheets", "(the first {0} are listed here, the rest on the next pages)").format(
            paper.end_row
        )
    return text


def _continued(text: str, paper: PaperPage) -> str:
    if paper.pages == 1:
        return text
    return text + " · " + translate("CallSheets", "page {0} of {1} of this sheet").format(paper.number + 1, paper.pages)


def _team_who(page: SheetPage) -> str:
    return translate("CallSheets", "Team: {0} · members: {1}").format(page.team, len(page.members))


def _members(paper: PaperPage, personal: bool) -> str:
    """A line per member listed on this page (no., name or •••, kind, phone, vehicle, where they live), and
    how many more follow on the next pages."""
    lines = []
    for v in paper.sheet.members[paper.first_member : paper.end_member]:
        name = (v.name or "-") if personal else MASK
        kind = _label(v.kind, labels.volunteer_kind_label)
        who = translate("CallSheets", "No. {0}: {1} ({2})").format(v.volunteer_id, name, kind)
        lines.append(f"{who} · {_volunteer_contact(v, personal)}")
    after = len(paper.sheet.members) - paper.end_member
    if after > 0:
        lines.append(translate("CallSheets", "and {0} more members (on the next page)").format(after))
    if not lines:
        lines.append(translate("CallSheets", "The members are listed on the pages before."))
    return "\n".join(lines)


def _member(v: SheetVolunteer, personal: bool) -> str:
    text = translate("CallSheets", "no. {0}").format(v.volunteer_id)
    return f"{text} {v.name}" if personal and v.name else text


def _page_box(page: SheetPage, to_map: QgsCoordinateTransform, map_size: tuple[float, float]) -> QgsGeometry:
    """The box the page's map shows, in the map's CRS, of the map item's own proportions (an atlas map given
    an extent of other proportions grows its item on the page)."""
    points = [(r.lon, r.lat) for _, r in page.requests if r.lon is not None]
    points += [(v.lon, v.lat) for v in page.members if v.lon is not None]
    if not points:  # a volunteer without a place: the page still prints, its map shows nothing
        points = [(101.0, 16.0)]
    mapped = [to_map.transform(QgsPointXY(x, y)) for x, y in points]
    xs, ys = [p.x() for p in mapped], [p.y() for p in mapped]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    hx = max((max(xs) - min(xs)) / 2, MIN_HALF_SIZE_M)
    hy = max((max(ys) - min(ys)) / 2, MIN_HALF_SIZE_M)
    ratio = map_size[0] / map_size[1]
    if hx / hy < ratio:
        hx = hy * ratio
    else:
        hy = hx / ratio
    return QgsGeometry.fromRect(QgsRectangle(cx - hx, cy - hy, cx + hx, cy + hy))


def _memory_layer(
    uri: str, name: str, fields: list[tuple[str, QVariant.Type]], crs: str = "EPSG:4326"
) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{uri}?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    return layer


@dataclass(frozen=True)
class PlannedSheet:
    """A sheet with its table's cells (by row) and the pages of paper they take."""

    sheet: SheetPage
    cells: list[dict[str, str]]
    papers: list[PaperPage]


def plan_sheets(rows: CallSheetRows, sheets: Sequence[SheetPage], per_team: bool, family: str) -> list[PlannedSheet]:
    """The cells of every sheet's rows and the pages of paper each sheet takes (measured with `family`)."""
    widths = TEAM_COLUMNS_MM if per_team else COLUMNS_MM
    cell_text, heading_text = _TableText(family, widths), _TableText(family, widths, bold=True)
    first_top, more_top = (TEAM_TABLE_Y, TEAM_MAP_Y) if per_team else (TABLE_Y, MAP_Y)
    heading = heading_text.height(_headings())
    # a little room spare: the estimate's rounding must not push a row off the frame
    first_room = (TABLE_BOTTOM - first_top - heading) * ROOM_USED
    more_room = (TABLE_BOTTOM - more_top - heading) * ROOM_USED
    planned = []
    for sheet in sheets:
        cells = [_row_cells(v, r, rows.volunteer_personal, rows.requester_personal) for v, r in sheet.requests]
        papers = paper_pages(sheet, [cell_text.height(c) for c in cells], first_room, more_room)
        planned.append(PlannedSheet(sheet, cells, papers))
    return planned


def build_layers(
    rows: CallSheetRows,
    outlines: list[Outline],
    planned: Sequence[PlannedSheet],
    per_team: bool = False,
    first_number: int = 1,
    transform_context: Optional[QgsCoordinateTransformContext] = None,
) -> dict[str, QgsVectorLayer]:
    """The memory layers the sheets print from: pages (one per page of paper of each planned sheet,
    numbered in the PDF from `first_number`), rows, volunteers, outlines, places."""
    map_size = TEAM_MAP_SIZE_MM if per_team else MAP_SIZE_MM
    to_map = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem(MAP_CRS),
        transform_context or QgsCoordinateTransformContext(),
    )
    pages = _memory_layer(
        "Polygon",
        "pages",
        [
            ("vid", QVariant.Int),
            ("who", QVariant.String),
            ("contact", QVariant.String),
            ("summary", QVariant.String),
            ("empty_note", QVariant.String),
            ("more", QVariant.Bool),  # a following page of its sheet: no map, the longer table
            ("team", QVariant.Bool),  # a page of a team's sheet
            ("number", QVariant.Int),  # the page's number in the whole PDF (which may be written in parts)
        ],
        crs=MAP_CRS,
    )
    table = _memory_layer(
        "Point",
        "rows",
        [
            ("page", QVariant.Int),  # the sheet's first page: its map
            ("listed", QVariant.Int),  # the page of paper its row is listed on
            ("first", QVariant.Bool),  # listed on the first page
            ("no", QVariant.Int),
            ("member", QVariant.String),
            ("category", QVariant.String),
            ("urgency", QVariant.String),
            ("need", QVariant.String),
            ("place", QVariant.String),
            ("contact", QVariant.String),
        ],
    )
    people = _memory_layer("Point", "volunteers", [("page", QVariant.Int)])
    areas = _memory_layer("MultiPolygon", "outlines", [("name_th", QVariant.String)])
    places = _memory_layer("Point", "places", [("name_th", QVariant.String)])
    empty = translate("CallSheets", "No requests are assigned to this volunteer.")
    empty_team = translate("CallSheets", "No requests are assigned to this team.")
    personal = rows.volunteer_personal
    page_features, papers = [], []
    for plan in planned:
        sheet = plan.sheet
        box = _page_box(sheet, to_map, map_size)  # a following page keeps it: its map is not drawn
        n = len(sheet.requests)
        for paper in plan.papers:
            f = QgsFeature(pages.fields())
            f.setGeometry(box)
            if sheet.team is None:
                v = sheet.members[0]
                who, contact, nothing = _who(v, personal), _volunteer_contact(v, personal), empty
            else:
                who, contact, nothing = _team_who(sheet), _members(paper, personal), empty_team
            note = nothing if not n and not paper.number else ""
            vid, more = sheet.members[0].volunteer_id, paper.number > 0
            number = first_number + len(page_features)
            f.setAttributes(
                [vid, _continued(who, paper), contact, _summary(paper), note, more, sheet.team is not None, number]
            )
            page_features.append(f)
            papers.append(paper)
    ok, added = pages.dataProvider().addFeatures(page_features)
    # the rows and points carry their pages' feature ids: "page" = @atlas_featureid is a cheap test per feature
    row_features, people_features = [], []
    first_of: dict[int, int] = {}  # the feature id of a sheet's first page, by the sheet's identity
    listed_on: dict[tuple[int, int], int] = {}  # (sheet, row) -> the feature id of the page it is listed on
    for paper, page in zip(papers, added):
        key = id(paper.sheet)
        first_of.setdefault(key, page.id())
        for i in range(paper.first_row, paper.end_row):
            listed_on[(key, i)] = page.id()
    for plan in planned:
        sheet = plan.sheet
        first = first_of[id(sheet)]
        for v in sheet.members:
            if v.lon is not None:
                p = QgsFeature(people.fields())
                p.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(v.lon, v.lat)))
                p.setAttributes([first])
                people_features.append(p)
        for no, ((_v, r), cells) in enumerate(zip(sheet.requests, plan.cells), start=1):
            row = QgsFeature(table.fields())  # all on the first page's map
            if r.lon is not None:
                row.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(r.lon, r.lat)))
            listed = listed_on[(id(sheet), no - 1)]
            row.setAttributes([first, listed, listed == first, no] + [cells[name] for name in _CELLS])
            row_features.append(row)
    area_features, place_features = [], []
    for o in outlines:
        a = QgsFeature(areas.fields())
        geom = QgsGeometry()
        geom.fromWkb(o.wkb)
        a.setGeometry(geom)
        a.setAttributes([o.name_th])
        area_features.append(a)
        if o.label_wkb:
            point = QgsGeometry()
            point.fromWkb(o.label_wkb)
            place = QgsFeature(places.fields())
            place.setGeometry(point)
            place.setAttributes([o.name_th])
            place_features.append(place)
    for layer, features in (
        (table, row_features),
        (people, people_features),
        (areas, area_features),
        (places, place_features),
    ):
        layer.dataProvider().addFeatures(features)
    for layer in (pages, table, people, areas, places):
        layer.updateExtents()
    return {"pages": pages, "rows": table, "volunteers": people, "outlines": areas, "places": places}


_CELLS = ("member", "category", "urgency", "need", "place", "contact")


def _row_cells(v: SheetVolunteer, r: SheetRequest, personal: bool, requester_personal: bool) -> dict[str, str]:
    """A table row's texts (its number aside) by column."""
    return {
        "no": "99",
        "member": _member(v, personal),
        "category": _label(r.category, labels.category_label),
        "urgency": _label(r.urgency, labels.urgency_label),
        "need": _need(r),
        "place": _place(r.tambon_name, r.amphoe_name),
        "contact": _contact(r, requester_personal),
    }


def _headings() -> dict[str, str]:
    return {
        "no": translate("CallSheets", "No."),
        "member": translate("CallSheets", "Volunteer"),
        "category": translate("CallSheets", "Category"),
        "urgency": translate("CallSheets", "Urgency"),
        "need": translate("CallSheets", "What is needed"),
        "place": translate("CallSheets", "Where"),
        "contact": translate("CallSheets", "How to reach the requester"),
    }


_THIS_PAGE = '"page" = @atlas_featureid'  # on the map of a sheet's first page
_LISTED_FIRST = '"listed" = @atlas_featureid AND "first"'  # in the table of a sheet's first page
_LISTED_MORE = '"listed" = @atlas_featureid AND NOT "first"'  # in the table of a following page


def _text_format(family: str, size: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(family)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    return fmt


def _style_layers(layers: dict[str, QgsVectorLayer], family: str) -> None:
    rows = layers["rows"]
    root = QgsRuleBasedRenderer.Rule(None)
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#d7301f", "outline_color": "#ffffff", "size": "4.2", "outline_width": "0.4"}
    )
    # the row's number drawn by the symbol itself: no labelling engine run per page for it
    number = QgsFontMarkerSymbolLayer(family, "1", 2.6, QColor("#ffffff"))
    number.setFontStyle("Bold")
    number.setDataDefinedProperty(QgsSymbolLayer.PropertyCharacter, QgsProperty.fromField("no"))
    symbol.appendSymbolLayer(number)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=_THIS_PAGE))
    rows.setRenderer(QgsRuleBasedRenderer(root))

    people = layers["volunteers"]
    root = QgsRuleBasedRenderer.Rule(None)
    star = QgsMarkerSymbol.createSimple(
        {"name": "star", "color": "#2171b5", "outline_color": "#ffffff", "size": "6", "outline_width": "0.4"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(star, filterExp=_THIS_PAGE))
    people.setRenderer(QgsRuleBasedRenderer(root))

    outlines = layers["outlines"]
    outlines.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple({"color": "#f0f0e8", "outline_color": "#737373", "outline_width": "0.35"})
        )
    )
    # tambon names at a point inside each (labelling polygons per page cost ~30 ms a page)
    places = layers["places"]
    places.setRenderer(QgsNullSymbolRenderer())
    names = QgsPalLayerSettings()
    names.fieldName = "name_th"
    names.placement = QgsPalLayerSettings.OverPoint
    grey = _text_format(family, 7)
    grey.setColor(QColor("#636363"))
    names.setFormat(grey)
    places.setLabeling(QgsVectorLayerSimpleLabeling(names))
    places.setLabelsEnabled(True)


def _label_item(layout, text: str, family: str, size: float, rect: tuple, bold: bool = False) -> QgsLayoutItemLabel:
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.attemptMove(QgsLayoutPoint(rect[0], rect[1], QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(rect[2], rect[3], QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(item)
    return item


def _column(attribute: str, heading: str, width: float) -> QgsLayoutTableColumn:
    column = QgsLayoutTableColumn(heading)
    column.setAttribute(attribute)
    column.setWidth(width)
    return column


def build_layout(
    project: QgsProject,
    layers: dict[str, QgsVectorLayer],
    options: SheetOptions,
    personal: bool,
    per_team: bool = False,
    total_pages: Optional[int] = None,
):
    """The A4 portrait call-sheet layout, an atlas over `layers['pages']`; `per_team`: room for a team's
    members above a smaller map, and a longer table with the member each request is assigned to.
    `total_pages`: of the whole PDF (default: the pages of this layout), for "page n of N"."""
    family = thai_font_family()
    _style_layers(layers, family)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    layout.setName(translate("CallSheets", "Call sheets"))

    printed = thai_date(options.printed_at, SHORT, options.use_thai_digits, with_time=True)
    title = translate("CallSheets", "Call sheet")
    _label_item(layout, title, family, 16, (10, 8, 120, 9), bold=True)
    stamp = translate("CallSheets", "Printed {0}").format(printed)
    if options.office:
        stamp += " · " + options.office
    right = _label_item(layout, stamp, family, 8, (110, 9, 90, 8))
    right.setHAlign(0x0002)  # Qt.AlignRight
    _label_item(layout, '[% "who" %]', family, 12, (10, 19, 190, 7), bold=True)
    if per_team:  # a line per member, then the map, the legend, the table
        _label_item(layout, '[% "contact" %]', family, 8, (10, 26.5, 190, 23))
        summary_y, map_y, map_size, table_y, rows_listed = 50, TEAM_MAP_Y, TEAM_MAP_SIZE_MM, TEAM_TABLE_Y, MAX_TEAM_ROWS
    else:
        _label_item(layout, '[% "contact" %]', family, 9, (10, 27, 190, 6))
        summary_y, map_y, map_size, table_y, rows_listed = 33, MAP_Y, MAP_SIZE_MM, TABLE_Y, MAX_ROWS
    # a following page of a sheet has no map: its table starts where the map did
    not_on_more = QgsProperty.fromExpression('"more"')
    _label_item(layout, '[% "summary" %]', family, 9, (10, summary_y, 190, 6))

    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(10, map_y, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(*map_size, QgsUnitTypes.LayoutMillimeters))
    map_item.setCrs(QgsCoordinateReferenceSystem(MAP_CRS))
    map_item.setLayers([layers["rows"], layers["volunteers"], layers["places"], layers["outlines"]])
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.2)
    map_item.zoomToExtent(layers["pages"].extent() if layers["pages"].featureCount() else QgsRectangle(0, 0, 1, 1))
    map_item.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, not_on_more)
    layout.addLayoutItem(map_item)
    legend = _label_item(
        layout,
        translate("CallSheets", "★ the volunteer  ● an assigned request (its number in the table)"),
        family,
        8,
        (10, map_y + map_size[1] + 1, 190, 5),
    )
    legend.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, not_on_more)

    _rows_table(layout, layers["rows"], family, per_team, _LISTED_FIRST, rows_listed, table_y)
    if any(f["more"] for f in layers["pages"].getFeatures()):  # a table more costs time on every page
        _rows_table(layout, layers["rows"], family, per_team, _LISTED_MORE, MORE_ROWS_MOST, map_y)
    _label_item(layout, '[% "empty_note" %]', family, 12, (10, table_y + 6, 190, 10), bold=True)

    note = (
        translate(
            "CallSheets",
            "Holds personal data: keep it safe, hand it only to the volunteer, destroy it when the work is done.",
        )
        if personal
        else translate(
            "CallSheets",
            "Names and phone numbers are not shown (your role may not read them): call the operations room.",
        )
    )
    _label_item(layout, note, family, 8, (10, 279, 150, 8))
    _label_item(
        layout,
        translate("CallSheets", "Page {0} of {1}").format(
            '[% "number" %]', total_pages if total_pages is not None else layers["pages"].featureCount()
        ),
        family,
        8,
        (160, 279, 40, 8),
    ).setHAlign(0x0002)

    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["pages"])
    atlas.setEnabled(True)
    atlas.setHideCoverage(True)
    return layout


def _rows_table(layout, rows: QgsVectorLayer, family: str, per_team: bool, which: str, most: int, top: float):
    """A table of the rows `which` selects, at most `most`, from y `top` (mm) down to the foot; hidden when
    it has none (the first page's table on a following page, and the other way round)."""
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(rows)
    table.setFilterFeatures(True)
    table.setFeatureFilter(which)
    table.setMaximumNumberOfFeatures(most)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.HideTable)
    table.setContentTextFormat(_text_format(family, 8))
    table.setHeaderTextFormat(_text_format(family, 8, bold=True))
    headings = _headings()
    widths = TEAM_COLUMNS_MM if per_team else COLUMNS_MM
    table.setColumns([_column(name, headings[name], width) for name, width in widths.items()])
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(10, top, 190, TABLE_BOTTOM - top))
    table.addFrame(frame)


def export_call_sheets(
    rows: CallSheetRows,
    outlines: list[Outline],
    path: Path,
    options: SheetOptions,
    on_progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
    pages_to_print: Optional[list[SheetPage]] = None,
    per_team: bool = False,
    parts: Optional[int] = None,
) -> SheetsPrinted:
    """Write the sheets of `rows` to `path` (one per volunteer, or the `pages_to_print` of
    sheet_pages(rows, per_team=True)), each on as many pages as it needs; return the page counts.
    `parts`: how many parts are written at once (printing.pdf_parts; default: what the machine allows).

    PrintError (THAI_FONT_MISSING, OUTPUT_UNWRITABLE, EXPORT_FAILED); PrintCancelled on a cancel. Neither
    leaves a file; an earlier file at `path` stays as it was."""
    path = check_writable(path)
    family = thai_font_family()  # before any part starts: a missing font is reported once
    sheets = sheet_pages(rows) if pages_to_print is None else pages_to_print
    planned = plan_sheets(rows, sheets, per_team, family)
    total = sum(len(p.papers) for p in planned)
    team_pages = sum(len(p.papers) for p in planned if p.sheet.team is not None)
    groups = split_sheets(planned, parts_for(total) if parts is None else parts)
    writers, weights, first = [], [], 1
    for group in groups:
        writers.append(partial(_write_part, rows, outlines, group, options, per_team, first, total))
        weights.append(sum(len(p.papers) for p in group))
        first += weights[-1]
    try:
        export_in_parts(path, writers, weights, on_progress, is_cancelled)
    except ExportCancelled:
        raise PrintCancelled() from None
    return SheetsPrinted(total, team_pages)


def split_sheets(planned: Sequence[PlannedSheet], parts: int) -> list[list[PlannedSheet]]:
    """The sheets in `parts` runs (fewer if there are fewer sheets) of about as many pages of paper each, in
    their order; a sheet is never split."""
    parts = max(1, min(parts, len(planned)))
    total = sum(len(p.papers) for p in planned)
    groups: list[list[PlannedSheet]] = [[]]
    done = 0
    for plan in planned:
        # a new run where the runs so far come nearest their share: before a sheet that would overshoot it
        # by more than stopping short of it
        share = total * len(groups) / parts
        if groups[-1] and len(groups) < parts and done + len(plan.papers) - share > share - done:
            groups.append([])
        groups[-1].append(plan)
        done += len(plan.papers)
    return groups


def _write_part(
    rows: CallSheetRows,
    outlines: list[Outline],
    planned: Sequence[PlannedSheet],
    options: SheetOptions,
    per_team: bool,
    first_number: int,
    total_pages: int,
    file: Path,
    feedback: QgsFeedback,
) -> None:
    """One part of the sheets to `file` (on the part's own thread: its project, layers and layout are its own)."""
    project = QgsProject()
    layers = build_layers(rows, outlines, planned, per_team, first_number, project.transformContext())
    project.addMapLayers(list(layers.values()), False)
    personal = rows.volunteer_personal or rows.requester_personal
    layout = build_layout(project, layers, options, personal, per_team, total_pages)
    try:
        write_atlas_pdf(layout, file, feedback)
    finally:
        del layout
        project.removeAllMapLayers()
