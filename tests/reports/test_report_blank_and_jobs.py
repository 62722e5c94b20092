"""Blank forms; progress and cancel; atomic writing; bad output paths; the file name offered."""

from __future__ import annotations

import os

import pytest
from pypdf import PdfReader
from report_helpers import all_text, flat, pages_text

from xiangyun_desk.services.reports import (
    PROGRESS_TOTAL,
    ReportCancelled,
    ReportError,
    ReportPeriod,
    ReportRequest,
    default_filename,
    generate_report,
)
from xiangyun_desk.services.reports import texts as T


def test_blank_forms_one_page_each(desk, tmp_path):
    out = generate_report(desk, ReportRequest("blank"), tmp_path / "blank.pdf")
    pages = pages_text(out)
    assert len(pages) == 2
    visits, fair = (flat(p) for p in pages)
    assert "云南驿镇职工之家" + T.TITLE_BLANK_VISITS in visits
    assert "法律咨询" in visits and "本人签字" in visits
    assert "云南驿镇职工之家" + T.TITLE_BLANK_FAIR in fair and "求职意向" in fair
    assert "第2页/共2页" in fair
    one = generate_report(desk, ReportRequest("blank", forms=("fair",)), tmp_path / "fair.pdf")
    assert len(PdfReader(str(one)).pages) == 1
    with pytest.raises(ReportError):
        generate_report(desk, ReportRequest("blank", forms=("nope",)), tmp_path / "x.pdf")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_progress_rises_to_the_total(demo_desk, tmp_path):
    seen = []
    generate_report(demo_desk, ReportRequest("ledger", ReportPeriod.parse("2026-Q3"),
                                             register="visits"),
                    tmp_path / "v.pdf", progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 20
    assert all(total == PROGRESS_TOTAL for _, total in seen)
    values = [done for done, _ in seen]
    assert values == sorted(values) and values[-1] == PROGRESS_TOTAL


@pytest.mark.parametrize("when", [0.0, 0.1, 0.5, 0.9, 1.0])
def test_cancel_leaves_nothing_behind(demo_desk, tmp_path, when):
    request = ReportRequest("ledger", ReportPeriod.parse("2026"), register="visits")
    checks = {"n": 0}

    def count():
        checks["n"] += 1
        return False

    generate_report(demo_desk, request, tmp_path / "whole.pdf", cancelled=count)
    (tmp_path / "whole.pdf").unlink()
    assert checks["n"] > 100  # checked often: at least once a page
    stop_after = int(when * (checks["n"] - 1))
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > stop_after

    with pytest.raises(ReportCancelled):
        generate_report(demo_desk, request, tmp_path / "ledger.pdf", cancelled=cancelled)
    assert _leftovers(tmp_path) == []


def test_cancel_keeps_an_existing_file_untouched(demo_desk, tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"the previous report")
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 50

    with pytest.raises(ReportCancelled):
        generate_report(demo_desk, ReportRequest("summary", ReportPeriod.parse("2026")), target,
                        cancelled=cancelled)
    assert target.read_bytes() == b"the previous report"
    assert _leftovers(tmp_path) == ["old.pdf"]


def test_an_error_midway_leaves_nothing_behind(demo_desk, tmp_path):
    def progress(done, total):
        if done > 500:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        generate_report(demo_desk, ReportRequest("ledger", ReportPeriod.parse("2026"),
                                                 register="relief"),
                        tmp_path / "r.pdf", progress=progress)
    assert _leftovers(tmp_path) == []


def test_unwritable_output_gives_a_clear_message(desk, tmp_path):
    with pytest.raises(ReportError) as info:
        generate_report(desk, ReportRequest("blank"), tmp_path / "missing" / "x.pdf")
    assert "missing" in str(info.value)
    with pytest.raises(ReportError):
        generate_report(desk, ReportRequest("blank"), tmp_path)  # a folder
    if os.geteuid() != 0:  # root can write anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ReportError):
                generate_report(desk, ReportRequest("blank"), locked / "x.pdf")
        finally:
            locked.chmod(0o700)


def test_default_filename_is_readable(desk):
    q4 = ReportPeriod.parse("2026-Q4")
    assert default_filename(desk, ReportRequest("summary", q4)) == \
        "云南驿镇职工之家_工作报表_2026-Q4.pdf"
    assert default_filename(desk, ReportRequest("ledger", q4, register="relief")) == \
        "云南驿镇职工之家_慰问走访台账_2026-Q4.pdf"
    assert default_filename(desk, ReportRequest("roster", q4, campaign="winter")) == \
        "云南驿镇职工之家_冬送温暖慰问金发放签收表_2026-Q4.pdf"


def test_summary_of_a_date_range(make, desk, tmp_path):
    make.visit(visited_at="2026-10-05 10:00", party_size="2")
    make.visit(visited_at="2026-11-15 23:59")
    make.visit(visited_at="2026-11-16 00:00")
    out = generate_report(desk, ReportRequest(
        "summary", ReportPeriod.parse("2026-10-05..2026-11-15")), tmp_path / "range.pdf")
    text = all_text(out)
    assert flat(T.HEADLINE_VISITS.format(batches=2, person_times=3)) in text
    assert "2026年10月5日至2026年11月15日" in text
