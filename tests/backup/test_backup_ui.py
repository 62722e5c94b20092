"""The File menu's backup, restore and check actions in the real main window."""

from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
)

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.usb_backup import BackupSecret, write_encrypted_backup
from xiangyun_desk.ui.backup_dialogs import BackupSecretDialog, RestoreDialog, SecretPromptDialog


def _window(qtbot, desk):
    desk.close()
    window = build_main_window(desk.data_dir)
    qtbot.addWidget(window)
    return window


def _action(window, name):
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, f"file_{name}")
    assert action is not None, f"no file_{name} action in the menus"
    return action


def test_check_database_reports_intact(qtbot, desk, monkeypatch):
    window = _window(qtbot, desk)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    _action(window, "check").trigger()
    assert shown and "完好" in shown[0]


def _when_modal(cls, action):
    """Run ``action(dialog)`` once a modal ``cls`` is open (the real dialog, in its own loop)."""
    def poll(tries=250):
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            action(widget)
        elif tries:
            QTimer.singleShot(20, lambda: poll(tries - 1))

    QTimer.singleShot(0, poll)


PASSPHRASE = "云南驿 冬送温暖 二〇二六"


def _backup_with_passphrase(window, monkeypatch, folder, passphrase=PASSPHRASE):
    def fill(dialog):
        dialog.findChild(QLineEdit, "passphrase").setText(passphrase)
        dialog.findChild(QLineEdit, "passphrase_repeat").setText(passphrase)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    _when_modal(BackupSecretDialog, fill)
    _action(window, "backup").trigger()


def test_backup_to_folder_and_restore_from_the_menu(qtbot, desk, monkeypatch, tmp_path):
    window = _window(qtbot, desk)
    visits = window.desk.visits
    visits.create({"visited_at": "2026-11-01 09:00", "name": "张三", "purpose": "legal",
                   "status": "done"})
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    _backup_with_passphrase(window, monkeypatch, tmp_path)
    copies = list(tmp_path.glob("*.sqlite3.age"))
    assert len(copies) == 1 and str(copies[0]) in messages[-1]
    assert "备份密码" in messages[-1] and "交站长保管" in messages[-1]
    assert not list(tmp_path.glob("*.sqlite3"))

    visits.create({"visited_at": "2026-11-02 09:00", "name": "李四", "purpose": "legal",
                   "status": "done"})
    window.visits.view.apply_filters()
    assert window.visits.view.model.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)

    def choose_stick(dialog):
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
        dialog.findChild(QPushButton, "choose_folder").click()
        _when_modal(SecretPromptDialog, lambda prompt: (
            prompt.secret.setText(PASSPHRASE), prompt.accept()))
        dialog.findChild(QPushButton, "restore").click()

    _when_modal(RestoreDialog, choose_stick)
    _action(window, "restore").trigger()
    assert window.visits.view.model.rowCount() == 1
    rows = visits.fetch_rows(visits.query_ids(RegisterQuery()))
    assert [r["name"] for r in rows.values()] == ["张三"]
    assert "U盘加密备份" in messages[-1] and "已恢复" in messages[-1]


def test_the_backup_dialog_refuses_a_weak_or_mistyped_passphrase(qtbot, desk):
    window = _window(qtbot, desk)
    dialog = BackupSecretDialog(window.desk, window)
    qtbot.addWidget(dialog)
    assert not dialog.has_code and dialog.findChild(QLineEdit, "code") is None
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.passphrase.setText("123456")
    dialog.repeat.setText("123456")
    ok.click()
    assert dialog.secret is None and "太简单" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "。")
    ok.click()
    assert dialog.secret is None and "不一致" in dialog.error.text()
    dialog.repeat.setText(PASSPHRASE)
    ok.click()
    assert dialog.secret is not None and dialog.result() == dialog.DialogCode.Accepted


