"""Undoing a county import from the record of what it changed (issue 15).

A whole copy of the county database before every import took minutes at ten million records.
Instead each applied bundle keeps, in the import's own transaction, the ids of the records it
added and the former state of the records it changed (``import_undo``, written by the
importer through RecordApplier's journal). Undoing the newest applied import deletes what it
added and puts back what it changed, in one transaction; its history row becomes ``undone``
(so the same bundle can be imported again) and the audit log records who undid it. Imports are
undone newest first — one that a later import built on would otherwise lose the later changes.
The whole-database copy is still made, at most once a day (services/backup.py).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, func, select, update

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...storage.bulk import insert_rows
from ...storage.sync_models import BundleImport, ImportUndo, RelayItem
from . import format as F
from .access import Perm, require

CTX = "Bundles"
UNDONE = "undone"
CHUNK = 500


class UndoRefused(DomainError):
    """The import cannot be undone (not the newest applied one, or nothing recorded)."""


def record_undo(s, import_id: int, entries: list[tuple[str, str, str | None]]) -> None:
    """Store what the import ``import_id`` changed: (table, record id, former JSON line or None
    for a record it added), in ``s``'s transaction."""
    table = ImportUndo.__table__
    rows = [{"import_id": import_id, "table_name": t, "record_id": rid, "before": before}
            for t, rid, before in entries]
    for i in range(0, len(rows), 10_000):
        insert_rows(s, table, rows[i:i + 10_000])


def undoable(desk) -> int | None:
    """The id of the import an undo would reverse (the newest applied one with a record)."""
    with desk.db.session() as s:
        newest = s.scalar(select(func.max(BundleImport.id))
                          .where(BundleImport.status == "applied"))
        if newest is None:
            return None
        has = s.scalar(select(ImportUndo.import_id).where(ImportUndo.import_id == newest)
                       .limit(1))
        return newest if has is not None else None


def undo_import(desk, import_id: int) -> dict[str, dict[str, int]]:
    """Reverse the applied import ``import_id``: returns per table the records removed and
    put back. Raises UndoRefused when it is not the newest applied import or has no record."""
    require(desk, Perm.IMPORT)
    if undoable(desk) != import_id:
        raise UndoRefused(msg(CTX, QT_TRANSLATE_NOOP(
            "Bundles", "Only the newest applied import can be undone, and only one imported "
                       "by this version of the program: undo the later imports first.")))
    counts: dict[str, dict[str, int]] = {}
    with desk.db.session() as s, s.begin():
        history = s.get(BundleImport, import_id)
        entries = s.execute(select(ImportUndo.table_name, ImportUndo.record_id,
                                   ImportUndo.before)
                            .where(ImportUndo.import_id == import_id)).all()
        by_table: dict[str, list[tuple[str, str | None]]] = {}
        for name, rid, before in entries:
            by_table.setdefault(name, []).append((rid, before))
        # Children before parents when removing; parents first when putting back.
        for name in reversed(list(F.TABLES)):
            items = by_table.get(name, [])
            added = [rid for rid, before in items if before is None]
            table = F.TABLES[name].__table__
            for i in range(0, len(added), CHUNK):
                s.execute(delete(table).where(table.c.id.in_(added[i:i + CHUNK])))
            counts[name] = {"removed": len(added), "restored": 0}
        for name in F.TABLES:
            items = [(rid, before) for rid, before in by_table.get(name, []) if before]
            table = F.TABLES[name].__table__
            for rid, before in items:
                rec: dict[str, Any] = F.decode_record(table, json.loads(before))
                s.execute(update(table).where(table.c.id == rid)
                          .values({k: v for k, v in rec.items() if k != "id"}))
            counts.setdefault(name, {"removed": 0, "restored": 0})["restored"] = len(items)
        s.execute(delete(ImportUndo).where(ImportUndo.import_id == import_id))
        if history.manifest_sha256:  # not forwarded to the next tier any more (relay_export)
            s.execute(delete(RelayItem).where(
                RelayItem.manifest_sha256 == history.manifest_sha256,
                RelayItem.station_code == history.station_code, RelayItem.via == ""))
        history.status = UNDONE
        desk.audit.record("import-undo", None, None, {
            "bundle": "sync", "file": history.file_name, "station": history.station_code,
            "bundle_seq": history.bundle_seq,
            "removed": sum(c["removed"] for c in counts.values()),
            "restored": sum(c["restored"] for c in counts.values())}, s=s)
    return {k: v for k, v in counts.items() if v["removed"] or v["restored"]}
