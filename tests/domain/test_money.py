"""Money is Decimal in, integer fen stored, two-decimal strings out; never a float."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from xiangyun_desk.domain.errors import FieldInvalid
from xiangyun_desk.domain.money import (
    MAX_FEN,
    fen_to_yuan,
    format_hours,
    format_yuan,
    parse_hours,
    parse_yuan,
)


@pytest.mark.parametrize("raw,fen", [
    ("0", 0), ("0.1", 10), ("0.10", 10), ("0.01", 1), ("1", 100), ("300", 30000),
    ("1,200.5", 120050), ("1，200.50", 120050), ("¥300", 30000), ("￥ 300.00", 30000),
    ("300元", 30000), (" 12.34 ", 1234), (Decimal("0.3"), 30), (5, 500), ("1e2", 10000),
    ("100000000", MAX_FEN),
])
def test_parse_yuan(raw, fen):
    assert parse_yuan(raw) == fen
    assert isinstance(parse_yuan(raw), int)


def test_amounts_that_floats_get_wrong_are_exact():
    assert parse_yuan("0.10") + parse_yuan("0.20") == 30
    assert format_yuan(parse_yuan("0.10") + parse_yuan("0.20")) == "0.30"
    assert parse_yuan("1.15") == 115  # int(1.15 * 100) == 114 with floats
    assert parse_yuan("4.35") == 435  # 4.35 * 100 == 434.99999999999994
    assert format_yuan(sum(parse_yuan("0.01") for _ in range(1000))) == "10.00"


def test_a_float_is_refused():
    with pytest.raises(TypeError):
        parse_yuan(0.1)


@pytest.mark.parametrize("raw", ["abc", "", "1.2.3", "NaN", "Infinity", "-Infinity", "12元5"])
def test_not_an_amount(raw):
    with pytest.raises(FieldInvalid):
        parse_yuan(raw)


def test_negative_refused():
    with pytest.raises(FieldInvalid) as info:
        parse_yuan("-1")
    assert "negative" in str(info.value)


def test_more_than_two_decimals_refused():
    with pytest.raises(FieldInvalid) as info:
        parse_yuan("0.001")
    assert "two decimals" in str(info.value)
    with pytest.raises(FieldInvalid):
        parse_yuan("1e-30")


@pytest.mark.parametrize("raw", ["100000000.01", "1e9", "1e30", "1E+400", "9" * 60])
def test_too_large_refused_with_a_message_not_a_crash(raw):
    with pytest.raises(FieldInvalid) as info:
        parse_yuan(raw)
    assert "too large" in str(info.value)


def test_huge_input_is_refused_quickly():
    start = time.perf_counter()
    with pytest.raises(FieldInvalid):
        parse_yuan("9" * 1_000_000)
    with pytest.raises(FieldInvalid):
        parse_yuan("x" * 1_000_000)
    assert time.perf_counter() - start < 2


def test_error_message_text_is_truncated():
    with pytest.raises(FieldInvalid) as info:
        parse_yuan("x" * 500)
    assert len(info.value.message.params["text"]) == 40


def test_format_and_fen_to_yuan():
    assert format_yuan(0) == "0.00"
    assert format_yuan(5) == "0.05"
    assert format_yuan(123450) == "1234.50"
    assert format_yuan(MAX_FEN) == "100000000.00"
    assert fen_to_yuan(1999) == Decimal("19.99")
    assert str(fen_to_yuan(100)) == "1.00"


@pytest.mark.parametrize("raw,half", [("0.5", 1), ("1", 2), ("2.5", 5), ("24", 48), (3, 6),
                                      (Decimal("1.5"), 3), (1.5, 3), ("8.0", 16)])
def test_parse_hours(raw, half):
    assert parse_hours(raw) == half


@pytest.mark.parametrize("raw", ["0", "-1", "24.5", "1.25", "0.3", "abc", "NaN", "inf", "1e30"])
def test_bad_hours(raw):
    with pytest.raises(FieldInvalid):
        parse_hours(raw)


def test_format_hours():
    assert format_hours(0) == "0.0"
    assert format_hours(5) == "2.5"
    assert format_hours(48) == "24.0"
    assert format_hours(3 + 5) == "4.0"
