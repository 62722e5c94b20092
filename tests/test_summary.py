"""The summary tables behind the figures (storage/summary.py) equal a full recount, whatever was
written, imported, edited, deleted or restored — on SQLite and on PostgreSQL (hypothesis)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from db_dialects import open_desk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, text, update

from xiangyun_desk.services.stats import Period, StatsService
from xiangyun_desk.storage import models as M
from xiangyun_desk.storage import summary
from xiangyun_desk.storage.models import utcnow

STATIONS = ("532923001", "532923002", "03")
DAYS = [dt.date(2025, 12, 30) + dt.timedelta(days=i) for i in range(75)]  # Dec, Jan, Feb, Mar
PURPOSES = ("legal", "job", "rest")
STATUSES = ("done", "following")
CAMPAIGNS = ("winter", "spring", "edu")
CATEGORIES = ("hardship", "model")
PEOPLE = [("53292319900101005X", "李四", None), (None, "王五", "13800000001"),
          (None, "王五", None), (None, "张三", "13800000002")]


@pytest.fixture
def county(tmp_path, db_url):
    desk = open_desk(tmp_path / "county", db_url)
    desk.initialize("county", "532923", "祥云县总工会")
    yield desk
    desk.close()


def _base(station):
    now = utcnow()
    return {"id": str(uuid.uuid4()), "station_code": station, "created_at": now,
            "updated_at": now, "change_seq": 1, "deleted_at": None}


def _person(i):
    id_number, name, phone = PEOPLE[i]
    return {"name": name, "gender": "U", "id_number": id_number, "phone": phone,
            "phone_norm": phone, "employer": None, "search_key": name}


ops = st.one_of(
    st.tuples(st.just("visit"), st.sampled_from(STATIONS), st.sampled_from(DAYS),
              st.sampled_from(PURPOSES), st.sampled_from(STATUSES), st.integers(1, 5)),
    st.tuples(st.just("relief"), st.sampled_from(STATIONS), st.sampled_from(DAYS),
              st.sampled_from(CAMPAIGNS), st.sampled_from(CATEGORIES),
              st.integers(0, len(PEOPLE) - 1), st.integers(0, 100_000)),
    st.tuples(st.just("volunteer"), st.sampled_from(STATIONS)),
    st.tuples(st.just("service"), st.integers(0, 20), st.sampled_from(DAYS), st.integers(1, 8)),
    st.tuples(st.just("fair"), st.sampled_from(STATIONS), st.sampled_from(DAYS)),
    st.tuples(st.just("employer"), st.integers(0, 20), st.sampled_from(STATIONS),
              st.integers(0, 9)),
    st.tuples(st.just("seeker"), st.integers(0, 20), st.sampled_from(STATIONS)),
    st.tuples(st.just("intention"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("delete"), st.sampled_from(["visit", "relief_visit", "volunteer",
                                                  "service_record", "job_fair", "fair_employer",
                                                  "job_seeker", "intention"]),
              st.integers(0, 50), st.booleans()),
    st.tuples(st.just("move"), st.sampled_from(["visit", "relief_visit"]), st.integers(0, 50),
              st.sampled_from(DAYS), st.sampled_from(STATIONS)),
    st.tuples(st.just("edit_visit_in_window"), st.integers(0, 50)),
)


def _pick(conn, table, index):
    ids = list(conn.execute(select(table.c.id).order_by(table.c.id)).scalars())
    return ids[index % len(ids)] if ids else None


def _apply(desk, batch) -> None:
    """One transaction per batch of operations (an import is one big one)."""
    T = {m.__tablename__: m.__table__ for m in M.SYNCED_MODELS}
    with desk.db.engine.begin() as conn:
        for op in batch:
            kind = op[0]
            if kind == "visit":
                _, station, day, purpose, status, size = op
                conn.execute(insert(T["visit"]), [{
                    **_base(station), **_person(0), "visited_at": dt.datetime.combine(
                        day, dt.time(23, 59)), "purpose": purpose, "status": status,
                    "party_size": size, "union_member": "unknown"}])
            elif kind == "relief":
                _, station, day, campaign, category, who, cash = op
                conn.execute(insert(T["relief_visit"]), [{
                    **_base(station), **_person(who), "visit_date": day, "campaign": campaign,
                    "category": category, "cash_fen": cash, "goods_value_fen": cash // 3}])
            elif kind == "volunteer":
                conn.execute(insert(T["volunteer"]), [{
                    **_base(op[1]), **_person(1), "skills": "", "status": "active"}])
            elif kind == "service":
                vid = _pick(conn, T["volunteer"], op[1])
                if vid:
                    conn.execute(insert(T["service_record"]), [{
                        **_base("03"), "volunteer_id": vid, "served_on": op[2],
                        "activity": "值班", "half_hours": op[3]}])
            elif kind == "fair":
                conn.execute(insert(T["job_fair"]), [{
                    **_base(op[1]), "name": "招聘会", "held_on": op[2], "source": "local",
                    "search_key": ""}])
            elif kind == "employer":
                fid = _pick(conn, T["job_fair"], op[1])
                if fid:
                    conn.execute(insert(T["fair_employer"]), [{
                        **_base(op[2]), "fair_id": fid, "name": "公司", "positions": op[3],
                        "search_key": ""}])
            elif kind == "seeker":
                fid = _pick(conn, T["job_fair"], op[1])
                if fid:
                    conn.execute(insert(T["job_seeker"]), [{
                        **_base(op[2]), **_person(2), "fair_id": fid, "poverty_relief": False}])
            elif kind == "intention":
                sid = _pick(conn, T["job_seeker"], op[1])
                eid = _pick(conn, T["fair_employer"], op[2])
                if sid and eid:
                    fid = conn.execute(select(T["job_seeker"].c.fair_id).where(
                        T["job_seeker"].c.id == sid)).scalar()
                    conn.execute(insert(T["intention"]), [{
                        **_base("03"), "fair_id": fid, "seeker_id": sid, "employer_id": eid,
                        "status": "intent", "agreed_on": DAYS[0]}])
            elif kind == "delete":
                _, name, index, restore = op
                rid = _pick(conn, T[name], index)
                if rid:
                    conn.execute(update(T[name]).where(T[name].c.id == rid).values(
                        deleted_at=None if restore else utcnow()))
            elif kind == "move":
                _, name, index, day, station = op
                rid = _pick(conn, T[name], index)
                if rid:
                    column = "visited_at" if name == "visit" else "visit_date"
                    value = dt.datetime.combine(day, dt.time(0, 0)) if name == "visit" else day
                    conn.execute(update(T[name]).where(T[name].c.id == rid).values(
                        {column: value, "station_code": station}))
    # A change through the services (ORM session, audit) as a station's user would make it.
    for op in batch:
        if op[0] == "edit_visit_in_window":
            ids = desk.visits.query_ids(_query())
            if ids:
                rid = desk.visits.fetch_rows([ids[op[1] % len(ids)]])
                record_id = next(iter(rid.values()))["id"]
                with desk.db.engine.begin() as conn:
                    conn.execute(update(T["visit"]).where(T["visit"].c.id == record_id)
                                 .values(purpose="job", party_size=2))


def _query():
    from xiangyun_desk.services.registers import RegisterQuery

    return RegisterQuery()


PERIODS = [Period(), Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
           Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
           Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
           Period(dt.date(2025, 12, 31), dt.date(2026, 2, 2)),  # edge days + a whole month
           Period(dt.date(2026, 1, 5), dt.date(2026, 1, 20)),  # within a month
           Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)),  # a quarter
           Period(None, dt.date(2026, 1, 15)), Period(dt.date(2026, 2, 10), None)]


def _summary_rows(conn):
    out = {}
    for table in (summary.stats_day, summary.stats_month, summary.stats_people,
                  summary.stats_fair):
        out[table.name] = sorted(tuple(str(v) for v in r) for r in conn.execute(select(table)))
    out["stats_member"] = sorted(tuple(str(v) for v in r) for r in conn.execute(
        text("SELECT * FROM stats_member")))
    return out


def assert_summaries_are_a_recount(desk):
    engine = desk.db.engine
    with engine.connect() as conn:
        kept = _summary_rows(conn)
        conn.rollback()
        trans = conn.begin()
        for statement in summary.rebuild_statements(desk.db.dialect):
            conn.exec_driver_sql(statement)
        summary.flush(conn.exec_driver_sql, desk.db.dialect)
        rebuilt = _summary_rows(conn)
        trans.rollback()
    assert kept == rebuilt
    fast, slow = StatsService(desk.db), StatsService(desk.db, summaries=False)
    for period in PERIODS:
        for station in (None, *STATIONS):
            assert fast.compute(period, station) == slow.compute(period, station), \
                (period, station)
        # The county's per-station table: every station at once, the same figures.
        assert fast.compute_each(period, STATIONS) == \
            {code: slow.compute(period, code) for code in STATIONS}, period


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.lists(ops, min_size=1, max_size=12), min_size=1, max_size=4))
def test_summaries_equal_a_full_recount(county, batches):
    for batch in batches:
        _apply(county, batch)
    assert_summaries_are_a_recount(county)


def test_figures_through_the_services_use_the_summaries(county):
    """A record saved in the window shows in the figures at once (the commit summarised it)."""
    county.visits.create({"visited_at": "2026-01-02 09:30", "name": "张三", "purpose": "legal",
                          "status": "done", "party_size": "3"})
    with county.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM stats_pending")).scalar() == 0
        assert conn.execute(text("SELECT sum(n) FROM stats_month WHERE register = 'visit' "
                                 "AND dim LIKE 'p:%'")).scalar() == 1
    january = StatsService(county.db).compute(Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert january["visitors"]["person_times"] == 3
    assert_summaries_are_a_recount(county)


def test_writers_outside_the_program_are_caught_up(county):
    """Rows written by another connection (no commit hook) are summarised before reading."""
    if county.db.dialect == "sqlite":
        import sqlite3

        raw = sqlite3.connect(county.data_dir / "xiangyun.sqlite3")
        raw.execute("INSERT INTO relief_visit (id, station_code, created_at, updated_at, "
                    "change_seq, name, gender, search_key, visit_date, campaign, category, "
                    "cash_fen, goods_value_fen) VALUES ('r1', '03', '2026-01-01', '2026-01-01', "
                    "1, '李四', 'U', '', '2026-01-05', 'winter', 'model', 500, 0)")
        raw.commit()
        raw.close()
    else:
        import psycopg

        url = county.db.engine.url.render_as_string(hide_password=False)
        with psycopg.connect(url.replace("+psycopg", "")) as raw:
            raw.execute("INSERT INTO relief_visit (id, station_code, created_at, updated_at, "
                        "change_seq, name, gender, search_key, visit_date, campaign, category, "
                        "cash_fen, goods_value_fen) VALUES ('r1', '03', now(), now(), 1, "
                        "'李四', 'U', '', '2026-01-05', 'winter', 'model', 500, 0)")
    figures = StatsService(county.db).compute(Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert figures["condolence"]["person_times"] == 1
    assert figures["condolence"]["people"] == 1
    assert figures["condolence"]["cash_yuan"] == "5.00"
