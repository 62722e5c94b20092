"""Command line: the same services as the window, for county staff scripts and tests.

``xiangyun-desk`` with no subcommand opens the window. ``--data-dir`` (before the subcommand) or
``XIANGYUN_DESK_HOME`` selects the data directory.

Layout (every import points one way): :mod:`._common` holds what the commands share and imports
no command module; each ``*_cmd`` module holds one group of subcommands and exposes
``register(subparsers)``; this module composes them into the parser and runs ``main``. No command
module imports this one.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..bench import command as bench_cmd
from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..services import paths
from . import accounts_cmd, desk_cmd, relay_cmd, report_cmd, selfcheck_cmd, sheets_cmd, sync_cmd
from ._common import account_options, fail, say

CTX = "Cli"  # the translation context of the command line's messages

# In this order in ``--help``. accounts_cmd adds --admin to ``init``, so it comes after desk_cmd.
GROUPS = (desk_cmd, report_cmd, selfcheck_cmd, accounts_cmd, sync_cmd, relay_cmd, sheets_cmd,
          bench_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xiangyun-desk", description="祥云职工之家工作台")
    parser.add_argument("--version", action="version", version=f"xiangyun-desk {__version__}")
    parser.add_argument("--data-dir", help=f"data directory (default: ${paths.ENV_VAR} "
                                           "or the platform's user data folder)")
    sub = parser.add_subparsers(dest="command")
    for group in GROUPS:
        group.register(sub)
    for command in sub.choices.values():  # init and reset-password read their own password
        if "--password-file" not in command._option_string_actions:  # noqa: SLF001
            account_options(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", desk_cmd.cmd_gui)
    try:
        try:
            return func(args)
        except Exception as exc:
            damage = _environment_fault(args, exc) or _database_damage(args, exc)
            if damage is None:
                _log_bug(args, exc)
                raise
            raise damage from exc
    except DomainError as exc:  # database problems and other errors the user can act on
        code = fail(exc.message)
        backup = getattr(exc, "latest_backup", None)
        if backup:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "The latest backup is {path}."), path=str(backup)),
                sys.stderr)
        return code


def _log_bug(args, exc: Exception) -> None:
    """A bug (not an environment fault): its traceback also goes to the data directory's log, as
    the window's do (the terminal shows it too). Never hides the bug itself."""
    try:
        folder = paths.data_dir(args.data_dir)
        if not folder.is_dir():
            return
        import logging

        from ..app import open_log_file

        open_log_file(folder / "logs")
        logging.getLogger("xiangyun_desk.cli").error(
            "command %s failed", getattr(args, "command", None), exc_info=exc)
    except Exception:  # noqa: BLE001 - the log is a courtesy; the bug is raised anyway
        pass


def _environment_fault(args, exc: Exception):
    """The database busy (another process writing), the disk full, or a folder that cannot be
    written (a full, write-protected or pulled-out stick), named as such instead of a traceback
    (bugs still raise with theirs)."""
    from ..storage.errors import named_fault

    return named_fault(exc, paths.data_dir(args.data_dir))


def _database_damage(args, exc: Exception):
    """A DatabaseCorrupt for damage SQLite only notices when a query reads the bad pages (the
    file opened fine), or None when ``exc`` is something else."""
    import sqlite3

    orig = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    code = getattr(orig, "sqlite_errorcode", None) if isinstance(orig, sqlite3.DatabaseError) \
        else None
    if code is None or code & 0xFF not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return None
    from ..storage.db import DB_FILENAME, latest_backup
    from ..storage.errors import DatabaseCorrupt

    folder = paths.data_dir(args.data_dir)
    return DatabaseCorrupt(folder / DB_FILENAME, latest_backup(folder), str(orig))
