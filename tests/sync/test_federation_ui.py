"""The province's window: the county window with stations grouped by county, county rows adding
up their stations on 概览, and the import dialog taking relay bundles (转报包)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from federation_helpers import build

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.bundles.relay_export import export_relay

SHOTS = os.environ.get("XYD_FED_SHOTS")  # a folder: save the screenshots there


@pytest.fixture
def province_window(qtbot, tmp_path):
    fed = build(tmp_path, [None] * 4)
    fed.station_round(records=40, seed=7)
    relays = [fed.relay(code) for code in sorted(fed.counties)]
    fed.import_at(fed.prefecture, *relays)
    up = export_relay(fed.prefecture, fed.usb).path
    fed.station_round(records=10, seed=8)  # a second round: the next relay waits in the USB
    fed.import_at(fed.prefecture, *[fed.relay(code) for code in sorted(fed.counties)])
    second = export_relay(fed.prefecture, fed.usb).path
    fed.import_at(fed.province, up)
    data_dir = fed.province.data_dir
    fed.province.close()
    fed.closing.remove(fed.province)
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.resize(1024, 768)
    yield window, second
    fed.close()


def _grab(widget, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_the_province_window_groups_stations_by_county(qtbot, province_window):
    w, second = province_window
    assert w.sync.upper
    stations = w.sync.stations
    codes = [stations.model.item(r, 0).text() for r in range(stations.model.rowCount())]
    assert [c for c, row in zip(codes, stations.rows, strict=True) if row is not None] == [
        "532901-02", "532901-03", "532923-01", "532923-03"]
    headings = [c for c, row in zip(codes, stations.rows, strict=True) if row is None]
    assert len(headings) == 2 and "大理市总工会" in headings[0] and "祥云县总工会" in headings[1]
    stations.table.selectRow(0)  # a heading is not a station
    assert stations.selected_code() is None
    assert stations.import_button.text().replace("&", "") in ("Import relay bundles…",
                                                               "导入转报包(I)…")
    w.tabs.setCurrentWidget(stations)
    _grab(w, "province-stations.png")

    box = w.sync.breakdown
    with qtbot.waitSignal(box.refreshed, timeout=20000):
        box.kind.setCurrentIndex(box.kind.findData("range"))
        box.anchor.setDate(box.anchor.date().addYears(-30))
        box.end.setDate(box.end.date().addYears(3))
    rows = [[box.model.item(r, c).text() for c in range(box.model.columnCount())]
            for r in range(box.model.rowCount())]
    county_rows = [i for i, r in enumerate(rows) if "532923" in r[0] and "-" not in r[0]
                   or "532901" in r[0] and "-" not in r[0]]
    assert len(county_rows) == 2  # one per county, each above its two stations
    for i in county_rows:
        for c, key in enumerate(DEF.STATION_KEYS, start=2):
            m = DEF.BY_KEY[key]
            if not m.additive:
                assert rows[i][c] == "—"
                continue
            below = sum(float(rows[j][c].replace(",", "")) for j in (i + 1, i + 2))
            assert float(rows[i][c].replace(",", "")) == below, key
    w.tabs.setCurrentWidget(w.overview)
    qtbot.wait(200)  # the layout follows the table's new height
    _grab(w, "province-overview.png")
    _grab(box, "province-by-station.png")

    dialog = w.sync.import_bundles()
    assert dialog.relay
    dialog.resize(1024, 700)
    dialog.set_files([second])
    dialog.wait()
    assert [r.status for r in dialog.results] == ["applied"]
    assert "532923-01" in dialog.report.toPlainText()
    dialog.apply()
    dialog.wait()
    assert [r.status for r in dialog.results] == ["applied"] and dialog.applied
    dialog._show_report(0)
    _grab(dialog, "province-import-report.png")
    dialog.reject()


def test_a_county_forwards_from_the_window_and_the_prefecture_confirms_a_held_tier(
        qtbot, tmp_path, monkeypatch):
    """同步 → 向上级导出转报包 at the county; at the prefecture a relay bundle from a county not yet
    enrolled is held and asks for the key card's fingerprint (Enter answers no)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from xiangyun_desk.ui.sync.enrolment import HeldBundleDialog

    fed = build(tmp_path, [None] * 4)
    try:
        fed.station_round(records=10, seed=3)
        county = fed.counties["532923"]
        data_dir = county.data_dir
        county.close()
        fed.closing.remove(county)
        window = build_main_window(data_dir)
        qtbot.addWidget(window)
        out = tmp_path / "stick"
        out.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
        told = []
        monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
        result = window.sync.export_relay()
        assert result is not None and result.counts["items"] == 2
        assert told and "转报包" in told[0] or "relay bundle" in told[0]
        [relay] = list(out.glob("*.xyf"))
        window.close()

        # The prefecture has not enrolled 532923 (its row removed): held, fingerprint to check.
        with fed.prefecture.db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM county_station WHERE code = '532923'")
        other = fed.prefecture.data_dir
        fed.prefecture.close()
        fed.closing.remove(fed.prefecture)
        pref = build_main_window(other)
        qtbot.addWidget(pref)
        dialog = pref.sync.import_bundles()
        dialog.set_files([relay])
        dialog.wait()
        assert [r.status for r in dialog.results] == ["held"]
        held = HeldBundleDialog(dialog.results[0], dialog)
        qtbot.addWidget(held)
        from PySide6.QtWidgets import QLabel

        texts = " ".join(label.text() for label in held.findChildren(QLabel))
        assert dialog.results[0].fingerprint.replace(" ", "") in texts.replace(" ", "")
        assert "转报包" in texts or "Relay bundle" in texts
        _grab(held, "prefecture-held-relay.png")
        held.reject()
        dialog.reject()
    finally:
        fed.close()
