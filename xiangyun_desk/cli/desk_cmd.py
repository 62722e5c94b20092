"""The desk itself from the command line: ``init``, ``demo-data``, ``stats``, ``backup``,
``restore``, ``check-db``, and the window (no subcommand)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..domain.errors import DomainError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.permissions import Perm
from ..services import paths
from ._common import (
    EXIT_FAILED,
    EXIT_USAGE,
    fail,
    open_desk,
    parse_date,
    require_setup,
    say,
    translator,
)

CTX = "Cli"  # the translation context of the command line's messages


def init_options(args):
    """(code, name, key card bytes | None) for ``init``; an int exit code for a bad key card."""
    county = args.role != "station"  # county, prefecture, province: --county-code/--county-name
    code = ((args.county_code if county else None) or args.station_code or "").strip()
    name = ((args.county_name if county else None) or args.station_name or "").strip()
    card = None
    if getattr(args, "county_key", None):
        from ..services.bundles import KeyCard

        try:
            data = Path(args.county_key).read_bytes()
            KeyCard.parse(data)
        except OSError:
            return code, name, fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=args.county_key))
        except DomainError as exc:
            return code, name, fail(exc.message)
        card = data
    return code, name, card


def cmd_init(args) -> int:
    code, name, card = init_options(args)  # --county-code/--county-name/--county-key
    if isinstance(card, int):
        return card
    stored_url = _store_database_url(args)
    if isinstance(stored_url, int):
        return stored_url
    try:
        desk = open_desk(args, signed_in=False)
    except DomainError:
        if stored_url is not None:  # the server could not be used: leave nothing behind
            stored_url.unlink(missing_ok=True)
        raise
    try:
        identity = desk.initialize(args.role, code, name, args.township or "", args.staff or [])
        if card is not None:
            from ..services.bundles import load_county_card

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


def _store_database_url(args):
    """``init --database-url``: remember the server for the data directory (the county and the
    tiers above it; storage.dialects). Returns the file written, None, or an exit code."""
    if not getattr(args, "database_url", None):
        return None
    from ..storage import dialects

    if args.role == "station":
        return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "A station keeps its records in the database file of its data directory; --database-url is for the county and the tiers above it.")), EXIT_USAGE)
    folder = paths.data_dir(args.data_dir)
    path = folder / dialects.URL_FILENAME
    if path.exists():
        return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "{dir} already names a database server ({file}); edit or remove that file instead."), dir=str(folder), file=path.name))
    dialects.store_url(folder, args.database_url)
    return path


def cmd_demo(args) -> int:
    from ..services.demo import DemoGenerator

    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        if args.records < 1:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--records must be at least 1.")),
                        EXIT_USAGE)
        counts = DemoGenerator(desk.db, desk.identity.code, args.seed).generate(args.records)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(counts, ensure_ascii=False))
        return 0
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Added demo records:")))
    for register, n in counts.items():
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "  {register}: {n}"), n=n,
                register=_label(DEMO_REGISTERS.get(register, register))))
    return 0


# The registers demo-data fills, as its plain output names them.
DEMO_REGISTERS = {
    "visits": QT_TRANSLATE_NOOP("Cli", "Visitor log"),
    "relief": QT_TRANSLATE_NOOP("Cli", "Relief visits"),
    "fairs": QT_TRANSLATE_NOOP("Cli", "Job fairs"),
    "employers": QT_TRANSLATE_NOOP("Cli", "Employers at the fairs"),
    "seekers": QT_TRANSLATE_NOOP("Cli", "Job seekers"),
    "intentions": QT_TRANSLATE_NOOP("Cli", "Intentions"),
    "volunteers": QT_TRANSLATE_NOOP("Cli", "Volunteers"),
    "service_records": QT_TRANSLATE_NOOP("Cli", "Volunteer service records"),
}


def _label(text: str, context: str = CTX) -> str:
    """A label in the CLI's language (Chinese unless XYD_LANG=en)."""
    translate = translator()
    return translate(context, text) if translate else text


def cmd_stats(args) -> int:
    from ..services.stats import Period, StatsService

    if args.date_from and args.date_to and args.date_to < args.date_from:
        return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--to is before --from.")), EXIT_USAGE)
    desk = open_desk(args)
    try:
        figures = StatsService(desk.db).compute(Period(args.date_from, args.date_to))
    finally:
        desk.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        _print_figures(figures)
    return 0


