"""Reference bundles: county job fairs and code lists to stations, read-only there; receipts."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from bundle_helpers import add_visit, snapshot

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.stats import StatsService


def county_fair(county):
    fair = county.fairs.create({"name": "2027年春风行动招聘会", "held_on": "2027-02-20",
                                "place": "祥云县体育馆", "organiser": "县总工会"})
    employer = county.employers.create({"fair_id": fair, "name": "祥云建设集团",
                                        "positions": 40, "job_titles": "施工员"})
    return fair, employer


def test_county_fairs_arrive_read_only_and_seekers_flow_back(county, make_station, usb):
    fair, employer = county_fair(county)
    B.set_code_item(county, "purpose", "union_law", "工会法宣传", "Union law")
    ref = B.publish_reference(county, usb)
    assert ref.seq == 1 and ref.counts == {"job_fair": 1, "fair_employer": 1,
                                            "code_item": ref.counts["code_item"]}
    a, b = make_station("01"), make_station("02")
    for desk in (a, b):
        result = B.import_reference(desk, ref.path)
        assert result.status == "applied", result.to_json()
        got = desk.fairs.get(fair)
        assert got["source"] == "county" and got["station_code"] == "532923"
        assert "union_law" in {i.code for i in desk.code_list("purpose")}
        with pytest.raises(ValidationFailed):
            desk.fairs.update(fair, {**got, "name": "改名"})
        with pytest.raises(ValidationFailed):
            desk.employers.delete(employer)
    seekers = []
    for desk, name in ((a, "求职甲"), (b, "求职乙")):
        seeker = desk.seekers.create({"fair_id": fair, "name": name, "gender": "M"})
        desk.intentions.create({"fair_id": fair, "seeker_id": seeker, "employer_id": employer,
                                "status": "intent", "agreed_on": "2027-02-20"})
        seekers.append(seeker)
    results = B.BundleImporter(county).import_files(
        [B.export_bundle(a, usb).path, B.export_bundle(b, usb).path])
    assert [r.status for r in results] == ["applied", "applied"], [r.to_json() for r in results]
    figures = StatsService(county.db).compute()["job_fairs"]["by_event"][fair]
    assert figures == {"name": "2027年春风行动招聘会", "held_on": "2027-02-20", "employers": 1,
                       "positions": 40, "seekers": 2, "intentions": 2}


def test_reference_updates_and_stale_ones(county, station, usb):
    fair, _employer = county_fair(county)
    one = B.publish_reference(county, usb).path
    county.fairs.update(fair, {**county.fairs.get(fair), "place": "县文化馆"})
    two = B.publish_reference(county, usb).path
    assert B.import_reference(station, two).status == "applied"
    assert station.fairs.get(fair)["place"] == "县文化馆"
    assert B.import_reference(station, one).status == "stale"
    assert B.import_reference(station, two).status == "duplicate"
    assert station.fairs.get(fair)["place"] == "县文化馆"


def test_receipts_confirm_the_bundles_the_county_imported(county, station, usb):
    add_visit(station)
    one = B.export_bundle(station, usb).path
    B.export_bundle(station, usb)  # No. 2 never arrives
    B.BundleImporter(county).import_files([one])
    result = B.import_reference(station, B.publish_reference(county, usb).path)
    assert result.confirmed == [1]
    history = {h["seq"]: h["confirmed_at"] for h in B.export_history(station)}
    assert history[1] is not None and history[2] is None


def test_reference_not_signed_by_the_county_is_refused(county, station, usb, tmp_path):
    from xiangyun_desk.services.desk import Desk
    fake = Desk(tmp_path / "fake-county")
    fake.initialize("county", "532923", "假县总工会")
    try:
        path = B.publish_reference(fake, usb).path
    finally:
        fake.close()
    before = snapshot(station)
    result = B.import_reference(station, path)
    assert result.status == "rejected" and result.reason_code == "bad-signature"
    assert snapshot(station) == before


def test_tampered_reference_is_refused(county, station, usb, tmp_path):
    county_fair(county)
    path = B.publish_reference(county, usb).path
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    import io
    with zipfile.ZipFile(io.BytesIO(parts[F.PAYLOAD_PLAIN])) as zf:
        inner = {n: zf.read(n) for n in zf.namelist()}
    name = F.table_file("fair_employer")
    assert "祥云建设集团".encode() in inner[name]
    inner[name] = inner[name].replace("祥云建设集团".encode(), "假冒建设集团".encode())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, data in inner.items():
            zf.writestr(n, data)
    parts[F.PAYLOAD_PLAIN] = buf.getvalue()
    bad = tmp_path / "tampered.xyr"
    with zipfile.ZipFile(bad, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    result = B.import_reference(station, bad)
    assert result.status == "rejected" and result.reason_code in ("payload-hash", "malformed")
    assert station.fairs.count() == 0


def test_station_needs_the_county_card_for_reference(county, make_station, usb):
    lonely = make_station("05", load_card=False)
    result = B.import_reference(lonely, B.publish_reference(county, usb).path)
    assert result.reason_code == "no-key"


def test_only_the_county_publishes(station, usb):
    with pytest.raises(B.ExportFailed):
        B.publish_reference(station, usb)


def test_reference_records_do_not_travel_back(county, station, usb):
    county_fair(county)
    B.import_reference(station, B.publish_reference(county, usb).path)
    result = B.export_bundle(station, usb, full=True,
                             now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    assert result.counts["job_fair"] == 0 and result.counts["fair_employer"] == 0
