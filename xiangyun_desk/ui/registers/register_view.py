"""One register on screen: search box, filters, the lazily fetched table, and the actions
new / edit / delete (soft, confirmed) / restore / show deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...services.registers import RegisterService
from ..dialog_parts import set_column_widths
from ..i18n import render
from .columns import Column
from .form import FormField, RecordForm
from .table_model import RegisterTableModel

SEARCH_DELAY_MS = 250
# Columns that name a record in a delete or restore message (first one with a value wins).
NAME_COLUMNS = ("name", "seeker_name", "employer_name", "activity")


class FieldMemory:
    """The last values one worker used in one register's remembered fields (ui-settings.ini,
    per account: another worker starts empty)."""

    def __init__(self, settings, user_key: Callable[[], str], register: str):
        self.settings = settings
        self.user_key = user_key
        self.register = register

    def _key(self, name: str) -> str:
        return f"last_used/{self.user_key() or '-'}/{self.register}/{name}"

    def load(self, names: list[str]) -> dict[str, Any]:
        self.settings.sync()
        return {name: self.settings.value(self._key(name)) for name in names}

    def store(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if value not in (None, ""):
                self.settings.setValue(self._key(name), value)
        self.settings.sync()


class RegisterView(QWidget):
    """A table of one register with its search, filters and record actions."""

    countChanged = Signal(int)
    currentRecordChanged = Signal(object)  # the record id, or None

    def __init__(self, service: RegisterService, columns: list[Column], fields: list[FormField],
                 labels: dict[str, dict[str, str]], code_items: Callable[[str], list],
                 title: str, *, category: tuple[str, list[tuple[str, str]]] | None = None,
                 date_filter: bool = True, parent=None):
        super().__init__(parent)
        self.service = service
        self.fields = fields
        self.title = title
        self.code_items = code_items
        self.parent_id: str | None = None
        self.before_save: Callable[[dict[str, Any], str | None], bool] | None = None
        self.read_only = False
        self.read_only_reason = ""  # the tooltip of the disabled record actions
        self.continuous_entry = False  # offer "save and next" in the new-record form
        # The values of ``remember`` fields this worker used last (TabContext sets it).
        self.memory: FieldMemory | None = None
        self.model = RegisterTableModel(service, columns, labels, self)
        bar = self._build_filters(date_filter, category)
        self._build_table(columns)
        buttons = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.currentRecordChanged.emit(self.model.record_id(cur.row())))
        self.model.modelReset.connect(self._update_actions)
        self.model.modelReset.connect(lambda: self.currentRecordChanged.emit(None))
        self._update_actions()

    def _build_filters(self, date_filter: bool,
                       category: tuple[str, list[tuple[str, str]]] | None) -> QHBoxLayout:
        """The search box (applied after a pause in typing), the dates, the category, the
        "return visits due" chip and "show deleted"."""
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, phone, ID tail, employer, initials (zs)"))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        self.date_from = self.date_to = None
        if date_filter:
            self.use_dates = QCheckBox(self.tr("Dates"))
            self.date_from = self._date_edit(QDate.currentDate().addMonths(-1))
            self.date_to = self._date_edit(QDate.currentDate())
            self.use_dates.toggled.connect(self.apply_filters)
            for w in (self.date_from, self.date_to):
                w.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.apply_filters())
            bar.addWidget(self.use_dates)
            bar.addWidget(self.date_from)
            bar.addWidget(QLabel("–"))
            bar.addWidget(self.date_to)
        self.category = None
        if category:
            self.category = QComboBox()
            self.category.setObjectName("category")
            self.category.addItem(category[0], None)
            for value, label in category[1]:
                self.category.addItem(label, value)
            self.category.currentIndexChanged.connect(self.apply_filters)
            bar.addWidget(self.category, 1)
        bar.addStretch(0 if self.category else 1)
        # 待办 opens "visits due for a return visit": shown as a chip that clears the filter.
        self.follow_up_due: dt.date | None = None
        self.follow_up_chip = QToolButton()
        self.follow_up_chip.setObjectName("follow_up_chip")
        self.follow_up_chip.setText(self.tr("Only return visits due ✕"))
        self.follow_up_chip.setToolTip(self.tr("Showing the visits being followed up whose return-visit date is today or past; click to show all."))
        self.follow_up_chip.setStyleSheet("QToolButton { background: #fff3cd; border: 1px solid #e0c060; border-radius: 3px; padding: 1px 6px; }")
        self.follow_up_chip.clicked.connect(lambda: self.show_follow_ups_due(None))
        self.follow_up_chip.hide()
        bar.addWidget(self.follow_up_chip)
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.setObjectName("show_deleted")
        self.show_deleted.toggled.connect(self._deleted_toggled)
        bar.addWidget(self.show_deleted)
        return bar

    def _build_table(self, columns: list[Column]) -> None:
        """Sorted by the register's default column, newest first; fixed row height."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        default = next((i for i, c in enumerate(columns)
                        if c.key == self.service.spec.default_sort), -1)
        self.table.horizontalHeader().setSortIndicator(default, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        set_column_widths(self.table, [column.width for column in columns])
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.installEventFilter(self)

    def _build_actions(self) -> QHBoxLayout:
        """New, Edit, Delete, Restore as buttons (other features add theirs) and the count."""
        self.act_new = self._action(self.tr("&New"), "Ctrl+N", self.new_record, "new")
        self.act_edit = self._action(self.tr("&Edit"), "F2", self.edit_current, "edit")
        self.act_delete = self._action(self.tr("&Delete"), QKeySequence.StandardKey.Delete,
                                       self.delete_current, "delete")
        self.act_restore = self._action(self.tr("&Restore"), "Ctrl+R", self.restore_current,
                                        "restore")
        buttons = QHBoxLayout()
        self.button_bar = buttons  # more actions go here (spreadsheets: ui/sheets/sheet_actions.py)
        for act in (self.act_new, self.act_edit, self.act_delete, self.act_restore):
            b = QToolButton()
            b.setDefaultAction(act)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setObjectName(f"button_{act.objectName()}")
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        return buttons

    def _date_edit(self, date: QDate) -> QDateEdit:
        w = QDateEdit(date)
        w.setCalendarPopup(True)
        w.setDisplayFormat("yyyy-MM-dd")
        w.setMaximumWidth(130)
        return w

    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        # The key itself belongs to the main window's 记录 menu, which sends it to the view that
        # has focus; giving it here too would make Qt see an ambiguous shortcut and fire neither.
        act = QAction(text, self)
        act.setObjectName(name)
        act.setToolTip(f"{text.replace('&', '')} ({QKeySequence(shortcut).toString()})")
        act.triggered.connect(slot)
        return act

    # ---- filtering ----------------------------------------------------------------------

    def set_parent_id(self, parent_id: str | None) -> None:
        """For child registers (a fair's employers, a volunteer's service records)."""
        self.parent_id = parent_id
        self.apply_filters()

    def apply_filters(self) -> None:
        q = self.model.query
        q.text = self.search.text()
        q.parent_id = self.parent_id
        if self.service.spec.parent_column and self.parent_id is None:
            q.parent_id = "\x00"  # nothing selected: show nothing
        dated = self.date_from is not None and self.use_dates.isChecked()
        q.date_from = self.date_from.date().toPython() if dated else None
        q.date_to = self.date_to.date().toPython() if dated else None
        q.category = self.category.currentData() if self.category else None
        q.deleted = self.show_deleted.isChecked()
        q.follow_up_due = self.follow_up_due
        self.model.refresh()

    def show_follow_ups_due(self, day: dt.date | None) -> None:
        """Only the visits being followed up whose 回访日期 is on or before ``day`` (待办);
        None shows everything again."""
        self.follow_up_due = day
        self.follow_up_chip.setVisible(day is not None)
        if day is not None:  # the other filters would hide some of what the to-do counts
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            if self.date_from is not None:
                self.use_dates.blockSignals(True)
                self.use_dates.setChecked(False)
                self.use_dates.blockSignals(False)
            if self.category is not None:
                self.category.blockSignals(True)
                self.category.setCurrentIndex(0)
                self.category.blockSignals(False)
            self.show_deleted.blockSignals(True)
            self.show_deleted.setChecked(False)
            self.show_deleted.blockSignals(False)
        self.apply_filters()

    def _deleted_toggled(self) -> None:
        self.apply_filters()

    def _update_actions(self) -> None:
        deleted = self.model.query.deleted
        editable = not self.read_only
        has_parent = not self.service.spec.parent_column or self.parent_id is not None
        self.act_new.setEnabled(editable and not deleted and has_parent)
        self.act_edit.setEnabled(editable and not deleted)
        self.act_delete.setEnabled(editable and not deleted)
        self.act_restore.setEnabled(editable and deleted)
        if self.read_only and self.read_only_reason:  # say why (who may)
            for act in (self.act_new, self.act_edit, self.act_delete, self.act_restore):
                act.setToolTip(self.read_only_reason)
        n = self.model.rowCount()
        text = self.tr("%n deleted record(s)", "", n) if deleted else self.tr("%n record(s)", "", n)
        self.count_label.setText(text)
        self.countChanged.emit(n)

    # ---- actions ------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def make_form(self, title: str) -> RecordForm:
        return RecordForm(title, self.fields, self.code_items, lambda v: None, self)

    def _save_hook(self, record_id: str | None):
        def save(values: dict[str, Any]):
            if self.parent_id is not None and self.service.spec.parent_column:
                values[self.service.spec.parent_column] = self.parent_id
            if self.before_save and not self.before_save(values, record_id):
                return False
            if record_id is None:
                saved = self.service.create(values)
                if self.memory is not None:
                    self.memory.store({f.name: values.get(f.name) for f in self.fields
                                       if f.remember})
                return saved
            self.service.update(record_id, values)
            return record_id
        return save

    def new_record(self) -> str | None:
        if not self.act_new.isEnabled():
            return None
        form = self.open_form(None)
        return self._run_form(form)

    def open_form(self, record_id: str | None) -> RecordForm:
        """The form for a new record (None) or an existing one, not yet shown."""
        title = self.tr("New: %1").replace("%1", self.title) if record_id is None \
            else self.tr("Edit: %1").replace("%1", self.title)
        next_hook = (lambda _saved: self.apply_filters()) \
            if record_id is None and self.continuous_entry else None
        form = RecordForm(title, self.fields, self.code_items, self._save_hook(record_id), self,
                          on_saved_next=next_hook)
        if record_id is None:
            form.set_defaults()
            if self.memory is not None:
                form.apply_remembered(self.memory.load([f.name for f in self.fields
                                                         if f.remember]))
        else:
            # IDs and phones open masked; 显示 asks the service (a permission, recorded).
            form.reveal = lambda name, rid=record_id: self.service.reveal(rid, [name]).get(name)
            form.set_values(self.service.get(record_id))
        return form

    def _run_form(self, form: RecordForm) -> str | None:
        accepted = form.exec()
        if not accepted and form.saved_count:  # closed after "save and next"
            self.apply_filters()
            return None
        if accepted and form.result_value:
            saved = form.result_value
            self.apply_filters()
            self.select_record(saved)
            return saved
        return None

    def edit_current(self) -> str | None:
        record_id = self.current_id()
        if record_id is None or not self.act_edit.isEnabled():
            return None
        return self._run_form(self.open_form(record_id))

    def delete_current(self) -> bool:
        record_id = self.current_id()
        if record_id is None or not self.act_delete.isEnabled():
            return False
        what = self.describe_current()
        answer = QMessageBox.question(
            self, self.tr("Delete record"),
            self.tr("Delete %1 from %2? It can be restored later from \"Show deleted\".")
            .replace("%1", what).replace("%2", self.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._change(self.service.delete, record_id)

    def restore_current(self) -> bool:
        record_id = self.current_id()
        if record_id is None or not self.act_restore.isEnabled():
            return False
        what = self.describe_current()
        if not self._change(self.service.restore, record_id):
            return False
        self.tell(self.tr("Restored: %1 (%2).").replace("%1", what).replace("%2", self.title))
        return True

    def describe_current(self) -> str:
        """The selected record as the table shows it: its name and its date (张三，2026-03-10)."""
        row = self.table.currentIndex().row()
        columns = self.model.columns
        name = next((self.model.index(row, i).data() for i, c in enumerate(columns)
                     if c.key in NAME_COLUMNS and self.model.index(row, i).data()), "")
        when = next((self.model.index(row, i).data() for i, c in enumerate(columns)
                     if c.kind in ("date", "datetime", "utc")
                     and self.model.index(row, i).data()), "")
        parts = [str(p) for p in (name, when) if p]
        return "“" + "，".join(parts) + "”" if parts else self.tr("this record")

    def tell(self, text: str) -> None:
        """A short message in the window's status bar (a message box when there is none)."""
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None:
            bar.showMessage(text, 15000)
        else:
            QMessageBox.information(self, self.title, text)

    def _change(self, action, record_id: str) -> bool:
        row = self.table.currentIndex().row()
        try:
            action(record_id)
        except DomainError as exc:  # refused, or the database busy / the disk full
            QMessageBox.warning(self, self.title, render(exc.message))
            return False
        self.apply_filters()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        return True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.table and event.type() == event.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.model.query.deleted:
                self.restore_current()
            else:
                self.edit_current()
            return True
        return super().eventFilter(obj, event)

    # ---- persistence of column widths ---------------------------------------------------

    def column_state(self) -> bytes:
        return bytes(self.table.horizontalHeader().saveState())

    def restore_column_state(self, state) -> None:
        if state:
            self.table.horizontalHeader().restoreState(state)
