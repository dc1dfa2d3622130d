"""Call sheets as one PDF: a page per volunteer, or per team, with a small map of the requests assigned to them
and a table (category, urgency, what is needed, tambon / amphoe, how to reach the requester). A team's page
lists its members and puts all their requests on one map and one table (with the member each is assigned
to); with pages per team, a volunteer in no team still gets a page of their own.

The layout is built in code (A4 portrait) and printed as an atlas over a memory layer with one feature per
volunteer (its geometry is the box the page's map shows); the table reads a memory layer of the request
rows filtered to the atlas feature. Only what `store.call_sheets` read reaches the layers: a name or phone
number the role may not read was never fetched, and its cell says "not shown". The PDF is written to a
temporary file beside the target and renamed at the end, so a failure or a cancel leaves no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
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
from qgis.PyQt.QtGui import QColor, QFont

from ..core.thai_dates import SHORT, thai_date
from ..definitions import labels
from ..definitions.i18n import translate
from ..store.call_sheets import CallSheetRows, SheetRequest, SheetVolunteer
from .fonts import thai_font_family
from .layouts import ExportCancelled, check_writable, export_atlas_pdf

MAP_CRS = "EPSG:32647"  # UTM 47N: Phetchabun and most of Thailand; metres for the scale
MAX_ROWS = 10  # rows of the table a volunteer's page holds; more are counted in the header
MAX_TEAM_ROWS = 13  # a team's page: its map is smaller, its table longer
MAX_MEMBERS_LISTED = 5  # a team's members named on its page; more are counted
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


def _summary(n: int, listed: int) -> str:
    text = translate("CallSheets", "Assigned requests: {0}").format(n)
    if n > listed:
        text += " " + translate("CallSheets", "(the first {0} are listed; see the dock for the rest)").format(listed)
    return text


def _team_who(page: SheetPage) -> str:
    return translate("CallSheets", "Team: {0} · members: {1}").format(page.team, len(page.members))


def _members(page: SheetPage, personal: bool) -> str:
    """A line per member (no., name or •••, kind, phone, vehicle, where they live); more are counted."""
    lines = []
    for v in page.members[:MAX_MEMBERS_LISTED]:
        name = (v.name or "-") if personal else MASK
        kind = _label(v.kind, labels.volunteer_kind_label)
        who = translate("CallSheets", "No. {0}: {1} ({2})").format(v.volunteer_id, name, kind)
        lines.append(f"{who} · {_volunteer_contact(v, personal)}")
    if len(page.members) > MAX_MEMBERS_LISTED:
        lines.append(
            translate("CallSheets", "and {0} more members (see the dock)").format(
                len(page.members) - MAX_MEMBERS_LISTED
            )
        )
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


def build_layers(
    rows: CallSheetRows, outlines: list[Outline], pages_to_print: Optional[list[SheetPage]] = None, per_team=False
) -> dict[str, QgsVectorLayer]:
    """The memory layers the sheets print from: pages (one per volunteer or team), rows, volunteers,
    outlines. `pages_to_print` defaults to a page per volunteer."""
    sheets = sheet_pages(rows) if pages_to_print is None else pages_to_print
    map_size = TEAM_MAP_SIZE_MM if per_team else MAP_SIZE_MM
    listed = MAX_TEAM_ROWS if per_team else MAX_ROWS
    to_map = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(MAP_CRS), QgsProject.instance()
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
        ],
        crs=MAP_CRS,
    )
    table = _memory_layer(
        "Point",
        "rows",
        [
            ("page", QVariant.Int),
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
    page_features, row_features, people_features = [], [], []
    for sheet in sheets:
        f = QgsFeature(pages.fields())
        f.setGeometry(_page_box(sheet, to_map, map_size))
        n = len(sheet.requests)
        if sheet.team is None:
            v = sheet.members[0]
            who, contact, nothing = _who(v, personal), _volunteer_contact(v, personal), empty
        else:
            who, contact, nothing = _team_who(sheet), _members(sheet, personal), empty_team
        f.setAttributes([sheet.members[0].volunteer_id, who, contact, _summary(n, listed), "" if n else nothing])
        page_features.append(f)
    ok, added = pages.dataProvider().addFeatures(page_features)
    # the rows and points carry their page's feature id: "page" = @atlas_featureid is a cheap test per feature
    for sheet, page in zip(sheets, added):
        for v in sheet.members:
            if v.lon is not None:
                p = QgsFeature(people.fields())
                p.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(v.lon, v.lat)))
                p.setAttributes([page.id()])
                people_features.append(p)
        for no, (v, r) in enumerate(sheet.requests, start=1):  # all on the map; the table lists the first
            row = QgsFeature(table.fields())
            if r.lon is not None:
                row.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(r.lon, r.lat)))
            row.setAttributes(
                [
                    page.id(),
                    no,
                    _member(v, personal),
                    _label(r.category, labels.category_label),
                    _label(r.urgency, labels.urgency_label),
                    _need(r),
                    _place(r.tambon_name, r.amphoe_name),
                    _contact(r, rows.requester_personal),
                ]
            )
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


_THIS_PAGE = '"page" = @atlas_featureid'


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
):
    """The A4 portrait call-sheet layout, an atlas over `layers['pages']`; `per_team`: room for a team's
    members above a smaller map, and a longer table with the member each request is assigned to."""
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
    if per_team:  # a line per member, then the map from y 57, the legend, the table from y 146
        _label_item(layout, '[% "contact" %]', family, 8, (10, 26.5, 190, 23))
        summary_y, map_y, map_size, table_y, rows_listed = 50, 57, TEAM_MAP_SIZE_MM, 146, MAX_TEAM_ROWS
    else:
        _label_item(layout, '[% "contact" %]', family, 9, (10, 27, 190, 6))
        summary_y, map_y, map_size, table_y, rows_listed = 33, 41, MAP_SIZE_MM, 154, MAX_ROWS
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
    layout.addLayoutItem(map_item)
    _label_item(
        layout,
        translate("CallSheets", "★ the volunteer  ● an assigned request (its number in the table)"),
        family,
        8,
        (10, map_y + map_size[1] + 1, 190, 5),
    )

    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(layers["rows"])
    table.setFilterFeatures(True)
    table.setFeatureFilter(_THIS_PAGE)
    table.setMaximumNumberOfFeatures(rows_listed)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.HideTable)
    table.setContentTextFormat(_text_format(family, 8))
    table.setHeaderTextFormat(_text_format(family, 8, bold=True))
    headings = {
        "no": translate("CallSheets", "No."),
        "member": translate("CallSheets", "Volunteer"),
        "category": translate("CallSheets", "Category"),
        "urgency": translate("CallSheets", "Urgency"),
        "need": translate("CallSheets", "What is needed"),
        "place": translate("CallSheets", "Where"),
        "contact": translate("CallSheets", "How to reach the requester"),
    }
    widths = TEAM_COLUMNS_MM if per_team else COLUMNS_MM
    columns = [_column(name, headings[name], width) for name, width in widths.items()]
    table.setColumns(columns)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(10, table_y, 190, 276 - table_y))
    table.addFrame(frame)
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
        translate("CallSheets", "Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]"),
        family,
        8,
        (160, 279, 40, 8),
    ).setHAlign(0x0002)

    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["pages"])
    atlas.setEnabled(True)
    atlas.setHideCoverage(True)
    return layout


def export_call_sheets(
    rows: CallSheetRows,
    outlines: list[Outline],
    path: Path,
    options: SheetOptions,
    on_progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
    pages_to_print: Optional[list[SheetPage]] = None,
    per_team: bool = False,
) -> int:
    """Write the sheets of `rows` to `path` (one page per volunteer, or the `pages_to_print` of
    sheet_pages(rows, per_team=True)) and return the page count.

    PrintError (THAI_FONT_MISSING, OUTPUT_UNWRITABLE, EXPORT_FAILED); PrintCancelled on a cancel. Neither
    leaves a file; an earlier file at `path` stays as it was (printing.layouts.export_atlas_pdf)."""
    path = check_writable(path)
    project = QgsProject()
    layers = build_layers(rows, outlines, pages_to_print, per_team)
    pages = layers["pages"].featureCount()
    project.addMapLayers(list(layers.values()), False)
    personal = rows.volunteer_personal or rows.requester_personal
    layout = build_layout(project, layers, options, personal, per_team)
    feedback = QgsFeedback()

    def progressed(percent: float) -> None:
        if is_cancelled is not None and is_cancelled():
            feedback.cancel()
        if on_progress is not None:
            on_progress(percent / 100.0)

    feedback.progressChanged.connect(progressed)
    try:
        if is_cancelled is not None and is_cancelled():
            raise PrintCancelled()
        export_atlas_pdf(layout, path, feedback)
    except ExportCancelled:
        raise PrintCancelled() from None
    finally:
        del layout
        project.removeAllMapLayers()
    return pages
