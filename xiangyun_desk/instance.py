"""One working copy of the program per data directory.

A second start on the same data directory (a double click too many, a second shortcut) is told
plainly that the program is already open and opens no second window: two windows on one
database would each hold forms, backups and an idle lock of their own. The lock is Qt's
``QLockFile`` in the data directory. It records the process id, the computer and the program
name, so a lock left behind by a crash (the process is gone, or its id now belongs to another
program) is noticed and taken over at once; it never blocks. A data directory on a network drive
locked from another computer cannot be checked that way: the message says which computer, and
offers to open anyway once that computer's program is known to be closed.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "xiangyun-desk.lock"


@dataclass(frozen=True)
class Holder:
    """Who holds the lock: process id, computer name, program name (from the lock file)."""

    pid: int
    hostname: str
    appname: str

    @property
    def here(self) -> bool:
        """Whether the holder runs on this computer (then Qt can tell a crash by itself)."""
        return not self.hostname or self.hostname == socket.gethostname()


class InstanceLock:
    """The data directory's lock for as long as this program runs."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        # Never stale by age: the program runs for days. A crash is recognised by the process
        # being gone (QLockFile checks the id and the program name on this computer).
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """Take the lock (True), or False when another running copy holds it."""
        return self._lock.tryLock(0)

    def holder(self) -> Holder | None:
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname); pid 0 = none
        pid, hostname, appname = info[-3:]
        return Holder(int(pid), hostname, appname) if pid else None

    def take_over(self) -> bool:
        """Remove a lock the user says is left over (another computer's crash) and take it."""
        self._lock.removeStaleLockFile()
        return self.acquire()

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
