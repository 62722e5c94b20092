"""Kill a writing process at random moments: the database must pass its checks and hold every
record whose save was reported done. XYD_CRASH_RUNS=200 runs a longer campaign on demand."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from xiangyun_desk.services.desk import Desk

WRITER = r"""
import sys
from pathlib import Path
from xiangyun_desk.services.desk import Desk
desk = Desk(Path(sys.argv[1]))
i = 0
while True:
    i += 1
    record_id = desk.visits.create({"visited_at": "2026-11-01 09:00", "name": f"测试{i}",
                                    "purpose": "legal", "status": "done",
                                    "summary": "x" * (i % 500)})
    if i % 7 == 0:
        desk.visits.update(record_id, {"visited_at": "2026-11-01 10:00", "name": f"改{i}",
                                       "purpose": "job", "status": "done"})
    print(record_id, flush=True)
"""


def test_records_reported_saved_survive_sigkill(data_dir):
    setup = Desk(data_dir)
    setup.initialize("station", "01", "云南驿镇职工之家")
    setup.close()
    runs = int(os.environ.get("XYD_CRASH_RUNS", "12"))
    rng = random.Random(20261124)
    saved: list[str] = []
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)],
                                stdout=subprocess.PIPE, text=True)
        # Wait for the first saved record (start-up time varies with the machine's load), then
        # kill mid-writing at a random moment.
        first = proc.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        saved += [line for line in [first, *out.splitlines()] if len(line) == 36]
        desk = Desk(data_dir)
        try:
            report = desk.backups.check()
            assert report.ok, report.problems
            stored = set(desk.visits.ids_of(saved))
            assert len(stored) == len(saved), "a record reported saved is missing"
        finally:
            desk.close()
    assert len(saved) > runs  # the writer really wrote between kills
