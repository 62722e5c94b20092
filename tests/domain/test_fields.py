"""validate(): required fields, lengths, code lists, dates, numbers, money, hours, codes."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from xiangyun_desk.domain import fields as F
from xiangyun_desk.domain.codes import CODE_LISTS, codes_of, label_of
from xiangyun_desk.domain.errors import FieldInvalid, ValidationFailed
from xiangyun_desk.domain.fields import Field, Kind, check_time_order, clean_value, validate, yuan

VISIT_OK = {"visited_at": "2026-10-01 09:30", "name": "张三", "purpose": "legal", "status": "done"}


def errors_of(fields, raw):
    with pytest.raises(ValidationFailed) as info:
        validate(fields, raw)
    return info.value.errors


def test_minimal_visit_is_valid_and_blank_optionals_become_none():
    clean = validate(F.VISIT, VISIT_OK)
    assert clean["visited_at"] == dt.datetime(2026, 10, 1, 9, 30)
    assert clean["name"] == "张三"
    assert clean["left_at"] is None and clean["phone"] is None and clean["party_size"] is None
    assert set(clean) == {f.name for f in F.VISIT}


@pytest.mark.parametrize("fields,required", [
    (F.VISIT, {"visited_at", "name", "purpose", "status"}),
    (F.RELIEF_VISIT, {"visit_date", "campaign", "name", "category"}),
    (F.JOB_FAIR, {"name", "held_on"}),
    (F.FAIR_EMPLOYER, {"fair_id", "name", "positions"}),
    (F.JOB_SEEKER, {"fair_id", "name"}),
    (F.INTENTION, {"fair_id", "seeker_id", "employer_id", "status", "agreed_on"}),
    (F.VOLUNTEER, {"name", "status"}),
    (F.SERVICE_RECORD, {"volunteer_id", "served_on", "activity", "half_hours"}),
])
def test_every_required_field_is_reported_at_once(fields, required):
    errors = errors_of(fields, {})
    assert set(errors) == required
    assert all(str(m) == "This field is required." for m in errors.values())
    # Whitespace is blank too.
    errors = errors_of(fields, {name: "   " for name in required})
    assert set(errors) == required


def test_validation_failed_carries_the_first_message():
    with pytest.raises(ValidationFailed) as info:
        validate(F.VISIT, {**VISIT_OK, "name": "", "purpose": "nope"})
    assert set(info.value.errors) == {"name", "purpose"}
    assert info.value.message == info.value.errors["name"]


def test_too_long_text_names_the_limit_and_the_length():
    errors = errors_of(F.VISIT, {**VISIT_OK, "name": "张" * 51})
    message = errors["name"]
    assert message.params == {"limit": 50, "n": 51}
    assert "at most 50 characters" in str(message) and "51" in str(message)
    assert validate(F.VISIT, {**VISIT_OK, "name": "张" * 50})["name"] == "张" * 50


def test_a_one_megabyte_string_is_refused_quickly_in_every_text_field():
    big = "字" * 1_000_000
    start = time.perf_counter()
    for fields in (F.VISIT, F.RELIEF_VISIT, F.JOB_SEEKER, F.VOLUNTEER):
        for f in fields:
            if f.kind in (Kind.TEXT, Kind.LONGTEXT, Kind.PHONE, Kind.IDNUMBER, Kind.CODES):
                with pytest.raises(FieldInvalid) as info:
                    clean_value(f, big)
                assert info.value.message.params == {"limit": f.max_len, "n": 1_000_000}
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("kind", [Kind.DATE, Kind.DATETIME, Kind.INT, Kind.YEAR, Kind.CODE,
                                  Kind.MONEY, Kind.HOURS])
def test_a_one_megabyte_value_in_other_fields_is_refused_quickly(kind):
    f = Field("x", kind, code_list="gender" if kind is Kind.CODE else None)
    start = time.perf_counter()
    for big in ("9" * 1_000_000, "x" * 1_000_000):
        with pytest.raises(FieldInvalid) as info:
            clean_value(f, big)
        assert len(str(info.value)) < 300  # the message does not echo the whole input
    assert time.perf_counter() - start < 2


def test_longtext_limit_is_4000():
    summary = "情" * 4000
    assert validate(F.VISIT, {**VISIT_OK, "summary": summary})["summary"] == summary
    errors = errors_of(F.VISIT, {**VISIT_OK, "summary": summary + "况"})
    assert errors["summary"].params["limit"] == 4000


def test_text_is_stripped_longtext_keeps_leading_spaces():
    clean = validate(F.VISIT, {**VISIT_OK, "name": "  张三  ", "summary": "  第一行\n第二行  \n"})
    assert clean["name"] == "张三"
    assert clean["summary"] == "  第一行\n第二行"


def test_code_lists():
    assert validate(F.VISIT, {**VISIT_OK, "gender": "F"})["gender"] == "F"
    errors = errors_of(F.VISIT, {**VISIT_OK, "gender": "女", "purpose": "LEGAL"})
    assert set(errors) == {"gender", "purpose"}
    assert str(errors["gender"]) == "Choose one of the listed values."


def test_multi_choice_codes_are_ordered_and_deduplicated():
    raw = {"name": "李四", "status": "active", "skills": "publicity, legal,legal"}
    assert validate(F.VOLUNTEER, raw)["skills"] == "legal,publicity"
    assert validate(F.VOLUNTEER, {**raw, "skills": ["psych", "legal"]})["skills"] == "legal,psych"
    assert "skills" in errors_of(F.VOLUNTEER, {**raw, "skills": "legal,cooking"})


@pytest.mark.parametrize("raw,expected", [
    ("2026-10-01", dt.date(2026, 10, 1)), ("2026/10/01", dt.date(2026, 10, 1)),
    ("2026.10.01", dt.date(2026, 10, 1)), (" 2026-10-01 ", dt.date(2026, 10, 1)),
    (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
    (dt.datetime(2026, 1, 2, 3, 4), dt.date(2026, 1, 2)),
])
def test_dates(raw, expected):
    raw_record = {"name": "招聘会", "held_on": raw}
    assert validate(F.JOB_FAIR, raw_record)["held_on"] == expected


@pytest.mark.parametrize("raw", ["2026-13-01", "2026-02-30", "明天", "01/10/2026", "2026-1"])
def test_bad_dates_say_so_with_the_text(raw):
    errors = errors_of(F.JOB_FAIR, {"name": "招聘会", "held_on": raw})
    assert errors["held_on"].params["text"] == raw.replace("/", "-")
    assert "Not a date" in str(errors["held_on"])


@pytest.mark.parametrize("raw,expected", [
    ("2026-10-01 09:30", dt.datetime(2026, 10, 1, 9, 30)),
    ("2026/10/01 09:30:15", dt.datetime(2026, 10, 1, 9, 30, 15)),
    ("2026-10-01", dt.datetime(2026, 10, 1)),
    (dt.date(2026, 10, 1), dt.datetime(2026, 10, 1)),
    (dt.datetime(2026, 10, 1, 9, 30, 15, 999), dt.datetime(2026, 10, 1, 9, 30, 15)),
])
def test_datetimes(raw, expected):
    assert validate(F.VISIT, {**VISIT_OK, "visited_at": raw})["visited_at"] == expected


def test_bad_datetime():
    errors = errors_of(F.VISIT, {**VISIT_OK, "visited_at": "2026-10-01 25:00"})
    assert "Not a date and time" in str(errors["visited_at"])


def test_left_before_arrival_is_refused():
    clean = validate(F.VISIT, {**VISIT_OK, "left_at": "2026-10-01 09:00"})
    with pytest.raises(ValidationFailed) as info:
        check_time_order(clean, "visited_at", "left_at")
    assert set(info.value.errors) == {"left_at"}
    clean = validate(F.VISIT, {**VISIT_OK, "left_at": "2026-10-01 10:00"})
    check_time_order(clean, "visited_at", "left_at")  # no error


def test_int_limits():
    assert validate(F.VISIT, {**VISIT_OK, "party_size": " 3 "})["party_size"] == 3
    assert errors_of(F.VISIT, {**VISIT_OK, "party_size": "0"})["party_size"].params == {"n": 1}
    assert errors_of(F.VISIT, {**VISIT_OK, "party_size": "1000"})["party_size"].params == {"n": 999}
    assert str(errors_of(F.VISIT, {**VISIT_OK, "party_size": "2.5"})["party_size"]) \
        == "Enter a whole number."


def test_year():
    base = {"fair_id": "f", "name": "王五"}
    assert validate(F.JOB_SEEKER, {**base, "birth_year": "1990"})["birth_year"] == 1990
    for bad in ("1899", str(dt.date.today().year + 1), "九零", "90x"):
        assert "birth_year" in errors_of(F.JOB_SEEKER, {**base, "birth_year": bad})


def test_bool():
    base = {"fair_id": "f", "name": "王五"}
    assert validate(F.JOB_SEEKER, base)["poverty_relief"] is False
    for truthy in ("是", "yes", "1", True, "TRUE"):
        assert validate(F.JOB_SEEKER, {**base, "poverty_relief": truthy})["poverty_relief"] is True
    for falsy in ("否", "no", "0", False):
        assert validate(F.JOB_SEEKER, {**base, "poverty_relief": falsy})["poverty_relief"] is False


def test_money_fields_take_yuan_and_give_fen():
    base = {"visit_date": "2026-01-10", "campaign": "winter", "name": "赵六", "category": "hardship"}
    clean = validate(F.RELIEF_VISIT, {**base, "cash_fen": "500.50", "goods_value_fen": "¥80"})
    assert clean["cash_fen"] == 50050 and clean["goods_value_fen"] == 8000
    assert validate(F.RELIEF_VISIT, {**base, "cash_fen": 1234})["cash_fen"] == 1234  # already fen
    assert validate(F.RELIEF_VISIT, base)["cash_fen"] is None
    errors = errors_of(F.RELIEF_VISIT, {**base, "cash_fen": "五百", "goods_value_fen": "-1"})
    assert set(errors) == {"cash_fen", "goods_value_fen"}
    assert errors["cash_fen"].params["text"] == "五百"
    assert yuan("0.30") == 30


def test_hours_field():
    base = {"volunteer_id": "v", "served_on": "2026-01-10", "activity": "值班"}
    assert validate(F.SERVICE_RECORD, {**base, "half_hours": "2.5"})["half_hours"] == 5
    assert "half_hours" in errors_of(F.SERVICE_RECORD, {**base, "half_hours": "2.25"})
    assert "half_hours" in errors_of(F.SERVICE_RECORD, {**base, "half_hours": "几个小时"})


def test_phone_and_id_fields_normalise_and_report():
    clean = validate(F.VISIT, {**VISIT_OK, "phone": "138 1234 5678",
                               "id_number": "11010519491231002x"})
    assert clean["phone"] == "13812345678"
    assert clean["id_number"] == "11010519491231002X"
    errors = errors_of(F.VISIT, {**VISIT_OK, "phone": "12345", "id_number": "110105194912310022"})
    assert set(errors) == {"phone", "id_number"}
    assert errors["id_number"].params["expected"] == "X"


def test_credit_code():
    base = {"fair_id": "f", "name": "祥云县建筑工程有限公司", "positions": "10"}
    clean = validate(F.FAIR_EMPLOYER, {**base, "credit_code": "9111 0000 6000 3734 1L"})
    assert clean["credit_code"] == "91110000600037341L"
    errors = errors_of(F.FAIR_EMPLOYER, {**base, "credit_code": "91110000600037341A"})
    assert "credit code" in str(errors["credit_code"])


def test_positions_must_be_a_non_negative_whole_number():
    base = {"fair_id": "f", "name": "公司"}
    assert validate(F.FAIR_EMPLOYER, {**base, "positions": "0"})["positions"] == 0
    assert "positions" in errors_of(F.FAIR_EMPLOYER, {**base, "positions": "-1"})


def test_ref_is_kept_as_text():
    raw = {"fair_id": "abc", "seeker_id": "s", "employer_id": "e", "status": "signed",
           "agreed_on": "2026-05-01"}
    assert validate(F.INTENTION, raw)["fair_id"] == "abc"


def test_sql_looking_text_is_just_text():
    evil = "'; DROP TABLE visit; --"
    assert validate(F.VISIT, {**VISIT_OK, "name": evil})["name"] == evil


def test_rare_characters_and_emoji_count_as_one_character_each():
    name = "𬌗堃珺😀" * 12 + "镕堃"  # 50 code points, several outside the BMP
    assert len(name) == 50
    assert validate(F.VISIT, {**VISIT_OK, "name": name})["name"] == name
    assert "name" in errors_of(F.VISIT, {**VISIT_OK, "name": name + "😀"})


def test_code_lists_are_consistent():
    for name, items in CODE_LISTS.items():
        codes = [c.code for c in items]
        assert len(codes) == len(set(codes)), name
        assert all(c.zh and c.en for c in items), name
    assert codes_of("visit_status") == ("done", "following", "referred")
    assert label_of("campaign", "winter") == "冬送温暖"
    assert label_of("campaign", "winter", "en") == "Winter warmth"
    assert label_of("campaign", "gone") == "gone"
    # DESIGN.md section 2 lists ten visit purposes and eight campaigns/categories/skills.
    assert len(codes_of("visit_purpose")) == 10
    assert len(codes_of("campaign")) == 8
    assert len(codes_of("recipient_category")) == 8
    assert len(codes_of("skill")) == 8


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe",
                                 "\U0010ffff", "\x07"])
def test_non_characters_are_refused_at_entry(bad):
    """U+FFFE/U+FFFF and the other non-characters break an .xlsx (XML) export: refused."""
    from xiangyun_desk.domain.errors import FieldInvalid
    from xiangyun_desk.domain.fields import Field, clean_value

    with pytest.raises(FieldInvalid):
        clean_value(Field("name"), f"张{bad}三")
    assert clean_value(Field("name"), "张\t三") is not None  # tab is fine
