"""Where the shipped resources (translations, fonts, icons, the user guide) are.

Found with importlib.resources as the package data folder ``xiangyun_desk/_resources``: a wheel
install carries it (setup.py copies the top-level ``resources/`` there at build time) and so does
a PyInstaller build (installer/xiangyun-desk.spec). A checkout, or an editable install of one,
has no such folder and uses ``resources/`` beside the package instead.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE_DATA = "_resources"


def resources_dir() -> Path:
    """The resources folder as a real path (Qt and ReportLab open the files by name)."""
    packaged = files("xiangyun_desk") / PACKAGE_DATA
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "resources"


def translation_file(lang: str) -> Path:
    return resources_dir() / "translations" / f"xiangyun_{lang}.qm"


def icon_files() -> list[Path]:
    """The application icon as PNG files (16 … 512 pixels), smallest first."""
    files_ = (resources_dir() / "icons").glob("xiangyun-desk-*.png")
    return sorted(files_, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


GUIDE_FILE = "guide/guide.md"


def guide_file() -> Path:
    """The offline user guide (帮助 → 使用说明): Markdown, its screenshots in ``guide/images``."""
    return resources_dir() / GUIDE_FILE
