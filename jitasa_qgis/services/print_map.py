"""Printed maps (jitasa:printmap) and atlases (jitasa:printatlas) of the store, as PDF.

`print_map`: one page of an extent, or of an area (a province, amphoe or tambon by code or name, or a
service area by id), or of the whole store. `print_atlas`: one page per amphoe, tambon or service area of
a scope, each with the overview inset and its figures (open requests by urgency and category, volunteers
assigned, facilities and capacity), read for all pages in one query (store/print_figures.py).

Both build a private project with the styled store layers (printing/print_project.py), never touching the
user's project, and write the PDF through a temporary file renamed at the end: a failure or a cancel leaves
no file. Refused before anything is rendered: an unknown area or template, an area without a boundary, an
atlas scope without areas, an output that cannot be written, no Thai font installed (PrintError, whose
words name the Debian package to install).

Needs a StoreLocation (the layers' URIs come from a saved connection or a pg_service), not a bare spec.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsRectangle

from ..definitions.i18n import translate
from ..definitions.print_errors import PrintErrorCode
from ..printing import layouts
from ..printing.atlas import AtlasPage, configure_atlas, coverage_layer
from ..printing.attribution import sources_text
from ..printing.errors import PrintError
from ..printing.figures_text import figures_text
from ..printing.fonts import thai_font_family
from ..printing.print_project import MAP_LAYERS, PrintProject, build_print_project
from ..store.print_figures import PrintArea, area_figures, print_areas, store_extent
from ..store.qgis_connections import StoreLocation
from .areas import describe_area, resolve_any_area
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import connection

PathLike = Union[str, Path]
ATLAS_LEVELS = ("amphoe", "tambon", "service_area")
TEMPLATES = tuple(layouts.TEMPLATES)  # a4_portrait, a4_landscape, a3_landscape (the Processing choices)
Extent = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in EPSG:4326


@dataclass(frozen=True)
class PrintMapParams:
    output: PathLike
    template: str = "a3_landscape"  # a name of printing.layouts.TEMPLATES or a .qpt path
    area: str = ""  # a province, amphoe or tambon: code or name; '' = the whole store
    service_area_id: Optional[int] = None  # instead of an admin area
    extent: Optional[Extent] = None  # instead of an area (EPSG:4326)
    title: str = ""  # '' = made from the area
    subtitle: str = ""  # '' = what the map shows
    office: str = ""
    thai_digits: bool = True


@dataclass(frozen=True)
class PrintAtlasParams:
    output: PathLike
    level: str = "tambon"  # one page per amphoe, tambon or service_area
    scope: str = ""  # a province or amphoe (code or name); '' = the whole store
    template: str = "a4_portrait"
    title: str = ""  # '' = the page's area
    office: str = ""
    thai_digits: bool = True


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    template: str
    font: str  # the Thai font family the text was set in
    empty_pages: int = 0  # atlas pages of areas with no open request (they say so)
    seconds: float = 0.0

    def summary_lines(self) -> list[str]:
        lines = [
            translate("PrintMap", "Wrote {0} pages to {1} ({2:.1f} s).").format(
                self.pages, str(self.path), self.seconds
            )
        ]
        if self.empty_pages:
            lines.append(translate("PrintMap", "{0} pages show areas with no open request.").format(self.empty_pages))
        return lines


def _location(store) -> StoreLocation:
    if not isinstance(store, StoreLocation):
        raise ValueError(
            translate("PrintMap", "Printing needs a saved PostgreSQL connection or a pg_service name for its layers.")
        )
    return store


def _subtitle_shown() -> str:
    return translate("PrintMap", "Open help requests, volunteers, facilities and service areas")


def print_map(store, params: PrintMapParams, progress: Optional[Progress] = None) -> PrintResult:
    """One page (see the module docstring). Raises PrintError / ValueError before rendering, Cancelled."""
    progress = progress_of(progress)
    started = time.perf_counter()
    location = _location(store)
    font = thai_font_family()
    layouts.check_writable(params.output)
    layouts.template_path(params.template)
    with connection(location, progress) as conn:
        extent, place = _map_extent(conn, params)
        whole = store_extent(conn)
        conn.rollback()
    check_cancelled(progress)
    progress.report(0.1, translate("PrintMap", "Area: {0}").format(place))
    printed = build_print_project(location)
    try:
        layout = layouts.load_layout(printed.project, params.template)
        shown = printed.shown(MAP_LAYERS)
        layouts.fill_layout(
            layout,
            layouts.PageText(
                title=params.title or translate("PrintMap", "Help requests and volunteers: {0}").format(place),
                subtitle=params.subtitle or _subtitle_shown(),
                sources=sources_text(shown),
                office=params.office,
                thai_digits=params.thai_digits,
            ),
            font_family=font,
        )
        layouts.set_map(
            layout,
            shown,
            QgsRectangle(*extent),
            overview_layers=printed.overview,
            overview_extent=QgsRectangle(*whole) if whole else None,
        )
        check_cancelled(progress)
        progress.report(0.3, translate("PrintMap", "Drawing the map…"))
        path = layouts.export_pdf(layout, params.output)
    finally:
        printed.close()
    progress.report(1.0)
    return PrintResult(path, 1, params.template, font, seconds=time.perf_counter() - started)


def _map_extent(conn, params: PrintMapParams) -> tuple[Extent, str]:
    """The extent to print and the place's words; PrintError(AREA_EMPTY) for an area without a boundary."""
    if params.extent is not None:
        xmin, ymin, xmax, ymax = params.extent
        if not (xmax > xmin and ymax > ymin):
            raise ValueError(translate("PrintMap", "The extent is empty: give xmin < xmax and ymin < ymax."))
        return (xmin, ymin, xmax, ymax), translate("PrintMap", "the extent given")
    if params.service_area_id is not None:
        found = print_areas(conn, "service_area", ids=[int(params.service_area_id)])
        if not found:
            raise PrintError(PrintErrorCode.AREA_EMPTY, str(params.service_area_id))
        return found[0].bbox, _place_words(found[0])
    if (params.area or "").strip():
        area = resolve_any_area(conn, params.area)
        found = [a for a in print_areas(conn, area.level, area.code) if a.code == area.code]
        if not found:
            raise PrintError(PrintErrorCode.AREA_EMPTY, describe_area(area))
        return found[0].bbox, _place_words(found[0])
    whole = store_extent(conn)
    if whole is None:
        raise PrintError(PrintErrorCode.AREA_EMPTY, translate("PrintMap", "the whole store"))
    provinces = print_areas(conn, "province")
    if len(provinces) == 1:
        return whole, _place_words(provinces[0])
    return whole, translate("PrintMap", "all areas in the store")


