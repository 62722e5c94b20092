"""Validation at the county's door: every record of a bundle passes the same domain validation as
a form (plus the bundle-only rules), a refused record is listed with its reason, and figures
never overflow whatever amounts a database already holds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bundle_helpers import add_visit, craft_bundle, inner_zip, records_files, snapshot

from xiangyun_desk.cli import main as cli_main
from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.money import MAX_FEN
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles.report import report_lines

HUGE = 4 * 10**18  # fen: below the importer's old bound of 2**62, three of them overflow int64


def _relief(desk, name):
    return desk.relief.create({"visit_date": dt.date.today().isoformat(), "campaign": "winter",
                               "name": name, "category": "hardship", "cash_fen": "500"})


def test_a_bundle_with_huge_amounts_leaves_the_county_figures_working(county, station, tmp_path,
                                                                    capsys):
    """Three relief visits of 4×10**18 fen each (below the importer's old bound of 2**62) were
    applied, and the county's stats and summary report then died of an integer overflow. Now
    they are refused at the door with their reason and the figures keep working."""
    for i in range(3):
        _relief(station, f"张{i}")
    _relief(station, "李四")
    rows = _rows(station)
    for row in rows["relief_visit"]:
        if row["name"] != "李四":
            row["cash_fen"] = HUGE
    result = B.BundleImporter(county).import_files(
        [_bundle(tmp_path / "huge.xyb", station, county, rows)])[0]
    assert result.status == "applied" and result.counts["relief_visit"]["rejected"] == 3
    assert all("too large" in str(r["reason"]) for r in result.rejected_records)
    data_dir = county.data_dir
    county.close()
    assert cli_main(["--data-dir", str(data_dir), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["condolence"]["cash_yuan"] == "500.00"
    pdf = tmp_path / "summary.pdf"
    month = dt.date.today().strftime("%Y-%m")
    assert cli_main(["--data-dir", str(data_dir), "report", "summary", "--period", month,
                     "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_exact_sums_never_overflow_at_any_count(tmp_path, db_url):
    """storage/sums.py: the figures' sums are exact Python ints, far past 2**63."""
    from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, create_engine, select

    from xiangyun_desk.storage.sums import exact_sum

    engine = create_engine(db_url or f"sqlite:///{tmp_path / 'sums.sqlite3'}")
    meta = MetaData()
    t = Table("xyd_sum_test", meta, Column("id", Integer, primary_key=True),
              Column("g", Integer), Column("v", BigInteger))
    meta.drop_all(engine)
    meta.create_all(engine)
    values = [HUGE] * 5 + [2**63 - 1, -(2**62), 7, -3, 0]
    try:
        with engine.begin() as conn:
            conn.execute(t.insert(), [{"id": i, "g": i % 2, "v": v} for i, v in enumerate(values)])
            assert conn.execute(select(exact_sum(t.c.v))).scalar() == sum(values)
            per = dict(conn.execute(select(t.c.g, exact_sum(t.c.v)).group_by(t.c.g)).all())
            assert per == {g: sum(v for i, v in enumerate(values) if i % 2 == g) for g in (0, 1)}
            assert conn.execute(select(exact_sum(t.c.v)).where(t.c.id < 0)).scalar() == 0
    finally:
        meta.drop_all(engine)
        engine.dispose()


def test_money_is_formatted_exactly_however_large():
    from xiangyun_desk.domain.money import format_yuan

    assert format_yuan(3 * HUGE) == "120000000000000000.00"
    assert format_yuan(10**40 + 5) == "1" + "0" * 38 + ".05"


# ---- records that a station's form would refuse are refused at the county ----------------------

GOOD_ID = "532923198001011234"
BAD_ID = GOOD_ID[:-1] + "5"  # wrong check character (should be 4)


def _rows(station):
    """Every synced row of the station, by table (as its bundle would carry them)."""
    rows: dict[str, list[dict]] = {}
    for (table, _id), row in sorted(snapshot(station).items(),
                                    key=lambda kv: kv[1]["change_seq"]):
        rows.setdefault(table, []).append(dict(row))
    return rows


def _bundle(path, station, county, rows, **kw):
    files, entries = records_files(rows)
    top = max(r["change_seq"] for table in rows.values() for r in table)
    return craft_bundle(path, station, county, inner=inner_zip(files), tables=entries,
                        manifest_patch=lambda m: m.update(change_seq={"from": 0, "to": top}),
                        **kw)


def _relief_row(rows, name):
    return next(r for r in rows["relief_visit"] if r["name"] == name)


@pytest.fixture
def tampered(county, station, tmp_path):
    """A station with four good records; returns (rows, make) where make(rows) writes a bundle
    signed by the enrolled station (so only the records themselves are wrong)."""
    for name in ("好甲", "好乙", "坏甲", "坏乙"):
        _relief(station, name)
    add_visit(station, "来访者", id_number=GOOD_ID)
    counter = iter(range(100))

    def make(rows):
        return _bundle(tmp_path / f"t{next(counter)}.xyb", station, county, rows)

    return _rows(station), make


@pytest.mark.parametrize("field,value,words", [
    ("cash_fen", -50000, "negative"),
    ("goods_value_fen", HUGE, "too large"),
    ("cash_fen", MAX_FEN + 1, "too large"),
    ("visit_date", dt.date(9999, 12, 31), "9999-12-31"),
    ("visit_date", dt.date(1900, 1, 1), "1900-01-01"),
    ("id_number", BAD_ID, "check character should be 4"),
    ("phone", "12345", "mobile number has 11 digits"),
    ("campaign", "bribe", "listed values"),
    ("name", "", "required"),
    ("name", "坏\x00人", "control characters"),
])
def test_a_value_a_form_would_refuse_is_refused_with_its_reason_and_the_rest_applies(
        county, station, tampered, field, value, words):
    rows, make = tampered
    bad = _relief_row(rows, "坏甲")
    bad[field] = value
    path = make(rows)
    dry = B.BundleImporter(county).import_files([path], dry_run=True)[0]
    result = B.BundleImporter(county).import_files([path])[0]
    for r in (dry, result):
        assert r.status == "applied", r.to_json()
        assert r.counts["relief_visit"]["rejected"] == 1
        assert r.counts["relief_visit"]["new"] == 3
        (item,) = r.rejected_records
        assert item["id"] == bad["id"] and item["field"] == field
        assert words in str(item["reason"]), str(item["reason"])
    # The dry-run report says which record and why, per record, in the user's words.
    lines = report_lines(dry)
    assert any(bad["id"] in line and words in line for line in lines), lines
    stored = snapshot(county, "01")
    assert ("relief_visit", bad["id"]) not in stored
    assert ("relief_visit", _relief_row(rows, "好甲")["id"]) in stored


def test_a_visit_dated_9999_12_31_is_refused_at_the_door(county, station, tampered):
    rows, make = tampered
    rows["visit"][0]["visited_at"] = dt.datetime(9999, 12, 31, 9, 30)
    result = B.BundleImporter(county).import_files([make(rows)])[0]
    assert result.counts["visit"] == {"new": 0, "updated": 0, "deleted": 0, "unchanged": 0,
                                      "rejected": 1}
    assert "9999-12-31" in str(result.rejected_records[0]["reason"])
    assert result.rejected_records[0]["field"] == "visited_at"


@pytest.mark.parametrize("change,field", [
    (lambda r: r.update(change_seq=0), "change_seq"),  # not after the range start
    (lambda r: r.update(phone="13812345678", phone_norm="13900000000"), "phone_norm"),
    (lambda r: r.update(updated_at=dt.datetime(9999, 1, 1)), "updated_at"),
    (lambda r: r.update(left_at=r["visited_at"] - dt.timedelta(hours=1)), "left_at"),
])
def test_bundle_only_rules(county, station, tampered, change, field):
    rows, make = tampered
    change(rows["visit"][0])
    result = B.BundleImporter(county).import_files([make(rows)])[0]
    assert result.status == "applied" and result.counts["visit"]["rejected"] == 1
    assert result.rejected_records[0]["field"] == field


def test_a_station_cannot_send_a_county_fair(county, station, tmp_path):
    fair = station.fairs.create({"name": "春风行动", "held_on": "2026-03-01"})
    rows = _rows(station)
    next(r for r in rows["job_fair"] if r["id"] == fair)["source"] = "county"
    result = B.BundleImporter(county).import_files([_bundle(tmp_path / "f.xyb", station,
                                                            county, rows)])[0]
    assert result.counts["job_fair"]["rejected"] == 1
    assert result.rejected_records[0]["field"] == "source"


def test_a_record_refused_at_the_door_takes_its_children_with_it(county, station, tmp_path):
    volunteer = station.volunteers.create({"name": "志愿者", "status": "active",
                                           "id_number": GOOD_ID})
    station.service_records.create({"volunteer_id": volunteer, "served_on": "2026-11-01",
                                    "activity": "普法", "half_hours": "2"})
    rows = _rows(station)
    rows["volunteer"][0]["id_number"] = BAD_ID
    result = B.BundleImporter(county).import_files([_bundle(tmp_path / "v.xyb", station,
                                                            county, rows)])[0]
    assert result.counts["volunteer"]["rejected"] == 1
    assert result.counts["service_record"]["rejected"] == 1  # links to the refused volunteer
    assert snapshot(county, "01").keys().isdisjoint({("volunteer", volunteer)})


# ---- one ceiling and sane dates in the forms too ---------------------------------------------

def test_forms_and_services_use_the_same_ceiling_and_date_bounds(station):
    base = {"visit_date": "2026-11-02", "campaign": "winter", "name": "王五",
            "category": "hardship"}
    for cash in (-1, MAX_FEN + 1, str(MAX_FEN // 100 + 1), "-5"):
        with pytest.raises(ValidationFailed) as refused:
            station.relief.create({**base, "cash_fen": cash})
        assert "cash_fen" in refused.value.errors
    assert station.relief.get(station.relief.create({**base, "cash_fen": MAX_FEN}))[
        "cash_fen"] == MAX_FEN
    for when in ("9999-12-31", "1900-01-01",
                 (dt.date.today() + dt.timedelta(days=2)).isoformat()):
        with pytest.raises(ValidationFailed) as refused:
            station.relief.create({**base, "visit_date": when})
        assert "visit_date" in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        station.visits.create({"visited_at": "9999-12-31 09:30", "name": "张三",
                               "purpose": "legal", "status": "done"})
    assert "visited_at" in refused.value.errors
    # A planned date may lie ahead (a follow-up, a job fair), within about three years.
    ahead = (dt.date.today() + dt.timedelta(days=300)).isoformat()
    station.fairs.create({"name": "明年春风行动", "held_on": ahead})
    with pytest.raises(ValidationFailed):
        station.fairs.create({"name": "万年招聘会", "held_on": "9999-01-01"})
