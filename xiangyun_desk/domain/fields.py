"""Field specifications and validation for every register.

A register's form sends raw values (mostly text); :func:`validate` turns them into clean, typed
values or raises :class:`ValidationFailed` with one message per bad field, so the form can keep
everything typed, mark the fields and say why.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .codes import codes_of
from .errors import FieldInvalid, ValidationFailed
from .i18n import QT_TRANSLATE_NOOP, Message, msg
from .idnumber import check_id_number
from .money import check_fen, check_half_hours, parse_hours, parse_yuan
from .phone import normalize_phone

CTX = "Validation"


class Kind(enum.Enum):
    """How a field's raw value is parsed."""

    TEXT = "text"
    LONGTEXT = "longtext"
    CODE = "code"
    CODES = "codes"  # multi-choice, stored as comma-separated codes
    DATE = "date"
    DATETIME = "datetime"
    INT = "int"
    MONEY = "money"  # yuan in, fen out
    HOURS = "hours"  # hours in 0.5 steps in, half hours out
    PHONE = "phone"
    IDNUMBER = "idnumber"
    BOOL = "bool"
    YEAR = "year"
    CREDIT_CODE = "credit_code"
    REF = "ref"  # the id of another record


@dataclass(frozen=True)
class Field:
    """One field of a register record."""

    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    code_list: str | None = None
    max_len: int = 100
    min_value: int | None = None
    max_value: int | None = None
    # Dates: how many days after today the date may lie (sane bounds, see check_date_bounds);
    # None for a date that is only looked up, never stored.
    latest_days: int | None = 1


TEXT_LIMIT = 100

# Sane bounds of every date a register holds: nothing a station records happened before 1950,
# something that happened (a visit, a relief visit, service, joining) is not after tomorrow (a
# day of grace for a wrong clock or a late-evening entry), and a planned date (a follow-up, a
# job fair, an intention at a planned fair) is at most about three years ahead. 9999-12-31 is a
# typing mistake, never a date.
EARLIEST_DATE = dt.date(1950, 1, 1)
PLANNED_DAYS = 3 * 366
LONGTEXT_LIMIT = 4000

PERSON = (
    Field("name", required=True, max_len=50),
    Field("gender", Kind.CODE, code_list="gender"),
    Field("phone", Kind.PHONE, max_len=40),
    Field("id_number", Kind.IDNUMBER, max_len=40),
    Field("employer", max_len=TEXT_LIMIT),
)

VISIT = (
    Field("visited_at", Kind.DATETIME, required=True),
    Field("left_at", Kind.DATETIME),
    *PERSON,
    Field("union_member", Kind.CODE, code_list="union_member"),
    Field("party_size", Kind.INT, min_value=1, max_value=999),
    Field("purpose", Kind.CODE, required=True, code_list="visit_purpose"),
    Field("summary", Kind.LONGTEXT, max_len=LONGTEXT_LIMIT),
    Field("outcome", Kind.LONGTEXT, max_len=LONGTEXT_LIMIT),
    Field("status", Kind.CODE, required=True, code_list="visit_status"),
    Field("referred_to", max_len=TEXT_LIMIT),
    Field("staff", max_len=50),
    Field("follow_up_on", Kind.DATE, latest_days=PLANNED_DAYS),
)

RELIEF_VISIT = (
    Field("visit_date", Kind.DATE, required=True),
    Field("campaign", Kind.CODE, required=True, code_list="campaign"),
    *PERSON,
    Field("address", max_len=200),
    Field("category", Kind.CODE, required=True, code_list="recipient_category"),
    Field("cash_fen", Kind.MONEY),
    Field("goods", max_len=200),
    Field("goods_value_fen", Kind.MONEY),
    Field("visitors", max_len=200),
    Field("notes", Kind.LONGTEXT, max_len=LONGTEXT_LIMIT),
)

JOB_FAIR = (
    Field("name", required=True, max_len=100),
    Field("held_on", Kind.DATE, required=True, latest_days=PLANNED_DAYS),
    Field("place", max_len=200),
    Field("organiser", max_len=TEXT_LIMIT),
)

FAIR_EMPLOYER = (
    Field("fair_id", Kind.REF, required=True),
    Field("name", required=True, max_len=TEXT_LIMIT),
    Field("credit_code", Kind.CREDIT_CODE, max_len=40),
    Field("contact", max_len=50),
    Field("phone", Kind.PHONE, max_len=40),
    Field("positions", Kind.INT, required=True, min_value=0, max_value=100000),
    Field("job_titles", max_len=500),
    Field("pay_range", max_len=50),
)

