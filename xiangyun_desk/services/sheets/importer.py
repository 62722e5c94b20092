"""Import a spreadsheet into a register: find the heading row, match columns to fields (Chinese
synonyms, or a mapping the user adjusted), check every row with the register's own validation,
flag duplicates, and write the ready rows in one transaction.

Row statuses:

* ``ready`` – valid and new; imported.
* ``possible_duplicate`` – valid, but looks like an existing record or an earlier row (same ID
  number, or same name and phone; for visits on the same day; for relief visits in the same
  campaign and year). Imported unless the caller chooses to skip them, and always reported.
* ``duplicate`` – every imported field equals an existing record (or an earlier row): skipped,
  so importing the same file twice adds nothing.
* ``refused`` – something is wrong; each problem names the cell, the column and the reason.
* ``merged`` – (job-fair employers) a further position row of an employer listed above; its
  positions are added to that employer's row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from ...domain.errors import DomainError, FieldInvalid, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage.files import write_atomic
from ...storage.models import new_id
from . import guard
from . import layout as L
from .cells import CodeMatcher, is_blank, to_raw
from .reader import SheetError, Table, read_table

CTX = "Sheets"
HEADER_SCAN_ROWS = 20
READY, POSSIBLE, DUPLICATE, REFUSED, MERGED = (
    "ready", "possible_duplicate", "duplicate", "refused", "merged")
STATUSES = (READY, POSSIBLE, DUPLICATE, REFUSED, MERGED)
# Values used when the sheet has no column for a field (what the entry form defaults to).
DEFAULTS: dict[str, dict[str, Any]] = {
    "visits": {"status": "done", "union_member": "unknown"},
    "volunteers": {"status": "active"},
    "intentions": {"status": "intent"},
}
_TOTALS = re.compile(r"^(合计|总计|小计|共计|total)", re.IGNORECASE)


@dataclass(frozen=True)
class NestedMessage(Message):
    """A message whose parameters may themselves be messages (translated along with it)."""

    def render(self, translate=None) -> str:
        text = translate(self.context, self.text) if translate else self.text
        return text.format(**{k: v.render(translate) if isinstance(v, Message) else v
                              for k, v in self.params.items()})


class SheetCancelled(Exception):
    """The user cancelled a long import or export."""


@dataclass
class CellProblem:
    """One thing wrong with a row: the cell (C5), the column heading, the field, the reason."""

    cell: str
    header: str
    field: str
    message: Message

    def describe(self, translate=None) -> str:
        where = f"{self.cell} {self.header}".strip()
        return f"{where}: {self.message.render(translate)}" if where else \
            self.message.render(translate)


@dataclass
class ColumnMatch:
    """A column of the sheet and the field it goes to (None: not imported)."""

    index: int  # 0-based
    letter: str
    header: str
    field: str | None
    how: str = "auto"  # auto, manual, none, duplicate, readonly


@dataclass
class RowResult:
    row: int  # the sheet's row number (1-based, as Excel shows it)
    status: str
    cells: dict[str, str] = field(default_factory=dict)  # field -> the cell as text
    problems: list[CellProblem] = field(default_factory=list)
    note: Message | None = None
    duplicate_of: str | None = None  # an existing record's id, or "row N"
    raw: dict[str, Any] = field(default_factory=dict)
    clean: dict[str, Any] | None = None
    merged_into: int | None = None
    record_id: str | None = None

    def reason(self, translate=None) -> str:
        parts = [p.describe(translate) for p in self.problems]
        if self.note is not None:
            parts.append(self.note.render(translate))
        return "；".join(parts) if parts else ""


@dataclass
class ImportPreview:
    """Everything the user sees before importing, and afterwards the report."""

    register: str
    source: str
    fmt: str
    sheet: str | None
    encoding: str | None
    header_row: int
    columns: list[ColumnMatch]
    rows: list[RowResult]
    missing: list[str]  # required fields with neither a column nor a value for every row
    notes: list[Message] = field(default_factory=list)
    fair_id: str | None = None
    empty_rows: int = 0
    include_possible: bool = True
    imported: int | None = None  # set by commit
    committed_at: dt.datetime | None = None

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for r in self.rows:
            out[r.status] += 1
        return out

    def to_import(self, include_possible: bool | None = None) -> list[RowResult]:
        include = self.include_possible if include_possible is None else include_possible
        wanted = (READY, POSSIBLE) if include else (READY,)
        return [r for r in self.rows if r.status in wanted]

    def mapping(self) -> dict[int, str | None]:
        return {c.index: c.field for c in self.columns}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != dt.time() \
            else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _name_key(text: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split())


class SheetImporter:
    """Imports sheets into one register of a :class:`~xiangyun_desk.services.desk.Desk`."""

    def __init__(self, desk, register: str, *, fair_id: str | None = None):
        if register not in L.SHEETS:
            raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "Unknown register {register}; choose one of: {registers}."),
                register=register, registers=", ".join(L.REGISTERS)))
        guard.require(desk, "import")
        self.desk = desk
        self.register = register
        self.sheet = L.SHEETS[register]
        self.service = desk.registers[register]
        self.fair_id = fair_id
        self.codes = CodeMatcher(desk.code_labels("zh"), desk.code_labels("en"))
        if register in L.FAIR_CHILDREN:
            self.fair_id = self._resolve_fair(fair_id)

    # ---- target fair ---------------------------------------------------------------------

    def _resolve_fair(self, fair_id: str | None) -> str:
        if not fair_id:
            raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "Choose the job fair these rows belong to (--fair ID).")))
        return resolve_fair(self.desk, fair_id)

    # ---- headings ------------------------------------------------------------------------

    def header_score(self, rows: list[tuple]) -> int:
        """How much the best of these rows looks like this register's heading row."""
        return max((self._row_score(r) for r in rows[:HEADER_SCAN_ROWS]), default=0)

    def _lookup(self) -> dict[str, L.SheetColumn]:
        names: dict[str, L.SheetColumn] = {}
        for column in self.sheet.columns:  # the main headings first, then synonyms
            names.setdefault(L.normalize_header(column.header), column)
        for column in self.sheet.columns:
            for name in column.names():
                names.setdefault(name, column)
        return names

    def _match(self, header: Any) -> L.SheetColumn | None:
        names = self._lookup()
        for variant in L.header_variants(header):
            if variant in names:
                return names[variant]
        return None

    def _row_score(self, row: tuple) -> int:
        """How many different columns of this register the row names."""
        found = {self._match(v) for v in row if isinstance(v, str) and v.strip()}
        found.discard(None)
        return len(found)

    def detect(self, table: Table, header_row: int | None = None) -> tuple[int, int, list[str]]:
        """(heading row, first data row, headings) — rows 1-based, merged headings filled in."""
        filled = _fill_merged(table.rows[:max(HEADER_SCAN_ROWS, header_row or 0) + 5],
                              table.merged)
        if header_row is None:
            hmerged = {r for r1, c1, r2, c2 in table.merged if c2 > c1 for r in range(r1, r2 + 1)}
            scores = [(self._row_score(r), (i + 1) not in hmerged, -i)
                      for i, r in enumerate(filled[:HEADER_SCAN_ROWS])]
            if not scores or max(scores)[0] == 0:
                raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
                    "Sheets", "No heading row found. The first rows of the sheet should hold "
                    "column headings such as {examples}."),
                    examples="、".join(c.header for c in self.sheet.importable[:4])))
            header_row = -max(scores)[2] + 1
        headers = [_display(v).strip() for v in
                   (filled[header_row - 1] if header_row - 1 < len(filled) else ())]
        data_start = header_row + 1
        for r1, _c1, r2, _c2 in table.merged:
            if r1 <= header_row <= r2:
                data_start = max(data_start, r2 + 1)
        return header_row, data_start, headers

    def match_columns(self, headers: list[str],
                      mapping: Mapping[int | str, str | None] | None = None) -> list[ColumnMatch]:
        """Columns matched to fields automatically, then overridden by ``mapping`` (keys: 0-based
        column index or heading text; values: a field key, or None to leave a column out)."""
        mapping = dict(mapping or {})
        importable = {c.key for c in self.sheet.importable}
        known = {c.key for c in self.sheet.columns}
        bad = [v for v in mapping.values() if v is not None and v not in importable]
        if bad:
            raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "{field} is not a field of this register; choose one of: {fields}."),
                field=bad[0], fields=", ".join(sorted(importable))))
        columns: list[ColumnMatch] = []
        used: set[str] = set()
        for index, header in enumerate(headers):
            letter = _letter(index)
            if index in mapping or header in mapping or letter in mapping:
                key = index if index in mapping else header if header in mapping else letter
                target = mapping[key]
                how = "manual" if target else "none"
            else:
                found = self._match(header) if header else None
                target = found.key if found else None
                how = "auto" if found else "none"
                if found is not None and found.key in known and found.key not in importable:
                    target, how = None, "readonly"
            if target and target in used:
                target, how = None, "duplicate"
            if target:
                used.add(target)
            columns.append(ColumnMatch(index, letter, header, target, how))
        return columns

    # ---- preview -------------------------------------------------------------------------

    def read(self, path: Path | str, sheet: str | None = None) -> Table:
        return read_table(path, sheet, headers_hint=self.header_score)

    def preview_file(self, path: Path | str, mapping=None, *, header_row: int | None = None,
                     defaults: Mapping[str, Any] | None = None, sheet: str | None = None,
                     progress=None, cancelled=None) -> ImportPreview:
        return self.preview(self.read(path, sheet), mapping, header_row=header_row,
                            defaults=defaults, progress=progress, cancelled=cancelled)

    def preview(self, table: Table, mapping: Mapping[int | str, str | None] | None = None, *,
                header_row: int | None = None, defaults: Mapping[str, Any] | None = None,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPreview:
        """Check every row of ``table`` (nothing is written)."""
        header_row, data_start, headers = self.detect(table, header_row)
        width = max(len(headers), max((len(r) for r in table.rows[data_start - 1:]), default=0))
        headers = headers + [""] * (width - len(headers))
        columns = self.match_columns(headers, mapping)
        notes = list(table.notes)
        if table.fmt == "csv":
            notes.append(msg(CTX, QT_TRANSLATE_NOOP("Sheets", "CSV text in {encoding}."),
                             encoding=table.encoding.upper() if table.encoding else "?"))
        if header_row > 1:
            notes.append(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "Headings found in row {row}; the rows above (titles) were skipped."),
                row=header_row))
        by_col = {c.key: c for c in self.sheet.columns}
        mapped = {c.field: c for c in columns if c.field}
        fill = {**DEFAULTS.get(self.register, {}),
                **{k: v for k, v in (defaults or {}).items() if v not in (None, "")}}
        fill = {k: v for k, v in fill.items() if k not in mapped or (defaults and k in defaults)}
        missing = [c.key for c in self.sheet.importable
                   if c.required and c.key not in mapped and c.key not in fill]
        data = _fill_down(table.rows, table.merged, data_start)
        self._merged_header_problem(table, header_row, data_start, columns, data, notes)
        context = self._lookups() if self.register in ("service_records", "intentions") else None

        results: list[RowResult] = []
        empty = 0
        total = max(len(data) - (data_start - 1), 0)
        for offset, values in enumerate(data[data_start - 1:]):
            if cancelled is not None and offset % 200 == 0 and cancelled():
                raise SheetCancelled()
            if progress is not None and offset % 200 == 0:
                progress(offset, total)
            if all(is_blank(v) for v in values):
                empty += 1
                continue
            results.append(self._row(data_start + offset, values, columns, by_col, fill,
                                     context))
        if progress is not None:
            progress(total, total)
        if self.register == "employers":
            _group_employers(results)
        self._flag_duplicates(results, {c.field for c in columns if c.field} | set(fill))
        if empty:
            notes.append(msg(CTX, QT_TRANSLATE_NOOP("Sheets", "{n} empty row(s) skipped."),
                             n=empty))
        return ImportPreview(self.register, table.source, table.fmt, table.sheet, table.encoding,
                             header_row, columns, results, missing, notes, self.fair_id, empty)

    def _merged_header_problem(self, table, header_row, data_start, columns, data, notes):
        """A heading merged across columns is fine when only its first column holds data;
        refuse the sheet when the other columns under it hold values too (which column is
        which field cannot be known)."""
        for r1, c1, r2, c2 in table.merged:
            if not (r1 <= header_row <= r2) or c2 <= c1:
                continue
            spare = [c for c in range(c1, c2)  # 0-based indexes of all but the first column
                     if any(c < len(row) and not is_blank(row[c])
                            for row in data[data_start - 1:])]
            if spare:
                raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
                    "Sheets", "The heading \"{header}\" is one merged cell over columns "
                    "{first}-{last}, and each of those columns holds data. Unmerge the heading "
                    "and give every column its own heading (e.g. 手机, 固定电话), then import "
                    "again."), header=columns[c1 - 1].header if c1 - 1 < len(columns) else "",
                    first=_letter(c1 - 1), last=_letter(c2 - 1)))
            notes.append(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "The heading \"{header}\" is merged over columns {first}-{last}; its "
                "first column was used."), header=columns[c1 - 1].header
                if c1 - 1 < len(columns) else "", first=_letter(c1 - 1), last=_letter(c2 - 1)))
            for c in range(c1, c2):
                if c < len(columns) and columns[c].field == columns[c1 - 1].field:
                    columns[c].field, columns[c].how = None, "duplicate"

    def _row(self, number: int, values: tuple, columns: list[ColumnMatch],
             by_col: dict[str, L.SheetColumn], fill: dict[str, Any], context) -> RowResult:
        result = RowResult(number, READY)
        raw: dict[str, Any] = {}
        where: dict[str, ColumnMatch] = {}
        for c in columns:
            if not c.field:
                continue
            value = values[c.index] if c.index < len(values) else None
            result.cells[c.field] = _display(value)
            where[c.field] = c
            try:
                column = by_col[c.field]
                if column.lookup and "*" in _display(value):
                    # A masked phone from an export still tells two namesakes apart.
                    converted = _display(value).strip()
                else:
                    converted = to_raw(column, value, self.codes)
            except FieldInvalid as exc:
                result.problems.append(CellProblem(f"{c.letter}{number}", c.header, c.field,
                                                   exc.message))
                raw[c.field] = _INVALID
                continue
            if converted is not None:
                raw[c.field] = converted
        for name, value in fill.items():
            if raw.get(name) is None:
                raw[name] = self._fill_value(name, value)
        who = [raw.get(k) for k in ("name", "volunteer_name", "seeker_name")]
        if all(is_blank(w) or (isinstance(w, str) and _TOTALS.match(w)) for w in who) and any(
                isinstance(v, str) and _TOTALS.match(v.strip()) for v in values):
            result.status = REFUSED
            result.problems = [CellProblem("", "", "", msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "A totals row (合计) is not a record.")))]
            return result
        if self.sheet.parent == "fair":
            raw["fair_id"] = self.fair_id
        if context is not None:
            self._resolve_links(raw, result, where, number, context)
        reported = {p.field for p in result.problems}
        check = {k: (None if v is _INVALID else v) for k, v in raw.items()
                 if not (k in by_col and by_col[k].lookup)}
        try:
            result.clean = self.service.clean(check)
        except ValidationFailed as exc:
            for name, message in exc.errors.items():
                if name in reported:
                    continue
                c = where.get(name)
                header = c.header if c else (by_col[name].header if name in by_col else name)
                cell = f"{c.letter}{number}" if c else ""
                if c is None and name in by_col and message.text == "This field is required.":
                    message = msg(CTX, QT_TRANSLATE_NOOP(
                        "Sheets", "The sheet has no column for this field."))
                result.problems.append(CellProblem(cell, header, name, message))
        result.raw = check
        if result.problems:
            result.status = REFUSED
            result.clean = None
        return result

    def _fill_value(self, name: str, value: Any) -> Any:
        column = next((c for c in self.sheet.columns if c.key == name), None)
        if column is None or value is None:
            return value
        try:
            return to_raw(column, value, self.codes)
        except FieldInvalid:
            return value

    # ---- links (service records -> volunteer, intentions -> seeker and employer) -----------

    def _lookups(self) -> dict[str, list[dict]]:
        from ...storage import models as M

        def people(model, *where):
            t = model.__table__
            stmt = select(t.c.id, t.c.name, t.c.phone_norm).where(t.c.deleted_at.is_(None), *where)
            with self.desk.db.engine.connect() as conn:
                return [dict(r._mapping) for r in conn.execute(stmt)]

        if self.register == "service_records":
            return {"volunteer": people(M.Volunteer)}
        return {"seeker": people(M.JobSeeker, M.JobSeeker.__table__.c.fair_id == self.fair_id),
                "employer": people(M.FairEmployer,
                                   M.FairEmployer.__table__.c.fair_id == self.fair_id)}

    def _resolve_links(self, raw, result, where, number, context) -> None:
        links = {"service_records": (("volunteer", "volunteer_id", "volunteer_name",
                                      "volunteer_phone"),),
                 "intentions": (("seeker", "seeker_id", "seeker_name", "seeker_phone"),
                                ("employer", "employer_id", "employer_name", None))}
        for kind, target, name_key, phone_key in links[self.register]:
            name = raw.get(name_key)
            if name is _INVALID or is_blank(name):
                continue
            phone = raw.get(phone_key) if phone_key else None
            found = _find_person(context[kind], name, None if phone is _INVALID else phone)
            if isinstance(found, str):
                raw[target] = found
                continue
            c = where.get(name_key)
            result.problems.append(CellProblem(f"{c.letter}{number}" if c else "",
                                               c.header if c else "", name_key,
                                               _link_message(kind, found, name)))
            raw[target] = _INVALID

    # ---- duplicates ----------------------------------------------------------------------

    def _flag_duplicates(self, rows: list[RowResult], provided: set[str]) -> None:
        spec = self.service.spec
        compared = [f.name for f in spec.fields if f.name in provided or
                    (f.kind.value == "ref" and f.name in ("fair_id", "volunteer_id",
                                                         "seeker_id", "employer_id"))]
        candidates = [r for r in rows if r.status == READY]
        existing = self._existing(candidates)
        seen_exact: dict[tuple, str] = {}
        seen_keys: dict[tuple, str] = {}
        for record in existing:
            seen_exact.setdefault(self._projection(record, compared), record["id"])
            for k in self._keys(record):
                seen_keys.setdefault(k, record["id"])
        existing_ids = {r["id"] for r in existing}
        for r in candidates:
            clean = r.clean or {}
            proj = self._projection(clean, compared)
            keys = self._keys(clean)
            if proj in seen_exact:
                other = seen_exact[proj]
                r.status, r.duplicate_of = DUPLICATE, other
                r.note = msg(CTX, QT_TRANSLATE_NOOP(
                    "Sheets", "Already in the register (an identical record); skipped.")) \
                    if other in existing_ids else msg(CTX, QT_TRANSLATE_NOOP(
                        "Sheets", "The same as {other} of this sheet; skipped."), other=other)
                continue
            hit = next((seen_keys[k] for k in keys if k in seen_keys), None)
            if hit is not None:
                how = self._why(keys, hit, seen_keys)
                r.status, r.duplicate_of = POSSIBLE, hit
                r.note = msg(CTX, QT_TRANSLATE_NOOP(
                    "Sheets", "Possibly a duplicate of an existing record ({how})."), how=how) \
                    if hit in existing_ids else msg(CTX, QT_TRANSLATE_NOOP(
                        "Sheets", "Possibly the same as {other} of this sheet ({how})."),
                        other=hit, how=how)
            label = f"row {r.row}"
            seen_exact.setdefault(proj, label)
            for k in keys:
                seen_keys.setdefault(k, label)

    def _why(self, keys, hit, seen_keys) -> str:
        k = next(k for k in keys if seen_keys.get(k) == hit)
        return {"id": "同一身份证号码", "np": "同一姓名和电话", "nd": "同一名称和日期",
                "n": "同一用人单位", "cc": "同一统一社会信用代码", "va": "同一志愿者、日期和服务内容",
                "se": "同一求职者和单位"}.get(k[0], "")

    def _existing(self, rows: list[RowResult]) -> list[dict]:
        """Live records that could duplicate these rows, as {field: value} like a clean row."""
        t = self.service.spec.table
        clean = [r.clean for r in rows if r.clean]
        if not clean:
            return []
        stmt = select(t).where(t.c.deleted_at.is_(None))
        if self.sheet.parent == "fair":
            stmt = stmt.where(t.c.fair_id == self.fair_id)
        names = sorted({c["name"] for c in clean if c.get("name")})
        ids = sorted({c["id_number"] for c in clean if c.get("id_number")})
        out: list[dict] = []
        with self.desk.db.engine.connect() as conn:
            if self.register == "service_records":
                vols = sorted({c["volunteer_id"] for c in clean})
                batches = [stmt.where(t.c.volunteer_id.in_(vols[i:i + 500]))
                           for i in range(0, len(vols), 500)]
            elif self.register in ("intentions", "employers"):
                batches = [stmt]
            else:
                batches = [stmt.where(t.c.name.in_(names[i:i + 500]))
                           for i in range(0, len(names), 500)]
                if "id_number" in t.c:
                    batches += [stmt.where(t.c.id_number.in_(ids[i:i + 500]),
                                           or_(t.c.name.is_(None), t.c.name.not_in(names)))
                                for i in range(0, len(ids), 500)]
            seen: set[str] = set()
            for batch in batches:
                for row in conn.execute(batch):
                    record = dict(row._mapping)
                    if record["id"] in seen:
                        continue
                    seen.add(record["id"])
                    if "phone_norm" in record:
                        record["phone"] = record["phone_norm"]
                    out.append(record)
        return out

    def _projection(self, record: Mapping[str, Any], names: list[str]) -> tuple:
        columns = self.service.spec.table.c
        out = []
        for name in names:
            value = record.get(name)
            if value is None or value == "":
                col = columns[name] if name in columns else None
                if col is not None and col.default is not None and col.default.is_scalar:
                    value = col.default.arg
                elif name.endswith("_fen"):
                    value = 0
                elif name == "poverty_relief":
                    value = False
                else:
                    value = None
            if isinstance(value, str):
                value = value.strip() or None
            if isinstance(value, dt.datetime):
                value = value.replace(microsecond=0)
            out.append(value)
        return tuple(out)

    def _keys(self, r: Mapping[str, Any]) -> list[tuple]:
        reg = self.register
        if reg == "fairs":
            return [("nd", _name_key(r.get("name")), r.get("held_on"))]
        if reg == "employers":
            keys = [("n", _name_key(r.get("name")))]
            if r.get("credit_code"):
                keys.append(("cc", r["credit_code"]))
            return keys
        if reg == "service_records":
            return [("va", r.get("volunteer_id"), r.get("served_on"),
                     _name_key(r.get("activity")))]
        if reg == "intentions":
            return [("se", r.get("seeker_id"), r.get("employer_id"))]
        extra: tuple = ()
        if reg == "visits":
            when = r.get("visited_at")
            extra = (when.date() if isinstance(when, dt.datetime) else when,)
        elif reg == "relief":
            when = r.get("visit_date")
            extra = (r.get("campaign"), when.year if isinstance(when, dt.date) else None)
        keys = []
        if r.get("id_number"):
            keys.append(("id", r["id_number"], *extra))
        if r.get("phone") and r.get("name"):
            keys.append(("np", _name_key(r["name"]), r["phone"], *extra))
        return keys

    # ---- writing -------------------------------------------------------------------------

    def commit(self, preview: ImportPreview, include_possible: bool | None = None,
               progress: Callable[[int, int], None] | None = None) -> ImportPreview:
        """Write the ready rows (and possible duplicates unless excluded) in one transaction:
        all of them or, on any error, none. Returns the preview, now also the report."""
        if preview.register != self.register:
            raise ValueError("preview of another register")
        if preview.missing:
            raise SheetError(missing_message(self.sheet, preview.missing))
        if include_possible is not None:
            preview.include_possible = include_possible
        rows = preview.to_import()
        service = self.service
        guard.require(self.desk, "import")
        guard.require(self.desk, "write")
        code = service._station_code()  # noqa: SLF001 - the same service, one transaction
        current: RowResult | None = None
        try:
            with self.desk.db.session() as s, s.begin():
                batch: list = []

                def flush() -> None:
                    s.flush()
                    for obj in batch:  # audit entries need the flushed rows
                        guard.created(service, s, obj)
                    batch.clear()

                for done, current in enumerate(rows):
                    obj = service.spec.model(id=new_id(), station_code=code)
                    service._apply(obj, current.raw, current.clean)  # noqa: SLF001
                    service._check_parent(s, current.clean)  # noqa: SLF001
                    s.add(obj)
                    batch.append(obj)
                    current.record_id = obj.id
                    if len(batch) >= 200:
                        flush()
                        if progress is not None:
                            progress(done + 1, len(rows))
                current = None
                flush()
                guard.record(self.desk, "import", service.spec.table.name,
                             {"file": preview.source, "register": self.register,
                              "records": len(rows)}, s=s)
        except ValidationFailed as exc:
            for r in rows:
                r.record_id = None
            where = f"{current.row}" if current is not None else "?"
            raise SheetError(NestedMessage(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "Nothing was imported: row {row}: {reason}"),
                {"row": where, "reason": exc.message})) from None
        except BaseException:
            for r in rows:
                r.record_id = None
            raise
        preview.imported = len(rows)
        preview.committed_at = dt.datetime.now().replace(microsecond=0)
        return preview


