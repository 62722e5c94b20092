"""The relief roster (慰问金发放签收表): one campaign, a signature column, totals equal to
StatsService."""

from __future__ import annotations

import pytest
from report_helpers import all_text, flat, id_number, pages_text

from xiangyun_desk.services.reports import (
    ReportError,
    ReportPeriod,
    ReportRequest,
    check_request,
    generate_report,
)
from xiangyun_desk.services.definitions import format_number as N
from xiangyun_desk.services.reports import texts as T
from xiangyun_desk.services.reports.common import rmb_upper
from xiangyun_desk.services.stats import StatsService


def roster(desk, tmp_path, campaign="winter", period="2026-10", **kw):
    request = ReportRequest("roster", ReportPeriod.parse(period), campaign=campaign, **kw)
    return generate_report(desk, request, tmp_path / "roster.pdf")


def test_only_the_campaign_is_listed_with_totals(make, desk, tmp_path):
    make.relief(name="甲", campaign="winter", cash_fen="500.50", goods="棉被一床",
                goods_value_fen="120", id_number=id_number("19700101", "001"))
    make.relief(name="乙", campaign="winter", cash_fen="300", visit_date="2026-10-20")
    make.relief(name="丙", campaign="summer", cash_fen="999")
    make.relief(name="丁", campaign="winter", cash_fen="888", visit_date="2026-11-01")
    text = all_text(roster(desk, tmp_path))
    assert "甲" in text and "乙" in text and "丙" not in text and "丁" not in text
    assert flat(T.ROSTER_TOTAL.format(people=2, visits=2, cash="800.50", goods="120.00")) in text
    assert flat(T.ROSTER_AMOUNT_WORDS.format(words="捌佰元零伍角整")) in text
    assert flat(T.COL["signature"]) in text
    assert "冬送温暖" + flat(T.TITLE_ROSTER) in text
    assert "5329**********" in text  # masked by default
    for label in (T.SIGN_ISSUER, T.SIGN_WITNESS, T.SIGN_LEADER, T.SIGN_STAMP):
        assert flat(label) in text


def test_totals_equal_stats_by_campaign(demo_desk, tmp_path):
    period = ReportPeriod.parse("2026")
    figures = StatsService(demo_desk.db).compute(period.stats_period())["condolence"]
    for campaign in ("winter", "edu"):
        x = figures["by_campaign"][campaign]
        out = roster(demo_desk, tmp_path, campaign, "2026")
        text = all_text(out)
        assert flat(T.ROSTER_TOTAL.format(
            people=N(x["people"]), visits=N(x["visits"]), cash=N(x["cash_yuan"], "money"),
            goods=N(x["goods_value_yuan"], "money"))) in text
        pages = pages_text(out)
        assert len(pages) > 1
        for page in pages:  # the header row with the signature column on every page
            assert "领取人签字" in flat(page)


def test_campaign_may_be_given_by_its_label(desk):
    request = ReportRequest("roster", ReportPeriod.parse("2026"), campaign="冬送温暖")
    assert check_request(desk, request).campaign == "winter"
    with pytest.raises(ReportError):
        check_request(desk, ReportRequest("roster", ReportPeriod.parse("2026"), campaign="x"))


def test_empty_roster(desk, tmp_path):
    text = all_text(roster(desk, tmp_path))
    assert flat(T.NO_RECORDS) in text


@pytest.mark.parametrize(("fen", "words"), [
    (0, "零元整"), (5, "伍分"), (100, "壹元整"), (1000, "壹拾元整"),
    (123456, "壹仟贰佰叁拾肆元伍角陆分"), (1001000, "壹万零壹拾元整"),
    (1010100, "壹万零壹佰零壹元整"), (120030000, "壹佰贰拾万零叁佰元整"),
    (10000000000, "壹亿元整"), (100001, "壹仟元零壹分"), (80050, "捌佰元零伍角整"),
])
def test_amount_in_capital_numerals(fen, words):
    assert rmb_upper(fen) == words
