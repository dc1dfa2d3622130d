"""The Facilities tab: the facilities in the chosen area, page by page, stale reports flagged."""

from __future__ import annotations

from typing import Callable, Optional

from ..definitions import settings
from ..store.operations import facilities_page
from .dock_link import DockLink
from .facility_table_model import FacilityTableModel
from .paging import Pager, fit_columns_once


class FacilitiesTab:
    """`area()` is the (amphoe, tambon) filter the dock shows."""

    def __init__(
        self,
        *,
        link: DockLink,
        page_size: int,
        area: Callable[[], tuple[Optional[str], Optional[str]]],
        view,
        page_label,
        previous_button,
        next_button,
    ):
        self._link = link
        self._area = area
        self._view = view
        self.model = FacilityTableModel(view)
        view.setModel(self.model)
        self.pager = Pager(page_size, page_label, previous_button, next_button, self.refresh)

    def refresh(self) -> None:
        amphoe, tambon = self._area()
        stale_hours = settings.get(settings.KEY_STALE_HOURS)
        pager = self.pager
        rows = self._link.query(
            lambda conn: facilities_page(
                conn,
                amphoe_code=amphoe,
                tambon_code=tambon,
                stale_hours=stale_hours,
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
