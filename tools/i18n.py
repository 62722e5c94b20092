"""Translation workflow: ``python tools/i18n.py update`` extracts the strings (pyside6-lupdate)
into resources/translations/xiangyun_zh_CN.ts; translators fill the .ts (Qt Linguist or any
editor); ``python tools/i18n.py release`` compiles the .qm that the program loads."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "xiangyun_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running environment."""
    candidates = [Path(sys.executable).parent / name, shutil.which(name)]
    for c in candidates:
        if c and Path(c).exists():
            return str(c)
    raise SystemExit(f"{name} not found: install PySide6-Essentials")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "xiangyun_desk").rglob("*.py"))


def update(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True,
                   capture_output=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "all"
    if command in ("update", "all"):
        update()
    if command in ("release", "all"):
        release()
