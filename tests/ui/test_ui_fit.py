"""The window and every dialog fit a 1024×768 screen (issue 11).

- Every dialog reachable from the menus and tabs of a station and of the county (the list in
  dialog_catalog.py, which fails when a new dialog class is not listed) can be as small as
  1000×740 px at 96 dpi, and opens no larger than that.
- The main windows (station, county) can be as small as that too.
- The first start (no saved geometry) on a 1024×768 screen fills the screen without spilling
  over it; on a large screen it opens at a comfortable size, not a tiny one.
- With the English translation no column header of a register is cut.

Set XYD_FIT_SHOTS=DIR to save a PNG of every dialog for looking at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import dialog_catalog as C
import pytest
from PySide6.QtWidgets import QApplication, QTableView

MAX_W, MAX_H = 1000, 740  # a 1024×768 screen less the window frame and a taskbar
SHOTS = os.environ.get("XYD_FIT_SHOTS")


def _too_big(size) -> bool:
    return size.width() > MAX_W or size.height() > MAX_H


def check(name: str, widget) -> list[str]:
    """What does not fit about ``widget`` (shown), as readable lines."""
    QApplication.processEvents()
    problems = []
    hint = widget.minimumSizeHint()
    minimum = widget.minimumSize()
    if _too_big(hint):
        problems.append(f"{name}: minimumSizeHint {hint.width()}×{hint.height()}")
    if _too_big(minimum):
        problems.append(f"{name}: minimumSize {minimum.width()}×{minimum.height()}")
    if _too_big(widget.size()):
        problems.append(f"{name}: opens at {widget.width()}×{widget.height()}")
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name.replace(':', '-')}.png"))
    return problems


def check_window(name: str, window) -> list[str]:
    """The main window with each of its tabs in front (the minimum follows the tab shown)."""
    problems = []
    window.showNormal()  # (the first start maximises the window on the small offscreen screen)
    window.resize(MAX_W, MAX_H - 40)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        problems += check(f"{name}:tab{index}", window)
    return problems


def test_every_dialog_class_is_listed():
    found = C.dialog_classes_in_package()
    assert C.missing_classes() == set(), \
        "a new dialog class: add it to tests/ui/dialog_catalog.py (DIALOG_CLASSES and dialogs)"
    assert C.DIALOG_CLASSES - found == set(), "listed dialog classes that no longer exist"


@pytest.fixture
def station(tmp_path, monkeypatch):
    C.fast_hasher(monkeypatch)
    return C.make_station(tmp_path / "station")


@pytest.fixture
def county(tmp_path):
    return C.make_county(tmp_path / "county")


def test_station_window_and_dialogs_fit(qtbot, station, tmp_path):
    window = C.open_window(qtbot, station, "zhanzhang")
    seen, problems = set(), []
    try:
        problems += check_window("MainWindow:station", window)
        for name, dialog in C.station_dialogs(window, tmp_path):
            seen.add(type(dialog).__name__)
            dialog.show()
            problems += check(name, dialog)
            dialog.close()
    finally:
        fresh = getattr(window, "_fit_test_fresh", None)
        C.close_window(window)
        if fresh is not None:
            fresh.close()
    assert problems == [], "\n".join(problems)
    assert len(seen) >= 18


def test_county_window_and_dialogs_fit(qtbot, county):
    window = C.open_window(qtbot, county)
    problems = []
    try:
        problems += check_window("MainWindow:county", window)
        for name, dialog in C.county_dialogs(window):
            dialog.show()
            problems += check(name, dialog)
            dialog.close()
    finally:
        C.close_window(window)
    assert problems == [], "\n".join(problems)


def test_the_catalog_reaches_every_listed_class(qtbot, station, county, tmp_path):
    """Together the station's and the county's dialogs cover DIALOG_CLASSES."""
    seen = set()
    for path, user, make in ((station, "zhanzhang", lambda w: C.station_dialogs(w, tmp_path)),
                             (county, None, C.county_dialogs)):
        window = C.open_window(qtbot, path, user)
        try:
            for _name, dialog in make(window):
                seen.add(type(dialog).__name__)
                dialog.close()
        finally:
            fresh = getattr(window, "_fit_test_fresh", None)
            C.close_window(window)
            if fresh is not None:
                fresh.close()
    assert C.DIALOG_CLASSES - seen == set()


# ---- the first start on a small and on a large screen (own process: its own screen) -------------

_FIRST_START = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from xiangyun_desk.app import build_main_window
app = QApplication(sys.argv)
window = build_main_window(sys.argv[1])
window.show()
app.processEvents()
free = window.screen().availableGeometry()
frame = window.frameGeometry()
print(json.dumps({"free": [free.x(), free.y(), free.width(), free.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "size": [window.width(), window.height()],
                  "maximized": window.isMaximized()}))
if len(sys.argv) > 2:
    window.grab().save(sys.argv[2])
window.close()
window.desk.close()
"""


