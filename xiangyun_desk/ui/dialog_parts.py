"""The ordinary parts of a dialog, shared by every area of the window.

A red error label that shows a service's refusal, a labelled form row whose label takes the
Alt+letter to its field, a password field, the OK/Cancel or Close buttons wired to the dialog,
a read-only table, and the vertical stack that holds them. Nothing here has text of its own, so
translation contexts stay with the dialogs that use the parts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError, ValidationFailed
from .i18n import render

ERROR_STYLE = "color: #c02020;"
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` in ``context`` (strings marked with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(context, text)


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    """A line edit with an object name (tests and style sheets find it by that name)."""
    edit = QLineEdit()
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def password_edit(name: str) -> QLineEdit:
    edit = line_edit(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def wrapped_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """Hidden until :func:`show_error` puts a refusal in it."""
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, exc: DomainError) -> None:
    """Every reason of a refusal (one line per field for a ValidationFailed), in Chinese."""
    errors = exc.errors.values() if isinstance(exc, ValidationFailed) else [exc.message]
    label.setText("\n".join(render(m) for m in errors))
    label.show()


def add_row(form: QFormLayout, text: str, widget: QWidget) -> None:
    """A form row whose label (with its &-letter) moves the focus to ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)


def dialog_buttons(dialog: QDialog, on_accept: Callable[[], object] | None = None,
                   buttons=OK_CANCEL) -> QDialogButtonBox:
    """Standard buttons: accepting calls ``on_accept`` (default: the dialog's accept), rejecting
    (Cancel, Close, Esc) the dialog's reject."""
    box = QDialogButtonBox(buttons)
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button (and Esc) that rejects the dialog."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.rejected.connect(dialog.reject)
    return box


def read_only_rows(table: QAbstractItemView) -> None:
    """No editing in place, whole rows selected, no row numbers."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()


def set_column_widths(table, widths) -> None:
    """Column ``i`` of ``table`` ``widths[i]`` pixels wide, but never narrower than its heading
    (English headings are longer than the Chinese the widths were chosen for)."""
    header = table.horizontalHeader()
    for i, width in enumerate(widths):
        table.setColumnWidth(i, max(width, header.sectionSizeHint(i)))


def stretch_columns(table) -> None:
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)


def stack(owner: QWidget, *parts: QWidget | QLayout) -> QVBoxLayout:
    """``owner``'s vertical layout holding ``parts`` (widgets or layouts) in order."""
    layout = QVBoxLayout(owner)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout
