"""The job-fair report: employers and positions, seekers, intentions; figures equal StatsService."""

from __future__ import annotations

import pytest
from report_helpers import all_text, flat, pages_text

from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.reports import (
    ReportError,
    ReportPeriod,
    ReportRequest,
    check_request,
    fairs_in,
    generate_report,
)
from xiangyun_desk.services.reports import texts as T
from xiangyun_desk.services.stats import Period, StatsService


def test_small_fair(make, desk, tmp_path):
    fair = make.fair(name="情系职工 春风送岗", place="祥云县人力资源市场")
    bus = make.employer(fair, name="祥云县公交公司", positions="12", phone="13800001111",
                        job_titles="司机、调度员")
    mine = make.employer(fair, name="<矿业> & 公司", positions="30")
    a = make.seeker(fair, name="杨一", phone="13912345678")
    b = make.seeker(fair, name="杨二")
    make.seeker(fair, name="杨三")
    make.intention(fair, a, bus)
    make.intention(fair, a, mine, status="signed")
    make.intention(fair, b, mine)
    out = generate_report(desk, ReportRequest("jobfair", event_id=fair[:8]), tmp_path / "f.pdf")
    text = all_text(out)
    assert flat(T.FAIR_HEADLINE.format(employers=2, positions=42, seekers=3, intentions=2,
                                       records=3)) in text
    assert "情系职工春风送岗" in text and "<矿业>&公司" in text
    assert "138****1111" in text and "139****5678" in text and "13912345678" not in text
    assert "杨三" in text and "已签约" in text
    for section in (T.FAIR_SECTION_EMPLOYERS, T.FAIR_SECTION_SEEKERS, T.FAIR_SECTION_INTENTIONS):
        assert flat(section) in text
    assert "2026年10月20日" in text  # the page header names the fair's day


def test_demo_fair_figures_equal_stats(demo_desk, tmp_path):
    fair = fairs_in(demo_desk)[0]
    day = fair["held_on"]
    x = StatsService(demo_desk.db).compute(Period(day, day))["job_fairs"]["by_event"][fair["id"]]
    assert x["seekers"] > 50
    out = generate_report(demo_desk, ReportRequest("jobfair", event_id=fair["id"]),
                          tmp_path / "fair.pdf")
    text = all_text(out)
    assert flat(T.FAIR_TOTAL_EMPLOYERS.format(**x)) in text
    assert flat(T.FAIR_TOTAL_SEEKERS.format(**x)) in text
    records = demo_desk.intentions.count(RegisterQuery(parent_id=fair["id"]))
    assert flat(T.FAIR_HEADLINE.format(records=records, **x)) in text
    assert flat(T.FAIR_TOTAL_INTENTIONS.format(records=records, people=x["intentions"])) in text


def test_fair_choice(make, desk):
    with pytest.raises(ReportError):  # no fair at all
        check_request(desk, ReportRequest("jobfair"))
    only = make.fair(held_on="2026-10-20")
    make.fair(held_on="2026-05-01")
    with pytest.raises(ReportError) as info:  # two fairs: say which there are
        check_request(desk, ReportRequest("jobfair"))
    assert only[:8] in str(info.value)
    # the only fair of the period is taken
    one = check_request(desk, ReportRequest("jobfair", ReportPeriod.parse("2026-10")))
    assert one.event_id == only
    with pytest.raises(ReportError):
        check_request(desk, ReportRequest("jobfair", event_id="ffffffff"))
    with pytest.raises(ReportError):
        check_request(desk, ReportRequest("jobfair", event_id="<b>"))
    desk.fairs.delete(only)
    with pytest.raises(ReportError):
        check_request(desk, ReportRequest("jobfair", event_id=only))


def test_the_report_counts_intentions_per_position(desk, make, tmp_path):
    from xiangyun_desk.services.reports.jobfair import position_counts

    fair = make.fair()
    bus = make.employer(fair, name="祥云县公交公司", job_titles="司机、调度员")
    shop = make.employer(fair, name="商贸城", job_titles="营业员，保洁员")
    a, b, c = (make.seeker(fair, name=n) for n in ("甲", "乙", "丙"))
    make.intention(fair, a, bus, position="司机")
    make.intention(fair, b, bus, position="司机")
    make.intention(fair, b, bus, position="调度员")
    make.intention(fair, c, shop)  # an old-style intention: no position
    counts = position_counts(desk, fair)
    assert [(x["employer"], x["position"], x["intentions"], x["people"]) for x in counts] == [
        ("祥云县公交公司", "司机", 2, 2), ("祥云县公交公司", "调度员", 1, 1), ("商贸城", None, 1, 1)]
    out = generate_report(desk, ReportRequest("jobfair", event_id=fair), tmp_path / "f.pdf")
    first = flat(pages_text(out)[0])
    assert flat(T.FAIR_SECTION_POSITIONS) in first
    assert "祥云县公交公司司机22" in first and f"商贸城{T.FAIR_NO_POSITION}11" in first


def test_a_position_must_be_one_the_employer_offers(desk, make):
    import pytest

    from xiangyun_desk.domain.errors import ValidationFailed
    from xiangyun_desk.domain.fields import split_positions

    assert split_positions("普工、焊工，营业员; 司机 / 普工") == ["普工", "焊工", "营业员", "司机"]
    fair = make.fair()
    bus = make.employer(fair, job_titles="司机、调度员")
    seeker = make.seeker(fair)
    with pytest.raises(ValidationFailed) as err:
        make.intention(fair, seeker, bus, position="厨师")
    assert "position" in err.value.errors


def test_page_one_is_not_left_empty_by_a_long_employer_table(desk, make, tmp_path):
    fair = make.fair()
    for n in range(40):
        make.employer(fair, name=f"单位{n:02d}", job_titles="普工")
    out = generate_report(desk, ReportRequest("jobfair", event_id=fair), tmp_path / "f.pdf")
    first = flat(pages_text(out)[0])
    assert flat(T.FAIR_SECTION_EMPLOYERS) in first and "单位00" in first


def test_the_fair_can_be_named_by_its_name_and_date(desk, make):
    from xiangyun_desk.services.reports import ReportError, check_request

    a = make.fair(name="春风行动", held_on="2026-02-20")
    b = make.fair(name="春风行动", held_on="2026-03-20")
    c = make.fair(name="金秋招聘月", held_on="2026-09-01")

    def resolve(text):
        return check_request(desk, ReportRequest("jobfair", event_id=text)).event_id

    assert resolve("春风行动 2026-02-20") == a
    assert resolve("春风行动@2026-03-20") == b
    assert resolve("金秋招聘月") == c
    assert resolve("2026-09-01") == c
    assert resolve(a[:8]) == a
    with pytest.raises(ReportError):
        resolve("春风行动")  # two of them: the date is needed
    with pytest.raises(ReportError):
        resolve("没有这场 2026-02-20")