JOB_SEEKER = (
    Field("fair_id", Kind.REF, required=True),
    *PERSON,
    Field("birth_year", Kind.YEAR),
    Field("education", Kind.CODE, code_list="education"),
    Field("household", Kind.CODE, code_list="household"),
    Field("poverty_relief", Kind.BOOL),
    Field("desired_job", max_len=TEXT_LIMIT),
)

INTENTION = (
    Field("fair_id", Kind.REF, required=True),
    Field("seeker_id", Kind.REF, required=True),
    Field("employer_id", Kind.REF, required=True),
    Field("status", Kind.CODE, required=True, code_list="intention_status"),
    Field("agreed_on", Kind.DATE, required=True, latest_days=PLANNED_DAYS),
    Field("position", max_len=100),  # optional: one of the employer's positions (岗位)
)

VOLUNTEER = (
    *PERSON,
    Field("skills", Kind.CODES, code_list="skill", max_len=200),
    Field("availability", max_len=TEXT_LIMIT),
    Field("joined_on", Kind.DATE),
    Field("status", Kind.CODE, required=True, code_list="volunteer_status"),
    Field("notes", Kind.LONGTEXT, max_len=LONGTEXT_LIMIT),
)

SERVICE_RECORD = (
    Field("volunteer_id", Kind.REF, required=True),
    Field("served_on", Kind.DATE, required=True),
    Field("activity", required=True, max_len=200),
    Field("half_hours", Kind.HOURS, required=True),
)


# Control characters (other than tab and line breaks), lone surrogates and the 66 Unicode
# non-characters (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
# U+1FFFE ...): garbage from a bad paste or file, which SQLite (UTF-8), PDFs and spreadsheets
# (XML 1.0 refuses U+FFFE/U+FFFF) cannot hold. Refused, not stored.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff" + _NONCHARACTERS + "]")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a date: {text} (use 2026-10-01)."), text=text[:40])) from None


def _parse_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = str(value).strip().replace("/", "-")
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0)
    except ValueError:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a date and time: {text} (use 2026-10-01 09:30)."), text=text[:40])) from None


def _parse_int(value: Any, field: Field) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Enter a whole number."))) from None
    if field.min_value is not None and number < field.min_value:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Must be at least {n}."),
                               n=field.min_value))
    if field.max_value is not None and number > field.max_value:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Must be at most {n}."),
                               n=field.max_value))
    return number


def _parse_year(value: Any) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Enter a four-digit year."))) from None
    if not 1900 <= year <= dt.date.today().year:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Enter a four-digit year.")))
    return year


def _parse_code(value: Any, field: Field) -> str:
    code = str(value).strip()
    if field.code_list and code not in codes_of(field.code_list):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Choose one of the listed values.")))
    return code


def _parse_codes(value: Any, field: Field) -> str:
    items = value if isinstance(value, list | tuple | set) else str(value).split(",")
    codes = [str(c).strip() for c in items if str(c).strip()]
    allowed = codes_of(field.code_list) if field.code_list else None
    if allowed is not None and any(c not in allowed for c in codes):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Choose one of the listed values.")))
    ordered = [c for c in allowed if c in codes] if allowed else sorted(set(codes))
    return ",".join(ordered)


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "y", "是"}


def _parse_credit_code(value: Any) -> str:
    from stdnum.cn import uscc  # local: only job-fair employers need it

    try:
        return uscc.validate(str(value))
    except Exception:  # stdnum raises several ValidationError subclasses
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a valid unified social credit code (18 characters with a check "
                 "character)."))) from None


def check_date_bounds(field: Field, value: dt.date | dt.datetime,
                      today: dt.date | None = None) -> None:
    """Raise FieldInvalid when a date lies outside the sane bounds of ``field``."""
    if field.latest_days is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    latest = (today or dt.date.today()) + dt.timedelta(days=field.latest_days)
    if not EARLIEST_DATE <= day <= latest:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "The date {date} is outside the possible range ({earliest} to {latest})."),
                               date=day.isoformat(), earliest=EARLIEST_DATE.isoformat(),
                               latest=latest.isoformat()))


