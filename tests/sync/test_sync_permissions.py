"""Sync bundles through the accounts/audit layer: who may export, import, publish, load keys and
re-enrol (refused in the services themselves), and what the audit log keeps about each."""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from argon2 import PasswordHasher
from bundle_helpers import add_records, add_visit, data_fingerprint
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from xiangyun_desk.app import build_main_window
from xiangyun_desk.cli import main as cli_main
from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.permissions import SYSTEM, Perm, PermissionDenied
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.county import CountyService
from xiangyun_desk.storage.sync_models import BundleExport, BundleImport, ReferenceImport

PASSWORD = "geheim-123"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def make_people(desk):
    """Station head, staff member and viewer of ``desk``; the desk stays the trusted system."""
    admin, _code = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.accounts.create_account("zhidu", "赵敏", "viewer", PASSWORD)
    return {"admin": admin, "staff": desk.accounts.principal("gongzuo"),
            "viewer": desk.accounts.principal("zhidu")}


@contextmanager
def acting(desk, principal):
    before = desk.session.user
    desk.session.user = principal
    try:
        yield desk
    finally:
        desk.session.user = before


def entries(desk, action):
    """The audit entries of ``action``, oldest first (read as the trusted system)."""
    with acting(desk, SYSTEM):
        return list(reversed(desk.audit.entries(AuditFilter(action=action))))


def count(desk, model):
    with desk.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


# ---- station: export ---------------------------------------------------------------------------

def test_a_viewer_cannot_export_and_nothing_is_written(station, usb):
    people = make_people(station)
    add_visit(station)
    with acting(station, people["viewer"]):
        assert B.preview_export(station).counts["visit"] == 1  # reading what would go: allowed
        with pytest.raises(PermissionDenied) as refused:
            B.export_bundle(station, usb)
        assert "export" in refused.value.message.render()
    assert list(usb.iterdir()) == []
    assert count(station, BundleExport) == 0
    assert entries(station, "export") == []


def test_nobody_signed_in_may_not_even_read_the_history(station, usb):
    station.session.user = None
    for call in (lambda: B.export_history(station), lambda: B.preview_export(station),
                 lambda: B.export_bundle(station, usb)):
        with pytest.raises(PermissionDenied):
            call()


def test_staff_export_is_recorded_with_number_range_and_counts(station, usb):
    people = make_people(station)
    add_records(station, 30)
    with acting(station, people["staff"]):
        first = B.export_bundle(station, usb)
        add_visit(station, "李四")
        second = B.export_bundle(station, usb)
    found = entries(station, "export")
    assert len(found) == 2
    for entry, result in zip(found, (first, second), strict=True):
        assert entry.actor_id == people["staff"].id and entry.actor_role == "staff"
        d = entry.detail
        assert d["bundle"] == "sync" and d["file"] == result.path.name
        assert d["bundle_seq"] == result.seq and d["kind"] == "incremental"
        assert d["change_seq"] == [result.from_seq, result.to_seq]
        assert d["records"] == result.total
        assert d["counts"] == {B.format.REGISTER_OF[t]: n for t, n in result.counts.items() if n}
    assert found[1].detail["change_seq"][0] == found[0].detail["change_seq"][1]
    assert found[1].detail["counts"] == {"visits": 1}
    assert "李四" not in json.dumps([e.detail for e in found], ensure_ascii=False)


# ---- county: import ----------------------------------------------------------------------------

@pytest.fixture
def bundles(make_station, usb):
    """Two bundles of station 01 and one of station 02."""
    a, b = make_station("01"), make_station("02")
    add_records(a, 20, seed=1)
    add_records(b, 20, seed=2)
    one = B.export_bundle(a, usb).path
    add_visit(a, "李四")
    two = B.export_bundle(a, usb).path
    three = B.export_bundle(b, usb).path
    return one, two, three


