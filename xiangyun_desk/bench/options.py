"""The bench's command-line options (kept apart so that building the program's parser at every
start does not import the benchmark itself)."""

from __future__ import annotations

import argparse

DEFAULT_RECORDS = 100_000
DEFAULT_REPEAT = 5
SCENARIOS = ("demo_data", "startup", "search", "open_tab", "memory", "export_bundle",
             "county_import", "ledger_pdf")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--records", type=int, default=DEFAULT_RECORDS,
                   help=f"records in the data set (default {DEFAULT_RECORDS:,})")
    p.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                   help=f"repetitions of each timing (default {DEFAULT_REPEAT})")
    p.add_argument("--json", dest="json_file", metavar="FILE", help="also write results as JSON")
    p.add_argument("--dataset", metavar="DIR",
                   help="keep the data set in DIR and reuse it when it already holds N records "
                        "(default: a temporary folder, removed afterwards)")
    p.add_argument("--ledger-rows", type=int, default=10_000, metavar="ROWS",
                   help="rows of the ledger PDF scenario (default 10,000)")
    p.add_argument("--only", metavar="NAMES",
                   help="comma-separated scenarios to run: " + ", ".join(SCENARIOS))
