"""Issue 14, done when: two counties (each with two stations, station "03" in both), a prefecture
and a province — on SQLite and on a PostgreSQL server — prove that the province's figures are the
sum of all stations, that a record altered at a county is refused at the prefecture, that replays
and stale relay bundles change nothing, and that a missing relay bundle is reported."""

from __future__ import annotations

import io
import json
import os
import uuid
import zipfile

import pytest
from bundle_helpers import data_fingerprint, snapshot
from federation_helpers import build, this_year
from sqlalchemy import select, update

from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.services.stats import StatsService
from xiangyun_desk.storage.sync_models import RelayItem

ADDITIVE = {"visitors": ("person_times", "visits"),
            "condolence": ("visits", "cash_yuan", "goods_value_yuan"),
            "job_fairs": ("events", "employers", "positions", "seekers"),
            "volunteers": ("registered", "service_records")}


@pytest.fixture
def tier_urls(request, db_url, tmp_path):
    """Four stores: one per county, the prefecture's and the province's (PostgreSQL: four
    databases copied from the migrated template, like ``fresh_pg_url``)."""
    if db_url is None:
        yield [None] * 4
        return
    import psycopg
    from sqlalchemy.engine import make_url

    admin = os.environ["XYD_TEST_PG_URL"]

    def _pg_exec(statement):
        plain = admin.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(statement)

    def _with_database(name):
        return make_url(admin).set(database=name).render_as_string(hide_password=False)

    template = request.getfixturevalue("pg_template")
    names = [f"xyd_f_{uuid.uuid4().hex[:12]}" for _ in range(3)]
    for name in names:
        _pg_exec(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield [db_url] + [_with_database(n) for n in names]
    for name in names:
        _pg_exec(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def fed(tmp_path, tier_urls):
    federation = build(tmp_path, tier_urls)
    yield federation
    federation.close()


def _sum(values):
    from decimal import Decimal

    if values and isinstance(values[0], str):
        return f"{sum(Decimal(v) for v in values):.2f}"
    return sum(values)


def _additive(figures):
    return {(section, key): figures[section][key]
            for section, keys in ADDITIVE.items() for key in keys}


def test_station_records_reach_the_province_whole_and_signed(fed):
    period = this_year()
    fed.station_round(records=25, seed=1)
    relays = [fed.relay(code) for code in sorted(fed.counties)]
    results = fed.import_at(fed.prefecture, *relays)
    assert [r.status for r in results] == ["applied", "applied"], [r.to_json() for r in results]
    up = __import__("xiangyun_desk.services.bundles.relay_export",
                    fromlist=["export_relay"]).export_relay(fed.prefecture, fed.usb).path
    [at_province] = fed.import_at(fed.province, up)
    assert at_province.status == "applied", at_province.to_json()
    assert len(at_province.relayed) == 4

    # Every station's records, under its country-wide code: station "03" of both counties apart.
    for qualified, station in fed.stations.items():
        own = {k: {c: v for c, v in row.items() if c != "station_code"}
               for k, row in snapshot(station).items()}
        there = {k: {c: v for c, v in row.items() if c != "station_code"}
                 for k, row in snapshot(fed.province, qualified).items()}
        assert there == own, qualified
    codes = [s.qualified_code for s in StationRegistry(fed.province).stations()]
    assert codes == ["532901-02", "532901-03", "532923-01", "532923-03"]

    # Province figures = the sum of all stations (and per station, the station's own figures).
    mine = {q: StatsService(d.db).compute(period) for q, d in fed.stations.items()}
    each = StatsService(fed.province.db).compute_each(period, sorted(fed.stations))
    for qualified, figures in mine.items():
        theirs = dict(each[qualified])
        theirs.pop("station")
        assert theirs == figures, qualified
    total = _additive(StatsService(fed.province.db).compute(period))
    assert total
    for key, value in total.items():
        assert value == _sum([_additive(f)[key] for f in mine.values()]), key
    for summaries in (True, False):  # the summary tables and a recount agree at the province
        assert _additive(StatsService(fed.province.db, summaries=summaries).compute(period)) \
            == total

    # A replay changes nothing, at either tier.
    before = data_fingerprint(fed.province)
    [again] = fed.import_at(fed.province, up)
    assert again.status == "duplicate" and data_fingerprint(fed.province) == before


def _tamper(county, mutate) -> None:
    """The county changes a station's forwarded records (the payload it keeps) behind its back."""
    with county.db.session() as s, s.begin():
        item = s.scalars(select(RelayItem).order_by(RelayItem.id)).first()
        inner = zipfile.ZipFile(io.BytesIO(item.payload))
        files = {n: inner.read(n) for n in inner.namelist()}
        mutate(files)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        s.execute(update(RelayItem).where(RelayItem.id == item.id).values(payload=out.getvalue()))


def test_a_record_altered_at_a_county_is_refused_at_the_prefecture(fed):
    fed.station_round(records=15, seed=2)

    def rename(files):
        name = "records/visit.jsonl"
        lines = files[name].splitlines(keepends=True)
        doc = json.loads(lines[0])
        doc["name"] = "冒名"
        lines[0] = (json.dumps(doc, ensure_ascii=False, sort_keys=True,
                               separators=(",", ":")) + "\n").encode()
        files[name] = b"".join(lines)

    _tamper(fed.counties["532923"], rename)
    before = data_fingerprint(fed.prefecture)
    [result] = fed.import_at(fed.prefecture, fed.relay("532923"))
    assert result.status == "rejected" and result.reason_code == "altered", result.to_json()
    assert "532923-" in result.to_json()["reason"]
    assert data_fingerprint(fed.prefecture) == before  # all or nothing
    # The other county's relay is untouched and applies.
    [other] = fed.import_at(fed.prefecture, fed.relay("532901"))
    assert other.status == "applied"


def test_replays_stale_bundles_and_a_missing_relay_bundle(fed):
    code = "532923"
    fed.station_round(records=10, seed=3)
    first = fed.relay(code)
    fed.station_round(records=10, seed=4)
    second = fed.relay(code)
    fed.station_round(records=10, seed=5)
    third = fed.relay(code)
    full = fed.relay(code, full=True)

    [r1] = fed.import_at(fed.prefecture, first)
    assert r1.status == "applied" and r1.missing == []
    [r3] = fed.import_at(fed.prefecture, third)  # No. 2 is missing: reported
    assert r3.status == "applied"
    assert r3.missing == [2]
    assert any("No. 2" in w.render() for w in r3.warnings)
    assert r3.station_missing == {"532923-01": [2], "532923-03": [2]}
    [r4] = fed.import_at(fed.prefecture, full)  # the full one fills the stations' gaps
    assert r4.status == "applied"
    assert r4.station_missing == {}
    before = data_fingerprint(fed.prefecture)
    [late] = fed.import_at(fed.prefecture, second)  # older, and everything in it has arrived
    assert late.status == "stale", late.to_json()
    assert late.changed == 0 and data_fingerprint(fed.prefecture) == before
    for path in (first, third, full, second):
        [again] = fed.import_at(fed.prefecture, path)
        assert again.status == "duplicate"
    assert data_fingerprint(fed.prefecture) == before
    # Order did not matter: the prefecture holds exactly the stations' records.
    for qualified, station in fed.stations.items():
        if qualified.startswith(code):
            assert len(snapshot(fed.prefecture, qualified)) == len(snapshot(station))


def test_a_re_keyed_station_travels_upward_signed(fed):
    """The station renews its key, the county confirms the new fingerprint by phone; the
    prefecture learns the new key from the county's relay bundle (the old one in the station's
    history), and a full relay bundle still carries the bundles signed with the old key."""
    from bundle_helpers import add_visit, station_fp

    from xiangyun_desk.services import bundles as B

    code = "532923"
    fed.station_round(records=8, seed=6)
    [first] = fed.import_at(fed.prefecture, fed.relay(code))
    assert first.status == "applied"
    station = fed.stations[f"{code}-03"]
    county = fed.counties[code]
    old = StationRegistry(fed.prefecture).stations()[1]
    assert old.qualified_code == f"{code}-03"
    B.renew_station_key(station)
    StationRegistry(county).confirm_key("03", station_fp(station))
    add_visit(station, name="换钥后")
    result = B.BundleImporter(county).import_files([B.export_bundle(station, fed.usb).path])[0]
    assert result.status == "applied"
    [second] = fed.import_at(fed.prefecture, fed.relay(code))
    assert second.status == "applied", second.to_json()
    now = next(s for s in StationRegistry(fed.prefecture).stations()
               if s.qualified_code == f"{code}-03")
    assert now.fingerprint == station_fp(station) != old.fingerprint
    [full] = fed.import_at(fed.prefecture, fed.relay(code, full=True))
    assert full.status == "applied" and full.changed == 0, full.to_json()


def test_the_countys_own_job_fairs_travel_up_with_the_stations_that_use_them(fed):
    """Stations register job seekers and intentions against the county's published fair; the
    county's fair (signed by the county) travels with them, so nothing is refused above."""
    from xiangyun_desk.services import bundles as B

    code = "532923"
    county = fed.counties[code]
    fair = county.fairs.create({"name": "春风行动招聘会", "held_on": "2026-11-20"})
    county.employers.create({"fair_id": fair, "name": "祥云县建筑公司", "positions": "30"})
    published = B.publish_reference(county, fed.usb).path
    station = fed.stations[f"{code}-01"]
    assert B.import_reference(station, published).status == "applied"
    seeker = station.seekers.create({"fair_id": fair, "name": "求职甲", "gender": "M"})
    fed.station_round(records=5, seed=12)
    [result] = fed.import_at(fed.prefecture, fed.relay(code))
    assert result.status == "applied", result.to_json()
    assert sum(c["rejected"] for c in result.counts.values()) == 0, result.to_json()
    there = snapshot(fed.prefecture)
    assert ("job_fair", fair) in there and there[("job_fair", fair)]["station_code"] == code
    assert ("job_seeker", seeker) in there
    up = __import__("xiangyun_desk.services.bundles.relay_export",
                    fromlist=["export_relay"]).export_relay(fed.prefecture, fed.usb).path
    [top] = fed.import_at(fed.province, up)
    assert top.status == "applied" and sum(c["rejected"] for c in top.counts.values()) == 0
    assert ("job_fair", fair) in snapshot(fed.province)
    codes = [s.qualified_code for s in StationRegistry(fed.province).stations()]
    assert code not in codes and f"{code}-{code}" not in codes  # the county is not a station
