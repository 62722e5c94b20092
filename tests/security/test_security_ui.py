"""The security parts of the window: sign-in, first station head, wizard page, recovery code,
idle lock (unsaved form data survives), masked form fields with 显示, role-limited windows,
the audit log and the person lookup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard
from security_helpers import PASSWORD, VISIT

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.registers.masked import MaskedLineEdit
from xiangyun_desk.ui.security.signin import (
    FirstAdminDialog,
    RecoveryCodeDialog,
    RecoveryResetDialog,
    SignInDialog,
    sign_in_at_start,
)
from xiangyun_desk.ui.wizard import SetupWizard


@pytest.fixture
def station(data_dir):
    """A set-up station with a station head, a staff member and a viewer; no open desk."""
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.accounts.create_account("zhidu", "赵敏", "viewer", PASSWORD)
    desk.visits.create(VISIT)
    desk.close()
    return data_dir


@pytest.fixture
def open_window(qtbot, station):
    opened = []

    def open_(user=None):
        window = build_main_window(station, user=user)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield open_
    for window in opened:
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
        window.close()
        window.desk.close()


@pytest.fixture
def no_modal(monkeypatch):
    """Dialogs that would block (exec) record themselves instead."""
    shown = []
    monkeypatch.setattr(RecoveryCodeDialog, "exec", lambda self: shown.append(self.code) or 1)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Yes))
    return shown


# ---- signing in ------------------------------------------------------------------------------

def test_sign_in_dialog_refuses_a_wrong_password_then_signs_in(qtbot, station):
    desk = Desk(station, user=None)
    try:
        dialog = SignInDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.username.findText("gongzuo") >= 0
        dialog.username.setCurrentText("gongzuo")
        qtbot.keyClicks(dialog.password, "wrong")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.error.text() and not dialog.password.text()
        assert desk.session.user is None
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert desk.session.user.username == "gongzuo"
        desk.session.user = desk.accounts.principal("zhanzhang")
        actions = [e.action for e in desk.audit.entries(AuditFilter(table="account"))][:2]
        assert actions == ["sign_in", "sign_in_failed"]
    finally:
        desk.close()


def test_run_signs_out_first_and_asks(qtbot, station, monkeypatch):
    desk = Desk(station)
    try:
        monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)  # cancelled
        assert sign_in_at_start(desk) is False
        assert desk.session.user is None

        def sign(self):
            self.username.setCurrentText("zhidu")
            self.password.setText(PASSWORD)
            return int(self.try_sign_in())
        monkeypatch.setattr(SignInDialog, "exec", sign)
        assert sign_in_at_start(desk) is True
        assert desk.session.user.role == "viewer"
    finally:
        desk.close()


def test_a_station_without_accounts_asks_for_its_station_head(qtbot, data_dir, no_modal,
                                                               monkeypatch):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家")
    try:
        def fill(self):
            self.form.username.setText("zhanzhang")
            self.form.display_name.setText("李红")
            self.form.password.setText(PASSWORD)
            self.form.repeat.setText(PASSWORD + "x")
            assert not self.try_create()  # the passwords differ
            assert self.form.error.isVisible() or self.form.error.text()
            self.form.repeat.setText(PASSWORD)
            return int(self.try_create())
        monkeypatch.setattr(FirstAdminDialog, "exec", fill)
        assert sign_in_at_start(desk) is True
        assert desk.session.user.role == "admin"
        assert len(no_modal) == 1 and len(no_modal[0]) == 24  # the recovery code was shown
    finally:
        desk.close()


def test_wizard_admin_page_creates_the_station_head(qtbot, data_dir, no_modal):
    desk = Desk(data_dir, user=None)
    try:
        wizard = SetupWizard(desk)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()
        wizard.code.setText("07")
        wizard.name.setText("禾甸镇职工之家")
        wizard.next()
        wizard.staff.setPlainText("王建国")
        wizard.next()
        assert wizard.currentPage() is wizard.admin_page
        admin = wizard.admin
        admin.username.setText("zhanzhang")
        admin.display_name.setText("李红")
        admin.password.setText("123")
        admin.repeat.setText("123")
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert wizard.result() != QDialog.DialogCode.Accepted  # too short
        assert admin.error.text()
        assert desk.identity is None  # nothing is set up without a valid station head
        admin.password.setText(PASSWORD)
        admin.repeat.setText(PASSWORD)
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert wizard.result() == QDialog.DialogCode.Accepted
        assert desk.identity.code == "07"
        assert desk.session.user.username == "zhanzhang"
        assert no_modal == [wizard.recovery_code]
        assert set(desk.settings.staff()) == {"王建国", "李红"}
    finally:
        desk.close()


def test_recovery_code_dialog_copy_print_and_closing_needs_a_tick(qtbot, tmp_path):
    dialog = RecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX", "云南驿镇职工之家", "zhanzhang")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok.isEnabled()
    dialog.reject()  # Esc does not close it before the code was kept
    assert dialog.isVisible()
    dialog.copy()
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH-JKMN-PQRS-TVWX"
    pdf = dialog.print_pdf(str(tmp_path / "code.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(pdf).pages[0].extract_text()
    assert all(group in text for group in "ABCD-EFGH-JKMN-PQRS-TVWX".split("-"))
    assert dialog.ok.isEnabled()  # printing ticks "kept"


def test_forgot_password_dialog(qtbot, station, no_modal):
    desk = Desk(station, user=None)
    try:
        desk.session.user = desk.accounts.principal("zhanzhang")
        code = desk.accounts.renew_recovery_code()
        desk.session.user = None
        dialog = RecoveryResetDialog(desk)
        qtbot.addWidget(dialog)
        dialog.code.setText("0000-0000-0000-0000-0000")
        dialog.password.setText("neues-passwort")
        dialog.repeat.setText("neues-passwort")
        assert not dialog.try_reset() and dialog.error.text()
        dialog.code.setText(code)
        assert dialog.try_reset()
        assert desk.accounts.sign_in("zhanzhang", "neues-passwort").role == "admin"
    finally:
        desk.close()


# ---- the window by role ------------------------------------------------------------------------

def test_without_user_the_window_is_a_trusted_session(open_window):
    window = open_window()
    assert window.desk.session.user.system
    assert window.visits.view.act_new.isEnabled()
    assert window.findChild(type(window.security.menu), "security_menu") is not None
    assert getattr(window, "idle_lock", None) is None


def test_viewer_window_cannot_edit_and_sees_no_audit_log(open_window, no_modal):
    window = open_window("zhidu")
    view = window.visits.view
    assert view.model.rowCount() == 1
    assert not view.act_new.isEnabled() and not view.act_edit.isEnabled()
    assert not view.act_delete.isEnabled()
    assert view.new_record() is None
    names = {a.objectName(): a for a in window.security.menu.actions()}
    # disabled, saying who may (issue 11), rather than hidden
    assert not names["security_audit"].isEnabled() and names["security_audit"].toolTip()
    assert not names["security_accounts"].isEnabled()
    assert "赵敏" in window.security.user_label.text()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    add_staff = QCoreApplication.translate("MainWindow", "Add &staff member…")
    assert [a.isEnabled() for a in window.findChildren(QAction) if a.text() == add_staff] \
        == [False]
    view.table.selectRow(0)
    assert window.security.reveal_row(view) is None  # refused, with a message
    assert len(no_modal) == 1 and no_modal[0]  # the refusal, said in a message box


def test_staff_window_reveals_from_the_table_and_it_is_recorded(open_window, no_modal):
    window = open_window("gongzuo")
    view = window.visits.view
    view.table.selectRow(0)
    values = window.security.reveal_row(view)
    assert values["id_number"] == VISIT["id_number"]
    assert VISIT["id_number"] in no_modal[-1]
    assert window.duty.currentText() == "王建国"  # the signed-in person is on duty
    window.desk.session.user = window.desk.accounts.principal("zhanzhang")
    assert window.desk.audit.entries(AuditFilter(action="reveal"))[0].actor_name == "王建国"


def test_edit_form_masks_id_and_phone_and_round_trips_untouched(open_window, no_modal):
    window = open_window("gongzuo")
    view = window.visits.view
    record_id = view.model.record_id(0)
    form = view.open_form(record_id)
    id_edit = form.widgets["id_number"]
    assert isinstance(id_edit, MaskedLineEdit) and id_edit.masked
    assert id_edit.displayText() == "5329**********0012"
    assert form.widgets["phone"].displayText() == "138****5678"
    assert id_edit.text() == VISIT["id_number"]  # the real value for saving
    form.widgets["employer"].setText("祥云县公交公司")
    form.try_save()
    stored = window.desk.visits.get(record_id)
    assert stored["id_number"] == VISIT["id_number"] and stored["phone"] == "13812345678"
    assert stored["employer"] == "祥云县公交公司"
    # 显示: the service allows it for staff, records it, and the field becomes editable.
    form = view.open_form(record_id)
    form.widgets["id_number"].show_button.click()
    assert not form.widgets["id_number"].masked
    assert form.widgets["id_number"].displayText() == VISIT["id_number"]
    # Typing over a masked phone replaces it without revealing it.
    phone = form.widgets["phone"]
    phone.setFocus()
    from PySide6.QtTest import QTest

    QTest.keyClicks(phone, "13900001111")
    assert phone.text() == "13900001111" and not phone.masked
    window.desk.session.user = window.desk.accounts.principal("zhanzhang")
    reveals = window.desk.audit.entries(AuditFilter(action="reveal"))
    assert [r.detail["fields"] for r in reveals] == [["id_number"]]


def test_new_record_form_fields_are_plain(open_window):
    window = open_window("gongzuo")
    form = window.visits.view.open_form(None)
    form.widgets["id_number"].setText("532923198001010012")
    assert form.widgets["id_number"].displayText() == "532923198001010012"


# ---- idle lock -------------------------------------------------------------------------------

def test_idle_lock_covers_everything_and_keeps_the_open_form(qtbot, open_window, no_modal):
    window = open_window("gongzuo")
    lock = window.idle_lock
    view = window.visits.view
    form = view.open_form(None)
    qtbot.addWidget(form)
    form.show()
    form.widgets["name"].setText("未保存的名字")
    lock.set_timeout_ms(150)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert lock.dialog.isVisible()
    covered = {c.parent() for c in lock.covers}
    assert window in covered and form in covered
    assert all(c.isVisible() for c in lock.covers)
    lock.dialog.password.setText("wrong")
    assert not lock.dialog.try_unlock()
    assert lock.locked and lock.dialog.error.text()
    lock.dialog.password.setText(PASSWORD)
    assert lock.dialog.try_unlock()
    assert not lock.locked
    qtbot.waitUntil(lambda: not window.findChildren(type(form), "lock_cover"), timeout=1000)
    assert form.isVisible() and form.widgets["name"].text() == "未保存的名字"
    lock.set_timeout_ms(60_000)
    window.desk.session.user = window.desk.accounts.principal("zhanzhang")
    actions = [e.action for e in window.desk.audit.entries(AuditFilter(table="account"))][:3]
    assert actions == ["unlock", "unlock_failed", "lock"]


def test_input_postpones_the_lock(qtbot, open_window):
    window = open_window("gongzuo")
    lock = window.idle_lock
    # Generous margins: on a loaded machine a 150 ms wait can take longer than a short timeout.
    lock.set_timeout_ms(2500)
    for _ in range(6):
        qtbot.wait(500)  # 3 s of typing in all, longer than the timeout
        qtbot.keyClick(window.visits.view.search, Qt.Key.Key_A)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=10000)
    lock.dialog.password.setText(PASSWORD)
    lock.dialog.try_unlock()
    lock.set_timeout_ms(60_000)


# ---- audit log and person view -----------------------------------------------------------------

def test_audit_view_lists_and_filters(qtbot, open_window):
    from xiangyun_desk.ui.security.audit_view import AuditView

    staff = open_window("gongzuo")
    staff.desk.visits.create({**VISIT, "name": "王五"})
    window = open_window("zhanzhang")
    dialog = AuditView(window.desk, window)
    qtbot.addWidget(dialog)
    total = dialog.model.rowCount()
    assert total >= 4  # three accounts made, one visit
    dialog.action.setCurrentIndex(dialog.action.findData("create"))
    assert dialog.model.rowCount() == 2
    assert "王五" in dialog.model.index(0, 4).data()
    dialog.table.selectRow(0)
    assert "王五" in dialog.details.toPlainText()
    dialog.action.setCurrentIndex(0)
    dialog.who.setCurrentIndex(dialog.who.findText("王建国"))
    assert dialog.model.rowCount() == 1
    assert all("王建国" in dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount()))


def test_person_view_find_print_correct_erase(qtbot, open_window, no_modal, tmp_path):
    from xiangyun_desk.ui.security.person_view import PersonView

    window = open_window("zhanzhang")
    dialog = PersonView(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.find()
    assert dialog.error.text()  # nothing entered
    dialog.id_number.setText(VISIT["id_number"])
    assert len(dialog.find()) == 1
    assert "5329**********0012" in dialog.detail.toPlainText()
    dialog.reveal()
    assert VISIT["id_number"] in dialog.detail.toPlainText()
    assert dialog.print_pdf(str(tmp_path / "p.pdf"), full=False).exists()
    assert dialog.correct({"employer": "祥云县公交公司"}) == 1
    assert "祥云县公交公司" in dialog.detail.toPlainText()
    assert dialog.erase(confirm=False) == 1
    assert dialog.table.rowCount() == 0


def test_screenshots(qtbot, open_window, tmp_path, no_modal):
    """Renders the dialogs offscreen (kept when XYD_SHOTS is set, for looking at them)."""
    import os

    from xiangyun_desk.ui.security.audit_view import AuditView
    from xiangyun_desk.ui.security.person_view import PersonView
    from xiangyun_desk.ui.security.security_menu import AccountsDialog

    folder = Path(os.environ.get("XYD_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    window = open_window("zhanzhang")
    desk = window.desk
    widgets = {"signin": SignInDialog(desk), "recovery": RecoveryCodeDialog(
        "ABCD-EFGH-JKMN-PQRS-TVWX", "云南驿镇职工之家", "zhanzhang"),
        "accounts": AccountsDialog(desk, window), "audit": AuditView(desk, window)}
    person = PersonView(desk, window)
    person.id_number.setText(VISIT["id_number"])
    person.find()
    widgets["person"] = person
    form = window.visits.view.open_form(window.visits.view.model.record_id(0))
    widgets["form"] = form
    for name, widget in widgets.items():
        qtbot.addWidget(widget)
        widget.show()
        assert not widget.grab().isNull()
        widget.grab().save(str(folder / f"{name}.png"))
    window.idle_lock.lock()
    window.grab().save(str(folder / "locked_window.png"))
    window.idle_lock.dialog.grab().save(str(folder / "lock.png"))
    window.idle_lock.dialog.password.setText(PASSWORD)
    window.idle_lock.dialog.try_unlock()
