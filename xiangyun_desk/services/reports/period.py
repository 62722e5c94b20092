"""Report periods: a month ("2026-10"), a quarter ("2026-Q4"), a year ("2026") or a date range
("2026-10-01..2026-11-15"), with the Chinese label printed on the report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ..stats import Period

CTX = "Reports"
QUARTER_NAMES = ("一", "二", "三", "四")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|～|至)\s*(\d{4}-\d{2}-\d{2})$")


class PeriodInvalid(DomainError):
    """The period text cannot be understood."""


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@dataclass(frozen=True)
class ReportPeriod:
    """An inclusive date range with its kind (month, quarter, year or range)."""

    kind: str
    start: dt.date
    end: dt.date

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        return cls("month", dt.date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportPeriod:
        first = 3 * (quarter - 1) + 1
        return cls("quarter", dt.date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        return cls("year", dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> ReportPeriod:
        if end < start:
            raise PeriodInvalid(msg(CTX, QT_TRANSLATE_NOOP(
                "Reports", "The period ends before it starts: {text}"),
                text=f"{start.isoformat()}..{end.isoformat()}"))
        return cls("range", start, end)

    @classmethod
    def parse(cls, text: str) -> ReportPeriod:
        """Parse "2026-10", "2026-Q4", "2026" or "2026-10-01..2026-11-15"; raise PeriodInvalid."""
        value = (text or "").strip()
        try:
            if m := _MONTH.match(value):
                year, month = int(m.group(1)), int(m.group(2))
                if 1 <= month <= 12 and year >= 1900:
                    return cls.month(year, month)
            elif m := _QUARTER.match(value):
                if int(m.group(1)) >= 1900:
                    return cls.quarter(int(m.group(1)), int(m.group(2)))
            elif m := _YEAR.match(value):
                if int(m.group(1)) >= 1900:
                    return cls.year(int(m.group(1)))
            elif m := _RANGE.match(value):
                return cls.between(dt.date.fromisoformat(m.group(1)),
                                   dt.date.fromisoformat(m.group(2)))
        except ValueError:
            pass
        raise PeriodInvalid(msg(CTX, QT_TRANSLATE_NOOP(
            "Reports", "Not a period: {text} (use 2026-10 for a month, 2026-Q4 for a "
                       "quarter, 2026 for a year, or 2026-10-01..2026-11-15)."), text=value[:40]))

    @property
    def code(self) -> str:
        """The period as typed on the command line (and used in file names)."""
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The Chinese label printed on reports: 2026年10月, 2026年第四季度, 2026年度..."""
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        if self.kind == "quarter":
            return f"{self.start.year}年第{QUARTER_NAMES[(self.start.month - 1) // 3]}季度"
        if self.kind == "year":
            return f"{self.start.year}年度"
        return f"{_cn_date(self.start)}至{_cn_date(self.end)}"

    @property
    def range_label(self) -> str:
        """The exact dates: 2026年10月1日至2026年12月31日."""
        return f"{_cn_date(self.start)}至{_cn_date(self.end)}"

    def months(self) -> list[ReportPeriod]:
        """The calendar months the period touches, each clipped to the period."""
        out = []
        year, month = self.start.year, self.start.month
        while dt.date(year, month, 1) <= self.end:
            m = ReportPeriod.month(year, month)
            out.append(ReportPeriod(m.kind, max(m.start, self.start), min(m.end, self.end)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def stats_period(self) -> Period:
        """The same range for :class:`~xiangyun_desk.services.stats.StatsService`."""
        return Period(self.start, self.end)


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
