"""Errors about the database file that the user can act on."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg

CTX = "Storage"


class DatabaseProblem(DomainError):
    """The database cannot be opened; ``latest_backup`` is offered to the user when there is one."""

    def __init__(self, message, path: Path, latest_backup: Path | None = None):
        super().__init__(message)
        self.path = path
        self.latest_backup = latest_backup


class DatabaseCorrupt(DatabaseProblem):
    """The file is damaged or is not a database of this program."""

    def __init__(self, path: Path, latest_backup: Path | None, detail: str = ""):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP("Storage", "The database file {path} is damaged or is not a database of this program. "
                 "It has not been changed."), path=str(path)), path, latest_backup)
        self.detail = detail


class DatabaseTooNew(DatabaseProblem):
    """The file was written by a newer version of the program."""

    def __init__(self, path: Path, latest_backup: Path | None, revision: str):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP("Storage", "The database file {path} was made by a newer version of this program "
                 "(schema {revision}). Install the newer version; the file has not been changed."),
            path=str(path), revision=revision), path, latest_backup)
        self.revision = revision


class DatabaseUnreachable(DatabaseProblem):
    """The database server cannot be reached or used (address, password, permissions)."""

    def __init__(self, url: str, detail: str = ""):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP("Storage", "The database {url} cannot be used: {detail}. Check the address, the "
                 "password and that the server is running; nothing has been changed."),
            url=url, detail=detail or "?"), Path(url), None)
        self.detail = detail


class DatabaseBusy(DatabaseProblem):
    """Another program (the window saving, a long import) holds the database's write lock."""

    def __init__(self, path: Path):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP(
            "Storage", "Another program is writing to the data; please try again in a moment. "
            "(If the window is open, finish what it is doing first.) Nothing has been changed.")),
            path, None)


class DiskFull(DatabaseProblem):
    """The disk that holds the data directory (or a target folder) has no room left."""

    def __init__(self, path: Path):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP(
            "Storage", "The disk holding {path} is full. Free some space (empty the recycle bin, "
            "move old files away) and try again; the database is not damaged and nothing saved "
            "has been lost."), path=str(path)), path, None)


def environment_fault(exc: BaseException, path: Path) -> DatabaseProblem | None:
    """Name a fault of the machine rather than of the data: the database busy (locked by
    another process) or the disk full — never reported as a damaged database. None otherwise.
    """
    import errno
    import sqlite3

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # SQLAlchemy wraps the driver error
        seen.add(id(current))
        orig = getattr(current, "orig", None)
        for candidate in (current, orig):
            if isinstance(candidate, sqlite3.DatabaseError):
                code = (getattr(candidate, "sqlite_errorcode", 0) or 0) & 0xFF
                if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    return DatabaseBusy(path)
                if code == sqlite3.SQLITE_FULL:
                    return DiskFull(path)
            if isinstance(candidate, OSError) and candidate.errno == errno.ENOSPC:
                return DiskFull(Path(candidate.filename) if candidate.filename else path)
        current = current.__cause__ or current.__context__
    return None
