"""Resident identity card numbers (GB 11643-1999).

Region codes change over the decades (counties merge, split and get renumbered), so a number is
never rejected for its region code: python-stdnum's ``cn.ric.validate`` does that, wrongly for many
real IDs. We only use its check-character function and check the birth date ourselves.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from stdnum.cn import ric

from .errors import FieldInvalid
from .i18n import QT_TRANSLATE_NOOP, msg

CTX = "Validation"


def normalize_id_number(raw: str) -> str:
    """Strip spaces, turn full-width characters (５３２９…Ｘ) into ASCII, upper-case the X."""
    return "".join(unicodedata.normalize("NFKC", str(raw)).split()).upper()


def check_id_number(raw: str, today: dt.date | None = None) -> str:
    """Return the normalised ID number or raise :class:`FieldInvalid` saying exactly what is wrong."""
    number = normalize_id_number(raw)
    if len(number) != 18:
        raise FieldInvalid(
            msg(CTX, QT_TRANSLATE_NOOP("Validation", "An ID number has 18 characters; this one has {n}."),
                n=len(number))
        )
    if not number.isascii() or not number[:17].isdigit() or not (
            number[17].isdigit() or number[17] == "X"):
        raise FieldInvalid(
            msg(CTX, QT_TRANSLATE_NOOP("Validation", "An ID number has 17 digits followed by a digit or X."))
        )
    birth = birth_date(number)
    if birth is None:
        raise FieldInvalid(
            msg(CTX, QT_TRANSLATE_NOOP("Validation", "The birth date {date} in the ID number is not a real date."),
                date=number[6:14])
        )
    if birth > (today or dt.date.today()) or birth.year < 1900:
        raise FieldInvalid(
            msg(CTX, QT_TRANSLATE_NOOP("Validation", "The birth date {date} in the ID number is impossible."),
                date=birth.isoformat())
        )
    expected = check_character(number[:17])
    if expected != number[17]:
        raise FieldInvalid(
            msg(CTX, QT_TRANSLATE_NOOP("Validation", "The check character should be {expected}, not {actual}."),
                expected=expected, actual=number[17])
        )
    return number


def check_character(body: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits.

    stdnum's ``ric.calc_check_digit`` expects the whole number *including* a check character (it
    drops the last character), so it is given a placeholder one here.
    """
    return ric.calc_check_digit(body + "0")


def birth_date(number: str) -> dt.date | None:
    """The birth date encoded in an 18-character ID number, or None when it is not a date."""
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def mask_id_number(number: str) -> str:
    """Mask all but the first 4 and last 4 characters: 5329**********1234."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def id_facts(raw: str, today: dt.date | None = None) -> tuple[str, dt.date] | None:
    """(gender code "M"/"F", birth date) of a valid ID number, None when it is not valid.

    The 17th character is odd for men and even for women (GB 11643-1999); the form fills the
    gender and birth year from it when they are empty and warns when they differ.
    """
    try:
        number = check_id_number(raw, today)
    except FieldInvalid:
        return None
    return ("M" if int(number[16]) % 2 else "F"), birth_date(number)
