"""Actions the signed-in role may not do are disabled, with a tooltip saying who may, before any
file picker or question (issue 11); record actions in the county's read-only registers are
disabled. One mechanism: domain.permissions.ACTION_PERMS applied by ui/gates.py."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from xiangyun_desk.app import build_main_window
from xiangyun_desk.domain.permissions import ACTION_PERMS, ROLE_PERMISSIONS
from xiangyun_desk.services.desk import Desk

PASSWORD = "Long-enough-pass-1"


@pytest.fixture
def station(data_dir, monkeypatch):
    from argon2 import PasswordHasher

    from xiangyun_desk.services import accounts as accounts_module

    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.accounts.create_account("zhidu", "赵敏", "viewer", PASSWORD)
    desk.close()
    return data_dir


@pytest.fixture
def opened(qtbot):
    windows = []

    def open_(data_dir, user=None):
        window = build_main_window(data_dir, user=user)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield open_
    for window in windows:
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
        window.close()
        window.desk.close()


@pytest.fixture
def no_dialogs(monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: asked.append("open") or ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append("folder") or ""))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append("question") or QMessageBox.StandardButton.No))
    return asked


def test_staff_cannot_start_a_restore(opened, station, no_dialogs):
    window = opened(station, "gongzuo")
    restore = window.findChild(QAction, "file_restore")
    assert restore.isVisible() and not restore.isEnabled()
    assert "站长" in restore.toolTip()
    restore.trigger()  # a disabled action does nothing: no file picker, no question
    assert no_dialogs == []
    assert window.findChild(QAction, "file_backup").isEnabled()  # staff may back up
    audit = window.findChild(QAction, "security_audit")
    assert audit.isVisible() and not audit.isEnabled() and "站长" in audit.toolTip()


def test_every_gated_action_follows_the_role(opened, station):
    for user, role in (("zhanzhang", "admin"), ("gongzuo", "staff"), ("zhidu", "viewer")):
        window = opened(station, user)
        for action in window.findChildren(QAction):
            perm = ACTION_PERMS.get(action.objectName())
            if perm is None or not action.isVisible():
                continue
            allowed = perm in ROLE_PERMISSIONS[role]
            if not allowed:
                assert not action.isEnabled(), (role, action.objectName())
                assert action.toolTip(), (role, action.objectName())


def test_viewer_record_actions_disabled_with_who_may(opened, station):
    window = opened(station, "zhidu")
    view = window.visits.view
    assert not view.act_new.isEnabled()
    assert "工作人员" in view.act_new.toolTip()
    assert not window.findChild(QAction, "menu_new").isEnabled()


def test_county_read_only_registers_disable_record_actions(opened, tmp_path):
    path = tmp_path / "county"
    path.mkdir()
    desk = Desk(path)
    desk.initialize("county", "532923", "祥云县总工会")
    desk.close()
    window = opened(path)
    new = window.findChild(QAction, "menu_new")
    tabs = window.tabs
    county_tabs = [i for i in range(tabs.count())
                   if getattr(tabs.widget(i), "read_only_note", None) is not None]
    assert county_tabs
    for i in county_tabs:
        tabs.setCurrentIndex(i)
        assert not new.isEnabled()
        assert new.toolTip()
