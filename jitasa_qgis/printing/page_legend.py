"""A page's legend: only the layers and classes its map shows, fitted into the template's legend box.

QGIS's filter by map content runs a hit test over every layer (it compares the symbols' XML) and rebuilds
the whole legend model on every atlas page: ~45 ms of an atlas page's ~80 ms. Here each layer's features are
classed once, in Python, by the renderer itself (`legendKeysForFeature` at the page's scale band), with their
bounding boxes; a page keeps the classes whose boxes meet the map's extent (what QGIS's hit test tests), a
layer with none is left out, and only the layers whose classes changed since the previous page are rebuilt.

Fitting: long layer titles and class labels are wrapped at Thai word boundaries (QTextBoundaryFinder, which
uses libthai) to the column width, and the text is made smaller, step by step, until the legend's height as
QGIS's own legend renderer lays it out fits the box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from qgis.core import (
    QgsCoordinateTransform,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayerTreeLayer,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLegendSymbolItem,
    QgsMapLayer,
    QgsMapLayerLegend,
    QgsMarkerSymbol,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSymbolLayerUtils,
    QgsSymbolLegendNode,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTextBoundaryFinder
from qgis.PyQt.QtGui import QFont, QFontMetricsF

TEXT_STYLES = (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel)
# text sizes tried in turn, as a share of the template's: 8 pt labels down to 6 pt
FIT_STEPS = (1.0, 0.9, 0.82, 0.75)
SYMBOL_MM = 5.0  # the template's symbol width, and the gap after it (SymbolLabel's left margin)
LABEL_GAP_MM = 1.2
ROOM_MM = 10.0  # room to spare under a legend for less of it to surely fit (an atom is under 10 mm)


# ------------------------------------------------------------------------------------------------ wrapping


def text_width_mm(font: QFont, text: str) -> float:
    """Width of `text` in `font` (its point size) in mm, measured as QGIS's legend measures it (a pixel size
    of ten times the millimetres, for precision)."""
    scaled = QFont(font)
    scaled.setPixelSize(max(1, int(font.pointSizeF() * 0.3527 * 10 + 0.5)))
    return QFontMetricsF(scaled).horizontalAdvance(text) / 10


def _pieces(paragraph: str) -> list[str]:
    """`paragraph` cut where a line may break (after spaces, and at Thai word boundaries: libthai), except
    after a number: it stays with the unit or the end of the range that follows it ("5 กม.", "10–49 คำ")."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.Line, paragraph)
    pieces, start, position = [], 0, finder.toNextBoundary()
    while position != -1:
        if position > start:
            piece = paragraph[start:position]
            if pieces and _ends_in_number(pieces[-1]):
                pieces[-1] += piece
            else:
                pieces.append(piece)
            start = position
        position = finder.toNextBoundary()
    return pieces


def _ends_in_number(piece: str) -> bool:
    """A number before a space ("5 ") or the start of a range ("10–"). str.isdigit: Thai digits too."""
    word = piece.rstrip()
    if word != piece:
        return word[-1:].isdigit()
    return word[-1:] == "–" and word[-2:-1].isdigit()


