"""The 同步 menu and the county window, driven through real widgets (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundle_helpers import add_records, add_visit, enrol
from PySide6.QtCore import Qt

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.desk import Desk

pytest.importorskip("pytestqt")


@pytest.fixture
def station_files(tmp_path, county, card):
    """Three stations' bundles on a 'USB stick' (and the station data directories); the county
    enrolled them by the fingerprints they read out."""
    usb = tmp_path / "stick"
    usb.mkdir()
    files, dirs = [], {}
    for code, name in (("01", "云南驿镇职工之家"), ("02", "下庄镇职工之家"), ("03", "刘厂镇职工之家")):
        desk = Desk(tmp_path / f"s{code}")
        desk.initialize("station", code, name, "", ["李红"])
        B.load_county_card(desk, card)
        enrol(county, desk)
        add_records(desk, 60, seed=int(code))
        files.append(B.export_bundle(desk, usb).path)
        dirs[code] = desk.data_dir
        desk.close()
    return usb, files, dirs


@pytest.fixture
def county_window(qtbot, county):
    data_dir = county.data_dir
    county.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def station_window(qtbot, station):
    data_dir = station.data_dir
    add_visit(station, "张三")
    station.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    return window


def test_station_exports_from_the_sync_menu_off_the_gui_thread(qtbot, station_window, tmp_path,
                                                               monkeypatch):
    menu = station_window.sync.menu
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["sync_export", "sync_export_history", "sync_key_card", "sync_station_key",
                     "sync_reference"]
    dialog = station_window.sync.export_bundle()
    qtbot.addWidget(dialog)
    assert dialog.summary.text()  # what goes in, before anything is written
    visits = [dialog.contents.item(r, 1).text() for r in range(dialog.contents.rowCount())]
    assert "1" in visits
    usb = tmp_path / "u盘"
    usb.mkdir()
    dialog.folder.setText(str(usb))
    import threading
    seen = {}
    real = B.export_bundle

    def spy(*args, **kwargs):
        seen["thread"] = threading.current_thread()
        return real(*args, **kwargs)

    monkeypatch.setattr(B, "export_bundle", spy)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert seen["thread"] is not threading.main_thread()
    assert dialog.result.path.parent == usb and dialog.result.path.exists()
    assert str(dialog.result.path) in dialog.message.text()
    history = station_window.sync.export_history()
    qtbot.addWidget(history)
    assert history.model.rowCount() == 1
    assert history.model.item(0, 0).text() == "1"


def test_export_to_a_missing_folder_says_so_and_writes_nothing(qtbot, station_window, tmp_path):
    dialog = station_window.sync.export_bundle()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "nowhere"))
    dialog.export_button.click()
    assert dialog.result is None and dialog.message.text()
    assert B.export_history(station_window.desk) == []


def test_county_window_imports_after_showing_the_dry_run(qtbot, county_window, station_files):
    usb, files, dirs = station_files
    w = county_window
    tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert w.tabs.widget(1) is w.sync.stations and len(tabs) == 7
    w.sync.stations.refresh()
    assert w.sync.stations.model.rowCount() == 3  # enrolled, nothing received yet
    assert {w.sync.stations.model.item(r, 6).text() for r in range(3)} == {"—"}
    junk = usb / "坏.xyb"
    junk.write_bytes(b"PK junk")
    dialog = w.sync.import_bundles()
    qtbot.addWidget(dialog)
    dialog.set_files(files + [junk])
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.summary.rowCount() == 4, timeout=20000)
    assert dialog.apply_button.isEnabled()
    assert [r.status for r in dialog.results] == ["applied"] * 3 + ["rejected"]
    assert all(r.dry_run for r in dialog.results)
    assert "坏.xyb" in dialog.report.toPlainText()
    assert w.desk.visits.count() == 0  # a dry run changes nothing
    dialog.apply_button.click()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.applied, timeout=20000)
    assert not any(r.dry_run for r in dialog.results)
    assert w.sync.stations.model.rowCount() == 3
    assert [w.sync.stations.model.item(r, 0).text() for r in range(3)] == ["01", "02", "03"]
    # registers: read-only, a station column and a station filter
    title, visits = w.sync.county_tabs[0]
    assert visits.model.columns[0].key == "station_code"
    total = visits.model.rowCount()
    counts = []
    for d in dirs.values():
        with _opened(d) as desk:
            counts.append(desk.visits.count())
    assert total == sum(counts)
    visits.station.setCurrentIndex(visits.station.findData("02"))
    with _opened(dirs["02"]) as d2:
        assert visits.model.rowCount() == d2.visits.count()
    first = visits.model.index(0, 0).data()
    assert first == "下庄镇职工之家"
    assert not hasattr(visits, "act_new")
    # overview: county totals and a per-station table (3 stations and the totals row)
    box = w.sync.breakdown
    with qtbot.waitSignal(box.refreshed, timeout=20000):
        box.refresh()
    assert box.model.rowCount() == 4
    history = w.sync.import_history()
    qtbot.addWidget(history)
    assert history.model.rowCount() == 4
    history.table.selectRow(0)
    assert history.detail.toPlainText()


class _opened:
    def __init__(self, path):
        self.desk = Desk(path)

    def __enter__(self):
        return self.desk

    def __exit__(self, *exc):
        self.desk.close()


def test_county_sees_gaps_and_lateness_in_the_stations_tab(qtbot, county_window, card, tmp_path):
    desk = Desk(tmp_path / "late")
    desk.initialize("station", "07", "禾甸镇职工之家")
    B.load_county_card(desk, card)
    enrol(county_window.desk, desk)
    usb = tmp_path / "usb7"
    usb.mkdir()
    import datetime as dt
    paths = []
    for i in range(3):
        add_visit(desk, f"人{i}")
        paths.append(B.export_bundle(desk, usb, now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC)).path)
    desk.close()
    B.BundleImporter(county_window.desk).import_files([paths[0], paths[2]])
    tab = county_window.sync.stations
    tab.refresh()
    model = tab.model
    headers = [model.horizontalHeaderItem(c).text() for c in range(model.columnCount())]
    row = {headers[c]: model.item(0, c).text() for c in range(model.columnCount())}
    assert row[headers[6]] == "3" and row[headers[8]] == "2"  # last bundle, missing No. 2
    assert int(row[headers[9]]) > 0  # days late


def test_screenshots_of_the_dialogs(qtbot, county_window, station_files, tmp_path):
    out = Path(tmp_path / "shots")
    out.mkdir()
    dialog = county_window.sync.import_bundles()
    qtbot.addWidget(dialog)
    dialog.set_files(station_files[1])
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.summary.rowCount() == 3, timeout=20000)
    dialog.resize(1000, 640)
    image = dialog.grab().toImage()
    assert not image.isNull() and image.width() >= 900
    assert image.save(str(out / "import.png"))
