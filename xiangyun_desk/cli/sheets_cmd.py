"""``xiangyun-desk import-sheet`` and ``export-sheet``: spreadsheets from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.permissions import Perm
from ._common import EXIT_USAGE, fail, open_desk, parse_date, require_setup, say, translator

CTX = "Cli"  # the translation context of the command line's messages
REGISTERS = ("visits", "relief", "fairs", "employers", "seekers", "intentions", "volunteers",
             "service_records")


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise argparse.ArgumentTypeError(f"{what}: expected NAME=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def cmd_import_sheet(args) -> int:
    from ..services.sheets import (
        SheetImporter,
        missing_message,
        report_dict,
        save_report,
        status_text,
    )

    try:
        mapping = {k: (v or None) for k, v in _pairs(args.map, "--map").items()}
        mapping = {int(k) - 1 if k.isdigit() else k: v for k, v in mapping.items()}
        defaults = _pairs(args.set, "--set")
    except argparse.ArgumentTypeError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    translate = translator()
    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        try:
            importer = SheetImporter(desk, args.register, fair_id=args.fair)
            preview = importer.preview_file(Path(args.file), mapping, header_row=args.header_row,
                                            defaults=defaults, sheet=args.sheet)
            if preview.missing:
                return fail(missing_message(importer.sheet, preview.missing))
            if not args.dry_run:
                importer.commit(preview, include_possible=not args.skip_possible_duplicates)
            else:
                preview.include_possible = not args.skip_possible_duplicates
        except DomainError as exc:
            if args.json:
                print(json.dumps({"error": exc.message.render(translate)}, ensure_ascii=False))
            return fail(exc.message)
        if args.report:
            save_report(preview, Path(args.report), translate)
        if args.json:
            print(json.dumps(report_dict(preview, translate), ensure_ascii=False, indent=2))
            return 0
        for r in preview.rows:
            if r.status != "ready":
                say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Row {row}: {status}. {reason}"),
                        row=r.row, status=status_text(r.status, translate),
                        reason=r.reason(translate)))
        counts = preview.counts()
        say(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "{ready} ready, {possible} possible duplicates, {duplicate} duplicates "
            "skipped, {refused} refused, {merged} merged into another row."),
            ready=counts["ready"], possible=counts["possible_duplicate"],
            duplicate=counts["duplicate"], refused=counts["refused"], merged=counts["merged"]))
        if args.dry_run:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Dry run: nothing was written.")))
        else:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Imported {n} records into {register}."),
                    n=preview.imported, register=args.register))
        return 0
    finally:
        desk.close()


def cmd_export_sheet(args) -> int:
    from ..services.registers import RegisterQuery
    from ..services.sheets import export_view, resolve_fair, write_template

    if args.date_from and args.date_to and args.date_to < args.date_from:
        return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "--to is before --from.")),
                    EXIT_USAGE)
    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        out = Path(args.out)
        try:
            if args.template:
                write_template(desk, args.register, out)
                say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Wrote {path}"), path=str(out)))
                return 0
            query = RegisterQuery(text=args.search or "", date_from=args.date_from,
                                  date_to=args.date_to, category=args.category,
                                  deleted=args.deleted, descending=not args.oldest_first)
            if args.fair:
                query.parent_id = resolve_fair(desk, args.fair)
            elif args.volunteer:
                query.parent_id = args.volunteer
            result = export_view(desk, args.register, query, out, full=args.full_ids)
        except DomainError as exc:
            return fail(exc.message)
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Wrote {n} records to {path}"), n=result.rows,
            path=str(result.path)))
    return 0


def _export_needs(args) -> Perm | None:
    """A blank template holds no records; full ID numbers need more than an export."""
    if args.template:
        return None
    return Perm.PRINT_FULL if args.full_ids else Perm.EXPORT


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-sheet", help="import an Excel (.xlsx) or CSV (UTF-8/GBK) sheet into a register",
        description="Import the rows of a sheet. Headings are matched automatically (姓名, "
                    "联系电话, 身份证号码 ...). Every row is checked; rows identical to an "
                    "existing record are skipped; the rest are written in one transaction.")
    p.add_argument("register", choices=REGISTERS)
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--fair", help="employers, seekers, intentions: the job fair's id "
                                  "(its first characters are enough)")
    p.add_argument("--map", action="append", metavar="HEADING=FIELD",
                   help="send a column to a field (HEADING, column letter or number); "
                        "FIELD empty to leave the column out; repeatable")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE",
                   help="a value for every row whose cell is empty (e.g. campaign=冬送温暖)")
    p.add_argument("--sheet", help="the sheet to read (default: the one that looks right)")
    p.add_argument("--header-row", type=int, help="the heading row (default: found)")
    p.add_argument("--skip-possible-duplicates", action="store_true",
                   help="do not import rows flagged as possible duplicates")
    p.add_argument("--report", help="save the report (.json or .csv)")
    p.set_defaults(func=cmd_import_sheet, needs=Perm.IMPORT)

    p = sub.add_parser(
        "export-sheet", help="export a register (or a blank import template) to .xlsx",
        description="Export the records of a register to an Excel workbook. ID numbers and "
                    "phones are masked unless --full-ids is given.")
    p.add_argument("register", choices=REGISTERS)
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)
    p.add_argument("--template", action="store_true",
                   help="write a blank import template with drop-down lists instead")
    p.add_argument("--search", help="only records matching this search text")
    p.add_argument("--category", help="only this purpose / campaign / status code")
    p.add_argument("--fair", help="employers, seekers, intentions of this job fair")
    p.add_argument("--volunteer", help="service records of this volunteer (id)")
    p.add_argument("--deleted", action="store_true", help="the deleted records instead")
    p.add_argument("--oldest-first", action="store_true", help="oldest first (default: newest)")
    p.add_argument("--full-ids", action="store_true",
                   help="write ID numbers and phones in full (default: masked)")
    p.set_defaults(func=cmd_export_sheet, needs=_export_needs)
