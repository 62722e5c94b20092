"""Several words in a search box find the records that hold all of them, in any order
(issue 11): through the FTS index and through the plain scan alike, checked against a plain
reference on random keys and queries."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xiangyun_desk.domain.search import query_terms
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.storage import search_index


def names(service, text: str, **query) -> set[str]:
    ids = service.query_ids(RegisterQuery(text=text, **query))
    rows = service.fetch_rows(ids)
    return {rows[i]["name"] for i in ids}


@pytest.mark.parametrize("typed,expected", [
    ("张三 公交", ("张三", "公交")), ("  zs   5678 ", ("zs", "5678")), ("ZS", ("zs",)),
    ("张 张三", ("张三",)), ("138-1234", ("1381234",)), ("张三 张三", ("张三",)), ("   ", ()),
])
def test_query_terms(typed, expected):
    assert query_terms(typed) == expected


# ---- the index against a plain reference ----------------------------------------------------

ALPHABET = "张三李单曾zsdq0125-_%\\ a\x1f（）"


def reference(key: str, typed: str) -> bool:
    """Plain definition: every word of the search, normalised, occurs in the key."""
    words = [w.replace("-", "").lower() for w in typed.split()]
    return all(w in key for w in words if w)


@pytest.fixture(scope="module")
def plain():
    conn = sqlite3.connect(":memory:")
    search_index.register_functions(conn)
    conn.execute("CREATE TABLE t (search_key TEXT NOT NULL)")
    for statement in search_index.create_statements("t"):
        conn.execute(statement)
    return conn


def index_finds(conn, key: str, typed: str) -> bool:
    conn.execute("DELETE FROM t")
    conn.execute("INSERT INTO t(rowid, search_key) VALUES (1, ?)", (key,))
    match = search_index.match_all(query_terms(typed))
    if match is None:
        return False
    return bool(conn.execute("SELECT count(*) FROM t_search WHERE t_search MATCH ?",
                             (match,)).fetchone()[0])


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(ALPHABET, max_size=24), typed=st.text(ALPHABET + "   ", min_size=1,
                                                          max_size=10))
def test_the_index_finds_exactly_the_records_holding_every_word(plain, key, typed):
    key = key.lower()
    if not query_terms(typed):
        return
    assert index_finds(plain, key, typed) == reference(key, typed), (key, typed)


# ---- through the registers ------------------------------------------------------------------

NAMES = ["张三", "张三丰", "李四", "单田芳", "曾小贤", "李红"]
EMPLOYERS = ["祥云县公交公司", "云南驿物流园", "祥云县建筑公司", ""]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    desk = Desk(tmp_path_factory.mktemp("search") / "data")
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    for i in range(48):
        name = NAMES[i % len(NAMES)]
        employer = EMPLOYERS[(i // len(NAMES)) % len(EMPLOYERS)]
        desk.visits.create({"visited_at": f"2026-03-{1 + i % 28:02d} 09:30", "name": name,
                            "purpose": "legal", "status": "done", "employer": employer,
                            "phone": f"13812{i:06d}"})
    yield desk
    desk.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(st.sampled_from(["张", "三", "张三", "zs", "ls", "公交", "建筑", "云",
                                       "138", "0001", "12", "丰", "stf", "物流", "x"]),
                      min_size=1, max_size=3).map(" ".join))
def test_registers_list_what_the_reference_finds(filled, typed):
    table = filled.visits.spec.table
    with filled.db.engine.connect() as conn:
        rows = conn.execute(table.select().where(table.c.deleted_at.is_(None))).mappings().all()
    expected = {r["name"] for r in rows if reference(r["search_key"], typed)}
    assert names(filled.visits, typed) == expected, typed


def test_examples_of_the_issue_in_every_register_with_a_search_box(desk, make):
    make.visit(name="张三", employer="祥云县公交公司", phone="13812345678")
    make.visit(name="张三", employer="云南驿物流园", phone="13900001111")
    make.visit(name="李四", employer="祥云县公交公司")
    assert names(desk.visits, "张三 公交") == names(desk.visits, "公交 张三") == {"张三"}
    assert len(desk.visits.query_ids(RegisterQuery(text="张三 公交"))) == 1
    assert len(desk.visits.query_ids(RegisterQuery(text="zs 5678"))) == 1
    assert len(desk.visits.query_ids(RegisterQuery(text="zs 1111 物流"))) == 1
    assert names(desk.visits, "张三 李四") == set()

    make.relief(name="李四", campaign="winter")
    make.relief(name="李红", campaign="summer")
    make.relief(name="王五", campaign="winter")
    # A campaign's name finds its visits (the label of the category, not only the key).
    assert names(desk.relief, "冬送温暖 李") == {"李四"}
    assert names(desk.relief, "李 冬送温暖") == {"李四"}
    assert names(desk.relief, "冬送温暖") == {"李四", "王五"}

    v = make.volunteer(name="赵六", employer="祥云县公交公司")
    make.volunteer(name="赵七", employer="云南驿物流园")
    assert v and names(desk.volunteers, "zl 公交") == {"赵六"}

    fair = make.fair()
    desk.seekers.create({"fair_id": fair, "name": "钱八", "desired_job": "驾驶员",
                         "phone": "13700001234"})
    desk.seekers.create({"fair_id": fair, "name": "钱九", "desired_job": "厨师"})
    assert names(desk.seekers, "驾驶 qb", parent_id=fair) == {"钱八"}
