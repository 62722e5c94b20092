"""The county's view: every station (bundles, gaps, key, lateness, records) and per-station figures.

Station records live in the same tables as at a station, told apart by ``station_code``; the
county's own records (job fairs it publishes) carry the county's code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, func, select
from sqlalchemy import text as sql_text

from ..domain.permissions import Perm
from ..domain.search import query_terms
from ..storage import models as M
from ..storage import search_index, search_pg, summary
from ..storage.dialects import SQLITE, row_key
from ..storage.sync_models import BundleImport, CountyStation
from .bundles.importer import station_received

MONTHLY_DAYS = 31  # 每月一推送: a station is late when its newest bundle is older than this

REGISTER_TABLES = {"visits": M.Visit, "relief": M.ReliefVisit, "fairs": M.JobFair,
                   "seekers": M.JobSeeker, "volunteers": M.Volunteer}


@dataclass
class StationStatus:
    """One row of the 站点 tab."""

    code: str
    name: str
    fingerprint: str | None = None
    key_pending: bool = False  # no trusted key, or a bundle's key awaits confirmation (待确认)
    key_state: str | None = None  # services/stations.py: pending | confirmed | first_use
    offered_fingerprint: str | None = None  # the key of a held bundle, to check with the station
    township: str = ""
    monthly_expected: bool = True
    listed: bool = False  # in the county's list of stations (站点)
    last_seq: int | None = None
    last_created: dt.datetime | None = None
    last_import: dt.datetime | None = None
    missing: list[int] = field(default_factory=list)
    rejected_imports: int = 0
    records: dict[str, int] = field(default_factory=dict)
    days_since: int | None = None
    days_late: int = 0
    county_code: str = ""  # the county that issued the station's code (upper tiers group by it)

    @property
    def total_records(self) -> int:
        return sum(self.records.values())

    @property
    def never_seen(self) -> bool:
        """No bundle ever received from it (a listed station shows as missing)."""
        return self.last_created is None

    @property
    def overdue(self) -> bool:
        """逾期: a monthly bundle is expected and none came within MONTHLY_DAYS, or none ever."""
        return self.monthly_expected and (self.never_seen or self.days_late > 0)

    def received_since(self, day: dt.date) -> bool:
        """Whether its newest bundle was written on or after ``day``."""
        return self.last_created is not None and self.last_created.date() >= day

    def to_json(self) -> dict[str, Any]:
        doc = asdict(self)
        for key in ("last_created", "last_import"):
            doc[key] = doc[key].isoformat(timespec="seconds") if doc[key] else None
        doc["total_records"] = self.total_records
        doc["never_seen"] = self.never_seen
        doc["overdue"] = self.overdue
        return doc


def _has_any(figures: dict[str, Any]) -> bool:
    from .definitions import MEASURES

    return any(m.number(figures) for m in MEASURES)


class CountyService:
    """Read-only figures of the county database (anyone signed in may read them)."""

    def __init__(self, desk):
        self.desk = desk

    def stations(self, today: dt.date | None = None, counts: bool = True) -> list[StationStatus]:
        """Every station with its bundles and (``counts``) its live records per register: visits
        and relief visits from the summary tables (storage/summary.py), the smaller registers
        counted; the per-station figures do without (issue 15)."""
        self.desk.session.require(Perm.READ)
        today = today or dt.date.today()
        county_code = self.desk.identity.code if self.desk.identity else ""
        # A prefecture or province: every station below, by its country-wide code (532923-03);
        # the forwarding tiers' own relay numbers are not stations.
        upper = bool(self.desk.identity and self.desk.identity.is_upper)
        received = {code: info for code, info in station_received(self.desk).items()
                    if not upper or "-" in code}
        rows: dict[str, StationStatus] = {}
        with self.desk.db.session() as s:
            listed = select(CountyStation).where(CountyStation.tier == "station") if upper \
                else select(CountyStation).where(CountyStation.county_code == county_code)
            for e in s.scalars(listed):
                code = f"{e.county_code}-{e.code}" if upper else e.code
                rows[code] = StationStatus(
                    code, e.name, e.fingerprint,
                    key_pending=e.key_state == "pending" or e.offered_fingerprint is not None,
                    key_state=e.key_state, offered_fingerprint=e.offered_fingerprint,
                    township=e.township, monthly_expected=e.monthly_expected, listed=True,
                    last_import=e.last_import_at, county_code=e.county_code)
            for code, name, n in s.execute(
                    select(BundleImport.station_code, func.max(BundleImport.station_name),
                           func.count()).where(BundleImport.status == "rejected",
                                               BundleImport.station_code.is_not(None))
                    .group_by(BundleImport.station_code)):
                if upper and "-" not in code:
                    continue
                row = rows.setdefault(code, StationStatus(code, name or ""))
                row.rejected_imports = n
            summarised = self._summarised_counts() if counts else {}
            for key, n_by_code in summarised.items():
                for code, n in n_by_code.items():
                    if code != county_code:
                        rows.setdefault(code, StationStatus(code, "")).records[key] = n
            for key, model in REGISTER_TABLES.items() if counts else ():
                if key in summarised:
                    continue
                t = model.__table__
                for code, n in s.execute(select(t.c.station_code, func.count()).where(
                        t.c.deleted_at.is_(None), t.c.station_code != county_code)
                        .group_by(t.c.station_code)):
                    rows.setdefault(code, StationStatus(code, "")).records[key] = n
        for code, info in received.items():
            row = rows.setdefault(code, StationStatus(code, ""))
            row.last_seq = info["last_seq"]
            row.last_created = info["last_created"]
            row.missing = info["missing"]
        for row in rows.values():
            if not row.county_code:
                row.county_code = row.code.split("-")[0] if upper else county_code
            for key in REGISTER_TABLES:
                row.records.setdefault(key, 0)
            if row.last_created:
                row.days_since = (today - row.last_created.date()).days
                row.days_late = max(0, row.days_since - MONTHLY_DAYS)
        return sorted(rows.values(), key=lambda r: r.code)

    def _summarised_counts(self) -> dict[str, dict[str, int]]:
        """{register: {station: live records}} of the registers the summary tables count
        (visits, relief visits): a few hundred summary rows instead of every record (counting
        2.6 M records per station took 5.5 s). Empty when the database has no summaries."""
        engine = self.desk.db.engine
        with engine.connect() as conn:
            if not summary.ready(conn):
                return {}
        summary.catch_up(engine)  # what writers outside the program's engine left pending
        with engine.connect() as conn:
            return {"visits": summary.live_counts(conn, "visit"),
                    "relief": summary.live_counts(conn, "relief")}

    def station_codes(self) -> dict[str, str]:
        """Every station the county knows (enrolled, or with records), code -> name; the
        county's own code included when it has records of its own."""
        names = self.station_names()
        with self.desk.db.engine.connect() as conn:
            for model in REGISTER_TABLES.values():
                table = model.__table__.name
                # The codes along the station_code index, one lookup per station (a DISTINCT
                # read every record: seconds at millions), then whether any of its records
                # is live.
                codes = [c for (c,) in conn.exec_driver_sql(
                    f"WITH RECURSIVE c(code) AS (SELECT min(station_code) FROM {table} "
                    f"UNION ALL SELECT (SELECT min(station_code) FROM {table} "
                    f"WHERE station_code > c.code) FROM c WHERE c.code IS NOT NULL) "
                    f"SELECT code FROM c WHERE code IS NOT NULL")]
                for code in codes:
                    if code not in names and conn.execute(sql_text(
                            f"SELECT 1 FROM {table} WHERE station_code = :code "
                            f"AND deleted_at IS NULL LIMIT 1"), {"code": code}).first():
                        names[code] = ""
        return dict(sorted(names.items()))

    def station_figures(self, period, today: dt.date | None = None) -> dict[str, Any]:
        """Per-station figures of ``period`` (StatsService per station) and the county's
        figures: ``{"rows": [{code, name, own, figures}], "totals": figures, "late": [...]}``.
        Every additive figure of the rows adds up to ``totals`` (the county's figures)."""
        from .stats import StatsService

        self.desk.session.require(Perm.READ)
        stats = StatsService(self.desk.db)
        county_code = self.desk.identity.code if self.desk.identity else ""
        statuses = self.stations(today, counts=False)
        by_code = {r.code: r for r in statuses}
        names = self.station_codes()
        for r in statuses:
            names.setdefault(r.code, r.name)
        rows = []
        every = stats.compute_each(period, sorted(names))  # the summaries read once
        for code, name in sorted(names.items()):
            figures = every[code]
            own = code == county_code
            if own and not _has_any(figures):
                continue  # the county's own row only when it has records in the period
            status = by_code.get(code)
            rows.append({"code": code, "name": name, "own": own, "figures": figures,
                         "township": status.township if status else "",
                         "never_seen": bool(status and status.listed and status.never_seen)})
        late = [r for r in statuses if r.code != county_code and (r.overdue or r.missing)]
        out = {"rows": rows, "totals": stats.compute(period), "late": late}
        if self.desk.identity and self.desk.identity.is_upper:
            out["counties"] = self.county_totals(rows)
        return out

    def county_totals(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """At a prefecture or province: per county, its stations' rows (station codes
        ``county-code``) and the sums of the additive figures (None where a figure does not add
        up, such as people counted once: 人数)."""
        from .definitions import MEASURES
        from .stations import StationRegistry

        names = StationRegistry(self.desk).county_names()
        groups: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row["code"].split("-")[0], []).append(row)
        out = []
        for county, members in sorted(groups.items()):
            sums = {m.key: (sum((m.number(r["figures"]) for r in members), Decimal(0))
                            if m.additive else None) for m in MEASURES}
            out.append({"code": county, "name": names.get(county, ""),
                        "stations": [r["code"] for r in members], "sums": sums})
        return out

    # ---- the registers read-only, all stations or one (the window's lazily fetched lists) ------

    def record_keys(self, model, date_column: str, station: str | None = None,
                    text: str = "", date_from: dt.date | None = None,
                    date_to: dt.date | None = None, category: str | None = None,
                    category_column: str | None = None) -> list:
        """Keys of the live records of a register, newest first (storage.dialects.row_key:
        SQLite's rowid, the primary key on PostgreSQL), optionally one station's, within dates
        (inclusive, on ``date_column``), of one category (``category_column``, as a station's
        register filters), optionally those whose search key holds ``text`` (the same substring
        match as a register's search; on PostgreSQL narrowed by the GIN gram index,
        storage/search_pg.py)."""
        self.desk.session.require(Perm.READ)
        t = model.__table__
        key = row_key(t, self.desk.db.dialect)
        stmt = select(key).where(t.c.deleted_at.is_(None))
        if station:
            stmt = stmt.where(t.c.station_code == station)
        day = t.c[date_column]
        timed = isinstance(day.type, DateTime)
        if date_from:
            stmt = stmt.where(day >= (dt.datetime.combine(date_from, dt.time()) if timed
                                      else date_from))
        if date_to:
            stmt = stmt.where(day < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time())
                              if timed else day <= date_to)
        if category and category_column:
            stmt = stmt.where(t.c[category_column] == category)
        for term in query_terms(text or "") if "search_key" in t.c else ():
            # Every word must occur (AND, any order), as in a station's registers.
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(t.c.search_key.like(f"%{escaped}%", escape="\\"))
            if self.desk.db.dialect != SQLITE and t.name in search_index.TABLES:
                stmt = stmt.where(search_pg.contains(t.c.search_key, term))
        stmt = stmt.order_by(t.c[date_column].desc(), key.desc())
        with self.desk.db.engine.connect() as conn:
            return conn.execute(stmt).scalars().all()  # fetchall: not row by row (issue 15)

    def record_ids(self, register: str, station: str | None = None, text: str = "",
                   date_from: dt.date | None = None, date_to: dt.date | None = None,
                   category: str | None = None):
        """The keys of :meth:`record_keys` (same filters, newest first by the register's date)
        as the station's registers list them: a RowIds sequence (services/registers.py) whose
        length is known at once and whose keys are read a block at a time along the sort
        indexes, so the county window does not read millions of keys to open (issue 15).
        ``register``: the register's key (visits, relief, seekers, volunteers)."""
        from .registers import RegisterQuery

        self.desk.session.require(Perm.READ)
        service = self.desk.registers[register]
        return service.row_ids(RegisterQuery(
            text=text, date_from=date_from, date_to=date_to, category=category,
            station=station or None, sort_column=service.spec.date_column, descending=True))

    def fetch_records(self, model, keys: list, columns: list[str]) -> dict[Any, dict[str, Any]]:
        """The given columns of the records with these keys (from :meth:`record_keys`)."""
        self.desk.session.require(Perm.READ)
        t = model.__table__
        key = row_key(t, self.desk.db.dialect)
        out: dict[Any, dict[str, Any]] = {}
        with self.desk.db.engine.connect() as conn:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = conn.execute(select(key.label("_key"), *(t.c[c] for c in columns))
                                    .where(key.in_(chunk))).mappings()
                for r in rows:
                    data = dict(r)
                    out[data.pop("_key")] = data
        return out

    def station_names(self) -> dict[str, str]:
        self.desk.session.require(Perm.READ)
        upper = bool(self.desk.identity and self.desk.identity.is_upper)
        with self.desk.db.session() as s:
            if upper:  # the stations below by their country-wide code; not the tiers' rows
                names = {f"{e.county_code}-{e.code}": e.name for e in s.scalars(
                    select(CountyStation).where(CountyStation.tier == "station"))}
            else:
                names = {e.code: e.name for e in s.scalars(select(CountyStation))}
        if self.desk.identity:
            names.setdefault(self.desk.identity.code, self.desk.identity.name)
        return names