def test_the_restore_list_is_chinese_newest_first_and_a_wrong_code_restores_nothing(
        qtbot, desk, monkeypatch, tmp_path):
    window = _window(qtbot, desk)
    backups = window.desk.backups
    usb = tmp_path / "usb"
    usb.mkdir()
    for reason, when in (("start", dt.datetime(2026, 12, 6, 8, 0)),
                         ("before-import", dt.datetime(2026, 12, 8, 9, 30)),
                         ("manual", dt.datetime(2026, 12, 7, 16, 45))):
        path = backups.backup(reason, now=when)
        shutil.copyfile(path, usb / path.name)
    sealed = write_encrypted_backup(backups, usb, BackupSecret.passphrase(PASSPHRASE),
                                    now=dt.datetime(2026, 12, 8, 14, 5))
    window.desk.visits.create({"visited_at": "2026-11-01 09:00", "name": "张三",
                               "purpose": "legal", "status": "done"})
    dialog = RestoreDialog(window.desk, usb, window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "backups")
    cells = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert cells == [["2026年12月8日 14:05", "U盘加密备份", "云南驿镇职工之家"],
                     ["2026年12月8日 09:30", "导入前备份", "云南驿镇职工之家"],
                     ["2026年12月7日 16:45", "手动备份", "云南驿镇职工之家"],
                     ["2026年12月6日 08:00", "自动备份", "云南驿镇职工之家"]]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["备份时间", "类型", "站点", "大小", "记录数"]
    assert sealed.name not in " ".join(" ".join(row) for row in cells)
    dialog.show()
    dialog.grab().save(str(tmp_path / "restore-dialog.png"))

    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    table.selectRow(0)
    _when_modal(SecretPromptDialog, lambda prompt: (
        prompt.secret.setText("ABCD-EFGH-JKMN-PQRS-TVWX"), prompt.accept()))
    dialog.findChild(QPushButton, "restore").click()
    assert warnings and "恢复码或备份密码不对" in warnings[-1]
    assert dialog.restored is None
    assert window.desk.visits.count() == 1  # nothing restored


def test_with_a_station_head_the_backup_is_encrypted_with_the_checked_recovery_code(
        qtbot, desk, monkeypatch, tmp_path):
    from argon2 import PasswordHasher

    from xiangyun_desk.services import accounts as accounts_module

    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    admin, code = desk.accounts.create_first_admin("zhanzhang", "李红", "Long-enough-pass-1")
    desk.session.user = admin
    desk.visits.create({"visited_at": "2026-11-01 09:00", "name": "张三", "purpose": "legal",
                        "status": "done"})
    desk.close()
    window = build_main_window(desk.data_dir, user="zhanzhang")
    qtbot.addWidget(window)
    try:
        dialog = BackupSecretDialog(window.desk, window)
        qtbot.addWidget(dialog)
        assert dialog.has_code and dialog.use_code.isChecked()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.code.setText("ABCD-EFGH-JKMN-PQRS-TVWX")
        ok.click()
        assert dialog.secret is None and "不是站长当前有效的恢复码" in dialog.error.text()
        dialog.code.setText(code.lower())
        ok.click()
        assert dialog.secret is not None and dialog.secret.text == code

        messages = []
        monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))

        def fill(d):
            d.code.setText(code)
            d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        _when_modal(BackupSecretDialog, fill)
        _action(window, "backup").trigger()
        (copy,) = tmp_path.glob("*-code.sqlite3.age")
        assert str(copy) in messages[-1] and "站长的恢复码" in messages[-1]
        assert b"\xe5\xbc\xa0\xe4\xb8\x89" not in copy.read_bytes()  # 张三
    finally:
        window.idle_lock.stop() if getattr(window, "idle_lock", None) else None
        window.close()
        window.desk.close()


def test_a_renamed_copy_can_be_chosen_by_hand(qtbot, desk, monkeypatch, tmp_path):
    window = _window(qtbot, desk)
    path = window.desk.backups.backup("manual")
    renamed = tmp_path / "站里的备份.sqlite3"
    shutil.copyfile(path, renamed)
    dialog = RestoreDialog(window.desk, tmp_path, window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QTableWidget, "backups").rowCount() == 0
    assert not dialog.findChild(QPushButton, "restore").isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(renamed), ""))
    dialog.findChild(QPushButton, "choose_file").click()
    table = dialog.findChild(QTableWidget, "backups")
    assert table.rowCount() == 1 and table.item(0, 1).text() == "备份"
    assert dialog.findChild(QPushButton, "restore").isEnabled()


def test_the_backup_dialogs_have_unique_alt_letters(qtbot, desk, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))
    from test_ui_alt_letters import widget_clashes

    window = _window(qtbot, desk)
    path = write_encrypted_backup(window.desk.backups, tmp_path,
                                  BackupSecret.passphrase(PASSPHRASE))
    from xiangyun_desk.services.usb_backup import entry_of

    for dialog in (BackupSecretDialog(window.desk, window), RestoreDialog(window.desk, tmp_path,
                                                                          window),
                   SecretPromptDialog(entry_of(path), window)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert not widget_clashes(dialog), type(dialog).__name__
        assert dialog.sizeHint().width() <= 1000 and dialog.sizeHint().height() <= 740
        dialog.close()
