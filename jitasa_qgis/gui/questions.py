"""Questions to the user, and dialog buttons, in the user's language (Qt's own Yes/No are not translated to Thai:
Debian ships no qtbase_th), the safe answer the default."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from ..definitions.i18n import translate


def confirm(
    parent: Optional[QWidget],
    title: str,
    text: str,
    yes_text: Optional[str] = None,
    no_text: Optional[str] = None,
    destructive: bool = False,
) -> bool:
    """Whether the user chose `yes_text` (default "Yes"); closing the box is "no"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning if destructive else QMessageBox.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(
        yes_text or translate("Questions", "Yes"), QMessageBox.DestructiveRole if destructive else QMessageBox.YesRole
    )
    no = box.addButton(no_text or translate("Questions", "No"), QMessageBox.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec_()
    return box.clickedButton() is yes


def dialog_buttons(buttons, parent: Optional[QWidget] = None) -> QDialogButtonBox:
    """A QDialogButtonBox of standard buttons with their text in the user's language."""
    box = QDialogButtonBox(buttons, parent)
    words = {
        QDialogButtonBox.Ok: translate("Questions", "OK"),
        QDialogButtonBox.Cancel: translate("Questions", "Cancel"),
        QDialogButtonBox.Close: translate("Questions", "Close"),
        QDialogButtonBox.Save: translate("Questions", "Save"),
    }
    for which, text in words.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box
