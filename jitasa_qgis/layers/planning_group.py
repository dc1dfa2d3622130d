"""The "Jitasa planning" layer group: where coverage gaps, vaccination coverage and plans land, each with its
style (resources/styles/*.qml through layers.styles).

- `add_to_planning_group(layer, style_name, project)`: style the layer and put it in the group (made at the
  top of the layer tree when missing) above the older layers of its kind, points above lines above polygons
  (Processing loads a run's outputs in no fixed order); a layer already in the project is moved, not copied.
  Usable headless (a script, qgis_process with a project) as well as in the GUI.
- `PlanningPostProcessor`: a QgsProcessingLayerPostProcessorInterface doing the same for a layer the
  toolbox loads when an algorithm finishes; `load_into_planning_group(context, dest, style_name)` attaches
  one (Processing keeps a bare pointer, so the objects are kept here until the next run replaces them).
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsLayerTreeGroup, QgsProcessingLayerPostProcessorInterface, QgsProject, QgsWkbTypes

from ..definitions.i18n import translate
from .styles import apply_style


def planning_group_name() -> str:
    return translate("PlanningGroup", "Jitasa planning")


def planning_group(project: Optional[QgsProject] = None) -> QgsLayerTreeGroup:
    """The project's planning group, made at the top of the layer tree if it has none."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    group = root.findGroup(planning_group_name())
    if group is None:
        group = root.insertGroup(0, planning_group_name())
    return group


def add_to_planning_group(layer, style_name: Optional[str] = None, project: Optional[QgsProject] = None):
    """Style `layer` (if a style is named) and show it at the top of the planning group; returns its node."""
    project = project or QgsProject.instance()
    if style_name:
        apply_style(layer, style_name)
    group = planning_group(project)
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id()) if project.mapLayer(layer.id()) is not None else None
    if node is not None and node.parent() is group:
        return node
    if project.mapLayer(layer.id()) is None:
        project.addMapLayer(layer, False)
    new_node = group.insertLayer(_position(group, layer), layer)
    if node is not None:
        node.parent().removeChildNode(node)
    layer.triggerRepaint()
    return new_node


def _rank(layer) -> int:
    """Points above lines above polygons (above tables), whatever order the layers arrive in."""
    geometry = layer.geometryType() if hasattr(layer, "geometryType") else QgsWkbTypes.NullGeometry
    return {
        QgsWkbTypes.PointGeometry: 0,
        QgsWkbTypes.LineGeometry: 1,
        QgsWkbTypes.PolygonGeometry: 2,
    }.get(geometry, 3)


def _position(group: QgsLayerTreeGroup, layer) -> int:
    """Where `layer` goes in the group: the top of the layers of its kind (the newest first)."""
    rank = _rank(layer)
    for i, child in enumerate(group.children()):
        other = getattr(child, "layer", lambda: None)()
        if other is not None and other.id() != layer.id() and _rank(other) >= rank:
            return i
    return len(group.children())


class PlanningPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """After Processing loads an output: its style, then into the planning group."""

    def __init__(self, style_name: Optional[str]) -> None:
        super().__init__()
        self.style_name = style_name

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (Qt's name)
        add_to_planning_group(layer, self.style_name, context.project() or QgsProject.instance())


_KEPT: list[PlanningPostProcessor] = []
_KEEP = 20  # outputs of the last few runs; an older post processor is no longer asked for


def load_into_planning_group(context, dest: str, style_name: Optional[str]) -> Optional[PlanningPostProcessor]:
    """If the toolbox will load `dest` when the algorithm ends, style it and put it in the planning group."""
    if not context.willLoadLayerOnCompletion(dest):
        return None
    post = PlanningPostProcessor(style_name)
    _KEPT.append(post)
    del _KEPT[:-_KEEP]
    context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)
    return post
