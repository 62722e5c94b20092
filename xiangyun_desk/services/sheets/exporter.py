"""Export the current view of a register (its search, filters and sort) to .xlsx, and blank
import templates with drop-down lists.

The sheet is a Chinese work document: Chinese headings, dates as real dates, money as exact
numbers with two decimals (from integer fen through Decimal, never a float), hours with one
decimal, a frozen and filtered heading row, widths that fit. ID numbers and phones are masked
unless ``full=True`` is asked for explicitly. (There are no user accounts yet, so that choice
cannot be audited per person; once accounts exist, a full export should be logged.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import literal_column, select

from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...domain.idnumber import mask_id_number
from ...storage import models as M
from ...storage.files import AtomicFile, named_scratch
from ..registers import RegisterQuery
from . import guard
from . import layout as L
from .importer import SheetCancelled
from .reader import SheetError

CTX = "Sheets"
CHUNK = 500
INFO_SHEET = "说明"
CODES_SHEET = "代码表"
TEMPLATE_ROWS = 2000  # rows of a template that carry drop-downs and text formats
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# What XML 1.0 (and so every .xlsx reader, openpyxl included) refuses: control characters,
# lone surrogates, U+FFFE and U+FFFF. Text stored before entry refused them is cleaned here.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HEADER_FILL = "DDEBF7"
REQUIRED_FONT = "C00000"


@dataclass
class ExportResult:
    path: Path
    rows: int
    full: bool


def mask_phone_text(phone: str) -> str:
    """Mask the middle digits of a phone as typed (138****5678, 0872-***4567)."""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) < 7:
        return "*" * len(phone)
    hide = set(digits[3:-4])
    return "".join("*" if i in hide else ch for i, ch in enumerate(phone))


def _fair_name(t):
    f = M.JobFair.__table__
    return select(f.c.name).where(f.c.id == t.c.fair_id).correlate(t).scalar_subquery()


def _volunteer(col):
    def expr(t):
        v = M.Volunteer.__table__
        return select(v.c[col]).where(v.c.id == t.c.volunteer_id).correlate(t).scalar_subquery()
    return expr


def _seeker_phone(t):
    s = M.JobSeeker.__table__
    return select(s.c.phone).where(s.c.id == t.c.seeker_id).correlate(t).scalar_subquery()


# Columns a sheet shows that the register's table does not have: name -> SQL expression.
EXTRA = {
    "fair_name": _fair_name,
    "volunteer_name": _volunteer("name"),
    "volunteer_phone": _volunteer("phone"),
    "seeker_phone": _seeker_phone,
}


def fetch_view(service, query: RegisterQuery, progress=None, cancelled=None) -> list[dict]:
    """Every column of the records in the view, in the view's order."""
    spec = service.spec
    t = spec.table
    ids = service.query_ids(query)
    rowid = literal_column(f"{t.name}.rowid")
    sheet = L.SHEETS[spec.key]
    cols = [rowid.label("_rowid"), *t.c]
    for c in sheet.columns:
        if c.key in t.c:
            continue
        if c.key in spec.computed:
            cols.append(spec.computed[c.key](t).label(c.key))
        elif c.key in EXTRA:
            cols.append(EXTRA[c.key](t).label(c.key))
    rows: dict[int, dict] = {}
    with service.db.engine.connect() as conn:
        for start in range(0, len(ids), CHUNK):
            if cancelled is not None and cancelled():
                raise SheetCancelled()
            chunk = ids[start:start + CHUNK]
            for row in conn.execute(select(*cols).where(rowid.in_(chunk))):
                mapping = dict(row._mapping)
                rows[mapping.pop("_rowid")] = mapping
            if progress is not None:
                progress(min(start + CHUNK, len(ids)), max(len(ids), 1) * 2)
    return [rows[i] for i in ids if i in rows]


