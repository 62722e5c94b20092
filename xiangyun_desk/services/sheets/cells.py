"""Turning one cell as Excel, WPS or a CSV file gives it into the raw value a register's
validation expects (text, a date, a code), or a clear reason why not.

What this module understands: numbers stored as text and text stored as numbers, dates as real
dates, as text (2026/1/20, 2026年1月20日, 20260120) or as Excel serial numbers, code-list cells
given as the Chinese label, the English label or the code, 是/否 and ✓ for yes/no. What it refuses
with its own message: ID numbers that Excel turned into a floating number (5.32923E+17 — the last
digits are gone for good) and values masked by an export (5329**********1234, 138****5678).
Everything else is left to :func:`xiangyun_desk.domain.fields.validate`, the single source of
validation and its messages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from ...domain.errors import FieldInvalid
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from . import layout as L

CTX = "Sheets"
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_SCI = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SPLIT_CODES = re.compile(r"[、,，;；/|\s]+")
YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "有", "t"}
NO = {"否", "n", "no", "false", "0", "×", "✗", "无", "f", "不是"}
# Labels people write that are not the code list's own label.
ALIASES = {"gender": {"男性": "M", "女性": "F", "未知": "U", "不详": "U"},
           "union_member": {"会员": "yes", "非会员": "no", "未知": "unknown"},
           "household": {"农业": "rural", "非农业": "urban", "农业户口": "rural",
                         "非农业户口": "urban", "城市": "urban"}}


def lost_digits() -> FieldInvalid:
    return FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP(
        "Sheets", "Excel turned this number into a rounded number (like 5.32923E+17) and the "
        "last digits are lost. Format the column as text and type the numbers again.")))


def masked() -> FieldInvalid:
    return FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP(
        "Sheets", "This value is masked (digits replaced by *). Use a sheet exported with full "
        "ID numbers and phones, or type the full value.")))


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number_text(value: Any) -> str:
    """A number cell as the text a person would type (13812345678, not 13812345678.0)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != dt.time() \
            else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return number_text(value) if isinstance(value, int | float | Decimal) else str(value)


def from_serial(value: float) -> dt.datetime | None:
    """An Excel date serial (days since 1899-12-30, 1900 date system) as a datetime."""
    if not 1 <= value <= 2958465:  # 1900-01-01 .. 9999-12-31
        return None
    return (EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)


def parse_date_cell(value: Any, with_time: bool) -> Any:
    """A date (or datetime) from a date cell, an Excel serial, or text; else the text unchanged
    (validation then says what a date looks like)."""
    if isinstance(value, dt.datetime):
        return value if with_time else value.date()
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time()) if with_time else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        when = from_serial(float(value))
        if when is not None and 1950 <= when.year <= 2100:
            if with_time:
                # A serial's fraction is the time of day; round to the minute.
                return (when + dt.timedelta(seconds=30)).replace(second=0)
            return when.date()
        return number_text(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):  # a serial that went through CSV as text
        return parse_date_cell(float(text), with_time)
    m = _COMPACT_DATE.match(text)
    if m:
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _DATE_TEXT.match(text)
    if not m:
        return text
    y, mo, d, h, mi, s = m.groups()
    try:
        when = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return text
    return when if with_time else when.date()


def _decimal_text(value: Any, suffixes: tuple[str, ...] = ()) -> str:
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return number_text(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for suffix in suffixes:
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)].strip()
            break
    return text


def _whole(value: Any, suffixes: tuple[str, ...]) -> str:
    text = _decimal_text(value, suffixes)
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return text
    if number.is_finite() and number == number.to_integral_value():
        return str(int(number))
    return text


def _phone(value: Any) -> str:
    if isinstance(value, float) and not value.is_integer():
        raise lost_digits()
    text = number_text(value) if isinstance(value, int | float) else \
        unicodedata.normalize("NFKC", str(value)).strip()
    if "*" in text:
        raise masked()
    if _SCI.match(text):
        raise lost_digits()
    if text.endswith(".0") and text[:-2].isdigit():  # a number written out by some tool
        text = text[:-2]
    return text


def _id_number(value: Any) -> str:
    if isinstance(value, float):
        raise lost_digits()  # 18 digits never survive a float (Excel keeps 15)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a tool that wrote the exact integer; validation checks it
    text = unicodedata.normalize("NFKC", str(value)).strip().lstrip("'")
    if "*" in text:
        raise masked()
    if _SCI.match(text.replace(" ", "")):
        raise lost_digits()
    return text


class CodeMatcher:
    """Finds the code of a code-list cell from its code, Chinese label or English label."""

    def __init__(self, labels_zh: dict[str, dict[str, str]],
                 labels_en: dict[str, dict[str, str]] | None = None):
        self.lookup: dict[str, dict[str, str]] = {}
        self.labels = labels_zh
        for source in (labels_en or {}, labels_zh):
            for list_name, codes in source.items():
                table = self.lookup.setdefault(list_name, {})
                for code, label in codes.items():
                    table[_key(label)] = code
        for list_name, codes in labels_zh.items():
            table = self.lookup.setdefault(list_name, {})
            for code in codes:
                table[_key(code)] = code
            for alias, code in ALIASES.get(list_name, {}).items():
                table.setdefault(_key(alias), code)

    def code(self, list_name: str, value: Any) -> str:
        text = _text(value)
        found = self.lookup.get(list_name, {}).get(_key(text))
        if found is None:
            raise self.not_listed(list_name)
        return found

    def not_listed(self, list_name: str) -> FieldInvalid:
        choices = "、".join(self.labels.get(list_name, {}).values())
        return FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP(
            "Sheets", "Not one of the listed values: {choices}."), choices=choices))


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def to_raw(column: L.SheetColumn, value: Any, codes: CodeMatcher) -> Any:
    """The raw value for validation from one cell, or raise FieldInvalid (sheet-specific
    problems only; the domain's validation judges the rest)."""
    if is_blank(value):
        return None
    kind = column.kind
    if kind == L.TEXT:
        return _text(value).strip()
    if kind == L.PHONE:
        return _phone(value)
    if kind == L.IDNO:
        return _id_number(value)
    if kind == L.CREDIT:
        return unicodedata.normalize("NFKC", _text(value)).strip().upper()
    if kind == L.DATE:
        return parse_date_cell(value, with_time=False)
    if kind == L.DATETIME:
        return parse_date_cell(value, with_time=True)
    if kind == L.MONEY:
        return _decimal_text(value, ("元",))
    if kind == L.HOURS:
        return _decimal_text(value, ("小时", "h", "hours", "时"))
    if kind == L.INT:
        return _whole(value, ("人", "个", "名", "位"))
    if kind == L.YEAR:
        if isinstance(value, dt.date):
            return str(value.year)
        text = _whole(value, ("年",))
        m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*\d{1,2}\s*月?(?:\s*[-/.]\s*\d{1,2}\s*日?)?", text)
        return m.group(1) if m else text  # 出生年月 1985.06 / 1985年6月
    if kind == L.CODE:
        return codes.code(column.code_list or "", value)
    if kind == L.CODES:
        parts = [p for p in _SPLIT_CODES.split(_text(value)) if p]
        return ",".join(codes.code(column.code_list or "", p) for p in parts)
    if kind == L.BOOL:
        if isinstance(value, bool):
            return value
        key = _key(_text(value))
        if key in YES:
            return True
        if key in NO:
            return False
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Sheets", "Enter 是 or 否.")))
    return _text(value)