class _Invalid:
    """Marks a cell already reported as wrong (validation then skips it)."""

    def __repr__(self) -> str:
        return "<invalid>"


_INVALID = _Invalid()


def _find_person(people: list[dict], name: Any, phone: Any) -> str | int:
    """The id of the one person with this name (and phone), or how many matched (0, 2+)."""
    key = _name_key(name)
    same = [p for p in people if _name_key(p["name"]) == key]
    if phone and not is_blank(phone):
        digits = "".join(ch for ch in str(phone) if ch.isdigit() or ch == "*")
        if "*" in digits:  # a masked phone from an export: first three and last four digits
            head, tail = digits[:3], digits.rstrip("*")[-4:]
            narrowed = [p for p in same if p["phone_norm"] and
                        p["phone_norm"].replace("-", "").startswith(head) and
                        p["phone_norm"].replace("-", "").endswith(tail)]
        else:
            narrowed = [p for p in same if p["phone_norm"] and
                        p["phone_norm"].replace("-", "") == digits]
        if narrowed or len(same) != 1:
            same = narrowed
    if len(same) == 1:
        return same[0]["id"]
    return len(same)


def _link_message(kind: str, found: int, name: Any) -> Message:
    if kind == "volunteer":
        if found == 0:
            return msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "No volunteer named {name} (with this phone) on the roster: add the "
                "volunteer first."), name=name)
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Several volunteers are named {name}: give the volunteer's phone to tell "
            "them apart."), name=name)
    if kind == "seeker":
        if found == 0:
            return msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "No job seeker named {name} (with this phone) is registered at this "
                "fair."), name=name)
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Several job seekers at this fair are named {name}: give the seeker's "
            "phone."), name=name)
    if found == 0:
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "No employer named {name} takes part in this fair."), name=name)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Sheets", "Several employers at this fair are named {name}."), name=name)


