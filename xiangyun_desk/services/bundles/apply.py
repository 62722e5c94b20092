"""Applying the records of a bundle inside one transaction: new / updated / deleted / unchanged /
rejected, decided per record by its change sequence number (a record never goes back in time).

Core statements are used on purpose: the ORM's flush hook would give imported records this
database's own change sequence numbers, and the originals must be kept field by field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import bindparam, select, update

from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage.bulk import insert_rows
from . import format as F
from .validate import DoorCheck, RecordRefused

CTX = "Bundles"
BATCH = 1000
MAX_REJECTED_LISTED = 200
IN_CHUNK = 500


class RecordApplier:
    """Applies the records of one bundle, table after table, in one session's transaction."""

    def __init__(self, session, owner_code: str,
                 transform: Callable[[str, dict[str, Any]], None] | None = None,
                 door: DoorCheck | None = None,
                 journal: Callable[[str, list[str], list[dict[str, Any]]], None] | None = None):
        self.s = session
        # Told, per batch, the ids a bundle adds and the former rows of those it changes (the
        # import's undo record, services/bundles/undo.py).
        self.journal = journal
        self.owner = owner_code
        self.transform = transform
        self.door = door  # validation at the county's door (station bundles)
        self.counts: dict[str, dict[str, int]] = {}
        self.rejected: list[dict[str, Any]] = []
        self.older = 0
        self.accepted: dict[str, set[str]] = {}

    def _reject(self, table: str, record_id: Any, reason: Message, field: str = "") -> None:
        self.counts[table]["rejected"] += 1
        if len(self.rejected) < MAX_REJECTED_LISTED:
            item = {"table": table, "id": str(record_id)[:40] if record_id else "",
                    "reason": reason}
            if field:
                item["field"] = field
            self.rejected.append(item)

    def apply_table(self, table_name: str, docs: Iterable[dict[str, Any]]) -> None:
        self.counts.setdefault(table_name, F.empty_counts())
        self.accepted.setdefault(table_name, set())
        batch: list[dict[str, Any]] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= BATCH:
                self._batch(table_name, batch)
                batch = []
        if batch:
            self._batch(table_name, batch)

    def _existing(self, table, column, values: list) -> dict:
        found = {}
        for i in range(0, len(values), IN_CHUNK):
            chunk = values[i:i + IN_CHUNK]
            for row in self.s.execute(select(table.c.id, table.c.station_code, table.c.change_seq,
                                             table.c.deleted_at).where(column.in_(chunk))):
                found[row[0]] = row
        return found

    def _present(self, table, ids: set[str]) -> set[str]:
        values = list(ids)
        present = set()
        for i in range(0, len(values), IN_CHUNK):
            present.update(self.s.scalars(select(table.c.id).where(
                table.c.id.in_(values[i:i + IN_CHUNK]))))
        return present

    def _batch(self, name: str, docs: list[dict[str, Any]]) -> None:
        model = F.TABLES[name]
        table = model.__table__
        counts = self.counts[name]
        records = []
        seen = self.accepted[name]
        batch_ids: set[str] = set()
        for doc in docs:
            try:
                rec = F.decode_record(table, doc)
            except F.RecordInvalid as exc:
                rid = doc.get("id") if isinstance(doc.get("id"), str) else ""
                self._reject(name, rid, exc.message)
                continue
            if rec["station_code"] != self.owner:
                self._reject(name, rec["id"], msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The record belongs to station {code}, not to the station that sent the bundle."), code=rec["station_code"][:20]))
                continue
            if rec["id"] in seen or rec["id"] in batch_ids:
                raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The record {id} appears twice in the bundle."), id=rec["id"])
            batch_ids.add(rec["id"])
            if self.door is not None:
                try:
                    self.door.check(name, rec)
                except RecordRefused as exc:
                    self._reject(name, rec["id"], exc.reason, exc.field)
                    continue
            if self.transform:
                self.transform(name, rec)
            records.append(rec)
        if not records:
            return
        existing = self._existing(table, table.c.id, [r["id"] for r in records])
        # Links: a parent must be in this bundle (accepted) or already in the database.
        absent: set[str] = set()
        for fk in table.foreign_keys:
            column = fk.parent.key
            parent = fk.column.table
            wanted = {r[column] for r in records if r[column]} - self.accepted.get(parent.name, set())
            if wanted:
                absent |= wanted - self._present(parent, wanted)
        fk_columns = [fk.parent.key for fk in table.foreign_keys]
        inserts, updates = [], []
        for rec in records:
            missing = next((rec[c] for c in fk_columns if rec[c] in absent), None)
            if missing:
                self._reject(name, rec["id"], msg(CTX, QT_TRANSLATE_NOOP("Bundles", "It links to a record ({id}) that the county does not have."), id=missing[:40]))
                continue
            old = existing.get(rec["id"])
            if old is None:
                inserts.append(rec)
                counts["deleted" if rec["deleted_at"] is not None else "new"] += 1
            elif old.station_code != rec["station_code"]:
                self._reject(name, rec["id"], msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The record key is already used by station {code}."), code=old.station_code))
                continue
            elif rec["change_seq"] > old.change_seq:
                updates.append(rec)
                if rec["deleted_at"] is not None and old.deleted_at is None:
                    counts["deleted"] += 1
                else:
                    counts["updated"] += 1
            else:
                counts["unchanged"] += 1
                if rec["change_seq"] < old.change_seq:
                    self.older += 1
            seen.add(rec["id"])
        if self.journal is not None and (inserts or updates):
            before = []
            if updates:
                changed = [r["id"] for r in updates]
                for i in range(0, len(changed), IN_CHUNK):
                    before += [dict(row._mapping) for row in self.s.execute(
                        select(table).where(table.c.id.in_(changed[i:i + IN_CHUNK])))]
            self.journal(name, [r["id"] for r in inserts], before)
        if inserts:  # COPY on PostgreSQL, one executemany on SQLite (storage/bulk.py)
            insert_rows(self.s, table, inserts)
        if updates:
            columns = [c.key for c in table.c if c.key != "id"]
            stmt = (update(table).where(table.c.id == bindparam("k_id"))
                    .values({c: bindparam(f"v_{c}") for c in columns}))
            self.s.execute(stmt, [{"k_id": r["id"], **{f"v_{c}": r[c] for c in columns}}
                                  for r in updates])

    @property
    def changed(self) -> int:
        return sum(c["new"] + c["updated"] + c["deleted"] for c in self.counts.values())