def test_a_viewer_cannot_import_nor_dry_run(county, bundles):
    people = make_people(county)
    before = data_fingerprint(county)
    with acting(county, people["viewer"]):
        for dry_run in (True, False):
            with pytest.raises(PermissionDenied):
                B.BundleImporter(county).import_files(list(bundles), dry_run=dry_run)
        with pytest.raises(PermissionDenied):
            B.import_bundle(county, bundles[0])
        assert all(r.last_seq is None for r in CountyService(county).stations())  # may read
        assert B.import_history(county) == []
    assert data_fingerprint(county) == before
    assert count(county, BundleImport) == 0
    assert entries(county, "import") == []


def test_one_audit_entry_per_imported_bundle_with_status_and_counts(county, bundles, usb):
    people = make_people(county)
    junk = usb / "junk.xyb"
    junk.write_bytes(b"not a bundle at all")
    with acting(county, people["staff"]):
        dry = B.BundleImporter(county).import_files(list(bundles), dry_run=True)
        assert entries(county, "import") == []  # a dry run changes nothing and is not recorded
        results = B.BundleImporter(county).import_files([*bundles, junk])
        again = B.import_bundle(county, bundles[0])
    assert [r.status for r in dry] == ["applied"] * 3
    assert [r.status for r in results] == ["applied", "applied", "applied", "rejected"]
    assert again.status == "duplicate"
    found = entries(county, "import")
    assert len(found) == 5
    assert all(e.actor_id == people["staff"].id for e in found)
    by_file = {}
    for e in found:
        by_file.setdefault(e.detail["file"], []).append(e.detail)
    for result in results[:3]:
        d = by_file[result.file][0]
        assert d["bundle"] == "sync" and d["status"] == "applied"
        assert d["station"] == result.station_code and d["bundle_seq"] == result.bundle_seq
        assert d["change_seq"] == list(result.change_seq) and d["kind"] == "incremental"
        totals = {k: sum(c[k] for c in result.counts.values()) for k in B.format.COUNT_KEYS}
        assert {k: d[k] for k in B.format.COUNT_KEYS} == totals
        assert d["counts"]["visits"]["new"] == result.counts["visit"]["new"]
    assert by_file[bundles[0].name][0]["fingerprint"] == results[0].fingerprint
    assert by_file[bundles[0].name][1]["status"] == "duplicate"
    refused = by_file["junk.xyb"][0]
    assert refused["status"] == "rejected" and refused["reason_code"]
    assert refused["reason"]  # the program's own reason, in the source language
    assert "new" not in refused
    assert "李四" not in json.dumps([e.detail for e in found], ensure_ascii=False)
    # the import history and the audit log tell the same story
    assert count(county, BundleImport) == 5


def test_a_rolled_back_import_leaves_no_applied_entry_only_the_refusal(county, bundles,
                                                                      monkeypatch):
    """The entry is written inside the bundle's transaction: when the import fails after it,
    records and entry go back together, and the refusal is recorded on its own."""
    before = data_fingerprint(county)
    real = county.audit.record
    calls = []

    def record_then_fail(action, *args, **kwargs):
        entry = real(action, *args, **kwargs)
        calls.append(kwargs.get("s") is not None)
        if action == "import" and len(calls) == 1:
            raise RuntimeError("the disk went away")
        return entry

    monkeypatch.setattr(county.audit, "record", record_then_fail)
    result = B.import_bundle(county, bundles[0])
    assert result.status == "rejected" and result.reason_code == "error"
    assert calls == [True, True]  # both inside a transaction
    assert data_fingerprint(county) == before  # nothing of the bundle stayed
    found = entries(county, "import")
    assert [e.detail["status"] for e in found] == ["rejected"]
    assert found[0].detail["reason_code"] == "error"
    assert "reason" not in found[0].detail  # an unexpected error's text is not kept
    assert found[0].actor_id == "system"


def test_refused_imports_are_recorded_with_the_reason(county, usb):
    foreign = usb / "foreign.xyb"
    foreign.write_bytes(b"PK\x03\x04 truncated")
    result = B.import_bundle(county, foreign)
    assert result.status == "rejected"
    (entry,) = entries(county, "import")
    assert entry.detail["status"] == "rejected"
    assert entry.detail["reason_code"] == result.reason_code
    assert entry.detail["reason"] == result.reason.render()


