"""Money in yuan: parsed to Decimal, stored as integer fen, never a float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .errors import FieldInvalid
from .i18n import QT_TRANSLATE_NOOP, msg

CTX = "Validation"
MAX_FEN = 100_000_000_00  # 100 million yuan: anything larger is a typing mistake


def parse_yuan(raw: str | int | Decimal) -> int:
    """Parse an amount in yuan ("1,200.5", "¥300") into integer fen, or raise FieldInvalid."""
    if isinstance(raw, float):  # a float has already lost exactness; refuse to guess
        raise TypeError("money must not be a float")
    text = str(raw).strip().replace(",", "").replace("，", "").lstrip("¥￥").strip()
    if text.endswith("元"):
        text = text[:-1].strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not an amount of money: {text}"),
                               text=str(raw)[:40])) from None
    if not amount.is_finite():
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not an amount of money: {text}"),
                               text=str(raw)[:40]))
    if amount < 0:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "An amount cannot be negative.")))
    if amount > MAX_FEN / Decimal(100):  # before quantize, which fails on huge numbers (1e30)
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "The amount is too large.")))
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "An amount has at most two decimals (fen).")))
    fen = int(amount * 100)
    if fen > MAX_FEN:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "The amount is too large.")))
    return fen


def check_fen(fen: int) -> int:
    """An amount already in integer fen (a stored record, a sync bundle): the same bounds as
    :func:`parse_yuan` — never negative, at most :data:`MAX_FEN` — or FieldInvalid."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not an amount of money: {text}"),
                               text=str(fen)[:40]))
    if fen < 0:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "An amount cannot be negative.")))
    if fen > MAX_FEN:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "The amount is too large.")))
    return fen


def fen_to_yuan(fen: int) -> Decimal:
    """Integer fen to an exact two-decimal Decimal, however large (sums of many records)."""
    return Decimal(f"{int(fen)}E-2")


def format_yuan(fen: int) -> str:
    """Integer fen as a plain two-decimal string, e.g. 123450 -> "1234.50"."""
    return str(fen_to_yuan(fen))


MAX_HALF_HOURS = 48  # one service record: at most 24 hours


def check_half_hours(half_hours: int) -> int:
    """Service time already in half hours (a stored record): more than 0, at most 24 hours."""
    if isinstance(half_hours, bool) or not isinstance(half_hours, int) \
            or not 0 < half_hours <= MAX_HALF_HOURS:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Hours must be more than 0 and at most 24.")))
    return half_hours


def parse_hours(raw: str | int | Decimal) -> int:
    """Parse service hours in 0.5 steps into a count of half hours."""
    if isinstance(raw, float):
        raw = Decimal(str(raw))
    try:
        hours = Decimal(str(raw).strip())
    except InvalidOperation:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a number of hours: {text}"),
                               text=str(raw)[:40])) from None
    if not hours.is_finite() or hours <= 0 or hours > 24:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Hours must be more than 0 and at most 24.")))
    if (hours * 2) != (hours * 2).to_integral_value():
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Hours go in steps of 0.5.")))
    return int(hours * 2)


def format_hours(half_hours: int) -> str:
    """A count of half hours as hours with one decimal, e.g. 5 -> "2.5"."""
    return str((Decimal(int(half_hours)) / 2).quantize(Decimal("0.1")))
