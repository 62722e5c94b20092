"""Table columns of a register and how each value is shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...domain.idnumber import mask_id_number
from ...domain.money import format_hours, format_yuan
from ...domain.phone import mask_phone


@dataclass(frozen=True)
class Column:
    """One column: the service's column key, the translated header, how to show the value."""

    key: str
    header: str
    kind: str = "text"  # text, datetime, utc, date, code, codes, money, hours, id, phone, bool, int
    code_list: str | None = None
    width: int = 100


NUMERIC = {"money", "hours", "int"}


def display(column: Column, value: Any, labels: dict[str, dict[str, str]],
            yes_no: tuple[str, str] = ("是", "否")) -> str:
    """The text shown in a cell. IDs and phones are masked in tables by default (PIPL)."""
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind == "datetime" and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if kind == "utc" and isinstance(value, dt.datetime):  # stored in UTC, shown in local time
        return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    if kind == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if kind == "code":
        return labels.get(column.code_list or "", {}).get(value, str(value))
    if kind == "codes":
        names = labels.get(column.code_list or "", {})
        return "、".join(names.get(c, c) for c in str(value).split(",") if c)
    if kind == "money":
        return format_yuan(int(value))
    if kind == "hours":
        return format_hours(int(value))
    if kind == "id":
        return mask_id_number(str(value))
    if kind == "phone":
        return mask_phone(str(value)) if str(value).isdigit() else str(value)
    if kind == "bool":
        return yes_no[0] if value else yes_no[1]
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "…"
