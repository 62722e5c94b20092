"""Writing files that must survive a crash, and cleaning up after one.

The one place in the package that puts a file under its final name (tests/storage/test_files.py
finds no other ``os.replace`` / ``Path.replace`` / ``rename``). In the manner of borgbackup's
``SaveFile`` (src/borg/platform/base.py): the data goes to a temporary file in the target's own
folder, which is fsynced, renamed over the target in one step (``os.replace``), and the folder is
fsynced so the new name itself is on disk. On any failure the temporary file is removed; a killed
process leaves only a hidden ``.<name>.<random>.partial`` file, which :func:`remove_stale` deletes
at the next start (data directory, backups/, keys/) or at the next write into that folder (a USB
stick). A writer holds an advisory lock on its temporary file while it writes, so a second
process starting meanwhile never removes a file still being written.

Temporary data that is never meant to be kept (a decrypted payload) goes through
:func:`scratch_file`: an anonymous file inside the data directory that has no name on disk
(Linux) or is deleted by the system when the process ends, however it ends (Windows).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: an open file cannot be deleted anyway
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".partial"
SCRATCH_DIRNAME = "tmp"
# Temporary names inside the data directory: this helper's and earlier versions' (".part"
# reports and sheets, ".partial" bundles and backups), with SQLite's side files of a partial copy.
_STALE = re.compile(r"\.(partial|part)(-journal|-wal|-shm)?$|\.key\.tmp$")
# In other folders (a USB stick) only names this program gives: the helper's, and those of the
# writers of earlier versions (bundles, backups, reports, sheets).
_OURS = re.compile(r"^\..+\.[0-9a-f]{8}\.partial(-journal|-wal|-shm)?$"
                   r"|^\..+\.(xyb|xyr)\.partial$|^xiangyun-.+\.partial(-journal)?$"
                   r"|^\..+\.pdf\.part$|\.xlsx\.part$")
OLD_TEMP_AGE = 3600  # seconds: older folders of an earlier version are leftovers of a kill
JOURNAL_NAME = "pending-writes.txt"
# The data directory's list of temporary files being written in other folders (a USB stick),
# so that the next start removes what a killed write left there (set_journal; one data
# directory per process, as Desk opens it).
_journal: Path | None = None


def set_journal(data_dir: Path | None) -> None:
    """Note temporary files written outside ``data_dir`` in its journal (None: stop)."""
    global _journal
    _journal = None if data_dir is None else Path(data_dir) / JOURNAL_NAME


def _note_in_journal(temp: Path) -> None:
    journal = _journal
    if journal is None:
        return
    try:
        if temp.resolve().is_relative_to(journal.parent.resolve()):
            return  # inside the data directory: cleaned at start anyway
        with open(journal, "a", encoding="utf-8") as fh:
            fh.write(str(temp.resolve()) + "\n")
    except (OSError, ValueError):
        pass  # best effort: the next write into that folder cleans it as well
# Folders earlier versions made in the system's temporary folder (a decrypted payload in
# xyd-import-*: names, ID numbers, phones).
_OLD_SYSTEM_TEMP = ("xyd-import-", "xyd-export-", "xyd-ref-")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; Windows has no folder fsync)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_path(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


class AtomicFile:
    """A file written whole or not at all::

        saver = AtomicFile(target)
        with saver as temp:          # a Path in target's folder; write it by name or saver.open()
            write(temp)
        # here target holds the new contents, durably

    The body may call :meth:`sync` to make the temporary file durable before doing something
    that must come before the final name (recording a bundle number). When the body raises, the
    temporary file is removed and the exception goes on; ``left_behind`` is the temporary file if
    it could not be removed (a USB stick pulled out), so a message never claims otherwise.
    ``mode`` is the file's permission bits (0o600 for keys and backups); by default those of a
    new file (0o666 less the umask).
    """

    def __init__(self, target: Path | str, mode: int | None = None):
        self.target = Path(target)
        self.folder = self.target.parent if str(self.target.parent) else Path(".")
        self.mode = mode
        self.temp: Path | None = None
        self.left_behind: Path | None = None
        self._fd: int | None = None  # held open (and locked) while the body writes
        self._synced = False

    def __enter__(self) -> Path:
        remove_stale(self.folder)
        for _attempt in range(100):
            temp = self.folder / f".{self.target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
            try:
                fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                             0o666 if self.mode is None else self.mode)
            except FileExistsError:
                continue
            break
        else:  # pragma: no cover
            raise FileExistsError(f"no free temporary name in {self.folder}")
        self.temp, self._fd = temp, fd
        _note_in_journal(temp)
        if self.mode is not None and os.name == "posix":
            os.fchmod(fd, self.mode)  # exact bits, whatever the umask
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._synced = False
        return temp

    def open(self, mode: str = "wb") -> IO:
        """The temporary file opened for writing (closed by the caller)."""
        assert self.temp is not None
        return open(self.temp, mode)

    def sync(self) -> None:
        """fsync the temporary file (what the body wrote by name is on disk)."""
        assert self.temp is not None
        _fsync_path(self.temp)
        self._synced = True

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.temp is not None
        try:
            if exc_type is None:
                if not self._synced:
                    self.sync()
                self._release()  # Windows renames no file that is open
                os.replace(self.temp, self.target)
                fsync_dir(self.folder)
        except BaseException:
            self._discard()
            raise
        else:
            if exc_type is not None:
                self._discard()
        finally:
            self._release()

    def fault(self, exc: BaseException):
        """What went wrong with the target's folder, named with what to do (full, read-only,
        not allowed, stick pulled out: storage/errors.py FolderFault), or None for an error that
        is not the folder's (a bug). Call it after the ``with`` block has ended, so that it can
        tell whether an unfinished file stayed behind::

            saver = AtomicFile(target)
            try:
                with saver as temp:
                    write(temp)
            except Exception as exc:
                fault = saver.fault(exc)
                if fault is None:
                    raise
                raise MyError(fault.message) from exc
        """
        from .errors import folder_fault

        return folder_fault(exc, self.folder, self.left_behind)

    def _discard(self) -> None:
        try:
            self.temp.unlink(missing_ok=True)  # type: ignore[union-attr]
        except OSError:
            self.left_behind = self.temp

    def _release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def write_atomic(target: Path | str, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``target`` whole or not at all (see :class:`AtomicFile`)."""
    saver = AtomicFile(target, mode)
    with saver, saver.open("wb") as fh:
        fh.write(data)
    return saver.target


