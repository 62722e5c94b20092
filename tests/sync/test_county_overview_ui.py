"""The county overview's per-station table (period choice, totals = county figures, missing
stations) and the county registers' date, category and station filters, driven in the window."""

from __future__ import annotations

import datetime as dt

from bundle_helpers import add_records

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.services.stats import Period, StatsService

TODAY = dt.date.today()


def _county_window(qtbot, county, make_station, usb):
    one, two = make_station("01"), make_station("02")
    add_records(one, 200, seed=1)
    add_records(two, 120, seed=2)
    for desk, purpose in ((one, "legal"), (one, "rest"), (two, "legal")):
        desk.visits.create({"visited_at": f"{TODAY.isoformat()} 09:00", "name": "张三",
                            "purpose": purpose, "status": "done", "party_size": "2"})
    files = [B.export_bundle(d, usb).path for d in (one, two)]
    B.BundleImporter(county).import_files(files)
    StationRegistry(county).add("07", "禾甸镇职工之家", "禾甸镇")
    data_dir = county.data_dir
    county.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()  # the first start maximises on the small (800 x 800) offscreen screen
    window.resize(1024, 768)
    return window


def _rows(box):
    return [[box.model.item(r, c).text() for c in range(box.model.columnCount())]
            for r in range(box.model.rowCount())]


def test_per_station_table_totals_are_the_county_figures_for_each_period(
        qtbot, county, make_station, usb):
    w = _county_window(qtbot, county, make_station, usb)
    box = w.sync.breakdown
    stats = StatsService(w.desk.db)
    for kind in ("month", "quarter", "year", "range"):
        with qtbot.waitSignal(box.refreshed, timeout=20000):
            box.kind.setCurrentIndex(box.kind.findData(kind))
            box.refresh()
        period = box.period().stats_period()
        rows = _rows(box)
        totals = stats.compute(period)
        assert rows[-1][2:] == [DEF.BY_KEY[k].text(totals) for k in DEF.STATION_KEYS], kind
        for i, key in enumerate(DEF.STATION_KEYS, start=2):
            m = DEF.BY_KEY[key]
            column = sum(float(r[i].replace(",", "")) for r in rows[:-1])
            if m.additive:
                assert column == float(m.number(totals)), (kind, key)
        missing = [r for r in rows if "（07）" in r[0]]
        assert missing and "未报送" in missing[0][0] and missing[0][1] == "禾甸镇"
    # Dates: a range that holds nothing but today
    with qtbot.waitSignal(box.refreshed, timeout=20000):
        box.anchor.setDate(TODAY)
        box.end.setDate(TODAY)
        box.refresh()
    today = StatsService(w.desk.db).compute(Period(TODAY, TODAY))
    assert _rows(box)[-1][2] == DEF.BY_KEY["visitors.batches"].text(today)
    # The table fits the window at 1024 x 768: no horizontal scrolling.
    w.tabs.setCurrentWidget(w.overview)
    qtbot.wait(50)
    assert not box.table.horizontalScrollBar().isVisible()


def test_county_registers_have_dates_category_and_station_filters(
        qtbot, county, make_station, usb):
    w = _county_window(qtbot, county, make_station, usb)
    visits = dict(w.sync.county_tabs)[next(t for t, _ in w.sync.county_tabs)]
    every = visits.model.rowCount()
    visits.date_from.setDate(TODAY)
    visits.date_to.setDate(TODAY)
    visits.use_dates.setChecked(True)
    assert visits.model.rowCount() == 3 <= every
    visits.category.setCurrentIndex(visits.category.findData("legal"))
    assert visits.model.rowCount() == 2
    visits.station.setCurrentIndex(visits.station.findData("02"))
    assert visits.model.rowCount() == 1
    visits.use_dates.setChecked(False)
    assert visits.model.rowCount() >= 1


def test_county_window_reads_register_keys_a_block_at_a_time_and_counts_from_summaries(
        qtbot, county, make_station, usb, monkeypatch):
    """Issue 15: opening the county window does not read every record key of its registers (it
    read 2.4 M keys at 2.6 M records) nor count every record per station for 站点; the lists
    read their keys a block at a time (LIMIT) as at a station, and show the same rows."""
    import sqlite3

    import pytest
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from xiangyun_desk.services import registers

    monkeypatch.setattr(registers, "BLOCK", 40)  # a few blocks of the test's records
    if county.db.dialect != "sqlite":
        pytest.skip("the key reads checked are SQLite's (a server lists a county's keys at once)")
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        w = _county_window(qtbot, county, make_station, usb)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    db = sqlite3.connect(str(w.desk.db.path))
    live = db.execute("SELECT count(*) FROM visit WHERE deleted_at IS NULL").fetchone()[0]
    newest = db.execute("SELECT name FROM visit WHERE deleted_at IS NULL "
                        "ORDER BY visited_at DESC, rowid DESC LIMIT 1").fetchone()[0]
    oldest = db.execute("SELECT name FROM visit WHERE deleted_at IS NULL "
                        "ORDER BY visited_at DESC, rowid DESC LIMIT 1 OFFSET ?",
                        (live - 1,)).fetchone()[0]
    per_station = dict(db.execute("SELECT station_code, count(*) FROM visit "
                                  "WHERE deleted_at IS NULL GROUP BY station_code"))
    db.close()
    assert live > 3 * registers.BLOCK  # more records than one block, or the test proves nothing
    key_reads = [s for s in statements if s.startswith("SELECT visit.rowid")
                 and "ORDER BY" in s]
    assert key_reads and all("LIMIT" in s for s in key_reads), key_reads
    assert not [s for s in statements if "FROM visit" in s and "GROUP BY visit.station_code" in s]
    visits = dict(w.sync.county_tabs)[next(t for t, _ in w.sync.county_tabs)]
    model = visits.model
    assert model.rowCount() == live
    assert visits.count.text().startswith(str(live))
    name = next(i for i, c in enumerate(model.columns) if c.key == "name")
    assert model.data(model.index(0, name)) == newest
    assert model.data(model.index(live - 1, name)) == oldest  # a block from the far end
    stations = w.sync.stations
    shown = {stations.model.item(r, 0).text(): int(stations.model.item(r, 10).text())
             for r in range(stations.model.rowCount())}
    assert {code: shown[code] for code in per_station} == per_station