def _place_words(area: PrintArea) -> str:
    if area.level == "service_area":
        return translate("PrintMap", "Service area {0}").format(area.name_th)
    if area.level == "tambon":
        if area.parent_name_th:
            return translate("PrintMap", "Tambon {0}, amphoe {1}").format(area.name_th, area.parent_name_th)
        return translate("PrintMap", "Tambon {0}").format(area.name_th)
    if area.level == "amphoe":
        return translate("PrintMap", "Amphoe {0}").format(area.name_th)
    return translate("PrintMap", "Province {0}").format(area.name_th)


# ---------------------------------------------------------------------------------------------------- atlas


class _AtlasFeedback(QgsFeedback):
    """The exporter's page-by-page progress into the service's Progress; its cancel cancels the export."""

    def __init__(self, progress: Progress, pages: int, start: float):
        super().__init__()
        self._progress, self._pages, self._start = progress, max(pages, 1), start
        self.progressChanged.connect(self._changed)

    def _changed(self, percent: float) -> None:
        if self._progress.is_cancelled():
            self.cancel()
            return
        page = min(self._pages, int(round(percent / 100 * self._pages)))
        self._progress.report(
            self._start + (1 - self._start) * percent / 100,
            translate("PrintMap", "Page {0} of {1}").format(page, self._pages),
        )


