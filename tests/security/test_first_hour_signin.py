"""The first hour, signing in and staying signed in: Enter signs in (登录 is the default button,
never 取消); a wrong password is said in the dialog, the name stays, the program stays open;
repeated failures wait a little, growing; the recovery printout (a Chinese file name, the code in
large type); the lock screen says why it locked and offers 切换用户."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QPushButton
from security_helpers import PASSWORD, VISIT

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.security.security_menu import LockDialog
from xiangyun_desk.ui.security.signin import RecoveryCodeDialog, SignInDialog


@pytest.fixture
def station(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.visits.create(VISIT)
    desk.close()
    return data_dir


@pytest.fixture
def signin(qtbot, station):
    """The sign-in dialog as the program shows it at start (nobody signed in), translated."""
    desk = Desk(station, user=None)
    build_main_window(station).deleteLater()  # installs the Chinese translation, as run() does
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    yield dialog
    desk.close()


def failures(desk, username="gongzuo") -> int:
    from sqlalchemy import select

    from xiangyun_desk.storage.security_models import Account
    with desk.db.session() as s:
        return s.scalar(select(Account.failed_count).where(Account.username == username))


def test_sign_in_is_the_default_button_and_cancel_never_is(signin, qtbot):
    buttons = {b.objectName() or b.text(): b for b in signin.findChildren(QPushButton)}
    assert signin.sign_in_button.isDefault()
    assert signin.sign_in_button.text().replace("&", "").startswith("登录")
    others = [b for b in buttons.values() if b is not signin.sign_in_button]
    assert others and not any(b.isDefault() or b.autoDefault() for b in others)
    # Even with the focus on 取消 and back in the password, Enter signs in.
    cancel = next(b for b in others if "取消" in b.text())
    cancel.setFocus()
    signin.password.setFocus()
    assert signin.sign_in_button.isDefault() and not cancel.isDefault()


def test_enter_in_the_name_goes_to_the_password_and_enter_there_signs_in(signin, qtbot):
    signin.username.lineEdit().clear()
    signin.username.setFocus()
    qtbot.keyClicks(signin.username.lineEdit(), "gongzuo")
    qtbot.keyClick(signin.username.lineEdit(), Qt.Key.Key_Return)
    assert signin.isVisible() and QApplication.focusWidget() is signin.password
    assert failures(signin.desk) == 0  # no attempt with an empty password
    qtbot.keyClicks(signin.password, PASSWORD)
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.result() == QDialog.DialogCode.Accepted
    assert signin.desk.session.user.username == "gongzuo"


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open_with_the_name(signin, qtbot):
    signin.username.setCurrentText("gongzuo")
    signin.password.setFocus()
    qtbot.keyClicks(signin.password, "wrong-one")
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.isVisible()  # not closed: the program goes on
    assert "密码错误" in signin.error.text() and signin.error.isVisible()
    assert signin.username.currentText() == "gongzuo"
    assert signin.password.text() == "" and QApplication.focusWidget() is signin.password
    assert failures(signin.desk) == 1  # one Enter, one attempt
    qtbot.keyClicks(signin.password, PASSWORD)
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.result() == QDialog.DialogCode.Accepted


def test_repeated_failures_wait_with_the_button_disabled_then_sign_in(signin, qtbot,
                                                                      monkeypatch):
    monkeypatch.setattr(accounts_module, "failure_delay", lambda n: 1 if n >= 3 else 0)
    signin.username.setCurrentText("gongzuo")
    for _ in range(3):
        signin.password.setText("wrong-one")
        qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.isVisible()
    assert not signin.sign_in_button.isEnabled()
    assert "秒" in signin.error.text()
    qtbot.waitUntil(signin.sign_in_button.isEnabled, timeout=4000)
    signin.password.setText(PASSWORD)
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.result() == QDialog.DialogCode.Accepted


# ---- the recovery printout -----------------------------------------------------------------------

def test_print_to_pdf_offers_a_chinese_name_and_prints_the_code_large(qtbot, tmp_path,
                                                                      monkeypatch):
    code = "ABCD-EFGH-JKMN-PQRS-TVWX"
    dialog = RecoveryCodeDialog(code, "云南驿镇职工之家", "zhanzhang")
    qtbot.addWidget(dialog)
    dialog.show()
    offered = []

    def save_name(parent, caption, proposed, *args, **kwargs):
        offered.append(proposed)
        return str(tmp_path / "printed.pdf"), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.mouseClick(dialog.findChild(QPushButton, "print"), Qt.MouseButton.LeftButton)
    name = offered[0].replace("\\", "/").rsplit("/", 1)[-1]
    assert name == f"恢复码-云南驿镇职工之家-{dt.date.today().isoformat()}.pdf"
    sizes = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes[text.strip()] = size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
    page = PdfReader(str(tmp_path / "printed.pdf")).pages[0]
    page.extract_text(visitor_text=visit)
    for group in code.split("-"):
        assert sizes.get(group, 0) >= 16, (group, sizes.get(group))
    assert "zhanzhang" in page.extract_text()
    assert dialog.ok.isEnabled()  # printing ticks "kept"


# ---- the lock screen -----------------------------------------------------------------------------

@pytest.fixture
def staff_window(qtbot, station):
    opened = []

    def open_(user="gongzuo"):
        window = build_main_window(station, user=user)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window
    yield open_
    for window in QApplication.topLevelWidgets():
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
    for window in opened:
        window.close()
        window.desk.close()


def test_the_lock_screen_says_it_was_locked_by_hand(staff_window, qtbot):
    window = staff_window()
    window.findChild(QAction, "security_lock").trigger()
    lock = window.idle_lock
    assert lock.locked
    text = lock.dialog.reason.text()
    assert "手动锁定" in text and "王建国" in text
    lock.dialog.password.setText(PASSWORD)
    assert lock.dialog.try_unlock()


def test_the_lock_screen_says_it_was_locked_after_minutes_idle(staff_window, qtbot):
    window = staff_window()
    lock = window.idle_lock
    minutes = window.desk.accounts.idle_minutes()
    lock.set_timeout_ms(100)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    text = lock.dialog.reason.text()
    assert f"{minutes} 分钟" in text and "无人操作" in text
    lock.set_timeout_ms(60_000)
    lock.dialog.password.setText(PASSWORD)
    assert lock.dialog.try_unlock()


def test_switch_user_from_the_lock_screen(staff_window, qtbot, monkeypatch):
    window = staff_window("gongzuo")
    window.security.lock_now()
    dialog: LockDialog = window.idle_lock.dialog
    switch = dialog.findChild(QPushButton, "switch_user")
    assert switch is not None and "切换用户" in switch.text()

    def sign(self):
        self.username.setCurrentText("zhanzhang")
        self.password.setText(PASSWORD)
        return int(self.try_sign_in())
    monkeypatch.setattr(SignInDialog, "exec", sign)
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.security.successor is not None, timeout=3000)
    new = window.security.successor
    qtbot.addWidget(new)
    assert new.isVisible() and not window.isVisible()
    assert new.desk.session.user.username == "zhanzhang"
    assert "李红" in new.findChild(QLabel, "signed_in").text()
    assert not new.idle_lock.locked
    # The station head's window has the station head's menu entries.
    assert new.findChild(QAction, "security_accounts").isVisible()


def test_switch_user_cancelled_stays_locked(staff_window, qtbot, monkeypatch):
    window = staff_window("gongzuo")
    window.security.lock_now()
    dialog = window.idle_lock.dialog
    monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)
    dialog.findChild(QPushButton, "switch_user").click()
    QTimer.singleShot(0, lambda: None)
    qtbot.wait(50)
    assert window.idle_lock.locked and window.desk.session.user.username == "gongzuo"
    dialog.password.setText(PASSWORD)
    assert dialog.try_unlock()
