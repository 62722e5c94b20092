"""First-run set-up wizard: role, station identity, staff."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..domain.errors import ValidationFailed
from ..services.desk import Desk
from .i18n import render


class SetupWizard(QWizard):
    """Asks who this installation is and who works here, then stores it via the desk."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Set up Xiangyun Workers' Home Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)

        role = QWizardPage()
        role.setTitle(self.tr("Welcome"))
        role.setSubTitle(self.tr("This computer keeps the registers of one workers' home station, "
                                 "or collects the work of all stations at the county office."))
        self.station_radio = QRadioButton(self.tr("&Station (township workers' home)"))
        self.county_radio = QRadioButton(self.tr("&County office (arrives with sync bundles)"))
        self.county_radio.setEnabled(False)
        self.station_radio.setChecked(True)
        group = QButtonGroup(role)
        group.addButton(self.station_radio)
        group.addButton(self.county_radio)
        lay = QVBoxLayout(role)
        lay.addWidget(self.station_radio)
        lay.addWidget(self.county_radio)

        ident = QWizardPage()
        ident.setTitle(self.tr("Station"))
        ident.setSubTitle(self.tr("The code is given by the county federation (digits only)."))
        self.code = QLineEdit()
        self.code.setObjectName("station_code")
        self.code.setPlaceholderText("01")
        self.name = QLineEdit()
        self.name.setObjectName("station_name")
        self.name.setPlaceholderText("云南驿镇职工之家")
        self.township = QLineEdit()
        self.township.setObjectName("township")
        self.township.setPlaceholderText("云南驿镇")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c02020;")
        self.error.setWordWrap(True)
        form = QFormLayout(ident)
        for text, widget in ((self.tr("Station &code"), self.code),
                             (self.tr("Station &name"), self.name),
                             (self.tr("&Township"), self.township)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.error)
        ident.registerField("code*", self.code)
        ident.registerField("name*", self.name)

        staff = QWizardPage()
        staff.setTitle(self.tr("Staff"))
        staff.setSubTitle(self.tr("The people who work at the station, one name per line. "
                                  "They appear as 'staff on duty' in the visitor log."))
        self.staff = QPlainTextEdit()
        self.staff.setObjectName("staff")
        self.staff.setPlaceholderText("李红\n王建国")
        QVBoxLayout(staff).addWidget(self.staff)

        self.role_id = self.addPage(role)
        self.ident_id = self.addPage(ident)
        self.staff_id = self.addPage(staff)
        self.resize(560, 400)

    def accept(self) -> None:
        staff = [line.strip() for line in self.staff.toPlainText().splitlines() if line.strip()]
        try:
            self.desk.initialize("station", self.code.text(), self.name.text(),
                                 self.township.text(), staff)
        except ValidationFailed as exc:
            self.error.setText("\n".join(render(m) for m in exc.errors.values()))
            # Back to the station page keeping what was typed (restart() would reset the
            # registered fields to their initial, empty values).
            if self.currentId() == -1:
                self.restart()
            for _ in self.pageIds():  # bounded: never loop on a page that will not move
                if self.currentId() > self.ident_id:
                    self.back()
                elif self.currentId() < self.ident_id:
                    self.next()
            self.code.setFocus()
            return
        super().accept()
