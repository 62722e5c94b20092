"""The work report (工作报表): every figure equals StatsService for the same period."""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import all_text, flat, pages_text

from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.reports import ReportPeriod, ReportRequest, generate_report
from xiangyun_desk.services.reports import texts as T
from xiangyun_desk.services.stats import StatsService

N = DEF.format_number


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
    assert flat(T.HEADLINE_VISITS.format(batches=N(v["batches"]),
                                         person_times=N(v["person_times"]))) in text
    assert flat(T.HEADLINE_RELIEF.format(
        person_times=N(c["person_times"]), people=N(c["people"]),
        cash=N(c["cash_yuan"], "money"), goods=N(c["goods_value_yuan"], "money"))) in text
    assert flat(T.HEADLINE_FAIRS.format(**{k: N(j[k]) for k in (
        "events", "employers", "positions", "seekers", "intentions")})) in text
    assert flat(T.HEADLINE_VOLUNTEERS.format(
        registered=N(vol["registered"]), serving=N(vol["serving"]),
        records=N(vol["service_records"]), hours=N(vol["service_hours"], "hours"))) in text


def test_breakdowns_equal_stats(demo_desk, tmp_path):
    out, f = _summary(demo_desk, tmp_path, "2026-Q3")
    text = all_text(out)
    labels = demo_desk.code_labels("zh")
    for code, x in f["condolence"]["by_campaign"].items():
        row = f"{labels['campaign'][code]}{N(x['visits'])}{N(x['people'])}" \
              f"{N(x['cash_yuan'], 'money')}{N(x['goods_value_yuan'], 'money')}"
        assert row in text
    for code, n in f["visitors"]["by_purpose"].items():
        assert f"{labels['visit_purpose'][code]}{n}" in text
    c = f["condolence"]
    total = f"{T.TOTAL}{N(c['visits'])}{N(c['people'])}{N(c['cash_yuan'], 'money')}" \
            f"{N(c['goods_value_yuan'], 'money')}"
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
        assert f"{month.start.month}月{N(m['visitors']['batches'])}" \
               f"{N(m['visitors']['person_times'])}" in text
    assert cash == Decimal(f["condolence"]["cash_yuan"])
    assert f"{T.WHOLE_PERIOD}{N(f['visitors']['batches'])}{N(f['visitors']['person_times'])}" \
        in text


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
    assert flat(T.HEADLINE_VISITS.format(batches=0, person_times=0)) in text
    assert flat(T.HEADLINE_RELIEF.format(person_times=0, people=0, cash="0.00",
                                         goods="0.00")) in text
    assert "第1页/共" in text and flat(T.SUMMARY_DEFINITIONS) in text


def test_month_and_quarter_show_this_period_and_year_to_date_side_by_side(demo_desk, tmp_path):
    for code in ("2026-10", "2026-Q3"):
        p = ReportPeriod.parse(code)
        out, f = _summary(demo_desk, tmp_path, code)
        ytd = StatsService(demo_desk.db).compute(p.stats_period().year_to_date())
        text = all_text(out)
        assert f"{T.COL_THIS_PERIOD}{T.COL_YEAR_TO_DATE}" in text
        for m in DEF.MEASURES:
            assert f"{m.name}{m.unit}{m.text(f)}{m.text(ytd)}" in text, m.key
    out, _ = _summary(demo_desk, tmp_path, "2026")
    assert f"{T.COL_THIS_PERIOD}{T.COL_YEAR_TO_DATE}" not in all_text(out)


def test_the_last_page_is_the_table_of_definitions(demo_desk, tmp_path):
    out, _ = _summary(demo_desk, tmp_path, "2026-Q3")
    last = flat(pages_text(out)[-1])
    assert flat(T.SUMMARY_DEFINITIONS) in last
    for m in DEF.MEASURES:
        assert flat(m.name + m.unit + m.definition) in last, m.key


def test_thousands_separators_in_the_pdf(make, desk, tmp_path):
    for _ in range(3):
        make.relief(visit_date="2026-10-05", cash_fen="600.25", name="甲")
    make.visit(visited_at="2026-10-03 09:00", party_size="999")
    make.visit(visited_at="2026-10-04 09:00", party_size="300")
    out, _ = _summary(desk, tmp_path, "2026-10")
    text = all_text(out)
    assert "1,800.75" in text and "1,299" in text


def test_the_months_chart_shows_the_figures_of_each_month(demo_desk, tmp_path):
    from xiangyun_desk.services.reports import ReportRequest, make_context
    from xiangyun_desk.services.reports.summary import chart_months, months_chart

    for code, count in (("2026-Q3", 3), ("2026-10", 10), ("2026", 12)):
        ctx = make_context(demo_desk, ReportRequest("summary", ReportPeriod.parse(code)))
        months = chart_months(ctx)
        assert len(months) == count
        stats = StatsService(demo_desk.db)
        monthly = [(m, stats.compute(m.stats_period())) for m in months]
        drawing = months_chart(ctx, monthly, ctx.width)
        for key in DEF.CHART_KEYS:
            expected = [float(DEF.BY_KEY[key].number(x)) for _m, x in monthly]
            assert list(drawing.charts[key].data[0]) == expected, key
        assert any(v > 0 for v in drawing.charts["visitors.person_times"].data[0])
