"""Enrolment in the window: the station shows its fingerprint, the county keeps its list of
stations and confirms fingerprints (站点), the import dialog asks before applying a held bundle.
Screens are grabbed to PNG (XYD_SHOTS=folder keeps them for a look)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bundle_helpers import add_visit, snapshot, station_fp
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.stations import StationRegistry

pytest.importorskip("pytestqt")


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("XYD_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    image = widget.grab().toImage()
    assert not image.isNull() and image.save(str(path))
    return path


@pytest.fixture
def county_window(qtbot, county):
    data_dir = county.data_dir
    county.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()  # the first start maximises on the small (800 x 800) offscreen screen
    window.resize(1024, 768)
    return window


def test_the_station_shows_its_key_fingerprint(qtbot, station, tmp_path):
    data_dir = station.data_dir
    expected = station_fp(station)
    station.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    dialog = window.sync.station_key()
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "fingerprint")
    assert label.text() == expected == dialog.fingerprint
    assert len(expected.split()) == 5
    shot(dialog, "station-key", tmp_path)


def test_the_county_adds_edits_and_confirms_stations_in_the_stations_tab(
        qtbot, county_window, make_station, usb, tmp_path):
    w = county_window
    tab = w.sync.stations
    w.tabs.setCurrentWidget(tab)
    assert tab.add_button.isVisible() and tab.key_button.isVisible()
    station = make_station("04", "禾甸镇职工之家", enrolled=False)

    from xiangyun_desk.ui.sync.enrolment import ConfirmKeyDialog, StationDialog

    add = StationDialog(w.desk, None, tab)
    qtbot.addWidget(add)
    add.code.setText("04")
    add.name.setText("禾甸镇职工之家")
    add.township.setText("禾甸镇")
    add.fingerprint.setText("12")  # not a fingerprint: refused with the reason, nothing saved
    add.show()
    shot(add, "station-add", tmp_path)
    add.save()
    assert add.result() != QDialog.DialogCode.Accepted and "20" in add.error.text()
    assert StationRegistry(w.desk).station("04") is None
    add.fingerprint.setText("")
    add.save()
    assert add.result() == QDialog.DialogCode.Accepted
    tab.refresh()
    assert tab.model.item(0, 0).text() == "04" and tab.model.item(0, 2).text() == "禾甸镇"

    edit = StationDialog(w.desk, StationRegistry(w.desk).station("04"), tab)
    qtbot.addWidget(edit)
    assert edit.code.isReadOnly()
    edit.monthly.setChecked(False)
    edit.save()
    assert not StationRegistry(w.desk).station("04").monthly_expected

    # Its first bundle waits: the tab shows the key it brought, to check by phone.
    add_visit(station, "张三")
    assert B.import_bundle(w.desk, B.export_bundle(station, usb).path).status == "held"
    tab.refresh()
    assert tab.model.item(0, 5).text() == station_fp(station)
    assert "1" in tab.note.text()
    tab.table.selectRow(0)
    assert tab.selected_code() == "04"
    w.tabs.setCurrentWidget(tab)
    shot(w, "stations-tab-held", tmp_path)
    confirm = ConfirmKeyDialog(w.desk, StationRegistry(w.desk).station("04"), tab)
    qtbot.addWidget(confirm)
    confirm.show()
    shot(confirm, "confirm-key", tmp_path)
    assert confirm.input.text() == station_fp(station)
    confirm.findChild(QPushButton, "confirm").click()
    assert confirm.result() == QDialog.DialogCode.Accepted
    assert StationRegistry(w.desk).station("04").key_state == "confirmed"
    assert B.import_bundle(w.desk, B.export_bundle(station, usb).path).status == "applied"


def test_staff_do_not_see_the_registry_buttons(qtbot, county, tmp_path):
    from test_sync_permissions import make_people

    people = make_people(county)
    data_dir = county.data_dir
    county.close()
    window = build_main_window(data_dir, user=people["staff"])
    qtbot.addWidget(window)
    tab = window.sync.stations
    assert not tab.add_button.isVisibleTo(window)
    assert not tab.key_button.isVisibleTo(window)


def _click_when_shown(qtbot, name: str, seen: list):
    """Click the button ``name`` of the next modal dialog (the held-bundle question)."""
    def click():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, click)
            return
        seen.append(dialog)
        shot(dialog, "held-bundle", Path(os.environ.get("XYD_SHOTS_TMP", "/tmp")))
        dialog.findChild(QPushButton, name).click()

    QTimer.singleShot(50, click)


def test_the_import_dialog_shows_a_held_bundle_and_applies_it_only_when_confirmed(
        qtbot, county_window, make_station, usb, tmp_path, monkeypatch):
    monkeypatch.setenv("XYD_SHOTS_TMP", str(tmp_path))
    w = county_window
    stranger = make_station("08", "新来的站", enrolled=False)
    add_visit(stranger, "王五")
    path = B.export_bundle(stranger, usb).path
    dialog = w.sync.import_bundles()
    qtbot.addWidget(dialog)
    dialog.set_files([path])
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.summary.rowCount() == 1, timeout=20000)
    assert dialog.results[0].held and dialog.apply_button.isEnabled()
    assert station_fp(stranger) in dialog.report.toPlainText()
    dialog.resize(1000, 640)
    shot(dialog, "import-held", tmp_path)
    # Not confirmed: nothing is applied, the bundle stays held.
    seen: list = []
    _click_when_shown(qtbot, "not_confirmed", seen)
    dialog.apply_button.click()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.applied, timeout=20000)
    assert seen and dialog.results[0].held and snapshot(w.desk, "08") == {}
    # Again, confirmed after the phone call: applied, the key confirmed and recorded.
    dialog.set_files([path])
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.results and dialog.results[0].dry_run, timeout=20000)
    shown: list = []
    _click_when_shown(qtbot, "confirm", shown)
    dialog.apply_button.click()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.applied, timeout=20000)
    assert shown and dialog.results[0].status == "applied" and dialog.results[0].key_confirmed
    assert snapshot(w.desk, "08") == snapshot(stranger)
    assert StationRegistry(w.desk).station("08").key_state == "confirmed"
    (entry,) = w.desk.audit.entries(AuditFilter(action="station_key"))
    assert entry.detail["via"] == "bundle" and entry.detail["fingerprint"] == station_fp(stranger)
    held_dialog = dialog.held_dialog
    assert held_dialog.findChild(QPushButton, "not_confirmed").isDefault()  # Enter: not confirmed