def wrap_text(text: str, font: QFont, width_mm: float) -> str:
    """`text` broken into lines no wider than `width_mm` where a line may break; a word wider than the
    width keeps a line of its own."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in _pieces(paragraph):
            if line and text_width_mm(font, (line + piece).rstrip()) > width_mm:
                lines.append(line.rstrip())
                line = piece
            else:
                line += piece
        lines.append(line.rstrip())
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------- layer classes


@dataclass
class _LayerClasses:
    """One layer's features classed by its renderer: boxes (layer CRS) and, per scale band, the legend keys
    of each feature (as an index into a list of distinct key sets)."""

    layer: QgsVectorLayer
    node_keys: list[str]  # the rule key of each of the layer's legend nodes, in the renderer's order
    limit: Optional[QgsRectangle]  # only features in this box (layer CRS) are classed; None: all
    features: list = field(default_factory=list)
    boxes: object = None  # numpy (n, 4): xmin, ymin, xmax, ymax
    bands: dict = field(default_factory=dict)  # band -> (numpy index per feature, [frozenset of keys])
    loaded: bool = False
    points: bool = False  # a box test is exact for points; lines and polygons are then tested whole

    def _load(self) -> None:
        import numpy as np

        request = QgsFeatureRequest()
        if self.limit is not None:
            request.setFilterRect(self.limit)
        boxes = []
        for feature in self.layer.getFeatures(request):
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            box = geometry.boundingBox()
            boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
            self.features.append(feature)
        self.boxes = np.array(boxes, dtype=float).reshape(-1, 4)
        self.points = self.layer.geometryType() == QgsWkbTypes.PointGeometry
        self.loaded = True

    def _band(self, scale: float) -> tuple:
        """Which of the style's scale-limited rules are active at `scale` (one band per distinct answer)."""
        renderer = self.layer.renderer()
        if isinstance(renderer, QgsRuleBasedRenderer):
            return tuple(rule.isScaleOK(scale) for rule in renderer.rootRule().descendants())
        return ()

    def _classify(self, scale: float):
        import numpy as np

        band = self._band(scale)
        if band in self.bands:
            return self.bands[band]
        context = QgsRenderContext()
        context.setRendererScale(scale)
        context.setExpressionContext(
            QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(self.layer))
        )
        renderer = self.layer.renderer().clone()
        renderer.startRender(context, self.layer.fields())
        signatures: dict[frozenset, int] = {}
        index = np.empty(len(self.features), dtype=np.int32)
        try:
            for row, feature in enumerate(self.features):
                context.expressionContext().setFeature(feature)
                keys = frozenset(renderer.legendKeysForFeature(feature, context))
                index[row] = signatures.setdefault(keys, len(signatures))
        finally:
            renderer.stopRender(context)
        self.bands[band] = (index, list(signatures))
        return self.bands[band]

    def visible_keys(self, extent: QgsRectangle, scale: float) -> frozenset:
        """The legend keys of the features that meet `extent` (layer CRS), at `scale`."""
        import numpy as np

        if not self.layer.isInScaleRange(scale):
            return frozenset()
        if not self.loaded:
            self._load()
        if not self.features:
            return frozenset()
        b = self.boxes
        hit = (
            (b[:, 0] <= extent.xMaximum())
            & (b[:, 2] >= extent.xMinimum())
            & (b[:, 1] <= extent.yMaximum())
            & (b[:, 3] >= extent.yMinimum())
        )
        if not hit.any():
            return frozenset()
        index, signatures = self._classify(scale)
        keys: set = set()
        rows = np.flatnonzero(hit)
        for signature in np.unique(index[rows]):
            if signatures[signature] <= keys:
                continue
            candidates = rows[index[rows] == signature]
            if self.points or any(self.features[r].geometry().intersects(extent) for r in candidates):
                keys |= signatures[signature]  # a line or polygon whose box meets the extent may not
        return frozenset(keys)


# ------------------------------------------------------------------------------------------------ the legend


class _ShownClasses(QgsMapLayerLegend):
    """A layer's legend of only the classes shown (indices into the renderer's legend items), from symbols
    made once: the default legend clones every class's symbol (an SVG icon is parsed again each time) and
    drops the hidden ones after, on every page."""

    def __init__(self, items: list):
        super().__init__()
        self.items = items
        self.order: tuple = ()
        self.labels: list[str] = []
        self.headings: frozenset = frozenset()
        self.placed: list = []

    def show(self, order: tuple, labels: list[str], headings: frozenset = frozenset()) -> None:
        self.order, self.labels, self.headings = tuple(order), labels, headings

    def createLayerTreeModelLegendNodes(self, node_layer):  # noqa: N802 - QGIS's virtual
        nodes = []
        for j, index in enumerate(self.order):
            placed = index in self.headings or (j > 0 and self.order[j - 1] in self.headings)
            node = (_PlacedNode if placed else QgsSymbolLegendNode)(node_layer, self.items[index])
            if self.labels and self.labels[index] != self.items[index].label():
                node.setUserLabel(self.labels[index])
            sip.transferto(node, None)  # the model owns and deletes its nodes
            nodes.append(node)
        # sip keeps a Python subclass's part only while Python holds the object
        self.placed = [node for node in nodes if isinstance(node, _PlacedNode)]
        return nodes


def _legend_sized(item: QgsLegendSymbolItem, legend: QgsLayoutItemLegend) -> QgsLegendSymbolItem:
    """`item` with its symbol no larger than the legend draws it (else the legend clones it on every page
    to shrink it)."""
    symbol = item.symbol()
    if symbol is None:  # a heading of a rule-based renderer's classes: a row as tall as theirs
        return _spaced_heading(item)
    if legend.maximumSymbolSize() <= 0:
        return QgsLegendSymbolItem(item)
    context = QgsRenderContext()
    context.setScaleFactor(300 / 25.4)
    smaller, _width, _height, _ok = QgsSymbolLayerUtils.restrictedSizeSymbol(
        symbol, legend.minimumSymbolSize(), legend.maximumSymbolSize(), context
    )
    sized = QgsLegendSymbolItem(item)
    if smaller is not None:
        sized.setSymbol(smaller)
    return sized


