"""Headline figures per register for a period — the numbers of 概览, `stats` and the reports.

What each figure means (统计口径) and its Chinese name are in :mod:`.definitions` (one table for
the window, the PDFs and docs/statistics.md). In short:
- visitors.batches (接待批次): registrations; visitors.person_times (来访人次): sum of party sizes.
- condolence.person_times (慰问人次): relief records; condolence.people (慰问人数): distinct
  recipients (by ID number, otherwise name + phone); cash and goods value summed exactly in fen.
- job_fairs: fairs held in the period; positions = sum offered by their employers; seekers =
  people registered at them; intentions = seekers with at least one intention.
- volunteers.registered (在册): on the roster at the end of the period; serving (参与服务):
  distinct volunteers with service in the period whatever their status now; service_hours.
Deleted records never count.

The figures are read from summary tables kept current at every write and import
(storage/summary.py) — a second at 10,000,000 records instead of a scan of every record;
``StatsService(db, summaries=False)`` recounts from the records (the property test compares
the two). People of a period that is not a calendar month or year are counted from the records. The old keys visitors.visits / visitors.people /
condolence.visits / volunteers.active stay with their old meaning until
definitions.DEPRECATED_REMOVAL.

``station`` narrows every figure to one station's own records (the county's per-station table):
visits, relief, employers and seekers by their station code, fairs by the station that held
them, intentions and service by the seeker's / volunteer's station, so every additive figure of
the stations adds up to the county's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case, distinct, func, literal, select

from ..domain.money import format_hours, format_yuan
from ..storage import models as M
from ..storage import summary as S
from ..storage.sums import exact_sum
from ..storage.db import Database


@dataclass(frozen=True)
class Period:
    """An inclusive date range; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def month_of(cls, day: dt.date) -> Period:
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return cls(first, nxt - dt.timedelta(days=1))

    @classmethod
    def year_of(cls, day: dt.date) -> Period:
        return cls(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))

    @classmethod
    def months_back(cls, day: dt.date, count: int) -> list[Period]:
        """The ``count`` calendar months ending with the month of ``day``, oldest first."""
        out = []
        first = day.replace(day=1)
        for _ in range(count):
            out.append(cls.month_of(first))
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return out[::-1]

    def year_to_date(self) -> Period:
        """1 January of the end's year to the end (本年累计)."""
        return Period(dt.date(self.end.year, 1, 1), self.end)

    def on(self, column):
        """Conditions for a DATE column."""
        conds = []
        if self.start:
            conds.append(column >= self.start)
        if self.end:
            conds.append(column <= self.end)
        return conds

    def on_datetime(self, column):
        """Conditions for a DATETIME column (the end day is included whole)."""
        conds = []
        if self.start:
            conds.append(column >= dt.datetime.combine(self.start, dt.time()))
        if self.end:
            conds.append(column < dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time()))
        return conds


def _person_key(t):
    """Who a relief recipient is: the ID number, or the name and phone."""
    return case((t.id_number.is_not(None), t.id_number),
                else_=t.name + literal("|") + func.coalesce(t.phone_norm, ""))


