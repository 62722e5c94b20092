"""Ledgers (台账): totals equal StatsService, personal data masked by default, headers repeated on
every page, any stored text printed literally, empty periods."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from report_helpers import all_text, flat, id_number, pages_text

from xiangyun_desk.services.reports import (
    LEDGER_REGISTERS,
    ReportError,
    ReportPeriod,
    ReportRequest,
    generate_report,
)
from xiangyun_desk.services.definitions import format_number as N
from xiangyun_desk.services.reports import texts as T
from xiangyun_desk.services.stats import StatsService


def ledger(desk, tmp_path, register, period="2026-10", **kw):
    request = ReportRequest("ledger", ReportPeriod.parse(period), register=register, **kw)
    return generate_report(desk, request, tmp_path / f"{register}.pdf")


def stats(desk, period):
    return StatsService(desk.db).compute(ReportPeriod.parse(period).stats_period())


@pytest.mark.parametrize("register", sorted(LEDGER_REGISTERS))
def test_every_ledger_renders_with_demo_data(demo_desk, tmp_path, register):
    out = ledger(demo_desk, tmp_path, register, "2026")
    pages = pages_text(out)
    assert pages
    title = T.TITLE_LEDGER.format(register=T.REGISTER_NAMES[register])
    for n, page in enumerate(pages, 1):
        assert title in flat(page)
        assert f"第{n}页/共{len(pages)}页" in flat(page)


def test_relief_totals_equal_stats_to_the_fen(demo_desk, tmp_path):
    out = ledger(demo_desk, tmp_path, "relief", "2026-Q3")
    c = stats(demo_desk, "2026-Q3")["condolence"]
    assert c["visits"] > 20
    expected = T.LEDGER_TOTAL_RELIEF.format(visits=N(c["visits"]), people=N(c["people"]),
                                            cash=N(c["cash_yuan"], "money"),
                                            goods=N(c["goods_value_yuan"], "money"))
    assert flat(expected) in all_text(out)


def test_visit_totals_equal_stats(demo_desk, tmp_path):
    out = ledger(demo_desk, tmp_path, "visits", "2026-10")
    v = stats(demo_desk, "2026-10")["visitors"]
    assert flat(T.LEDGER_TOTAL_VISITS.format(visits=N(v["visits"]), people=N(v["people"]))) in \
        all_text(out)


def test_fair_volunteer_and_service_totals_equal_stats(demo_desk, tmp_path):
    f = stats(demo_desk, "2026")
    j, vol = f["job_fairs"], f["volunteers"]
    text = all_text(ledger(demo_desk, tmp_path, "fairs", "2026"))
    assert flat(T.LEDGER_TOTAL_FAIRS.format(**{k: N(j[k]) for k in (
        "events", "employers", "positions", "seekers", "intentions")})) in text
    text = all_text(ledger(demo_desk, tmp_path, "seekers", "2026"))
    assert flat(T.LEDGER_TOTAL_SEEKERS.format(seekers=N(j["seekers"]))) in text
    text = all_text(ledger(demo_desk, tmp_path, "volunteers", "2026"))
    assert f"在册{vol['registered']}人" in text and f"本期服务{vol['service_hours']}小时" in text
    text = all_text(ledger(demo_desk, tmp_path, "service_records", "2026"))
    assert flat(T.LEDGER_TOTAL_SERVICE.format(records=N(vol["service_records"]),
                                              people=N(vol["serving"]),
                                              hours=N(vol["service_hours"], "hours"))) in text


def test_header_row_repeats_on_every_page(demo_desk, tmp_path):
    out = ledger(demo_desk, tmp_path, "visits", "2026-Q3")
    pages = pages_text(out)
    assert len(pages) >= 3
    for page in pages:
        assert "序号来访时间姓名性别联系电话身份证号码工作单位" in flat(page)


def test_ids_and_phones_are_masked_unless_full(make, desk, tmp_path):
    number = id_number("19850315", "271")
    make.relief(name="杨丽", id_number=number, phone="13987654321", cash_fen="300")
    make.visit(name="杨丽", id_number=number, phone="0872-1234567")
    for register in ("relief", "visits"):
        masked = all_text(ledger(desk, tmp_path, register))
        assert number not in masked and "13987654321" not in masked
        assert number[:4] + "*" * 10 + number[-4:] in masked
        assert flat(T.MASKED_NOTE) in masked
        full = all_text(ledger(desk, tmp_path, register, full_ids=True))
        assert number in full
        assert flat(T.CONFIDENTIAL_FULL) in full
    assert "139****4321" in all_text(ledger(desk, tmp_path, "relief"))
    assert "087*****4567" in all_text(ledger(desk, tmp_path, "visits"))


def test_any_stored_text_is_printed_literally(make, desk, tmp_path):
    tricky = [
        "<b>粗体</b> & <font name='x'>",
        "张\U0002C317",
        "A" * 100,
        "特别长的情况摘要，" * 300,
        "😀 表情",
        "]]> &amp; &lt; %s {0}",
    ]
    for i, text in enumerate(tricky):
        make.visit(name=text[:50], employer=text[:100], summary=text,
                   visited_at=f"2026-10-{i + 1:02d} 10:00")
    out = ledger(desk, tmp_path, "visits")
    text = all_text(out)
    assert flat("<b>粗体</b>&<fontname='x'>") in text
    assert "张\U0002C317" in text
    assert "]]>&amp;&lt;%s{0}" in text
    assert "□表情" in text
    assert flat(T.TRUNCATED) in text  # 2,700 characters are cut, not laid out over pages
    assert flat(T.LEDGER_TOTAL_VISITS.format(visits=len(tricky), people=len(tricky))) in text


def test_empty_period_says_there_are_no_records(desk, tmp_path):
    for register in LEDGER_REGISTERS:
        out = ledger(desk, tmp_path, register, "2020-02")
        text = all_text(out)
        assert flat(T.NO_RECORDS) in text
        assert len(PdfReader(str(out)).pages) == 1


def test_deleted_records_are_not_listed(make, desk, tmp_path):
    make.relief(name="留下", cash_fen="100")
    gone = make.relief(name="删掉的", cash_fen="999")
    desk.relief.delete(gone)
    text = all_text(ledger(desk, tmp_path, "relief"))
    assert "留下" in text and "删掉的" not in text
    assert "慰问金100.00元" in text


def test_unknown_register_is_refused(desk, tmp_path):
    with pytest.raises(ReportError):
        ledger(desk, tmp_path, "nonsense")
    assert not list(tmp_path.glob("*.pdf*")) and not list(tmp_path.glob(".*"))
