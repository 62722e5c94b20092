"""The start-up backup is proportional (issue 15): a whole copy at most once a day, written off
the GUI thread after the window shows, never delaying it."""

from __future__ import annotations

import datetime as dt
import threading

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.backup import BackupService


def test_the_window_never_waits_for_the_start_up_backup(qtbot, station_dir, monkeypatch):
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    asked = []

    def slow(self, hours=24, now=None, reason="daily"):
        asked.append(reason)
        started.set()
        release.wait(20)  # a copy of ten million records takes minutes
        finished.set()

    monkeypatch.setattr(BackupService, "backup_if_due", slow)
    window = build_main_window(station_dir)
    qtbot.addWidget(window)
    window.show()
    window.start_automatic_backups()  # what run() does after window.show()
    try:
        assert started.wait(10)  # the backup runs…
        assert not finished.is_set()  # …and the GUI thread got on without it
        qtbot.wait(20)  # the event loop keeps turning while the copy is written
        assert window.isVisible() and asked == ["start"]
    finally:
        release.set()
    assert finished.wait(10)
    window.close()


def test_a_start_makes_no_whole_copy_when_one_is_less_than_a_day_old(desk):
    now = dt.datetime(2026, 12, 8, 9, 0)
    first = desk.backups.backup_if_due(now=now, reason="start")
    assert first is not None and first.name.endswith("-start.sqlite3")
    assert desk.backups.backup_if_due(now=now + dt.timedelta(hours=5), reason="start") is None
    later = desk.backups.backup_if_due(now=now + dt.timedelta(hours=25), reason="start")
    assert later is not None and later != first
    assert len(desk.backups.list_backups()) == 2
