"""The search on PostgreSQL (GIN gram index, storage/search_pg.py) finds exactly what the search
on SQLite (FTS5, storage/search_index.py) finds — one- and two-character searches, pinyin
initials, punctuation, separators — for any keys and searches (hypothesis)."""

from __future__ import annotations

import uuid

import pytest
from db_dialects import open_desk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text

from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.storage import models as M
from xiangyun_desk.storage.models import utcnow

ALPHABET = "张三李四王伟单曾zslwd0123456789x%_\\-. 　"
SEP = "\x1f"


@pytest.fixture
def both(tmp_path, fresh_pg_url):
    lite = open_desk(tmp_path / "lite")
    server = open_desk(tmp_path / "server", fresh_pg_url)
    for desk in (lite, server):
        desk.initialize("county", "532923", "祥云县总工会")
    yield lite, server
    lite.close()
    server.close()


def _store(desk, keys: list[str]) -> None:
    now = utcnow()
    with desk.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM visit"))
        conn.execute(insert(M.Visit.__table__), [{
            "id": f"{i:08d}-" + uuid.uuid5(uuid.NAMESPACE_OID, key).hex[:27], "station_code": "03",
            "created_at": now, "updated_at": now, "change_seq": i + 1, "deleted_at": None,
            "name": "张三", "gender": "U", "search_key": key, "visited_at": now,
            "union_member": "unknown", "party_size": 1, "purpose": "legal", "status": "done"}
            for i, key in enumerate(keys)])


def _found(desk, search: str) -> set[str]:
    keys = desk.visits.query_ids(RegisterQuery(text=search))
    if desk.db.dialect == "sqlite":  # rowids: ask for the records' ids
        return {row["id"] for row in desk.visits.fetch_rows(keys).values()}
    return set(keys)


key_part = st.text(alphabet=ALPHABET, min_size=1, max_size=8)
keys = st.lists(st.lists(key_part, min_size=1, max_size=4).map(lambda p: SEP.join(p).lower()),
                min_size=1, max_size=15)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(keys=keys, extra=st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=5),
                                 max_size=4), data=st.data())
def test_postgres_search_equals_sqlite_search(both, keys, extra, data):
    lite, server = both
    for desk in both:
        _store(desk, keys)
    # Substrings of the keys (what people type), and other texts.
    searches = list(extra) + ["zs", "张", "z", "三李"]
    for _ in range(6):
        key = data.draw(st.sampled_from(keys))
        start = data.draw(st.integers(0, max(0, len(key) - 1)))
        searches.append(key[start:start + data.draw(st.integers(1, 5))])
    for search in searches:
        assert _found(server, search) == _found(lite, search), repr(search)
