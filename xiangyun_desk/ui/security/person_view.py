"""Person lookup: everything stored about one person across the registers (by ID number, or
name and phone), with Print, Show full (recorded), Correct and Erase (station head)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ...domain.permissions import Perm
from ...services.desk import Desk
from ...services.people import CORRECTABLE, REGISTER_TITLES, PersonRecord
from ..dialog_parts import (
    add_row,
    close_buttons,
    dialog_buttons,
    error_label,
    line_edit,
    read_only_rows,
    show_error,
    stack,
    stretch_columns,
    translate,
    wrapped_label,
)
from ..i18n import current_language, render


class PersonView(QDialog):
    """See the module docstring."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.records: list[PersonRecord] = []
        self.full = False
        self.setWindowTitle(self.tr("Person lookup"))
        form = self._build_search()
        self._build_results()
        actions = self._build_actions()
        self._lay_out(form, actions)
        self._update_buttons()
        self.resize(760, 640)

    def _build_search(self) -> QFormLayout:
        """ID number, or name and phone, with Find and the error label."""
        self.id_number = line_edit("id_number", self.tr("18-character ID number"))
        self.name = line_edit("name")
        self.phone = line_edit("phone")
        find = QPushButton(self.tr("&Find"))
        find.setObjectName("find")
        find.setDefault(True)
        find.clicked.connect(self.find)
        form = QFormLayout()
        add_row(form, self.tr("&ID number"), self.id_number)
        or_label = QLabel(self.tr("or the name (and the phone, if known):"))
        form.addRow(or_label)
        add_row(form, self.tr("&Name"), self.name)
        add_row(form, self.tr("&Phone"), self.phone)
        form.addRow(find)
        self.error = error_label()
        form.addRow(self.error)
        return form

    def _build_results(self) -> None:
        """The records found and the one selected in full."""
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("records")
        self.table.setHorizontalHeaderLabels([self.tr("Register"), self.tr("Date"),
                                              self.tr("Name"), self.tr("State")])
        read_only_rows(self.table)
        stretch_columns(self.table)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_record(row))
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")

    def _build_actions(self) -> QHBoxLayout:
        """Show full, Print, Correct, Erase (each only for a role that may) and Close."""
        self.reveal_button = QPushButton(self.tr("Sho&w full ID/phone"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.clicked.connect(self.reveal)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(lambda: self.print_pdf())
        self.correct_button = QPushButton(self.tr("&Correct…"))
        self.correct_button.setObjectName("correct")
        self.correct_button.clicked.connect(lambda: self.correct())
        self.erase_button = QPushButton(self.tr("&Erase on request…"))
        self.erase_button.setObjectName("erase")
        self.erase_button.clicked.connect(lambda: self.erase())
        session = self.desk.session
        self.reveal_button.setVisible(session.can(Perm.REVEAL))
        self.correct_button.setVisible(session.can(Perm.WRITE))
        self.erase_button.setVisible(session.can(Perm.ERASE))
        actions = QHBoxLayout()
        for b in (self.reveal_button, self.print_button, self.correct_button, self.erase_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(close_buttons(self))
        return actions

    def _lay_out(self, form: QFormLayout, actions: QHBoxLayout) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(form)
        top_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setSizes([330, 270])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    # ---- finding ---------------------------------------------------------------------------

    def find(self) -> list[PersonRecord]:
        try:
            if self.name.text().strip() and not self.id_number.text().strip() \
                    and not self.phone.text().strip():
                self.records = self._find_by_name()
            else:
                self.records = self.desk.people.find(self.id_number.text(), self.name.text(),
                                                     self.phone.text())
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return []
        self.error.hide()
        self.full = False
        self._fill()
        return self.records

    def _find_by_name(self) -> list[PersonRecord]:
        """By the name alone: one person found is shown at once; among namesakes the user
        chooses by employer, phone tail or age."""
        from .namesakes import NamesakeDialog

        people = self.desk.people.namesakes(self.name.text())
        if len(people) > 1:
            chooser = NamesakeDialog(people, self)
            if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
                return self.records
            people = [chooser.chosen]
        return self.desk.people.find_namesake(people[0]) if people else []

    def _fill(self) -> None:
        self.table.setRowCount(len(self.records))
        for r, record in enumerate(self.records):
            state = self.tr("deleted") if record.deleted else ""
            when = record.when.strftime("%Y-%m-%d") if record.when else ""
            for c, text in enumerate((translate("People", REGISTER_TITLES[record.register]),
                                      when, record.values.get("name") or "", state)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.records:
            self.table.selectRow(0)
            self.show_record(0)
        else:
            self.detail.setPlainText(self.tr("Nothing is stored about this person."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.records)
        for b in (self.reveal_button, self.print_button, self.correct_button, self.erase_button):
            b.setEnabled(has)

    def show_record(self, row: int) -> None:
        if not 0 <= row < len(self.records):
            return
        record = self.records[row]
        lang = "zh" if current_language() == "zh_CN" else "en"
        pairs = self.desk.people.fields_of(record, translate, lang, full=self.full)
        esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
        rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in pairs)
        self.detail.setHtml(f"<h3>{esc(self.desk.people.title_of(record, translate))}</h3>"
                            f"<table cellspacing='4'>{rows}</table>")

    def refs(self) -> list[tuple[str, str]]:
        return [r.ref for r in self.records]

    # ---- actions ---------------------------------------------------------------------------

    def reveal(self) -> None:
        """Full ID numbers and phones of the records shown (each reveal is recorded)."""
        try:
            for record in self.records:
                values = self.desk.registers[record.register].reveal(record.record_id)
                record.values.update({k: v for k, v in values.items() if v})
        except ValidationFailed as exc:
            QMessageBox.warning(self, self.windowTitle(), render(exc.message))
            return
        self.full = True
        self.show_record(max(self.table.currentRow(), 0))

    def print_pdf(self, path: str | None = None, full: bool | None = None) -> Path | None:
        if full is None:
            full = False
            if self.desk.session.can(Perm.PRINT_FULL):
                answer = QMessageBox.question(
                    self, self.tr("Print"), self.tr("Print ID numbers and phones in full? "
                                                    "(No prints them partly hidden.)"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                full = answer == QMessageBox.StandardButton.Yes
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Print"), str(
                Path.home() / "personal-information.pdf"), self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        lang = "zh" if current_language() == "zh_CN" else "en"
        try:
            return self.desk.people.write_pdf(self.records, path, full=full,
                                              translate=translate, lang=lang)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Print"), render(exc.message))
            return None

    def correct(self, values: dict | None = None) -> int:
        """Fix name, gender, phone, ID number or employer in every record shown."""
        if values is None:
            dialog = CorrectDialog(self.desk, self.records, self)
            if not dialog.exec():
                return 0
            return dialog.saved
        try:
            n = self.desk.people.correct(self.refs(), values)
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return 0
        self._refind(values)
        return n

    def erase(self, confirm: bool = True) -> int:
        if confirm:
            answer = QMessageBox.question(self, self.tr("Erase on request"), self.tr(
                "Erase the name, ID number, phone, employer, address and notes of this person "
                "in all %1 records? Dates, amounts and categories stay so the figures still add "
                "up. This cannot be undone.").replace("%1", str(len(self.records))))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        try:
            n = self.desk.people.erase(self.refs())
        except ValidationFailed as exc:
            QMessageBox.warning(self, self.tr("Erase on request"), render(exc.message))
            return 0
        self.records = []
        self._fill()
        self.detail.setPlainText(self.tr("The person's details were erased from %1 records.")
                                 .replace("%1", str(n)))
        return n

    def _refind(self, values: dict) -> None:
        if values.get("id_number"):
            self.id_number.setText(values["id_number"])
        if values.get("name"):
            self.name.setText(values["name"])
        if values.get("phone"):
            self.phone.setText(values["phone"])
        refs = set(self.refs())
        self.find()
        if not self.records and refs:  # the search keys changed: keep showing the same records
            self.records = [r for r in self.desk.people.find(
                values.get("id_number") or "", values.get("name") or "",
                values.get("phone") or "") if r.ref in refs]
            self._fill()


class CorrectDialog(QDialog):
    """The personal fields to set in every record shown (empty = leave as it is)."""

    def __init__(self, desk: Desk, records: list[PersonRecord], parent: PersonView):
        super().__init__(parent)
        self.view = parent
        self.saved = 0
        self.setWindowTitle(self.tr("Correct the person's details"))
        labels = {"name": self.tr("&Name"), "gender": self.tr("&Gender (M / F / U)"),
                  "phone": self.tr("&Phone"), "id_number": self.tr("&ID number"),
                  "employer": self.tr("&Employer")}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(wrapped_label(
            self.tr("Fill in only what should change; it is set in all %1 records.")
            .replace("%1", str(len(records)))))
        for name in CORRECTABLE:
            edit = line_edit(name)
            self.edits[name] = edit
            add_row(form, labels[name], edit)
        self.error = error_label()
        buttons = dialog_buttons(self, self.try_save, QDialogButtonBox.StandardButton.Save
                                 | QDialogButtonBox.StandardButton.Cancel)
        stack(self, form, self.error, buttons)

    def try_save(self) -> bool:
        values = {k: e.text().strip() for k, e in self.edits.items() if e.text().strip()}
        if not values:
            self.reject()
            return False
        try:
            self.saved = self.view.desk.people.correct(self.view.refs(), values)
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return False
        self.view._refind(values)
        self.accept()
        return True
