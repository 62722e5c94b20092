"""Encrypted backups to a USB stick (issue 11): never a plain database on the stick, restorable
with the station head's recovery code (or a passphrase chosen then), also with the age tool, a
wrong code restores nothing, a killed or failed write leaves nothing counted as a backup, a full
stick is said as such, and the backups of a folder are listed in plain Chinese, newest first."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from argon2 import PasswordHasher

from xiangyun_desk.cli import main as cli
from xiangyun_desk.cli._common import translator
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services import usb_backup
from xiangyun_desk.services.backup import BackupFailed
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.usb_backup import (
    BackupSecret,
    SecretNeeded,
    WrongSecret,
    list_folder,
)

NAME, ID_NUMBER, PHONE = "张秀英", "53292319900101005X", "13988776655"
PASSPHRASE = "云南驿 冬送温暖 二〇二六"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def code(desk):
    """The station head's recovery code, as printed."""
    admin, printed = desk.accounts.create_first_admin("zhanzhang", "李红", "mima-123456")
    desk.session.user = admin
    return printed


def _person(desk):
    return desk.visits.create({"visited_at": "2026-11-01 09:00", "name": NAME,
                               "id_number": ID_NUMBER, "phone": PHONE, "purpose": "legal",
                               "status": "done"})


def _counts(desk):
    return desk.backups.check().counts


def _zh(message) -> str:
    return message.render(translator())


def test_the_stick_holds_no_database_and_no_personal_data(desk, code, tmp_path):
    _person(desk)
    usb = tmp_path / "usb"
    path = desk.backups.backup_to(usb, BackupSecret.recovery_code(code))
    assert [p.name for p in usb.iterdir()] == [path.name]
    data = path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"SQLite format 3" not in data
    for secret in (NAME, ID_NUMBER, PHONE, "云南驿镇职工之家"):
        assert secret.encode("utf-8") not in data
        assert secret.encode("utf-16-le") not in data
    with pytest.raises(sqlite3.DatabaseError):
        with sqlite3.connect(path) as conn:
            conn.execute("SELECT count(*) FROM visit").fetchone()


