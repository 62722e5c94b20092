"""Chinese phone numbers: mobiles and landlines with an area code."""

from __future__ import annotations

import pytest

from xiangyun_desk.domain.errors import FieldInvalid
from xiangyun_desk.domain.phone import mask_phone, normalize_phone


@pytest.mark.parametrize("raw,expected", [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("0086-13812345678", "13812345678"),
    ("19912345678", "19912345678"),
    ("0872-1234567", "0872-1234567"),
    ("(0872)1234567", "0872-1234567"),
    ("（0872）1234567", "0872-1234567"),
    ("08721234567", "0872-1234567"),
    ("010-12345678", "010-12345678"),
    ("021 87654321", "021-87654321"),
    ("0872-1234567转89", "0872-1234567-89"),
    ("0872-1234567 ext 12", "0872-1234567-12"),
    ("+86 872 7123456", "0872-7123456"),  # international form: the area code drops its 0
    ("+86-10-12345678", "010-12345678"),
    ("+86 (0872) 7123456", "0872-7123456"),
    ("0086 21 87654321", "021-87654321"),
])
def test_valid_numbers_normalise(raw, expected):
    assert normalize_phone(raw) == expected


def test_full_width_digits_normalise_to_ascii():
    # Full-width input mode (全角) types these; the stored form must be ASCII so searches match.
    assert normalize_phone("１３８１２３４５６７８") == "13812345678"
    assert normalize_phone("０８７２－１２３４５６７") == "0872-1234567"


@pytest.mark.parametrize("raw", ["1381234567", "138123456789", "12812345678", "10012345678"])
def test_bad_mobiles_are_refused(raw):
    with pytest.raises(FieldInvalid):
        normalize_phone(raw)


def test_short_mobile_says_how_many_digits():
    with pytest.raises(FieldInvalid) as info:
        normalize_phone("1381234567")
    assert info.value.message.params == {"n": 10}
    assert "11 digits" in str(info.value)


def test_landline_without_area_code_asks_for_it():
    with pytest.raises(FieldInvalid) as info:
        normalize_phone("7654321")
    assert "area code" in str(info.value)
    with pytest.raises(FieldInvalid):
        normalize_phone("87654321")


@pytest.mark.parametrize("raw", ["abc", "0872-12345", "电话", "13812345678x",
                                 "١٣٨١٢٣٤٥٦٧٨"])  # Arabic-Indic digits match \d but are not 0-9
def test_garbage_is_refused(raw):
    with pytest.raises(FieldInvalid):
        normalize_phone(raw)


def test_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0872-1234567") == "087*****4567"
    assert mask_phone("123") == "***"