def first_start(data_dir: Path, tmp_path: Path, width: int, height: int) -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    script = tmp_path / "first_start.py"
    script.write_text(_FIRST_START, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    args = [sys.executable, str(script), str(data_dir)]
    if SHOTS:
        args.append(str(Path(SHOTS) / f"first-start-{width}x{height}.png"))
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _within(frame, free) -> bool:
    x, y, w, h = frame
    fx, fy, fw, fh = free
    return x >= fx and y >= fy and x + w <= fx + fw and y + h <= fy + fh


def test_first_start_fills_a_small_screen(tmp_path):
    data_dir = C.make_county(tmp_path / "county")  # no accounts: a trusted session
    got = first_start(data_dir, tmp_path, 1024, 768)
    assert _within(got["frame"], got["free"]), got
    # Fills it: maximised, the whole of the free area.
    assert got["maximized"], got
    assert got["frame"] == got["free"], got


def test_first_start_on_a_large_screen_is_comfortable(tmp_path):
    data_dir = C.make_county(tmp_path / "county")
    got = first_start(data_dir, tmp_path, 1920, 1080)
    assert _within(got["frame"], got["free"]), got
    assert not got["maximized"] and got["size"][0] >= 1100 and got["size"][1] >= 700, got


# ---- English: the window fits and column headers are not cut -----------------------------------


def cut_headers(name: str, widget) -> list[str]:
    """Column headings of the tables shown in ``widget`` that are narrower than their text
    (the last section stretches and is left out)."""
    cut = []
    for table in widget.findChildren(QTableView):
        if not table.isVisibleTo(widget) or table.model() is None:
            continue
        header = table.horizontalHeader()
        for section in range(header.count()):
            if header.isSectionHidden(section) or \
                    section == header.count() - 1 and header.stretchLastSection():
                continue
            text = str(table.model().headerData(section, header.orientation()) or "")
            # Qt's own measure of the heading: its lines, the margins, the sort arrow.
            needed = header.sectionSizeHint(section)
            if header.sectionSize(section) < needed:
                cut.append(f"{name}/{table.objectName()}: {text!r} "
                           f"{header.sectionSize(section)} < {needed}")
    return cut


@pytest.mark.parametrize("role", ["station", "county"])
def test_english_window_fits_and_column_headers_are_not_cut(qtbot, tmp_path, role):
    from xiangyun_desk.ui.i18n import install_translators
    from xiangyun_desk.ui.settings import ui_settings

    data_dir = C.make_county(tmp_path / "county") if role == "county" else \
        C.make_station(tmp_path / "station", records=60)
    settings = ui_settings(data_dir)
    settings.setValue("language", "en")
    settings.sync()
    window = C.open_window(qtbot, data_dir)
    cut = []
    try:
        assert window.tabs.tabText(0) == "Overview"  # the English build
        # (English words are longer: the window still fits a 1024×768 screen.)
        assert check_window(f"MainWindow:english:{role}", window) == []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            cut += cut_headers(window.tabs.tabText(index), window.tabs.widget(index))
    finally:
        C.close_window(window)
        install_translators(QApplication.instance(), "zh_CN")  # the next tests: Chinese
    assert cut == [], "\n".join(cut)


def test_english_dialogs_fit(qtbot, station, tmp_path):
    """English words are longer: every station dialog still fits in English, and the column
    headings of its tables are not cut."""
    from xiangyun_desk.ui.i18n import install_translators
    from xiangyun_desk.ui.settings import ui_settings

    settings = ui_settings(station)
    settings.setValue("language", "en")
    settings.sync()
    window = C.open_window(qtbot, station, "zhanzhang")
    problems = []
    try:
        assert window.tabs.tabText(1) == "Visitor log"
        for name, dialog in C.station_dialogs(window, tmp_path):
            dialog.show()
            problems += check(f"en-{name}", dialog)
            problems += cut_headers(f"en-{name}", dialog)
            dialog.close()
    finally:
        fresh = getattr(window, "_fit_test_fresh", None)
        C.close_window(window)
        if fresh is not None:
            fresh.close()
        install_translators(QApplication.instance(), "zh_CN")
    assert problems == [], "\n".join(problems)
