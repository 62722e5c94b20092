"""Signing in: the sign-in dialog, the first administrator, the recovery code (shown once, with
copy and print-to-PDF), a forgotten password, changing one's own password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ..dialog_parts import add_row, error_label, password_edit, show_error
from ..i18n import render

if TYPE_CHECKING:  # the ORM and the services load while the password is typed (app.py)
    from ...services.desk import Desk


class SignInDialog(QDialog):
    """Asked when the program starts: account and password. "Forgot password" uses the
    administrator's recovery code."""

    def __init__(self, desk: Desk | None, parent=None, *, station_name: str | None = None,
                 usernames: list[str] | None = None,
                 ready: Callable[[], Desk | None] | None = None):
        """``desk`` may be None at start-up: the dialog then shows ``station_name`` and
        ``usernames`` (read with plain sqlite3, storage/peek.py) and asks ``ready()`` for the
        desk when it is first needed; None from it closes the dialog (the desk could not be
        opened, and the person has been told why)."""
        super().__init__(parent)
        self.desk = desk
        self._ready = ready
        self.setWindowTitle(self.tr("Sign in"))
        if station_name is None:
            station_name = desk.identity.name if desk.identity else ""
        heading = QLabel(station_name)
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.username = QComboBox()
        self.username.setObjectName("username")
        self.username.setEditable(True)
        self.username.addItems(usernames if usernames is not None else desk.accounts.usernames())
        self.password = password_edit("password")
        self.error = error_label()
        form = QFormLayout()
        add_row(form, self.tr("&Account"), self.username)
        add_row(form, self.tr("&Password"), self.password)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("&Sign in"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("sign_in")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.forgot = QPushButton(self.tr("&Forgot password…"))
        self.forgot.setObjectName("forgot")
        buttons.addButton(self.forgot, QDialogButtonBox.ButtonRole.HelpRole)
        # Enter signs in wherever the cursor is: no other button ever becomes the default (a
        # focused 取消 used to, and Enter after a wrong password closed the program).
        for button in (cancel, self.forgot):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.sign_in_button.setAutoDefault(True)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        self.forgot.clicked.connect(self.forgot_password)
        self.username.lineEdit().installEventFilter(self)
        self._wait_left = 0
        self._wait_timer = QTimer(self, interval=1000)
        self._wait_timer.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if self.username.currentText():
            self.password.setFocus()
        else:
            self.username.setFocus()
        self.setMinimumWidth(380)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.sign_in_button.setDefault(True)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Enter in the account name: on to the password (or sign in when one is typed)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.password.text():
                self.sign_in_button.click()
            else:
                self.password.setFocus()
            return True
        return super().eventFilter(obj, event)

    def _desk_ready(self) -> bool:
        """The desk, built now if the start-up has not finished building it."""
        if self._ready is not None:
            self.desk, self._ready = self._ready(), None
            if self.desk is None:
                self.reject()
        return self.desk is not None

    def try_sign_in(self) -> bool:
        if not self.sign_in_button.isEnabled():  # still waiting after wrong passwords
            return False
        if not self._desk_ready():
            return False
        name = self.username.currentText()
        try:
            self.desk.accounts.sign_in(name, self.password.text())
        except DomainError as exc:
            show_error(self.error, exc)
            self.password.clear()
            self.password.setFocus()
            self._wait(self.desk.accounts.wait_seconds(name))
            return False
        if self.desk.accounts.must_change_password():
            dialog = ChangePasswordDialog(self.desk, self, forced=True,
                                          current=self.password.text())
            if not dialog.exec():
                self.desk.accounts.sign_out()
                self.password.clear()
                return False
        self.password.clear()
        self.accept()
        return True

    def _wait(self, seconds: int) -> None:
        """After repeated wrong passwords: the button waits ``seconds``, counting down."""
        self._message = self.error.text().split("\n")[0]
        self._wait_left = seconds
        if seconds > 0:
            self.sign_in_button.setEnabled(False)
            self._tick(count=False)
            self._wait_timer.start()

    def _tick(self, count: bool = True) -> None:
        if count:
            self._wait_left -= 1
            if self._wait_left <= 0:  # timers may fire a little early: ask the service again
                self._wait_left = self.desk.accounts.wait_seconds(self.username.currentText())
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.sign_in_button.setEnabled(True)
            self.sign_in_button.setDefault(True)
            self.error.setText(self._message)
            self.password.setFocus()
            return
        self.error.setText(self._message + "\n" + self.tr(
            "You can try again in %n second(s).", "", self._wait_left))

    def forgot_password(self) -> None:
        if self._desk_ready():
            RecoveryResetDialog(self.desk, self).exec()


class FirstAdminForm(QWidget):
    """Account name, the person's name and a password twice: the station's first
    administrator (a wizard page and the first-start dialog share it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.username.setPlaceholderText("zhanzhang")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("admin_name")
        self.display_name.setPlaceholderText("李红")
        self.password = password_edit("admin_password")
        self.repeat = password_edit("admin_repeat")
        self.error = error_label()
        form = QFormLayout(self)
        add_row(form, self.tr("&Account name"), self.username)
        add_row(form, self.tr("&Your name"), self.display_name)
        add_row(form, self.tr("&Password"), self.password)
        add_row(form, self.tr("&Repeat password"), self.repeat)
        from ...services.accounts import MIN_PASSWORD

        hint = QLabel(self.tr("At least %1 characters. After this you will get a recovery code "
                              "to print and keep locked away: it is the only way back in if "
                              "the password is forgotten.").replace("%1", str(MIN_PASSWORD)))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.error)

    def create(self, desk: Desk) -> str | None:
        """Create the administrator and sign them in; returns the recovery code (None when
        the input was refused; the reasons are shown)."""
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return None
        try:
            user, code = desk.accounts.create_first_admin(
                self.username.text(), self.display_name.text(), self.password.text())
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return None
        desk.session.user = user
        self.error.hide()
        return code


class FirstAdminDialog(QDialog):
    """A station set up without any account (``xiangyun-desk init`` without ``--admin``): the
    first start asks for the station head's account."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.code: str | None = None
        county = desk.identity is not None and desk.identity.is_tier
        if county:
            self.setWindowTitle(self.tr("Create the administrator's account"))
            intro = QLabel(self.tr("This county office has no accounts yet. Create the account "
                                   "of its administrator, who can then add the staff."))
        else:
            self.setWindowTitle(self.tr("Create the station head's account"))
            intro = QLabel(self.tr("This station has no accounts yet. Create the account of the "
                                   "station head (administrator), who can then add the staff."))
        intro.setWordWrap(True)
        self.form = FirstAdminForm()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def try_create(self) -> bool:
        self.code = self.form.create(self.desk)
        if self.code is None:
            return False
        RecoveryCodeDialog(self.code, self.desk.identity.name if self.desk.identity else "",
                           self.form.username.text().strip(), self).exec()
        self.accept()
        return True


class RecoveryCodeDialog(QDialog):
    """Shows a recovery code once, with Copy and Print to PDF. Closing needs a tick that it was
    kept."""

    def __init__(self, code: str, station: str, username: str, parent=None):
        super().__init__(parent)
        self.code = code
        self.station = station
        self.username = username
        self.setWindowTitle(self.tr("Recovery code"))
        text = QLabel(self.tr("If the password of %1 is ever forgotten, this code sets a new "
                              "one. Print it or write it down and keep it locked away. It is "
                              "shown only now.").replace("%1", username))
        text.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recovery_code")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(18)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setMinimumHeight(QFontMetrics(font).height() + 32)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet(
            "padding: 12px; border: 1px dashed #888; background: #fffbe6;")
        copy = QPushButton(self.tr("&Copy"))
        copy.setObjectName("copy")
        copy.clicked.connect(self.copy)
        print_button = QPushButton(self.tr("&Print to PDF…"))
        print_button.setObjectName("print")
        print_button.clicked.connect(self.print_pdf)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(print_button)
        row.addStretch(1)
        self.kept = QCheckBox(self.tr("I have printed or written down the code"))
        self.kept.setObjectName("kept")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addWidget(self.kept)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)

    def reject(self) -> None:  # Esc: only once it was kept
        if self.kept.isChecked():
            super().reject()

    def print_pdf(self, path: str | None = None) -> Path | None:
        """打印为 PDF: one A4 page (services/reports/recovery.py); the name offered is Chinese."""
        from ...services.reports.recovery import recovery_file_name, write_recovery_pdf

        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Print the recovery code"),
                str(Path.home() / recovery_file_name(self.station)),
                self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            out = write_recovery_pdf(Path(path), self.code, self.station, self.username)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Print the recovery code"), render(exc.message))
            return None
        self.kept.setChecked(True)
        return out


