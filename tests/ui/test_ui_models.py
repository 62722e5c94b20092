"""The lazy register table models: Qt's model checks, and bounded fetching with 100,000 rows."""

from __future__ import annotations

import time
import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from xiangyun_desk.domain.search import build_search_key
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import models as M
from xiangyun_desk.ui.registers.table_model import (
    CACHE_LIMIT,
    PAGE,
    RECORD_ID_ROLE,
    RegisterTableModel,
)

BIG = 100_000
NAMES = ["张三", "李四", "王五", "单田芳", "赵六", "钱七", "孙八", "周九"]


@pytest.fixture
def demo_window(ui):
    """The window on a station with a few hundred demo records in every register."""
    desk = Desk(ui.dir)
    DemoGenerator(desk.db, "01", seed=7).generate(400)
    desk.close()
    return ui.open()


def _select_first(view):
    view.table.setFocus()
    view.table.selectRow(0)
    return view.current_id()


def test_every_register_model_passes_qtmodeltester(qtmodeltester, demo_window):
    window = demo_window
    fairs, vols = window.fairs, window.volunteers
    assert _select_first(fairs.fairs)
    assert _select_first(vols.roster)
    checked = []
    for tab in window.register_tabs.values():
        for view in tab.views:
            assert view.model.rowCount() > 0, view.objectName()
            qtmodeltester.check(view.model, force_py=True)
            checked.append(view.service.spec.key)
    assert sorted(checked) == sorted(window.desk.registers)


def test_model_passes_qtmodeltester_while_sorting_filtering_and_showing_deleted(
        qtmodeltester, demo_window):
    view = demo_window.visits.view
    model = view.model
    qtmodeltester.check(model, force_py=True)
    for column in (0, 1, 6, 7):  # re-sorting under the tester's watch
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.sort(column, Qt.SortOrder.DescendingOrder)
    view.search.setText("zzzz-nothing")
    view.apply_filters()
    assert model.rowCount() == 0
    view.search.setText("")
    view.apply_filters()
    first = model.record_id(0)
    demo_window.desk.visits.delete(first)
    view.show_deleted.setChecked(True)
    assert model.rowCount() == 1
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(0, 0).data(RECORD_ID_ROLE) == first


def test_model_without_a_view(qtmodeltester, ui):
    desk = Desk(ui.dir)
    try:
        DemoGenerator(desk.db, "01", seed=3).generate(100)
        from xiangyun_desk.ui.registers.tabs import Common

        columns = Common().person_columns()
        model = RegisterTableModel(desk.relief, columns, desk.code_labels())
        model.refresh()
        assert model.rowCount() == desk.relief.count() > 0
        assert model.columnCount() == len(columns)
        assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
        assert not model.index(model.rowCount(), 0).isValid()
        assert model.data(QModelIndex()) is None
        assert model.headerData(0, Qt.Orientation.Horizontal) == columns[0].header
        qtmodeltester.check(model, force_py=True)
    finally:
        desk.close()


@pytest.fixture(scope="module")
def big_station(tmp_path_factory):
    """A station with 100,000 visits (bulk insert), made once for this module."""
    path = tmp_path_factory.mktemp("big") / "data"
    path.mkdir()
    desk = Desk(path)
    try:
        desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
        gen = DemoGenerator(desk.db, "01", seed=11)
        keys = {n: build_search_key(name=n) for n in NAMES}
        rows = iter(range(BIG))

        def visit() -> dict:  # cheap rows: the fixture is about row counts, not realism
            i = next(rows)
            name = NAMES[i % len(NAMES)]
            return {"id": str(uuid.uuid4()), "name": name, "search_key": keys[name],
                    "visited_at": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} 09:{i % 60:02d}:00",
                    "purpose": ("legal", "job", "rest")[i % 3], "status": "done",
                    "party_size": 1, "union_member": "unknown", "gender": "U", "staff": "李红"}
        gen._batched(M.Visit.__table__, BIG, visit)  # the demo generator's bulk insert
        assert desk.visits.count() == BIG
    finally:
        desk.close()
    return path


def _count_fetches(monkeypatch, service):
    fetched: list[int] = []
    original = service.fetch_rows

    def counting(rowids):
        fetched.append(len(rowids))
        return original(rowids)
    monkeypatch.setattr(service, "fetch_rows", counting)
    return fetched


def test_lazy_model_fetches_only_what_is_shown(ui, big_station, monkeypatch):
    started = time.monotonic()
    window = ui.open(big_station)
    view = window.visits.view
    model = view.model
    fetched = _count_fetches(monkeypatch, window.desk.visits)
    model._cache.clear()

    window.tabs.setCurrentWidget(window.visits)
    view.table.viewport().repaint()
    QApplication.processEvents()
    assert time.monotonic() - started < 15
    assert model.rowCount() == BIG
    assert "100000" in window.count_label.text().replace(",", "").replace(" ", "")
    assert 0 < len(model._cache) <= 2 * PAGE
    assert sum(fetched) <= 2 * PAGE

    # Scrolling to the end and back fetches pages, not the register.
    bar = view.table.verticalScrollBar()
    for value in (bar.maximum(), bar.maximum() // 2, 0):
        bar.setValue(value)
        view.table.viewport().repaint()
        QApplication.processEvents()
    assert model.index(BIG - 1, 1).data()  # the last row can be shown
    assert sum(fetched) <= 8 * PAGE
    assert len(model._cache) <= CACHE_LIMIT

    # Sorting by another column re-reads ids only; the rows shown are fetched again.
    before = sum(fetched)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    view.table.viewport().repaint()
    QApplication.processEvents()
    assert model.rowCount() == BIG
    assert sum(fetched) - before <= 2 * PAGE
    assert model.index(0, 1).data() == min(NAMES)
    assert model.index(BIG - 1, 1).data() == max(NAMES)


def test_search_in_a_big_register_stays_quick(ui, big_station):
    window = ui.open(big_station)
    view = window.visits.view
    started = time.monotonic()
    view.search.setText("zs")
    view.apply_filters()
    assert time.monotonic() - started < 5
    assert 0 < view.model.rowCount() < BIG
    assert len(view.model._cache) <= 2 * PAGE


def test_cache_stays_bounded_when_every_row_is_read(ui, big_station):
    window = ui.open(big_station)
    model = window.visits.view.model
    for row in range(0, 20_000, PAGE):  # 20,000 rows read, page by page
        model.index(row, 0).data()
    assert len(model._cache) <= CACHE_LIMIT
