"""``xiangyun-desk self-check``: registers the command; the checks are in
:mod:`xiangyun_desk.selfcheck` (imported only when the command runs)."""

from __future__ import annotations

import argparse

from ..services import paths


def cmd_self_check(args) -> int:
    from .. import selfcheck

    if args.startup_time:
        return selfcheck.startup_time(paths.data_dir(args.data_dir))
    return selfcheck.run_checks(keep=args.keep)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("self-check", help="check this installation works (no screen needed)",
                       description="Open a temporary database, write and read a record, render "
                                   "a PDF report, round-trip a bundle and build the main window "
                                   "offscreen; exit 1 on any failure.")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    p.add_argument("--startup-time", action="store_true",
                   help="instead: open the window on --data-dir like a normal start, print the "
                        "seconds from process start to the window being shown, and quit")
    p.set_defaults(func=cmd_self_check)