def missing_message(sheet: L.SheetDef, missing: list[str]) -> Message:
    headers = "、".join(sheet.column(k).header for k in missing)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Sheets", "The sheet has no column for: {columns}. Choose the column for each in the "
        "mapping (or give one value for every row)."), columns=headers)


def _fill_merged(rows: list[tuple], merged) -> list[tuple]:
    """The rows with every merged range's value copied into all of its cells."""
    out = [list(r) for r in rows]
    for r1, c1, r2, c2 in merged:
        if r1 > len(out):
            continue
        top = out[r1 - 1][c1 - 1] if c1 - 1 < len(out[r1 - 1]) else None
        for r in range(r1, min(r2, len(out)) + 1):
            row = out[r - 1]
            if len(row) < c2:
                row.extend([None] * (c2 - len(row)))
            for c in range(c1, c2 + 1):
                if row[c - 1] is None or row[c - 1] == "":
                    row[c - 1] = top
    return [tuple(r) for r in out]


def _fill_down(rows: list[tuple], merged, data_start: int) -> list[tuple]:
    """Data rows with vertically merged cells (one campaign merged over many rows) filled down."""
    spans = [m for m in merged if m[0] >= data_start and m[2] > m[0]]
    if not spans:
        return rows
    out = list(rows)
    for r1, c1, r2, _c2 in spans:
        if r1 > len(out):
            continue
        top = out[r1 - 1][c1 - 1] if c1 - 1 < len(out[r1 - 1]) else None
        for r in range(r1 + 1, min(r2, len(out)) + 1):
            row = list(out[r - 1])
            if len(row) < c1:
                row.extend([None] * (c1 - len(row)))
            if is_blank(row[c1 - 1]):
                row[c1 - 1] = top
            out[r - 1] = tuple(row)
    return out


