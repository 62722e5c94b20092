"""A county import writes its records in bulk — COPY on PostgreSQL, one executemany per batch on
SQLite — never one statement per record (issue 14 "Bulk import")."""

from __future__ import annotations

import math

from bundle_helpers import add_records, snapshot
from sqlalchemy import event, func, select

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles.apply import BATCH
from xiangyun_desk.services.stats import StatsService
from xiangyun_desk.storage import models as M


def test_import_writes_rows_in_bulk(county, station, usb, monkeypatch):
    add_records(station, 600, seed=5)
    path = B.export_bundle(station, usb).path
    statements: list[tuple[str, bool]] = []
    event.listen(county.db.engine, "before_cursor_execute",
                 lambda _c, _cur, stmt, _p, _ctx, many: statements.append((stmt, many)))
    copies: list[str] = []
    if county.db.dialect == "postgresql":
        import psycopg

        original = psycopg.Cursor.copy

        def spy(self, statement, *args, **kwargs):
            copies.append(str(statement))
            return original(self, statement, *args, **kwargs)

        monkeypatch.setattr(psycopg.Cursor, "copy", spy)
    [result] = B.BundleImporter(county).import_files([path])
    assert result.status == "applied"
    with county.db.engine.connect() as conn:
        visits = conn.execute(select(func.count()).select_from(M.Visit.__table__)).scalar()
    assert visits > 100
    inserts = [(s, many) for s, many in statements if s.lstrip().startswith("INSERT INTO visit ")]
    if county.db.dialect == "postgresql":
        assert inserts == []
        assert sum(c.startswith("COPY visit ") for c in copies) == math.ceil(visits / BATCH)
    else:
        assert len(inserts) == math.ceil(visits / BATCH) and all(many for _s, many in inserts)
    # What arrived is the station's data, field by field, and the figures add up.
    assert snapshot(county, station.identity.code) == snapshot(station)
    assert StatsService(county.db).compute()["visitors"] == \
        StatsService(station.db).compute()["visitors"]
