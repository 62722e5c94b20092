"""Faults of the machine (issue 17): a database another process is writing, a full disk, a USB
stick that is full, write-protected, not ours to write or pulled out mid-write.

A real full stick is a tiny tmpfs (mounted as root; the tests that need it are skipped where
mounting is not allowed); the other faults are injected where the program meets the system."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

import pytest


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def tiny_stick(tmp_path):
    """A 64 KiB "USB stick" (tmpfs), nearly full: a filler leaves a few KiB free."""
    folder = tmp_path / f"stick-{uuid.uuid4().hex[:6]}"
    if not _mount(folder, "size=64k"):
        pytest.skip("mounting a small tmpfs needs root (mount -t tmpfs)")
    try:
        (folder / "photos.bin").write_bytes(b"\0" * 56 * 1024)
        yield folder
    finally:
        _unmount(folder)


@pytest.fixture
def read_only_stick(tmp_path):
    """A write-protected stick (a tmpfs mounted read-only)."""
    folder = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    if not _mount(folder, "size=64k,ro"):
        pytest.skip("mounting a read-only tmpfs needs root")
    try:
        yield folder
    finally:
        _unmount(folder)


@contextmanager
def write_lock_held(db_path: Path):
    """Another program holds the database's write lock (its own connection, BEGIN IMMEDIATE)
    until the block ends."""
    locked, release = threading.Event(), threading.Event()

    def hold():
        with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
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
