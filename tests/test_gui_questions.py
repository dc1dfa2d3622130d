"""Questions have buttons in the user's words: the answer is the button clicked; Esc or closing is "no"."""

from __future__ import annotations

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox

from jitasa_qgis.gui.questions import confirm


def _answer(text=None, escape=False):
    """Click the button showing `text` (or press Esc) on the box once it is open."""

    def act():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append([b.text() for b in box.buttons()])
        if escape:
            box.reject()
        else:
            next(b for b in box.buttons() if b.text() == text).click()

    seen: list = []
    QTimer.singleShot(50, act)
    return seen


def test_the_chosen_button_is_the_answer(qgis_app):
    seen = _answer("ลบ")
    assert confirm(None, "ลบพื้นที่", "ลบหรือไม่?", "ลบ", "ไม่ลบ", destructive=True) is True
    assert sorted(seen[0]) == ["ลบ", "ไม่ลบ"]
    _answer("ไม่ลบ")
    assert confirm(None, "ลบพื้นที่", "ลบหรือไม่?", "ลบ", "ไม่ลบ") is False


def test_escape_is_no_and_the_default_words_are_translatable(qgis_app):
    seen = _answer(escape=True)
    assert confirm(None, "title", "text") is False
    assert sorted(seen[0]) == ["No", "Yes"]  # the plugin's words (Thai through its translator), not Qt's


def test_dialog_buttons_carry_the_plugin_words(qgis_app):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    from jitasa_qgis.gui.questions import dialog_buttons

    box = dialog_buttons(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "OK"]
    assert dialog_buttons(QDialogButtonBox.Close).button(QDialogButtonBox.Close).text() == "Close"
