"""``xiangyun-desk report KIND --period ... --out FILE.pdf``: the PDF reports from the command
line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.permissions import Perm
from ._common import EXIT_USAGE, fail, open_desk, require_setup, say

CTX = "Cli"  # the translation context of the command line's messages
KINDS = ("summary", "ledger", "roster", "jobfair", "blank")


def cmd_report(args) -> int:
    from ..services.reports import (
        LEDGER_REGISTERS,
        ReportCancelled,
        ReportPeriod,
        ReportRequest,
        default_filename,
        generate_report,
    )

    period = None
    if args.period:
        try:
            period = ReportPeriod.parse(args.period)
        except DomainError as exc:
            return fail(exc.message, EXIT_USAGE)
    elif args.kind in ("summary", "ledger", "roster"):
        return fail(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "--period is required (2026-10, 2026-Q4 or 2026).")), EXIT_USAGE)
    if args.kind == "ledger" and args.register not in LEDGER_REGISTERS:
        return fail(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "--register is required for a ledger: {registers}."),
            registers=", ".join(LEDGER_REGISTERS)), EXIT_USAGE)
    if args.kind == "roster" and not args.campaign:
        return fail(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "--campaign is required for a roster (e.g. winter or 冬送温暖).")),
            EXIT_USAGE)
    request = ReportRequest(kind=args.kind, period=period, register=args.register,
                            campaign=args.campaign, event_id=args.event,
                            forms=tuple(args.form or ("visits", "fair")),
                            full_ids=args.full_ids)
    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        out = Path(args.out) if args.out else Path.cwd() / default_filename(desk, request)
        show = sys.stderr.isatty() and not args.quiet

        def progress(done: int, total: int) -> None:
            if show:
                print(f"\r{100 * done // total:3d}%", end="", file=sys.stderr, flush=True)

        try:
            path = generate_report(desk, request, out, progress=progress)
        except (ReportCancelled, KeyboardInterrupt):
            if show:
                print(file=sys.stderr)
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Cancelled; nothing was written.")))
        if show:
            print(file=sys.stderr)
    finally:
        desk.close()
    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Wrote {path}"), path=str(path)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help="make a PDF report (summary, ledger, roster, jobfair, blank)",
        description="Make a PDF report. Periods: 2026-10 (month), 2026-Q4 (quarter), 2026 (year) "
                    "or 2026-10-01..2026-11-15.")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--period", help="2026-10, 2026-Q4, 2026 or 2026-10-01..2026-11-15")
    p.add_argument("--register", help="ledger: visits, relief, fairs, seekers, volunteers, "
                                      "service_records")
    p.add_argument("--campaign", help="roster: campaign code or label (winter, 冬送温暖...)")
    p.add_argument("--event", help="jobfair: the fair's id (its first characters are enough)")
    p.add_argument("--form", action="append", choices=("visits", "fair"),
                   help="blank: which sheet (repeatable; default both)")
    p.add_argument("--full-ids", action="store_true",
                   help="print ID numbers and phones in full (default: masked)")
    p.add_argument("--out", help="the PDF file to write (default: a descriptive name here)")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=cmd_report, needs=lambda a: Perm.PRINT_FULL if a.full_ids else None)
