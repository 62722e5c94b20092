"""The File menu's backup, restore and check actions in the real main window."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.registers import RegisterQuery


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


def test_backup_to_folder_and_restore_from_the_menu(qtbot, desk, monkeypatch, tmp_path):
    window = _window(qtbot, desk)
    visits = window.desk.visits
    visits.create({"visited_at": "2026-11-01 09:00", "name": "张三", "purpose": "legal",
                   "status": "done"})
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    _action(window, "backup").trigger()
    copies = list(tmp_path.glob("*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in messages[-1]

    visits.create({"visited_at": "2026-11-02 09:00", "name": "李四", "purpose": "legal",
                   "status": "done"})
    window.visits.view.apply_filters()
    assert window.visits.view.model.rowCount() == 2
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copies[0]), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    _action(window, "restore").trigger()
    assert window.visits.view.model.rowCount() == 1
    rows = visits.fetch_rows(visits.query_ids(RegisterQuery()))
    assert [r["name"] for r in rows.values()] == ["张三"]
