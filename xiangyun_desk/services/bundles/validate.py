"""Validation at the county's door: every record of a station bundle passes the same domain
validation as the station's form (domain/fields.py ``check_stored``: ID numbers, phones, codes,
dates within sane bounds, amounts within the one ceiling, lengths, unstorable characters, the
register's cross-field rules), plus rules only a bundle needs:

- the record's change number lies in the bundle's range (``change_seq.from`` < n ≤ ``to``);
- a normalised phone (``phone_norm``), when given, is the normal form of the phone as typed;
- a record's own times (created, updated, deleted) are not before 1950 nor after tomorrow;
- a job fair a station sends is its own (``source`` = ``local``); the county's fairs travel
  the other way, in reference bundles;
- staff names follow the rules of a text field.

A record that fails is refused with the first reason (field and why) and listed in the import
report; the rest of the bundle is applied (the importer's rule, docs/bundle-format.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain.errors import FieldInvalid, ValidationFailed
from ...domain.fields import EARLIEST_DATE, Field, check_stored
from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...domain.phone import normalize_phone
from ..specs import ALL_SPECS

CTX = "Bundles"
SPECS = {spec.model.__tablename__: spec for spec in ALL_SPECS}
EXTRA_FIELDS = {"staff": (Field("name", required=True, max_len=50),)}


class RecordRefused(Exception):
    """One record fails validation at the door: ``field`` (column) and ``reason``."""

    def __init__(self, field: str, reason: Message):
        super().__init__(str(reason))
        self.field = field
        self.reason = reason


class DoorCheck:
    """Checks the records of one bundle (change range from its manifest, today fixed once)."""

    def __init__(self, from_seq: int, to_seq: int, today: dt.date | None = None,
                 fair_sources: tuple[str, ...] = ("local",)):
        self.fair_sources = fair_sources  # a county's own fairs too (relay_import.py)
        self.from_seq = from_seq
        self.to_seq = to_seq
        self.today = today or dt.date.today()
        self._latest_time = dt.datetime.combine(self.today + dt.timedelta(days=2), dt.time())
        self._earliest_time = dt.datetime.combine(EARLIEST_DATE, dt.time())

    def check(self, table: str, rec: dict[str, Any]) -> None:
        """Raise RecordRefused for the first rule ``rec`` (decoded columns) breaks."""
        seq = rec.get("change_seq")
        if not isinstance(seq, int) or not self.from_seq < seq <= self.to_seq:
            raise RecordRefused("change_seq", msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Its change number {n} is outside the bundle's range ({low} to {high}]."), n=seq, low=self.from_seq, high=self.to_seq))
        for column in ("created_at", "updated_at", "deleted_at"):
            when = rec.get(column)
            if when is not None and not self._earliest_time <= when < self._latest_time:
                raise RecordRefused(column, msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The time {time} is impossible."), time=when.isoformat(sep=" ")[:19]))
        spec = SPECS.get(table)
        fields = spec.fields if spec else EXTRA_FIELDS.get(table, ())
        errors = check_stored(fields, rec, self.today)
        if errors:
            name, reason = next(iter(errors.items()))
            raise RecordRefused(name, reason)
        if spec is not None and spec.check is not None:
            try:
                spec.check(dict(rec))
            except ValidationFailed as exc:
                name, reason = next(iter(exc.errors.items()))
                raise RecordRefused(name, reason) from None
        phone, norm = rec.get("phone"), rec.get("phone_norm")
        if norm is not None:
            try:
                expected = normalize_phone(phone) if phone else None
            except FieldInvalid:  # pragma: no cover - check_stored refused the phone already
                expected = None
            if norm != expected:
                raise RecordRefused("phone_norm", msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The normalised phone does not match the phone as typed.")))
        if table == "job_fair" and rec.get("source") not in self.fair_sources:
            raise RecordRefused("source", msg(CTX, QT_TRANSLATE_NOOP("Bundles", "A station sends only its own job fairs; the county's fairs are not sent back.")))

