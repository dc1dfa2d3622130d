"""The History dialog of a request (the Requests tab's "History…" action): one line per change, oldest
first: when, who (the login and the role it acted as), what (in words, definitions/history_text.py)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..definitions.history_text import change_text
from ..definitions.i18n import translate
from ..services.request_history import RequestHistoryResult
from .questions import dialog_buttons


def _role_label(role: str) -> str:
    return {
        "jitasa_officer": lambda: translate("RequestHistory", "officer"),
        "jitasa_admin": lambda: translate("RequestHistory", "admin"),
        "jitasa_analyst": lambda: translate("RequestHistory", "analyst"),
        "jitasa_feed": lambda: translate("RequestHistory", "feed"),
    }.get(role, lambda: role)()


def role_text(actor: str, acting_role: str) -> str:
    """The login, and the group role it acted as when that is another one."""
    return actor if acting_role == actor else f"{actor} ({_role_label(acting_role)})"


class RequestHistoryDialog(QDialog):
    def __init__(self, result: RequestHistoryResult, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("RequestHistory", "History of request {0}").format(result.request_id))
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            translate("RequestHistory", "{0} changes, oldest first.").format(len(result.lines))
            if result.lines
            else translate("RequestHistory", "No history you may see for this request.")
        )
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(result.lines), 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("RequestHistory", "When"),
                translate("RequestHistory", "Who"),
                translate("RequestHistory", "Run"),
                translate("RequestHistory", "What"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for i, line in enumerate(result.lines):
            cells = [
                f"{line.at.astimezone():%Y-%m-%d %H:%M:%S}",
                role_text(line.actor, line.acting_role),
                "" if line.run_id is None else str(line.run_id),
                change_text(
                    line.table, line.operation, line.old_values, line.new_values, line.row_id, line.volunteer_id
                ),
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        for j in range(3):
            header.setSectionResizeMode(j, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        layout.addWidget(self.table)
        buttons = dialog_buttons(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 420)
