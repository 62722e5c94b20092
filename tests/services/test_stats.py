"""Headline figures equal numbers worked out by hand on small data."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from db_dialects import open_desk

from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.stats import Period, StatsService

ID1 = "53292319900101005X"
D = dt.date


@pytest.fixture
def desk(tmp_path, db_url):
    """A station desk on SQLite and on PostgreSQL (tests/conftest.py ``db_url``)."""
    d = open_desk(tmp_path / "data", db_url)
    d.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红", "王建国"])
    yield d
    d.close()


def figures(desk, start=None, end=None):
    return StatsService(desk.db).compute(Period(start, end))


def test_empty_database(desk):
    f = figures(desk)
    assert f["period"] == {"from": None, "to": None}
    assert (f["visitors"]["visits"], f["visitors"]["people"]) == (0, 0)
    assert f["condolence"]["cash_yuan"] == "0.00"
    assert f["condolence"]["goods_value_yuan"] == "0.00"
    assert {k: f["job_fairs"][k] for k in ("events", "positions", "seekers", "intentions")} == \
        {"events": 0, "positions": 0, "seekers": 0, "intentions": 0}
    assert f["volunteers"]["service_hours"] == "0.0"
    json.dumps(f)  # serialisable as it is (the CLI prints it)


@pytest.fixture
def visits(desk, make):
    make.visit(visited_at="2026-03-01 10:00", party_size="1", purpose="legal", status="done")
    make.visit(visited_at="2026-03-31 23:30", party_size="3", purpose="rest", status="following")
    make.visit(visited_at="2026-04-01 00:00", party_size="2", purpose="legal", status="done")
    gone = make.visit(visited_at="2026-03-15 10:00", party_size="5", purpose="rest")
    desk.visits.delete(gone)


def test_visitors(desk, visits):
    march = figures(desk, D(2026, 3, 1), D(2026, 3, 31))["visitors"]
    assert (march["visits"], march["people"]) == (2, 4)
    assert march["by_purpose"] == {"legal": 1, "rest": 1}
    assert march["by_status"] == {"done": 1, "following": 1}
    everything = figures(desk)["visitors"]
    assert (everything["visits"], everything["people"]) == (3, 6)
    assert everything["by_purpose"] == {"legal": 2, "rest": 1}
    april = figures(desk, D(2026, 4, 1), D(2026, 4, 1))["visitors"]
    assert april["visits"] == 1


@pytest.fixture
def relief(desk, make):
    make.relief(visit_date="2026-01-10", campaign="winter", category="hardship", cash_fen="0.10",
                id_number=ID1, name="李四")
    make.relief(visit_date="2026-01-20", campaign="winter", category="hardship", cash_fen="0.20",
                goods_value_fen="100", id_number=ID1, name="李四")
    make.relief(visit_date="2026-02-01", campaign="spring", category="frontline",
                cash_fen="1000.05", name="王五", phone="13812345678")
    make.relief(visit_date="2026-02-02", campaign="spring", category="frontline", cash_fen="0",
                name="王五", phone="138-1234-5678")  # same person: same name and phone
    make.relief(visit_date="2026-02-03", campaign="spring", category="frontline",
                name="王五")  # no phone, no ID: another 王五
    gone = make.relief(visit_date="2026-01-11", campaign="winter", category="hardship",
                       cash_fen="999", name="删")
    desk.relief.delete(gone)


def test_condolence_cash_is_exact_to_the_fen(desk, relief):
    f = figures(desk)["condolence"]
    assert (f["visits"], f["people"]) == (5, 3)
    assert f["cash_yuan"] == "1000.35"
    assert f["goods_value_yuan"] == "100.00"
    assert f["by_campaign"]["winter"] == {"person_times": 2, "visits": 2, "people": 1,
                                          "cash_yuan": "0.30",
                                          "goods_value_yuan": "100.00"}
    assert f["by_campaign"]["spring"] == {"person_times": 3, "visits": 3, "people": 2,
                                          "cash_yuan": "1000.05",
                                          "goods_value_yuan": "0.00"}
    assert set(f["by_category"]) == {"hardship", "frontline"}
    january = figures(desk, D(2026, 1, 1), D(2026, 1, 31))["condolence"]
    assert (january["visits"], january["people"], january["cash_yuan"]) == (2, 1, "0.30")


def test_many_small_amounts_do_not_drift(desk, make):
    for _ in range(30):
        make.relief(cash_fen="0.10", name="甲")
    for _ in range(30):
        make.relief(cash_fen="0.20", name="乙")
    assert figures(desk)["condolence"]["cash_yuan"] == "9.00"


@pytest.fixture
def fairs(desk, make):
    f1 = make.fair(name="春风行动", held_on="2026-02-20")
    e1, e2, e3 = (make.employer(f1, positions=n) for n in ("10", "5", "100"))
    s1, s2, s3, s4 = (make.seeker(f1, name=n) for n in ("甲", "乙", "丙", "丁"))
    make.intention(f1, s1, e1)
    make.intention(f1, s1, e2, status="signed")  # the same seeker again: counts once
    desk.intentions.delete(make.intention(f1, s2, e1))  # a deleted intention
    make.intention(f1, s3, e3)
    desk.employers.delete(e3)  # its intention no longer counts, nor its positions
    make.intention(f1, s4, e1)
    desk.seekers.delete(s4)  # nor a deleted seeker's
    f2 = make.fair(name="金秋招聘月", held_on="2026-05-01")
    make.intention(f2, make.seeker(f2, name="戊"), make.employer(f2, positions="7"))
    f3 = make.fair(name="删掉的会", held_on="2026-02-25")
    make.intention(f3, make.seeker(f3), make.employer(f3, positions="50"))
    desk.fairs.delete(f3)
    return f1, f2


def test_job_fairs(desk, fairs):
    f1, f2 = fairs
    every = figures(desk)["job_fairs"]
    assert {k: every[k] for k in ("events", "employers", "positions", "seekers", "intentions")} \
        == {"events": 2, "employers": 3, "positions": 22, "seekers": 4, "intentions": 2}
    assert every["by_event"][f1] == {"name": "春风行动", "held_on": "2026-02-20", "employers": 2,
                                     "positions": 15, "seekers": 3, "intentions": 1}
    assert list(every["by_event"]) == [f1, f2]  # by date
    february = figures(desk, D(2026, 2, 1), D(2026, 2, 28))["job_fairs"]
    assert {k: february[k] for k in ("events", "positions", "seekers", "intentions")} == \
        {"events": 1, "positions": 15, "seekers": 3, "intentions": 1}


def test_a_fair_without_employers_or_seekers_counts_as_an_event(desk, make):
    make.fair(held_on="2026-03-01")
    f = figures(desk)["job_fairs"]
    assert (f["events"], f["positions"], f["seekers"], f["intentions"]) == (1, 0, 0, 0)


@pytest.fixture
def volunteers(desk, make):
    a = make.volunteer(name="甲", joined_on="2025-01-01", skills="psych,legal")
    make.service(a, served_on="2026-03-01", half_hours="2")
    make.service(a, served_on="2026-03-05", half_hours="1.5")
    desk.service_records.delete(make.service(a, served_on="2026-03-06", half_hours="8"))
    b = make.volunteer(name="乙", joined_on="2026-06-01", skills="legal")
    make.service(b, served_on="2026-06-10", half_hours="0.5")
    c = make.volunteer(name="丙", joined_on="2024-05-01", status="paused")
    make.service(c, served_on="2026-03-02", half_hours="1")
    d = make.volunteer(name="丁", joined_on="2024-05-01")
    make.service(d, served_on="2026-03-03", half_hours="3")
    desk.volunteers.delete(d)
    make.volunteer(name="戊")  # no joining date


def test_volunteers(desk, volunteers):
    every = figures(desk)["volunteers"]
    assert (every["registered"], every["active"], every["service_hours"],
            every["service_records"]) == (3, 3, "5.0", 4)
    assert every["by_status"] == {"active": 3, "paused": 1}
    assert every["by_skill"] == {"legal": 2, "psych": 1}
    march = figures(desk, D(2026, 3, 1), D(2026, 3, 31))["volunteers"]
    assert (march["registered"], march["active"], march["service_hours"],
            march["service_records"]) == (2, 2, "4.5", 3)


def test_deleted_records_never_count(desk, visits, relief, fairs, volunteers):
    before = figures(desk)
    for key in ("visits", "relief", "fairs", "volunteers"):
        service = desk.registers[key]
        for row in service.fetch_rows(service.query_ids(RegisterQuery())).values():
            service.delete(row["id"])
    after = figures(desk)
    assert after["visitors"]["visits"] == 0 and after["visitors"]["people"] == 0
    assert after["condolence"]["cash_yuan"] == "0.00"
    assert after["job_fairs"]["events"] == 0 and after["job_fairs"]["positions"] == 0
    assert after["volunteers"]["registered"] == 0 and after["volunteers"]["service_hours"] == "0.0"
    assert before["visitors"]["visits"] == 3  # the data really were there


def test_period_helpers():
    assert Period.month_of(D(2026, 2, 14)) == Period(D(2026, 2, 1), D(2026, 2, 28))
    assert Period.month_of(D(2024, 2, 29)) == Period(D(2024, 2, 1), D(2024, 2, 29))
    assert Period.month_of(D(2026, 12, 31)) == Period(D(2026, 12, 1), D(2026, 12, 31))
    assert Period.year_of(D(2026, 7, 1)) == Period(D(2026, 1, 1), D(2026, 12, 31))


def test_period_is_reported(desk):
    f = figures(desk, D(2026, 1, 1), D(2026, 1, 31))
    assert f["period"] == {"from": "2026-01-01", "to": "2026-01-31"}


def test_period_months_back_and_year_to_date():
    months = Period.months_back(D(2026, 2, 14), 3)
    assert months == [Period(D(2025, 12, 1), D(2025, 12, 31)),
                      Period(D(2026, 1, 1), D(2026, 1, 31)), Period(D(2026, 2, 1), D(2026, 2, 28))]
    assert Period(D(2026, 4, 1), D(2026, 6, 30)).year_to_date() == Period(D(2026, 1, 1),
                                                                         D(2026, 6, 30))
