"""A bad import can be undone from the record of what it changed, not a whole copy of the county
database (issue 15): what it added goes, what it changed comes back, figures follow."""

from __future__ import annotations

import pytest
from bundle_helpers import add_records, add_visit, snapshot

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles.undo import UndoRefused, undo_import, undoable
from xiangyun_desk.services.stats import StatsService
from xiangyun_desk.storage.sync_models import BundleImport


def imp(county, *paths):
    return B.BundleImporter(county).import_files(list(paths))


def test_undoing_an_import_puts_the_county_back_as_it_was(county, station, usb):
    keep, gone = add_visit(station, "张三"), add_visit(station, "李四")
    add_records(station, 30, seed=3)
    imp(county, B.export_bundle(station, usb).path)
    before, figures = snapshot(county), StatsService(county.db).compute()
    # The next bundle edits, deletes and adds: a "bad" one to undo.
    station.visits.update(keep, {**station.visits.get(keep), "name": "张三丰", "summary": "改过"})
    station.visits.delete(gone)
    add_records(station, 20, seed=4)
    second = imp(county, B.export_bundle(station, usb).path)[0]
    assert second.status == "applied" and snapshot(county) != before
    newest = undoable(county)
    assert newest is not None
    counts = undo_import(county, newest)
    assert counts["visit"]["restored"] == 2 and counts["visit"]["removed"] > 0
    assert snapshot(county) == before
    assert county.visits.get(keep)["name"] == "张三"
    assert county.visits.get(gone)["deleted_at"] is None
    assert StatsService(county.db).compute() == figures  # the summaries followed
    with county.db.session() as s:
        assert s.get(BundleImport, newest).status == "undone"
    # The same bundle can be imported again after the undo, and undone again.
    again = imp(county, B.export_bundle(station, usb, full=True).path)[0]
    assert again.status == "applied" and county.visits.get(keep)["name"] == "张三丰"


def test_only_the_newest_import_is_undone(county, station, usb):
    add_records(station, 10, seed=1)
    imp(county, B.export_bundle(station, usb).path)
    first = undoable(county)
    add_records(station, 10, seed=2)
    imp(county, B.export_bundle(station, usb).path)
    assert undoable(county) != first
    with pytest.raises(UndoRefused):
        undo_import(county, first)
    undo_import(county, undoable(county))
    assert undoable(county) == first  # then the one before it


def test_the_import_makes_no_whole_copy_when_one_is_recent(county, station, usb):
    county.backups.backup("start")
    copies = len(county.backups.list_backups())
    add_records(station, 10, seed=5)
    imp(county, B.export_bundle(station, usb).path)
    assert len(county.backups.list_backups()) == copies


def test_undo_import_from_the_command_line(county, station, usb, capsys, monkeypatch):
    from xiangyun_desk.cli import main

    monkeypatch.setenv("XYD_LANG", "en")
    add_records(station, 10, seed=7)
    imp(county, B.export_bundle(station, usb).path)
    assert county.visits.count() > 0
    code = main(["--data-dir", str(county.data_dir), "undo-import"])
    out = capsys.readouterr()
    assert code == 0 and "undone" in out.out + out.err
    assert county.visits.count() == 0
    assert main(["--data-dir", str(county.data_dir), "undo-import"]) == 1  # nothing left
