"""Start-up with a damaged database: a clear message, the latest backup offered, nothing lost."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from xiangyun_desk.app import open_desk_interactively
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage.db import DB_FILENAME, backup_database, backup_dir


def _station_with_backup(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家")
    desk.visits.create({"visited_at": "2026-11-01 09:00", "name": "张三", "purpose": "legal",
                        "status": "done"})
    desk.close()
    backup = backup_database(data_dir / DB_FILENAME, backup_dir(data_dir), "daily")
    damaged = b"this is not a database" * 100
    (data_dir / DB_FILENAME).write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
    return backup, damaged


def _answer(button_text: str | None):
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), "no message box was shown"
        assert "损坏" in box.text()
        for button in box.buttons():
            if button_text is None and box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()
                return
            if button_text and button.text() == button_text:
                button.click()
                return
        box.reject()
    QTimer.singleShot(0, click)


def test_damaged_database_can_be_replaced_by_the_latest_backup(qapp, data_dir):
    from xiangyun_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    _backup, damaged = _station_with_backup(data_dir)
    _answer("恢复最近的备份")
    desk = open_desk_interactively(qapp, data_dir)
    assert desk is not None
    try:
        assert desk.visits.count() == 1
    finally:
        desk.close()
    kept = [p for p in data_dir.iterdir() if p.name.startswith(DB_FILENAME + ".damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_declining_leaves_the_damaged_file_untouched(qapp, data_dir):
    from xiangyun_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    _backup, damaged = _station_with_backup(data_dir)
    _answer(None)
    assert open_desk_interactively(qapp, data_dir) is None
    assert (data_dir / DB_FILENAME).read_bytes() == damaged