# ---- reference bundles ---------------------------------------------------------------------------

def test_reference_publish_and_import_need_permissions_and_are_recorded(county, station, usb):
    county_people = make_people(county)
    station_people = make_people(station)
    with acting(county, county_people["viewer"]):
        with pytest.raises(PermissionDenied):
            B.publish_reference(county, usb)
    assert list(usb.iterdir()) == []
    with acting(county, county_people["staff"]):
        published = B.publish_reference(county, usb)
    (export,) = entries(county, "export")
    assert export.actor_id == county_people["staff"].id
    assert export.detail["bundle"] == "reference"
    assert export.detail["reference_seq"] == published.seq == 1
    assert export.detail["counts"] == published.counts
    assert export.detail["file"] == published.path.name

    with acting(station, station_people["viewer"]):
        for dry_run in (True, False):
            with pytest.raises(PermissionDenied):
                B.import_reference(station, published.path, dry_run=dry_run)
        assert B.reference_history(station) == []
    with acting(station, station_people["staff"]):
        assert B.import_reference(station, published.path, dry_run=True).status == "applied"
        assert entries(station, "import") == []
        applied = B.import_reference(station, published.path)
        again = B.import_reference(station, published.path)
    assert (applied.status, again.status) == ("applied", "duplicate")
    first, second = entries(station, "import")
    assert first.detail["bundle"] == "reference" and first.detail["status"] == "applied"
    assert first.detail["reference_seq"] == 1
    assert first.detail["counts"]["code_lists"] == {
        k: v for k, v in applied.counts["code_item"].items() if v}
    assert second.detail["status"] == "duplicate" and second.detail["reason_code"] == "duplicate"
    assert count(station, ReferenceImport) == 2


def test_an_applied_reference_keeps_history_and_entry_with_its_records(county, station, usb,
                                                                     monkeypatch):
    published = B.publish_reference(county, usb)
    real = station.audit.record

    def fail(action, *args, **kwargs):
        if action == "import" and kwargs.get("s") is not None:
            raise RuntimeError("boom")
        return real(action, *args, **kwargs)

    monkeypatch.setattr(station.audit, "record", fail)
    codes_before = len(station.code_list("purpose", include_inactive=True))
    with pytest.raises(RuntimeError):
        B.import_reference(station, published.path)
    assert count(station, ReferenceImport) == 0  # rolled back with the records
    assert len(station.code_list("purpose", include_inactive=True)) == codes_before


# ---- keys (administrator) ---------------------------------------------------------------------

def test_only_the_station_head_loads_the_county_key_card(county, make_station, card):
    station = make_station("01", load_card=False)
    people = make_people(station)
    for who in ("viewer", "staff"):
        with acting(station, people[who]):
            with pytest.raises(PermissionDenied):
                B.load_county_card(station, card)
    assert B.station_county_card(station) is None
    assert entries(station, "county_key") == []
    with acting(station, people["admin"]):
        loaded = B.load_county_card(station, card)
        B.load_county_card(station, card)
    first, second = entries(station, "county_key")
    assert first.actor_id == people["admin"].id
    assert first.detail == {"county": "532923", "county_name": "祥云县总工会",
                            "fingerprint": loaded.fingerprint}
    assert second.detail["replaced_fingerprint"] == loaded.fingerprint


def test_only_the_station_head_renews_the_station_key(station):
    people = make_people(station)
    with acting(station, people["staff"]):
        with pytest.raises(PermissionDenied):
            B.renew_station_key(station)
    old = B.KeyStore(station.data_dir).station_signing_key(create=False)
    with acting(station, people["admin"]):
        new = B.renew_station_key(station)
    (entry,) = entries(station, "renew_key")
    fp = B.keys.fingerprint
    assert entry.detail == {"fingerprint": fp(B.keys.public_key_b64(new)),
                            "retired_fingerprint": fp(B.keys.public_key_b64(old))}