def _spaced_heading(item: QgsLegendSymbolItem) -> QgsLegendSymbolItem:
    """A class without a symbol (the parent rule over "ready" or "busy" volunteers' kinds) given an empty
    one: QGIS lays a row without a symbol out as tall as its text alone, so its tone marks touched the layer
    title above; with the empty symbol the row has the symbol height and its text is centred like the rows
    it heads."""
    spaced = QgsLegendSymbolItem(item)
    spaced.setSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_style": "no"}))
    return spaced


def legend_title(name: str) -> str:
    """A layer's legend title before fitting: broken at " — " or " (" when long (the fitting wraps on)."""
    if len(name) <= 30:
        return name
    for separator, keep in ((" — ", "— "), (" (", "(")):
        head, found, tail = name.partition(separator)
        if found and head:
            return f"{head}\n{keep}{tail}"
    return name


class _PlacedNode(QgsSymbolLegendNode):
    """A legend node that remembers the left edge of the column QGIS last laid it out in (a heading and the
    row after it: whether they share a column)."""

    def __init__(self, node_layer, item):
        super().__init__(node_layer, item)
        self.column_left: Optional[float] = None

    def drawSymbolText(self, settings, ctx, symbol_size):  # noqa: N802 - QGIS's virtual
        # the renderer measures each node first (a column at 0) and then lays the columns out: the last wins
        if ctx is not None:
            self.column_left = ctx.columnLeft
        return super().drawSymbolText(settings, ctx, symbol_size)


class _LayerBreak:
    """A forced column break before a layer (its title), set as a legend node's is."""

    def __init__(self, node: QgsLayerTreeLayer):
        self.node = node

    def setColumnBreak(self, on: bool) -> None:  # noqa: N802 - as QgsLayerTreeModelLegendNode's
        if on:
            self.node.setCustomProperty("legend/column-break", "1")
        else:
            self.node.removeCustomProperty("legend/column-break")


