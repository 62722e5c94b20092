"""County import: field-by-field equality, stats, idempotence, order, gaps, edits, deletions."""

from __future__ import annotations

import datetime as dt

import pytest
from bundle_helpers import add_records, add_visit, snapshot

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.stats import StatsService
from xiangyun_desk.storage.sync_models import BundleImport


def imp(county, *paths, dry_run=False):
    return B.BundleImporter(county).import_files(list(paths), dry_run=dry_run)


def test_every_record_arrives_field_by_field_and_county_stats_are_the_sum(county, make_station, usb):
    stations = [make_station(code) for code in ("01", "02", "03")]
    files = []
    for i, desk in enumerate(stations):
        add_records(desk, 150, seed=i + 1)
        files.append(B.export_bundle(desk, usb).path)
    results = imp(county, *files)
    assert [r.status for r in results] == ["applied"] * 3, [r.to_json() for r in results]
    for desk in stations:
        assert snapshot(county, desk.identity.code) == snapshot(desk)
    county_stats = StatsService(county.db).compute()
    station_stats = [StatsService(d.db).compute() for d in stations]
    for section, key in (("visitors", "visits"), ("visitors", "people"),
                         ("condolence", "visits"), ("condolence", "people"),
                         ("job_fairs", "events"), ("job_fairs", "positions"),
                         ("job_fairs", "seekers"), ("job_fairs", "intentions"),
                         ("volunteers", "registered"), ("volunteers", "service_records")):
        assert county_stats[section][key] == sum(s[section][key] for s in station_stats), key
    from decimal import Decimal
    assert Decimal(county_stats["condolence"]["cash_yuan"]) == sum(
        Decimal(s["condolence"]["cash_yuan"]) for s in station_stats)


def test_importing_the_same_bundle_twice_changes_nothing(county, station, usb):
    add_records(station, 40)
    path = B.export_bundle(station, usb).path
    first = imp(county, path)[0]
    before = snapshot(county)
    again = imp(county, path)[0]
    assert (first.status, again.status) == ("applied", "duplicate")
    assert again.changed == 0 and snapshot(county) == before


def test_edits_and_deletions_travel(county, station, usb):
    keep, gone = add_visit(station, "张三"), add_visit(station, "李四")
    imp(county, B.export_bundle(station, usb).path)
    station.visits.update(keep, {**station.visits.get(keep), "name": "张三丰", "summary": "改过"})
    station.visits.delete(gone)
    result = imp(county, B.export_bundle(station, usb).path)[0]
    assert result.counts["visit"]["updated"] == 1 and result.counts["visit"]["deleted"] == 1
    assert county.visits.get(keep)["name"] == "张三丰"
    assert county.visits.get(gone)["deleted_at"] is not None
    station.visits.restore(gone)
    result = imp(county, B.export_bundle(station, usb).path)[0]
    assert result.counts["visit"]["updated"] == 1
    assert county.visits.get(gone)["deleted_at"] is None
    assert snapshot(county, "01") == snapshot(station)


def test_an_older_bundle_after_a_newer_one_changes_nothing(county, station, usb):
    rid = add_visit(station, "张三")
    old = B.export_bundle(station, usb).path
    station.visits.update(rid, {**station.visits.get(rid), "name": "张三丰"})
    new = B.export_bundle(station, usb, full=True).path
    assert imp(county, new)[0].status == "applied"
    result = imp(county, old)[0]
    assert result.status == "stale" and result.changed == 0
    assert county.visits.get(rid)["name"] == "张三丰"
    assert result.missing == []  # No. 1 arrived, and the full No. 2 covers everything anyway


def test_files_given_out_of_order_are_applied_in_number_order(county, station, usb):
    rid = add_visit(station, "张三")
    one = B.export_bundle(station, usb).path
    station.visits.update(rid, {**station.visits.get(rid), "name": "张三丰"})
    two = B.export_bundle(station, usb).path
    results = imp(county, two, one)
    assert [r.bundle_seq for r in results] == [2, 1]  # reported in the order given
    assert [r.status for r in results] == ["applied", "applied"]
    assert county.visits.get(rid)["name"] == "张三丰"


