"""Paging of one of the dock's lists (offset, previous / next buttons, "first–last of total") and fitting a
view's columns to its first rows."""

from __future__ import annotations

from typing import Callable, Optional

from ..definitions.i18n import translate

_FITTED = "jitasaColumnsFitted"


class Pager:
    """The page a list shows. `show_page()` re-reads the list; it is called when the officer pages."""

    def __init__(self, page_size: int, label, previous_button, next_button, show_page: Callable[[], None]):
        self.page_size = page_size
        self.offset = 0
        self.more = False
        self._label = label
        self._previous_button = previous_button
        self._next_button = next_button
        self._show_page = show_page
        previous_button.clicked.connect(lambda: self.step(-1))
        next_button.clicked.connect(lambda: self.step(1))
        self._update_buttons()

    def step(self, step: int) -> None:
        self.offset = max(0, self.offset + step * self.page_size)
        self._show_page()

    def step_back(self) -> None:
        """The page emptied (rows went away): one page back, without re-reading."""
        self.offset = max(0, self.offset - self.page_size)

    def shown(self, rows: list, total: Optional[int] = None) -> list:
        """Record what one query of `page_size + 1` rows returned; the rows of this page."""
        self.more = len(rows) > self.page_size
        page = rows[: self.page_size]
        set_page_label(self._label, self.offset, len(page), total)
        self._update_buttons()
        return page

    def _update_buttons(self) -> None:
        self._previous_button.setEnabled(self.offset > 0)
        self._next_button.setEnabled(self.more)


def set_page_label(label, offset: int, shown: int, total: Optional[int] = None) -> None:
    if not shown:
        label.setText(translate("OperationsDock", "None"))
    elif total is None:
        label.setText(translate("OperationsDock", "{first}–{last}").format(first=offset + 1, last=offset + shown))
    else:
        label.setText(
            translate("OperationsDock", "{first}–{last} of {total}").format(
                first=offset + 1, last=offset + shown, total=f"{total:,}"
            )
        )


def fit_columns_once(view, last: Optional[int] = None) -> None:
    """Fit the columns to the first rows a view shows, once: later pages keep the officer's widths (and
    measuring every cell on each refresh costs more than the query)."""
    if view.property(_FITTED) or view.model().rowCount() == 0:
        return
    view.setProperty(_FITTED, True)
    view.resizeColumnsToContents()
    if last is not None:
        view.setColumnWidth(last, min(view.columnWidth(last), 400))