def _print_figures(figures: dict) -> None:
    """``stats`` for people: the period, then each register's headline figures with their
    names and units (services/definitions.py), in the CLI's language."""
    from ..services import definitions as D

    chinese = translator() is not None
    period = figures.get("period") or {}
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Period: {start} to {end}"),
            start=period.get("from") or _label(QT_TRANSLATE_NOOP("Cli", "the first record")),
            end=period.get("to") or _label(QT_TRANSLATE_NOOP("Cli", "today"))))
    for section, title in D.SECTIONS.items():
        if section not in figures:
            continue
        print(title if chinese else D.SECTION_LABELS[section])
        for m in D.measures_of(section):
            if chinese:
                print(f"  {m.name}：{m.text(figures)} {m.unit}")
            else:
                print(f"  {m.label}: {m.text(figures)}")


def cmd_backup(args) -> int:
    from ..services.usb_backup import outside
    from . import usb_cmd

    desk = open_desk(args)
    try:
        secret = None
        if args.out and outside(Path(args.out), desk.data_dir):
            secret = usb_cmd.backup_secret(args, desk)  # encrypted (services/usb_backup.py)
            if secret is None:
                return EXIT_FAILED
        path = (desk.backups.backup_to(Path(args.out), secret) if args.out
                else desk.backups.backup("manual"))
    finally:
        desk.close()
    print(path)
    return 0


def cmd_restore(args) -> int:
    from . import usb_cmd

    desk = open_desk(args)
    try:
        if args.list:
            return usb_cmd.print_list(Path(args.list), desk)
        if not args.file:
            return fail(msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "Name the backup file to restore, or list a folder's backups with "
                       "--list FOLDER.")), EXIT_USAGE)
        secret = usb_cmd.restore_secret(args, Path(args.file))
        safety = desk.backups.restore(Path(args.file), secret)
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Restored {file}. The previous state was saved as {safety}."),
            file=args.file, safety=str(safety)))
    return 0


def cmd_check(args) -> int:
    desk = open_desk(args)
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
    """No subcommand: open the window."""
    from ..platform_libs import x11_problem

    # Qt aborts inside QApplication (exit 134) when the X11 plugin cannot load: say what to
    # install instead (a pip install on a desktop without the xcb libraries).
    problem = x11_problem()
    if problem is not None:
        return fail(problem)
    from ..app import run

    return run(paths.data_dir(args.data_dir))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="first-run set-up without a screen")
    p.add_argument("--role", choices=("station", "county", "prefecture", "province"),
                   default="station")
    p.add_argument("--station-code")
    p.add_argument("--station-name")
    p.add_argument("--township", default="")
    p.add_argument("--staff", nargs="*", default=[])
    p.add_argument("--county-code", help="with --role county: the county code, e.g. 532923")
    p.add_argument("--county-name", help="with --role county: e.g. 祥云县总工会")
    p.add_argument("--county-key", help="station: the county's key card (county-key --out)")
    p.add_argument("--database-url", metavar="URL",
                   help="county and above: keep the records on a PostgreSQL server, e.g. "
                        "postgresql+psycopg://user@host/xiangyun (remembered in the data "
                        "directory; XIANGYUN_DESK_DATABASE_URL overrides it)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo-data", help="add realistic demo records")
    p.add_argument("--records", type=int, default=1000)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_demo, needs=Perm.WRITE)

    p = sub.add_parser("stats", help="headline figures for a period")
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("backup", help="back up the database (into backups/, or --out DIR)")
    p.add_argument("--out", help="folder to write the backup to, e.g. a USB stick (encrypted "
                                 "when outside the data directory)")
    p.add_argument("--recovery-code-file", metavar="FILE",
                   help="with --out: encrypt with the station head's recovery code read from "
                        "FILE (- for standard input)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="with --out: encrypt with a passphrase read from FILE instead")
    p.set_defaults(func=cmd_backup, needs=lambda a: Perm.EXPORT if a.out else None)

    p = sub.add_parser("restore", help="restore the database from a backup file (verified first)")
    p.add_argument("file", nargs="?")
    p.add_argument("--list", metavar="FOLDER",
                   help="list the backups in FOLDER (date, kind, station, size), newest first")
    p.add_argument("--secret-file", metavar="FILE",
                   help="the recovery code or passphrase of an encrypted backup, from FILE "
                        "(- for standard input); otherwise it is asked")
    p.set_defaults(func=cmd_restore, needs=lambda a: None if a.list else Perm.ADMIN)

    p = sub.add_parser("check-db", help="integrity and foreign-key checks with a plain report")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)
