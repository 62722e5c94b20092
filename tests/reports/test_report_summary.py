"""The work report (工作报表): every figure equals StatsService for the same period."""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import all_text, flat, pages_text

from xiangyun_desk.services.reports import ReportPeriod, ReportRequest, generate_report
from xiangyun_desk.services.reports import texts as T
from xiangyun_desk.services.stats import StatsService


def _summary(desk, tmp_path, period: str):
    p = ReportPeriod.parse(period)
    out = generate_report(desk, ReportRequest("summary", p), tmp_path / f"summary-{period}.pdf")
    return out, StatsService(desk.db).compute(p.stats_period())


@pytest.mark.parametrize("period", ["2026-10", "2026-Q3", "2026"])
def test_headline_figures_equal_stats(demo_desk, tmp_path, period):
    out, f = _summary(demo_desk, tmp_path, period)
    text = all_text(out)
    v, c, j, vol = f["visitors"], f["condolence"], f["job_fairs"], f["volunteers"]
    assert v["visits"] > 0 and c["visits"] > 0
    assert flat(T.HEADLINE_VISITS.format(visits=v["visits"], people=v["people"])) in text
    assert flat(T.HEADLINE_RELIEF.format(visits=c["visits"], people=c["people"],
                                         cash=c["cash_yuan"], goods=c["goods_value_yuan"])) in text
    assert flat(T.HEADLINE_FAIRS.format(**{k: j[k] for k in (
        "events", "employers", "positions", "seekers", "intentions")})) in text
    assert flat(T.HEADLINE_VOLUNTEERS.format(
        registered=vol["registered"], active=vol["active"], records=vol["service_records"],
        hours=vol["service_hours"])) in text


def test_breakdowns_equal_stats(demo_desk, tmp_path):
    out, f = _summary(demo_desk, tmp_path, "2026-Q3")
    text = all_text(out)
    labels = demo_desk.code_labels("zh")
    for code, x in f["condolence"]["by_campaign"].items():
        row = f"{labels['campaign'][code]}{x['visits']}{x['people']}{x['cash_yuan']}" \
              f"{x['goods_value_yuan']}"
        assert row in text
    for code, n in f["visitors"]["by_purpose"].items():
        assert f"{labels['visit_purpose'][code]}{n}" in text
    total = f"{T.TOTAL}{f['condolence']['visits']}{f['condolence']['people']}" \
            f"{f['condolence']['cash_yuan']}{f['condolence']['goods_value_yuan']}"
    assert total in text


def test_quarter_has_a_month_by_month_table_that_adds_up(demo_desk, tmp_path):
    p = ReportPeriod.parse("2026-Q3")
    out, f = _summary(demo_desk, tmp_path, "2026-Q3")
    text = all_text(out)
    assert flat(T.SUMMARY_MONTHLY) in text
    stats = StatsService(demo_desk.db)
    cash = Decimal(0)
    for month in p.months():
        m = stats.compute(month.stats_period())
        cash += Decimal(m["condolence"]["cash_yuan"])
        assert f"{month.start.month}月{m['visitors']['visits']}{m['visitors']['people']}" in text
    assert cash == Decimal(f["condolence"]["cash_yuan"])
    assert f"{T.WHOLE_PERIOD}{f['visitors']['visits']}{f['visitors']['people']}" in text


def test_month_has_no_monthly_table_and_a_signature_block(demo_desk, tmp_path):
    out, _ = _summary(demo_desk, tmp_path, "2026-10")
    text = all_text(out)
    assert flat(T.SUMMARY_MONTHLY) not in text
    for label in (T.SIGN_FILLED_BY, T.SIGN_REVIEWED_BY, T.SIGN_DATE, T.SIGN_STAMP):
        assert flat(label) in text


def test_every_page_has_station_title_period_and_page_of_pages(demo_desk, tmp_path):
    out, _ = _summary(demo_desk, tmp_path, "2026")
    pages = pages_text(out)
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        text = flat(page)
        assert "云南驿镇职工之家" in text and "工作报表" in text and "2026年度" in text
        assert f"第{n}页/共{len(pages)}页" in text


def test_empty_period_gives_a_valid_report_of_zeros(desk, tmp_path):
    out, _ = _summary(desk, tmp_path, "2020-03")
    text = all_text(out)
    assert flat(T.HEADLINE_VISITS.format(visits=0, people=0)) in text
    assert flat(T.HEADLINE_RELIEF.format(visits=0, people=0, cash="0.00", goods="0.00")) in text
    assert "第1页/共1页" in text
