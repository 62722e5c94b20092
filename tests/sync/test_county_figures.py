"""The county's per-station figures: the totals row is the county's figures, every station of
the list is in view (a station that never sent anything shows as missing and counts as 逾期)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bundle_helpers import add_records

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.county import CountyService
from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.services.stats import Period, StatsService

TODAY = dt.date.today()


def _import(county, stations, usb):
    files = [B.export_bundle(s, usb).path for s in stations]
    results = B.BundleImporter(county).import_files(files)
    assert all(r.status == "applied" for r in results), [r.status for r in results]


def test_totals_row_equals_the_county_figures(county, make_station, usb):
    one, two = make_station("01"), make_station("02")
    add_records(one, 300, seed=1)
    add_records(two, 200, seed=2)
    # The same person visited by both stations: one person for the county, one at each.
    for desk in (one, two):
        desk.relief.create({"visit_date": TODAY.isoformat(), "campaign": "winter",
                            "name": "李四", "category": "hardship",
                            "id_number": "53292319900101005X", "cash_fen": "1000.50"})
    _import(county, [one, two], usb)
    county.fairs.create({"name": "县总工会招聘会", "held_on": TODAY.isoformat()})
    service = CountyService(county)
    for period in (Period.year_of(TODAY), Period.month_of(TODAY), Period()):
        result = service.station_figures(period)
        totals = StatsService(county.db).compute(period)
        assert result["totals"] == totals
        codes = [r["code"] for r in result["rows"]]
        assert {"01", "02"} <= set(codes)
        for m in DEF.MEASURES:
            column = sum((m.number(r["figures"]) for r in result["rows"]), Decimal(0))
            if m.additive:
                assert column == m.number(totals), (m.key, period)
            else:  # distinct people: the county counts a person once
                assert column >= m.number(totals), m.key
    year = service.station_figures(Period.year_of(TODAY))
    assert sum(r["figures"]["condolence"]["people"] for r in year["rows"]) \
        == year["totals"]["condolence"]["people"] + 1
    assert any(r["own"] for r in year["rows"])  # the county's own job fair has its row


def test_a_station_that_never_sent_anything_shows_as_missing_and_overdue(county,
                                                                          make_station, usb):
    one = make_station("01")
    add_records(one, 50)
    _import(county, [one], usb)
    StationRegistry(county).add("07", "禾甸镇职工之家", "禾甸镇")
    StationRegistry(county).add("08", "米甸镇职工之家", "米甸镇", monthly_expected=False)
    rows = {r.code: r for r in CountyService(county).stations()}
    assert rows["07"].never_seen and rows["07"].overdue
    assert rows["08"].never_seen and not rows["08"].overdue  # no monthly bundle expected
    assert rows["01"].received_since(TODAY.replace(day=1)) and not rows["01"].overdue
    result = CountyService(county).station_figures(Period.month_of(TODAY))
    listed = {r["code"]: r for r in result["rows"]}
    assert listed["07"]["never_seen"] and listed["07"]["name"] == "禾甸镇职工之家"
    assert DEF.BY_KEY["visitors.batches"].value(listed["07"]["figures"]) == 0
    assert [r.code for r in result["late"]] == ["07"]


def test_county_summary_pdf_has_the_station_table_and_the_missing_stations(
        county, make_station, usb, tmp_path, monkeypatch):
    import re

    from pypdf import PdfReader

    from xiangyun_desk.services.reports import ReportPeriod, ReportRequest, generate_report
    from xiangyun_desk.services.reports import texts as T

    monkeypatch.setenv("XYD_REPORT_FONTS", "bundled")
    one, two = make_station("01"), make_station("02")
    add_records(one, 200, seed=1)
    add_records(two, 100, seed=2)
    _import(county, [one, two], usb)
    StationRegistry(county).add("07", "禾甸镇职工之家", "禾甸镇")
    period = ReportPeriod.year(TODAY.year)
    out = generate_report(county, ReportRequest("summary", period), tmp_path / "county.pdf")
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    totals = StatsService(county.db).compute(period.stats_period())
    measures = [DEF.BY_KEY[k] for k in DEF.STATION_KEYS]
    assert T.SUMMARY_STATIONS in text
    assert T.TOTAL + "".join(m.text(totals) for m in measures) in text
    for code in ("01", "02"):
        station = StatsService(county.db).compute(period.stats_period(), code)
        assert f"（{code}）" + "".join(m.text(station) for m in measures) in text
    assert f"禾甸镇职工之家（07）——{T.LATE_NEVER}" in text


def test_county_registers_filter_by_dates_category_and_station(county, make_station, usb):
    from xiangyun_desk.storage import models as M

    one, two = make_station("01"), make_station("02")
    for desk, purpose, day in ((one, "legal", "2026-03-01"), (one, "rest", "2026-03-31"),
                               (two, "legal", "2026-04-01"), (two, "legal", "2026-03-15")):
        desk.visits.create({"visited_at": f"{day} 23:30", "name": "张三", "purpose": purpose,
                            "status": "done"})
    _import(county, [one, two], usb)
    service = CountyService(county)

    def keys(**kw):
        return len(service.record_keys(M.Visit, "visited_at", category_column="purpose", **kw))

    assert keys() == 4
    march = {"date_from": dt.date(2026, 3, 1), "date_to": dt.date(2026, 3, 31)}
    assert keys(**march) == 3  # the evening of the 31st is in March
    assert keys(category="legal", **march) == 2
    assert keys(category="legal", station="01", **march) == 1
    assert keys(station="02") == 2
