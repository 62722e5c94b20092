"""The audit log for the station head: filter by person, action, register, dates and text; the
changes of the selected entry (old → new) below. Read-only: the log cannot be changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.permissions import role_label
from ...services.audit import ACTIONS, AuditFilter, AuditRow
from ...services.desk import Desk
from ..dialog_parts import read_only_rows, set_column_widths, translate
from ..i18n import current_language, render
from .audit_text import AuditText, local_time

TABLE_NAMES = {
    "visit": QT_TRANSLATE_NOOP("AuditView", "Visitor log"),
    "relief_visit": QT_TRANSLATE_NOOP("AuditView", "Relief visits"),
    "job_fair": QT_TRANSLATE_NOOP("AuditView", "Job fairs"),
    "fair_employer": QT_TRANSLATE_NOOP("AuditView", "Job-fair employers"),
    "job_seeker": QT_TRANSLATE_NOOP("AuditView", "Job seekers"),
    "intention": QT_TRANSLATE_NOOP("AuditView", "Intentions"),
    "volunteer": QT_TRANSLATE_NOOP("AuditView", "Volunteers"),
    "service_record": QT_TRANSLATE_NOOP("AuditView", "Service records"),
    "account": QT_TRANSLATE_NOOP("AuditView", "Accounts"),
}


class AuditModel(QAbstractTableModel):
    """Entries of the audit log (newest first)."""

    def __init__(self, parent=None, labels: dict[str, dict[str, str]] | None = None):
        super().__init__(parent)
        self.text = AuditText(labels or {})
        self.rows: list[AuditRow] = []
        self.headers = [self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Register"),
                        self.tr("Person"), self.tr("Details")]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (local_time(row.at), self.who(row), self.action(row.action),
                self.table(row.table), row.label or "", self.summary(row))[index.column()]

    def who(self, row: AuditRow) -> str:
        if row.actor_id == "system":
            return self.tr("(system: command line or tools)")
        if not row.actor_id:
            return self.tr("(unknown account)")
        return f"{row.actor_name}（{render(role_label(row.actor_role))}）"

    def action(self, code: str) -> str:
        return self.text.action(code)

    def table(self, name: str | None) -> str:
        return self.text.register(name)

    def summary(self, row: AuditRow) -> str:
        return self.text.summary(row)




class AuditView(QDialog):
    """The audit log (station head only: the service refuses anyone else)."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Audit log"))
        bar = self._build_filters()
        splitter = self._build_table()
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self.resize(1000, 640)
        self.refresh()

    def _build_filters(self) -> QHBoxLayout:
        """Who, what, which register, dates and free text; each change shows the entries."""
        desk = self.desk
        self.who = QComboBox()
        self.who.setObjectName("who")
        self.who.addItem(self.tr("(everyone)"), None)
        for actor_id, name in desk.audit.actors():
            label = self.tr("(system)") if actor_id == "system" else (
                name or self.tr("(unknown account)"))
            self.who.addItem(label, actor_id)
        self.action = QComboBox()
        self.action.setObjectName("action")
        self.action.addItem(self.tr("(all actions)"), None)
        for code, text in ACTIONS.items():
            self.action.addItem(translate("Audit", text), code)
        self.register = QComboBox()
        self.register.setObjectName("register")
        self.register.addItem(self.tr("(all registers)"), None)
        for name in TABLE_NAMES:
            self.register.addItem(translate("AuditView", TABLE_NAMES[name]), name)
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.refresh())
        self.text = QLineEdit()
        self.text.setObjectName("text")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search name, record, details"))
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.who, self.action, self.register):
            combo.currentIndexChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self.refresh)

        bar = QHBoxLayout()
        for w in (self.who, self.action, self.register, self.use_dates, self.date_from,
                  QLabel("–"), self.date_to):
            bar.addWidget(w)
        bar.addWidget(self.text, 1)
        return bar

    def _build_table(self) -> QSplitter:
        """The entries, and the details of the one selected under them."""
        self.model = AuditModel(self, self.desk.code_labels(
            "en" if current_language() == "en" else "zh"))
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.table, (150, 140, 130, 90, 90))
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self.show_details(
            cur.row()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 140])
        return splitter

    def current_filter(self) -> AuditFilter:
        dated = self.use_dates.isChecked()
        return AuditFilter(actor=self.who.currentData(), action=self.action.currentData(),
                           table=self.register.currentData(),
                           date_from=self.date_from.date().toPython() if dated else None,
                           date_to=self.date_to.date().toPython() if dated else None,
                           text=self.text.text())

    def refresh(self) -> None:
        f = self.current_filter()
        rows = self.desk.audit.entries(f)
        self.model.set_rows(rows)
        total = self.desk.audit.count(f)
        text = self.tr("%n entries", "", total)
        if total > len(rows):
            text += " " + self.tr("(the newest %1 shown)").replace("%1", str(len(rows)))
        self.count.setText(text)
        self.details.clear()

    def show_details(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            self.details.clear()
            return
        entry = self.model.rows[row]
        lines = [f"#{entry.id}  {local_time(entry.at)}  {self.model.who(entry)}  "
                 f"{self.model.action(entry.action)}"]
        if entry.table:
            lines.append(self.model.table(entry.table))
        if entry.label:
            lines.append(entry.label)
        lines += ["  " + line for line in self.model.text.details(entry)]
        self.details.setPlainText("\n".join(lines))
