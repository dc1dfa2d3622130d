"""Apply the plugin's .qml styles (resources/styles/) to layers.

The .qml files are the source of truth at run time (tools/make_styles.py is how they were made). They name
our SVG icons relative to the styles folder ("../icons/request_oxygen.svg"), because the plugin can be
installed anywhere: every profile, every OS. Before QGIS reads a style, `apply_style` rewrites each such
reference to the absolute path of the icon in this installation's ICONS_DIR, so icons show on the canvas,
in the legend and in print layouts without any search-path setting or project variable. A project saved
with an older installation's absolute paths is mended by `relink_icons`.

Labels are written with "Noto Sans Thai"; where that family is not installed the first installed Thai
font from THAI_FONTS is used instead (QGIS would otherwise substitute a font that may lack Thai glyphs).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from qgis.core import QgsMapLayer, QgsReadWriteContext, QgsVectorLayer
from qgis.PyQt.QtCore import QFile, QIODevice
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtXml import QDomDocument, QDomElement

from ..definitions.i18n import translate
from ..definitions.paths import ICONS_DIR, STYLES_DIR

# What the .qml files hold, and so all that apply_style replaces: never the layer's scale range,
# fields, forms or actions, which the layer loader and the project own.
STYLE_CATEGORIES = QgsMapLayer.StyleCategories(QgsMapLayer.Symbology | QgsMapLayer.Labeling)

# How a .qml file names one of our icons: relative to the styles folder.
ICON_REF_PREFIX = "../icons/"

# The labels' font first, then Thai fonts found on Linux (fonts-thai-tlwg), Windows and macOS.
THAI_FONTS = ("Noto Sans Thai", "Noto Sans Thai UI", "Loma", "Garuda", "Leelawadee UI", "Tahoma", "Thonburi")

# Symbol layer classes with an SVG file, and the property holding the path.
_SVG_PROPERTIES = {"SvgMarker": "name", "SVGFill": "svgFile"}


class StyleError(RuntimeError):
    """A style is missing or QGIS refused it."""


def style_path(name: str) -> Path:
    return STYLES_DIR / f"{name}.qml"


def style_names() -> list[str]:
    """Every style the plugin ships, by name (the .qml file name without its suffix)."""
    return sorted(p.stem for p in STYLES_DIR.glob("*.qml"))


def icon_path(reference: str) -> str | None:
    """The absolute path of our icon named by `reference`, or None if it does not name one.

    Accepts the .qml form ("../icons/x.svg") and an absolute path from another installation of the
    plugin (".../resources/icons/x.svg", any OS), as long as the file exists in this installation.
    """
    if not reference or reference.startswith("base64:") or "://" in reference:
        return None
    if reference.startswith(ICON_REF_PREFIX):
        file_name = reference[len(ICON_REF_PREFIX) :]
    else:
        pure = PureWindowsPath(reference) if "\\" in reference else PurePosixPath(reference)
        if len(pure.parts) < 2 or pure.parts[-2] != "icons":
            return None
        file_name = pure.name
    candidate = ICONS_DIR / file_name
    return str(candidate) if "/" not in file_name and candidate.is_file() else None


def load_style_document(name: str) -> QDomDocument:
    """The named style as a DOM, icon references resolved and the label font made available."""
    path = style_path(name)
    if not path.is_file():
        known = ", ".join(style_names()) or translate("StyleErrors", "none")
        raise StyleError(
            translate("StyleErrors", "no style named {0}: {1} does not exist (styles: {2})").format(
                repr(name), path, known
            )
        )
    doc = QDomDocument("qgis")
    file = QFile(str(path))
    if not file.open(QIODevice.ReadOnly):
        raise StyleError(translate("StyleErrors", "cannot read style {0}").format(path))
    try:
        ok, message, line, column = doc.setContent(file)
    finally:
        file.close()
    if not ok:
        raise StyleError(
            translate("StyleErrors", "style {0} is not valid XML: {1} (line {2}, column {3})").format(
                path, message, line, column
            )
        )
    missing = resolve_icons(doc)
    if missing:
        raise StyleError(
            translate("StyleErrors", "style {0} names icons that are not in {1}: {2}").format(
                path, ICONS_DIR, ", ".join(missing)
            )
        )
    use_installed_thai_font(doc)
    return doc


def apply_style(layer: QgsVectorLayer, name: str) -> None:
    """Give `layer` the plugin's style `name` (e.g. "help_request"); raises StyleError if that fails."""
    doc = load_style_document(name)
    ok, message = layer.importNamedStyle(doc, STYLE_CATEGORIES)
    if not ok:
        raise StyleError(
            translate("StyleErrors", "QGIS could not apply style {0} to layer {1}: {2}").format(
                repr(name), repr(layer.name()), message
            )
        )
    if layer.renderer() is None:
        raise StyleError(
            translate("StyleErrors", "style {0} gave layer {1} no renderer").format(repr(name), repr(layer.name()))
        )
    layer.setCustomProperty("jitasa/style", name)
    layer.triggerRepaint()


