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

        # The station head's account (issue 7). Finish on the staff page skips it; then the
        # first start asks for it before the window opens (app.run -> ui.signin).
        from .signin import FirstAdminForm

        staff.setFinalPage(True)
        admin = QWizardPage()
        admin.setTitle(self.tr("Station head's account"))
        admin.setSubTitle(self.tr("The station head signs in with this account and adds the "
                                  "staff's accounts. Everyone signs in when the program starts."))
        self.admin = FirstAdminForm()
        self.admin.setObjectName("admin_form")
        QVBoxLayout(admin).addWidget(self.admin)
        admin.validatePage = self._validate_admin
        self.admin_page = admin
        self.recovery_code: str | None = None
        self.admin_id = self.addPage(admin)
        self.resize(560, 420)

    def _validate_admin(self) -> bool:
        """Check the account before Finish (it is created only with the station, in accept)."""
        if self.recovery_code is not None:  # QWizard.done() validates again after accept()
            return True
        form = self.admin
        if form.password.text() != form.repeat.text():
            form.error.setText(self.tr("The two passwords differ."))
            form.error.show()
            return False
        try:
            self.desk.accounts.check_new_account(form.username.text(), form.display_name.text(),
                                                 form.password.text())
        except ValidationFailed as exc:
            form.error.setText("\n".join(render(m) for m in exc.errors.values()))
            form.error.show()
            return False
        form.error.hide()
        return True

    def show_recovery_code(self, code: str) -> None:
        """Shown once, right after the station head's account is made."""
        from .signin import RecoveryCodeDialog

        RecoveryCodeDialog(code, self.name.text().strip(), self.admin.username.text().strip(),
                           self).exec()

    def accept(self) -> None:
        if self.admin.username.text().strip() and not self._validate_admin():
            return  # the station is set up only together with a valid station head
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
        if self.admin.username.text().strip():
            self.recovery_code = self.admin.create(self.desk)
            if self.recovery_code is not None:
                self.show_recovery_code(self.recovery_code)
        super().accept()