def test_only_the_administrator_re_enrols_a_station_and_it_is_recorded(county, station, usb):
    B.import_bundle(county, B.export_bundle(station, usb).path)
    people = make_people(county)
    confirmed = CountyService(county).stations()[0].fingerprint
    new = B.KeyStore(station.data_dir).renew_station_signing_key()
    new_fp = B.keys.fingerprint(B.keys.public_key_b64(new))
    with acting(county, people["staff"]):
        with pytest.raises(PermissionDenied):
            B.reenrol_station(county, "01", new_fp, "王站长电话确认")
    assert CountyService(county).stations()[0].fingerprint == confirmed
    with acting(county, people["admin"]):
        assert B.reenrol_station(county, "01", new_fp, "王站长电话确认").fingerprint == new_fp
        with pytest.raises(ValidationFailed):
            B.reenrol_station(county, "99", new_fp)
    entry = max(entries(county, "station_key"), key=lambda e: e.id)
    assert entry.actor_id == people["admin"].id
    assert entry.detail == {"station": "01", "fingerprint": new_fp, "via": "typed",
                            "previous_fingerprint": confirmed, "previous_state": "confirmed",
                            "note": True}
    assert "王站长" not in json.dumps(entry.detail, ensure_ascii=False)


def test_code_list_changes_are_for_the_administrator(county):
    people = make_people(county)
    with acting(county, people["staff"]):
        with pytest.raises(PermissionDenied):
            B.set_code_item(county, "purpose", "union_law", "工会法宣传", "Union law")
    with acting(county, people["admin"]):
        B.set_code_item(county, "purpose", "union_law", "工会法宣传", "Union law")
    entry = entries(county, "settings")[-1]
    assert entry.detail["code_list"] == "purpose" and entry.detail["code"] == "union_law"
    assert entry.detail["new"] is True


def test_a_key_card_given_at_set_up_is_stored_and_recorded_as_set_up(tmp_path, card):
    from xiangyun_desk.services.desk import Desk

    desk = Desk(tmp_path / "new", user=None)  # the wizard: nobody can be signed in yet
    try:
        with pytest.raises(B.KeyProblem):
            desk.initialize("station", "05", "禾甸镇职工之家", county_card=b"{}")
        assert desk.identity is None  # a bad card sets up nothing
        desk.initialize("station", "05", "禾甸镇职工之家", county_card=card)
        assert B.station_county_card(desk).county_code == "532923"
        (entry,) = entries(desk, "county_key")
        assert entry.actor_id == "system" and entry.detail["at_setup"] is True
        with pytest.raises(PermissionDenied):  # afterwards: the station head's business
            B.load_county_card(desk, card)
    finally:
        desk.close()


# ---- the command line: an account where the desk has accounts ----------------------------------

def test_the_command_line_signs_in_where_the_desk_has_accounts(tmp_path, capsys, county,
                                                                station, usb, monkeypatch):
    """The station has accounts: its export needs one and is recorded with the name. The county
    has none: it runs as before, recorded as the system."""
    monkeypatch.setenv("XYD_LANG", "en")
    make_people(station)
    add_visit(station)
    station_dir, county_dir = station.data_dir, county.data_dir
    station.close()
    county.close()
    password = tmp_path / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    password.chmod(0o600)
    assert cli_main(["--data-dir", str(station_dir), "export-bundle", "--out", str(usb)]) == 1
    assert "--user" in capsys.readouterr().err
    assert cli_main(["--data-dir", str(station_dir), "export-bundle", "--out", str(usb),
                     "--user", "zhidu", "--password-file", str(password)]) == 1
    assert "may not export" in capsys.readouterr().err
    assert not list(usb.iterdir())
    assert cli_main(["--data-dir", str(station_dir), "export-bundle", "--out", str(usb),
                     "--user", "gongzuo", "--password-file", str(password)]) == 0
    assert cli_main(["--data-dir", str(county_dir), "import-bundle", str(usb)]) == 0
    fp = B.keys.fingerprint(B.keys.public_key_b64(B.KeyStore(station_dir).station_signing_key()))
    assert cli_main(["--data-dir", str(county_dir), "reenrol-station", "01", "--fingerprint",
                     fp]) == 0
    capsys.readouterr()
    from xiangyun_desk.services.desk import Desk

    for path, actions, who in ((station_dir, ["export"], "王建国"),
                               (county_dir, ["import", "station_key"], "system")):
        desk = Desk(path)
        try:
            for action in actions:
                (entry,) = entries(desk, action)
                assert entry.actor_name == who
                assert (entry.actor_id == "system") == (who == "system")
        finally:
            desk.close()


