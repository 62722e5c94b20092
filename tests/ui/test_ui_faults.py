"""Faults of the machine reach the person at the window (issue 17): another program holding the
database's write lock, or a full disk, while a record is saved, deleted or restored, a setting is
changed, or a sheet is exported to a full stick — a message box with the message, and nothing
lost: the form stays open with what was typed, and saves once the fault has passed."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import subprocess
import threading
import uuid
from contextlib import closing, contextmanager

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import event

from xiangyun_desk.storage.db import DB_FILENAME
from xiangyun_desk.storage.errors import DatabaseBusy, DiskFull, FolderFault
from xiangyun_desk.ui.i18n import render


def fill(form, **values):
    """Type the values into the form (Chinese by setText; see tests/ui/conftest.py)."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

    for name, value in values.items():
        widget = form.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value.isoformat() if isinstance(value, dt.date) else value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else widget.findText(value))
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate(value.year, value.month, value.day))
        else:
            raise AssertionError(f"cannot fill {name}")
    return form


def _visit(**extra):
    values = dict(name="张三", campaign="winter", category="hardship", cash_fen="500",
                  visit_date=dt.date.today())
    values.update(extra)
    return values


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.StandardButton.Ok))
    return shown


@contextmanager
def write_lock_held(window):
    """Another program writes: its own connection holds BEGIN IMMEDIATE until the block ends."""
    locked, release = threading.Event(), threading.Event()

    def hold():
        with closing(sqlite3.connect(window.desk.data_dir / DB_FILENAME,
                                     isolation_level=None)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(120)
            conn.execute("ROLLBACK")

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert locked.wait(30)
    try:
        yield
    finally:
        release.set()
        thread.join(30)


@contextmanager
def disk_full(window):
    """The data directory's disk is full: no page may be added to the database (SQLite's own
    "database or disk is full", as when the disk has no room for the file to grow)."""
    engine = window.desk.db.engine

    def cap(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    event.listen(engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(engine, "connect", cap)
        engine.dispose()


def _busy(window) -> str:
    return render(DatabaseBusy(window.desk.data_dir / DB_FILENAME).message)


def test_saving_a_record_while_another_program_writes(ui, window, warnings):
    view = window.relief.view
    form = fill(view.open_form(None), **_visit(address="云南驿镇前所村"))
    ui.qtbot.addWidget(form)
    with write_lock_held(window):
        form.try_save()
    assert warnings == [_busy(window)]
    assert form.result() != QDialog.DialogCode.Accepted  # still open, nothing lost
    assert form.values()["name"] == "张三" and form.values()["address"] == "云南驿镇前所村"
    assert window.desk.relief.count() == 0
    form.try_save()  # the other program is done: the same form saves
    assert form.result() == QDialog.DialogCode.Accepted and window.desk.relief.count() == 1


def test_save_and_continue_while_another_program_writes(ui, window, warnings):
    view = window.relief.view
    form = fill(view.open_form(None), **_visit())
    ui.qtbot.addWidget(form)
    with write_lock_held(window):
        form.save_and_next()
    assert warnings == [_busy(window)] and form.values()["name"] == "张三"
    assert window.desk.relief.count() == 0


def test_delete_and_restore_while_another_program_writes(ui, window, warnings):
    view = window.relief.view
    record_id = ui.create(view, **_visit())
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(view, "张三")
    with write_lock_held(window):
        assert not view.delete_current()
    assert warnings == [_busy(window)]
    assert window.desk.relief.get(record_id)["deleted_at"] is None
    assert view.delete_current()  # the other program is done
    assert window.desk.relief.get(record_id)["deleted_at"] is not None


def test_settings_while_another_program_writes(ui, window, warnings, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (8000.0, True)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("赵敏", True)))
    with write_lock_held(window):
        window.findChild(QAction, "settings_relief_ceiling").trigger()
        window.findChild(QAction, "settings_add_staff").trigger()
    assert warnings == [_busy(window)] * 2
    assert window.desk.relief_confirm_above_fen() != 800_000
    assert "赵敏" not in window.desk.settings.staff()


def test_saving_a_record_on_a_full_disk(ui, window, warnings):
    view = window.relief.view
    filler = "备注" * 1500
    form = fill(view.open_form(None), **_visit(notes=filler))
    ui.qtbot.addWidget(form)
    with disk_full(window):
        for n in range(200):  # until the file would have to grow
            form.try_save()
            if warnings:
                break
            form = fill(view.open_form(None), **_visit(name=f"张{n}", notes=filler))
            ui.qtbot.addWidget(form)
    full = render(DiskFull(window.desk.data_dir).message)
    assert warnings == [full]
    assert str(window.desk.data_dir) in full
    assert form.result() != QDialog.DialogCode.Accepted and form.values()["notes"] == filler
    form.try_save()  # space freed: the same form saves
    assert form.result() == QDialog.DialogCode.Accepted


def test_exporting_a_sheet_to_a_full_stick(ui, window, warnings, tmp_path):
    stick = tmp_path / f"stick-{uuid.uuid4().hex[:6]}"
    stick.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(stick)],
            capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        (stick / "photos.bin").write_bytes(b"\0" * 60 * 1024)
        view = window.relief.view
        for n in range(40):
            window.desk.relief.create({**_visit(name=f"张{n}", notes="备注" * 40),
                                       "visit_date": dt.date.today().isoformat()})
        view.apply_filters()
        actions = view.sheet_actions
        actions.export(path=str(stick / "慰问.xlsx"))
        ui.qtbot.waitUntil(lambda: not actions.job.running and bool(warnings), timeout=60000)
        QApplication.processEvents()
        expected = FolderFault("full", stick)
        assert warnings == [render(expected.message)]
        assert sorted(p.name for p in stick.iterdir()) == ["photos.bin"]
    finally:
        subprocess.run(["umount", "-l", str(stick)], capture_output=True)


def test_a_fault_that_reaches_the_top_is_a_message_not_a_crash(window, warnings, monkeypatch):
    """A path without its own handling: the application's last resort names the fault."""
    from xiangyun_desk.ui import crash

    crashed = []
    monkeypatch.setattr(crash, "show_crash", lambda *a: crashed.append(a))
    assert crash.show_fault(OSError(errno.EROFS, "Read-only file system", "/media/u/x.pdf"),
                            window.desk.data_dir)
    assert warnings and "/media/u" in warnings[0]
    assert not crash.show_fault(ValueError("a bug"), window.desk.data_dir)


def test_exporting_a_bundle_to_a_write_protected_stick(ui, window, tmp_path):
    from xiangyun_desk.services import bundles as B
    from xiangyun_desk.services.desk import Desk
    from xiangyun_desk.ui.sync.sync_dialogs import ExportDialog

    stick = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    stick.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(stick)],
            capture_output=True).returncode:
        pytest.skip("mounting a read-only tmpfs needs root")
    try:
        county = Desk(tmp_path / "county")
        county.initialize("county", "532923", "祥云县总工会")
        B.load_county_card(window.desk, B.county_card(county).to_json().encode())
        county.close()
        ui.create(window.relief.view, **_visit())
        dialog = ExportDialog(window.desk, window)
        ui.qtbot.addWidget(dialog)
        dialog.folder.setText(str(stick))
        dialog.start_export()
        dialog.wait()
        expected = render(FolderFault("read_only", stick).message)
        assert expected in dialog.message.text()
        assert B.export_history(window.desk) == []  # no number was used up
    finally:
        subprocess.run(["umount", "-l", str(stick)], capture_output=True)
