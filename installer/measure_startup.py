"""Start-up time of a built program: process start -> main window shown (offscreen by default).

    python installer/measure_startup.py PROGRAM [--runs 5] [--records 2000]

PROGRAM is the frozen executable or launcher (e.g. an unpacked .deb's
opt/apps/cn.org.xiangyun.desk/files/bin/xiangyun-desk), or "dev" for ``python -m xiangyun_desk``.
A temporary data directory is set up (``init``, optional ``demo-data``); then each run starts
``PROGRAM --data-dir D self-check --startup-time``, which opens the window exactly as a normal
start does (translations, fonts, database open/migrate check, main window) and quits after the
first paint. Reported per run: wall time from spawning the process to the "window shown" line
(this script's clock), and the program's own figure (the OS's process start time -> shown).
The first run is the cold one (files not yet in the page cache unless they were before).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def command(program: str) -> list[str]:
    if program == "dev":
        return [sys.executable, "-m", "xiangyun_desk"]
    return [str(Path(program).resolve())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", type=int, default=0, help="demo records to add first")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    base = command(args.program)
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, XYD_LANG="zh_CN")
    with tempfile.TemporaryDirectory(prefix="xyd-startup-") as tmp:
        data = ["--data-dir", str(Path(tmp) / "data")]
        setup = ["init", "--role", "station", "--station-code", "03",
                 "--station-name", "云南驿镇职工之家", "--township", "云南驿镇", "--staff", "李红"]
        subprocess.run(base + data + setup, env=env, check=True, stdout=subprocess.DEVNULL)
        if args.records:
            subprocess.run(base + data + ["demo-data", "--records", str(args.records),
                                          "--seed", "1"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        walls, owns = [], []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            proc = subprocess.Popen(base + data + ["self-check", "--startup-time"], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            wall = own = None
            for line in proc.stdout:
                if line.startswith("window shown"):
                    wall = time.perf_counter() - started
                    parts = line.split()
                    own = float(parts[2]) if len(parts) > 2 else None
            code = proc.wait(timeout=120)
            if wall is None or code != 0:
                print(f"run {run}: the window was not shown (exit {code})", file=sys.stderr)
                return 1
            walls.append(wall)
            if own is not None:
                owns.append(own)
            print(f"run {run}: {wall:.3f} s wall (spawn -> window shown)"
                  + (f", {own:.3f} s by the process's own start time" if own is not None else ""))
    warm = walls[1:] or walls
    print(f"start-up ({args.platform}, {args.records} demo records): first run {walls[0]:.2f} s, "
          f"median of the rest {statistics.median(warm):.2f} s, min {min(walls):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
