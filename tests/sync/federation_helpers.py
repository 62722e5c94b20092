"""The tiers of the federation tests: two counties (each with two stations, station "03" in both),
a prefecture and a province, on SQLite or on a PostgreSQL server (one database per tier)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from bundle_helpers import add_records, enrol
from db_dialects import open_desk

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import relay as R
from xiangyun_desk.services.bundles.relay_export import export_relay
from xiangyun_desk.services.bundles.relay_import import RelayImporter
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.stations import StationRegistry

PROVINCE = ("530000", "云南省总工会")
PREFECTURE = ("532900", "大理州总工会")
COUNTIES = {"532923": ("祥云县总工会", {"01": "云南驿镇职工之家", "03": "刘厂镇职工之家"}),
            "532901": ("大理市总工会", {"02": "下关镇职工之家", "03": "喜洲镇职工之家"})}


def card_bytes(desk) -> bytes:
    return B.county_card(desk).to_json().encode()


@dataclass
class Federation:
    root: Path
    province: Desk
    prefecture: Desk
    counties: dict[str, Desk]
    stations: dict[str, Desk]  # by qualified code, 532923-03
    usb: Path
    closing: list[Desk] = field(default_factory=list)

    def station_round(self, records=20, seed=1) -> None:
        """Every station adds records and exports a bundle; its county imports it."""
        for n, (qualified, station) in enumerate(sorted(self.stations.items())):
            add_records(station, records, seed=seed * 100 + n)
            county = self.counties[qualified.split("-")[0]]
            path = B.export_bundle(station, self.usb).path
            result = B.BundleImporter(county).import_files([path])[0]
            assert result.status == "applied", result.to_json()

    def relay(self, county_code: str, full: bool = False) -> Path:
        return export_relay(self.counties[county_code], self.usb, full=full).path

    def import_at(self, desk, *paths: Path, dry_run=False):
        return RelayImporter(desk).import_files(list(paths), dry_run=dry_run)

    def close(self) -> None:
        for desk in self.closing:
            desk.close()


def build(root: Path, urls: list[str | None]) -> Federation:
    """Set up every tier and enrol each one at the tier above by fingerprint (out of band)."""
    usb = root / "usb"
    usb.mkdir(parents=True)
    closing = []

    def tier(name, role, code, title, url):
        desk = open_desk(root / name, url)
        desk.initialize(role, code, title)
        closing.append(desk)
        return desk

    province = tier("province", "province", *PROVINCE, urls[0])
    prefecture = tier("prefecture", "prefecture", *PREFECTURE, urls[1])
    R.load_upper_card(prefecture, card_bytes(province))
    StationRegistry(province).add_tier(PREFECTURE[0], PREFECTURE[1],
                                       fingerprint_text=B.county_card(prefecture).fingerprint)
    counties, stations = {}, {}
    for i, (code, (title, members)) in enumerate(sorted(COUNTIES.items())):
        county = tier(f"county-{code}", "county", code, title, urls[2 + i])
        R.load_upper_card(county, card_bytes(prefecture))
        StationRegistry(prefecture).add_tier(code, title,
                                             fingerprint_text=B.county_card(county).fingerprint)
        counties[code] = county
        for short, name in sorted(members.items()):
            station = Desk(root / f"station-{code}-{short}")
            station.initialize("station", short, name, name[:3], ["李红"])
            closing.append(station)
            B.load_county_card(station, card_bytes(county))
            enrol(county, station)
            stations[f"{code}-{short}"] = station
    return Federation(root, province, prefecture, counties, stations, usb, closing)


def this_year():
    from xiangyun_desk.services.stats import Period

    return Period(dt.date(2000, 1, 1), dt.date.today() + dt.timedelta(days=1100))
