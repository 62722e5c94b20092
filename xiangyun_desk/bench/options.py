"""The bench's command-line options (kept apart so that building the program's parser at every
start does not import the benchmark itself)."""

from __future__ import annotations

import argparse

DEFAULT_RECORDS = 100_000
DEFAULT_REPEAT = 5
SCENARIOS = ("demo_data", "startup", "search", "search_words", "sort", "open_tab", "memory",
             "export_bundle", "county_import", "ledger_pdf", "county_start",
             "county_scale_import", "county_figures")


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
    p.add_argument("--county-records", type=int, metavar="N",
                   help="records of the large county of the county_* scenarios (default 10 × "
                        "--records), copied from the data set (bench/scale.py)")
    p.add_argument("--county", metavar="DIR",
                   help="the large county's folder (default: beside the data set, DIR-county); "
                        "reused, and grown when it holds fewer records")
    p.add_argument("--county-minutes", type=float, metavar="M",
                   help="stop growing the large county after M minutes and measure it as it is")
    p.add_argument("--only", metavar="NAMES",
                   help="comma-separated scenarios to run: " + ", ".join(SCENARIOS))
