"""The command line's side of encrypted USB backups (services/usb_backup.py): the code or
passphrase of ``backup --out DIR`` and ``restore FILE``, and ``restore --list DIR``.

Secrets are never command-line arguments: ``--recovery-code-file`` / ``--passphrase-file``
(``-`` reads standard input), or a prompt that does not echo.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ._common import fail, say, translator

CTX = "Cli"


def _read_first_line(source: str) -> str | None:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Cannot read the password file: {reason}"),
                 reason=exc.strerror or str(exc)))
        return None
    lines = text.splitlines()
    return lines[0] if lines else ""


def _prompt(text: str) -> str:
    return getpass.getpass(msg(CTX, text).render(translator()))


def backup_secret(args, desk):
    """The BackupSecret of ``backup --out DIR`` (None after a message when none can be had)."""
    from ..services.usb_backup import BackupSecret, passphrase_problem

    code_file = getattr(args, "recovery_code_file", None)
    pass_file = getattr(args, "passphrase_file", None)
    if code_file or pass_file:
        text = _read_first_line(code_file or pass_file)
        if text is None:
            return None
        by_code = bool(code_file)
        second = text
    elif not sys.stdin.isatty():
        fail(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "A backup to a folder outside the data directory is encrypted: give "
                   "--recovery-code-file FILE or --passphrase-file FILE (- for standard input).")))
        return None
    elif desk.accounts.has_recovery_code():
        by_code = True
        text = second = _prompt(QT_TRANSLATE_NOOP("Cli", "Station head's recovery code: "))
    else:
        by_code = False
        say(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "This desk has no recovery code: choose a passphrase for the backup (at "
                   "least 10 characters; write it down, restoring asks for it).")))
        text = _prompt(QT_TRANSLATE_NOOP("Cli", "Passphrase: "))
        second = _prompt(QT_TRANSLATE_NOOP("Cli", "Repeat the passphrase: "))
    if by_code:
        if not desk.accounts.recovery_code_matches(text):
            fail(msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "This is not the current recovery code of a station head; nothing was "
                       "written.")))
            return None
        return BackupSecret.recovery_code(text)
    problem = passphrase_problem(text, second)
    if problem is not None:
        fail(problem)
        return None
    return BackupSecret.passphrase(text)


def restore_secret(args, path: Path) -> str | None:
    """The code or passphrase of an encrypted backup (None for a plain one or when absent)."""
    from ..services.usb_backup import is_encrypted

    if not is_encrypted(path):
        return None
    source = getattr(args, "secret_file", None)
    if source:
        return _read_first_line(source)
    if not sys.stdin.isatty():
        return None  # the restore then says the code is wrong and restores nothing
    return _prompt(QT_TRANSLATE_NOOP("Cli", "Recovery code or passphrase of the backup: "))


def print_list(folder: Path, desk) -> int:
    """``restore --list DIR``: the backups of a folder, newest first, in plain words."""
    from ..services.usb_backup import list_folder

    entries = list_folder(folder)
    if not entries:
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "There are no backups of this program in {folder}."),
                folder=str(folder)))
        return 0
    tr = translator()
    identity = desk.identity
    for entry in entries:
        station = entry.station
        if identity is not None and station and station == identity.code:
            station = identity.name
        records = "—" if entry.records is None else str(entry.records)
        print("  ".join([entry.when_text().render(tr), entry.kind_text().render(tr),
                         station or "—", entry.size_text().render(tr), records,
                         entry.path.name]))
    return 0
