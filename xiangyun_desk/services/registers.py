"""A register: list (lazily, by row ids), search, filter, create, edit, soft-delete, restore.

One :class:`RegisterService` serves every register from a :class:`RegisterSpec`. The UI's table
models ask for the matching row ids first (cheap integers, fine for a million rows) and then for
the rows on screen, like Anki's browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select

from ..domain.errors import ValidationFailed
from ..domain.fields import Field, Kind, validate
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.search import build_search_key, normalize_query
from ..storage.db import Database
from ..storage.models import utcnow

CTX = "Registers"
FETCH_CHUNK = 500


@dataclass(frozen=True)
class RegisterSpec:
    """What one register stores and how it is listed."""

    key: str
    model: type
    fields: tuple[Field, ...]
    columns: tuple[str, ...]
    date_column: str
    default_sort: str
    category_column: str | None = None
    parent_column: str | None = None
    search_fields: tuple[str, ...] = ()
    # Computed columns: key -> function(table) -> SQL expression (e.g. a volunteer's hours).
    computed: Mapping[str, Callable[[Any], ColumnElement]] = field(default_factory=dict)
    # Extra validation over the cleaned record (time order, cross-field rules).
    check: Callable[[dict[str, Any]], None] | None = None
    # Validation that needs the database (session, cleaned record), e.g. links within one fair.
    check_db: Callable[[Any, dict[str, Any]], None] | None = None

    @property
    def table(self):
        return self.model.__table__

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass
class RegisterQuery:
    """What the user is looking at: search text, filters, sort, live or deleted records."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    category: str | None = None
    parent_id: str | None = None
    deleted: bool = False
    sort_column: str | None = None
    descending: bool = True


class _Unguarded:
    """The guard of a service made on its own (benchmarks, tools): no checks, no audit."""

    def require(self, service, action: str) -> None:
        pass

    def shown(self, service, values):
        return values

    def snapshot(self, service, obj):
        return None

    def changed(self, s, service, action: str, obj, before) -> None:
        pass

    def revealed(self, service, record_id: str, fields) -> None:
        pass