# ---- the window: what a role cannot do is disabled, a refusal is a message ------------------------

@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Ok))
    return shown


def _window(qtbot, desk, who):
    make_people(desk)
    data_dir = desk.data_dir
    desk.close()
    window = build_main_window(data_dir, user=who)
    qtbot.addWidget(window)
    return window


def refusal(perm):
    from xiangyun_desk.ui.i18n import render

    return render(PermissionDenied(perm).message)


def _visible(window):
    """Which sync actions the person can use: shown and enabled (a role's gate disables an action
    and says who may, ui/gates.py)."""
    return {a.objectName(): a.isVisible() and a.isEnabled()
            for a in window.sync.menu.actions() if a.objectName()}


def test_station_viewer_sees_no_export_and_a_refusal_is_shown(qtbot, station, warnings):
    window = _window(qtbot, station, "zhidu")
    assert _visible(window) == {"sync_export": False, "sync_export_history": True,
                                "sync_key_card": False, "sync_station_key": True,
                                "sync_reference": False}
    assert window.sync.export_bundle() is None
    assert window.sync.load_key_card() is None
    assert window.sync.import_reference() is None
    assert warnings == [refusal(Perm.EXPORT), refusal(Perm.ADMIN), refusal(Perm.IMPORT)]
    history = window.sync.export_history()
    assert history is not None
    history.close()
    from xiangyun_desk.ui.sync.sync_dialogs import ExportDialog

    dialog = ExportDialog(window.desk, window)  # even if opened: the button is off, and says why
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert dialog.message.text() == refusal(Perm.EXPORT)


def test_station_staff_exports_but_does_not_load_key_cards(qtbot, station):
    window = _window(qtbot, station, "gongzuo")
    assert _visible(window) == {"sync_export": True, "sync_export_history": True,
                                "sync_key_card": False, "sync_station_key": True,
                                "sync_reference": True}


def test_county_viewer_cannot_import_from_the_window(qtbot, county, warnings):
    window = _window(qtbot, county, "zhidu")
    assert _visible(window) == {"sync_import": False, "sync_import_history": True,
                                "sync_publish": False, "sync_write_key_card": True,
                                "sync_export_relay": False, "sync_upper_card": False}
    assert not window.sync.stations.import_button.isVisibleTo(window.sync.stations)
    assert window.sync.import_bundles() is None
    assert window.sync.publish_reference() is None
    assert warnings == [refusal(Perm.IMPORT), refusal(Perm.EXPORT)]
    from xiangyun_desk.ui.sync.county_window import ImportDialog

    dialog = ImportDialog(window.desk, window)
    qtbot.addWidget(dialog)
    assert dialog.status.text() == refusal(Perm.IMPORT)
    from PySide6.QtWidgets import QPushButton

    for name in ("choose_files", "choose_folder"):
        assert not dialog.findChild(QPushButton, name).isEnabled()


def test_county_staff_imports_from_the_window_and_it_is_recorded(qtbot, county, bundles):
    window = _window(qtbot, county, "gongzuo")
    assert _visible(window) == {"sync_import": True, "sync_import_history": True,
                                "sync_publish": True, "sync_write_key_card": True,
                                "sync_export_relay": True, "sync_upper_card": False}
    dialog = window.sync.import_bundles()
    dialog.set_files(list(bundles))
    dialog.wait()
    dialog.apply()
    dialog.wait()
    assert dialog.applied
    found = entries(window.desk, "import")
    assert [e.detail["status"] for e in found] == ["applied"] * 3
    assert {e.actor_name for e in found} == {"王建国"}
    dialog.close()
