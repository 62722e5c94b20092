"""``xiangyun-desk bench``: the benchmark's subcommand (registered by :mod:`xiangyun_desk.cli`)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from .options import add_arguments

    p = sub.add_parser("bench", help="benchmarks at N records, each next to its baseline")
    add_arguments(p)
    p.set_defaults(func=_run)


def _run(args) -> int:
    from .runner import run

    return run(args)