def test_no_secret_means_nothing_written_outside_the_data_directory(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(SecretNeeded) as info:
        desk.backups.backup_to(usb)
    assert "加密" in _zh(info.value.message)
    assert list(usb.iterdir()) == []


def test_restore_with_the_recovery_code_gives_back_every_record(desk, code, tmp_path):
    person = _person(desk)
    DemoGenerator(desk.db, "01", seed=7).generate(120)
    before = _counts(desk)
    assert sum(before.values()) > 100
    # Typed loosely (lower case, spaces instead of dashes) it is the same code.
    path = desk.backups.backup_to(tmp_path / "usb",
                                  BackupSecret.recovery_code(code.lower().replace("-", " ")))
    DemoGenerator(desk.db, "01", seed=8).generate(30)
    desk.visits.delete(person)
    assert _counts(desk) != before
    safety = desk.backups.restore(path, code)
    assert _counts(desk) == before
    assert safety.parent == desk.backups.folder and "before-restore" in safety.name
    rows = desk.visits.fetch_rows(desk.visits.query_ids(RegisterQuery()))
    assert [r["id_number"] for r in rows.values() if r["name"] == NAME] == [ID_NUMBER]
    # Nothing decrypted is left behind in the data directory.
    assert not [p for p in (desk.data_dir / "tmp").glob("*") if p.is_file()]


def test_a_wrong_code_restores_nothing_and_says_so(desk, code, tmp_path):
    _person(desk)
    path = desk.backups.backup_to(tmp_path / "usb", BackupSecret.recovery_code(code))
    desk.visits.create({"visited_at": "2026-11-02 09:00", "name": "李四", "purpose": "legal",
                        "status": "done"})
    before = _counts(desk)
    safety_copies = list(desk.backups.folder.glob("*before-restore*"))
    wrong = "ABCD-EFGH-JKMN-PQRS-TVWX"
    with pytest.raises(WrongSecret) as info:
        desk.backups.restore(path, wrong)
    text = _zh(info.value.message)
    assert "恢复码或备份密码不对" in text and "没有恢复任何数据" in text
    assert _counts(desk) == before
    assert list(desk.backups.folder.glob("*before-restore*")) == safety_copies
    with pytest.raises(WrongSecret):
        desk.backups.restore(path, None)


def test_a_desk_without_accounts_uses_a_passphrase(desk, tmp_path):
    assert not desk.accounts.has_recovery_code()
    person = _person(desk)
    assert usb_backup.passphrase_problem("short", "short") is not None
    assert usb_backup.passphrase_problem(PASSPHRASE, PASSPHRASE + "x") is not None
    assert usb_backup.passphrase_problem(PASSPHRASE, PASSPHRASE) is None
    path = desk.backups.backup_to(tmp_path / "usb", BackupSecret.passphrase(PASSPHRASE))
    assert path.name.endswith("-pass.sqlite3.age")
    desk.visits.delete(person)
    with pytest.raises(WrongSecret):
        desk.backups.restore(path, PASSPHRASE.upper() + " ")
    desk.backups.restore(path, PASSPHRASE)
    assert desk.visits.count() == 1


def test_the_recovery_code_is_checked_before_it_encrypts(desk, code):
    assert desk.accounts.has_recovery_code()
    assert desk.accounts.recovery_code_matches(code)
    assert desk.accounts.recovery_code_matches(code.lower().replace("-", ""))
    assert not desk.accounts.recovery_code_matches("ABCD-EFGH-JKMN-PQRS-TVWX")
    assert desk.accounts.recovery_code_matches(code)  # checking uses nothing up


def test_the_list_is_in_chinese_newest_first(desk, code, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    made = [desk.backups.backup("start", now=dt.datetime(2026, 12, 6, 8, 0)),
            desk.backups.backup("before-import", now=dt.datetime(2026, 12, 8, 9, 30)),
            desk.backups.backup("manual", now=dt.datetime(2026, 12, 7, 16, 45))]
    for path in made:
        shutil.copyfile(path, folder / path.name)
    usb_backup.write_encrypted_backup(desk.backups, folder, BackupSecret.recovery_code(code),
                                      now=dt.datetime(2026, 12, 8, 14, 5))
    (folder / ".xiangyun-20261209-010101-usb-01-code.sqlite3.age.0123abcd.partial").write_bytes(
        b"age-encryption.org/v1\n")
    (folder / "notes.txt").write_text("not a backup")
    rows = [(_zh(e.when_text()), _zh(e.kind_text()), e.station, e.records)
            for e in list_folder(folder)]
    assert [r[:2] for r in rows] == [("2026年12月8日 14:05", "U盘加密备份"),
                                     ("2026年12月8日 09:30", "导入前备份"),
                                     ("2026年12月7日 16:45", "手动备份"),
                                     ("2026年12月6日 08:00", "自动备份")]
    assert {r[2] for r in rows} == {"01"}
    assert rows[0][3] is None and rows[1][3] is not None  # counts need the code when encrypted


def test_a_failed_write_leaves_nothing_and_a_full_stick_says_so(desk, code, tmp_path,
                                                                 monkeypatch):
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to tell the stick's file descriptors")
    usb = tmp_path / "usb"
    usb.mkdir()
    real_fsync = os.fsync

    def full(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(usb)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(BackupFailed) as info:
        desk.backups.backup_to(usb, BackupSecret.recovery_code(code))
    text = _zh(info.value.message)
    assert "磁盘已满" in text and str(usb) in text
    assert list(usb.iterdir()) == []
    assert list_folder(usb) == []


def test_a_killed_backup_leaves_no_file_counted_as_a_backup(desk, code, tmp_path, data_dir):
    """SIGKILL while the encrypted copy is being written: the stick holds only a hidden
    ``.partial`` file, never listed; the next start (the data directory's journal) removes it."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL")
    from xiangyun_desk.services.desk import Desk

    _person(desk)
    desk.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    script = textwrap.dedent(f"""
        import sys, time
        from xiangyun_desk.services import usb_backup
        from xiangyun_desk.services.desk import Desk
        from xiangyun_desk.storage import files
        real_open = files.AtomicFile.open
        def slow_open(self, mode="wb"):
            fh = real_open(self, mode)
            real_write = fh.write
            class Slow:
                def __enter__(s): return s
                def __exit__(s, *a): fh.close()
                def write(s, data):
                    n = real_write(data[:100]); fh.flush()
                    print("WRITING", flush=True); time.sleep(60); return n
                def flush(s): fh.flush()
                def fileno(s): return fh.fileno()
            return Slow()
        files.AtomicFile.open = slow_open
        desk = Desk({str(data_dir)!r})
        desk.backups.backup_to({str(usb)!r}, usb_backup.BackupSecret.passphrase({PASSPHRASE!r}))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "WRITING"
        left = list(usb.iterdir())
        assert len(left) == 1 and left[0].name.startswith(".") and left[0].name.endswith(".partial")
        assert b"SQLite" not in left[0].read_bytes()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert list_folder(usb) == []
    time.sleep(0.05)
    again = Desk(data_dir)  # the next start removes it from the stick
    try:
        assert list(usb.iterdir()) == []
    finally:
        again.close()


def test_the_age_tool_opens_the_backup_with_the_printed_code(desk, code, tmp_path):
    """docs/security.md: ``age -d -o restored.sqlite3 FILE``, typing the code as printed."""
    age = shutil.which("age")
    if age is None:
        pytest.skip("the age command-line tool is not installed (.ci/run installs it)")
    import pty

    _person(desk)
    path = desk.backups.backup_to(tmp_path / "usb", BackupSecret.recovery_code(code))
    out = tmp_path / "restored.sqlite3"
    pid, fd = pty.fork()
    if pid == 0:  # the child: age reads the passphrase from its terminal
        os.execv(age, [age, "-d", "-o", str(out), str(path)])
    seen = b""
    deadline = time.monotonic() + 30
    while b"passphrase" not in seen.lower() and time.monotonic() < deadline:
        try:
            seen += os.read(fd, 1024)
        except OSError:
            break
    os.write(fd, code.encode() + b"\n")
    while True:
        try:
            if not os.read(fd, 1024):
                break
        except OSError:
            break
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT name, id_number FROM visit").fetchall() == [(NAME, ID_NUMBER)]


def test_cli_backup_list_and_restore(desk, code, tmp_path, capsys):
    _person(desk)
    data_dir = desk.data_dir
    desk.close()
    usb = tmp_path / "usb"
    code_file = tmp_path / "code.txt"
    code_file.write_text(code + "\n")
    wrong_file = tmp_path / "wrong.txt"
    wrong_file.write_text("ABCD-EFGH-JKMN-PQRS-TVWX\n")
    password = tmp_path / "pw.txt"  # the desk has accounts: the command line signs in (issue 17)
    password.write_text("mima-123456\n")
    password.chmod(0o600)
    signed = ["--user", "zhanzhang", "--password-file", str(password)]
    assert cli(["--data-dir", str(data_dir), "backup", "--out", str(usb), *signed]) != 0
    assert list(usb.glob("*")) == [] if usb.exists() else True
    assert cli(["--data-dir", str(data_dir), "backup", "--out", str(usb),
                "--recovery-code-file", str(wrong_file), *signed]) != 0
    assert cli(["--data-dir", str(data_dir), "backup", "--out", str(usb),
                "--recovery-code-file", str(code_file), *signed]) == 0
    (path,) = usb.glob("*.age")
    capsys.readouterr()
    assert cli(["--data-dir", str(data_dir), "restore", "--list", str(usb)]) == 0
    listed = capsys.readouterr().out
    assert "U盘加密备份" in listed and "年" in listed and "云南驿镇职工之家" in listed
    assert cli(["--data-dir", str(data_dir), "restore", str(path),
                "--secret-file", str(wrong_file), *signed]) != 0
    assert "恢复码或备份密码不对" in capsys.readouterr().err
    assert cli(["--data-dir", str(data_dir), "restore", str(path),
                "--secret-file", str(code_file), *signed]) == 0
