"""Shared by the GUI tests of the output dialogs: shown with the Thai translator, a dialog has no English
(but the format names) and nothing drawn over anything else."""

from __future__ import annotations

from test_gui_thai_ui import english_in, visible_texts
from widget_checks import drawn_over, settle

FORMAT_NAMES = ("PDF", "XLSX", "CSV")


def assert_thai_dialog(dialog, word: str) -> None:
    """`dialog` shows `word` somewhere, no English word and no widget over another; closed after."""
    try:
        dialog.show()
        settle()
        assert not drawn_over(dialog), drawn_over(dialog)
        texts = []
        for widget, text in visible_texts(dialog):
            for name in FORMAT_NAMES:
                text = text.replace(name, "")
            texts.append((widget, text))
        assert any(word in text for _, text in texts), f"{word!r} is not shown"
        assert not english_in(texts), "English in the Thai dialog:\n" + "\n".join(english_in(texts))
    finally:
        dialog.reject()
        dialog.deleteLater()