class StatsService:
    """Computes the figures of :func:`compute` for a period."""

    def __init__(self, db: Database, summaries: bool = True):
        self.db = db
        self.summaries = summaries
        self._pre: S.Prefetch | None = None  # compute_each: the summaries read once

    def compute_each(self, period: Period, stations) -> dict[str, dict[str, Any]]:
        """``compute(period, station)`` of every station (the county's per-station table), the
        summaries read once for all stations instead of a dozen statements per station."""
        if not self.summaries:
            return {code: self.compute(period, code) for code in stations}
        S.catch_up(self.db.engine)
        f = M.JobFair.__table__.c
        with self.db.engine.connect() as conn:
            self._pre = S.Prefetch(conn, period.start, period.end, select(f.id).where(
                f.deleted_at.is_(None), *period.on(f.held_on)))
        try:
            return {code: self.compute(period, code) for code in stations}
        finally:
            self._pre = None

    def _sums(self, conn, register: str, period: Period, station: str | None):
        if self._pre is not None and station is not None:
            return self._pre.sums[register].get(station, {})
        return S.period_sums(conn, register, period.start, period.end, station)

    def _people(self, conn, register: str, named: str, station: str | None) -> dict[str, int]:
        if self._pre is not None and self._pre.people is not None and station is not None:
            return self._pre.people.get(register, {}).get(station, {})
        return S.people(conn, register, named, station)

    def compute(self, period: Period = Period(), station: str | None = None) -> dict[str, Any]:
        """The figures of ``period`` (all stations, or one ``station``'s own records)."""
        if self.summaries and self._pre is None:
            S.catch_up(self.db.engine)
        with self.db.engine.connect() as conn:
            doc = {
                "period": {"from": period.start.isoformat() if period.start else None,
                           "to": period.end.isoformat() if period.end else None},
                "visitors": self._visitors(conn, period, station),
                "condolence": self._condolence(conn, period, station),
                "job_fairs": self._job_fairs(conn, period, station),
                "volunteers": self._volunteers(conn, period, station),
            }
        if station is not None:
            doc["station"] = station
        return doc

    def months(self, periods: list[Period], station: str | None = None) -> list[dict[str, Any]]:
        """The figures of each period (the months of a chart), in order."""
        return [self.compute(p, station) for p in periods]

    SERIES_KEYS = ("visitors.person_times", "condolence.person_times", "job_fairs.seekers",
                   "volunteers.service_hours")

    def series(self, periods: list[Period], station: str | None = None
               ) -> dict[str, list[Decimal]]:
        """The chart figures (:data:`SERIES_KEYS`, the overview's 12 months) of each bounded
        period, far cheaper than :meth:`months`: the additive sums only (summary tables when
        on, else one grouped query per figure). Equal to ``compute(period)`` for each period
        (tests/ui/test_ui_overview_figures.py checks the charts against it)."""
        out: dict[str, list[Decimal]] = {k: [] for k in self.SERIES_KEYS}
        if self.summaries:
            S.catch_up(self.db.engine)
        whole = all(p.start and p.end and p.start.day == 1
                    and p.end == Period.month_of(p.start).end for p in periods)
        with self.db.engine.connect() as conn:
            seekers = self._seekers_by_period(conn, periods, station)
            monthly = self._month_sums(conn, periods, station) \
                if self.summaries and whole and periods else None
            for i, p in enumerate(periods):
                if monthly is not None:  # calendar months: one read of stats_month
                    key = f"{p.start.year:04d}-{p.start.month:02d}"
                    visits = monthly.get(("visit", key), (0, 0))[1]
                    relief = monthly.get(("relief", key), (0, 0))[0]
                    half = monthly.get(("service", key), (0, 0))[1]
                elif self.summaries:
                    visits = S.totals(S.period_sums(conn, "visit", p.start, p.end, station),
                                      "visit")[1]
                    relief = S.totals(S.period_sums(conn, "relief", p.start, p.end, station),
                                      "relief")[0]
                    half = S.totals(S.period_sums(conn, "service", p.start, p.end, station),
                                    "service")[1]
                else:
                    visits = self._visitors(conn, p, station)["person_times"]
                    relief = self._relief_count(conn, p, station)
                    half = self._half_hours(conn, p, station)
                out["visitors.person_times"].append(Decimal(int(visits)))
                out["condolence.person_times"].append(Decimal(int(relief)))
                out["job_fairs.seekers"].append(Decimal(seekers[i]))
                out["volunteers.service_hours"].append(Decimal(format_hours(int(half))))
        return out

    @staticmethod
    def _month_sums(conn, periods: list[Period], station: str | None
                    ) -> dict[tuple[str, str], tuple[int, int]]:
        """{(register, "YYYY-MM"): (rows, s1)} from stats_month, one dim family per register
        (each record counted once), for the months of ``periods``."""
        m = S.stats_month.c
        keys = [f"{p.start.year:04d}-{p.start.month:02d}" for p in periods]
        conds = [m.month >= min(keys), m.month <= max(keys),
                 ((m.register == "visit") & m.dim.like(S.TOTAL_DIM["visit"] + "%"))
                 | ((m.register == "relief") & m.dim.like(S.TOTAL_DIM["relief"] + "%"))
                 | ((m.register == "service") & (m.dim == S.TOTAL_DIM["service"]))]
        if station is not None:
            conds.append(m.station_code == station)
        return {(reg, month): (int(n or 0), int(s1 or 0)) for reg, month, n, s1 in conn.execute(
            select(m.register, m.month, func.sum(m.n), func.sum(m.s1)).where(*conds)
            .group_by(m.register, m.month))}

    def _relief_count(self, conn, period: Period, station: str | None) -> int:
        t = M.ReliefVisit.__table__.c
        where = [t.deleted_at.is_(None), *period.on(t.visit_date)]
        if station is not None:
            where.append(t.station_code == station)
        return conn.execute(select(func.count()).where(*where)).scalar_one()

    def _half_hours(self, conn, period: Period, station: str | None) -> int:
        v = M.Volunteer.__table__.c
        r = M.ServiceRecord.__table__.c
        mine = [] if station is None else [v.station_code == station]
        live = select(v.id).where(v.deleted_at.is_(None), *mine)
        return int(conn.execute(select(func.coalesce(func.sum(r.half_hours), 0)).where(
            r.deleted_at.is_(None), r.volunteer_id.in_(live), *period.on(r.served_on)))
            .scalar_one())

    def _seekers_by_period(self, conn, periods: list[Period], station: str | None) -> list[int]:
        """Live seekers at the live fairs held in each period (one query for all periods)."""
        f = M.JobFair.__table__.c
        sk = M.JobSeeker.__table__.c
        first = min(p.start for p in periods) if periods else None
        last = max(p.end for p in periods) if periods else None
        where = [sk.deleted_at.is_(None), f.deleted_at.is_(None), f.id == sk.fair_id,
                 *Period(first, last).on(f.held_on)]
        if station is not None:
            where.append(sk.station_code == station)
        counts = [0] * len(periods)
        for held_on, n in conn.execute(select(f.held_on, func.count()).where(*where)
                                       .group_by(f.held_on)):
            for i, p in enumerate(periods):
                if p.start <= held_on <= p.end:
                    counts[i] += n
        return counts

    def _visitors(self, conn, period: Period, station: str | None = None) -> dict[str, Any]:
        t = M.Visit.__table__.c
        where = [t.deleted_at.is_(None), *period.on_datetime(t.visited_at)]
        if station is not None:
            where.append(t.station_code == station)
        if self.summaries:
            sums = self._sums(conn, "visit", period, station)
            visits, people, _ = S.totals(sums, "visit")
            by_purpose = {k: v[0] for k, v in S.by_dim(sums, "p:").items()}
            by_status = {k: v[0] for k, v in S.by_dim(sums, "s:").items()}
        else:
            visits, people = conn.execute(select(
                func.count(), exact_sum(t.party_size)).where(*where)).one()
            by_purpose = dict(conn.execute(
                select(t.purpose, func.count()).where(*where).group_by(t.purpose)).all())
            by_status = dict(conn.execute(
                select(t.status, func.count()).where(*where).group_by(t.status)).all())
        # visits/people: the old keys (same numbers), kept until definitions.DEPRECATED_REMOVAL.
        return {"batches": visits, "person_times": int(people),
                "visits": visits, "people": int(people), "by_purpose": by_purpose,
                "by_status": by_status}

    def _condolence(self, conn, period: Period, station: str | None = None) -> dict[str, Any]:
        t = M.ReliefVisit.__table__.c
        where = [t.deleted_at.is_(None), *period.on(t.visit_date)]
        if station is not None:
            where.append(t.station_code == station)
        key = _person_key(t)
        cols = (func.count(), func.count(distinct(key)), exact_sum(t.cash_fen),
                exact_sum(t.goods_value_fen))
        if self.summaries:  # sums per day/month; people per calendar month or year
            sums = self._sums(conn, "relief", period, station)
            visits, cash, goods = S.totals(sums, "relief")
            named = S.people_period(period.start, period.end)
            if named is not None:
                ppl = self._people(conn, "relief", named, station)
            else:  # another period: distinct people from the records
                ppl = {"": conn.execute(select(func.count(distinct(key))).where(*where)).scalar()}
                for prefix, column in (("c:", t.campaign), ("k:", t.category)):
                    ppl.update((prefix + code, n) for code, n in conn.execute(
                        select(column, func.count(distinct(key))).where(*where)
                        .group_by(column)))
            people = ppl.get("", 0)

        def breakdown(column):
            if self.summaries:
                prefix = "c:" if column is t.campaign else "k:"
                return {code: {"person_times": v, "visits": v,
                               "people": ppl.get(prefix + code, 0), "cash_yuan": format_yuan(c),
                               "goods_value_yuan": format_yuan(g)}
                        for code, (v, c, g) in S.by_dim(sums, prefix).items()}
            rows = conn.execute(select(column, *cols).where(*where).group_by(column)).all()
            return {code: {"person_times": v, "visits": v, "people": p, "cash_yuan": format_yuan(c),
                           "goods_value_yuan": format_yuan(g)} for code, v, p, c, g in rows}

        if not self.summaries:
            visits, people, cash, goods = conn.execute(select(*cols).where(*where)).one()

        return {"person_times": visits, "visits": visits, "people": people,
                "cash_yuan": format_yuan(cash),
                "goods_value_yuan": format_yuan(goods), "by_campaign": breakdown(t.campaign),
                "by_category": breakdown(t.category)}

    def _job_fairs(self, conn, period: Period, station: str | None = None) -> dict[str, Any]:
        f = M.JobFair.__table__.c
        e = M.FairEmployer.__table__.c
        s = M.JobSeeker.__table__.c
        i = M.Intention.__table__.c
        fair_ids = select(f.id).where(f.deleted_at.is_(None), *period.on(f.held_on))
        per_fair: dict[str, dict[str, Any]] = {}
        held_here: set[str] = set()
        listing = self._pre.fair_list if self._pre is not None else None
        if listing is None:  # every live fair of the period (the same for every station)
            listing = conn.execute(select(f.id, f.name, f.held_on, f.station_code)
                                   .where(f.id.in_(fair_ids)).order_by(f.held_on)).all()
            if self._pre is not None:
                self._pre.fair_list = listing
        for fid, name, held_on, code in listing:
            per_fair[fid] = {"name": name, "held_on": held_on.isoformat(), "employers": 0,
                             "positions": 0, "seekers": 0, "intentions": 0}
            if station is None or code == station:
                held_here.add(fid)
        events = len(held_here)  # the live fairs of the period this station held (or all)
        live_e = [e.deleted_at.is_(None), e.fair_id.in_(fair_ids)]
        live_s = [s.deleted_at.is_(None)]
        if station is not None:
            live_e.append(e.station_code == station)
            live_s.append(s.station_code == station)
        if self.summaries:  # per fair and station of the employer / seeker (summary.py)
            figures = self._pre.fairs.get(station, {}) \
                if self._pre is not None and station is not None \
                else S.fair_figures(conn, fair_ids, station)
            for fid, (n, pos, seekers, intentions) in figures.items():
                per_fair[fid].update(employers=n, positions=pos, seekers=seekers,
                                     intentions=intentions)
        else:
            for fid, n, pos in conn.execute(select(e.fair_id, func.count(), exact_sum(e.positions))
                                            .where(*live_e).group_by(e.fair_id)):
                per_fair[fid].update(employers=n, positions=int(pos or 0))
            for fid, n in conn.execute(select(s.fair_id, func.count()).where(
                    *live_s, s.fair_id.in_(fair_ids)).group_by(s.fair_id)):
                per_fair[fid]["seekers"] = n
            # A seeker counts once however many intentions; deleted seekers/employers do not count.
            live_seekers = select(s.id).where(*live_s)
            live_employers = select(e.id).where(e.deleted_at.is_(None))
            for fid, n in conn.execute(select(i.fair_id, func.count(distinct(i.seeker_id))).where(
                    i.deleted_at.is_(None), i.fair_id.in_(fair_ids), i.seeker_id.in_(live_seekers),
                    i.employer_id.in_(live_employers)).group_by(i.fair_id)):
                per_fair[fid]["intentions"] = n
        if station is not None:  # the fairs this station held or took part in
            per_fair = {fid: x for fid, x in per_fair.items()
                        if fid in held_here or x["employers"] or x["seekers"]}
        return {
            "events": events,
            "employers": sum(x["employers"] for x in per_fair.values()),
            "positions": sum(x["positions"] for x in per_fair.values()),
            "seekers": sum(x["seekers"] for x in per_fair.values()),
            "intentions": sum(x["intentions"] for x in per_fair.values()),
            "by_event": per_fair,
        }

    def _volunteers(self, conn, period: Period, station: str | None = None) -> dict[str, Any]:
        v = M.Volunteer.__table__.c
        r = M.ServiceRecord.__table__.c
        mine = [] if station is None else [v.station_code == station]
        roster = [v.deleted_at.is_(None), v.status == "active", *mine]
        if period.end:
            roster.append((v.joined_on.is_(None)) | (v.joined_on <= period.end))
        if self._pre is not None and station is not None:
            return self._volunteers_from(conn, period, station)
        registered = conn.execute(select(func.count()).where(*roster)).scalar_one()
        # 参与服务: whoever served in the period, whatever their status now (left, paused...).
        live_volunteers = select(v.id).where(v.deleted_at.is_(None), *mine)
        served = [r.deleted_at.is_(None), r.volunteer_id.in_(live_volunteers),
                  *period.on(r.served_on)]
        named = S.people_period(period.start, period.end) if self.summaries else None
        if self.summaries:
            records, half_hours, _ = S.totals(
                self._sums(conn, "service", period, station), "service")
            active = self._people(conn, "service", named, station).get("", 0) if named else \
                conn.execute(select(func.count(distinct(r.volunteer_id))).where(*served)).scalar()
        else:
            active, half_hours, records = conn.execute(select(
                func.count(distinct(r.volunteer_id)), exact_sum(r.half_hours),
                func.count()).where(*served)).one()
        by_status = dict(conn.execute(select(v.status, func.count()).where(
            v.deleted_at.is_(None), *mine).group_by(v.status)).all())
        by_skill: dict[str, int] = {}
        for (skills,) in conn.execute(select(v.skills).where(*roster)):
            for code in filter(None, (skills or "").split(",")):
                by_skill[code] = by_skill.get(code, 0) + 1
        # active: the old key of serving, kept until definitions.DEPRECATED_REMOVAL.
        return {"registered": registered, "serving": active, "active": active,
                "service_hours": format_hours(half_hours), "service_records": records,
                "by_status": by_status, "by_skill": by_skill}

    def _volunteers_from(self, conn, period: Period, station: str) -> dict[str, Any]:
        """:meth:`_volunteers` of one station from the roster read once (compute_each)."""
        v = M.Volunteer.__table__.c
        r = M.ServiceRecord.__table__.c
        if self._pre.roster is None:
            self._pre.roster = conn.execute(select(v.station_code, v.status, v.joined_on, v.skills)
                                            .where(v.deleted_at.is_(None))).all()
        registered, by_status, by_skill = 0, {}, {}
        for code, status, joined_on, skills in self._pre.roster:
            if code != station:
                continue
            by_status[status] = by_status.get(status, 0) + 1
            if status != "active" or (period.end and joined_on and joined_on > period.end):
                continue
            registered += 1
            for skill in filter(None, (skills or "").split(",")):
                by_skill[skill] = by_skill.get(skill, 0) + 1
        records, half_hours, _ = S.totals(self._sums(conn, "service", period, station), "service")
        named = S.people_period(period.start, period.end)
        if named:
            active = self._people(conn, "service", named, station).get("", 0)
        else:
            live = select(v.id).where(v.deleted_at.is_(None), v.station_code == station)
            active = conn.execute(select(func.count(distinct(r.volunteer_id))).where(
                r.deleted_at.is_(None), r.volunteer_id.in_(live), *period.on(r.served_on))).scalar()
        return {"registered": registered, "serving": active, "active": active,
                "service_hours": format_hours(half_hours), "service_records": records,
                "by_status": by_status, "by_skill": by_skill}
