"""Sorting the large registers by any listed column reads the first screen from an index
(migration perf_0003; issue 15) and lists exactly what a full sort lists, NULLs included."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.registers import RegisterQuery


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    data = tmp_path_factory.mktemp("sorting") / "data"
    desk = Desk(data)
    desk.initialize("station", "01", "测试站", "", ["李红"])
    DemoGenerator(desk.db, "01", seed=5, today=dt.date(2026, 6, 30)).generate(2500)
    with desk.db.engine.begin() as conn:  # some deleted rows, some empty (NULL) cells
        conn.exec_driver_sql("UPDATE visit SET deleted_at = '2026-06-30 00:00:00' "
                             "WHERE rowid % 13 = 0")
        conn.exec_driver_sql("UPDATE visit SET phone = NULL, employer = NULL, staff = NULL "
                             "WHERE rowid % 7 = 0")
        conn.exec_driver_sql("UPDATE relief_visit SET goods = NULL WHERE rowid % 5 = 0")
    yield desk
    desk.close()


def _plain(service, query: RegisterQuery) -> list[int]:
    stmt = select(service._rowid()).select_from(service.spec.table) \
        .where(*service._conditions(query, "like")).order_by(*service._order(query))
    with service.db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def _cases():
    from xiangyun_desk.services import specs

    return [(spec.key, column, descending)
            for spec in (specs.VISITS, specs.RELIEF) for column in spec.columns
            for descending in (False, True)]


@pytest.mark.parametrize("register,column,descending", _cases())
def test_every_listed_column_is_walked_from_an_index(station, register, column, descending):
    service = station.registers[register]
    query = RegisterQuery(sort_column=column, descending=descending)
    expected = _plain(service, query)
    ids = service.row_ids(query)
    assert ids.windowed, f"{register}.{column} is sorted in full, not read along an index"
    assert len(ids) == len(expected)
    for position in (0, 1, 99, 100, len(expected) // 2, len(expected) - 1):
        assert ids[position] == expected[position]
    for position in (3, len(expected) // 3, len(expected) - 2):  # RowIds.index, NULLs too
        assert ids.index(expected[position]) == position
    assert list(ids) == expected


def test_positions_of_rows_with_an_empty_sort_cell(station):
    service = station.visits
    for descending in (False, True):
        query = RegisterQuery(sort_column="phone", descending=descending)
        expected = _plain(service, query)
        ids = service.row_ids(query)
        with service.db.engine.connect() as conn:
            empty = [r for (r,) in conn.exec_driver_sql(
                "SELECT rowid FROM visit WHERE phone IS NULL AND deleted_at IS NULL")]
        assert empty
        for rowid in empty[:5] + empty[-5:]:
            assert ids.index(rowid) == expected.index(rowid)
