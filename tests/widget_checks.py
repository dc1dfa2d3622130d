"""Checks on laid-out widgets the GUI tests share: nothing drawn over anything else."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QLabel, QWidget


def drawn_over(root: QWidget) -> list[str]:
    """Visible sibling widgets whose rectangles cross, and wrapped labels cut short (shorter than their text
    needs at their width): what longer Thai text does to a form laid out too tight."""
    problems = []
    siblings: dict[int, list[QWidget]] = {}
    for widget in root.findChildren(QWidget):
        if widget.isVisibleTo(root) and widget.parentWidget() is not None:
            siblings.setdefault(id(widget.parentWidget()), []).append(widget)
    for group in siblings.values():
        for i, a in enumerate(group):
            problems += [
                f"{a.objectName() or type(a).__name__} {a.geometry()} and "
                f"{b.objectName() or type(b).__name__} {b.geometry()} overlap"
                for b in group[i + 1 :]
                if a.geometry().intersects(b.geometry())
            ]
    for label in root.findChildren(QLabel):
        if (
            label.isVisibleTo(root)
            and label.wordWrap()
            and label.text()
            and (label.height() < label.heightForWidth(label.width()))
        ):
            problems.append(
                f"{label.objectName()}: {label.height()} px tall, its text needs "
                f"{label.heightForWidth(label.width())}"
            )
    return problems


def settle() -> None:
    """Let posted layout requests run (new text re-lays a widget's parents out over a few rounds)."""
    for _ in range(5):
        QCoreApplication.processEvents()
