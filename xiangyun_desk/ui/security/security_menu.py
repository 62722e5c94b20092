"""Security in the main window: the signed-in person in the status bar, what their role may do,
the idle lock, the 安全 menu (lock, password, person lookup, audit log, accounts), and revealing a
full ID number or phone from a table (a permission, recorded).

The services enforce every permission themselves; hiding and disabling here only spares the user
buttons that would be refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ...domain.permissions import ROLES, Perm, role_label, who_may
from ...services.accounts import IDLE_RANGE
from ...services.desk import Desk
from ..dialog_parts import add_row, error_label, password_edit, show_error
from ..gates import gate_window
from ..i18n import render
from .signin import ChangePasswordDialog, RecoveryCodeDialog

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut}


class _Cover(QWidget):
    """An opaque sheet over a window's contents while the program is locked."""

    def __init__(self, target: QWidget, text: str):
        super().__init__(target)
        self.setObjectName("lock_cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock_cover { background: #e8ecf0; }")
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #556; font-size: 18px;")
        QVBoxLayout(self).addWidget(label)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.raise_()
        self.show()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False


class LockDialog(QDialog):
    """The idle lock: the same person's password again. Windows and open forms stay as they
    were underneath (nothing typed is lost) but are covered until then."""

    def __init__(self, desk: Desk, parent=None, idle_minutes: int | None = None,
                 switch_user=None):
        """``idle_minutes``: locked after that long without use; None: locked by hand.
        ``switch_user``: what 切换用户 does (None: no such button)."""
        super().__init__(parent)
        self.desk = desk
        user = desk.session.user
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        name = (user.display_name or user.username) if user else ""
        if idle_minutes is None:
            why = self.tr("%1 locked the program by hand.").replace("%1", name)
        else:
            why = self.tr("The program was locked after %n minute(s) without use.", "",
                          idle_minutes)
        self.reason = QLabel(why)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("font-weight: bold;")
        text = QLabel(self.tr("%1, enter your password to go on. Someone else can sign in "
                              "with \"Switch user\"; forms still open are then closed without "
                              "saving.").replace("%1", name))
        text.setWordWrap(True)
        self.password = password_edit("password")
        self.error = error_label()
        form = QFormLayout()
        add_row(form, self.tr("&Password"), self.password)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.switch_button = None
        if switch_user is not None:
            self.switch_button = buttons.addButton(self.tr("S&witch user…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
            self.switch_button.setObjectName("switch_user")
            self.switch_button.setAutoDefault(False)
            self.switch_button.clicked.connect(switch_user)
        self.quit_button = buttons.addButton(self.tr("E&xit the program"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.quit_button.setObjectName("quit")
        self.quit_button.setAutoDefault(False)
        buttons.accepted.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.quit_program)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        for label in (self.reason, text):  # wrapped text gets the height it needs
            label.setMinimumHeight(label.heightForWidth(440))

    def try_unlock(self) -> bool:
        if self.desk.accounts.unlock(self.password.text()):
            self.password.clear()
            self.accept()
            return True
        self.password.clear()
        self.error.setText(self.tr("Wrong password."))
        self.error.show()
        return False

    def reject(self) -> None:  # Esc does not unlock
        pass

    def quit_program(self) -> None:
        answer = QMessageBox.question(self, self.tr("Exit the program"), self.tr(
            "Exit without saving forms that are still open?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.desk.accounts.sign_out()
            close_open_forms(keep=self)
            QApplication.closeAllWindows()
            QApplication.quit()


class IdleLock(QObject):
    """Locks the program after ``minutes`` without keyboard or mouse input."""

    def __init__(self, window, minutes: int):
        super().__init__(window)
        self.window = window
        self.desk: Desk = window.desk
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        self.covers: list[_Cover] = []
        self.minutes = minutes  # what the lock screen says (tests shorten the timer itself)
        self.set_timeout_ms(minutes * 60 * 1000)
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(max(ms, 50))
        if not self.locked:
            self.timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.set_timeout_ms(minutes * 60 * 1000)

    def lock(self, by_hand: bool = False) -> None:
        """Cover every window and ask for the password (by hand: 安全 → 立即锁定, Ctrl+L)."""
        if self.locked:
            return
        self.desk.accounts.record_lock()
        text = self.tr("Locked")
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, LockDialog) and widget.isWindow() \
                    and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                self.covers.append(_Cover(widget, text))
        security = getattr(self.window, "security", None)
        self.dialog = LockDialog(self.desk, self.window, None if by_hand else self.minutes,
                                 switch_user=security.switch_user if security else None)
        self.dialog.accepted.connect(self.unlocked)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def unlocked(self) -> None:
        for cover in self.covers:
            try:
                cover.deleteLater()
            except RuntimeError:  # the window went away meanwhile
                pass
        self.covers.clear()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()


class AccountsDialog(QDialog):
    """Station head: the accounts (add, role, active, temporary password) and the idle time."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Accounts and locking"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Name"),
                                              self.tr("Role"), self.tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        add = QPushButton(self.tr("&Add…"))
        add.setObjectName("add")
        add.clicked.connect(self.add_account)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in ROLES:
            self.role.addItem(render(role_label(role)), role)
        set_role = QPushButton(self.tr("Set &role"))
        set_role.clicked.connect(self.set_role)
        toggle = QPushButton(self.tr("&Enable / disable"))
        toggle.clicked.connect(self.toggle_active)
        reset = QPushButton(self.tr("&Temporary password…"))
        reset.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for w in (add, self.role, set_role, toggle, reset):
            row.addWidget(w)
        row.addStretch(1)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("lock_minutes")
        self.minutes.setRange(*IDLE_RANGE)
        self.minutes.setValue(desk.accounts.idle_minutes())
        self.minutes.setSuffix(self.tr(" min"))
        save_minutes = QPushButton(self.tr("&Save"))
        save_minutes.setObjectName("save_minutes")
        save_minutes.clicked.connect(self.save_minutes)
        lock_row = QHBoxLayout()
        label = QLabel(self.tr("&Lock after this long without use:"))
        label.setBuddy(self.minutes)
        lock_row.addWidget(label)
        lock_row.addWidget(self.minutes)
        lock_row.addWidget(save_minutes)
        lock_row.addStretch(1)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(lock_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.refresh()

    def refresh(self) -> None:
        self.accounts = self.desk.accounts.accounts()
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            for c, text in enumerate((a.username, a.display_name, render(role_label(a.role)),
                                      self.tr("yes") if a.active else self.tr("no"))):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def current(self):
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _do(self, action) -> bool:
        try:
            action()
        except DomainError as exc:
            show_error(self.error, exc)
            return False
        self.error.hide()
        self.refresh()
        return True

    def add_account(self) -> None:
        AddAccountDialog(self.desk, self).exec()
        self.refresh()

    def set_role(self) -> None:
        account = self.current()
        if account:
            self._do(lambda: self.desk.accounts.update_account(account.id,
                                                               role=self.role.currentData()))

    def toggle_active(self) -> None:
        account = self.current()
        if account:
            self._do(lambda: self.desk.accounts.update_account(account.id,
                                                               active=not account.active))

    def reset_password(self) -> None:
        account = self.current()
        if not account:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Temporary password"))
        edit = password_edit("temporary")
        form = QFormLayout(dialog)
        add_row(form, self.tr("Temporary password for %1").replace("%1", account.username), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec():
            self._do(lambda: self.desk.accounts.reset_password(account.id, edit.text()))

    def save_minutes(self) -> None:
        if self._do(lambda: self.desk.accounts.set_idle_minutes(self.minutes.value())):
            lock = getattr(self.parent(), "idle_lock", None)
            if lock is not None:
                lock.set_minutes(self.minutes.value())


class AddAccountDialog(QDialog):
    """A new staff account with a first password the person changes at their first sign-in."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Add an account"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in ROLES:
            self.role.addItem(render(role_label(role)), role)
        self.role.setCurrentIndex(ROLES.index("staff"))
        self.password = password_edit("password")
        self.error = error_label()
        form = QFormLayout()
        add_row(form, self.tr("&Account name"), self.username)
        add_row(form, self.tr("&Name"), self.display_name)
        add_row(form, self.tr("&Role"), self.role)
        add_row(form, self.tr("&First password"), self.password)
        note = QLabel(self.tr("The person chooses their own password at the first sign-in."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_add(self) -> bool:
        try:
            self.desk.accounts.create_account(self.username.text(), self.display_name.text(),
                                              self.role.currentData(), self.password.text(),
                                              must_change_password=True)
        except ValidationFailed as exc:
            show_error(self.error, exc)
            return False
        self.accept()
        return True


class SecurityUi(QObject):
    """Everything security adds to one main window (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.desk: Desk = window.desk
        self.idle_lock: IdleLock | None = None
        self.successor = None  # the window of the person who signed in with 切换用户
        user = self.desk.session.user
        if user is not None and not user.system:
            name = user.display_name or user.username
            self.user_label = QLabel(self.tr("Signed in: %1 (%2)").replace("%1", name)
                                     .replace("%2", render(role_label(user.role))))
            self.user_label.setObjectName("signed_in")
            window.statusBar().addPermanentWidget(self.user_label)
            index = window.duty.findText(user.display_name)
            if index >= 0:
                window.duty.setCurrentIndex(index)
        self._apply_role()
        self._install_reveal()
        self._build_menu()
        self._gate()

    def can(self, perm: Perm) -> bool:
        return self.desk.session.can(perm)

    # ---- role ------------------------------------------------------------------------------

    def _apply_role(self) -> None:
        """Registers are read-only without the write permission; the window's actions are
        gated by :func:`gate_window` once the menus are built (``_gate``)."""
        if self.can(Perm.WRITE):
            return
        for tab in self.window.register_tabs.values():
            for view in tab.views:
                view.read_only = True
                view.read_only_reason = render(who_may(Perm.WRITE))
                view._update_actions()

    def _gate(self) -> None:
        gate_window(self.window, self.desk.session)
        update = getattr(self.window, "update_record_actions", None)
        if update is not None:
            update()

    def _install_reveal(self) -> None:
        for tab in self.window.register_tabs.values():
            for view in tab.views:
                names = {c.key for c in view.model.columns}
                if not names & {"id_number", "phone"}:
                    continue
                act = QAction(self.tr("Show full ID number and phone"), view.table)
                act.setObjectName("reveal_row")
                act.setEnabled(self.can(Perm.REVEAL))
                act.triggered.connect(lambda _c=False, v=view: self.reveal_row(v))
                view.table.addAction(act)
                view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def reveal_row(self, view) -> dict | None:
        record_id = view.current_id()
        if record_id is None:
            return None
        try:
            values = view.service.reveal(record_id)
        except ValidationFailed as exc:
            QMessageBox.warning(self.window, view.title, render(exc.message))
            return None
        id_label, phone_label = self.tr("ID number"), self.tr("Phone")
        lines = [f"{id_label}: {values.get('id_number') or '—'}",
                 f"{phone_label}: {values.get('phone') or '—'}"]
        QMessageBox.information(self.window, self.tr("Full ID number and phone"),
                                "\n".join(lines))
        return values

    # ---- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        bar = self.window.menuBar()
        # the window's own 帮助 menu (asking QAction.menu() makes a wrapper whose collection
        # deletes the menu under PySide6)
        help_menu = getattr(self.window, "help_menu", None)
        help_action = help_menu.menuAction() if help_menu is not None else None
        menu = bar.addMenu(self.tr("S&ecurity")) if help_action is None else None
        if menu is None:
            from PySide6.QtWidgets import QMenu

            menu = QMenu(self.tr("S&ecurity"), self.window)
            bar.insertMenu(help_action, menu)
        menu.setObjectName("security_menu")
        self.menu = menu
        user = self.desk.session.user
        signed = user is not None and not user.system
        items = [
            (self.tr("&Lock now"), "Ctrl+L", self.lock_now, "lock", signed),
            (self.tr("&Change my password…"), None, self.change_password, "password", signed),
            (self.tr("&Person lookup…"), None, self.person_view, "person", self.can(Perm.READ)),
            (self.tr("&Audit log…"), None, self.audit_view, "audit", True),
            (self.tr("Acc&ounts and locking…"), None, self.accounts, "accounts", True),
            (self.tr("New &recovery code…"), None, self.new_recovery_code, "recovery", signed),
        ]
        for text, shortcut, slot, name, visible in items:
            act = QAction(text, self.window)
            act.setObjectName(f"security_{name}")
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            act.setVisible(visible)
            menu.addAction(act)

    def start_idle_lock(self, minutes: int | None = None) -> IdleLock:
        """Lock after the configured idle time (only for a signed-in account)."""
        self.idle_lock = IdleLock(self.window, minutes or self.desk.accounts.idle_minutes())
        self.window.idle_lock = self.idle_lock
        return self.idle_lock

    def lock_now(self) -> None:
        if self.idle_lock is None:
            self.start_idle_lock()
        self.idle_lock.lock(by_hand=True)

    def switch_user(self) -> bool:
        """切换用户 on the lock screen: another person signs in and gets a window of their own
        role; the previous person's windows and open forms close without saving. Cancelled:
        the program stays locked for the previous person."""
        from .signin import SignInDialog

        previous = self.desk.session.user
        lock = self.idle_lock
        parent = lock.dialog if lock is not None and lock.dialog is not None else self.window
        dialog = SignInDialog(self.desk, parent)
        dialog.username.setCurrentText("")
        dialog.username.setFocus()
        if not dialog.exec() or self.desk.session.user is None:
            self.desk.session.user = previous
            return False
        user = self.desk.session.user
        if previous is not None and not previous.system and previous.id != user.id:
            self.desk.audit.record("sign_out", "account", previous.id, None, actor=previous)
        old = self.window
        old.save_layout()
        new = type(old)(self.desk, old.lang)  # the same kind of window, for the new role
        self.successor = new
        new.show()
        new.security.start_idle_lock()
        if getattr(old, "_daily", None) is not None:
            new.start_automatic_backups(now=False)
            old._daily.stop()
        if lock is not None:
            lock.unlocked()
            lock.stop()
        close_open_forms(keep=new)
        old.close()
        new.raise_()
        new.activateWindow()
        return True

    def change_password(self) -> None:
        ChangePasswordDialog(self.desk, self.window).exec()

    def person_view(self) -> None:
        from .person_view import PersonView

        dialog = PersonView(self.desk, self.window)
        dialog.finished.connect(lambda _r: self.window.refresh_all())
        dialog.show()

    def audit_view(self) -> None:
        from .audit_view import AuditView

        AuditView(self.desk, self.window).show()

    def accounts(self) -> None:
        dialog = AccountsDialog(self.desk, self.window)
        dialog.exec()

    def new_recovery_code(self) -> None:
        answer = QMessageBox.question(self.window, self.tr("New recovery code"), self.tr(
            "Make a new recovery code? The old one stops working."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            code = self.desk.accounts.renew_recovery_code()
        except ValidationFailed as exc:
            QMessageBox.warning(self.window, self.tr("New recovery code"), render(exc.message))
            return
        identity = self.desk.identity
        RecoveryCodeDialog(code, identity.name if identity else "",
                           self.desk.session.user.username, self.window).exec()


def close_open_forms(keep=None) -> None:
    """Close every other window's dialogs without asking (their changes are given up on
    purpose: the person chose to exit or to let someone else sign in)."""
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)


def install_security(window) -> SecurityUi:
    """Called at the end of MainWindow.__init__."""
    window.security = SecurityUi(window)
    return window.security
