"""Fixtures of the sync tests: a county, stations that loaded its key card, bundle helpers."""

from __future__ import annotations

import pytest
from bundle_helpers import enrol

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.desk import Desk

from db_dialects import open_desk

COUNTY_CODE = "532923"
STATIONS = {"01": "云南驿镇职工之家", "02": "下庄镇职工之家", "03": "刘厂镇职工之家"}


@pytest.fixture
def county(tmp_path, db_url):
    """The county, on SQLite and on PostgreSQL (tests/conftest.py ``db_url``)."""
    desk = open_desk(tmp_path / "county", db_url)
    desk.initialize("county", COUNTY_CODE, "祥云县总工会")
    yield desk
    desk.close()


@pytest.fixture
def card(county):
    return B.county_card(county).to_json().encode()


@pytest.fixture
def make_station(tmp_path, county, card):
    made = []

    def make(code="01", name=None, load_card=True, enrolled=True):
        """A station set up with the county's key card, enrolled at the county by default
        (the county typed in the fingerprint the station read out over the phone)."""
        desk = Desk(tmp_path / f"station-{code}-{len(made)}")
        desk.initialize("station", code, name or STATIONS.get(code, f"站{code}"), "", ["李红"])
        if load_card:
            B.load_county_card(desk, card)
        if enrolled:
            enrol(county, desk)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


@pytest.fixture
def station(make_station):
    return make_station("01")


@pytest.fixture
def usb(tmp_path):
    path = tmp_path / "usb"
    path.mkdir()
    return path
