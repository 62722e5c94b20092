"""Per-installation UI settings (window geometry, column widths, last tab, language) in an ini
file inside the data directory, so tests and portable installs stay self-contained."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def ui_settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / "ui-settings.ini"), QSettings.Format.IniFormat)