def clean_value(field: Field, value: Any, today: dt.date | None = None) -> Any:
    """Parse one raw value for ``field``; blank optional values become None. ``today`` (for
    date bounds and ID birth dates) is the real date unless a caller fixes it."""
    if isinstance(value, str) and len(value) > field.max_len and field.kind in (
        Kind.TEXT, Kind.LONGTEXT, Kind.PHONE, Kind.IDNUMBER, Kind.CREDIT_CODE, Kind.CODES
    ):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Too long: at most {limit} characters (this has {n})."),
            limit=field.max_len, n=len(value)))
    if isinstance(value, str) and _UNSTORABLE.search(value):
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "Contains invisible control characters or broken characters: type or paste the text again.")))
    if _blank(value):
        if field.required:
            raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Validation", "This field is required.")))
        return False if field.kind is Kind.BOOL else None
    kind = field.kind
    if kind in (Kind.TEXT, Kind.LONGTEXT):
        return str(value).strip() if kind is Kind.TEXT else str(value).rstrip()
    if kind is Kind.PHONE:
        return normalize_phone(value)
    if kind is Kind.IDNUMBER:
        return check_id_number(value, today)
    if kind is Kind.CODE:
        return _parse_code(value, field)
    if kind is Kind.CODES:
        return _parse_codes(value, field)
    if kind is Kind.DATE:
        day = _parse_date(value)
        check_date_bounds(field, day, today)
        return day
    if kind is Kind.DATETIME:
        when = _parse_datetime(value)
        check_date_bounds(field, when, today)
        return when
    if kind is Kind.INT:
        return _parse_int(value, field)
    if kind is Kind.YEAR:
        return _parse_year(value)
    if kind is Kind.MONEY:  # an int is already fen (a service call, a stored record)
        return check_fen(value) if isinstance(value, int) else parse_yuan(value)
    if kind is Kind.HOURS:  # an int is already half hours
        return check_half_hours(value) if isinstance(value, int) else parse_hours(value)
    if kind is Kind.BOOL:
        return _parse_bool(value)
    if kind is Kind.CREDIT_CODE:
        return _parse_credit_code(value)
    if kind is Kind.REF:
        return str(value)
    raise AssertionError(kind)


def validate(fields: tuple[Field, ...], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Clean every field of a record; raise ValidationFailed listing every bad field."""
    clean: dict[str, Any] = {}
    errors: dict[str, Message] = {}
    for field in fields:
        try:
            clean[field.name] = clean_value(field, raw.get(field.name))
        except FieldInvalid as exc:
            errors[field.name] = exc.message
    if errors:
        raise ValidationFailed(errors)
    return clean


def check_stored(fields: tuple[Field, ...], record: Mapping[str, Any],
                 today: dt.date | None = None) -> dict[str, Message]:
    """Check a record as it is stored (typed column values, e.g. from a sync bundle) by the same
    rules a form applies to what is typed; returns the reason per bad field (empty: it passes).

    Stored values are what :func:`validate` produced, so each one must validate again: a phone
    is kept as typed and must still be a phone, an ID number must have its check character,
    amounts are fen within the one ceiling (:data:`money.MAX_FEN`), dates within sane bounds.
    """
    errors: dict[str, Message] = {}
    for field in fields:
        value = record.get(field.name)
        if isinstance(value, bool) and field.kind is not Kind.BOOL:
            errors[field.name] = msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a valid value."))
            continue
        try:
            clean_value(field, value, today)
        except FieldInvalid as exc:
            errors[field.name] = exc.message
        except (TypeError, ValueError):  # a value of a kind no form produces
            errors[field.name] = msg(CTX, QT_TRANSLATE_NOOP("Validation", "Not a valid value."))
    return errors


def check_time_order(clean: dict[str, Any], start: str, end: str) -> None:
    """Raise when ``end`` is before ``start`` (both optional)."""
    if clean.get(start) and clean.get(end) and clean[end] < clean[start]:
        raise ValidationFailed({end: msg(CTX, QT_TRANSLATE_NOOP("Validation", "Cannot be earlier than the start."))})


def yuan(value: Decimal | str) -> int:
    """Shorthand used by services and tests: yuan to fen."""
    return parse_yuan(value)


_POSITION_SEPARATORS = re.compile(r"[、,，;；/／|\n]+")


def split_positions(job_titles: str | None) -> list[str]:
    """An employer's positions (岗位) from its 招聘工种 text: "普工、焊工，营业员" -> three."""
    out: list[str] = []
    for part in _POSITION_SEPARATORS.split(job_titles or ""):
        name = part.strip()
        if name and name not in out:
            out.append(name)
    return out