def _clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def cell_value(column: L.SheetColumn, value: Any, labels: dict[str, dict[str, str]],
               full: bool) -> Any:
    """The value written to a cell (typed: date, Decimal, int, text)."""
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == L.DATE:
        return value if isinstance(value, dt.date) else None
    if kind == L.DATETIME:
        return value.replace(microsecond=0) if isinstance(value, dt.datetime) else value
    if kind == L.UTC:
        return value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None, microsecond=0)
    if kind == L.MONEY:
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))
    if kind == L.HOURS:
        return (Decimal(int(value)) / 2).quantize(Decimal("0.1"))
    if kind in (L.INT, L.YEAR):
        return int(value)
    if kind == L.BOOL:
        return "是" if value else "否"
    if kind == L.CODE:
        return labels.get(column.code_list or "", {}).get(value, value)
    if kind == L.CODES:
        names = labels.get(column.code_list or "", {})
        return "、".join(names.get(c, c) for c in str(value).split(",") if c) or None
    if kind == L.IDNO:
        return str(value) if full else mask_id_number(str(value))
    if kind == L.PHONE:
        return str(value) if full else mask_phone_text(str(value))
    return _clean_text(str(value))


FORMATS = {L.DATE: DATE_FORMAT, L.DATETIME: DATETIME_FORMAT, L.UTC: DATETIME_FORMAT,
           L.MONEY: "0.00", L.HOURS: "0.0", L.INT: "0", L.YEAR: "0", L.IDNO: "@", L.PHONE: "@",
           L.CREDIT: "@"}


def text_width(value: Any) -> int:
    """Display width in Excel's character units (a Chinese character counts two)."""
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _widths(columns, rows: list[list[Any]]) -> list[float]:
    out = []
    for i, c in enumerate(columns):
        widest = max([text_width(c.header) + 2] +
                     [text_width(r[i]) + 1 for r in rows[:2000]])
        floor = 6 if c.width is None else min(c.width, 12)
        out.append(float(min(max(widest, floor), 50)))
    return out


def _describe(desk, register: str, query: RegisterQuery, labels) -> list[tuple[str, str]]:
    spec = desk.registers[register].spec
    parts = []
    if query.text:
        parts.append(f"搜索“{query.text}”")
    if query.date_from or query.date_to:
        parts.append(f"日期 {query.date_from or '…'} 至 {query.date_to or '…'}")
    if query.category and spec.category_column:
        field = next((f for f in spec.fields if f.name == spec.category_column), None)
        label = labels.get(field.code_list, {}).get(query.category, query.category) \
            if field and field.code_list else query.category
        parts.append(label)
    if query.deleted:
        parts.append("已删除的记录")
    return parts


_SHEET_PARTS_LOCK = threading.Lock()


@contextlib.contextmanager
def _sheet_parts_in(data_dir: Path):
    """openpyxl's write-only sheets keep their rows (names, ID numbers, phones) in temporary
    files of the system's temporary folder until the workbook is saved, and a killed process
    leaves them there. Here they go to named scratch files inside the 0700 data directory
    instead (removed at the end, or at the next start). One export at a time per process."""
    from openpyxl.worksheet import _writer

    with _SHEET_PARTS_LOCK, named_scratch(data_dir) as make:
        def create_temporary_file(suffix=""):
            name = make(suffix)
            _writer.ALL_TEMP_FILES.append(name)
            return name

        original = _writer.create_temporary_file
        _writer.create_temporary_file = create_temporary_file
        try:
            yield
        finally:
            _writer.create_temporary_file = original


