"""Faults of the machine are named as such (issue 17): a database another process is writing
is 'busy', a full disk is 'full' — never 'damaged', and never a traceback in the CLI."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

from sqlalchemy.exc import OperationalError

from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage.db import DB_FILENAME
from xiangyun_desk.storage.errors import DatabaseBusy, DiskFull, environment_fault

HOLD_LOCK = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_real_full_database_is_disk_full_not_damaged(tmp_path):
    with closing(sqlite3.connect(tmp_path / "x.db")) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("PRAGMA max_page_count = 3")  # SQLite's own "database or disk is full"
        try:
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
        except sqlite3.OperationalError as exc:
            full = exc
    assert isinstance(environment_fault(full, tmp_path), DiskFull)
    wrapped = OperationalError("INSERT", {}, full)  # as SQLAlchemy hands it on
    assert isinstance(environment_fault(wrapped, tmp_path), DiskFull)
    nospace = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "a.pdf"))
    fault = environment_fault(nospace, tmp_path)
    assert isinstance(fault, DiskFull) and fault.path == tmp_path / "a.pdf"
    assert environment_fault(ValueError("a bug"), tmp_path) is None


def test_cli_says_another_program_is_writing_instead_of_a_traceback(tmp_path):
    data = tmp_path / "data"
    desk = Desk(data)
    desk.initialize("station", "01", "云南驿镇职工之家")
    desk.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data / DB_FILENAME), "30"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        env = {**os.environ, "XYD_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "xiangyun_desk", "--data-dir", str(data),
                               "demo-data", "--records", "3"], env=env, capture_output=True,
                              text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "另一个程序正在写入数据" in proc.stderr, proc.stderr
    assert time.monotonic() - started >= 4  # it waited a little first (busy_timeout)


def test_busy_is_not_damage():
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = sqlite3.SQLITE_BUSY
    assert isinstance(environment_fault(locked, "."), DatabaseBusy)
