"""待办: what is waiting to be done, for the overview's to-do panel (no Qt here).

Station: visits still being followed up (跟进中) whose 回访日期 is today or past; this month's
sync bundle not yet exported; exported bundles whose county receipt (回执, in a reference
bundle) has not been loaded. County: listed stations expected to send a monthly bundle from
which none has arrived this month. Each item names what it counts (``target``) so the window
opens exactly those records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..domain.permissions import Perm
from ..storage import models as M
from ..storage.sync_models import BundleExport

CTX = "Todo"


@dataclass(frozen=True)
class Todo:
    """One line of the 待办 panel: how many, what it says, what it opens."""

    key: str  # follow_ups | bundle_not_exported | receipts_missing | bundle_not_received
    count: int
    text: Message
    target: str  # follow_ups | export | export_history | stations
    codes: tuple[str, ...] = ()  # bundle_not_received: the stations' codes


class TodoService:
    def __init__(self, desk):
        self.desk = desk

    def follow_ups_due(self, today: dt.date) -> int:
        t = M.Visit.__table__.c
        with self.desk.db.engine.connect() as conn:
            return conn.execute(select(func.count()).where(
                t.deleted_at.is_(None), t.status == "following",
                t.follow_up_on <= today)).scalar_one()

    def items(self, today: dt.date | None = None) -> list[Todo]:
        """Every to-do with a count above zero (an empty list: nothing to do)."""
        self.desk.session.require(Perm.READ)
        today = today or dt.date.today()
        first = today.replace(day=1)
        identity = self.desk.identity
        out: list[Todo] = []
        if identity is not None and identity.is_tier:
            from .county import CountyService

            waiting = [r.code for r in CountyService(self.desk).stations(today)
                       if r.listed and r.monthly_expected and not r.received_since(first)]
            if waiting:
                out.append(Todo("bundle_not_received", len(waiting), msg(CTX, QT_TRANSLATE_NOOP(
                    "Todo", "{n} station(s) have not sent this month's bundle yet: {codes}"),
                    n=len(waiting), codes="、".join(waiting[:12])
                    + ("…" if len(waiting) > 12 else "")), "stations", tuple(waiting)))
            return out
        due = self.follow_ups_due(today)
        if due:
            out.append(Todo("follow_ups", due, msg(CTX, QT_TRANSLATE_NOOP(
                "Todo", "{n} visit(s) being followed up are due for a return visit"), n=due),
                "follow_ups"))
        with self.desk.db.session() as s:
            exported = s.scalar(select(func.count()).select_from(BundleExport).where(
                BundleExport.created_at >= dt.datetime.combine(first, dt.time())))
            unconfirmed = s.scalar(select(func.count()).select_from(BundleExport).where(
                BundleExport.confirmed_at.is_(None)))
        if not exported:
            out.append(Todo("bundle_not_exported", 1, msg(CTX, QT_TRANSLATE_NOOP(
                "Todo", "This month's sync bundle for the county has not been exported yet"),
                ), "export"))
        if unconfirmed:
            out.append(Todo("receipts_missing", unconfirmed, msg(CTX, QT_TRANSLATE_NOOP(
                "Todo", "{n} exported bundle(s) have no county receipt loaded yet"),
                n=unconfirmed), "export_history"))
        return out
