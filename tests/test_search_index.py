"""The FTS search index finds exactly what ``search_key LIKE '%text%'`` finds, stays in step with
every write, is built for existing databases by the migration, and the lazily fetched listings
(RowIds) list exactly what a plain query lists — whichever way a listing is answered."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from xiangyun_desk.domain.search import build_search_key, normalize_query
from xiangyun_desk.services import registers as registers_module
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.storage import models as M
from xiangyun_desk.storage import search_index
from xiangyun_desk.storage.db import DB_FILENAME, head_revision, schema_revisions

ALPHABET = "张三李单曾解区仇堃珺镕𬌗zsdqx0123456789-_%\\ a\x1f（）·"


def like(key: str, text: str) -> bool:
    return text in key  # LIKE '%text%' on a lower-case key with an escaped pattern


def fts_finds(conn, key: str, text: str) -> bool:
    conn.execute("DELETE FROM t")
    conn.execute("INSERT INTO t(rowid, search_key) VALUES (1, ?)", (key,))
    match = search_index.match_expression(text)
    if match is None:
        return False
    return bool(conn.execute("SELECT count(*) FROM t_search WHERE t_search MATCH ?",
                             (match,)).fetchone()[0])


@pytest.fixture(scope="module")
def plain():
    """A table with a search key and its index, in memory."""
    conn = sqlite3.connect(":memory:")
    search_index.register_functions(conn)
    conn.execute("CREATE TABLE t (search_key TEXT NOT NULL)")
    for statement in search_index.create_statements("t"):
        conn.execute(statement)
    return conn


def test_grams_pad_every_field_so_short_searches_are_prefixes():
    assert search_index.search_grams("张伟\x1fzw\x1f138") == \
        "张伟\u3000 伟\u3000\u3000 zw\u3000 w\u3000\u3000 138 38\u3000 8\u3000\u3000"
    assert search_index.match_expression("zs") == '"zs" *'
    assert search_index.match_expression("张") == '"张" *'
    assert search_index.match_expression("13812") == '"138 381 812"'
    assert search_index.match_expression("") is None


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(ALPHABET, max_size=24), raw=st.text(ALPHABET, min_size=1, max_size=6))
def test_the_index_finds_exactly_what_like_finds(plain, key, raw):
    key = key.lower()
    text_ = normalize_query(raw)
    if not text_:
        return
    assert fts_finds(plain, key, text_) == like(key, text_), (key, text_)


@pytest.mark.parametrize("name,typed", [("张三", "zs"), ("单田芳", "stf"), ("曾志伟", "zzw"),
                                        ("解放", "xf"), ("区小明", "oxm"), ("仇英", "qy"),
                                        ("李堃", "堃"), ("王𬌗", "𬌗")])
def test_names_initials_and_rare_characters_are_found(plain, name, typed):
    key = build_search_key(name=name, phone="13812345678", id_number="532923199001011234",
                           employer="祥云县公交公司")
    for probe in (typed, name, "13812345678", "5678", "011234", "公交", "1"):
        assert fts_finds(plain, key, normalize_query(probe)), probe


# ---- the index in a real database -----------------------------------------------------------

def index_rowids(desk, table: str, typed: str) -> set[int]:
    idx = search_index.index_name(table)
    match = search_index.match_expression(normalize_query(typed))
    with desk.db.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            f"SELECT rowid FROM {idx} WHERE {idx} MATCH ?", (match,))}


def like_rowids(desk, table: str, typed: str) -> set[int]:
    pattern = f"%{normalize_query(typed)}%"
    with desk.db.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            f"SELECT rowid FROM {table} WHERE search_key LIKE ?", (pattern,))}


def test_triggers_keep_the_index_in_step_with_create_edit_delete(desk):
    vid = desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal",
                              "status": "done", "phone": "13812345678"})
    assert index_rowids(desk, "visit", "zs") == like_rowids(desk, "visit", "zs") != set()
    desk.visits.update(vid, {"visited_at": "2026-03-10 09:30", "name": "李四",
                             "purpose": "legal", "status": "done", "phone": "13912345678"})
    assert index_rowids(desk, "visit", "zs") == set()
    assert index_rowids(desk, "visit", "ls") == like_rowids(desk, "visit", "ls") != set()
    assert index_rowids(desk, "visit", "1391") != set()
    assert index_rowids(desk, "visit", "1381") == set()
    # Synced rows are never DELETEd, but the trigger handles it (e.g. tests, county tools).
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM visit")
    assert index_rowids(desk, "visit", "ls") == set()


def test_a_bare_sqlite3_writer_is_indexed_before_the_next_search(desk):
    """Triggers only note changed rows (plain SQL); the program indexes them at its commits,
    and a search first catches up with what other writers left."""
    vid = desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal",
                              "status": "done"})
    with closing(sqlite3.connect(desk.db.path)) as conn:  # no xyd_search_grams here
        conn.execute("UPDATE visit SET search_key = '李四' WHERE id = ?", (vid,))
        conn.commit()
        assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 1
    assert names_found(desk, "李四") == 1 and names_found(desk, "张三") == 0
    with desk.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM search_pending").scalar() == 0
    assert index_rowids(desk, "visit", "李四") == like_rowids(desk, "visit", "李四") != set()
    assert index_rowids(desk, "visit", "zs") == set()


def names_found(desk, typed: str) -> int:
    return len(desk.visits.row_ids(RegisterQuery(text=typed)))


def test_many_rows_in_one_transaction_are_indexed_at_commit(desk):
    gen = DemoGenerator(desk.db, "01", seed=4)
    gen._batched(M.Visit.__table__, 500, gen._visit)
    with desk.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM search_pending").scalar() == 0
    for typed in ("1", "z", "张"):
        assert index_rowids(desk, "visit", typed) == like_rowids(desk, "visit", typed)


def test_the_migration_builds_the_index_for_an_existing_database(tmp_path):
    from alembic import command

    from xiangyun_desk.storage.db import _alembic_config

    data = tmp_path / "data"
    desk = Desk(data)
    desk.initialize("station", "01", "测试站", "", ["李红"])
    DemoGenerator(desk.db, "01", seed=3).generate(300)
    expected = like_rowids(desk, "visit", "z")
    engine = desk.db.engine
    with engine.begin() as conn:  # back to the first schema, as a released database would be
        config = _alembic_config(str(engine.url))
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    desk.close()
    with closing(sqlite3.connect(data / DB_FILENAME)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert not conn.execute(
            "SELECT name FROM sqlite_master WHERE name = 'visit_search'").fetchall()
    desk = Desk(data)  # migrates at start-up
    try:
        assert index_rowids(desk, "visit", "z") == expected != set()
        for table in search_index.TABLES:
            assert index_rowids(desk, table, "1") == like_rowids(desk, table, "1")
    finally:
        desk.close()


def test_the_head_read_from_the_files_is_alembics_head():
    known, head = schema_revisions()
    assert head == head_revision()
    assert {"0001", "0002"} <= known


# ---- listings: RowIds against a plain query --------------------------------------------------

@pytest.fixture(scope="module")
def station(tmp_path_factory):
    data = tmp_path_factory.mktemp("rowids") / "data"
    desk = Desk(data)
    desk.initialize("station", "01", "测试站", "", ["李红"])
    DemoGenerator(desk.db, "01", seed=11, today=dt.date(2026, 6, 30)).generate(3000)
    # Some deleted visits, so that live counts must leave them out.
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE visit SET deleted_at = '2026-06-30 00:00:00' "
                             "WHERE rowid % 17 = 0")
    yield desk
    desk.close()


def plain_ids(service, query: RegisterQuery) -> list[int]:
    """The listing the way it was always computed: LIKE and ORDER BY, all at once."""
    stmt = select(service._rowid()).select_from(service.spec.table) \
        .where(*service._conditions(query, "like")).order_by(*service._order(query))
    with service.db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


QUERIES = [
    {}, {"text": "1"}, {"text": "13"}, {"text": "z"}, {"text": "张"}, {"text": "zw"},
    {"text": "公交"}, {"text": "9876"}, {"text": "no-such-thing"}, {"deleted": True},
    {"deleted": True, "text": "1"}, {"category": "legal"}, {"category": "legal", "text": "1"},
    {"date_from": dt.date(2026, 3, 1), "date_to": dt.date(2026, 4, 30), "text": "1"},
    {"sort_column": "name", "descending": False, "text": "1"}, {"descending": False},
    {"descending": False, "text": "13"},
]


@pytest.mark.parametrize("query", QUERIES, ids=[str(q) for q in QUERIES])
@pytest.mark.parametrize("limit", [None, 0])
def test_row_ids_list_exactly_what_a_plain_query_lists(station, monkeypatch, query, limit):
    if limit is not None:  # force the block-wise path even for few matches
        monkeypatch.setattr(registers_module, "MATERIALIZE_AT_LEAST", limit)
        monkeypatch.setattr(registers_module.RegisterService, "materialize_limit",
                            lambda self: limit)
    service = station.visits
    q = RegisterQuery(**query)
    expected = plain_ids(service, q)
    ids = service.row_ids(q)
    assert len(ids) == len(expected) == service.count(q)
    # Read from both ends and the middle, the way a view scrolls and jumps.
    for position in [0, len(ids) - 1, len(ids) // 2, 250, 199, 200, 1]:
        if 0 <= position < len(ids):
            assert ids[position] == expected[position]
    assert ids[5:12] == expected[5:12]
    assert ids[-3:] == expected[-3:]
    if expected:
        middle = expected[len(expected) // 3]
        assert ids.index(middle) == len(expected) // 3
    assert list(ids) == expected == service.query_ids(q)


def test_a_large_listing_is_fetched_in_blocks(station, monkeypatch):
    monkeypatch.setattr(registers_module.RegisterService, "materialize_limit", lambda self: 10)
    service = station.visits
    everything = service.row_ids(RegisterQuery())
    many = service.row_ids(RegisterQuery(text="1"))
    assert everything.windowed and many.windowed
    assert many[len(many) - 1] == plain_ids(service, RegisterQuery(text="1"))[-1]
    with pytest.raises(ValueError):
        many.index(-5)
    deleted = next(r for r in range(17, 4000, 17))
    with pytest.raises(ValueError):
        everything.index(deleted)


def test_searching_uses_the_index_not_a_scan(station):
    service = station.visits
    statements = []
    from sqlalchemy import event

    def seen(_c, _cur, statement, *_a):
        statements.append(statement)

    event.listen(service.db.engine, "before_cursor_execute", seen)
    try:
        service.row_ids(RegisterQuery(text="13812"))
    finally:
        event.remove(service.db.engine, "before_cursor_execute", seen)
    assert any("MATCH" in s for s in statements)
    assert not any("LIKE" in s for s in statements)


def test_inserted_demo_rows_are_indexed(station):
    with station.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM visit")).scalar_one()
        indexed = conn.execute(text("SELECT count(*) FROM visit_search_docsize")).scalar_one()
    assert rows == indexed > 0
