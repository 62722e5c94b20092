"""Registers ``xiangyun-desk bench`` with the command line (imported by xiangyun_desk.cli)."""

from __future__ import annotations

import argparse

from ..cli import EXTRA_COMMANDS


def add_bench_command(sub: argparse._SubParsersAction) -> None:
    from .options import add_arguments

    p = sub.add_parser("bench", help="benchmarks at N records, each next to its baseline")
    add_arguments(p)
    p.set_defaults(func=_run)


def _run(args) -> int:
    from .runner import run

    return run(args)


if add_bench_command not in EXTRA_COMMANDS:
    EXTRA_COMMANDS.append(add_bench_command)