def test_a_full_bundle_after_incrementals_converges(county, station, usb):
    add_records(station, 80)
    imp(county, B.export_bundle(station, usb).path)
    ids = [add_visit(station, f"访客{i}") for i in range(5)]
    station.visits.delete(ids[0])
    skipped = B.export_bundle(station, usb)  # never reaches the county
    assert skipped.seq == 2
    add_visit(station, "最后")
    three = imp(county, B.export_bundle(station, usb).path)[0]
    assert three.missing == [2]
    full = imp(county, B.export_bundle(station, usb, full=True).path)[0]
    assert full.status == "applied" and full.missing == []
    assert full.counts["visit"]["new"] == 4 and full.counts["visit"]["deleted"] == 1
    assert snapshot(county, "01") == snapshot(station)


def test_gaps_are_reported_in_plain_words(county, station, usb):
    paths = []
    for i in range(7):
        add_visit(station, f"人{i}")
        paths.append(B.export_bundle(station, usb).path)
    results = imp(county, paths[0], paths[1], paths[3], paths[6])
    assert results[-1].missing == [3, 5, 6]
    from xiangyun_desk.services.bundles.report import report_lines
    translate = None
    assert "bundle(s) No. 3、5、6 not received" in "\n".join(report_lines(results[-1], translate))
    from xiangyun_desk.services.county import CountyService
    row = CountyService(county).stations()[0]
    assert row.code == "01" and row.last_seq == 7 and row.missing == [3, 5, 6]


def test_dry_run_reports_exactly_what_the_import_does_and_changes_nothing(county, make_station, usb):
    a, b = make_station("01"), make_station("02")
    add_records(a, 60)
    add_records(b, 30, seed=5)
    files = [B.export_bundle(a, usb).path]
    rid = add_visit(a, "张三")
    files.append(B.export_bundle(a, usb).path)
    a.visits.update(rid, {**a.visits.get(rid), "name": "张三丰"})
    files.append(B.export_bundle(a, usb).path)
    files.append(B.export_bundle(b, usb).path)
    before = snapshot(county)
    dry = imp(county, *files, dry_run=True)
    assert snapshot(county) == before
    with county.db.session() as s:
        assert s.query(BundleImport).count() == 0
    real = imp(county, *files)
    assert [r.to_json()["counts"] for r in dry] == [r.to_json()["counts"] for r in real]
    assert [r.status for r in dry] == [r.status for r in real] == ["applied"] * 4
    assert [r.missing for r in dry] == [r.missing for r in real] == [[], [], [], []]


def test_county_backs_up_before_an_import(county, station, usb):
    add_visit(station)
    path = B.export_bundle(station, usb).path
    before = set((county.data_dir / "backups").glob("*before-import*"))
    imp(county, path)
    made = set((county.data_dir / "backups").glob("*before-import*")) - before
    # On PostgreSQL backups are the server's business (pg_dump): no file copy, no failure.
    assert len(made) == (1 if county.db.is_file else 0)


def test_history_keeps_each_report(county, station, usb):
    add_visit(station)
    path = B.export_bundle(station, usb).path
    imp(county, path)
    imp(county, path)
    rows = B.import_history(county)
    assert [r["status"] for r in rows] == ["duplicate", "applied"]
    shown = B.result_from_history(rows[1]["report"])
    assert shown.counts["visit"]["new"] == 1 and shown.bundle_seq == 1


def test_county_statuses_of_stations_and_lateness(county, station, usb):
    add_records(station, 30)
    imp(county, B.export_bundle(station, usb, now=dt.datetime(2026, 9, 1, tzinfo=dt.UTC)).path)
    from xiangyun_desk.services.county import CountyService
    row = CountyService(county).stations(today=dt.date(2026, 11, 24))[0]
    assert row.last_seq == 1 and row.days_since == 84 and row.days_late == 84 - 31
    assert row.fingerprint and row.total_records > 0
    assert row.records["visits"] == station.visits.count()


@pytest.mark.parametrize("n", [1])
def test_staff_and_stations_do_not_mix(county, make_station, usb, n):
    a, b = make_station("01"), make_station("02")
    for d in (a, b):
        add_visit(d, "同名")
    imp(county, B.export_bundle(a, usb).path, B.export_bundle(b, usb).path)
    codes = sorted(r["station_code"] for r in snapshot(county).values() if r.get("name") == "同名")
    assert codes == ["01", "02"]