class RegisterService:
    """Use cases of one register.

    ``guard`` (services.audit.RecordGuard for a Desk) checks the signed-in person's permissions
    before every read and write and records each change in the audit log inside the change's own
    transaction.
    """

    def __init__(self, db: Database, spec: RegisterSpec, station_code: Callable[[], str],
                 guard=None):
        self.db = db
        self.spec = spec
        self._station_code = station_code
        self.guard = guard or _Unguarded()

    # ---- listing -------------------------------------------------------------------------

    def _rowid(self):
        return literal_column(f"{self.spec.table.name}.rowid")

    def _filtered(self, stmt: Select, query: RegisterQuery) -> Select:
        t = self.spec.table
        stmt = stmt.where(t.c.deleted_at.is_not(None) if query.deleted else t.c.deleted_at.is_(None))
        if query.parent_id is not None and self.spec.parent_column:
            stmt = stmt.where(t.c[self.spec.parent_column] == query.parent_id)
        text = normalize_query(query.text or "")
        if text and "search_key" in t.c:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(t.c.search_key.like(pattern, escape="\\"))
        date_col = t.c[self.spec.date_column]
        is_datetime = self.spec.field(self.spec.date_column).kind is Kind.DATETIME \
            if self.spec.date_column in {f.name for f in self.spec.fields} else False
        if query.date_from:
            start = dt.datetime.combine(query.date_from, dt.time()) if is_datetime else query.date_from
            stmt = stmt.where(date_col >= start)
        if query.date_to:
            if is_datetime:
                stmt = stmt.where(date_col < dt.datetime.combine(query.date_to + dt.timedelta(days=1),
                                                                  dt.time()))
            else:
                stmt = stmt.where(date_col <= query.date_to)
        if query.category and self.spec.category_column:
            stmt = stmt.where(t.c[self.spec.category_column] == query.category)
        return stmt

    def sortable(self, column: str) -> bool:
        return column in self.spec.table.c or column in self.spec.computed

    def query_ids(self, query: RegisterQuery) -> list[int]:
        """Row ids (SQLite rowids) of the matching records, in display order."""
        t = self.spec.table
        sort_key = query.sort_column if query.sort_column and self.sortable(query.sort_column) \
            else self.spec.default_sort
        if sort_key in self.spec.computed:
            sort_expr = self.spec.computed[sort_key](t)
        else:
            sort_expr = t.c[sort_key]
        rowid = self._rowid()
        order = (sort_expr.desc(), rowid.desc()) if query.descending else (sort_expr.asc(), rowid.asc())
        stmt = self._filtered(select(rowid).select_from(t), query).order_by(*order)
        with self.db.engine.connect() as conn:
            return [row[0] for row in conn.execute(stmt)]

    def count(self, query: RegisterQuery | None = None) -> int:
        t = self.spec.table
        stmt = self._filtered(select(func.count()).select_from(t), query or RegisterQuery())
        with self.db.engine.connect() as conn:
            return conn.execute(stmt).scalar_one()

    def fetch_rows(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The listed columns (plus ``id`` and ``deleted_at``) of the given rows."""
        t = self.spec.table
        rowid = self._rowid()
        cols = [rowid.label("_rowid"), t.c.id, t.c.deleted_at]
        cols += [t.c[name] for name in self.spec.columns if name not in self.spec.computed]
        cols += [expr(t).label(name) for name, expr in self.spec.computed.items()]
        result: dict[int, dict[str, Any]] = {}
        with self.db.engine.connect() as conn:
            for start in range(0, len(rowids), FETCH_CHUNK):
                chunk = list(rowids[start:start + FETCH_CHUNK])
                for row in conn.execute(select(*cols).where(rowid.in_(chunk))):
                    mapping = dict(row._mapping)
                    result[mapping.pop("_rowid")] = mapping
        return result

    def get(self, record_id: str) -> dict[str, Any]:
        """Every stored field of one record (live or deleted); IDs and phones masked for a
        person who may not reveal them."""
        self.guard.require(self, "read")
        with self.db.session() as s:
            obj = s.get(self.spec.model, record_id)
            if obj is None:
                raise KeyError(record_id)
            return self.guard.shown(self, {c.key: getattr(obj, c.key) for c in self.spec.table.c})

    def reveal(self, record_id: str, fields: Sequence[str] = ("id_number", "phone")) -> dict:
        """The full values of masked fields, for the screen: a permission, and recorded."""
        self.guard.require(self, "reveal")
        with self.db.session() as s:
            obj = s.get(self.spec.model, record_id)
            if obj is None:
                raise KeyError(record_id)
            values = {f: getattr(obj, f) for f in fields if f in self.spec.table.c}
        self.guard.revealed(self, record_id, sorted(values))
        return values

    # ---- writing -------------------------------------------------------------------------

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Validate a record without saving it (raises ValidationFailed)."""
        clean = validate(self.spec.fields, raw)
        if self.spec.check:
            self.spec.check(clean)
        return clean

    def _apply(self, obj, raw: Mapping[str, Any], clean: dict[str, Any]) -> None:
        for name, value in clean.items():
            if name == "phone":
                # Keep what the user typed alongside the normalised form.
                obj.phone = str(raw.get("phone") or "").strip() or None
                if hasattr(obj, "phone_norm"):
                    obj.phone_norm = value
                continue
            setattr(obj, name, value)
        columns = self.spec.table.c
        for name, f in ((f.name, f) for f in self.spec.fields):
            if getattr(obj, name, None) is None and f.kind in (Kind.MONEY,):
                setattr(obj, name, 0)
            elif getattr(obj, name, None) is None and name in columns \
                    and not columns[name].nullable and columns[name].default is not None \
                    and columns[name].default.is_scalar:
                # A cleared optional field (gender, skills, party size) goes back to its default:
                # an UPDATE would otherwise write NULL into a NOT NULL column.
                setattr(obj, name, columns[name].default.arg)
        if hasattr(obj, "search_key"):
            obj.search_key = self.search_key(obj)

    def search_key(self, obj) -> str:
        """The search key of a record (name, initials, phone, ID tail, employer, extras)."""
        get = lambda name: getattr(obj, name, None) or ""  # noqa: E731
        extras = tuple(str(get(name)) for name in self.spec.search_fields)
        return build_search_key(name=get("name"), phone=get("phone_norm") or get("phone"),
                                id_number=get("id_number"), employer=get("employer"),
                                extra=extras)

    def create(self, raw: Mapping[str, Any]) -> str:
        """Validate and save a new record in one transaction; returns its id."""
        self.guard.require(self, "write")
        clean = self.clean(raw)
        obj = self.spec.model(station_code=self._station_code())
        self._apply(obj, raw, clean)
        with self.db.session() as s, s.begin():
            self._check_parent(s, clean)
            s.add(obj)
            s.flush()
            self.guard.changed(s, self, "create", obj, None)
        return obj.id

    def update(self, record_id: str, raw: Mapping[str, Any]) -> None:
        """Validate and save changes to an existing live record."""
        self.guard.require(self, "write")
        clean = self.clean(raw)
        with self.db.session() as s, s.begin():
            obj = self._owned(s, record_id)
            before = self.guard.snapshot(self, obj)
            self._check_parent(s, clean)
            self._apply(obj, raw, clean)
            s.flush()
            self.guard.changed(s, self, "update", obj, before)

    def delete(self, record_id: str) -> None:
        """Soft-delete (a tombstone that travels in sync bundles)."""
        self.guard.require(self, "write")
        with self.db.session() as s, s.begin():
            obj = self._owned(s, record_id)
            if obj.deleted_at is None:
                obj.deleted_at = utcnow()
                s.flush()
                self.guard.changed(s, self, "delete", obj, None)

    def restore(self, record_id: str) -> None:
        """Bring a soft-deleted record back."""
        self.guard.require(self, "write")
        with self.db.session() as s, s.begin():
            obj = self._owned(s, record_id, allow_deleted=True)
            if obj.deleted_at is not None:
                obj.deleted_at = None
                s.flush()
                self.guard.changed(s, self, "restore", obj, None)

    def _owned(self, s, record_id: str, allow_deleted: bool = False):
        obj = s.get(self.spec.model, record_id)
        if obj is None or (obj.deleted_at is not None and not allow_deleted):
            raise ValidationFailed({"id": msg(CTX, QT_TRANSLATE_NOOP("Registers", "This record no longer exists; it may have been deleted."))})
        if obj.station_code != self._station_code():
            raise ValidationFailed({"id": msg(CTX, QT_TRANSLATE_NOOP("Registers", "This record belongs to another station and is read-only here."))})
        if getattr(obj, "source", "local") == "county":
            raise ValidationFailed({"id": msg(CTX, QT_TRANSLATE_NOOP("Registers", "This record was published by the county and is read-only here."))})
        return obj

    def _check_parent(self, s, clean: dict[str, Any]) -> None:
        """Refuse a child record whose parent is missing or deleted."""
        for f in self.spec.fields:
            if f.kind is not Kind.REF or not clean.get(f.name):
                continue
            target = self.spec.model.__table__.c[f.name].foreign_keys
            for fk in target:
                parent_table = fk.column.table
                alive = s.execute(select(parent_table.c.id).where(
                    parent_table.c.id == clean[f.name], parent_table.c.deleted_at.is_(None))).first()
                if alive is None:
                    raise ValidationFailed({f.name: msg(CTX, QT_TRANSLATE_NOOP("Registers", "The linked record does not exist or was deleted."))})
        if self.spec.check_db:
            self.spec.check_db(s, clean)

    def ids_of(self, record_ids: Iterable[str]) -> list[int]:
        """Row ids of records given by their keys (to select a row after saving)."""
        t = self.spec.table
        with self.db.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(self._rowid()).where(t.c.id.in_(list(record_ids))))]
