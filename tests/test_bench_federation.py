"""The federation bench scenario at a small N (xiangyun_desk/bench/federation.py): every record
arrives at the province, and the figures are measured (no timing is asserted: docs/performance.md
keeps the measured ratios)."""

from __future__ import annotations

from xiangyun_desk.bench import federation


def test_the_federation_scenario_runs_at_a_small_n(tmp_path, db_url):
    report = federation.run(tmp_path, stations=4, records=60, counties=2, server_url=None
                            if db_url is None else db_url, log=lambda _t: None)
    assert report["stations"] == 4
    assert report["arrived"] == report["rows"] > 0
    assert report["relay_s"] > 0 and report["baseline_s"] > 0 and report["figures_s"] >= 0
