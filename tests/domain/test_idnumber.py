"""Resident ID numbers (GB 11643-1999): length, format, birth date, check character; never the
region code."""

from __future__ import annotations

import datetime as dt

import pytest

from xiangyun_desk.domain.errors import FieldInvalid
from xiangyun_desk.domain.idnumber import (
    birth_date,
    check_character,
    check_id_number,
    mask_id_number,
    normalize_id_number,
)

WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]


def check_char(body: str) -> str:
    """ISO 7064 MOD 11-2, written out independently of the code under test."""
    assert len(body) == 17 and body.isdigit()
    value = (12 - sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11) % 11
    return "X" if value == 10 else str(value)


def test_independent_check_char_matches_the_standards_worked_example():
    # GB 11643-1999's own example number.
    assert check_char("11010519491231002") == "X"
    assert WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


@pytest.mark.parametrize("number", [
    "11010519491231002X",  # the standard's example (Beijing 朝阳区, a long-used code)
    "532923199001011239",  # Xiangyun county
    "53292319900101005X",  # check character X
])
def test_real_numbers_are_accepted(number):
    assert check_id_number(number) == number


@pytest.mark.parametrize("body", [
    "99999919900101123",  # no such region, ever
    "53290119800615123",  # a made-up / retired Dali code
    "00000019800615123",
])
def test_unknown_or_retired_region_code_is_never_refused(body):
    number = body + check_char(body)
    assert check_id_number(number) == number


def test_lower_case_x_and_spaces_are_normalised():
    assert check_id_number(" 53292319900101005x ") == "53292319900101005X"
    assert check_id_number("532923 19900101 005x") == "53292319900101005X"
    assert normalize_id_number("1101 0519 4912 3100 2x") == "11010519491231002X"


def test_full_width_digits_are_normalised_to_ascii():
    # Chinese input methods in full-width mode type ５３２９…; store the ASCII form.
    full = "５３２９２３１９９００１０１１２３９"
    assert check_id_number(full) == "532923199001011239"


def test_wrong_check_character_names_the_expected_one():
    body = "53292319900101123"
    good = check_char(body)
    wrong = "0" if good != "0" else "1"
    with pytest.raises(FieldInvalid) as info:
        check_id_number(body + wrong)
    text = str(info.value.message)
    assert f"should be {good}" in text
    assert info.value.message.params == {"expected": good, "actual": wrong}


def test_wrong_check_character_expecting_x():
    with pytest.raises(FieldInvalid) as info:
        check_id_number("110105194912310022")
    assert info.value.message.params["expected"] == "X"


@pytest.mark.parametrize("raw,n", [("5329231990010112", 16), ("5329231990010112399", 19), ("", 0)])
def test_wrong_length_says_how_many_characters(raw, n):
    with pytest.raises(FieldInvalid) as info:
        check_id_number(raw)
    assert info.value.message.params == {"n": n}
    assert str(n) in str(info.value)


@pytest.mark.parametrize("raw", ["5329231990010112A9", "X32923199001011239", "53292319900101123Y",
                                 "5329-3199001011239",
                                 # Arabic-Indic digits: isdigit() is true, but they are not 0-9
                                 "٥٣٢٩٢٣١٩٩٠٠١٠١١٢٣٩"])
def test_non_digits_are_refused(raw):
    with pytest.raises(FieldInvalid) as info:
        check_id_number(raw)
    assert "17 digits" in str(info.value)


@pytest.mark.parametrize("date", ["19900230", "19901301", "19900001", "19900100", "20230229"])
def test_impossible_calendar_dates_are_refused(date):
    body = "532923" + date + "123"
    with pytest.raises(FieldInvalid) as info:
        check_id_number(body + check_char(body))
    assert "not a real date" in str(info.value)
    assert info.value.message.params["date"] == date


def test_leap_day_is_a_real_date():
    body = "53292320000229123"
    assert check_id_number(body + check_char(body)).startswith("53292320000229")


def test_future_birth_date_is_refused():
    today = dt.date(2026, 3, 1)
    body = "53292320260302123"
    number = body + check_char(body)
    with pytest.raises(FieldInvalid) as info:
        check_id_number(number, today=today)
    assert "impossible" in str(info.value)
    # Born today is fine.
    body = "53292320260301123"
    assert check_id_number(body + check_char(body), today=today)


def test_future_birth_date_against_the_real_clock():
    future = dt.date.today() + dt.timedelta(days=400)
    body = "532923" + future.strftime("%Y%m%d") + "123"
    with pytest.raises(FieldInvalid):
        check_id_number(body + check_char(body))


def test_birth_before_1900_is_refused():
    body = "53292318991231123"
    with pytest.raises(FieldInvalid) as info:
        check_id_number(body + check_char(body))
    assert "impossible" in str(info.value)


def test_birth_date_helper():
    assert birth_date("53292319900101005X") == dt.date(1990, 1, 1)
    assert birth_date("532923199002300050") is None


def test_check_character_helper_agrees_with_the_standard():
    assert check_character("11010519491231002") == "X"
    assert check_character("53292319900101123") == "9"


def test_mask():
    assert mask_id_number("532923199001011239") == "5329**********1239"
    assert mask_id_number("") == ""
    assert mask_id_number("1234") == "****"


def test_many_generated_numbers_round_trip():
    import random

    rng = random.Random(7)
    start = dt.date(1930, 1, 1)
    for _ in range(300):
        day = start + dt.timedelta(days=rng.randrange(0, 90 * 365))
        body = f"{rng.randrange(10**6):06d}" + day.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
        number = body + check_char(body)
        assert check_id_number(number.lower()) == number
        # Every other last character is refused, naming the right one.
        for other in "0123456789X":
            if other != number[-1]:
                with pytest.raises(FieldInvalid) as info:
                    check_id_number(body + other)
                assert info.value.message.params["expected"] == number[-1]
                break


def test_id_facts_give_gender_and_birth_date_of_a_valid_number():
    import datetime as dt

    from xiangyun_desk.domain.idnumber import id_facts

    assert id_facts("532923198503120019") == ("M", dt.date(1985, 3, 12))
    assert id_facts("11010519491231002X") == ("F", dt.date(1949, 12, 31))
    assert id_facts("１１０１０５１９４９１２３１００２ｘ") == ("F", dt.date(1949, 12, 31))
    assert id_facts("532923198503120010") is None  # wrong check character
    assert id_facts("5329231985") is None