def _group_employers(rows: list[RowResult]) -> None:
    """Position lists give one row per position: rows of the same employer become one record
    with the positions added up and the job titles listed."""
    heads: dict[tuple, RowResult] = {}
    for r in rows:
        if r.status != READY or not r.clean:
            continue
        key = (_name_key(r.clean["name"]),)
        head = heads.get(key)
        if head is None:
            heads[key] = r
            continue
        h = head.clean
        h["positions"] = (h.get("positions") or 0) + (r.clean.get("positions") or 0)
        titles = [t for t in (h.get("job_titles") or "").split("、") if t]
        for t in re.split(r"[、,，;；]", r.clean.get("job_titles") or ""):
            if t.strip() and t.strip() not in titles:
                titles.append(t.strip())
        h["job_titles"] = "、".join(titles)[:500] or None
        h["pay_range"] = _merge_pay(h.get("pay_range"), r.clean.get("pay_range"))
        for name in ("contact", "phone", "credit_code"):
            if not h.get(name) and r.clean.get(name):
                h[name] = r.clean[name]
                head.raw[name] = r.raw.get(name)
        head.raw.update({k: h[k] for k in ("positions", "job_titles", "pay_range")})
        r.status, r.merged_into = MERGED, head.row
        r.note = msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Another position of the employer in row {row}: added to that row."),
            row=head.row)
        head.note = msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "One employer over several rows: {n} positions in all."), n=h["positions"])