def _write_workbook(wb, path: Path) -> None:
    """Save the workbook to ``path`` whole or not at all; a folder that cannot take it (a full,
    write-protected or pulled-out USB stick) is a SheetError saying what to do."""
    saver = AtomicFile(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with saver as tmp:
            _save_workbook(wb, tmp)
    except Exception as exc:
        _discard_workbook(wb)
        fault = saver.fault(exc)
        if fault is None:
            raise
        raise SheetError(fault.message) from exc


def _discard_workbook(wb) -> None:
    """Finish the row streams of a workbook that will not be saved, now and quietly (left to
    the garbage collector they would write into closed files and print tracebacks)."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        for stream in (rows, getattr(writer, "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()


def _save_workbook(wb, target: Path) -> None:
    """openpyxl's ``save_workbook``, except that a failed write closes the zip file at once and
    quietly: left to the garbage collector, its close would write into the failed file again
    and print a traceback on the terminal ("Exception ignored in ZipFile.__del__")."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()
    except BaseException:
        fp, archive.fp = archive.fp, None  # ZipFile.close() (and __del__) now do nothing
        if fp is not None:
            with contextlib.suppress(Exception):
                fp.close()
        raise


def export_view(desk, register: str, query: RegisterQuery | None, path: Path | str, *,
                full: bool = False, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the records of ``register`` matching ``query`` (in its order) to an .xlsx file."""
    with _sheet_parts_in(desk.data_dir):
        return _export_view(desk, register, query, path, full=full, progress=progress,
                            cancelled=cancelled)


def _export_view(desk, register: str, query: RegisterQuery | None, path: Path | str, *,
                 full: bool, progress, cancelled) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    if register not in L.SHEETS:
        raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Unknown register {register}; choose one of: {registers}."),
            register=register, registers=", ".join(L.REGISTERS)))
    guard.require(desk, "export")
    if full:
        guard.require(desk, "print_full")
    query = query or RegisterQuery()
    path = Path(path)
    sheet = L.SHEETS[register]
    service = desk.registers[register]
    labels = desk.code_labels("zh")
    records = fetch_view(service, query, progress, cancelled)
    columns = list(sheet.columns)
    values = [[cell_value(c, r.get(c.key), labels, full) for c in columns] for r in records]
    widths = _widths(columns, values)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet.title)
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.freeze_panes = "A2"
    # Printing ("the table" for the station head): A4 landscape, all columns on the page width,
    # the heading row on every page. A write-only sheet writes its properties with the first
    # row, so all of this comes before it.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    thin = Side(style="thin", color="A0A0A0")
    head_style = dict(font=Font(bold=True), fill=PatternFill("solid", fgColor=HEADER_FILL),
                      alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                      border=Border(top=thin, bottom=thin, left=thin, right=thin))
    header = []
    for c in columns:
        cell = WriteOnlyCell(ws, value=c.header)
        for k, v in head_style.items():
            setattr(cell, k, v)
        header.append(cell)
    ws.append(header)
    formats = [FORMATS.get(c.kind) for c in columns]
    for n, row in enumerate(values):
        if cancelled is not None and n % 1000 == 0 and cancelled():
            raise SheetCancelled()
        out = []
        for value, fmt in zip(row, formats, strict=True):
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(value, Decimal):
                # openpyxl writes numbers with "%.16g" through a float, so 99999999.99 would
                # land in the file as 99999999.98999999: write the exact decimal text instead.
                cell._value = format(value, "f")  # noqa: SLF001
                cell.data_type = "n"
            if fmt and value is not None:
                cell.number_format = fmt
            out.append(cell)
        ws.append(out)
        if progress is not None and n % 1000 == 0:
            progress(len(values) + n, len(values) * 2)
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{len(values) + 1}"

    info = wb.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 70
    identity = desk.identity
    lines = [("登记簿", sheet.title),
             ("填报单位", f"{identity.name}（{identity.code}）" if identity else ""),
             ("导出时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
             ("筛选条件", "；".join(_describe(desk, register, query, labels)) or "全部记录"),
             ("记录数", len(values)),
             ("个人信息", "本表含完整身份证号码和电话号码，请妥善保管，用后按规定销毁。" if full
              else "为保护个人信息，身份证号码和电话号码已部分隐去。")]
    for k, v in lines:
        info.append([WriteOnlyCell(info, value=k), WriteOnlyCell(info, value=v)])
    _write_workbook(wb, path)
    guard.record(desk, "export", service.spec.table.name,
                 {"file": path.name, "register": register, "records": len(values),
                  "full_ids": full})
    if progress is not None:
        progress(1, 1)
    return ExportResult(path, len(values), full)


HINTS = {
    L.DATE: "日期，如 2026-01-20",
    L.DATETIME: "日期时间，如 2026-01-20 09:30",
    L.MONEY: "金额（元），最多两位小数",
    L.HOURS: "小时，按 0.5 小时计",
    L.INT: "整数",
    L.YEAR: "四位年份，如 1985",
    L.BOOL: "是 / 否",
    L.IDNO: "18 位居民身份证号码（本列已设为文本格式）",
    L.PHONE: "手机 11 位，或固定电话带区号，如 0872-1234567",
    L.CREDIT: "18 位统一社会信用代码（可不填）",
    L.CODES: "可多选，用“、”分隔",
}


def write_template(desk, register: str, path: Path | str) -> Path:
    """A blank import sheet for ``register``: the headings (required ones in red), a note on each,
    drop-down lists for code-list columns, ID and phone columns formatted as text."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if register not in L.SHEETS:
        raise SheetError(msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Unknown register {register}; choose one of: {registers}."),
            register=register, registers=", ".join(L.REGISTERS)))
    path = Path(path)
    sheet = L.SHEETS[register]
    columns = list(sheet.importable)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.title
    lists = wb.create_sheet(CODES_SHEET)
    lists.sheet_state = "hidden"
    code_lists: dict[str, str] = {}
    for c in columns:
        if c.kind in (L.CODE, L.CODES) and c.code_list and c.code_list not in code_lists:
            col = len(code_lists) + 1
            letter = get_column_letter(col)
            items = [i.label_zh for i in desk.code_list(c.code_list)]
            lists.cell(row=1, column=col, value=c.code_list)
            for r, label in enumerate(items, start=2):
                lists.cell(row=r, column=col, value=label)
            code_lists[c.code_list] = f"'{CODES_SHEET}'!${letter}$2:${letter}${len(items) + 1}"
    bool_ref = None
    if any(c.kind == L.BOOL for c in columns):
        col = len(code_lists) + 1
        letter = get_column_letter(col)
        lists.cell(row=1, column=col, value="yes_no")
        lists.cell(row=2, column=col, value="是")
        lists.cell(row=3, column=col, value="否")
        bool_ref = f"'{CODES_SHEET}'!${letter}$2:${letter}$3"

    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    last_row = TEMPLATE_ROWS + 1
    for i, c in enumerate(columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i, value=c.header)
        cell.font = Font(bold=True, color=REQUIRED_FONT if c.required else None)
        cell.fill = head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        hint = HINTS.get(c.kind, "")
        if c.kind == L.CODE and c.code_list:
            hint = "从下拉列表选择：" + "、".join(i.label_zh for i in desk.code_list(c.code_list))
        note = "必填。" + hint if c.required else hint
        if note:
            cell.comment = Comment(note, "祥云职工之家工作台", width=260, height=90)
        ws.column_dimensions[letter].width = max(c.width or 10, text_width(c.header) + 3)
        fmt = FORMATS.get(c.kind)
        if fmt in ("@", DATE_FORMAT, DATETIME_FORMAT):
            # Text format for IDs and phones keeps Excel from turning them into 5.32923E+17.
            ws.column_dimensions[letter].number_format = fmt
            for r in range(2, last_row + 1):
                ws.cell(row=r, column=i).number_format = fmt
        ref = code_lists.get(c.code_list or "") if c.kind in (L.CODE, L.CODES) else \
            bool_ref if c.kind == L.BOOL else None
        if ref:
            dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True)
            if c.kind == L.CODES:  # several values allowed: the list is a suggestion only
                dv.showErrorMessage = False
            else:
                dv.showErrorMessage = True
                dv.errorTitle = "请从列表中选择"
                dv.error = "请从下拉列表中选择一项。"
            dv.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 22
    _write_workbook(wb, path)
    return path


def default_filename(desk, register: str, template: bool = False) -> str:
    """A descriptive file name: 云南驿镇职工之家_来访登记_20260120.xlsx."""
    sheet = L.SHEETS[register]
    identity = desk.identity
    station = identity.name if identity else ""
    if template:
        return f"{sheet.title}_导入模板.xlsx"
    stamp = dt.date.today().strftime("%Y%m%d")
    name = f"{station}_{sheet.title}_{stamp}.xlsx" if station else f"{sheet.title}_{stamp}.xlsx"
    return re.sub(r'[\\/:*?"<>|]', "_", name)
