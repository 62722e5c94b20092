"""Encrypted backups on a USB stick, and the backups of a folder listed in plain words.

A backup written to a folder outside the data directory (备份到文件夹: a USB stick that may be
lost) is never a plain database. It is an age file (https://age-encryption.org/v1, through
pyrage) encrypted with a **passphrase** recipient (scrypt): either the station head's printed
recovery code, typed exactly as printed (``ABCD-EFGH-JKMN-PQRS-TVWX``), or, on a desk without a
recovery code or for a worker who does not hold it, a passphrase chosen at that moment (typed
twice). Nothing of the PC is needed to open it: on a new PC the sheet of paper is enough, with this
program (从备份恢复) or with the ``age`` command-line tool (``age -d -o restored.sqlite3 FILE``,
see docs/security.md). An X25519 key wrapped by the code was not chosen: the program only keeps the
code's hash, so it could not rewrap such a key when the code is renewed, and restoring by hand would
take two files and two steps.

The plain copy is made in the data directory's scratch folder (0700, removed afterwards or at the
next start after a kill); only ciphertext is ever written to the stick, through
:class:`~xiangyun_desk.storage.files.AtomicFile`: a hidden ``.<name>.<random>.partial`` file
renamed when complete, removed on failure, at the next write into that folder or at the next
start (the data directory's journal). Such names are never listed as backups.

The file name says what the list shows without the passphrase:
``xiangyun-<YYYYmmdd-HHMMSS>-usb-<station code>-<code|pass>.sqlite3.age``.
The automatic backups inside the data directory stay plain SQLite files: that folder is the
user's only (0700), like the database itself, and they must open without anyone's code.

pyrage's passphrase API works on whole byte strings: a backup needs about twice the database's
size in memory while it is encrypted (a station's database is a few dozen MB), plus scrypt's own
64–512 MB for about a second (age tunes the work factor to the PC).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..storage.errors import FolderFault, environment_fault
from ..storage.files import AtomicFile, is_temporary, make_private_dir, named_scratch
from .backup import BackupFailed, _verify

CTX = "UsbBackup"
ENCRYPTED_SUFFIX = ".age"
CODE, PASSPHRASE = "code", "pass"
MIN_PASSPHRASE = 10
_CHUNK = 1 << 20
_NAME = re.compile(r"^xiangyun-(?P<stamp>\d{8}-\d{6})-(?P<rest>.+?)\.sqlite3(?P<age>\.age)?$")
_USB = re.compile(r"^usb(?:-(?P<station>\d+))?-(?P<secret>code|pass)(?:-\d+)?$")

# What a backup's reason (in its file name) is called in the list.
KIND_AUTO = QT_TRANSLATE_NOOP("UsbBackup", "Automatic backup")
KIND_MANUAL = QT_TRANSLATE_NOOP("UsbBackup", "Manual backup")
KIND_IMPORT = QT_TRANSLATE_NOOP("UsbBackup", "Backup before an import")
KIND_RESTORE = QT_TRANSLATE_NOOP("UsbBackup", "Backup before a restore")
KIND_MIGRATE = QT_TRANSLATE_NOOP("UsbBackup", "Backup before an upgrade")
KIND_USB = QT_TRANSLATE_NOOP("UsbBackup", "Encrypted USB backup")
KIND_OTHER = QT_TRANSLATE_NOOP("UsbBackup", "Backup")
_KINDS = {"start": KIND_AUTO, "daily": KIND_AUTO, "manual": KIND_MANUAL, "copy": KIND_MANUAL,
          "before-import": KIND_IMPORT, "before-restore": KIND_RESTORE,
          "before-migrate": KIND_MIGRATE}


class SecretNeeded(BackupFailed):
    """A backup to a folder outside the data directory needs a code or passphrase."""

    def __init__(self):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP(
            "UsbBackup", "A backup outside the program's own folder is encrypted: enter the "
                         "station head's recovery code or a passphrase. Nothing was written.")))


class WrongSecret(BackupFailed):
    """The code or passphrase does not open this encrypted backup."""

    def __init__(self, name: str):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP(
            "UsbBackup", "The recovery code or passphrase is wrong for the backup {file}: it "
                         "cannot be opened. Nothing was restored; the records are unchanged."),
            file=name))


@dataclass(frozen=True)
class BackupSecret:
    """What encrypts a USB backup: the recovery code (as printed) or a chosen passphrase."""

    text: str
    kind: str  # CODE or PASSPHRASE

    @classmethod
    def recovery_code(cls, code: str) -> BackupSecret:
        return cls(canonical_code(code), CODE)

    @classmethod
    def passphrase(cls, text: str) -> BackupSecret:
        return cls(unicodedata.normalize("NFC", text), PASSPHRASE)


def canonical_code(code: str) -> str:
    """A recovery code as printed on the sheet (``ABCD-EFGH-...``), however it was typed."""
    from .accounts import normalize_recovery_code

    plain = normalize_recovery_code(code)
    return "-".join(plain[i:i + 4] for i in range(0, len(plain), 4))


def passphrase_problem(first: str, second: str) -> Message | None:
    """Why a chosen passphrase cannot be used (None when it can)."""
    if first != second:
        return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "The two passphrases differ."))
    text = first.strip()
    if len(text) < MIN_PASSPHRASE or len(set(text)) < 4:
        return msg(CTX, QT_TRANSLATE_NOOP(
            "UsbBackup", "The passphrase is too weak: use at least {n} characters, for example "
                         "several words or a short sentence that others cannot guess."),
            n=MIN_PASSPHRASE)
    return None


def outside(folder: Path, data_dir: Path) -> bool:
    """True when ``folder`` is not inside the data directory (a stick, another disk)."""
    try:
        return not Path(folder).resolve().is_relative_to(Path(data_dir).resolve())
    except (OSError, ValueError):
        return True


def is_encrypted(path: Path) -> bool:
    return Path(path).name.endswith(ENCRYPTED_SUFFIX)


def write_encrypted_backup(service, folder: Path, secret: BackupSecret | None,
                           now: dt.datetime | None = None) -> Path:
    """The encrypted copy of ``service``'s database in ``folder``; returns the file written.

    Whole or not at all; a full, write-protected or pulled-out stick is said as such
    (storage.errors.FolderFault)."""
    service._require_file()
    if secret is None or not secret.text:
        raise SecretNeeded()
    folder = Path(folder)
    station = _station_code(service.db.path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"xiangyun-{stamp}-usb{'-' + station if station else ''}-{secret.kind}"
    target = folder / f"{base}.sqlite3{ENCRYPTED_SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.sqlite3{ENCRYPTED_SUFFIX}"
    saver = AtomicFile(target, mode=0o600)
    on_stick = False
    try:
        with named_scratch(service.data_dir) as scratch:
            plain = Path(scratch(".sqlite3"))
            with closing(sqlite3.connect(service.db.path)) as src, \
                    closing(sqlite3.connect(plain)) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            problems = _verify(plain)
            if problems:
                raise BackupFailed(msg("Backup", QT_TRANSLATE_NOOP(
                    "Backup", "The backup copy failed its check: {problems}"),
                    problems="; ".join(problems[:3])))
            sealed = _encrypt(plain.read_bytes(), secret.text)
        on_stick = True
        make_private_dir(folder, private=False)
        with saver, saver.open("wb") as out:
            view = memoryview(sealed)
            for start in range(0, len(view), _CHUNK):
                out.write(view[start:start + _CHUNK])
            out.flush()
            os.fsync(out.fileno())
            with open(saver.temp, "rb") as back:  # what the stick holds, read back
                if back.read() != sealed:
                    raise OSError(5, "the copy read back differs from what was written")
        return target
    except (OSError, sqlite3.Error) as exc:
        # Before the stick's file exists the fault is the data directory's (the plain copy in
        # its scratch folder); after, the stick's: full, write-protected, pulled out.
        fault = saver.fault(exc) if on_stick else environment_fault(exc, service.data_dir)
        raise BackupFailed((fault or FolderFault("other", folder, saver.left_behind,
                                                 str(exc)[:120])).message) from exc


def _encrypt(data: bytes, passphrase: str) -> bytes:
    from pyrage import passphrase as age_passphrase

    return age_passphrase.encrypt(data, passphrase)


def _candidates(path: Path, secret: str) -> list[str]:
    """The passphrases to try: the code as printed for a code backup, the text as typed for a
    chosen passphrase, both when the name does not say (a renamed file)."""
    kind = _secret_kind(path)
    as_typed = unicodedata.normalize("NFC", secret)
    code = canonical_code(secret)
    if kind == CODE:
        return [code]
    if kind == PASSPHRASE:
        return [as_typed]
    return list(dict.fromkeys(c for c in (as_typed, code) if c))


@contextmanager
def opened(path: Path, secret: str | None, data_dir: Path) -> Iterator[Path]:
    """A plain database file for ``path``: itself when plain; for an encrypted backup its
    decrypted copy in the data directory's scratch folder, removed afterwards. A wrong code or
    passphrase raises :class:`WrongSecret`."""
    path = Path(path)
    if not is_encrypted(path):
        yield path
        return
    if not secret:
        raise WrongSecret(path.name)
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    try:
        sealed = path.read_bytes()
    except OSError as exc:
        raise BackupFailed(msg("Backup", QT_TRANSLATE_NOOP(
            "Backup", "{file} cannot be restored: {problems}. The database was not changed."),
            file=path.name, problems=str(exc)[:120])) from exc
    data = None
    for candidate in _candidates(path, secret):
        try:
            data = age_passphrase.decrypt(sealed, candidate)
            break
        except DecryptError:
            continue
    del sealed
    if data is None:
        raise WrongSecret(path.name)
    with named_scratch(data_dir) as scratch:
        plain = Path(scratch(".sqlite3"))
        plain.write_bytes(data)
        del data
        yield plain


# ---- the list of a folder's backups ---------------------------------------------------------

@dataclass(frozen=True)
class BackupEntry:
    """One backup file as the restore list shows it."""

    path: Path
    when: dt.datetime
    kind: str          # an untranslated KIND_* text (context "UsbBackup")
    encrypted: bool
    secret_kind: str   # CODE, PASSPHRASE or "" (plain)
    station: str       # the station code ("" when unknown)
    size: int          # bytes
    records: int | None  # live records, for plain backups (None: unknown until opened)

    def when_text(self) -> Message:
        return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "{day}/{month}/{year} {time}"),
                   year=self.when.year, month=self.when.month, day=self.when.day,
                   time=self.when.strftime("%H:%M"))

    def kind_text(self) -> Message:
        return msg(CTX, self.kind)

    def size_text(self) -> Message:
        if self.size >= 1 << 20:
            return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "{n} MB"),
                       n=f"{self.size / (1 << 20):.1f}")
        return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "{n} KB"), n=max(1, round(self.size / 1024)))

    def secret_text(self) -> Message | None:
        """What opens it (None for a plain backup)."""
        if self.secret_kind == CODE:
            return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "the station head's recovery code"))
        if self.secret_kind == PASSPHRASE:
            return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "the passphrase chosen at the backup"))
        if self.encrypted:
            return msg(CTX, QT_TRANSLATE_NOOP("UsbBackup", "the recovery code or passphrase"))
        return None


def _secret_kind(path: Path) -> str:
    match = _NAME.match(Path(path).name)
    usb = _USB.match(match.group("rest")) if match else None
    return usb.group("secret") if usb else ""


def entry_of(path: Path, count: bool = True) -> BackupEntry | None:
    """The list entry of a file (None when the name is not a backup of this program)."""
    path = Path(path)
    match = _NAME.match(path.name)
    if match is None or is_temporary(path):
        return None
    try:
        when = dt.datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    rest = match.group("rest")
    encrypted = bool(match.group("age"))
    usb = _USB.match(rest)
    station, secret_kind = "", ""
    if usb is not None:
        kind = KIND_USB
        station, secret_kind = usb.group("station") or "", usb.group("secret")
    else:
        reason = re.sub(r"-\d+$", "", rest)
        kind = KIND_USB if encrypted else _KINDS.get(reason, KIND_OTHER)
    records = None
    if not encrypted:
        station = _station_code(path)
        records = _count_records(path) if count else None
    return BackupEntry(path, when, kind, encrypted, secret_kind, station, size, records)


def any_file_entry(path: Path) -> BackupEntry:
    """The entry of a file chosen by hand whatever its name (a renamed copy): its kind is
    "backup", its time the file's own."""
    path = Path(path)
    entry = entry_of(path)
    if entry is not None:
        return entry
    info = path.stat()
    encrypted = is_encrypted(path)
    return BackupEntry(path, dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0),
                       KIND_USB if encrypted else KIND_OTHER, encrypted, "",
                       "" if encrypted else _station_code(path), info.st_size,
                       None if encrypted else _count_records(path))


def list_folder(folder: Path, count: bool = True) -> list[BackupEntry]:
    """The backups in ``folder`` (not recursive), newest first; unfinished files are left out."""
    try:
        paths = [Path(e.path) for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return []
    entries = [e for e in (entry_of(p, count) for p in paths) if e is not None]
    return sorted(entries, key=lambda e: (e.when, e.path.name), reverse=True)


def _station_code(path: Path) -> str:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key='code'").fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row and str(row[0]).isdigit() else ""


def _count_records(path: Path) -> int | None:
    """Live records of a plain backup (the registers' tables, not the staff list), None when
    unreadable."""
    from ..storage.models import SYNCED_MODELS

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return sum(conn.execute(f"SELECT count(*) FROM {m.__tablename__} "
                                    "WHERE deleted_at IS NULL").fetchone()[0]
                       for m in SYNCED_MODELS if m.__tablename__ != "staff")
    except sqlite3.Error:
        return None


def count_records(path: Path) -> int | None:
    """Live records of a plain database file (for the restore confirmation)."""
    return _count_records(path)