def _merge_pay(a: str | None, b: str | None) -> str | None:
    if not a or not b or a == b:
        return a or b
    numbers = [int(n) for n in re.findall(r"\d{3,6}", f"{a} {b}")]
    if numbers:
        return f"{min(numbers)}-{max(numbers)}"
    return a


def resolve_fair(desk, fair_id: str) -> str:
    """The id of a live job fair from its id or the first characters of it."""
    from ...storage import models as M

    t = M.JobFair.__table__
    with desk.db.engine.connect() as conn:
        found = [r[0] for r in conn.execute(
            select(t.c.id).where(t.c.deleted_at.is_(None), t.c.id.like(f"{fair_id}%")).limit(2))]
    if len(found) != 1:
        raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "No job fair with the id {fair} (or it is not unique)."), fair=fair_id))
    return found[0]


# ---- the report ------------------------------------------------------------------------

STATUS_TEXT = {
    READY: QT_TRANSLATE_NOOP("Sheets", "ready"),
    POSSIBLE: QT_TRANSLATE_NOOP("Sheets", "possible duplicate"),
    DUPLICATE: QT_TRANSLATE_NOOP("Sheets", "duplicate, skipped"),
    REFUSED: QT_TRANSLATE_NOOP("Sheets", "refused"),
    MERGED: QT_TRANSLATE_NOOP("Sheets", "merged into an earlier row"),
}


