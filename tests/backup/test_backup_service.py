"""Backups: verified copies, thinning, restore, integrity checks, no half-written files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat

import pytest

from xiangyun_desk.cli import main as cli
from xiangyun_desk.services.backup import BackupFailed, backups_to_keep
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.usb_backup import BackupSecret
from xiangyun_desk.storage.db import DB_FILENAME


def _visit(desk, name):
    return desk.visits.create({"visited_at": "2026-11-01 09:00", "name": name,
                               "purpose": "legal", "status": "done"})


def _names(desk):
    rows = desk.visits.fetch_rows(desk.visits.query_ids(RegisterQuery()))
    return sorted(r["name"] for r in rows.values())


def test_backup_is_a_checked_copy_with_the_records(desk):
    _visit(desk, "张三")
    path = desk.backups.backup("manual")
    assert path.parent == desk.backups.folder and path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM visit").fetchall() == [("张三",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(desk.backups.folder.glob("*.partial"))


def test_backup_to_a_vanished_folder_fails_clearly_and_leaves_nothing(desk, tmp_path):
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder")  # a file where the folder should be: mkdir/open fails
    with pytest.raises(BackupFailed) as info:
        desk.backups.backup_to(blocker / "sub", BackupSecret.passphrase("a long enough passphrase"))
    assert "usb" in str(info.value.message.params["folder"])
    assert list(tmp_path.glob("**/*.partial")) == []


def test_backup_to_folder_writes_one_verified_file(desk, tmp_path):
    """Outside the data directory the copy is encrypted (tests/backup/test_usb_backup.py)."""
    from pyrage import passphrase

    _visit(desk, "李四")
    path = desk.backups.backup_to(tmp_path / "usb",
                                  BackupSecret.passphrase("a long enough passphrase"))
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [path.name]
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(passphrase.decrypt(path.read_bytes(), "a long enough passphrase"))
    with sqlite3.connect(plain) as conn:
        assert conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 1


def test_backup_to_a_folder_inside_the_data_directory_stays_plain(desk):
    _visit(desk, "李四")
    path = desk.backups.backup_to(desk.data_dir / "copies")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 1


def test_thinning_keeps_daily_weekly_monthly_and_the_newest():
    now = dt.datetime(2026, 11, 24, 12, 0)
    stamps = [(f"b{i}", now - dt.timedelta(hours=12 * i)) for i in range(2 * 400)]
    keep = backups_to_keep(stamps)
    assert stamps[0][0] in keep  # the newest always stays
    assert len(keep) <= 4 + 12 + 10 + 9  # two days of twice-daily backups, then thinned
    kept_days = sorted({t.date() for p, t in stamps if p in keep}, reverse=True)
    assert kept_days[:12] == [(now - dt.timedelta(days=d)).date() for d in range(12)]
    months = {(t.year, t.month) for p, t in stamps if p in keep}
    assert len(months) == 9


def test_thinning_deletes_files_on_disk(desk):
    first = desk.backups.backup("manual", now=dt.datetime(2026, 1, 1, 8, 0))
    for day in range(1, 40):
        desk.backups.backup("daily", now=dt.datetime(2026, 1, 1, 8, 0) + dt.timedelta(days=day))
    files = desk.backups.list_backups()
    assert len(files) < 40
    assert first not in files or len(files) <= 31
    assert files[0].name.startswith("xiangyun-20260209")


def test_daily_backup_only_when_due(desk):
    now = dt.datetime(2026, 11, 24, 9, 0)
    assert desk.backups.backup_if_due(now=now) is not None
    assert desk.backups.backup_if_due(now=now + dt.timedelta(hours=3)) is None
    assert desk.backups.backup_if_due(now=now + dt.timedelta(hours=25)) is not None


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(desk):
    _visit(desk, "张三")
    saved = desk.backups.backup("manual")
    _visit(desk, "李四")
    safety = desk.backups.restore(saved)
    assert _names(desk) == ["张三"]
    with sqlite3.connect(safety) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT name FROM visit")) == ["张三", "李四"]
    _visit(desk, "王五")  # the desk keeps working after a restore
    assert _names(desk) == ["张三", "王五"]


def test_restoring_a_damaged_file_changes_nothing(desk, tmp_path):
    _visit(desk, "张三")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(BackupFailed):
        desk.backups.restore(bad)
    assert _names(desk) == ["张三"]


def test_check_reports_a_sound_database(desk):
    _visit(desk, "张三")
    report = desk.backups.check()
    assert report.ok and report.counts["visit"] == 1


def test_check_finds_a_broken_link(desk):
    with sqlite3.connect(desk.db.path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("INSERT INTO fair_employer (id, fair_id, name, positions, search_key, "
                     "station_code, created_at, updated_at, change_seq) VALUES ('e1', 'missing', "
                     "'某公司', 3, '', '01', '2026-01-01', '2026-01-01', 1)")
    report = desk.backups.check()
    assert not report.ok
    assert any("foreign key" in p for p in report.problems)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_data_directory_is_private(desk):
    assert stat.S_IMODE(os.stat(desk.data_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(desk.data_dir / DB_FILENAME).st_mode) == 0o600


def test_cli_backup_restore_and_check(desk, data_dir, capsys, tmp_path):
    _visit(desk, "张三")
    desk.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text("a long enough passphrase\n")
    assert cli(["--data-dir", str(data_dir), "backup", "--out", str(tmp_path / "usb"),
                "--passphrase-file", str(secret)]) == 0
    copy = capsys.readouterr().out.strip()
    assert copy.endswith(".sqlite3.age")
    from xiangyun_desk.services.desk import Desk

    again = Desk(data_dir)
    _visit(again, "李四")
    again.close()
    assert cli(["--data-dir", str(data_dir), "restore", copy, "--secret-file", str(secret)]) == 0
    assert cli(["--data-dir", str(data_dir), "check-db", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"visit": 1' in out


def test_cli_check_fails_on_a_damaged_database(data_dir, capsys):
    from xiangyun_desk.services.desk import Desk

    d = Desk(data_dir)
    d.initialize("station", "01", "站")
    d.close()
    shutil.copy(data_dir / DB_FILENAME, data_dir / "copy")
    (data_dir / DB_FILENAME).write_bytes(b"junk" * 4096)
    assert cli(["--data-dir", str(data_dir), "check-db"]) != 0
    err = capsys.readouterr().err
    assert "损坏" in err or "damaged" in err


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_backups_are_private_files_in_a_private_folder(desk):
    path = desk.backups.backup("manual")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(desk.backups.folder.stat().st_mode) == 0o700


def test_a_killed_backup_leaves_nothing_after_the_next_start(desk, data_dir):
    """What a SIGKILL mid-backup leaves (this and earlier versions' names) is gone at the next
    start, and was never counted as a backup."""
    from xiangyun_desk.services.desk import Desk

    good = desk.backups.backup("manual")
    folder = desk.backups.folder
    leftovers = [folder / "xiangyun-20261124-101010-start.sqlite3.partial",
                 folder / "xiangyun-20261124-101010-before-migrate.partial",
                 folder / f".{good.name}.0123abcd.partial",
                 folder / f".{good.name}.0123abcd.partial-journal"]
    for path in leftovers:
        shutil.copyfile(good, path)
    assert desk.backups.list_backups() == [good]
    desk.close()
    again = Desk(data_dir)
    try:
        assert sorted(folder.iterdir()) == [good]
        assert again.backups.list_backups() == [good]
    finally:
        again.close()


def test_a_failed_backup_does_not_claim_nothing_was_left(desk, tmp_path, monkeypatch):
    """Disk full, and the unfinished copy cannot be removed either (the stick is gone): the
    message says so and names the file, instead of "Nothing was left behind"."""
    from pathlib import Path

    from xiangyun_desk.services.usb_backup import BackupSecret

    usb = tmp_path / "usb"
    usb.mkdir()
    secret = BackupSecret.passphrase("a long enough passphrase")
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to tell the stick's file descriptors")
    real_fsync = os.fsync

    def full(fd):  # the encrypted copy on the stick cannot be made durable
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(usb)):
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self.parent == usb:
            raise OSError(5, "Input/output error")
        return real_unlink(self, missing_ok)

    monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(BackupFailed) as err:
        desk.backups.backup_to(usb, secret)
    left = [p for p in usb.iterdir()]
    assert left, "the injected fault leaves the unfinished copy"
    text = str(err.value.message)
    assert "Nothing was left behind" not in text
    assert left[0].name in text
    monkeypatch.undo()
    desk.backups.backup_to(usb, secret)  # the next backup into that folder clears it
    assert [p.name for p in usb.iterdir() if p.name.endswith(".partial")] == []


def test_a_copy_damaged_on_its_way_to_disk_is_caught_by_the_quick_check(desk, monkeypatch):
    """The daily copy is checked with PRAGMA quick_check (issue 15: the full checks took over
    5 minutes at 2.6 M records); a copy whose pages are damaged still fails and is not kept."""
    from xiangyun_desk.services import backup as backup_module

    for i in range(50):
        _visit(desk, f"张{i}")
    real_connect = sqlite3.connect
    opened: list[str] = []

    class Source:  # the live database; after the copy is written, damage the copy's pages
        def __init__(self, conn):
            self.conn = conn

        def __getattr__(self, name):
            return getattr(self.conn, name)

        def close(self):
            self.conn.close()
            copy = opened[1]
            size = os.path.getsize(copy)
            with open(copy, "r+b") as f:  # every b-tree page's header after the schema page
                for start in range(4096, size, 4096):
                    f.seek(start)
                    f.write(b"\x77" * 8)

    def connect(path, *args, **kwargs):
        opened.append(str(path))
        conn = real_connect(path, *args, **kwargs)
        return Source(conn) if len(opened) == 1 else conn

    monkeypatch.setattr(backup_module.sqlite3, "connect", connect)
    with pytest.raises(BackupFailed) as err:
        desk.backups.backup("manual")
    monkeypatch.undo()
    assert "check" in str(err.value.message)
    assert not list(desk.backups.folder.glob("*manual*"))
