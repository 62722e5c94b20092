"""One working copy per data directory: a second start is told so plainly and opens no window;
a lock left by a crashed copy (killed process) never blocks."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from xiangyun_desk import app as app_module
from xiangyun_desk.instance import LOCK_NAME, InstanceLock
from xiangyun_desk.services.desk import Desk


@pytest.fixture
def station(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    desk.close()
    return data_dir


@pytest.fixture(autouse=True)
def keep_excepthook(monkeypatch):
    """run() installs its crash hook and log file: undo that after each test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "_install_excepthook", lambda data_dir: None)


def hold_lock(data_dir):
    """Another copy of the program: a process that holds the data directory's lock."""
    code = textwrap.dedent(f"""
        import time
        from xiangyun_desk.instance import InstanceLock
        lock = InstanceLock({str(data_dir)!r})
        print(lock.acquire(), flush=True)
        time.sleep(120)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "True"
    return proc


def answer_boxes(qtbot, shown: list):
    """Close every message box that appears, remembering its text."""
    def poll():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                shown.append(w.text())
                w.close()
    timer = QTimer(interval=50)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_a_second_copy_is_told_and_opens_no_window(qtbot, station, monkeypatch):
    other = hold_lock(station)
    signed = []
    monkeypatch.setattr("xiangyun_desk.ui.security.signin.sign_in_at_start",
                        lambda desk, parent=None: signed.append(desk) or False)
    shown: list[str] = []
    timer = answer_boxes(qtbot, shown)
    try:
        assert app_module.run(station) == 1
    finally:
        timer.stop()
        other.kill()
        other.wait()
    assert len(shown) == 1 and "已经" in shown[0] and "打开" in shown[0]
    assert not signed  # no database opened, no sign-in asked
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMainWindow) and w.isVisible()]


def test_a_lock_left_by_a_killed_copy_never_blocks(qtbot, station, monkeypatch):
    crashed = hold_lock(station)
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    assert (station / LOCK_NAME).exists()  # left behind by the crash
    signed = []
    monkeypatch.setattr("xiangyun_desk.ui.security.signin.sign_in_at_start",
                        lambda desk, parent=None: signed.append(desk) or False)
    shown: list[str] = []
    timer = answer_boxes(qtbot, shown)
    try:
        assert app_module.run(station) == 0  # went on to the sign-in (declined here)
    finally:
        timer.stop()
    assert signed and not shown
    # The lock is given back when the program ends.
    again = InstanceLock(station)
    assert again.acquire()
    again.release()


def test_the_running_copy_holds_the_lock_until_it_ends(station):
    first = InstanceLock(station)
    assert first.acquire()
    second = InstanceLock(station)
    assert not second.acquire()
    assert second.holder() is not None and second.holder().here
    first.release()
    assert second.acquire()
    second.release()
