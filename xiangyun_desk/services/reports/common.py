"""What every report builder gets: the desk, fonts, styles, labels, masking, progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from ...domain.idnumber import mask_id_number
from ...domain.money import format_hours, format_yuan
from ...domain.phone import mask_phone
from .fonts import ReportFonts
from .layout import CellMaker, Job, ReportMeta, Styles
from .period import ReportPeriod

FETCH_CHUNK = 1000


@dataclass
class Ctx:
    """One report being made."""

    desk: Any
    fonts: ReportFonts
    styles: Styles
    cells: CellMaker
    job: Job
    meta: ReportMeta
    period: ReportPeriod | None
    full: bool
    labels: dict[str, dict[str, str]]

    @property
    def width(self) -> float:
        return self.meta.frame_width()

    def label(self, code_list: str, code: str | None) -> str:
        if code is None or code == "":
            return ""
        return self.labels.get(code_list, {}).get(code, code)

    def labels_of(self, code_list: str, codes: str | None) -> str:
        """Labels of a comma-separated multi-choice value."""
        return "、".join(self.label(code_list, c) for c in (codes or "").split(",") if c)

    def id_number(self, value: str | None) -> str:
        if not value:
            return ""
        return value if self.full else mask_id_number(value)

    def phone(self, value: str | None) -> str:
        if not value:
            return ""
        return value if self.full else mask_phone(value)

    def fetch(self, stmt: Select, start: float, end: float) -> Iterator[dict[str, Any]]:
        """Rows of ``stmt`` in chunks, advancing progress over [start, end) and checking cancel."""
        with self.desk.db.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(
                stmt.order_by(None).subquery())).scalar_one()
            self.job.phase(start, end, total)
            result = conn.execution_options(stream_results=True).execute(stmt)
            while True:
                chunk = result.fetchmany(FETCH_CHUNK)
                if not chunk:
                    break
                for row in chunk:
                    yield dict(row._mapping)
                self.job.advance(len(chunk))


def yuan(fen: int | None) -> str:
    return format_yuan(int(fen or 0))


def hours(half_hours: int | None) -> str:
    return format_hours(int(half_hours or 0))


def date_text(value: dt.date | dt.datetime | None, with_time: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
    return value.isoformat()


def share(part: int, whole: int) -> str:
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}%"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def rmb_upper(fen: int) -> str:
    """An amount in fen written in capital Chinese numerals, as on receipts: 壹万贰仟叁佰元整."""
    fen = int(fen)
    if fen < 0:
        return "负" + rmb_upper(-fen)
    yuan_part, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan_part == 0 and cents == 0:
        return "零元整"
    out = ""
    if yuan_part:
        groups = []
        n = yuan_part
        while n:
            n, g = divmod(n, 10000)
            groups.append(g)
        pieces = []
        zero_pending = False
        for gi in range(len(groups) - 1, -1, -1):
            g = groups[gi]
            if g == 0:
                zero_pending = bool(pieces)
                continue
            text = ""
            digits = [(g // 10 ** i) % 10 for i in range(3, -1, -1)]
            started = False
            for pos, d in enumerate(digits):
                unit = _SMALL_UNITS[3 - pos]
                if d == 0:
                    if started or pieces:
                        zero_pending = True
                    continue
                if zero_pending and (started or pieces):
                    text += "零"
                zero_pending = False
                text += _DIGITS[d] + unit
                started = True
            pieces.append(text + _BIG_UNITS[gi])
            zero_pending = digits[-1] == 0
        out = "".join(pieces) + "元"
    if cents == 0:
        return out + "整"
    if jiao:
        if yuan_part and (yuan_part % 10 == 0):
            out += "零"
        out += _DIGITS[jiao] + "角"
    elif yuan_part:
        out += "零"
    if fen_digit:
        out += _DIGITS[fen_digit] + "分"
    else:
        out += "整"
    return out
