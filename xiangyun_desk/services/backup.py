"""Backups that can be trusted: made with SQLite's online backup API, verified, thinned; restore
and an integrity check with a plain report.

Automatic backups go to ``<data dir>/backups``: at start, daily while the program runs, before a
migration (storage.db), before a county import and before a restore. They are thinned to the newest
per day for 12 days, per week for 10 weeks and per month for 9 months; the newest backup is never
removed. A backup to a chosen folder (a USB stick) is written under a temporary name, verified, and
renamed, so a full disk or a stick pulled out midway leaves no half-written file behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..storage.db import DB_FILENAME, Database, backup_dir, head_revision
from ..storage.errors import FolderFault
from ..storage.files import AtomicFile, make_private_dir

CTX = "Backup"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
_STAMP = re.compile(r"xiangyun-(\d{8}-\d{6})-")


class BackupFailed(DomainError):
    """A backup or restore could not be completed; nothing was left half-written."""


class BackupRefused(BackupFailed):
    """The store is on a database server: its backups are the server's business (pg_dump)."""

    def __init__(self, url: str):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP(
            "Backup", "The records are kept on the PostgreSQL server {url}: back them up there "
                      "with pg_dump (for example pg_dump -Fc -f xiangyun.dump DATABASE) and "
                      "restore with pg_restore. This program's backup copies only the SQLite "
                      "database file, so it has made no copy."), url=url))