def rename_durably(path: Path | str, new_path: Path | str) -> Path:
    """Rename a complete file in its folder, durably: a retired key or a damaged database moved
    aside, or the finished temporary file of an interrupted write put under its final name."""
    path, new_path = Path(path), Path(new_path)
    os.replace(path, new_path)
    fsync_dir(new_path.parent)
    return new_path


def _in_use(path: Path) -> bool:
    """True when another writer holds the lock of ``path`` (POSIX; see AtomicFile)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:  # a side file whose main file is gone
        return False
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def is_temporary(path: Path, ours_only: bool = False) -> bool:
    """A name only ever given to an unfinished write (``ours_only``: by this program)."""
    return bool((_OURS if ours_only else _STALE).search(path.name))


def remove_stale(folder: Path, ours_only: bool = True) -> list[Path]:
    """Delete the temporary files an interrupted write left in ``folder`` (not recursive);
    returns what was removed. Files another process is writing are left alone. Outside the data
    directory (``ours_only``) only names this program gives are touched."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            if not entry.is_file(follow_symlinks=False) or not is_temporary(path, ours_only):
                continue
        except OSError:
            continue
        base = re.sub(r"-(journal|wal|shm)$", "", path.name)
        if _in_use(path.with_name(base)):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def make_private_dir(folder: Path, private: bool = True) -> Path:
    """Create ``folder`` (and parents); ``private``: readable by the user only (0700)."""
    folder = Path(folder)
    folder.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    if private and os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


def scratch_dir(data_dir: Path) -> Path:
    """The data directory's folder for short-lived working files (mode 0700)."""
    return make_private_dir(Path(data_dir) / SCRATCH_DIRNAME)


def scratch_file(data_dir: Path) -> IO[bytes]:
    """An anonymous read/write file inside the data directory, gone when closed or when the
    process dies (O_TMPFILE on Linux; delete-on-close on Windows)."""
    return tempfile.TemporaryFile(dir=scratch_dir(data_dir))


@contextlib.contextmanager
def named_scratch(data_dir: Path) -> Iterator[Callable[[str], str]]:
    """A maker of named scratch files inside the data directory, for a library that reopens its
    working files by name: each is locked while in use (a second process starting meanwhile
    leaves it alone) and removed at the end, or at the next start after a kill."""
    made: list[tuple[str, int]] = []

    def make(suffix: str = "") -> str:
        fd, name = tempfile.mkstemp(suffix=suffix, prefix="xyd-", dir=scratch_dir(data_dir))
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        made.append((name, fd))
        return name

    try:
        yield make
    finally:
        for name, fd in made:
            with contextlib.suppress(OSError):
                os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(name)


def clean_at_start(data_dir: Path, subfolders: tuple[str, ...] = ()) -> list[Path]:
    """At start: remove what interrupted writes left in the data directory and ``subfolders``
    (backups/, keys/), the scratch folder's contents, and the payload folders earlier versions
    left in the system's temporary folder. Returns what was removed."""
    data_dir = Path(data_dir)
    removed = _clean_journal(data_dir / JOURNAL_NAME)
    removed += remove_stale(data_dir, ours_only=False)
    for name in subfolders:
        removed += remove_stale(data_dir / name, ours_only=False)
    scratch = data_dir / SCRATCH_DIRNAME
    if scratch.is_dir():
        for entry in list(scratch.iterdir()):
            try:
                if entry.is_file() and _in_use(entry):  # another process is working with it
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed.append(entry)
            except OSError:  # open in another process (Windows)
                pass
    removed += _clean_old_system_temp()
    return removed


def _clean_journal(journal: Path) -> list[Path]:
    """Remove the temporary files the journal names that a killed write left behind."""
    removed = []
    try:
        lines = journal.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return removed
    absent = []  # on a stick that is not plugged in now: kept for a later start
    for line in dict.fromkeys(lines):
        path = Path(line)
        try:
            if not path.parent.is_dir():
                absent.append(line)
            elif is_temporary(path, ours_only=True) and path.is_file() and not _in_use(path):
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    with contextlib.suppress(OSError):
        if absent:
            journal.write_text("".join(f"{line}\n" for line in absent[-1000:]), encoding="utf-8")
        else:
            journal.unlink()
    return removed


def _clean_old_system_temp() -> list[Path]:
    removed = []
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return removed
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in entries:
        if not entry.name.startswith(_OLD_SYSTEM_TEMP):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            if uid is not None and info.st_uid != uid:
                continue
            if time.time() - info.st_mtime < OLD_TEMP_AGE:
                continue
            shutil.rmtree(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
