"""A register: list (lazily, by row ids), search, filter, create, edit, soft-delete, restore.

One :class:`RegisterService` serves every register from a :class:`RegisterSpec`. The UI's table
models ask for the matching row ids first (cheap integers, fine for a million rows) and then for
the rows on screen, like Anki's browser.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy import text as sql_text
from sqlalchemy.exc import OperationalError

from ..domain.errors import ValidationFailed
from ..domain.fields import Field, Kind, validate
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.search import build_search_key, query_terms
from ..storage import search_pg
from ..storage.db import Database
from ..storage.dialects import SQLITE, row_key
from ..storage.models import CodeItem, utcnow
from ..storage.search_index import PENDING, flush, index_name, match_all

CTX = "Registers"
FETCH_CHUNK = 500
BLOCK = 200  # row ids fetched at a time when a listing is read in blocks along an index
SEARCH_BLOCK = 100  # ... when every row on the way is tested against the search text
MATERIALIZE_AT_LEAST = 5_000
_UNKNOWN = object()


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
    # Visits still being followed up (跟进中) whose 回访日期 is on or before this day (待办).
    follow_up_due: dt.date | None = None
    # One station's records (the county's read-only registers, which hold every station's).
    station: str | None = None


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
        self._index: str | None | object = _UNKNOWN
        self._local = threading.local()
        self._in_order: dict[tuple, bool] = {}
        self.guard = guard or _Unguarded()

    # ---- listing -------------------------------------------------------------------------
    #
    # The search box matches the typed text as a substring of ``search_key``. With the FTS
    # index (storage/search_index.py) the matches are found from posting lists instead of
    # reading every row. How a query is answered depends on how many records match:
    # - few (≤ materialize_limit()): their row ids come from the index and are sorted — cost
    #   grows with the matches, not with the register;
    # - many: the register is walked in display order along an index (deleted_at, date), testing
    #   each row with LIKE, and only the block on screen is fetched (RowIds); with many matches
    #   a screenful is found after a short walk. The count comes from the index.

    def _rowid(self):
        """The listing key: SQLite's rowid, the primary key on a server (storage.dialects)."""
        return row_key(self.spec.table, self.db.dialect)

    @property
    def _on_sqlite(self) -> bool:
        return self.db.dialect == SQLITE

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """A connection for reading; nested uses share it (one snapshot, one BEGIN)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self.db.engine.connect() as conn:
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    def _search_index(self) -> str | None:
        """The FTS index of this register's table, when the database has one."""
        if self._index is _UNKNOWN:
            found = None
            if "search_key" in self.spec.table.c:
                name = index_name(self.spec.table.name)
                catalog = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = :n" \
                    if self._on_sqlite else "SELECT indexname FROM pg_indexes WHERE indexname = :n"
                with self._reading() as conn:
                    found = conn.execute(sql_text(catalog), {"n": name}).scalar()
            self._index = found
        return self._index

    def _catch_up(self) -> None:
        """Index the rows that writers outside the program's engine (a bare sqlite3 connection)
        left noted; the program's own commits index their rows themselves (storage.db). A
        server keeps its index current itself."""
        if not self._on_sqlite:
            return
        try:
            with self._reading() as conn:
                pending = conn.exec_driver_sql(
                    f"SELECT EXISTS (SELECT 1 FROM {PENDING})").scalar()
        except OperationalError:  # no pending list in this database
            return
        if pending:
            with self.db.engine.begin() as conn:
                flush(conn.exec_driver_sql)

    def _like(self, text: str) -> ColumnElement:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return self.spec.table.c.search_key.like(pattern, escape="\\")

    def _search(self, query: RegisterQuery) -> tuple[tuple[str, ...], Any]:
        """(normalised words, index query or None) of the query's search text. Every word must
        occur in a record's key (AND, any order). The index query is an FTS5 expression on
        SQLite and the words themselves on PostgreSQL."""
        terms = query_terms(query.text or "")
        if not terms or "search_key" not in self.spec.table.c:
            return (), None
        if not self._search_index() or any(self._label_codes(term) for term in terms):
            return terms, None
        return terms, (match_all(terms) if self._on_sqlite else terms)

    def _label_codes(self, term: str) -> tuple[str, ...]:
        """Codes of the register's category list (来访事由, 慰问活动, ...) whose Chinese label
        contains the word, so that ``冬送温暖 李`` finds the winter-warmth visits to a 李. Words
        of one character are not looked up (``其`` would match 其他 and little else)."""
        column = self.spec.category_column
        if len(term) < 2 or not column or not any(not c.isascii() for c in term):
            return ()
        code_list = self.spec.field(column).code_list
        if not code_list:
            return ()
        with self._reading() as conn:
            rows = conn.execute(select(CodeItem.code, CodeItem.label_zh)
                                .where(CodeItem.list_name == code_list)).all()
        return tuple(code for code, label in rows if term in (label or "").lower())

    def _term_condition(self, term: str) -> ColumnElement:
        """A word matches the record's search key, or the label of its category."""
        codes = self._label_codes(term)
        if not codes:
            return self._like(term)
        column = self.spec.table.c[self.spec.category_column]
        # Equalities rather than IN: the planner probe (EXPLAIN) compiles without expanding.
        return or_(self._like(term), *(column == code for code in codes))

    def _conditions(self, query: RegisterQuery, search: str = "like") -> list[ColumnElement]:
        """The WHERE conditions of a query. ``search``: "like" (test each row's key) or "none"
        (leave the search text out, e.g. when the index supplies the rows)."""
        t = self.spec.table
        conds: list[ColumnElement] = [
            t.c.deleted_at.is_not(None) if query.deleted else t.c.deleted_at.is_(None)]
        if query.parent_id is not None and self.spec.parent_column:
            # A key no record can have (the window's "nothing selected", "\x00") matches
            # nothing; PostgreSQL refuses NUL in a text parameter, so it is not sent.
            conds.append(false() if "\x00" in query.parent_id
                         else t.c[self.spec.parent_column] == query.parent_id)
        terms, _match = self._search(query)
        if search != "none":
            conds += [self._term_condition(term) for term in terms]
        date_col = t.c[self.spec.date_column]
        is_datetime = self.spec.field(self.spec.date_column).kind is Kind.DATETIME \
            if self.spec.date_column in {f.name for f in self.spec.fields} \
            else isinstance(date_col.type, DateTime)  # created_at: a time, whole days wanted
        if query.date_from:
            start = dt.datetime.combine(query.date_from, dt.time()) if is_datetime \
                else query.date_from
            conds.append(date_col >= start)
        if query.date_to:
            if is_datetime:
                conds.append(date_col < dt.datetime.combine(query.date_to + dt.timedelta(days=1),
                                                             dt.time()))
            else:
                conds.append(date_col <= query.date_to)
        if query.category and self.spec.category_column:
            conds.append(t.c[self.spec.category_column] == query.category)
        if query.station is not None and "station_code" in t.c:
            conds.append(t.c.station_code == query.station)
        if query.follow_up_due is not None and "follow_up_on" in t.c:
            conds += [t.c.status == "following", t.c.follow_up_on <= query.follow_up_due]
        return conds

    def _filtered(self, stmt: Select, query: RegisterQuery) -> Select:
        return stmt.where(*self._conditions(query))

    def sortable(self, column: str) -> bool:
        return column in self.spec.table.c or column in self.spec.computed

    def _sort(self, query: RegisterQuery):
        t = self.spec.table
        key = query.sort_column if query.sort_column and self.sortable(query.sort_column) \
            else self.spec.default_sort
        return key, (self.spec.computed[key](t) if key in self.spec.computed else t.c[key])

    def _order(self, query: RegisterQuery, reverse: bool = False) -> tuple:
        _key, sort_expr = self._sort(query)
        rowid = self._rowid()
        if query.descending != reverse:
            return sort_expr.desc(), rowid.desc()
        return sort_expr.asc(), rowid.asc()

    def _ids(self, query: RegisterQuery, match: str | None = None) -> list[int]:
        """Every listed row id at once; with ``match``, the index supplies the candidates."""
        t = self.spec.table
        if match and not self._on_sqlite:  # the GIN index narrows, LIKE decides (search_pg)
            source, conds = t, [*(search_pg.contains(t.c.search_key, term) for term in match),
                                *self._conditions(query, "like")]
        elif match:
            idx = self._search_index()
            source = table(idx).join(t, self._rowid() == literal_column(f"{idx}.rowid"))
            conds = [sql_text(f"{idx} MATCH :xyd_match").bindparams(xyd_match=match),
                     *self._conditions(query, "none")]
        else:
            source, conds = t, self._conditions(query, "like")
        stmt = select(self._rowid()).select_from(source).where(*conds) \
            .order_by(*self._order(query))
        with self._reading() as conn:
            return conn.execute(stmt).scalars().all()  # fetchall: not row by row

    def _index_count(self, match: Any) -> int:
        """Records (live or deleted, any filter) whose key matches, from the index alone."""
        idx = self._search_index()
        with self._reading() as conn:
            if not self._on_sqlite:
                t = self.spec.table
                return conn.execute(select(func.count()).select_from(t).where(
                    *(search_pg.contains(t.c.search_key, term) for term in match),
                    *(self._like(term) for term in match))).scalar_one()
            return conn.exec_driver_sql(
                f"SELECT count(*) FROM {idx} WHERE {idx} MATCH ?", (match,)).scalar_one()

    def materialize_limit(self) -> int:
        """Up to how many matches the ids are fetched from the index and sorted at once.

        Sorting m matches costs about m row reads; walking the register in display order for a
        block of SEARCH_BLOCK matches costs about SEARCH_BLOCK * N / m. The two meet near
        sqrt(SEARCH_BLOCK * N): about 10,000 at a million rows, some 10-15 ms either way.
        """
        with self._reading() as conn:
            if self._on_sqlite:
                top = conn.exec_driver_sql(
                    f"SELECT max(rowid) FROM {self.spec.table.name}").scalar()
            else:  # the planner's row estimate: free, and close enough for a threshold
                top = conn.execute(sql_text("SELECT reltuples FROM pg_class WHERE relname = :t"),
                                   {"t": self.spec.table.name}).scalar()
                top = max(0, int(top or 0))
        return max(MATERIALIZE_AT_LEAST, int(((top or 0) * SEARCH_BLOCK) ** 0.5))

    def query_ids(self, query: RegisterQuery) -> list[int]:
        """Row ids (SQLite rowids) of the matching records, in display order."""
        return list(self.row_ids(query))

    def row_ids(self, query: RegisterQuery) -> RowIds:
        """The matching row ids in display order, fetched as they are needed: a sequence whose
        length is known at once; reading a position fetches the block around it."""
        return RowIds(self, query)

    def count(self, query: RegisterQuery | None = None) -> int:
        return len(self.row_ids(query or RegisterQuery()))

    def _count_all(self) -> int:
        """Every row, live or deleted (SQLite counts these from the pages of the narrowest
        index: a few ms at a million rows, against some 30 ms for the live rows alone)."""
        with self._reading() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM {self.spec.table.name}").scalar_one()

    def _count(self, query: RegisterQuery, search: str) -> int:
        stmt = select(func.count()).select_from(self.spec.table) \
            .where(*self._conditions(query, search))
        with self._reading() as conn:
            return conn.execute(stmt).scalar_one()

    def _block_statement(self, query: RegisterQuery, search: str, reverse: bool) -> Select:
        return select(self._rowid()).select_from(self.spec.table) \
            .where(*self._conditions(query, search)).order_by(*self._order(query, reverse))

    def _walks_in_order(self, query: RegisterQuery, search: str) -> bool:
        """Whether SQLite reads this listing in display order from an index (no sort step), so
        that a block at any position is a LIMIT/OFFSET away. Decided by EXPLAIN QUERY PLAN, once
        per kind of query."""
        _key, sort_expr = self._sort(query)
        if not self._on_sqlite:
            return False  # a server lists the (county's own, few) records at once
        if not hasattr(sort_expr, "nullable"):
            return False  # computed columns: sorted at once
        shape = (query.sort_column, query.descending, query.deleted, query.parent_id is not None,
                 query.date_from is not None, query.date_to is not None,
                 query.category is not None, query.follow_up_due is not None,
                 query.station is not None, search)
        known = self._in_order.get(shape)
        if known is None:
            stmt = self._block_statement(query, search, False).limit(BLOCK).offset(0)
            with self._reading() as conn:
                compiled = stmt.compile(dialect=conn.dialect)
                params = tuple(None for _ in (compiled.positiontup or ()))
                plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {compiled}", params))
            known = "TEMP B-TREE" not in plan.upper()
            self._in_order[shape] = known
        return known

    def _block(self, query: RegisterQuery, search: str, offset: int, size: int,
               from_end: bool) -> list[int]:
        stmt = self._block_statement(query, search, from_end).limit(size).offset(offset)
        with self._reading() as conn:
            ids = conn.execute(stmt).scalars().all()  # fetchall: not row by row
        return ids[::-1] if from_end else ids

    def _position(self, query: RegisterQuery, search: str, rowid_value: int) -> int | None:
        """Where a row stands in the listing (None when it is not listed)."""
        _key, sort_expr = self._sort(query)
        rowid = self._rowid()
        conds = self._conditions(query, search)
        with self._reading() as conn:
            found = conn.execute(select(sort_expr).select_from(self.spec.table)
                                 .where(rowid == rowid_value, *conds)).first()
            if found is None:
                return None
            value = found[0]
            # SQLite sorts NULL before every value (ascending) and after every one (descending).
            if value is None:
                same = sort_expr.is_(None)
                if query.descending:
                    before = sort_expr.is_not(None) | (same & (rowid > rowid_value))
                else:
                    before = same & (rowid < rowid_value)
            elif query.descending:
                before = (sort_expr > value) | ((sort_expr == value) & (rowid > rowid_value))
            else:
                before = sort_expr.is_(None) | (sort_expr < value) \
                    | ((sort_expr == value) & (rowid < rowid_value))
            return conn.execute(select(func.count()).select_from(self.spec.table)
                                .where(*conds, before)).scalar_one()

    def fetch_rows(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The listed columns (plus ``id`` and ``deleted_at``) of the given rows."""
        t = self.spec.table
        rowid = self._rowid()
        cols = [rowid.label("_rowid"), t.c.id, t.c.deleted_at]
        cols += [t.c[name] for name in self.spec.columns if name not in self.spec.computed]
        cols += [expr(t).label(name) for name, expr in self.spec.computed.items()]
        result: dict[int, dict[str, Any]] = {}
        with self._reading() as conn:
            for start in range(0, len(rowids), FETCH_CHUNK):
                chunk = list(rowids[start:start + FETCH_CHUNK])
                rows = conn.execute(select(*cols).where(rowid.in_(chunk)))
                keys = list(rows.keys())[1:]
                for row in rows:
                    result[row[0]] = dict(zip(keys, row[1:], strict=True))
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


class RowIds(Sequence[int]):
    """The row ids of a listing in display order (see RegisterService.row_ids).

    The length is known from the start. Small listings are fetched whole; large ones that SQLite
    reads in display order from an index are fetched BLOCK ids at a time around the position
    asked for (from whichever end is nearer). Like any listing held by a view it is a snapshot:
    after a change, ask the service again.
    """

    def __init__(self, service: RegisterService, query: RegisterQuery):
        self._service = service
        self._query = replace(query)
        self._ids: list[int] | None = None
        self._blocks: dict[int, list[int]] = {}
        self._size = BLOCK
        if (query.text or "").strip() and service._search_index():
            service._catch_up()
        with service._reading():  # one snapshot for the count and the first block
            self._plan()

    def _plan(self) -> None:
        service = self._service
        self._search = "none"
        text, self._match = service._search(self._query)
        if text:
            self._search = "like"
            if self._match:
                candidates = service._index_count(self._match)
                if candidates <= service.materialize_limit():
                    self._ids = service._ids(self._query, self._match)  # driven by the index
                    self._count = len(self._ids)
                    return
        if not service._walks_in_order(self._query, self._search):
            self._ids = service._ids(self._query, self._match)
            self._count = len(self._ids)
            return
        if self._only_live() and (not text or self._match):
            # All rows (or the index's matches) less the deleted ones, which are few and found
            # along an index on deleted_at.
            everything = candidates if text else service._count_all()
            self._count = everything - service._count(replace(self._query, deleted=True),
                                                      self._search)
        else:
            self._count = service._count(self._query, self._search)
        self._size = SEARCH_BLOCK if text else BLOCK
        if self._count <= self._size:
            self._ids = self._block(0)
        elif self._count:
            self._blocks[0] = self._block(0)  # the first screen, in the same snapshot

    def _only_live(self) -> bool:
        q = self._query
        return not q.deleted and q.date_from is None and q.date_to is None \
            and not (q.category and self._service.spec.category_column) \
            and not (q.parent_id is not None and self._service.spec.parent_column) \
            and q.follow_up_due is None and q.station is None

    @property
    def windowed(self) -> bool:
        """Whether the ids are fetched block by block (else they are all in memory)."""
        return self._ids is None

    def __len__(self) -> int:
        return self._count

    def _block(self, number: int) -> list[int]:
        start = number * self._size
        size = min(self._size, self._count - start)
        from_end = start > self._count - (start + size)
        offset = self._count - (start + size) if from_end else start
        ids = self._service._block(self._query, self._search, offset, size, from_end)
        if len(ids) < size:  # changed underneath (another window): blank rows until refreshed
            ids = ids + [-1] * (size - len(ids))
        return ids[:size]

    def _at(self, position: int) -> int:
        number = position // self._size
        block = self._blocks.get(number)
        if block is None:
            block = self._blocks[number] = self._block(number)
        return block[position - number * self._size]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(self._count))]
        if key < 0:
            key += self._count
        if not 0 <= key < self._count:
            raise IndexError(key)
        if self._ids is not None:
            return self._ids[key]
        return self._at(key)

    def __iter__(self) -> Iterator[int]:
        if self._ids is None:
            self._ids = self._service._ids(self._query, self._match)
            self._count = len(self._ids)
            self._blocks.clear()
        return iter(self._ids)

    def __contains__(self, value) -> bool:
        try:
            self.index(value)
        except ValueError:
            return False
        return True

    def index(self, value, start: int = 0, stop: int | None = None) -> int:
        if self._ids is not None:
            return self._ids.index(value, start, self._count if stop is None else stop)
        for number, block in self._blocks.items():
            if value in block:
                position = number * self._size + block.index(value)
                if start <= position < (self._count if stop is None else stop):
                    return position
        position = self._service._position(self._query, self._search, value)
        if position is None or not start <= position < (self._count if stop is None else stop):
            raise ValueError(f"{value} is not in the listing")
        return position
