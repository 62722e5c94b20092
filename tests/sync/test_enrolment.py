"""No stranger trusted: a bundle from a station that is not enrolled, or signed by another key,
is held (待确认) until a county administrator confirms the key's fingerprint."""

from __future__ import annotations

import pytest
from bundle_helpers import add_visit, data_fingerprint, snapshot, station_fp

from xiangyun_desk.domain.permissions import PermissionDenied
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.bundles.report import report_lines
from xiangyun_desk.services.stations import StationRegistry


def imp(county, *paths, **kw):
    return B.BundleImporter(county).import_files(list(paths), **kw)


def entries(desk, action):
    return sorted(desk.audit.entries(AuditFilter(action=action)), key=lambda e: e.id)


def test_a_strangers_bundle_is_held_never_applied(county, make_station, usb):
    """Anyone holding the county's public key card can make a station: its bundle is held."""
    stranger = make_station("09", "冒出来的站", enrolled=False)
    add_visit(stranger, "假记录")
    path = B.export_bundle(stranger, usb).path
    before = data_fingerprint(county)
    dry = imp(county, path, dry_run=True)[0]
    assert dry.status == "held" and dry.reason_code == "unknown-station"
    assert dry.fingerprint == station_fp(stranger) and dry.fingerprint in str(dry.reason)
    assert dry.counts == {}
    lines = report_lines(dry, None)
    assert "awaiting confirmation" in lines[0] and dry.fingerprint in "\n".join(lines)
    assert data_fingerprint(county) == before  # a dry run changes nothing
    held = imp(county, path)[0]
    assert held.status == "held"
    assert snapshot(county, "09") == {}  # nothing applied
    (station,) = StationRegistry(county).stations()
    assert station.code == "09" and station.key_state == "pending"
    assert station.offered_fingerprint == station_fp(stranger) and station.awaiting_confirmation
    assert not station.monthly_expected  # not counted as late until confirmed
    (entry,) = entries(county, "import")
    assert entry.detail["status"] == "held" and entry.detail["fingerprint"] == held.fingerprint
    assert entry.detail["reason_code"] == "unknown-station"
    assert B.import_history(county)[0]["status"] == "held"
    assert B.station_received(county) == {}  # a held bundle is not received: no gap filled


def test_applying_a_held_bundle_needs_the_administrators_confirmation(county, make_station, usb):
    from test_sync_permissions import acting, make_people

    station = make_station("04", "禾甸镇职工之家", enrolled=False)
    add_visit(station, "张三")
    path = B.export_bundle(station, usb).path
    fp = station_fp(station)
    people = make_people(county)
    with acting(county, people["staff"]):
        assert imp(county, path)[0].status == "held"
        with pytest.raises(PermissionDenied):
            imp(county, path, confirm={"04": fp})
    with acting(county, people["admin"]):
        wrong = imp(county, path, confirm={"04": "1234 5678 9012 3456 7890"})[0]
        assert wrong.status == "held" and "nothing was confirmed" in str(wrong.warnings[0])
        dry = imp(county, path, dry_run=True, confirm={"04": fp})[0]
        assert dry.status == "applied" and dry.key_confirmed
        assert StationRegistry(county).station("04").key_state == "pending"  # rolled back
        done = imp(county, path, confirm={"04": fp.replace(" ", "")}, note="王站长来电")[0]
    assert done.status == "applied" and done.key_confirmed
    assert snapshot(county, "04") == snapshot(station)
    registered = StationRegistry(county).station("04")
    assert registered.key_state == "confirmed" and registered.fingerprint == fp
    assert registered.key_seen and not registered.awaiting_confirmation
    assert registered.monthly_expected  # a real station now
    (key_entry,) = entries(county, "station_key")
    assert key_entry.actor_id == people["admin"].id
    assert key_entry.detail == {"station": "04", "fingerprint": fp, "via": "bundle",
                                "previous_fingerprint": "", "previous_state": "pending",
                                "note": True}
    applied = [e for e in entries(county, "import") if e.detail["status"] == "applied"]
    assert applied[-1].detail["key_confirmed"] is True
    # Its next bundle is applied without asking.
    add_visit(station, "李四")
    assert imp(county, B.export_bundle(station, usb).path)[0].status == "applied"


def test_the_county_can_confirm_the_offered_key_in_the_registry(county, make_station, usb):
    station = make_station("05", enrolled=False)
    add_visit(station)
    path = B.export_bundle(station, usb).path
    assert imp(county, path)[0].status == "held"
    registry = StationRegistry(county)
    confirmed = registry.confirm_key("05", station_fp(station))
    assert confirmed.key_state == "confirmed" and confirmed.key_seen
    assert not confirmed.awaiting_confirmation
    assert imp(county, path)[0].status == "applied"


def test_a_typed_fingerprint_that_is_not_the_key_holds_the_bundle(county, make_station, usb):
    station = make_station("06", enrolled=False)
    StationRegistry(county).add("06", "东山乡职工之家", fingerprint_text="1111 2222 3333 4444 5555")
    add_visit(station)
    result = imp(county, B.export_bundle(station, usb).path)[0]
    assert result.status == "held" and result.reason_code == "key-changed"
    assert snapshot(county, "06") == {}


def test_re_enrolment_goes_through_the_same_confirmation(county, station, usb):
    add_visit(station, "张三")
    assert imp(county, B.export_bundle(station, usb).path)[0].status == "applied"
    old = station_fp(station)
    B.renew_station_key(station)
    new = station_fp(station)
    add_visit(station, "李四")
    path = B.export_bundle(station, usb).path
    held = imp(county, path)[0]
    assert held.status == "held" and held.reason_code == "key-changed"
    assert old in str(held.reason) and new in str(held.reason)
    row = StationRegistry(county).station("01")
    assert row.fingerprint == old and row.offered_fingerprint == new
    done = imp(county, path, confirm={"01": new})[0]
    assert done.status == "applied" and done.key_confirmed
    assert snapshot(county, "01") == snapshot(station)
    (entry,) = [e for e in entries(county, "station_key") if e.detail["via"] == "bundle"]
    assert entry.detail["previous_fingerprint"] == old and entry.detail["fingerprint"] == new
    # The old key is refused from now on (a stolen old PC cannot send in the station's name).
    assert StationRegistry(county).station("01").fingerprint == new