class RecoveryResetDialog(QDialog):
    """Forgotten password: the recovery code and a new password. A new code is shown after."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Forgot password"))
        intro = QLabel(self.tr("Enter the station head's printed recovery code and a new "
                               "password. Staff who forgot theirs ask the station head."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.password = password_edit("new_password")
        self.repeat = password_edit("repeat")
        self.error = error_label()
        form = QFormLayout()
        add_row(form, self.tr("Recovery &code"), self.code)
        add_row(form, self.tr("&New password"), self.password)
        add_row(form, self.tr("&Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.new_code: str | None = None

    def try_reset(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return False
        try:
            username, self.new_code = self.desk.accounts.reset_with_recovery_code(
                self.code.text(), self.password.text())
        except DomainError as exc:
            show_error(self.error, exc)
            return False
        identity = self.desk.identity
        RecoveryCodeDialog(self.new_code, identity.name if identity else "", username,
                           self).exec()
        done = self.tr("The password of %1 was changed. Sign in with the new password.")
        QMessageBox.information(self, self.windowTitle(), done.replace("%1", username))
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """The signed-in person changes their password (forced after an administrator's reset)."""

    def __init__(self, desk: Desk, parent=None, forced: bool = False, current: str = ""):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Change password"))
        self.old = password_edit("old_password")
        self.old.setText(current)
        self.password = password_edit("new_password")
        self.repeat = password_edit("repeat")
        self.error = error_label()
        form = QFormLayout()
        if forced:
            note = QLabel(self.tr("The station head set a temporary password. Choose your own."))
            note.setWordWrap(True)
            form.addRow(note)
        if not (forced and current):
            add_row(form, self.tr("&Current password"), self.old)
        else:
            self.old.hide()
        add_row(form, self.tr("&New password"), self.password)
        add_row(form, self.tr("&Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_change(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return False
        try:
            self.desk.accounts.change_password(self.old.text(), self.password.text())
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return False
        self.accept()
        return True


def sign_in_at_start(desk: Desk, parent=None) -> bool:
    """What ``run()`` does before the window opens: nobody is signed in yet; a station without
    accounts first creates its station head; then the sign-in dialog. False: do not open."""
    desk.session.user = None
    if not desk.accounts.has_accounts():
        dialog = FirstAdminDialog(desk, parent)
        if not dialog.exec():
            return False
        return desk.session.user is not None
    return bool(SignInDialog(desk, parent).exec()) and desk.session.user is not None
