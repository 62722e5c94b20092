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