@dataclass
class CheckReport:
    """The result of 检查数据库."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def message(self) -> Message:
        if self.ok:
            return msg(CTX, QT_TRANSLATE_NOOP("Backup", "The database is intact ({n} records)."),
                       n=sum(self.counts.values()))
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Backup", "The database has problems: {problems}. Restore the latest backup."),
            problems="; ".join(self.problems[:5]))


def _verify(path: Path, quick: bool = False) -> list[str]:
    """Problems found in a database file (empty when it is a sound database of this program).

    ``quick``: for a copy just written by SQLite's backup API from the live database, which
    copies a consistent snapshot page by page: ``PRAGMA quick_check`` (every page and b-tree
    read, without matching each index entry to its row) and no foreign-key scan, the links
    being the live database's. At 2.6 M records the full checks took over 5 minutes, the copy
    itself about one (issue 15); 检查数据库 and restoring still check fully."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            problems = [r[0] for r in conn.execute(pragma) if r[0] != "ok"]
            if not quick:
                problems += [f"foreign key {r[0]}→{r[2]}"
                             for r in conn.execute("PRAGMA foreign_key_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                problems.append("not a xiangyun-desk database")
            return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _stamp_of(path: Path) -> dt.datetime | None:
    match = _STAMP.search(path.name)
    if not match:
        return None
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")


def backups_to_keep(stamps: list[tuple[Path, dt.datetime]]) -> set[Path]:
    """The backups a thinning keeps: every one from the last two days, then the newest per day
    (12 days), per ISO week (10 weeks) and per month (9 months)."""
    ordered = sorted(stamps, key=lambda x: x[1], reverse=True)
    keep: set[Path] = set()
    if ordered:
        newest = ordered[0][1]
        keep.update(p for p, when in ordered if newest - when < dt.timedelta(days=2))
    for limit, key in ((KEEP_DAILY, lambda t: t.date()),
                       (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
                       (KEEP_MONTHLY, lambda t: (t.year, t.month))):
        seen = []
        for path, when in ordered:
            k = key(when)
            if k in seen:
                continue
            seen.append(k)
            if len(seen) > limit:
                break
            keep.add(path)
    return keep


class BackupService:
    """Backups, restore and checks of one data directory's database."""

    def __init__(self, db: Database, data_dir: Path):
        self.db = db
        self.data_dir = Path(data_dir)

    @property
    def folder(self) -> Path:
        return backup_dir(self.data_dir)

    def list_backups(self) -> list[Path]:
        """Automatic backups, newest first."""
        if not self.folder.exists():
            return []
        files = [p for p in self.folder.glob("xiangyun-*.sqlite3") if _stamp_of(p)]
        return sorted(files, key=lambda p: (_stamp_of(p), p.name), reverse=True)

    def _require_file(self) -> None:
        if not self.db.is_file:
            raise BackupRefused(self.db.url)

    def _write_backup(self, target: Path) -> Path:
        self._require_file()
        saver = AtomicFile(target, mode=0o600)
        try:
            make_private_dir(target.parent, private=target.parent == self.folder)
            with saver as partial:
                with closing(sqlite3.connect(self.db.path)) as src, \
                        closing(sqlite3.connect(partial)) as dst:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                problems = _verify(partial, quick=True)
                if problems:
                    raise BackupFailed(msg(CTX, QT_TRANSLATE_NOOP(
                        "Backup", "The backup copy failed its check: {problems}"),
                        problems="; ".join(problems[:3])))
            return target
        except (OSError, sqlite3.Error) as exc:
            fault = saver.fault(exc) or FolderFault("other", target.parent, saver.left_behind,
                                                    str(exc)[:120])
            raise BackupFailed(fault.message) from exc

    def backup(self, reason: str = "manual", now: dt.datetime | None = None) -> Path | None:
        """An automatic backup into the backups folder, then thinning. None on a database
        server, whose backups are the server's business (backup_to/restore say so)."""
        if not self.db.is_file:
            return None
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"xiangyun-{stamp}-{reason}.sqlite3"
        n = 1
        while target.exists():
            n += 1
            target = self.folder / f"xiangyun-{stamp}-{reason}-{n}.sqlite3"
        path = self._write_backup(target)
        self.thin()
        return path

    def backup_if_due(self, hours: int = 24, now: dt.datetime | None = None,
                      reason: str = "daily") -> Path | None:
        """The daily backup: only when the newest one is older than ``hours``. The program's
        start (in the background, after the window shows), its hourly timer and a county
        import ask for it, so a whole copy is written at most about once a day — at ten million
        records a copy takes minutes (issue 15); an import is undone from its own record
        (services/bundles/undo.py)."""
        if not self.db.is_file:
            return None
        now = now or dt.datetime.now()
        newest = self.list_backups()[:1]
        if newest and dt.timedelta(0) <= now - _stamp_of(newest[0]) < dt.timedelta(hours=hours):
            return None
        return self.backup(reason, now)

    def backup_to(self, folder: Path, secret=None) -> Path:
        """A backup into a chosen folder, written whole or not at all. Outside the data
        directory (a USB stick) it is encrypted with ``secret``, a usb_backup.BackupSecret
        (services/usb_backup.py)."""
        from .usb_backup import outside, write_encrypted_backup

        if outside(Path(folder), self.data_dir):
            return write_encrypted_backup(self, Path(folder), secret)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return self._write_backup(Path(folder) / f"xiangyun-{stamp}-copy.sqlite3")

    def thin(self) -> list[Path]:
        """Delete automatic backups the policy no longer keeps; returns what was removed."""
        stamped = [(p, _stamp_of(p)) for p in self.list_backups()]
        keep = backups_to_keep(stamped)
        removed = []
        for path, _when in stamped:
            if path not in keep:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    def check(self) -> CheckReport:
        """Integrity and foreign-key checks of the live database, with record counts."""
        self._require_file()
        problems = _verify(self.db.path)
        counts: dict[str, int] = {}
        if not problems:
            from ..storage.models import SYNCED_MODELS

            with closing(sqlite3.connect(f"file:{self.db.path}?mode=ro", uri=True)) as conn:
                for model in SYNCED_MODELS:
                    name = model.__tablename__
                    counts[name] = conn.execute(
                        f"SELECT count(*) FROM {name} WHERE deleted_at IS NULL").fetchone()[0]
        return CheckReport(not problems, problems, counts)

    def restore(self, backup: Path, secret: str | None = None) -> Path:
        """Replace the database contents with ``backup`` after checking it; returns the
        safety backup taken first. The live engine stays valid (SQLite's backup API writes into
        the open database in one step). An encrypted USB backup is opened with ``secret``, the
        recovery code or passphrase (services/usb_backup.py)."""
        from .usb_backup import opened

        self._require_file()
        with opened(Path(backup), secret, self.data_dir) as plain:
            return self._restore_plain(plain, Path(backup).name)

    def _restore_plain(self, backup: Path, name: str) -> Path:
        problems = _verify(backup) if backup.exists() else ["file not found"]
        if not problems:
            with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != head_revision():
                problems.append(f"schema {revision[0] if revision else '?'} is not {head_revision()}")
        if problems:
            raise BackupFailed(msg(CTX, QT_TRANSLATE_NOOP(
                "Backup", "{file} cannot be restored: {problems}. The database was not changed."),
                file=name, problems="; ".join(problems[:3])))
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = self._write_backup(self.folder / f"xiangyun-{stamp}-before-restore.sqlite3")
        self.db.engine.dispose()
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(self.db.path)) as dst:
            src.backup(dst)
        self.thin()
        return safety


def secure_data_dir(data_dir: Path) -> None:
    """Make the data directory, the database and the backups readable by the user only (where
    modes exist): folders 0700, files 0600."""
    if os.name != "posix":
        return
    data_dir = Path(data_dir)
    try:
        os.chmod(data_dir, 0o700)
        for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm"):
            path = data_dir / name
            if path.exists():
                os.chmod(path, 0o600)
        folder = backup_dir(data_dir)
        if folder.is_dir():
            os.chmod(folder, 0o700)
            for path in folder.glob("xiangyun-*.sqlite3"):
                os.chmod(path, 0o600)
    except OSError:
        pass
