"""The append-only audit log: who created, changed (old → new), deleted, restored, revealed,
erased, exported, imported, printed with full IDs, signed in or failed to.

Other features record their events with one call::

    desk.audit.record("export", detail={"file": name, "records": 120})

Register changes are recorded by :class:`RecordGuard` inside the same transaction as the change
itself, so a saved change always has its entry (and a failed one has none).

Personal values (names, addresses, notes) go to ``audit_personal``, apart from the entry, so an
erasure on request can remove them; ID numbers and phones are only ever kept masked here.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.idnumber import mask_id_number
from ..domain.permissions import Perm, PermissionDenied, Principal
from ..domain.phone import mask_phone
from ..storage.db import Database
from ..storage.models import utcnow
from ..storage.security_models import AuditEntry, AuditPersonal
from .backup import BackupService

CTX = "Audit"

# Actions and how the audit view names them (rendered by the UI in its language).
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Audit", "created"),
    "update": QT_TRANSLATE_NOOP("Audit", "changed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "deleted"),
    "restore": QT_TRANSLATE_NOOP("Audit", "restored"),
    "reveal": QT_TRANSLATE_NOOP("Audit", "showed full ID/phone"),
    "erase": QT_TRANSLATE_NOOP("Audit", "erased a person's details"),
    "correct": QT_TRANSLATE_NOOP("Audit", "corrected a person's details"),
    "export": QT_TRANSLATE_NOOP("Audit", "exported"),
    "import": QT_TRANSLATE_NOOP("Audit", "imported"),
    "import-undo": QT_TRANSLATE_NOOP("Audit", "undid an import"),
    "print": QT_TRANSLATE_NOOP("Audit", "made a report"),
    "print_full": QT_TRANSLATE_NOOP("Audit", "made a report with full ID numbers"),
    "backup": QT_TRANSLATE_NOOP("Audit", "backed up to a folder"),
    "restore_backup": QT_TRANSLATE_NOOP("Audit", "restored a backup"),
    "sign_in": QT_TRANSLATE_NOOP("Audit", "signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("Audit", "failed to sign in"),
    "sign_out": QT_TRANSLATE_NOOP("Audit", "signed out"),
    "lock": QT_TRANSLATE_NOOP("Audit", "locked (idle)"),
    "unlock": QT_TRANSLATE_NOOP("Audit", "unlocked"),
    "unlock_failed": QT_TRANSLATE_NOOP("Audit", "failed to unlock"),
    "account_create": QT_TRANSLATE_NOOP("Audit", "created an account"),
    "account_update": QT_TRANSLATE_NOOP("Audit", "changed an account"),
    "password_change": QT_TRANSLATE_NOOP("Audit", "changed a password"),
    "password_reset": QT_TRANSLATE_NOOP("Audit", "reset a password"),
    "recovery_used": QT_TRANSLATE_NOOP("Audit", "used the recovery code"),
    "settings": QT_TRANSLATE_NOOP("Audit", "changed settings"),
    "county_key": QT_TRANSLATE_NOOP("Audit", "loaded the county key card"),
    "renew_key": QT_TRANSLATE_NOOP("Audit", "made a new station signing key"),
    "reenrol_station": QT_TRANSLATE_NOOP("Audit", "re-enrolled a station (its new key)"),
    "station_add": QT_TRANSLATE_NOOP("Audit", "added a station to the list"),
    "station_edit": QT_TRANSLATE_NOOP("Audit", "changed a station in the list"),
    "station_key": QT_TRANSLATE_NOOP("Audit", "confirmed a station's key fingerprint"),
}

# Fields whose values are personal: kept apart (erasable), IDs and phones masked.
PERSON_FIELDS = frozenset({"name", "phone", "phone_norm", "id_number", "employer", "address",
                           "summary", "outcome", "notes", "availability", "desired_job",
                           "birth_year", "referred_to"})
CONTACT_FIELDS = frozenset({"contact", "phone", "phone_norm"})  # a fair employer's contact
MASKED_FIELDS = {"id_number": mask_id_number, "phone": mask_phone, "phone_norm": mask_phone}
# Bookkeeping columns that are never worth an audit line.
SKIPPED = frozenset({"id", "station_code", "created_at", "updated_at", "change_seq", "deleted_at",
                     "search_key", "phone_norm"})
LABEL = "_label"  # the person's name kept with an entry, to tell whom it was about


def personal_fields(table_name: str, columns: Iterable[str]) -> frozenset[str]:
    """The personal fields of a table (person-bearing registers, an employer's contact)."""
    names = set(columns)
    if table_name == "fair_employer":
        return CONTACT_FIELDS & names
    if {"name", "id_number"} <= names:
        return PERSON_FIELDS & names
    return frozenset()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _text(value: Any) -> str | None:
    value = _jsonable(value)
    return None if value is None else str(value)


def shown_value(field_name: str, value: Any) -> str | None:
    """A personal value as the audit log keeps it (IDs and phones masked)."""
    text = _text(value)
    if text and field_name in MASKED_FIELDS:
        return MASKED_FIELDS[field_name](text)
    return text


@dataclass
class AuditFilter:
    """What the audit view shows."""

    actor: str | None = None          # account id
    action: str | None = None
    table: str | None = None
    record_id: str | None = None
    date_from: dt.date | None = None  # local dates, inclusive
    date_to: dt.date | None = None
    text: str = ""                    # matches actor name, record id or detail
    limit: int = 2000


@dataclass
class AuditRow:
    """One entry as the audit view shows it."""

    id: int
    at: dt.datetime  # UTC
    actor_id: str
    actor_name: str
    actor_role: str
    action: str
    table: str | None
    record_id: str | None
    detail: dict[str, Any]
    personal: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def label(self) -> str | None:
        """The name of the person the entry is about (None when erased or not personal)."""
        return next((p[2] for p in self.personal if p[0] == LABEL), None)

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, old, new) for every changed field, personal ones included."""
        out = [(name, old, new) for name, (old, new) in self.detail.get("changes", {}).items()]
        out += [p for p in self.personal if p[0] != LABEL]
        return sorted(out, key=lambda c: c[0])


class SessionState:
    """Who is signed in to one desk. ``user`` is None while nobody is (the GUI before sign-in,
    and after a sign-out): then every service refuses, reading included."""

    def __init__(self, user: Principal | None):
        self.user = user

    def can(self, perm: Perm) -> bool:
        return self.user is not None and self.user.can(perm)

    def require(self, perm: Perm) -> Principal:
        if self.user is None:
            raise PermissionDenied(Perm.READ)
        if not self.user.can(perm):
            raise PermissionDenied(perm)
        return self.user


class AuditService:
    """Writes and reads the audit log of one database."""

    def __init__(self, db: Database, session: SessionState):
        self.db = db
        self.session = session

    # ---- writing ---------------------------------------------------------------------------

    def record(self, action: str, table: str | None = None, record_id: str | None = None,
               detail: Mapping[str, Any] | None = None, *,
               personal: Iterable[tuple[str, Any, Any]] = (),
               actor: Principal | None = None, s: Session | None = None) -> int:
        """Append one entry (in ``s``'s transaction when given, else in its own); returns its id.

        ``detail`` must not hold personal data; pass (field, old, new) in ``personal`` instead.
        """
        who = actor or self.session.user
        entry = AuditEntry(
            at=utcnow(), actor_id=who.id if who else "", actor_name=(
                who.display_name or who.username if who else "")[:50],
            actor_role=who.role if who else "", action=action[:24], table_name=table,
            record_id=record_id,
            detail=json.dumps({k: _jsonable(v) for k, v in detail.items()}, ensure_ascii=False,
                              default=str) if detail else None)
        if s is not None:
            return self._add(s, entry, personal)
        with self.db.session() as own, own.begin():
            return self._add(own, entry, personal)

    def _add(self, s: Session, entry: AuditEntry, personal) -> int:
        s.add(entry)
        s.flush()
        for name, old, new in personal:
            s.add(AuditPersonal(entry_id=entry.id, record_id=entry.record_id, field=name,
                                old=shown_value(name, old), new=shown_value(name, new)))
        return entry.id

    def forget_personal(self, s: Session, record_id: str) -> int:
        """Remove the personal values kept for ``record_id`` (after an ``erase`` entry)."""
        rows = list(s.scalars(select(AuditPersonal).where(AuditPersonal.record_id == record_id)))
        for row in rows:
            s.delete(row)
        s.flush()
        return len(rows)

    # ---- reading (administrators only) ----------------------------------------------------

    def _where(self, stmt, f: AuditFilter):
        t = AuditEntry
        if f.actor:
            stmt = stmt.where(t.actor_id == f.actor)
        if f.action:
            stmt = stmt.where(t.action == f.action)
        if f.table:
            stmt = stmt.where(t.table_name == f.table)
        if f.record_id:
            stmt = stmt.where(t.record_id == f.record_id)
        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
        if f.date_from:
            stmt = stmt.where(t.at >= dt.datetime.combine(f.date_from, dt.time()) - offset)
        if f.date_to:
            stmt = stmt.where(t.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1),
                                                         dt.time()) - offset)
        text = (f.text or "").strip()
        if text:
            like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            personal = select(AuditPersonal.entry_id).where(or_(
                AuditPersonal.old.like(like, escape="\\"),
                AuditPersonal.new.like(like, escape="\\")))
            stmt = stmt.where(or_(t.actor_name.like(like, escape="\\"),
                                  t.record_id.like(like, escape="\\"),
                                  t.detail.like(like, escape="\\"), t.id.in_(personal)))
        return stmt

    def entries(self, f: AuditFilter | None = None) -> list[AuditRow]:
        """Matching entries, newest first (at most ``f.limit``)."""
        self.session.require(Perm.AUDIT)
        f = f or AuditFilter()
        stmt = self._where(select(AuditEntry), f).order_by(AuditEntry.id.desc()).limit(f.limit)
        with self.db.session() as s:
            found = list(s.scalars(stmt))
            personal: dict[int, list] = {}
            if found:
                for p in s.scalars(select(AuditPersonal).where(
                        AuditPersonal.entry_id.in_([e.id for e in found]))
                        .order_by(AuditPersonal.id)):
                    personal.setdefault(p.entry_id, []).append((p.field, p.old, p.new))
        return [AuditRow(e.id, e.at, e.actor_id, e.actor_name, e.actor_role, e.action,
                         e.table_name, e.record_id, json.loads(e.detail) if e.detail else {},
                         personal.get(e.id, [])) for e in found]

    def count(self, f: AuditFilter | None = None) -> int:
        self.session.require(Perm.AUDIT)
        stmt = self._where(select(func.count()).select_from(AuditEntry), f or AuditFilter())
        with self.db.session() as s:
            return s.scalar(stmt)

    def actors(self) -> list[tuple[str, str]]:
        """(actor id, name) of everyone who appears in the log."""
        self.session.require(Perm.AUDIT)
        with self.db.session() as s:
            rows = s.execute(select(AuditEntry.actor_id, func.max(AuditEntry.actor_name))
                             .group_by(AuditEntry.actor_id).order_by(AuditEntry.actor_id))
            return [(r[0], r[1]) for r in rows]


class RecordGuard:
    """Given to every RegisterService of a desk: checks permissions before a read or write and
    writes the audit entry of a change inside the change's own transaction."""

    def __init__(self, session: SessionState, audit: AuditService):
        self.session = session
        self.audit = audit

    def require(self, service, action: str) -> None:
        perm = {"read": Perm.READ, "write": Perm.WRITE, "reveal": Perm.REVEAL}[action]
        self.session.require(perm)

    def shown(self, service, values: dict[str, Any]) -> dict[str, Any]:
        """A record as the current user may see it: without the reveal permission, IDs and
        phones come back masked."""
        if self.session.can(Perm.REVEAL):
            return values
        out = dict(values)
        for name, mask in MASKED_FIELDS.items():
            if out.get(name):
                out[name] = mask(str(out[name]))
        return out

    @staticmethod
    def snapshot(service, obj) -> dict[str, Any]:
        return {c.key: getattr(obj, c.key) for c in service.spec.table.c if c.key not in SKIPPED}

    def changed(self, s: Session, service, action: str, obj, before: dict[str, Any] | None,
                **detail: Any) -> int | None:
        """Record a create / update / delete / restore of ``obj`` (None when nothing changed)."""
        table = service.spec.table.name
        personal = personal_fields(table, (c.key for c in service.spec.table.c))
        after = self.snapshot(service, obj)
        label = [(LABEL, None, after.get("name"))] if "name" in personal else []
        if action == "update":
            changed = [k for k in after if before is not None and before.get(k) != after[k]]
            if not changed:
                return None
            values = {k: [_jsonable(before[k]), _jsonable(after[k])]
                      for k in changed if k not in personal}
            extra = [(k, before[k], after[k]) for k in changed if k in personal]
            if "name" in personal and "name" not in changed:
                extra = label + extra
            if values:
                detail["changes"] = values
            return self.audit.record(action, table, obj.id, detail, personal=extra, s=s)
        return self.audit.record(action, table, obj.id, detail, personal=label, s=s)

    def revealed(self, service, record_id: str, fields: list[str]) -> None:
        self.audit.record("reveal", service.spec.table.name, record_id, {"fields": fields})



class AuditedBackupService(BackupService):
    """Backups of a desk: a copy to a folder (an export of everything) needs the export
    permission and is recorded; a restore is for administrators and is recorded."""

    def __init__(self, db: Database, data_dir, session: SessionState, audit: AuditService):
        super().__init__(db, data_dir)
        self.session = session
        self.audit = audit

    def backup_to(self, folder, secret=None):
        self.session.require(Perm.EXPORT)
        path = super().backup_to(folder, secret)
        self.audit.record("backup", None, None, {"file": path.name, "folder": str(folder)})
        return path

    def restore(self, backup, secret=None):
        """Restore, keeping the audit trail: the entries written since the backup was made are
        carried over into the restored database, then the restore itself is recorded. An
        encrypted USB backup is opened with ``secret`` first (services/usb_backup.py)."""
        from .usb_backup import opened

        self.session.require(Perm.ADMIN)
        self._require_file()
        with opened(Path(backup), secret, self.data_dir) as plain:
            later = self._entries_since(plain)
            safety = self._restore_plain(plain, Path(backup).name)
        with self.db.session() as s, s.begin():
            for entry, personal in later:
                s.add(entry)
                s.flush()
                for p in personal:
                    p.entry_id = entry.id
                    s.add(p)
            self.audit.record("restore_backup", None, None,
                              {"file": getattr(backup, "name", str(backup)),
                               "safety": safety.name, "carried_over": len(later)}, s=s)
        return safety

    def _entries_since(self, backup: Path) -> list[tuple[AuditEntry, list[AuditPersonal]]]:
        """Copies of the live log's entries newer than the backup's newest one."""
        try:
            with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
                newest = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        except sqlite3.Error:
            return []  # an unreadable backup is refused by the restore itself
        out = []
        with self.db.session() as s:
            for e in s.scalars(select(AuditEntry).where(AuditEntry.id > newest)
                               .order_by(AuditEntry.id)):
                copy = AuditEntry(at=e.at, actor_id=e.actor_id, actor_name=e.actor_name,
                                  actor_role=e.actor_role, action=e.action,
                                  table_name=e.table_name, record_id=e.record_id,
                                  detail=e.detail)
                personal = [AuditPersonal(record_id=p.record_id, field=p.field, old=p.old,
                                          new=p.new)
                            for p in s.scalars(select(AuditPersonal).where(
                                AuditPersonal.entry_id == e.id).order_by(AuditPersonal.id))]
                out.append((copy, personal))
        return out
