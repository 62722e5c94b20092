"""Make sure Chinese shows on any machine: register the bundled CJK font when the system has none."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resources_dir

BUNDLED_FONT = "fonts/wqy-microhei.ttc"
_SAMPLE = "职工之家"


def _system_has_cjk() -> bool:
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if QFontDatabase.isPrivateFamily(family):
            continue
        return True
    return False


def ensure_cjk_font(app: QApplication) -> str | None:
    """Register the bundled font if needed and make it the application font; returns its family."""
    if _system_has_cjk():
        return None
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / BUNDLED_FONT))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]
