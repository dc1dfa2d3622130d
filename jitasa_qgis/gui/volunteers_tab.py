"""The Volunteers tab: the volunteers in the chosen area (optionally only those available), page by page."""

from __future__ import annotations

from typing import Callable, Optional

from ..store.operations import volunteers_page
from .dock_link import DockLink
from .paging import Pager, fit_columns_once
from .volunteer_table_model import VolunteerTableModel


class VolunteersTab:
    """`area()` is the (amphoe, tambon) filter the dock shows."""

    def __init__(
        self,
        *,
        link: DockLink,
        page_size: int,
        area: Callable[[], tuple[Optional[str], Optional[str]]],
        view,
        available_only_check,
        page_label,
        previous_button,
        next_button,
    ):
        self._link = link
        self._area = area
        self._view = view
        self._available_only_check = available_only_check
        self.model = VolunteerTableModel(view)
        view.setModel(self.model)
        self.pager = Pager(page_size, page_label, previous_button, next_button, self.refresh)
        available_only_check.toggled.connect(self._filter_changed)

    def refresh(self) -> None:
        amphoe, tambon = self._area()
        available_only = self._available_only_check.isChecked()
        pager = self.pager
        rows = self._link.query(
            lambda conn: volunteers_page(
                conn,
                available_only=available_only,
                amphoe_code=amphoe,
                tambon_code=tambon,
                limit=pager.page_size + 1,
                offset=pager.offset,
            )
        )
        if rows is None:
            return
        page = pager.shown(rows)
        self.model.set_rows(page)
        fit_columns_once(self._view)

    def first_page(self) -> None:
        self.pager.offset = 0
        self.refresh()

    def _filter_changed(self, *_args) -> None:
        self.first_page()
