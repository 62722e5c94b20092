"""Where the shipped resources (translations, fonts, icons) are, in a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside a PyInstaller build."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates += [Path(__file__).resolve().parent.parent / "resources",
                   Path(sys.prefix) / "share" / "xiangyun-desk" / "resources"]
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]


def translation_file(lang: str) -> Path:
    return resources_dir() / "translations" / f"xiangyun_{lang}.qm"


def icon_files() -> list[Path]:
    """The application icon as PNG files (16 … 512 pixels), smallest first."""
    files = (resources_dir() / "icons").glob("xiangyun-desk-*.png")
    return sorted(files, key=lambda p: int(p.stem.rsplit("-", 1)[1]))
