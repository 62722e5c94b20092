"""A record form built from field descriptions: keeps everything typed when validation fails,
marks the bad fields and says why. Enter saves (Ctrl+Enter inside multi-line text), Esc cancels
(asking first when something was typed).

It opens with the cursor in the name (else the first field), so Ctrl+N and typing fill the name.
A code the worker must decide (来访事由, 对象类别...: required, without a default) starts empty;
one marked ``remember`` (慰问活动) starts at the value this worker used last, and says so. A
valid ID number fills an empty gender and birth year and warns when they differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ...domain.idnumber import id_facts
from ...domain.money import format_hours, format_yuan
from ..dialog_parts import ERROR_STYLE
from ..i18n import render
from .masked import MASKED_FORM_FIELDS, MaskedLineEdit

EMPTY_DATE = QDate(1900, 1, 1)
INVALID_STYLE = "border: 1px solid #d03030; background: #fff4f4;"


@dataclass
class FormField:
    """One input of a form. ``kind``: line, text, code, codes, date, datetime, int, money, hours,
    bool, choice (``choices`` given as [(value, label)]), staff (editable list)."""

    name: str
    label: str
    kind: str = "line"
    code_list: str | None = None
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)
    placeholder: str = ""
    default: Any = None
    allow_empty: bool = True
    # The value this worker used last is offered (and labelled so) instead of an empty field.
    remember: bool = False


class RecordForm(QDialog):
    """A dialog that edits one record; ``save`` is called with the raw values and raises
    ValidationFailed to keep the dialog open with the reasons shown."""

    def __init__(self, title: str, fields: list[FormField], code_items: Callable[[str], list],
                 save: Callable[[dict[str, Any]], Any], parent=None, columns: int = 2,
                 on_saved_next: Callable[[Any], None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = fields
        self._code_items = code_items
        self._save = save
        self.result_value: Any = None
        # (field name) -> the full value of a masked ID number or phone; set by the view for an
        # existing record (the service checks the permission and records the reveal).
        self.reveal: Callable[[str], Any] | None = None
        self.widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.remembered_labels: dict[str, QLabel] = {}
        self.id_warning = QLabel()
        self.id_warning.setObjectName("id_warning")
        self.id_warning.setStyleSheet("color: #a05a00;")
        self.id_warning.setWordWrap(True)
        self.id_warning.hide()
        self._clean: dict[str, Any] | None = None  # the values as opened (see has_changes)
        body, per_column = self._build_fields(fields, columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.hide()
        buttons = self._build_buttons(on_saved_next)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(self.summary)
        outer.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.try_save)
        QShortcut(QKeySequence("Ctrl+S"), self, self.try_save)
        texts = sum(1 for f in fields if f.kind in ("text", "codes"))
        self.resize(780 if columns > 1 else 460,
                    min(680, 130 + 40 * per_column + 40 * texts // max(columns, 1)))
        id_edit = self.widgets.get("id_number")
        if isinstance(id_edit, QLineEdit):
            id_edit.textEdited.connect(lambda _t: self.check_id_number(fill=True))
        for name in ("gender", "birth_year"):
            w = self.widgets.get(name)
            if isinstance(w, QComboBox):
                w.activated.connect(lambda _i: self.check_id_number(fill=False))
            elif isinstance(w, QLineEdit):
                w.textEdited.connect(lambda _t: self.check_id_number(fill=False))
        self.first_field().setFocus()

    def _build_fields(self, fields: list[FormField], columns: int) -> tuple[QWidget, int]:
        """The fields top to bottom, then the next column: each with its label (* when
        required) and an error line under it. Returns the body and the rows per column."""
        body = QWidget()
        grid = QGridLayout(body)
        per_column = (len(fields) + columns - 1) // columns
        for index, spec in enumerate(fields):
            col, row = divmod(index, per_column)
            form = grid.itemAtPosition(0, col)
            if form is None:
                holder = QWidget()
                layout = QFormLayout(holder)
                layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                grid.addWidget(holder, 0, col, Qt.AlignmentFlag.AlignTop)
                form = grid.itemAtPosition(0, col)
            layout = form.widget().layout()
            widget = self._make_widget(spec)
            self.widgets[spec.name] = widget
            label = QLabel(spec.label + ("*" if spec.required else ""))
            label.setBuddy(widget)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.error_labels[spec.name] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(widget)
            if spec.remember:
                hint = QLabel()
                hint.setObjectName(f"remembered_{spec.name}")
                hint.setStyleSheet("color: #506070; font-size: 11px;")
                hint.hide()
                self.remembered_labels[spec.name] = hint
                cell_layout.addWidget(hint)
            if spec.name == "id_number":
                cell_layout.addWidget(self.id_warning)
            cell_layout.addWidget(error)
            layout.addRow(label, cell)
        return body, per_column

    def _build_buttons(self, on_saved_next: Callable[[Any], None] | None) -> QDialogButtonBox:
        """Save and Cancel, and "Save and next" when records are entered one after another."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.saved_count = 0
        self._on_saved_next = on_saved_next
        self.next_button = None
        if on_saved_next is not None:
            # For entering many records in a row (seekers at a fair): save, clear, stay open.
            self.next_button = buttons.addButton(self.tr("Save and ne&xt"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            self.next_button.setObjectName("save_next")
            self.next_button.clicked.connect(self.save_and_next)
            QShortcut(QKeySequence("Ctrl+Shift+Return"), self, self.save_and_next)
        return buttons

    def first_field(self) -> QWidget:
        """Where the cursor starts: the name when the form has one, else the first field."""
        return self.widgets.get("name") or self.widgets[self.fields[0].name]

    # ---- widgets ------------------------------------------------------------------------

    def _make_widget(self, spec: FormField) -> QWidget:
        kind = spec.kind
        if kind == "text":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(64)
            return w
        if kind in ("code", "choice"):
            w = QComboBox()
            if spec.allow_empty and not spec.required:
                w.addItem("", None)
            items = spec.choices if kind == "choice" else [
                (i.code, i.label_zh if _lang_zh() else i.label_en)
                for i in self._code_items(spec.code_list)]
            for value, label in items:
                w.addItem(label, value)
            if spec.required:
                # A code the worker must decide is never silently the first of the list.
                w.setPlaceholderText(self.tr("(choose)"))
                w.setCurrentIndex(-1)
            return w
        if kind == "staff":
            w = QComboBox()
            w.setEditable(True)
            for value, label in spec.choices:
                w.addItem(label, value)
            return w
        if kind == "codes":
            w = QWidget()
            grid = QGridLayout(w)
            grid.setContentsMargins(0, 0, 0, 0)
            for i, item in enumerate(self._code_items(spec.code_list)):
                box = QCheckBox(item.label_zh if _lang_zh() else item.label_en)
                box.setProperty("code", item.code)
                grid.addWidget(box, i // 3, i % 3)
            return w
        if kind in ("date", "datetime") and not spec.required:
            # An optional date is typed (blank = not given). A date edit cannot be blank: with a
            # "blank" minimum date, typing into it was silently dropped and its calendar opened
            # in January 1900. The service parses the text and says what is wrong.
            w = QLineEdit()
            w.setPlaceholderText("YYYY-MM-DD" if kind == "date" else "YYYY-MM-DD HH:MM")
            w.setMaxLength(40)
            return w
        if kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setMinimumDate(EMPTY_DATE)
            w.setMaximumDate(QDate(2100, 12, 31))
            if not spec.required:
                w.setSpecialValueText(" ")  # the minimum date shows blank: "not given"
            w.setDate(QDate.currentDate() if spec.required else EMPTY_DATE)
            return w
        if kind == "datetime":
            w = QDateTimeEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            w.setMinimumDateTime(QDateTime(EMPTY_DATE, QTime(0, 0)))
            if not spec.required:
                w.setSpecialValueText(" ")
            w.setDateTime(QDateTime.currentDateTime() if spec.required
                          else QDateTime(EMPTY_DATE, QTime(0, 0)))
            return w
        if kind == "int":
            w = QSpinBox()
            w.setRange(0, 100000)
            return w
        if kind == "bool":
            return QCheckBox()
        if kind == "line" and spec.name in MASKED_FORM_FIELDS:
            w = MaskedLineEdit(spec.name)
            w.setPlaceholderText(spec.placeholder)
            w.revealRequested.connect(lambda n=spec.name: self.reveal_field(n))
            return w
        w = QLineEdit()
        w.setPlaceholderText(spec.placeholder)
        if kind in ("money", "hours"):
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
        return w

    # ---- values -------------------------------------------------------------------------

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self.fields:
            if spec.name in values:
                self._set(spec, values[spec.name])

    def set_defaults(self) -> None:
        for spec in self.fields:
            if spec.default is not None:
                self._set(spec, spec.default() if callable(spec.default) else spec.default)

    def _set(self, spec: FormField, value: Any) -> None:
        w = self.widgets[spec.name]
        kind = spec.kind
        if isinstance(w, MaskedLineEdit):  # a stored ID number or phone shows masked
            w.set_stored(None if value is None else str(value))
        elif kind == "text":
            w.setPlainText(value or "")
        elif kind in ("code", "choice"):
            i = w.findData(value)
            if i < 0 and value not in (None, ""):
                # A code no longer offered (retired by the county): keep it, shown as stored,
                # rather than silently replacing it with the first entry of the list.
                w.addItem(str(value), value)
                i = w.count() - 1
            w.setCurrentIndex(i if i >= 0 else (-1 if spec.required else 0))
        elif kind == "staff":
            w.setCurrentText(value or "")
        elif kind == "codes":
            chosen = set(filter(None, (value or "").split(",")))
            for box in w.findChildren(QCheckBox):
                box.setChecked(box.property("code") in chosen)
        elif kind in ("date", "datetime") and isinstance(w, QLineEdit):  # optional: typed
            fmt = "%Y-%m-%d" if kind == "date" else "%Y-%m-%d %H:%M"
            w.setText(value.strftime(fmt) if isinstance(value, dt.date) else (value or ""))
        elif kind == "date":
            w.setDate(QDate(value.year, value.month, value.day) if value else EMPTY_DATE)
        elif kind == "datetime":
            w.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                    QTime(value.hour, value.minute)) if value
                          else QDateTime(EMPTY_DATE, QTime(0, 0)))
        elif kind == "int":
            w.setValue(int(value or 0))
        elif kind == "bool":
            w.setChecked(bool(value))
        elif kind == "money":
            w.setText(format_yuan(value) if value else "")
        elif kind == "hours":
            w.setText(format_hours(value) if value else "")
        else:
            w.setText("" if value is None else str(value))

    def values(self) -> dict[str, Any]:
        """The raw values as typed (validation happens in the service)."""
        out: dict[str, Any] = {}
        for spec in self.fields:
            w = self.widgets[spec.name]
            kind = spec.kind
            if kind == "text":
                out[spec.name] = w.toPlainText()
            elif kind in ("code", "choice"):
                out[spec.name] = w.currentData()
            elif kind == "staff":
                out[spec.name] = w.currentText()
            elif kind == "codes":
                out[spec.name] = [b.property("code") for b in w.findChildren(QCheckBox)
                                  if b.isChecked()]
            elif kind in ("date", "datetime") and isinstance(w, QLineEdit):
                out[spec.name] = w.text().strip()  # parsed by the service; blank = not given
            elif kind == "date":
                d = w.date()
                out[spec.name] = None if d == EMPTY_DATE else dt.date(d.year(), d.month(), d.day())
            elif kind == "datetime":
                v = w.dateTime()
                d, t = v.date(), v.time()
                out[spec.name] = None if d == EMPTY_DATE else dt.datetime(
                    d.year(), d.month(), d.day(), t.hour(), t.minute())
            elif kind == "int":
                out[spec.name] = w.value()
            elif kind == "bool":
                out[spec.name] = w.isChecked()
            else:
                out[spec.name] = w.text()
        return out

    def apply_remembered(self, values: dict[str, Any]) -> None:
        """Offer the values this worker used last (fields marked ``remember``), labelled so; the
        label goes away when another value is chosen."""
        for spec in self.fields:
            value = values.get(spec.name)
            hint = self.remembered_labels.get(spec.name)
            if hint is None or value in (None, ""):
                continue
            self._set(spec, value)
            w = self.widgets[spec.name]
            shown = w.currentText() if isinstance(w, QComboBox) else str(value)
            hint.setText(self.tr("Last used by you: %1").replace("%1", shown))
            hint.show()
            if isinstance(w, QComboBox):
                w.currentIndexChanged.connect(
                    lambda _i, w=w, h=hint, v=value: h.setVisible(w.currentData() == v))

    def check_id_number(self, fill: bool) -> None:
        """A valid ID number fills an empty gender and birth year (``fill``) and warns, without
        blocking, when they say something else."""
        id_edit = self.widgets.get("id_number")
        facts = id_facts(id_edit.text()) if isinstance(id_edit, QLineEdit) else None
        if facts is None:
            self.id_warning.hide()
            return
        gender, birth = facts
        notes = []
        gender_box = self.widgets.get("gender")
        if isinstance(gender_box, QComboBox):
            chosen = gender_box.currentData()
            if chosen in (None, "", "U"):
                if fill:
                    gender_box.setCurrentIndex(gender_box.findData(gender))
            elif chosen != gender:
                notes.append(self.tr("The ID number is of a man.") if gender == "M"
                             else self.tr("The ID number is of a woman."))
        year_edit = self.widgets.get("birth_year")
        if isinstance(year_edit, QLineEdit):
            typed = year_edit.text().strip()
            if not typed:
                if fill:
                    year_edit.setText(str(birth.year))
            elif typed != str(birth.year):
                notes.append(self.tr("The ID number gives the birth year %1.")
                             .replace("%1", str(birth.year)))
        if notes:
            notes.append(self.tr("Check which is right (saving is not blocked)."))
        self.id_warning.setText(" ".join(notes))
        self.id_warning.setVisible(bool(notes))

    def mark_clean(self) -> None:
        """The values now are the ones the form opened with (Esc leaves them without asking)."""
        self._clean = self.values()

    def has_changes(self) -> bool:
        return self._clean is not None and self.values() != self._clean

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._clean is None:
            self.mark_clean()
        super().showEvent(event)

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: ask before throwing away what was typed."""
        if self.has_changes():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Close the form and throw away what was typed?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def reveal_field(self, name: str) -> None:
        """The 显示 button of a masked field: ask the service (permission, audit), then show."""
        w = self.widgets[name]
        if self.reveal is None:
            return
        try:
            value = self.reveal(name)
        except ValidationFailed as exc:
            QMessageBox.warning(self, self.windowTitle(), render(exc.message))
            return
        w.reveal(value)
        w.setFocus()

    # ---- saving -------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, Any]) -> None:
        first = None
        for spec in self.fields:
            w, label = self.widgets[spec.name], self.error_labels[spec.name]
            message = errors.get(spec.name)
            w.setStyleSheet(INVALID_STYLE if message else "")
            w.setProperty("invalid", bool(message))
            label.setText(render(message) if message else "")
            label.setVisible(bool(message))
            if message and first is None:
                first = w
        unknown = [render(m) for k, m in errors.items() if k not in self.widgets]
        self.summary.setText("\n".join(unknown))
        self.summary.setVisible(bool(unknown))
        self.summary.setStyleSheet(ERROR_STYLE)
        if errors:
            self.summary.setText("\n".join(unknown) or self.tr("Please correct the marked fields."))
            self.summary.show()
        if first is not None:
            first.setFocus()

    def show_fault(self, exc: DomainError) -> None:
        """A save that failed for a reason outside the form (another program writing to the
        data, a full disk): say so; the form stays open with everything typed, to try again."""
        QMessageBox.warning(self, self.windowTitle(), render(exc.message))

    def try_save(self) -> None:
        try:
            self.result_value = self._save(self.values())
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except DomainError as exc:  # the database busy, the disk full: the form keeps it all
            self.show_fault(exc)
            return
        if self.result_value is False:  # the caller decided not to save (e.g. a declined warning)
            return
        self.accept()

    def save_and_next(self) -> None:
        """Save, then clear the form for the next record; the dialog stays open."""
        try:
            saved = self._save(self.values())
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            return
        except DomainError as exc:
            self.show_fault(exc)
            return
        if saved is False:
            return
        self.saved_count += 1
        self.result_value = saved
        if self._on_saved_next:
            self._on_saved_next(saved)
        name = self.values().get("name") or ""
        for spec in self.fields:
            # The same day (and fair) continues; optional dates (left at, follow-up) belong to
            # the one person and are cleared.
            if spec.kind not in ("date", "datetime") or not spec.required:
                self._set(spec, None)
        self.set_defaults()
        self.show_errors({})
        self.summary.setStyleSheet("color: #207020;")
        self.summary.setText(self.tr("Saved %1 (%2 so far). Enter the next one.")
                             .replace("%1", str(name)).replace("%2", str(self.saved_count)))
        self.summary.show()
        self.mark_clean()
        self.first_field().setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
                self.focusWidget(), QPlainTextEdit):
            self.try_save()
            return
        super().keyPressEvent(event)


def _lang_zh() -> bool:
    from ..i18n import current_language

    return current_language() == "zh_CN"
