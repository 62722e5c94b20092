"""Installation settings kept in the database: role, station (or county) identity, staff."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..domain.errors import ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..storage.db import Database
from ..storage.models import Setting, Staff

CTX = "Setup"
ROLES = ("station", "county", "prefecture", "province")
# The tiers above the station: they import, aggregate and forward (docs/federation.md).
TIERS = ("county", "prefecture", "province")
UPPER_TIERS = ("prefecture", "province")


@dataclass(frozen=True)
class Identity:
    """Who this installation is."""

    role: str
    code: str
    name: str
    township: str = ""

    @property
    def is_tier(self) -> bool:
        """A county, prefecture or province: it imports and aggregates (not a station)."""
        return self.role in TIERS

    @property
    def is_upper(self) -> bool:
        """A prefecture or province: it imports relay bundles from the tier below."""
        return self.role in UPPER_TIERS


class SettingsService:
    """Reads and writes installation settings and the staff list."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        with self.db.session() as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_many(self, values: dict[str, str]) -> None:
        with self.db.session() as s, s.begin():
            for key, value in values.items():
                s.merge(Setting(key=key, value=value))

    def identity(self) -> Identity | None:
        """The station's identity, or None before set-up."""
        role = self.get("role")
        if not role:
            return None
        return Identity(role, self.get("code", ""), self.get("name", ""), self.get("township", ""))

    def initialize(self, role: str, code: str, name: str, township: str = "",
                   staff: list[str] | None = None) -> Identity:
        """First-run set-up; validates and stores the identity and the staff."""
        errors = {}
        if role not in ROLES:
            errors["role"] = msg(CTX, QT_TRANSLATE_NOOP("Setup", "Choose station, county, prefecture or province."))
        code = code.strip()
        if not code.isdigit() or not 1 <= len(code) <= 20:
            errors["code"] = msg(CTX, QT_TRANSLATE_NOOP("Setup", "The code is made of digits only."))
        name = name.strip()
        if not name or len(name) > 60:
            errors["name"] = msg(CTX, QT_TRANSLATE_NOOP("Setup", "Enter the name (at most 60 characters)."))
        if self.identity() is not None:
            errors["code"] = msg(CTX, QT_TRANSLATE_NOOP("Setup", "This data directory is already set up."))
        if errors:
            raise ValidationFailed(errors)
        self.set_many({"role": role, "code": code, "name": name, "township": township.strip()})
        for person in staff or []:
            self.add_staff(person)
        return self.identity()

    def staff(self, active_only: bool = True) -> list[str]:
        with self.db.session() as s:
            stmt = select(Staff.name).where(Staff.deleted_at.is_(None)).order_by(Staff.created_at)
            if active_only:
                stmt = stmt.where(Staff.active.is_(True))
            return list(s.scalars(stmt))

    def add_staff(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        if len(name) > 50:
            raise ValidationFailed({"staff": msg(CTX, QT_TRANSLATE_NOOP("Setup", "A name has at most 50 characters."))})
        code = self.get("code", "")
        with self.db.session() as s, s.begin():
            exists = s.scalar(select(Staff).where(Staff.name == name, Staff.deleted_at.is_(None)))
            if exists is None:
                s.add(Staff(name=name, station_code=code))
