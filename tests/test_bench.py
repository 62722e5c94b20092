"""The benchmark runs end to end at a small N (not a timed test: it proves the bench works)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from xiangyun_desk.bench.runner import SCENARIOS, format_table, percentile, spread
from xiangyun_desk.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_the_bench_runs_at_a_small_n(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "xiangyun_desk.bench", "--records", "2000", "--repeat", "1",
         "--ledger-rows", "300", "--county-records", "6000", "--dataset", str(tmp_path / "data"),
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in report["scenarios"]}
    assert set(by_name) == set(SCENARIOS)
    for name, scenario in by_name.items():
        assert scenario["status"] in ("ok", "skipped"), (name, scenario["reason"])
        if scenario["status"] == "skipped":
            assert scenario["reason"], name
    assert by_name["demo_data"]["value"]["median"] > 0
    for name in ("startup", "search", "export_bundle", "county_import"):
        if by_name[name]["status"] == "ok":
            assert by_name[name]["baseline"]["median"] > 0 and by_name[name]["ratio"], name
    assert by_name["open_tab"]["extra"]["rows"] == 2000
    assert by_name["search"]["extra"]["keystrokes_per_repetition"] > 10
    assert report["dataset"]["counts"]["visits"] == 2000
    # Issue 15's scenarios: several-word search, sorting, the large county.
    assert by_name["search_words"]["extra"]["keystrokes_per_repetition"] > 5
    assert by_name["sort"]["extra"]["columns"]["visits.name"]["ms"] > 0
    assert by_name["sort"]["extra"]["rows"]["visits"] == 2000
    assert by_name["county_figures"]["extra"]["same_as_recount"] is True
    assert by_name["county_figures"]["extra"]["records"] > 4000  # about 6,000: whole copies
    assert by_name["county_scale_import"]["extra"]["whole_copies_made"] == [0]
    assert by_name["county_start"]["value"]["median"] > 0
    assert "startup" in done.stdout and "ratio" in done.stdout  # the readable table


def test_the_command_line_has_the_bench_subcommand():
    args = build_parser().parse_args(["bench", "--records", "1000000", "--repeat", "3"])
    assert args.records == 1_000_000 and args.repeat == 3 and callable(args.func)


def test_statistics_helpers():
    assert percentile([5, 1, 4, 2, 3], 50) == 3
    assert percentile(list(range(1, 101)), 95) == 95
    assert spread([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    table = format_table({"records": 10, "repeat": 1, "machine": {"python": "3", "sqlite": "3"},
                          "dataset": {}, "scenarios": [{
                              "name": "x", "status": "skipped", "reason": "not landed",
                              "goal": "g", "unit": "s", "value": None, "baseline": None,
                              "ratio": None, "met": None, "extra": {}}]})
    assert "not landed" in table
