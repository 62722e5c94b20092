"""Demo data: every generated record passes the same validation as a typed one, links are
consistent, change numbers stay unique, and generating again adds more."""

from __future__ import annotations

import datetime as dt

import pytest

from xiangyun_desk.domain.idnumber import check_id_number
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.storage import models as M

TODAY = dt.date(2026, 11, 20)
WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]


def iso_check_char(body: str) -> str:
    value = (12 - sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11) % 11
    return "X" if value == 10 else str(value)


def generate(desk, records=400, seed=11):
    return DemoGenerator(desk.db, desk.identity.code, seed=seed, today=TODAY).generate(records)


def all_records(service, deleted=False):
    ids = service.query_ids(RegisterQuery(deleted=deleted))
    return [service.get(row["id"]) for row in service.fetch_rows(ids).values()]


def test_counts_match_what_is_stored(desk):
    counts = generate(desk)
    assert sum(counts.values()) >= 400
    for key, n in counts.items():
        assert desk.registers[key].count() == n, key
    assert counts["intentions"] > 0 and counts["service_records"] > 0


def test_every_demo_record_passes_validation_when_read_back(desk):
    generate(desk)
    for key, service in desk.registers.items():
        records = all_records(service)
        assert records, key
        for record in records:
            service.clean(record)  # raises ValidationFailed if anything is off


def test_demo_id_numbers_are_real_id_numbers(desk):
    generate(desk)
    numbers = [r["id_number"] for key in ("visits", "relief", "seekers", "volunteers")
               for r in all_records(desk.registers[key]) if r["id_number"]]
    assert len(numbers) > 20
    for number in numbers:
        assert check_id_number(number) == number
        # Checked independently of the code under test too (ISO 7064 MOD 11-2).
        assert number[17] == iso_check_char(number[:17]), number


def test_demo_links_stay_within_one_fair(desk):
    generate(desk)
    with desk.db.session() as s:
        for intention in s.query(M.Intention):
            seeker = s.get(M.JobSeeker, intention.seeker_id)
            employer = s.get(M.FairEmployer, intention.employer_id)
            assert seeker.fair_id == employer.fair_id == intention.fair_id
        volunteer_ids = {v.id for v in s.query(M.Volunteer)}
        assert {r.volunteer_id for r in s.query(M.ServiceRecord)} <= volunteer_ids


def test_demo_dates_are_within_the_last_year(desk):
    generate(desk)
    for record in all_records(desk.visits):
        assert TODAY - dt.timedelta(days=366) <= record["visited_at"].date() <= TODAY
        assert record["left_at"] >= record["visited_at"]
    for record in all_records(desk.relief):
        assert TODAY - dt.timedelta(days=366) <= record["visit_date"] <= TODAY


def test_demo_records_are_searchable_like_typed_ones(desk):
    generate(desk)
    record = all_records(desk.visits)[0]
    ids = desk.visits.query_ids(RegisterQuery(text=record["name"]))
    assert desk.visits.ids_of([record["id"]])[0] in ids
    with_phone = next(r for r in all_records(desk.visits) if r["phone"])
    ids = desk.visits.query_ids(RegisterQuery(text=with_phone["phone"][-8:]))
    assert desk.visits.ids_of([with_phone["id"]])[0] in ids


def _change_seqs(desk):
    with desk.db.engine.connect() as conn:
        seqs = [s for m in M.SYNCED_MODELS
                for (s,) in conn.execute(m.__table__.select().with_only_columns(
                    m.__table__.c.change_seq))]
        last = conn.exec_driver_sql("SELECT last_seq FROM change_counter").scalar()
    return seqs, last


def test_change_numbers_stay_unique_and_continue_after_demo_data(desk, make):
    make.visit(name="先")
    generate(desk, 300)
    seqs, last = _change_seqs(desk)
    assert len(seqs) == len(set(seqs))
    assert last == max(seqs)
    later = make.visit(name="后")
    assert desk.visits.get(later)["change_seq"] == last + 1


@pytest.mark.parametrize("seeds", [(None, None), (1, 2), (1, 1)])
def test_running_twice_adds_more(desk, seeds):
    first = generate(desk, 300, seeds[0])
    second = generate(desk, 300, seeds[1])
    for key in first:
        assert desk.registers[key].count() == first[key] + second[key], key
    seqs, last = _change_seqs(desk)
    assert len(seqs) == len(set(seqs)) and last == max(seqs)


def test_the_same_seed_gives_the_same_content(tmp_path):
    from xiangyun_desk.services.desk import Desk

    contents = []
    for name in ("a", "b"):
        desk = Desk(tmp_path / name)
        desk.initialize("station", "01", "站")
        generate(desk, 200, seed=42)
        contents.append(sorted((r["name"], r["visited_at"], r["purpose"])
                               for r in all_records(desk.visits)))
        desk.close()
    assert contents[0] == contents[1]
