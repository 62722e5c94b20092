"""Fixtures for the tests that drive the real main window (offscreen, see tests/conftest.py).

Modal dialogs would block a test, so record forms are driven without ``exec()``: either the test
takes the form from ``view.open_form(...)`` and calls ``try_save()`` / presses Enter itself, or
``ui.answer_forms(...)`` replaces ``RecordForm.exec`` with a function that fills the form and
saves it, so the real ``new_record()`` / ``edit_current()`` paths run. Message boxes are answered
through ``ui.answer_questions(...)``, which also records every question asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
)

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.registers.form import RecordForm
from xiangyun_desk.ui.registers.register_view import RegisterView

STAFF = ["李红", "王建国"]


def init_station(path: Path) -> Path:
    """Set up a station in ``path`` and close the desk again (the window opens its own)."""
    desk = Desk(path)
    try:
        desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", STAFF)
    finally:
        desk.close()
    return path


@pytest.fixture
def station_dir(data_dir) -> Path:
    """A set-up station data directory with an empty database and no open desk."""
    return init_station(data_dir)


def set_widget(widget, value: Any) -> None:
    """Put ``value`` into a form widget the way a user would leave it (Chinese via setText)."""
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QLineEdit):
        if isinstance(value, dt.datetime):  # an optional date and time is typed
            value = value.strftime("%Y-%m-%d %H:%M")
        elif isinstance(value, dt.date):
            value = value.isoformat()
        widget.setText(value)
    elif isinstance(widget, QComboBox):
        if widget.isEditable() and not isinstance(value, int):
            widget.setCurrentText(value)
            return
        index = widget.findData(value)
        if index < 0:
            index = widget.findText(value)
        assert index >= 0, f"{value!r} is not offered by {widget.objectName()}"
        widget.setCurrentIndex(index)
    elif isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        widget.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                     QTime(value.hour, value.minute)))
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value.year, value.month, value.day))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:  # a multi-choice group of check boxes: value is a list of codes
        for box in widget.findChildren(QCheckBox):
            box.setChecked(box.property("code") in value)


def fill(form: RecordForm, **values: Any) -> RecordForm:
    for name, value in values.items():
        set_widget(form.widgets[name], value)
    return form


class UI:
    """Helpers bound to one test's qtbot and monkeypatch."""

    def __init__(self, qtbot, monkeypatch, station_dir: Path):
        self.qtbot = qtbot
        self.monkeypatch = monkeypatch
        self.dir = station_dir
        self.windows: list = []
        self.questions: list[str] = []
        self.forms: list[RecordForm] = []

    # ---- the window ----------------------------------------------------------------------

    def open(self, path: Path | None = None):
        window = build_main_window(path or self.dir)
        self.qtbot.addWidget(window)
        self.windows.append((window, window.desk))
        self.show(window)
        return window

    def close(self, window) -> None:
        """Close like the user does (saves the layout) and release the database.

        The widget itself is deleted by qtbot at the end of the test."""
        window.close()
        window.desk.close()
        QApplication.processEvents()

    def reopen(self, window):
        self.close(window)
        return self.open()

    def shutdown(self) -> None:
        for window, desk in self.windows:
            try:
                window.close()
            except RuntimeError:  # already deleted
                pass
            desk.close()

    # ---- dialogs -------------------------------------------------------------------------

    def show(self, widget):
        """Show a dialog without exec() and make it the active window (shortcuts need that)."""
        widget.show()
        widget.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)
        return widget

    def answer_questions(self, answer=QMessageBox.StandardButton.Yes) -> list[str]:
        """Answer every QMessageBox.question with ``answer``; returns the texts asked."""
        def question(parent, title, text, *args, **kwargs):
            self.questions.append(text)
            return answer
        self.monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        return self.questions

    def answer_forms(self, action: Callable[[RecordForm], Any] | None = None, *,
                     save: bool = True, **values: Any) -> list[RecordForm]:
        """Make RecordForm.exec() fill the form with ``values`` (or run ``action``) and save."""
        def exec_(form: RecordForm) -> int:
            self.forms.append(form)
            fill(form, **values)
            if action is not None:
                action(form)
            if save:
                form.try_save()
            return form.result()
        self.monkeypatch.setattr(RecordForm, "exec", exec_)
        return self.forms

    # ---- registers -----------------------------------------------------------------------

    def create(self, view: RegisterView, **values: Any) -> str:
        """Fill a new-record form of ``view`` and save it (the form is never exec()'d)."""
        form = fill(view.open_form(None), **values)
        form.try_save()
        assert form.result() == QDialog.DialogCode.Accepted, form_errors(form)
        view.apply_filters()
        return form.result_value

    def search(self, view: RegisterView, text: str) -> list[str]:
        """Type into the search box (ASCII by keys, other text by setText) and wait for it."""
        view.search.clear()
        if text.isascii():
            self.qtbot.keyClicks(view.search, text)
        else:
            view.search.setText(text)
        self.qtbot.keyClick(view.search, Qt.Key.Key_Return)
        return names(view)

    def select(self, view: RegisterView, name: str, column: str = "name") -> str:
        """Select the row whose ``column`` shows ``name``; returns its record id."""
        col = column_index(view, column)
        for row in range(view.model.rowCount()):
            if view.model.index(row, col).data() == name:
                view.table.setFocus()
                view.table.selectRow(row)
                return view.current_id()
        raise AssertionError(f"{name!r} not listed in {view.objectName()}: {names(view, column)}")


def form_errors(form: RecordForm) -> dict[str, str]:
    """The messages a form shows (field name -> text; "" for the summary line)."""
    shown = {name: label.text() for name, label in form.error_labels.items() if label.text()}
    if form.summary.text():
        shown[""] = form.summary.text()
    return shown


def column_index(view: RegisterView, key: str) -> int:
    return next(i for i, c in enumerate(view.model.columns) if c.key == key)


def names(view: RegisterView, column: str = "name") -> list[str]:
    """The texts shown in one column of a register's table, top to bottom."""
    col = column_index(view, column)
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def cell(view: RegisterView, record_id: str, column: str):
    row = view.model.row_of(record_id)
    assert row >= 0, f"{record_id} not listed"
    return view.model.index(row, column_index(view, column)).data()


# Test modules reach the helpers through the fixture (no imports from conftest).
UI.fill = staticmethod(fill)
UI.form_errors = staticmethod(form_errors)
UI.set_widget = staticmethod(set_widget)
UI.names = staticmethod(names)
UI.cell = staticmethod(cell)
UI.column_index = staticmethod(column_index)
UI.init_station = staticmethod(init_station)


@pytest.fixture
def ui(qtbot, monkeypatch, station_dir):
    helper = UI(qtbot, monkeypatch, station_dir)
    yield helper
    helper.shutdown()


@pytest.fixture
def window(ui):
    """The real main window on a fresh station."""
    return ui.open()