class PageLegend:
    """The legend of one map: `update()` after the map's extent changed (an atlas calls it on every page)."""

    def __init__(
        self,
        legend: QgsLayoutItemLegend,
        the_map: QgsLayoutItemMap,
        layers: Sequence[QgsMapLayer],
        whole_layers: bool = True,
    ):
        """`whole_layers`: class every feature once (an atlas's in-memory snapshot); else only those in the
        map's current extent (one page over the store's server-side layers)."""
        self.legend, self.map = legend, the_map
        self.layers = [layer for layer in layers if layer is not None]
        self.whole_layers = whole_layers
        legend.setAutoUpdateModel(False)
        legend.setLegendFilterByMapEnabled(False)
        legend.setWrapString("\n")
        legend.setLinkedMap(the_map)
        self._base_fonts = {style: QFont(legend.styleFont(style)) for style in TEXT_STYLES}
        self._base_symbol_height = legend.symbolHeight()
        self._step = FIT_STEPS[0]
        self._columns = max(1, legend.columnCount())
        self._classes: dict[str, _LayerClasses] = {}
        self._shown: dict[str, tuple] = {}  # layer id -> node order shown now
        self._nodes: dict[str, QgsLayerTreeLayer] = {}
        self._transforms: dict[str, Optional[QgsCoordinateTransform]] = {}
        self._node_keys: dict[str, list[str]] = {}
        self._labels: dict[str, list[str]] = {}
        self._wrapped: dict[str, list[str]] = {}
        self._legends: dict[str, _ShownClasses] = {}
        self._headings: dict[str, frozenset] = {}  # layer id -> indices of its classes that head others
        legend.model().rootGroup().removeAllChildren()
        for layer in self.layers:
            self._read_classes(layer)
        self._roomy_sets: list[dict] = []  # recent contents that fitted at full size with ROOM_MM to spare
        self.fitted_step: Optional[float] = None

    def _read_classes(self, layer: QgsMapLayer) -> None:
        """The layer's classes in the renderer's order; a vector layer of several classes gets a legend of
        only the classes shown (_ShownClasses), its symbols made once at the legend's size."""
        renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
        items = list(renderer.legendSymbolItems()) if renderer is not None else []
        self._node_keys[layer.id()] = [str(item.ruleKey() or "") for item in items]
        self._labels[layer.id()] = [str(item.label() or "") for item in items]
        self._headings[layer.id()] = frozenset(i for i, item in enumerate(items) if item.symbol() is None)
        if len(items) > 1:
            shown = _ShownClasses([_legend_sized(item, self.legend) for item in items])
            layer.setLegend(shown)  # the layer (a print's own) owns it
            self._legends[layer.id()] = shown

    # ---- which classes a page shows

    def _layer_extent(self, layer: QgsMapLayer, extent: QgsRectangle) -> QgsRectangle:
        if layer.id() not in self._transforms:
            crs = self.map.crs()
            self._transforms[layer.id()] = (
                None if layer.crs() == crs else QgsCoordinateTransform(crs, layer.crs(), self.map.layout().project())
            )
        transform = self._transforms[layer.id()]
        return QgsRectangle(extent) if transform is None else transform.transformBoundingBox(extent)

    def _visible(self, layer: QgsMapLayer, extent: QgsRectangle, scale: float) -> tuple:
        """The indices of the layer's legend nodes this page shows (all of them for a layer that is not a
        vector layer); () when the layer shows nothing here."""
        keys_of_nodes = self._node_keys[layer.id()]
        if not isinstance(layer, QgsVectorLayer) or layer.renderer() is None:
            return tuple(range(len(keys_of_nodes))) if layer.isInScaleRange(scale) else ()
        layer_extent = self._layer_extent(layer, extent)
        classes = self._classes.get(layer.id())
        if classes is None:
            classes = _LayerClasses(layer, keys_of_nodes, None if self.whole_layers else layer_extent)
            self._classes[layer.id()] = classes
        keys = classes.visible_keys(layer_extent, scale)
        return tuple(i for i, key in enumerate(keys_of_nodes) if key in keys)

    def update(self, *_args) -> None:
        """Show what the map's current extent shows; refit when anything changed."""
        extent, scale = self.map.extent(), self.map.scale()
        wanted = {layer.id(): self._visible(layer, extent, scale) for layer in self.layers}
        if wanted == self._shown:
            return
        # The legend item refreshes itself (six expression contexts) on every signal of its model; one
        # updateLegend() at the end of fit() does it once. Qt's row bookkeeping runs regardless of blocking.
        model = self.legend.model()
        was_blocked = model.blockSignals(True)
        try:
            self._apply(wanted)
        finally:
            model.blockSignals(was_blocked)
        self._shown = wanted
        self.fit()

    def _apply(self, wanted: dict) -> None:
        model = self.legend.model()
        root = model.rootGroup()
        position = 0
        for layer in self.layers:
            order = wanted[layer.id()]
            node = self._nodes.get(layer.id())
            if not order:
                if node is not None:
                    root.removeChildNode(node)  # deletes the node
                    del self._nodes[layer.id()]
                continue
            shown = self._legends.get(layer.id())
            if node is None:  # its title and classes set before the model makes its legend nodes
                if shown is not None:
                    shown.show(order, self._wrapped_labels(layer), self._headings[layer.id()])
                node = QgsLayerTreeLayer(layer)
                node.setName(self._wrapped_title(layer))
                root.insertChildNode(position, node)
                self._nodes[layer.id()] = node
            elif shown is not None and self._shown.get(layer.id()) != order:
                shown.show(order, self._wrapped_labels(layer), self._headings[layer.id()])
                model.refreshLayerLegend(node)
            position += 1

    # ---- fitting the box

    def _column_mm(self) -> float:
        columns = self._columns
        return (self.legend.rect().width() - self.legend.columnSpace() * (columns - 1)) / columns - 0.5

    def _wrapped_title(self, layer: QgsMapLayer) -> str:
        """The layer's title wrapped to the column width at the template's text size (a smaller size then
        fits it too)."""
        return wrap_text(legend_title(layer.name()), self._base_fonts[QgsLegendStyle.Subgroup], self._column_mm())

    def _wrapped_labels(self, layer: QgsMapLayer) -> list[str]:
        if layer.id() not in self._wrapped:
            label_mm = self._column_mm() - self.legend.symbolWidth() - LABEL_GAP_MM
            font = self._base_fonts[QgsLegendStyle.SymbolLabel]
            self._wrapped[layer.id()] = [wrap_text(label, font, label_mm) for label in self._labels[layer.id()]]
        return self._wrapped[layer.id()]

    def _font(self, style, scale_step: float) -> QFont:
        font = QFont(self._base_fonts[style])
        font.setPointSizeF(round(self._base_fonts[style].pointSizeF() * scale_step * 2) / 2)
        return font

    def _set_step(self, scale_step: float) -> None:
        """The legend's text at `scale_step` of the template's size, its rows a little lower too (the
        symbols were made at the largest size the legend draws: _legend_sized)."""
        if scale_step == self._step:
            return
        for style in TEXT_STYLES:
            self.legend.setStyleFont(style, self._font(style, scale_step))
        self.legend.setSymbolHeight(self._base_symbol_height * min(1.0, scale_step + 0.1))
        self._step = scale_step

    def _content_height(self) -> float:
        """The legend's height as QGIS lays it out (columns balanced), in mm."""
        context = QgsRenderContext()  # text metrics only; the layout's own context costs its variables
        context.setScaleFactor(self.legend.layout().renderContext().dpi() / 25.4)
        renderer = QgsLegendRenderer(self.legend.model(), self.legend.legendSettings())
        return renderer.minimumSize(context).height()

    # ---- a heading kept with its rows

    def _heading_rows(self) -> list[tuple]:
        """(where to break before the heading, the heading's node, the node of the first row it heads) for
        each class heading shown over rows: the places where QGIS may break a column between a heading and
        its rows. A layer's first row goes with the layer's title, so before a first heading the break is
        before the layer."""
        pairs = []
        model = self.legend.model()
        for layer in self.layers:
            headings, node = self._headings.get(layer.id()), self._nodes.get(layer.id())
            if not headings or node is None:
                continue
            order = self._shown.get(layer.id(), ())
            nodes = model.layerLegendNodes(node)
            for j in range(min(len(order), len(nodes)) - 1):
                if order[j] in headings and order[j + 1] not in headings:
                    pairs.append((_LayerBreak(node) if j == 0 else nodes[j], nodes[j], nodes[j + 1]))
        return pairs

    def _clear_breaks(self) -> None:
        model = self.legend.model()
        for node in self._nodes.values():
            _LayerBreak(node).setColumnBreak(False)
            for legend_node in model.layerLegendNodes(node):
                legend_node.setColumnBreak(False)

    def _keep_headings_with_their_rows(self, box: float, height: Optional[float]) -> bool:
        """Move a class heading that would end a column (QGIS 3.22 has no keep-with-next) to the top of the
        next, with its rows. False when the legend then no longer fits the box (the break undone).
        `height`: the legend's height when it was just laid out as it is now (its nodes know their columns).

        The heading and the row after it are _PlacedNodes, which note the column QGIS lays them out in, so
        the legend's own layout for its height tells where it breaks, with no layout of its own."""
        if self._columns < 2:
            return True
        pairs = self._heading_rows()
        if not pairs:
            return True
        if height is None:
            height = self._content_height()
        for breaker, heading, first_row in pairs:
            left, row_left = getattr(heading, "column_left", None), getattr(first_row, "column_left", None)
            if left is None or row_left is None or left == row_left:
                continue
            breaker.setColumnBreak(True)
            # the first column loses the heading's row and the second gains it: under ROOM_MM
            if height + ROOM_MM <= box or self._content_height() <= box:
                return True
            breaker.setColumnBreak(False)
            return False
        return True

    def _roomy(self, wanted: dict) -> bool:
        """Whether `wanted` is part of what an earlier page showed with room to spare at full size (fewer
        rows then fit too, without laying the legend out again)."""
        return any(
            all(set(order) <= set(roomy.get(layer_id, ())) for layer_id, order in wanted.items() if order)
            for roomy in self._roomy_sets
        )

    def fit(self) -> None:
        """The largest text (FIT_STEPS) at which the wrapped legend's height fits the box."""
        box = self.legend.rect().height()
        self._clear_breaks()  # a break kept from an earlier page would move rows that need not move now
        roomy = self._roomy(self._shown)
        for step in FIT_STEPS:
            self._set_step(step)
            height = None if roomy and step == FIT_STEPS[0] else self._content_height()
            if height is not None and height > box:
                continue
            if not self._keep_headings_with_their_rows(box, height):
                continue
            if height is not None and step == FIT_STEPS[0] and height <= box - ROOM_MM:
                self._roomy_sets = [dict(self._shown)] + self._roomy_sets[:15]
            break
        self.fitted_step = step
        self.legend.updateLegend()
