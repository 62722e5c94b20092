"""Command line: the same services as the window, for county staff scripts and tests.

``xiangyun-desk`` with no subcommand opens the window. ``--data-dir`` (before the subcommand) or
``XIANGYUN_DESK_HOME`` selects the data directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .domain.errors import DomainError, ValidationFailed
from .domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from .services import paths

CTX = "Cli"
EXIT_USAGE = 2
EXIT_FAILED = 1


def _translator():
    """A translate(context, text) function for the CLI language (Chinese unless XYD_LANG=en)."""
    lang = os.environ.get("XYD_LANG", "zh_CN")
    if lang.startswith("en"):
        return None
    try:
        from PySide6.QtCore import QTranslator

        from .resources import translation_file
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    translator = QTranslator()
    if not translator.load(str(translation_file("zh_CN"))):
        return None

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def say(message: Message, stream=None) -> None:
    """Print a translated message."""
    print(message.render(_translator()), file=stream or sys.stdout)


def fail(message: Message, code: int = EXIT_FAILED) -> int:
    say(message, sys.stderr)
    return code


def _desk(args):
    from .services.desk import Desk

    return Desk(paths.data_dir(args.data_dir))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def cmd_init(args) -> int:
    from .cli_sync import init_options

    code, name, card = init_options(args)  # --county-code/--county-name/--county-key
    if isinstance(card, int):
        return card
    desk = _desk(args)
    try:
        identity = desk.initialize(args.role, code, name, args.township or "", args.staff or [])
        if card is not None:
            from .services.bundles import load_county_card

            load_county_card(desk, card)
    except ValidationFailed as exc:
        for message in exc.errors.values():
            say(message, sys.stderr)
        return EXIT_FAILED
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Set up {name} ({code}) in {dir}"),
            name=identity.name, code=identity.code, dir=str(desk.data_dir)))
    return 0


def _require_setup(desk) -> Message | None:
    if desk.identity is None:
        return msg(CTX, QT_TRANSLATE_NOOP("Cli", "This data directory is not set up yet: run xiangyun-desk init first."))
    return None


def cmd_demo(args) -> int:
    from .services.demo import DemoGenerator

    desk = _desk(args)
    try:
        if problem := _require_setup(desk):
            return fail(problem)
        if args.records < 1:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--records must be at least 1.")),
                        EXIT_USAGE)
        counts = DemoGenerator(desk.db, desk.identity.code, args.seed).generate(args.records)
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Added demo records: {counts}"),
            counts=json.dumps(counts, ensure_ascii=False)))
    return 0


def cmd_stats(args) -> int:
    from .services.stats import Period, StatsService

    if args.date_from and args.date_to and args.date_to < args.date_from:
        return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--to is before --from.")), EXIT_USAGE)
    desk = _desk(args)
    try:
        figures = StatsService(desk.db).compute(Period(args.date_from, args.date_to))
    finally:
        desk.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for section, values in figures.items():
            flat = {k: v for k, v in values.items() if not isinstance(v, dict)}
            print(section, json.dumps(flat, ensure_ascii=False))
    return 0


def cmd_backup(args) -> int:
    desk = _desk(args)
    try:
        path = desk.backups.backup_to(Path(args.out)) if args.out else desk.backups.backup("manual")
    finally:
        desk.close()
    print(path)
    return 0


def cmd_restore(args) -> int:
    desk = _desk(args)
    try:
        safety = desk.backups.restore(Path(args.file))
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Restored {file}. The previous state was saved as {safety}."),
            file=args.file, safety=str(safety)))
    return 0


def cmd_check(args) -> int:
    desk = _desk(args)
    try:
        report = desk.backups.check()
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"ok": report.ok, "problems": report.problems, "counts": report.counts},
                         ensure_ascii=False, indent=2))
    else:
        say(report.message(), sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else EXIT_FAILED


def cmd_gui(args) -> int:
    from .app import run

    return run(paths.data_dir(args.data_dir))


# Subcommands contributed by other modules: name -> (configure parser, handler).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []
from . import cli_report as _cli_report  # noqa: E402,F401 - registers "report"
from . import selfcheck as _selfcheck  # noqa: E402,F401 - registers "self-check"
from . import cli_accounts as _cli_accounts  # noqa: E402,F401 - init --admin, reset-password
from . import cli_sync as _cli_sync  # noqa: E402,F401 - registers the sync-bundle commands
from . import cli_sheets as _cli_sheets  # noqa: E402,F401 - "import-sheet", "export-sheet"
from .bench import command as _bench_command  # noqa: E402,F401 - registers "bench"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xiangyun-desk", description="祥云职工之家工作台")
    parser.add_argument("--version", action="version", version=f"xiangyun-desk {__version__}")
    parser.add_argument("--data-dir", help=f"data directory (default: ${paths.ENV_VAR} "
                                           "or the platform's user data folder)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="first-run set-up without a screen")
    p.add_argument("--role", choices=("station", "county"), default="station")
    p.add_argument("--station-code")
    p.add_argument("--station-name")
    p.add_argument("--township", default="")
    p.add_argument("--staff", nargs="*", default=[])
    p.add_argument("--county-code", help="with --role county: the county code, e.g. 532923")
    p.add_argument("--county-name", help="with --role county: e.g. 祥云县总工会")
    p.add_argument("--county-key", help="station: the county's key card (county-key --out)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo-data", help="add realistic demo records")
    p.add_argument("--records", type=int, default=1000)
    p.add_argument("--seed", type=int, default=None)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("stats", help="headline figures for a period")
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("backup", help="back up the database (into backups/, or --out DIR)")
    p.add_argument("--out", help="folder to write the backup to, e.g. a USB stick")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore the database from a backup file (verified first)")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check-db", help="integrity and foreign-key checks with a plain report")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    for add in EXTRA_COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", cmd_gui)
    try:
        try:
            return func(args)
        except Exception as exc:
            damage = _database_damage(args, exc)
            if damage is None:
                raise
            raise damage from exc
    except DomainError as exc:  # database problems and other errors the user can act on
        code = fail(exc.message)
        backup = getattr(exc, "latest_backup", None)
        if backup:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "The latest backup is {path}."), path=str(backup)),
                sys.stderr)
        return code


def _database_damage(args, exc: Exception):
    """A DatabaseCorrupt for damage SQLite only notices when a query reads the bad pages (the
    file opened fine), or None when ``exc`` is something else."""
    import sqlite3

    orig = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    code = getattr(orig, "sqlite_errorcode", None) if isinstance(orig, sqlite3.DatabaseError) \
        else None
    if code is None or code & 0xFF not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return None
    from .storage.db import DB_FILENAME, latest_backup
    from .storage.errors import DatabaseCorrupt

    folder = paths.data_dir(args.data_dir)
    return DatabaseCorrupt(folder / DB_FILENAME, latest_backup(folder), str(orig))


if __name__ == "__main__":
    sys.exit(main())
