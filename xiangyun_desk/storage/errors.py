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


class FolderFault(DomainError):
    """A write into a folder failed because of the folder, not the program: its disk is full,
    it is read-only (a USB stick's write-protect switch), this user may not write there, or it
    is gone (a stick pulled out, a faulty stick). The message says which and what to do, and
    whether an unfinished file stayed behind (``left_behind``)."""

    def __init__(self, kind: str, folder: Path, left_behind: Path | None = None,
                 reason: str = ""):
        after = msg(CTX, QT_TRANSLATE_NOOP(
            "Storage", "An unfinished file {file} could not be removed from it; delete it."),
            file=left_behind.name) if left_behind is not None else msg(CTX, QT_TRANSLATE_NOOP(
                "Storage", "Nothing unfinished was left there."))
        super().__init__(msg(CTX, _FOLDER_FAULTS[kind], folder=str(folder), after=after,
                             reason=reason))
        self.kind = kind
        self.folder = folder
        self.left_behind = left_behind


_FOLDER_FAULTS = {
    "full": QT_TRANSLATE_NOOP(
        "Storage", "The disk holding {folder} is full. Delete files you no longer need from it, "
                   "or choose another folder or USB stick, then try again. {after}"),
    "read_only": QT_TRANSLATE_NOOP(
        "Storage", "{folder} is read-only. If it is on a USB stick, slide the stick's "
                   "write-protect switch to unlocked (or use another stick), then try again. "
                   "{after}"),
    "denied": QT_TRANSLATE_NOOP(
        "Storage", "This program may not write to {folder}. Choose another folder (for "
                   "example on the USB stick or in Documents), then try again. {after}"),
    "gone": QT_TRANSLATE_NOOP(
        "Storage", "{folder} cannot be reached: the USB stick may have been pulled out, or it "
                   "is faulty. Plug it in again (or use another stick), then try again. {after}"),
    "other": QT_TRANSLATE_NOOP(
        "Storage", "Cannot write to {folder}: {reason}. {after}"),
}
# errno -> kind of folder fault (ENOENT: the folder vanished with its stick).
_ERRNO_KINDS = {"ENOSPC": "full", "EDQUOT": "full", "EFBIG": "full", "EROFS": "read_only",
                "EACCES": "denied", "EPERM": "denied", "ENOENT": "gone", "EIO": "gone",
                "ENXIO": "gone", "ENODEV": "gone", "ESTALE": "gone", "ENOTCONN": "gone"}


def _causes(exc: BaseException):
    """``exc`` and what caused it (SQLAlchemy wraps the driver's error; a library may turn an
    OSError into a ValueError), each once."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException):
            yield orig
        current = current.__cause__ or current.__context__


def folder_fault(exc: BaseException, folder: Path | str,
                 left_behind: Path | None = None) -> FolderFault | None:
    """The fault of a failed write into ``folder`` (a USB stick, a chosen folder) named with
    what to do, or None when ``exc`` is no fault of the folder (a bug; errors the program
    already explains, DomainErrors, pass through). Every writer to a folder outside the data
    directory reports its failures through this (storage/files.py AtomicFile.fault)."""
    import errno
    import sqlite3

    if isinstance(exc, DomainError):
        return None
    folder = Path(folder)
    for cause in _causes(exc):
        if isinstance(cause, OSError) and cause.errno is not None:
            name = errno.errorcode.get(cause.errno, "")
            kind = _ERRNO_KINDS.get(name, "other")
            return FolderFault(kind, folder, left_behind, cause.strerror or str(cause))
        if isinstance(cause, sqlite3.DatabaseError):
            code = (getattr(cause, "sqlite_errorcode", 0) or 0) & 0xFF
            kind = {sqlite3.SQLITE_FULL: "full", sqlite3.SQLITE_READONLY: "read_only",
                    sqlite3.SQLITE_IOERR: "gone", sqlite3.SQLITE_CANTOPEN: "gone",
                    sqlite3.SQLITE_PERM: "denied"}.get(code)
            if kind is not None:
                return FolderFault(kind, folder, left_behind, str(cause))
    return None


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


def named_fault(exc: BaseException, data_dir: Path) -> DomainError | None:
    """The last resort of the window and the command line for an error no caller explained:
    the data directory's database busy or disk full, or a failed write whose file names the
    folder (full, read-only, not allowed, gone). None for anything else: a bug, which goes to
    the log with its traceback."""
    if isinstance(exc, DomainError):
        return None
    fault: DomainError | None = environment_fault(exc, Path(data_dir))
    if fault is None and isinstance(exc, OSError) and exc.filename:
        named = folder_fault(exc, Path(str(exc.filename)).parent)
        fault = named if named is not None and named.kind != "other" else None
    return fault
