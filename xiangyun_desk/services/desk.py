"""The services of one data directory, passed to the UI and the CLI (no global state)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select

from ..domain.errors import DomainError, ValidationFailed
from ..domain.fields import Field, Kind, clean_value
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.money import format_yuan
from ..domain.permissions import SYSTEM, Perm, Principal
from ..storage.db import BACKUP_DIRNAME, KEYS_DIRNAME, Database, open_database
from ..storage.files import clean_at_start, set_journal
from ..storage.models import CodeItem, ReliefVisit
from ..storage.sync_models import PENDING_EXPORT_SETTING
from . import specs
from .accounts import AccountService
from .audit import AuditedBackupService, AuditService, RecordGuard, SessionState
from .backup import secure_data_dir
from .people import PeopleService
from .registers import RegisterService
from .settings import SettingsService

# Relief visits: above this amount per visit (cash plus goods value) the form asks "is this amount
# right?" before saving; the station head can change it. A confirmation, never a block. (Not the
# import's sanity ceiling for absurd amounts, which refuses: that one is in the domain.)
RELIEF_CONFIRM_ABOVE_KEY = "relief_confirm_above_fen"
RELIEF_CONFIRM_ABOVE_DEFAULT_FEN = 500_000  # 5,000 元


class Desk:
    """Everything the application does with one data directory.

    ``user`` is who acts (services/accounts.py): by default the trusted in-process system (the
    CLI, scripts, tests), which has every permission; the window's ``run()`` signs out at once
    and asks for a sign-in, and None means nobody is signed in (every service refuses).
    """

    def __init__(self, data_dir: Path, db: Database | None = None,
                 user: Principal | None = SYSTEM):
        self.data_dir = Path(data_dir)
        self.db = db or open_database(self.data_dir)
        secure_data_dir(self.data_dir)
        self.session = SessionState(user)
        self.audit = AuditService(self.db, self.session)
        self.accounts = AccountService(self.db, self.session, self.audit)
        self.backups = AuditedBackupService(self.db, self.data_dir, self.session, self.audit)
        self.settings = SettingsService(self.db)
        self._code = self.settings.get("code", "") or ""
        code = lambda: self._code  # noqa: E731 - refreshed after set-up
        guard = RecordGuard(self.session, self.audit)
        self.registers: dict[str, RegisterService] = {
            spec.key: RegisterService(self.db, spec, code, guard) for spec in specs.ALL_SPECS
        }
        self.people = PeopleService(self)
        if self.settings.get(PENDING_EXPORT_SETTING):  # a crash while a bundle took its name
            from .bundles.export import recover_pending_export

            recover_pending_export(self)
        # What killed writes left (after the recovery above, which may finish one of them).
        clean_at_start(self.data_dir, (BACKUP_DIRNAME, KEYS_DIRNAME))
        set_journal(self.data_dir)

    # Named access for readability at call sites.
    @property
    def visits(self) -> RegisterService:
        return self.registers["visits"]

    @property
    def relief(self) -> RegisterService:
        return self.registers["relief"]

    @property
    def fairs(self) -> RegisterService:
        return self.registers["fairs"]

    @property
    def employers(self) -> RegisterService:
        return self.registers["employers"]

    @property
    def seekers(self) -> RegisterService:
        return self.registers["seekers"]

    @property
    def intentions(self) -> RegisterService:
        return self.registers["intentions"]

    @property
    def volunteers(self) -> RegisterService:
        return self.registers["volunteers"]

    @property
    def service_records(self) -> RegisterService:
        return self.registers["service_records"]

    def initialize(self, role: str, code: str, name: str, township: str = "",
                   staff: list[str] | None = None, county_card: bytes | None = None):
        """First-run set-up (see SettingsService.initialize): the identity, the staff, the key
        pairs of the role (sync bundles) and, for a station, the county's key card when given
        (checked before anything is stored; recorded in the audit log)."""
        from .bundles.keys import KeyCard, ensure_keys, store_county_card

        if county_card is not None and role != "station":
            raise ValueError("only a station loads the county's key card")
        card = KeyCard.parse(county_card) if county_card is not None else None
        identity = self.settings.initialize(role, code, name, township, staff)
        self._code = identity.code
        ensure_keys(self)
        if card is not None:
            store_county_card(self, card, at_setup=True)
        return identity

    @property
    def identity(self):
        return self.settings.identity()

    def code_list(self, list_name: str, include_inactive: bool = False) -> list[CodeItem]:
        """The live entries of a code list, in display order."""
        with self.db.session() as s:
            stmt = select(CodeItem).where(CodeItem.list_name == list_name)
            if not include_inactive:
                stmt = stmt.where(CodeItem.active.is_(True))
            return list(s.scalars(stmt.order_by(CodeItem.sort_order)))

    def code_labels(self, lang: str = "zh") -> dict[str, dict[str, str]]:
        """Every code list as {list: {code: label}} (inactive codes included, for old records)."""
        labels: dict[str, dict[str, str]] = {}
        with self.db.session() as s:
            for item in s.scalars(select(CodeItem).order_by(CodeItem.sort_order)):
                labels.setdefault(item.list_name, {})[item.code] = (
                    item.label_zh if lang == "zh" else item.label_en)
        return labels

    def relief_duplicates(self, raw: dict[str, Any], exclude_id: str | None = None) -> list[dict]:
        """Earlier visits to the same person in the same campaign and year (a warning, not a block).

        The same person is the same ID number, or (without one) the same name and phone.
        """
        campaign = raw.get("campaign")
        when = raw.get("visit_date")
        name = (raw.get("name") or "").strip()
        if not campaign or not when or not name:
            return []
        if not isinstance(when, dt.date):
            try:  # the same date parsing the form's validation uses (2026/01/20, 2026.1.20 ...)
                when = clean_value(Field("visit_date", Kind.DATE, latest_days=None), when)
            except DomainError:
                return []
        id_number = "".join(str(raw.get("id_number") or "").split()).upper()
        phone = "".join(ch for ch in str(raw.get("phone") or "") if ch.isdigit())
        t = ReliefVisit
        who = []
        if id_number:
            who.append(t.id_number == id_number)
        if phone:
            who.append(and_(t.name == name, t.phone_norm.like(f"%{phone[-7:]}%")))
        if not who:
            who.append(and_(t.name == name, t.id_number.is_(None), t.phone_norm.is_(None)))
        stmt = select(t.id, t.name, t.visit_date, t.station_code, t.campaign, t.cash_fen,
                      t.goods_value_fen).order_by(t.visit_date).where(
            t.deleted_at.is_(None), t.campaign == campaign,
            t.visit_date >= dt.date(when.year, 1, 1), t.visit_date <= dt.date(when.year, 12, 31),
            or_(*who))
        if exclude_id:
            stmt = stmt.where(t.id != exclude_id)
        with self.db.session() as s:
            return [dict(r._mapping) for r in s.execute(stmt)]

    def relief_confirm_above_fen(self) -> int:
        """The per-visit amount (fen) above which the relief form asks for a confirmation."""
        value = self.settings.get(RELIEF_CONFIRM_ABOVE_KEY)
        try:
            fen = int(value) if value is not None else RELIEF_CONFIRM_ABOVE_DEFAULT_FEN
        except ValueError:
            fen = RELIEF_CONFIRM_ABOVE_DEFAULT_FEN
        return fen if fen > 0 else RELIEF_CONFIRM_ABOVE_DEFAULT_FEN

    def set_relief_confirm_above_fen(self, fen: int) -> None:
        """The station head sets the confirmation amount (recorded in the audit log)."""
        self.session.require(Perm.ADMIN)
        fen = int(fen)
        if not 100 <= fen <= 100_000_000:
            raise ValidationFailed({"relief_confirm_above": msg("Setup", QT_TRANSLATE_NOOP(
                "Setup", "Choose an amount between {low} and {high} yuan."),
                low=format_yuan(100), high=format_yuan(100_000_000))})
        old = self.relief_confirm_above_fen()
        self.settings.set_many({RELIEF_CONFIRM_ABOVE_KEY: str(fen)})
        if old != fen:
            self.audit.record("settings", None, None,
                              {"changes": {RELIEF_CONFIRM_ABOVE_KEY: [old, fen]}})

    def add_staff(self, name: str) -> None:
        """The station head adds a name to the "staff on duty" list (the window's 设置 menu)."""
        self.session.require(Perm.ADMIN)
        self.settings.add_staff(name)

    def relief_amount_fen(self, raw: dict[str, Any]) -> int | None:
        """Cash plus goods value of a relief form's raw values (None when not readable)."""
        total = 0
        for name in ("cash_fen", "goods_value_fen"):
            value = raw.get(name)
            if value in (None, ""):
                continue
            try:
                total += clean_value(Field(name, Kind.MONEY), value) or 0
            except DomainError:
                return None
        return total

    def close(self) -> None:
        self.db.dispose()