def print_atlas(store, params: PrintAtlasParams, progress: Optional[Progress] = None) -> PrintResult:
    """One page per area of the scope (see the module docstring). Raises PrintError / ValueError before
    rendering; Cancelled on a cancel (no file)."""
    progress = progress_of(progress)
    started = time.perf_counter()
    if params.level not in ATLAS_LEVELS:
        raise ValueError(translate("PrintMap", "Unknown atlas level: {0}").format(params.level))
    location = _location(store)
    font = thai_font_family()
    layouts.check_writable(params.output)
    layouts.template_path(params.template)
    with connection(location, progress) as conn:
        scope_code, scope_words = "", translate("PrintMap", "the whole store")
        if (params.scope or "").strip():
            scope = resolve_any_area(conn, params.scope)
            if scope.level == "tambon" or (scope.level == "amphoe" and params.level == "amphoe"):
                raise ValueError(
                    translate("PrintMap", "An atlas of {0} pages needs a wider scope than {1}.").format(
                        _level_words(params.level), describe_area(scope)
                    )
                )
            scope_code, scope_words = scope.code, describe_area(scope)
        areas = print_areas(conn, params.level, scope_code)
        if not areas:
            raise PrintError(PrintErrorCode.NO_PAGES, scope_words)
        figures = area_figures(conn, params.level, [a.code for a in areas], scope_code)
        whole = store_extent(conn)
        conn.rollback()
    check_cancelled(progress)
    progress.report(0.1, translate("PrintMap", "{0} pages to print.").format(len(areas)))
    pages = [
        AtlasPage(
            code=a.code,
            title=params.title or _place_words(a),
            subtitle=_subtitle_shown(),
            figures=figures_text(figures[a.code]),
            wkb=a.wkb,
        )
        for a in areas
    ]
    empty = sum(1 for a in areas if figures[a.code].open_requests == 0)
    printed = build_print_project(location)
    try:
        printed.snapshot(MAP_LAYERS, _pages_extent(areas), QgsCoordinateReferenceSystem(layouts.PRINT_CRS))
        path = _export_atlas(printed, params, pages, whole, font, progress)
    finally:
        printed.close()
    progress.report(1.0)
    return PrintResult(path, len(pages), params.template, font, empty, time.perf_counter() - started)


def _pages_extent(areas) -> QgsRectangle:
    """The box of every page's area with the atlas margin around the widest, in EPSG:4326."""
    xmin = min(a.bbox[0] for a in areas)
    ymin = min(a.bbox[1] for a in areas)
    xmax = max(a.bbox[2] for a in areas)
    ymax = max(a.bbox[3] for a in areas)
    pad = max(max(a.bbox[2] - a.bbox[0], a.bbox[3] - a.bbox[1]) for a in areas)  # a page shows beyond its area
    return QgsRectangle(xmin - pad, ymin - pad, xmax + pad, ymax + pad)


def _level_words(level: str) -> str:
    return {
        "amphoe": lambda: translate("PrintMap", "amphoe"),
        "tambon": lambda: translate("PrintMap", "tambon"),
        "service_area": lambda: translate("PrintMap", "service area"),
    }[level]()


def _export_atlas(printed: PrintProject, params, pages, whole, font, progress) -> Path:
    layout = layouts.load_layout(printed.project, params.template)
    shown = printed.shown(MAP_LAYERS)
    layouts.fill_layout(
        layout,
        layouts.PageText(title="-", sources=sources_text(shown), office=params.office, thai_digits=params.thai_digits),
        font_family=font,
    )
    page_legend = layouts.set_map(
        layout,
        shown,
        QgsRectangle(*whole) if whole else None,
        overview_layers=printed.overview,
        overview_extent=QgsRectangle(*whole) if whole else None,
        whole_layers=True,
    )
    configure_atlas(layout, coverage_layer(printed.project, pages))
    if page_legend is not None:  # each page's legend: what its map shows
        layout.atlas().featureChanged.connect(page_legend.update)
    feedback = _AtlasFeedback(progress, len(pages), 0.1)
    try:
        return layouts.export_atlas_pdf(layout, params.output, feedback)
    except layouts.ExportCancelled:
        raise Cancelled(translate("PrintMap", "Cancelled; no file was written.")) from None
