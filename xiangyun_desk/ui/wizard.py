"""First-run set-up wizard: role (station or county office), identity, staff, administrator.

A station may load the county's key card on the identity page (or later from the 同步 menu) and
sees its fingerprint to compare by phone; a county office gets its code and name prefilled
(532923 祥云县总工会), and its key pairs are made when the wizard finishes (Desk.initialize).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..domain.errors import DomainError, ValidationFailed
from ..services.bundles.keys import KeyCard
from ..services.desk import Desk
from .dialog_parts import ERROR_STYLE, line_edit
from .i18n import render

COUNTY_CODE = "532923"  # 祥云县 (administrative division code)
COUNTY_NAME = "祥云县总工会"
PREFECTURE_CODE = "532900"  # 大理白族自治州
PREFECTURE_NAME = "大理州总工会"


class SetupWizard(QWizard):
    """Asks who this installation is and who works here, then stores it via the desk."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Set up Xiangyun Workers' Home Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        role = self._build_role_page()
        ident = self._build_ident_page()
        staff = self._build_staff_page()
        self.role_id = self.addPage(role)
        self.ident_id = self.addPage(ident)
        self.staff_id = self.addPage(staff)
        self._add_admin_page(staff)
        for radio in (self.county_radio, self.prefecture_radio, self.province_radio):
            radio.toggled.connect(lambda _on: self._apply_role())
        self._apply_role()
        self.resize(600, 480)

    def _build_role_page(self) -> QWizardPage:
        """A station or the county office."""
        role = QWizardPage()
        role.setTitle(self.tr("Welcome"))
        role.setSubTitle(self.tr("This computer keeps the registers of one workers' home station, "
                                 "or collects the work of all stations at the county office."))
        self.station_radio = QRadioButton(self.tr("&Station (township workers' home)"))
        self.station_radio.setObjectName("role_station")
        self.county_radio = QRadioButton(self.tr("&County office (collects the stations' sync "
                                                 "bundles)"))
        self.county_radio.setObjectName("role_county")
        # The tiers above the county (docs/federation.md): they import relay bundles.
        self.prefecture_radio = QRadioButton(self.tr("&Prefecture federation (collects the "
                                                     "counties' relay bundles)"))
        self.prefecture_radio.setObjectName("role_prefecture")
        self.province_radio = QRadioButton(self.tr("Pro&vince federation (collects the "
                                                   "prefectures' relay bundles)"))
        self.province_radio.setObjectName("role_province")
        self.station_radio.setChecked(True)
        group = QButtonGroup(role)
        lay = QVBoxLayout(role)
        for radio in (self.station_radio, self.county_radio, self.prefecture_radio,
                      self.province_radio):
            group.addButton(radio)
            lay.addWidget(radio)
        return role

    def _build_ident_page(self) -> QWizardPage:
        """Code, name and township (the labels follow the role), and the county's key card."""
        ident = QWizardPage()
        self.ident_page = ident
        self.code = line_edit("station_code", "01")
        self.name = line_edit("station_name", "云南驿镇职工之家")
        self.township = line_edit("township", "云南驿镇")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout(ident)
        self.ident_form = form
        self.code_label, self.name_label, township_label = QLabel(), QLabel(), QLabel()
        for label, widget in ((self.code_label, self.code), (self.name_label, self.name),
                              (township_label, self.township)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        township_label.setText(self.tr("&Township"))
        form.addRow(self._key_card_box())
        form.addRow(self.error)
        ident.registerField("code*", self.code)
        ident.registerField("name*", self.name)
        # Back to the role page keeps what was typed (QWizard's default would reset the fields
        # to their values on entering the page), so switching role and back loses nothing.
        ident.cleanupPage = lambda: None
        # What was typed for each role, so switching back and forth loses nothing.
        self._typed = {"station": ("", ""), "county": (COUNTY_CODE, COUNTY_NAME),
                       "prefecture": (PREFECTURE_CODE, PREFECTURE_NAME), "province": ("", "")}
        self._role = "station"
        return ident

    def _build_staff_page(self) -> QWizardPage:
        staff = QWizardPage()
        self.staff_page = staff
        staff.setTitle(self.tr("Staff"))
        self.staff = QPlainTextEdit()
        self.staff.setObjectName("staff")
        self.staff.setPlaceholderText("李红\n王建国")
        QVBoxLayout(staff).addWidget(self.staff)
        return staff

    def _add_admin_page(self, staff: QWizardPage) -> None:
        # The station head's account (issue 7). Finish on the staff page skips it; then the
        # first start asks for it before the window opens (app.run -> ui/security/signin.py).
        from .security.signin import FirstAdminForm

        staff.setFinalPage(True)
        admin = QWizardPage()
        self.admin = FirstAdminForm()
        self.admin.setObjectName("admin_form")
        QVBoxLayout(admin).addWidget(self.admin)
        admin.validatePage = self._validate_admin
        self.admin_page = admin
        self.recovery_code: str | None = None
        self.admin_id = self.addPage(admin)

    # ---- role --------------------------------------------------------------------------------

    @property
    def role(self) -> str:
        for role, radio in (("county", self.county_radio),
                            ("prefecture", self.prefecture_radio),
                            ("province", self.province_radio)):
            if radio.isChecked():
                return role
        return "station"

    def _apply_role(self) -> None:
        """Titles, labels and fields of the chosen role; the other role's input is kept."""
        role = self.role
        if role != self._role:
            self._typed[self._role] = (self.code.text(), self.name.text())
            code, name = self._typed[role]
            self.code.setText(code)
            self.name.setText(name)
            self._role = role
        county = role != "station"  # the county and the tiers above it
        self.error.clear()
        self.ident_form.setRowVisible(self.township, not county)
        self.card_box.setVisible(not county)
        if role in ("prefecture", "province"):
            self.ident_page.setTitle(self.tr("Prefecture or province federation"))
            self.ident_page.setSubTitle(self.tr(
                "Its division code and name. The keys for the relay bundles of the tier below "
                "are made when you finish."))
            self.code_label.setText(self.tr("&Code"))
            self.name_label.setText(self.tr("Na&me"))
            self.code.setPlaceholderText(PREFECTURE_CODE if role == "prefecture" else "530000")
            self.name.setPlaceholderText(PREFECTURE_NAME if role == "prefecture"
                                         else "云南省总工会")
            self.staff_page.setSubTitle(self.tr(
                "The people who work at the office, one name per line."))
            self.admin_page.setTitle(self.tr("Administrator's account"))
            self.admin_page.setSubTitle(self.tr(
                "The administrator signs in with this account and adds the staff's accounts. "
                "Everyone signs in when the program starts."))
        elif county:
            self.ident_page.setTitle(self.tr("County office"))
            self.ident_page.setSubTitle(self.tr(
                "The county federation's code and name. The keys for the stations' sync bundles "
                "are made when you finish."))
            self.code_label.setText(self.tr("County &code"))
            self.name_label.setText(self.tr("County na&me"))
            self.code.setPlaceholderText(COUNTY_CODE)
            self.name.setPlaceholderText(COUNTY_NAME)
            self.staff_page.setSubTitle(self.tr(
                "The people who work at the county office, one name per line."))
            self.admin_page.setTitle(self.tr("Administrator's account"))
            self.admin_page.setSubTitle(self.tr(
                "The administrator signs in with this account and adds the staff's accounts. "
                "Everyone signs in when the program starts."))
        else:
            self.ident_page.setTitle(self.tr("Station"))
            self.ident_page.setSubTitle(self.tr(
                "The code is given by the county federation (digits only)."))
            self.code_label.setText(self.tr("Station &code"))
            self.name_label.setText(self.tr("Station na&me"))
            self.code.setPlaceholderText("01")
            self.name.setPlaceholderText("云南驿镇职工之家")
            self.staff_page.setSubTitle(self.tr(
                "The people who work at the station, one name per line. "
                "They appear as 'staff on duty' in the visitor log."))
            self.admin_page.setTitle(self.tr("Station head's account"))
            self.admin_page.setSubTitle(self.tr(
                "The station head signs in with this account and adds the staff's accounts. "
                "Everyone signs in when the program starts."))

    # ---- the county's key card (station) -------------------------------------------------------

    def _key_card_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The county's key card (optional)"))
        box.setObjectName("key_card_box")
        self.card_box = box
        self.card_data: bytes | None = None
        self.card: KeyCard | None = None
        note = QLabel(self.tr("Sync bundles are encrypted to the county office's key. Load the "
                              "key card file it gave you now, or later from the Sync menu."))
        note.setWordWrap(True)
        self.card_file = QLineEdit()
        self.card_file.setObjectName("key_card_file")
        self.card_file.setReadOnly(True)
        self.card_file.setPlaceholderText(self.tr("No key card loaded"))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("choose_key_card")
        choose.clicked.connect(self.choose_key_card)
        self.card_clear = QPushButton(self.tr("Don't &load"))
        self.card_clear.setObjectName("clear_key_card")
        self.card_clear.clicked.connect(self.clear_key_card)
        self.card_clear.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.card_file, 1)
        row.addWidget(choose)
        row.addWidget(self.card_clear)
        self.card_info = QLabel()
        self.card_info.setObjectName("key_card_info")
        self.card_info.setWordWrap(True)
        self.card_info.hide()
        lay = QVBoxLayout(box)
        lay.addWidget(note)
        lay.addLayout(row)
        lay.addWidget(self.card_info)
        return box

    def choose_key_card(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The county's key card"), "",
                                              self.tr("Key card (*.json);;All files (*)"))
        if path:
            self.set_key_card_file(Path(path))

    def set_key_card_file(self, path: Path) -> bool:
        """Read and check a key card file; shows the county and its fingerprint, or why not."""
        try:
            data = Path(path).read_bytes()
            card = KeyCard.parse(data)
        except OSError as exc:
            self._card_problem(str(exc))
            return False
        except DomainError as exc:
            self._card_problem(render(exc.message))
            return False
        self.card_data, self.card = data, card
        self.card_file.setText(str(path))
        self.card_clear.setEnabled(True)
        self.card_info.setStyleSheet("")
        self.card_info.setText(self.tr(
            "%1 (%2)\nFingerprint: %3\nCall the county office and compare this number with "
            "theirs before you rely on it.").replace("%1", card.county_name)
            .replace("%2", card.county_code).replace("%3", card.fingerprint))
        self.card_info.show()
        return True

    def clear_key_card(self) -> None:
        self.card_data = self.card = None
        self.card_file.clear()
        self.card_clear.setEnabled(False)
        self.card_info.clear()
        self.card_info.hide()

    def _card_problem(self, text: str) -> None:
        self.clear_key_card()
        self.card_info.setStyleSheet(ERROR_STYLE)
        self.card_info.setText(self.tr("This key card was not loaded: %1").replace("%1", text))
        self.card_info.show()

    # ---- the station head / administrator -------------------------------------------------

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
        from .security.signin import RecoveryCodeDialog

        RecoveryCodeDialog(code, self.name.text().strip(), self.admin.username.text().strip(),
                           self).exec()

    def accept(self) -> None:
        if self.admin.username.text().strip() and not self._validate_admin():
            return  # the station is set up only together with a valid station head
        staff = [line.strip() for line in self.staff.toPlainText().splitlines() if line.strip()]
        county = self.role != "station"
        try:
            # The county's key pairs are made here; a station's key card is stored with it.
            self.desk.initialize(self.role, self.code.text(), self.name.text(),
                                 "" if county else self.township.text(), staff,
                                 county_card=None if county else self.card_data)
        except DomainError as exc:
            errors = exc.errors.values() if isinstance(exc, ValidationFailed) else [exc.message]
            self.error.setText("\n".join(render(m) for m in errors))
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
