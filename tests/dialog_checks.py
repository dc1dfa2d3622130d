"""Shared by the GUI tests of the output dialogs (gui/output_task_dialog.py): shown with the Thai translator,
a dialog has no English (but the format names) and nothing drawn over anything else; bad input (no output,
an unwritable one, an area that names nothing, a role that may not read) is said in the status; `opened`
records what the Open buttons asked the desktop to open."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from task_waiting import finish
from test_gui_thai_ui import english_in, visible_texts
from widget_checks import drawn_over, settle

from jitasa_qgis.gui import output_task_dialog
from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.store.errors import StoreError

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


@pytest.fixture
def opened(monkeypatch):
    """What the dialog's Open buttons asked the desktop to open (no viewer is started)."""
    paths = []
    monkeypatch.setattr(output_task_dialog, "open_path", lambda path: paths.append(path) or True)
    return paths


def fails_in_words(dialog, error: type, *words: str) -> None:
    """The dialog's task raises `error` and its status then says each of `words`."""
    with pytest.raises(error):
        finish(dialog.start(), timeout=60)
    status = dialog.status.text()
    assert all(word in status for word in words), status


def assert_bad_input_said(
    make_dialog: Callable, location, unreadable, folder: Path, name: str, refused: str = "", **extra
) -> None:
    """With `make_dialog(location_of)`: no output file, one in a missing folder, an area that names nothing
    (from `location`) and a role that may not read the data (`unreadable`; the status says `refused` too) are
    each said in the status; the file `name` under `folder` is the output; `extra` file widgets (e.g.
    tables=path) are set first."""
    dialog = make_dialog(lambda: location)
    assert dialog.start() is None and "PDF" in dialog.status.text()
    for widget, path in extra.items():
        getattr(dialog, widget).setFilePath(str(path))
    dialog.output.setFilePath(str(folder / "no such folder" / name))
    fails_in_words(dialog, PrintError, "Nothing was written", "no such folder")

    dialog.output.setFilePath(str(folder / name))
    dialog.area.setText("ไม่มีที่นี่")
    fails_in_words(dialog, ValueError, "ไม่มีที่นี่")

    dialog = make_dialog(lambda: unreadable)
    dialog.output.setFilePath(str(folder / name))
    fails_in_words(dialog, StoreError, "Nothing was written", refused)
