"""Choosing among people with the same name (查找人员 by the name alone): each is shown with what
tells them apart — employer, phone tail, age, and how many records they have."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...services.people import Namesake


class NamesakeDialog(QDialog):
    """A short list of namesakes; the chosen one is :attr:`chosen` after accept()."""

    def __init__(self, people: list[Namesake], parent=None):
        super().__init__(parent)
        self.people = people
        self.chosen: Namesake | None = None
        self.setWindowTitle(self.tr("Several people with this name"))
        hint = QLabel(self.tr("{count} people are stored under the name {name}. Choose the one "
                              "you mean by employer, phone tail or age.")
                      .replace("{count}", str(len(people)))
                      .replace("{name}", people[0].name if people else ""))
        hint.setWordWrap(True)
        self.table = QTableWidget(len(people), 5)
        self.table.setObjectName("namesakes")
        self.table.setHorizontalHeaderLabels([
            self.tr("Employer"), self.tr("Phone tail"), self.tr("Age"),
            self.tr("ID number"), self.tr("Records")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for row, person in enumerate(people):
            cells = ("、".join(person.employers) or self.tr("(none)"),
                     person.phone_tail or self.tr("(none)"),
                     "" if person.age is None else str(person.age),
                     self.tr("recorded") if person.id_number else self.tr("not recorded"),
                     str(person.records))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.doubleClicked.connect(lambda *_: self.accept())
        if people:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def accept(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.people):
            self.chosen = self.people[row]
        super().accept()
