"""Report periods: month, quarter, year and date ranges; labels; bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from xiangyun_desk.services.reports import PeriodInvalid, ReportPeriod

D = dt.date


@pytest.mark.parametrize(("text", "start", "end", "label", "code"), [
    ("2026-10", D(2026, 10, 1), D(2026, 10, 31), "2026年10月", "2026-10"),
    ("2026-2", D(2026, 2, 1), D(2026, 2, 28), "2026年2月", "2026-02"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "2024年2月", "2024-02"),
    ("2026-12", D(2026, 12, 1), D(2026, 12, 31), "2026年12月", "2026-12"),
    ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31), "2026年第四季度", "2026-Q4"),
    ("2026q1", D(2026, 1, 1), D(2026, 3, 31), "2026年第一季度", "2026-Q1"),
    ("2026", D(2026, 1, 1), D(2026, 12, 31), "2026年度", "2026"),
    (" 2026-10-05..2026-11-15 ", D(2026, 10, 5), D(2026, 11, 15),
     "2026年10月5日至2026年11月15日", "2026-10-05..2026-11-15"),
])
def test_parse(text, start, end, label, code):
    p = ReportPeriod.parse(text)
    assert (p.start, p.end, p.label, p.code) == (start, end, label, code)
    assert ReportPeriod.parse(p.code) == p
    assert p.stats_period().start == start and p.stats_period().end == end


@pytest.mark.parametrize("text", ["", "2026-13", "2026-00", "2026-Q5", "26-10", "2026/10",
                                  "十月", "2026-11-31..2026-12-01", "2026-12-01..2026-11-01",
                                  "2026-10-01..", "<b>"])
def test_bad_periods_say_what_to_type(text):
    with pytest.raises(PeriodInvalid) as info:
        ReportPeriod.parse(text)
    assert "2026" in str(info.value)


def test_months_of_a_quarter_and_a_range():
    assert [m.code for m in ReportPeriod.parse("2026-Q4").months()] == [
        "2026-10", "2026-11", "2026-12"]
    assert len(ReportPeriod.parse("2026").months()) == 12
    clipped = ReportPeriod.parse("2026-10-15..2026-12-05").months()
    assert [(m.start, m.end) for m in clipped] == [
        (D(2026, 10, 15), D(2026, 10, 31)), (D(2026, 11, 1), D(2026, 11, 30)),
        (D(2026, 12, 1), D(2026, 12, 5))]
