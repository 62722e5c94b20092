"""The county's registry of stations (站点): list, changes, audit, and the migration that keeps
the stations an existing county database pinned."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest
from bundle_helpers import add_visit, snapshot, station_fp
from sqlalchemy import text

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.permissions import PermissionDenied
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.storage.db import DB_FILENAME, _alembic_config


def entries(desk, action):
    return desk.audit.entries(AuditFilter(action=action))


def test_the_county_adds_and_edits_its_stations_and_every_change_is_recorded(county):
    registry = StationRegistry(county)
    added = registry.add("04", "禾甸镇职工之家", "禾甸镇", monthly_expected=False)
    assert (added.code, added.name, added.township, added.monthly_expected) == \
        ("04", "禾甸镇职工之家", "禾甸镇", False)
    assert added.key_state == "pending" and added.fingerprint is None and not added.trusted
    assert added.county_code == "532923" and added.qualified_code == "532923-04"
    with pytest.raises(ValidationFailed) as bad:
        registry.add("4a", "", "x" * 101, fingerprint_text="123")
    assert set(bad.value.errors) == {"code", "name", "township", "fingerprint"}
    with pytest.raises(ValidationFailed) as twice:
        registry.add("04", "又一个")
    assert set(twice.value.errors) == {"code"}
    with pytest.raises(ValidationFailed):
        registry.add("532923", "县总工会自己")
    edited = registry.update("04", name="禾甸镇职工驿站", monthly_expected=True)
    assert edited.name == "禾甸镇职工驿站" and edited.monthly_expected and edited.township == "禾甸镇"
    assert registry.update("04", name="禾甸镇职工驿站") == edited  # no change, no entry
    (add_entry,) = entries(county, "station_add")
    assert add_entry.detail == {"station": "04", "name": "禾甸镇职工之家", "township": "禾甸镇",
                                "monthly_expected": False}
    (edit_entry,) = entries(county, "station_edit")
    assert edit_entry.detail == {"station": "04", "changes": {
        "name": ["禾甸镇职工之家", "禾甸镇职工驿站"], "monthly_expected": [False, True]}}
    assert [s.code for s in registry.stations()] == ["04"]


def test_a_fingerprint_typed_in_is_normalised_and_confirmed(county):
    registry = StationRegistry(county)
    station = registry.add("05", "米甸镇职工之家", fingerprint_text="１２３４-5678 9012 3456 7890 ")
    assert station.fingerprint == "1234 5678 9012 3456 7890" and station.key_state == "confirmed"
    assert station.trusted and not station.key_seen and station.confirmed_at is not None
    (entry,) = entries(county, "station_key")
    assert entry.detail["fingerprint"] == "1234 5678 9012 3456 7890"
    assert entry.detail["via"] == "typed" and entry.detail["previous_state"] == "pending"


def test_only_the_administrator_changes_the_registry(county):
    from test_sync_permissions import acting, make_people

    people = make_people(county)
    with acting(county, people["staff"]):
        with pytest.raises(PermissionDenied):
            StationRegistry(county).add("06", "东山乡职工之家")
    with acting(county, people["viewer"]):
        assert StationRegistry(county).stations() == []
    with acting(county, people["admin"]):
        StationRegistry(county).add("06", "东山乡职工之家")
        with acting(county, people["staff"]):
            with pytest.raises(PermissionDenied):
                StationRegistry(county).update("06", township="东山乡")
            with pytest.raises(PermissionDenied):
                StationRegistry(county).confirm_key("06", "1234 5678 9012 3456 7890")


def test_a_station_installation_keeps_no_registry(station):
    with pytest.raises(ValidationFailed):
        StationRegistry(station).add("07", "某站")


def _downgrade_to_before_the_registry(data_dir):
    """Take a closed county database back to the revision before the registry (a bare engine:
    the program's keeps later revisions' tables current at every commit)."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
    try:
        with engine.begin() as conn:
            config = _alembic_config(str(engine.url))
            config.attributes["connection"] = conn
            command.downgrade(config, "perf_0002")
    finally:
        engine.dispose()


def test_an_existing_county_keeps_the_stations_it_pinned_as_confirmed_by_first_use(
        tmp_path, county, make_station, usb):
    pinned = make_station("01")
    forgotten = make_station("02")
    for desk in (pinned, forgotten):
        add_visit(desk)
        assert B.import_bundle(county, B.export_bundle(desk, usb).path).status == "applied"
    if county.db.engine.dialect.name != "sqlite":
        pytest.skip("an existing county database is a SQLite file")
    data_dir = county.data_dir
    county.close()
    _downgrade_to_before_the_registry(data_dir)
    # What re-enrolment looked like before the registry (a bare connection: the program's
    # engine keeps later revisions' tables current at every commit).
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn, conn:
        conn.execute("UPDATE station_enrolment SET signing_key = NULL, fingerprint = NULL "
                     "WHERE station_code = '02'")
        old = conn.execute("SELECT station_code, station_name, fingerprint "
                           "FROM station_enrolment ORDER BY station_code").fetchall()
    assert old[0] == ("01", "云南驿镇职工之家", station_fp(pinned))

    reopened = Desk(data_dir)  # migrates to the head revision
    try:
        one, two = StationRegistry(reopened).stations()
        assert (one.code, one.name, one.key_state, one.fingerprint, one.key_seen) == \
            ("01", "云南驿镇职工之家", "first_use", station_fp(pinned), True)
        assert one.trusted and one.monthly_expected and one.source == "migrated"
        assert (two.code, two.key_state, two.fingerprint) == ("02", "pending", None)
        history = json.loads(reopened.db.engine.connect().execute(text(
            "SELECT history FROM county_station WHERE code = '01'")).scalar())
        assert history == []
        # Its bundles keep being applied, with a prompt to verify the fingerprint.
        add_visit(pinned, "李四")
        result = B.import_bundle(reopened, B.export_bundle(pinned, usb).path)
        assert result.status == "applied"
        assert any("confirmed by first use" in str(w) for w in result.warnings)
        assert snapshot(reopened, "01") == snapshot(pinned)
        verified = StationRegistry(reopened).confirm_key("01", station_fp(pinned))
        assert verified.key_state == "confirmed" and verified.key_seen
        entry = max(entries(reopened, "station_key"), key=lambda e: e.id)
        assert entry.detail["previous_state"] == "first_use"
        again = B.import_bundle(reopened, B.export_bundle(pinned, usb).path)
        assert again.status == "applied" and not again.warnings
    finally:
        reopened.close()