def relink_icons(layer: QgsVectorLayer) -> bool:
    """Point the layer's SVG symbols at this installation's icons (e.g. after a project was opened
    that was saved with the plugin installed elsewhere). Returns True if anything changed."""
    doc = QDomDocument("qgis")
    message = layer.exportNamedStyle(doc, QgsReadWriteContext(), STYLE_CATEGORIES)
    if message:
        raise StyleError(
            translate("StyleErrors", "cannot read the style of layer {0}: {1}").format(repr(layer.name()), message)
        )
    before = doc.toString()
    resolve_icons(doc)
    if doc.toString() == before:
        return False
    ok, message = layer.importNamedStyle(doc, STYLE_CATEGORIES)
    if not ok:
        raise StyleError(
            translate("StyleErrors", "cannot relink icons of layer {0}: {1}").format(repr(layer.name()), message)
        )
    layer.triggerRepaint()
    return True


def svg_references(doc: QDomDocument) -> list[str]:
    """Every SVG path named by a symbol layer in the document, in document order."""
    return [value for _element, value in _svg_values(doc)]


def resolve_icons(doc: QDomDocument) -> list[str]:
    """Rewrite our icon references in place to absolute paths; return references that name a missing icon."""
    missing = []
    for element, value in _svg_values(doc):
        absolute = icon_path(value)
        if absolute is not None:
            _set_svg_value(element, absolute)
        elif value.startswith(ICON_REF_PREFIX):
            missing.append(value)
    return missing


def thai_font_family() -> str | None:
    """The first installed family from THAI_FONTS, or None."""
    installed = set(QFontDatabase().families())
    return next((family for family in THAI_FONTS if family in installed), None)


def use_installed_thai_font(doc: QDomDocument) -> None:
    elements = doc.elementsByTagName("text-style")
    if not elements.count():
        return
    installed = set(QFontDatabase().families())  # (QgsFontUtils.fontFamilyOnSystem says yes to any name)
    fallback = thai_font_family()
    for i in range(elements.count()):
        element = elements.at(i).toElement()
        family = element.attribute("fontFamily")
        if fallback and family in THAI_FONTS and family not in installed:
            element.setAttribute("fontFamily", fallback)


def _svg_values(doc: QDomDocument):
    """(symbol layer element, SVG path) for each SVG symbol layer. 3.22 writes the path twice: in the
    <Option type="Map"> and in the legacy <prop k= v=> list; both are read, the first one wins."""
    layers = doc.elementsByTagName("layer")
    for i in range(layers.count()):
        element = layers.at(i).toElement()
        key = _SVG_PROPERTIES.get(element.attribute("class"))
        if key is None:
            continue
        for option in _children(element, "Option"):
            for entry in _children(option, "Option"):
                if entry.attribute("name") == key:
                    yield element, entry.attribute("value")
                    break
            else:
                continue
            break
        else:
            for prop in _children(element, "prop"):
                if prop.attribute("k") == key:
                    yield element, prop.attribute("v")
                    break


def _set_svg_value(element: QDomElement, value: str) -> None:
    key = _SVG_PROPERTIES[element.attribute("class")]
    for option in _children(element, "Option"):
        for entry in _children(option, "Option"):
            if entry.attribute("name") == key:
                entry.setAttribute("value", value)
    for prop in _children(element, "prop"):
        if prop.attribute("k") == key:
            prop.setAttribute("v", value)


def _children(element: QDomElement, tag: str):
    child = element.firstChildElement(tag)
    while not child.isNull():
        yield child
        child = child.nextSiblingElement(tag)
