"""待办: each to-do counts exactly the records it opens."""

from __future__ import annotations

import datetime as dt

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.services.todo import TodoService

TODAY = dt.date.today()


def _visit(desk, status, follow_up_on=None):
    raw = {"visited_at": "2026-01-05 09:30", "name": "张三", "purpose": "legal",
           "status": status}
    if follow_up_on:
        raw["follow_up_on"] = follow_up_on.isoformat()
    return desk.visits.create(raw)


def test_station_todos_and_what_they_open(station, usb):
    due = {_visit(station, "following", TODAY), _visit(station, "following",
                                                       TODAY - dt.timedelta(days=9))}
    _visit(station, "following", TODAY + dt.timedelta(days=3))  # not yet due
    _visit(station, "done", TODAY - dt.timedelta(days=3))  # closed
    items = {t.key: t for t in TodoService(station).items(TODAY)}
    assert items["follow_ups"].count == 2
    ids = station.visits.query_ids(RegisterQuery(follow_up_due=TODAY))
    rows = station.visits.fetch_rows(ids)
    assert {r["id"] for r in rows.values()} == due
    assert "bundle_not_exported" in items and "receipts_missing" not in items
    B.export_bundle(station, usb)
    items = {t.key: t for t in TodoService(station).items(TODAY)}
    assert "bundle_not_exported" not in items
    assert items["receipts_missing"].count == 1


def test_county_todo_lists_the_stations_without_this_months_bundle(county, make_station, usb):
    one = make_station("01")
    one.visits.create({"visited_at": "2026-01-05 09:30", "name": "张三", "purpose": "legal",
                       "status": "done"})
    StationRegistry(county).add("07", "禾甸镇职工之家")
    StationRegistry(county).add("08", "米甸镇职工之家", monthly_expected=False)
    items = {t.key: t for t in TodoService(county).items(TODAY)}
    assert items["bundle_not_received"].codes == ("01", "07")
    B.BundleImporter(county).import_files([B.export_bundle(one, usb).path])
    items = {t.key: t for t in TodoService(county).items(TODAY)}
    assert items["bundle_not_received"].codes == ("07",)
