"""Exact sums of integer columns that never overflow, on SQLite and PostgreSQL.

SQLite's ``sum()`` of integers raises "integer overflow" past 2**63 (three relief visits of
4×10**18 fen are enough), and ``total()`` gives a float that rounds. :func:`exact_sum` adds the
high and the low 32 bits of every value separately — each partial sum stays far below 2**63
for any realistic number of rows (more than two thousand million) — and the result processor
puts them together into a Python int, which has no limit. Truncating division and remainder
are used on both sides, so negative values add up exactly too.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String, cast, func, literal, type_coerce
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

SPLIT = 2**32


class _ExactSum(TypeDecorator):
    """``"<sum of high parts>:<sum of low parts>"`` from SQL, a Python int in the result."""

    impl = String
    cache_ok = True

    def process_result_value(self, value, dialect):
        if value is None:
            return 0
        high, _sep, low = str(value).partition(":")
        return int(high or 0) * SPLIT + int(low or 0)


def exact_sum(column) -> ColumnElement:
    """The sum of an integer column as an exact Python int (0 for no rows); an aggregate like
    ``func.sum`` (usable with ``group_by``), a drop-in for ``func.coalesce(func.sum(c), 0)``."""
    split = literal(SPLIT, BigInteger)
    high = func.coalesce(func.sum(column.op("/")(split)), 0)
    low = func.coalesce(func.sum(column.op("%")(split)), 0)
    text = cast(high, String).concat(":").concat(cast(low, String))
    return type_coerce(text, _ExactSum())
