"""台账: every record of one register in a period, with columns suited to it and a totals row.

ID numbers and phones are masked unless the report is made with ``full=True``. Totals equal
StatsService for the same period (tests check it to the fen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from ...storage import models as M
from ..definitions import format_number as N
from ..stats import StatsService
from . import texts as T
from .common import Ctx, date_text, hours, yuan
from .layout import (
    S_DATE,
    S_DATETIME,
    S_ID,
    S_MONEY,
    S_PHONE,
    S_SEQ,
    S_SMALL,
    Column,
    column_widths,
    data_table,
    no_records,
    title_block,
    totals_box,
)


@dataclass
class Totals:
    """Running totals of the rows printed."""

    rows: int = 0
    fen: int = 0
    goods_fen: int = 0
    people: int = 0
    half_hours: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LedgerDef:
    register: str
    landscape: bool
    columns: tuple[Column, ...]
    query: Callable[[Ctx], Select]
    row: Callable[[Ctx, dict, Totals], list[Any]]
    total: Callable[[Ctx, Totals], str]
    personal: bool = True  # has ID numbers or phones (masked unless full)


SEQ = Column("seq", align="center", max_chars=None, sample=S_SEQ)
GENDER = Column("gender", align="center", sample="未填")
PHONE = Column("phone", align="center", sample=S_PHONE)
ID = Column("id_number", align="center", sample=S_ID)


# ---- 来访登记 --------------------

def _visits_query(ctx: Ctx) -> Select:
    t = M.Visit.__table__.c
    return (select(t.visited_at, t.name, t.gender, t.phone, t.id_number, t.employer, t.purpose,
                   t.party_size, t.summary, t.status, t.staff)
            .where(t.deleted_at.is_(None), *ctx.period.stats_period().on_datetime(t.visited_at))
            .order_by(t.visited_at, t.name))


def _visits_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    tot.rows += 1
    tot.people += int(r["party_size"] or 0)
    return [str(tot.rows), date_text(r["visited_at"], with_time=True), r["name"],
            ctx.label("gender", r["gender"]), ctx.phone(r["phone"]),
            ctx.id_number(r["id_number"]), r["employer"], ctx.label("visit_purpose", r["purpose"]),
            str(r["party_size"] or ""), r["summary"], ctx.label("visit_status", r["status"]),
            r["staff"]]


VISITS = LedgerDef(
    "visits", True,
    (SEQ, Column("visited_at", align="center", sample=S_DATETIME), Column("name", 0.9), GENDER,
     PHONE, ID, Column("employer", 2.3), Column("purpose", align="center", sample="法律咨询"),
     Column("party_size", align="right", sample=S_SMALL), Column("summary", 3.7, max_chars=150),
     Column("status", align="center", sample="已办结"),
     Column("staff", align="center", sample="王建国")),
    _visits_query, _visits_row,
    lambda ctx, tot: T.LEDGER_TOTAL_VISITS.format(visits=N(tot.rows), people=N(tot.people)),
)


# ---- 慰问走访 --------------------

def _relief_query(ctx: Ctx) -> Select:
    t = M.ReliefVisit.__table__.c
    return (select(t.visit_date, t.campaign, t.name, t.gender, t.category, t.id_number, t.phone,
                   t.employer, t.cash_fen, t.goods, t.goods_value_fen, t.visitors)
            .where(t.deleted_at.is_(None), *ctx.period.stats_period().on(t.visit_date))
            .order_by(t.visit_date, t.campaign, t.name))


def _relief_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    tot.rows += 1
    tot.fen += int(r["cash_fen"] or 0)
    tot.goods_fen += int(r["goods_value_fen"] or 0)
    return [str(tot.rows), date_text(r["visit_date"]), ctx.label("campaign", r["campaign"]),
            r["name"], ctx.label("gender", r["gender"]),
            ctx.label("recipient_category", r["category"]), ctx.id_number(r["id_number"]),
            ctx.phone(r["phone"]), r["employer"], yuan(r["cash_fen"]), r["goods"],
            yuan(r["goods_value_fen"]) if r["goods_value_fen"] else "", r["visitors"]]


def _relief_total(ctx: Ctx, tot: Totals) -> str:
    people = StatsService(ctx.desk.db).compute(ctx.period.stats_period())["condolence"]["people"]
    return T.LEDGER_TOTAL_RELIEF.format(visits=N(tot.rows), people=N(people),
                                        cash=N(yuan(tot.fen), "money"),
                                        goods=N(yuan(tot.goods_fen), "money"))


RELIEF = LedgerDef(
    "relief", True,
    (SEQ, Column("visit_date", align="center", sample=S_DATE),
     Column("campaign", align="center", sample="春节送温暖"), Column("name", 1.0), GENDER,
     Column("category", align="center", sample="困难职工"), ID, PHONE, Column("employer", 1.7),
     Column("cash", align="right", sample=S_MONEY), Column("goods", 1.5),
     Column("goods_value", align="right", sample=S_MONEY), Column("visitors", 1.8)),
    _relief_query, _relief_row, _relief_total,
)


# ---- 招聘会 --------------------

def _fairs_query(ctx: Ctx) -> Select:
    t = M.JobFair.__table__.c
    return (select(t.id, t.held_on, t.name, t.place, t.organiser, t.source)
            .where(t.deleted_at.is_(None), *ctx.period.stats_period().on(t.held_on))
            .order_by(t.held_on, t.name))


def _fairs_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    if "by_event" not in tot.extra:
        tot.extra["by_event"] = StatsService(ctx.desk.db).compute(
            ctx.period.stats_period())["job_fairs"]["by_event"]
    x = tot.extra["by_event"].get(r["id"], {})
    tot.rows += 1
    for key in ("employers", "positions", "seekers", "intentions"):
        tot.extra[key] = tot.extra.get(key, 0) + int(x.get(key, 0))
    name = r["name"] + (T.FAIR_SOURCE_COUNTY if r["source"] == "county" else "")
    return [str(tot.rows), date_text(r["held_on"]), name, r["place"], r["organiser"],
            str(x.get("employers", 0)), str(x.get("positions", 0)), str(x.get("seekers", 0)),
            str(x.get("intentions", 0))]


FAIRS = LedgerDef(
    "fairs", False,
    (SEQ, Column("held_on", align="center", sample=S_DATE), Column("fair_name", 3.0),
     Column("place", 2.2), Column("organiser", 1.8),
     *(Column(k, align="right", sample="00000") for k in
       ("employers", "positions", "seekers", "intentions"))),
    _fairs_query, _fairs_row,
    lambda ctx, tot: T.LEDGER_TOTAL_FAIRS.format(
        events=N(tot.rows), **{k: N(tot.extra.get(k, 0)) for k in
                            ("employers", "positions", "seekers", "intentions")}),
    personal=False,
)


# ---- 求职者 --------------------

def _seekers_query(ctx: Ctx) -> Select:
    s = M.JobSeeker.__table__.c
    f = M.JobFair.__table__.c
    i = M.Intention.__table__.c
    e = M.FairEmployer.__table__.c
    intentions = (select(func.count()).where(
        i.seeker_id == s.id, i.deleted_at.is_(None),
        i.employer_id.in_(select(e.id).where(e.deleted_at.is_(None))))
        .correlate(M.JobSeeker.__table__).scalar_subquery())
    return (select(f.name.label("fair_name"), f.held_on, s.name, s.gender, s.birth_year, s.phone,
                   s.id_number, s.education, s.household, s.poverty_relief, s.desired_job,
                   intentions.label("intentions"))
            .join(M.JobFair.__table__, f.id == s.fair_id)
            .where(s.deleted_at.is_(None), f.deleted_at.is_(None),
                   *ctx.period.stats_period().on(f.held_on))
            .order_by(f.held_on, f.name, s.created_at, s.name))


def _seekers_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    tot.rows += 1
    if r["intentions"]:
        tot.people += 1
    return [str(tot.rows), f"{date_text(r['held_on'])} {r['fair_name']}", r["name"],
            ctx.label("gender", r["gender"]), str(r["birth_year"] or ""), ctx.phone(r["phone"]),
            ctx.id_number(r["id_number"]), ctx.label("education", r["education"]),
            ctx.label("household", r["household"]), T.YES if r["poverty_relief"] else T.NO,
            r["desired_job"], str(r["intentions"] or 0)]


SEEKERS = LedgerDef(
    "seekers", True,
    (SEQ, Column("fair_name", 3.0), Column("name", 1.3), GENDER,
     Column("birth_year", align="center", sample="0000"), PHONE, ID,
     Column("education", align="center", sample="小学及以下"),
     Column("household", align="center", sample="农村"),
     Column("poverty_relief", align="center", sample="否"), Column("desired_job", 1.8),
     Column("seeker_intentions", align="right", sample=S_SMALL)),
    _seekers_query, _seekers_row,
    lambda ctx, tot: T.LEDGER_TOTAL_SEEKERS.format(seekers=N(tot.rows)),
)


# ---- 志愿者 --------------------

def _volunteers_query(ctx: Ctx) -> Select:
    v = M.Volunteer.__table__.c
    r = M.ServiceRecord.__table__.c
    period = ctx.period.stats_period()

    def served(*conds):
        return (select(func.coalesce(func.sum(r.half_hours), 0))
                .where(r.volunteer_id == v.id, r.deleted_at.is_(None), *conds)
                .correlate(M.Volunteer.__table__).scalar_subquery())

    in_period = served(*period.on(r.served_on))
    to_end = served(r.served_on <= ctx.period.end)
    joined = or_(v.joined_on.is_(None), v.joined_on <= ctx.period.end)
    return (select(v.name, v.gender, v.phone, v.id_number, v.employer, v.skills, v.availability,
                   v.joined_on, v.status, in_period.label("period_hh"), to_end.label("total_hh"))
            .where(v.deleted_at.is_(None), or_(joined, in_period > 0))
            .order_by(v.joined_on, v.created_at, v.name))


def _volunteers_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    tot.rows += 1
    tot.half_hours += int(r["period_hh"] or 0)
    joined_by_end = r["joined_on"] is None or r["joined_on"] <= ctx.period.end
    if r["status"] == "active" and joined_by_end:
        tot.people += 1
    return [str(tot.rows), r["name"], ctx.label("gender", r["gender"]), ctx.phone(r["phone"]),
            ctx.id_number(r["id_number"]), r["employer"], ctx.labels_of("skill", r["skills"]),
            r["availability"], date_text(r["joined_on"]),
            ctx.label("volunteer_status", r["status"]), hours(r["period_hh"]),
            hours(r["total_hh"])]


VOLUNTEERS = LedgerDef(
    "volunteers", True,
    (SEQ, Column("name", 1.3), GENDER, PHONE, ID, Column("employer", 2.2), Column("skills", 2.2),
     Column("availability", 1.3), Column("joined_on", align="center", sample=S_DATE),
     Column("vol_status", align="center", sample="在册"),
     Column("hours_period", align="right", sample="0000.0"),
     Column("hours_total", align="right", sample="0000.0")),
    _volunteers_query, _volunteers_row,
    lambda ctx, tot: T.LEDGER_TOTAL_VOLUNTEERS.format(
        count=N(tot.rows), registered=N(tot.people), hours=N(hours(tot.half_hours), "hours")),
    personal=False,
)


# ---- 志愿服务记录 --------------------

def _service_query(ctx: Ctx) -> Select:
    r = M.ServiceRecord.__table__.c
    v = M.Volunteer.__table__.c
    return (select(r.served_on, v.name, r.volunteer_id, r.activity, r.half_hours)
            .join(M.Volunteer.__table__, v.id == r.volunteer_id)
            .where(and_(r.deleted_at.is_(None), v.deleted_at.is_(None)),
                   *ctx.period.stats_period().on(r.served_on))
            .order_by(r.served_on, v.name))


def _service_row(ctx: Ctx, r: dict, tot: Totals) -> list:
    tot.rows += 1
    tot.half_hours += int(r["half_hours"] or 0)
    tot.extra.setdefault("volunteers", set()).add(r["volunteer_id"])
    return [str(tot.rows), date_text(r["served_on"]), r["name"], r["activity"],
            hours(r["half_hours"])]


SERVICE_RECORDS = LedgerDef(
    "service_records", False,
    (SEQ, Column("served_on", align="center", sample=S_DATE), Column("volunteer", 1.6),
     Column("activity", 5.0), Column("hours", align="right", sample="000.0")),
    _service_query, _service_row,
    lambda ctx, tot: T.LEDGER_TOTAL_SERVICE.format(
        records=N(tot.rows), people=N(len(tot.extra.get("volunteers", ()))),
        hours=N(hours(tot.half_hours), "hours")),
    personal=False,
)


LEDGERS: dict[str, LedgerDef] = {d.register: d for d in (
    VISITS, RELIEF, FAIRS, SEEKERS, VOLUNTEERS, SERVICE_RECORDS)}


def build(ctx: Ctx, register: str) -> list:
    ledger = LEDGERS[register]
    cells = ctx.cells
    widths = column_widths(cells, ctx.width, ledger.columns)
    plan = list(zip(ledger.columns, widths, strict=False))
    tot = Totals()
    body: list[list[Any]] = []
    for record in ctx.fetch(ledger.query(ctx), 0.0, 0.3):
        values = ledger.row(ctx, record, tot)
        body.append([cells(value, w, col.align, col.max_chars)
                     for value, (col, w) in zip(values, plan, strict=False)])
    extra = [T.CONFIDENTIAL_FULL if ctx.full else T.MASKED_NOTE] if ledger.personal else []
    story = title_block(ctx.fonts, ctx.styles, ctx.meta, extra=extra)
    if not body:
        return story + no_records(ctx.fonts, ctx.styles)
    story.append(data_table(ctx.fonts, ctx.styles, [c.header for c in ledger.columns], body,
                            widths, [c.align for c in ledger.columns]))
    story.append(totals_box(ctx.fonts, ctx.styles, [ledger.total(ctx, tot)], sum(widths)))
    return story