def status_text(status: str, translate=None) -> str:
    text = STATUS_TEXT[status]
    return translate(CTX, text) if translate else text


def report_dict(preview: ImportPreview, translate=None) -> dict[str, Any]:
    """The preview or import report as plain data (for JSON)."""
    imported = preview.imported is not None
    wanted = {id(r) for r in preview.to_import()} if imported else set()
    return {
        "register": preview.register,
        "file": preview.source,
        "format": preview.fmt,
        "sheet": preview.sheet,
        "encoding": preview.encoding,
        "header_row": preview.header_row,
        "fair_id": preview.fair_id,
        "dry_run": not imported,
        "imported": preview.imported or 0,
        "committed_at": preview.committed_at.isoformat() if preview.committed_at else None,
        "counts": preview.counts(),
        "empty_rows": preview.empty_rows,
        "missing_columns": preview.missing,
        "notes": [n.render(translate) for n in preview.notes],
        "columns": [{"column": c.letter, "header": c.header, "field": c.field, "how": c.how}
                    for c in preview.columns],
        "rows": [{"row": r.row, "status": r.status,
                  "status_text": status_text(r.status, translate),
                  "imported": id(r) in wanted,
                  "record_id": r.record_id,
                  "duplicate_of": r.duplicate_of,
                  "problems": [{"cell": p.cell, "column": p.header, "field": p.field,
                                "message": p.message.render(translate)} for p in r.problems],
                  "note": r.note.render(translate) if r.note else None}
                 for r in preview.rows],
    }


def save_report(preview: ImportPreview, path: Path | str, translate=None) -> Path:
    """Save the report as JSON (.json) or as CSV (anything else; UTF-8 with BOM so Excel and
    WPS open it with the Chinese intact)."""
    path = Path(path)
    data = report_dict(preview, translate)
    if path.suffix.lower() == ".json":
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        return path
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["行号", "状态", "已导入", "原因", "重复于", "记录编号"])
    for r in data["rows"]:
        reasons = [f"{p['cell']} {p['column']}: {p['message']}".strip() for p in r["problems"]]
        if r["note"]:
            reasons.append(r["note"])
        w.writerow([r["row"], r["status_text"], "是" if r["imported"] else "否",
                    "；".join(reasons), r["duplicate_of"] or "", r["record_id"] or ""])
    write_atomic(path, buf.getvalue().encode("utf-8-sig"))
    return path


def import_error(exc: Exception) -> Message:
    """A message for any error while importing (a DomainError's own, else a generic one)."""
    if isinstance(exc, DomainError):
        return exc.message
    return msg(CTX, QT_TRANSLATE_NOOP("Sheets", "The import failed: {reason}"),
               reason=f"{type(exc).__name__}: {exc}"[:200])
