"""Summary tables behind the figures (issue 15 "Figures at scale", issue 14 "Scale").

The period figures (services/stats.py) read these instead of every record, so a county or a
province at 10,000,000 records answers in well under a second. They are kept current inside the
transaction of every write and import, the way the search index is (search_index.py): triggers
only note what changed in small pending tables (plain SQL, cheap per row); :func:`flush` brings
the summaries up to date from the pending lists in a few set-based statements just before every
commit made through the program's engine (storage.db), and readers flush what other writers left.
A bucket is always recomputed from the records, never incremented, so a summary is exactly a
recount of its bucket (tests/test_summary.py proves it against a full recount with hypothesis).

Additive figures — ``stats_day`` and ``stats_month`` (register × station × day/month × dim):
  ``n`` rows, ``s1``/``s2`` sums. Registers and their dims (each record counts once per family):
  - ``visit``: ``p:<purpose>`` and ``s:<status>``; s1 = party size.
  - ``relief``: ``c:<campaign>`` and ``k:<category>``; s1 = cash, s2 = goods value (fen).
  - ``service``: ``""``; s1 = half hours; only records of live volunteers, under the
    volunteer's station (as stats.py counts them).
  A period is its whole months from ``stats_month`` plus the days at its ends from ``stats_day``.

Distinct people — ``stats_member`` / ``stats_people``: people cannot be summed from daily rows
(one person visited on two days is one person). ``stats_member`` holds one row per person, scope
(a station, or ``*`` for all stations), calendar period (``YYYY-MM``, ``YYYY-Qn`` or ``YYYY``) and dim (``""``,
``c:<campaign>``, ``k:<category>``), with the number of live records behind it; ``stats_people``
holds the count of members per (register, scope, period, dim) and is adjusted by the difference
when a person's memberships are recomputed. So 慰问人数 (relief, by ID number else name + phone) and
参与服务 (service, by volunteer) of a month, quarter or year — per station or all stations, per
campaign or category — are one row read. Other periods (arbitrary dates, all time) count distinct
people from the records (stats.py), exactly as before.

Job fairs — ``stats_fair`` (fair × station of the employer/seeker): employers, positions, seekers,
intentions (distinct seekers with a live intention to a live employer, under the seeker's
station); the per-fair figures are additive over fairs.

Dialect differences (date arithmetic, trigger syntax) are confined to this module.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, Integer, MetaData, String, Table

SQLITE = "sqlite"

# Own metadata: the tables are made by the migration (stats_0001), like the search index.
metadata = MetaData()
stats_day = Table(
    "stats_day", metadata,
    Column("register", String(10), primary_key=True),
    Column("station_code", String(20), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("dim", String(40), primary_key=True),
    Column("n", Integer, nullable=False),
    Column("s1", BigInteger, nullable=False),
    Column("s2", BigInteger, nullable=False),
)
stats_month = Table(
    "stats_month", metadata,
    Column("register", String(10), primary_key=True),
    Column("station_code", String(20), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("dim", String(40), primary_key=True),
    Column("n", Integer, nullable=False),
    Column("s1", BigInteger, nullable=False),
    Column("s2", BigInteger, nullable=False),
)
stats_people = Table(
    "stats_people", metadata,
    Column("register", String(10), primary_key=True),
    Column("scope", String(20), primary_key=True),
    Column("period", String(7), primary_key=True),
    Column("dim", String(40), primary_key=True),
    Column("people", Integer, nullable=False),
)
stats_fair = Table(
    "stats_fair", metadata,
    Column("fair_id", String(36), primary_key=True),
    Column("station_code", String(20), primary_key=True),
    Column("employers", Integer, nullable=False),
    Column("positions", Integer, nullable=False),
    Column("seekers", Integer, nullable=False),
    Column("intentions", Integer, nullable=False),
)

ALL_STATIONS = "*"
TOTAL_DIM = {"visit": "p:", "relief": "c:", "service": ""}  # the dim family that sums to totals
PERSON_KEY = ("CASE WHEN {r}.id_number IS NOT NULL THEN {r}.id_number "
              "ELSE {r}.name || '|' || coalesce({r}.phone_norm, '') END")

TABLES_SQL = [
    "CREATE TABLE stats_pending (register VARCHAR(10) NOT NULL, station_code VARCHAR(20) NOT NULL, "
    "day DATE NOT NULL, PRIMARY KEY (register, station_code, day))",
    "CREATE TABLE stats_pending_person (register VARCHAR(10) NOT NULL, "
    "person VARCHAR(200) NOT NULL, PRIMARY KEY (register, person))",
    "CREATE TABLE stats_pending_fair (fair_id VARCHAR(36) NOT NULL PRIMARY KEY)",
    "CREATE TABLE stats_member (register VARCHAR(10) NOT NULL, scope VARCHAR(20) NOT NULL, "
    "period VARCHAR(7) NOT NULL, dim VARCHAR(40) NOT NULL, person VARCHAR(200) NOT NULL, "
    "n INTEGER NOT NULL, PRIMARY KEY (register, person, scope, period, dim))",
]
INDEXES_SQL = [
    # Recomputing a station's day, a person's records, a volunteer's service days.
    "CREATE INDEX ix_visit_station_time ON visit (station_code, deleted_at, visited_at)",
    "CREATE INDEX ix_relief_station_date ON relief_visit (station_code, deleted_at, visit_date)",
    "CREATE INDEX ix_relief_person ON relief_visit (person_key)",
    "CREATE INDEX ix_volunteer_station ON volunteer (station_code)",
    "CREATE INDEX ix_stats_month_period ON stats_month (month, register)",
]


def person_column_sql(dialect: str) -> str:
    """``relief_visit.person_key``: who a recipient is (ID number, else name + phone), as a
    generated column so that a person's records are found by a plain index in a join (SQLite
    uses an index on an expression only against constants). Not in the ORM model: the database
    computes it; a migration that rebuilds relief_visit must add it again."""
    kind = "VIRTUAL" if dialect == SQLITE else "STORED"
    return (f"ALTER TABLE relief_visit ADD COLUMN person_key VARCHAR(200) GENERATED ALWAYS AS "
            f"({PERSON_KEY.replace('{r}.', '')}) {kind}")
PENDING_TABLES = ("stats_pending", "stats_pending_person", "stats_pending_fair")


# ---- what the triggers note -----------------------------------------------------------------

def _sql(dialect: str):
    """Dialect snippets: the day of a timestamp, the day after a date, month/year of a date."""
    if dialect == SQLITE:
        return {"day": "date({})", "next": "date({}, '+1 day')",
                "month": "substr({}, 1, 7)", "year": "substr({}, 1, 4)",
                "quarter": "substr({0}, 1, 4) || '-Q' || ((CAST(substr({0}, 6, 2) AS INTEGER) "
                           "+ 2) / 3)"}
    return {"day": "({})::date", "next": "({} + 1)",
            "month": "to_char({}, 'YYYY-MM')", "year": "to_char({}, 'YYYY')",
            "quarter": "to_char({}, 'YYYY-\"Q\"Q')"}


def _notes(dialect: str) -> dict[str, list[tuple[str, str, str]]]:
    """Per table: (pending table, SELECT list over row ``{r}``, extra FROM/WHERE) noted for each
    old and new row of a change."""
    f = _sql(dialect)
    person = PERSON_KEY
    vol_station = "(SELECT v.station_code FROM volunteer v WHERE v.id = {r}.volunteer_id)"
    return {
        "visit": [("stats_pending", "'visit', {r}.station_code, " + f["day"].format("{r}.visited_at"), "")],
        "relief_visit": [("stats_pending", "'relief', {r}.station_code, {r}.visit_date", ""),
                         ("stats_pending_person", "'relief', " + person, "")],
        "service_record": [("stats_pending", f"'service', coalesce({vol_station}, ''), {{r}}.served_on", ""),
                           ("stats_pending_person", "'service', {r}.volunteer_id", "")],
        "volunteer": [("stats_pending", "'service', {r}.station_code, s.served_on",
                       "JOIN service_record s ON s.volunteer_id = {r}.id"),
                      ("stats_pending_person", "'service', {r}.id", "")],
        "job_fair": [("stats_pending_fair", "{r}.id", "")],
        # An intention counts under its own fair: note it too, should it link across fairs.
        "fair_employer": [("stats_pending_fair", "{r}.fair_id", ""),
                          ("stats_pending_fair", "i.fair_id",
                           "JOIN intention i ON i.employer_id = {r}.id")],
        "job_seeker": [("stats_pending_fair", "{r}.fair_id", ""),
                       ("stats_pending_fair", "i.fair_id",
                        "JOIN intention i ON i.seeker_id = {r}.id")],
        "intention": [("stats_pending_fair", "{r}.fair_id", "")],
    }


def trigger_statements(dialect: str) -> list[str]:
    """The triggers that note changed rows (SQLite: row triggers; PostgreSQL: statement
    triggers over the transition tables, one INSERT per statement whatever its rows)."""
    out = []
    for table, notes in _notes(dialect).items():
        if dialect == SQLITE:
            for event, rows in (("INSERT", ("new",)), ("DELETE", ("old",)),
                                ("UPDATE", ("old", "new"))):
                body = []
                for pending, cols, extra in notes:
                    for r in rows:
                        src = ""
                        if extra:  # "JOIN t s ON cond" -> "FROM t s WHERE cond"
                            join, cond = extra.format(r=r).split(" ON ", 1)
                            src = f" FROM {join[len('JOIN '):]} WHERE {cond}"
                        body.append(f"INSERT OR IGNORE INTO {pending} SELECT "
                                    f"{cols.format(r=r)}{src};")
                out.append(f"CREATE TRIGGER {table}_stats_{event.lower()} AFTER {event} ON "
                           f"{table} BEGIN {' '.join(body)} END")
        else:
            fn = f"xyd_{table}_stats_note"
            parts = []
            for ref, when in (("old_rows", "TG_OP IN ('UPDATE', 'DELETE')"),
                              ("new_rows", "TG_OP IN ('UPDATE', 'INSERT')")):
                stmts = " ".join(
                    f"INSERT INTO {pending} SELECT DISTINCT {cols.format(r='r')} FROM {ref} r "
                    f"{extra.format(r='r')} ON CONFLICT DO NOTHING;"
                    for pending, cols, extra in notes)
                parts.append(f"IF {when} THEN {stmts} END IF;")
            out.append(f"CREATE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       f"{' '.join(parts)} RETURN NULL; END $$")
            out.append(f"CREATE TRIGGER {table}_stats_insert AFTER INSERT ON {table} "
                       f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {fn}()")
            out.append(f"CREATE TRIGGER {table}_stats_update AFTER UPDATE ON {table} "
                       f"REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {fn}()")
            out.append(f"CREATE TRIGGER {table}_stats_delete AFTER DELETE ON {table} "
                       f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {fn}()")
    return out


def drop_statements(dialect: str) -> list[str]:
    out = []
    for table in _notes(dialect):
        for event in ("insert", "update", "delete"):
            out.append(f"DROP TRIGGER IF EXISTS {table}_stats_{event}"
                       + ("" if dialect == SQLITE else f" ON {table}"))
        if dialect != SQLITE:
            out.append(f"DROP FUNCTION IF EXISTS xyd_{table}_stats_note()")
    out += [f"DROP TABLE IF EXISTS {t}" for t in
            (*PENDING_TABLES, "stats_member", "stats_people", "stats_fair", "stats_month",
             "stats_day")]
    out += ["DROP INDEX IF EXISTS " + s.split()[2] for s in INDEXES_SQL]
    return out


# ---- bringing the summaries up to date ------------------------------------------------------

def _day_sources(dialect: str) -> list[str]:
    """SELECTs of (register, station, day, dim, n, s1, s2) for the pending day buckets."""
    f = _sql(dialect)
    # "pending CROSS JOIN table": SQLite then loops over the (few) pending rows and looks the
    # records up by index; PostgreSQL plans it as any inner join.
    visit_on = ("FROM stats_pending p CROSS JOIN visit t WHERE p.register = 'visit' "
                "AND t.station_code = p.station_code AND t.visited_at >= p.day "
                "AND t.visited_at < " + f["next"].format("p.day"))
    relief_on = ("FROM stats_pending p CROSS JOIN relief_visit t WHERE p.register = 'relief' "
                 "AND t.station_code = p.station_code AND t.visit_date = p.day")
    out = []
    for dim, col in (("'p:' || t.purpose", "purpose"), ("'s:' || t.status", "status")):
        out.append(f"SELECT 'visit', t.station_code, p.day, {dim}, count(*), "
                   f"coalesce(sum(t.party_size), 0), 0 {visit_on} "
                   f"AND t.deleted_at IS NULL GROUP BY t.station_code, p.day, t.{col}")
    for dim, col in (("'c:' || t.campaign", "campaign"), ("'k:' || t.category", "category")):
        out.append(f"SELECT 'relief', t.station_code, p.day, {dim}, count(*), "
                   f"coalesce(sum(t.cash_fen), 0), coalesce(sum(t.goods_value_fen), 0) "
                   f"{relief_on} AND t.deleted_at IS NULL "
                   f"GROUP BY t.station_code, p.day, t.{col}")
    out.append("SELECT 'service', v.station_code, p.day, '', count(*), "
               "coalesce(sum(t.half_hours), 0), 0 FROM stats_pending p "
               "CROSS JOIN volunteer v CROSS JOIN service_record t "
               "WHERE p.register = 'service' AND v.station_code = p.station_code "
               "AND v.deleted_at IS NULL AND t.volunteer_id = v.id AND t.served_on = p.day "
               "AND t.deleted_at IS NULL GROUP BY v.station_code, p.day")
    return out


def _member_source(dialect: str) -> str:
    """SELECT of (register, scope, period, dim, person, n) for the pending people."""
    f = _sql(dialect)
    relief = (f"SELECT {PERSON_KEY.format(r='t')} AS person, t.station_code AS station, "
              f"{f['month'].format('t.visit_date')} AS m, {f['year'].format('t.visit_date')} AS y, "
              f"{f['quarter'].format('t.visit_date')} AS q, "
              "'c:' || t.campaign AS dc, 'k:' || t.category AS dk "
              "FROM stats_pending_person p CROSS JOIN relief_visit t WHERE p.register = 'relief' "
              "AND t.person_key = p.person AND t.deleted_at IS NULL")
    service = (f"SELECT t.volunteer_id AS person, v.station_code AS station, "
               f"{f['month'].format('t.served_on')} AS m, {f['year'].format('t.served_on')} AS y, "
               f"{f['quarter'].format('t.served_on')} AS q "
               "FROM stats_pending_person p CROSS JOIN service_record t CROSS JOIN volunteer v "
               "WHERE p.register = 'service' AND t.volunteer_id = p.person "
               "AND t.deleted_at IS NULL AND v.id = t.volunteer_id AND v.deleted_at IS NULL")
    branches = []

    def group(*exprs):  # constants are not grouped by (PostgreSQL refuses them there)
        return ", ".join(e for e in exprs if not e.startswith("'"))

    for scope in ("station", f"'{ALL_STATIONS}'"):
        for period in ("m", "q", "y"):
            for dim in ("''", "dc", "dk"):
                branches.append(f"SELECT 'relief', {scope}, {period}, {dim}, person, count(*) "
                                f"FROM r GROUP BY {group(scope, period, dim, 'person')}")
            branches.append(f"SELECT 'service', {scope}, {period}, '', person, count(*) "
                            f"FROM s GROUP BY {group(scope, period, 'person')}")
    return (f"WITH r AS MATERIALIZED ({relief}), s AS MATERIALIZED ({service}) "
            + " UNION ALL ".join(branches))


def _people_delta(sign: str) -> list[str]:
    """Add (``+``) or subtract (``-``) the pending people's memberships to/from the counts."""
    counts = ("SELECT m.register, m.scope, m.period, m.dim, count(*) AS k "
              "FROM stats_pending_person p CROSS JOIN stats_member m "
              "WHERE m.register = p.register AND m.person = p.person "
              "GROUP BY m.register, m.scope, m.period, m.dim")
    out = []
    if sign == "+":
        out.append("INSERT INTO stats_people (register, scope, period, dim, people) "
                   f"SELECT d.register, d.scope, d.period, d.dim, 0 FROM ({counts}) d "
                   "WHERE true ON CONFLICT DO NOTHING")
    out.append(f"UPDATE stats_people SET people = people {sign} d.k FROM ({counts}) d "
               "WHERE stats_people.register = d.register AND stats_people.scope = d.scope "
               "AND stats_people.period = d.period AND stats_people.dim = d.dim")
    return out


def flush_statements(dialect: str) -> list[str]:
    """The statements of :func:`flush`, in order."""
    f = _sql(dialect)
    month_of_pending = ("SELECT DISTINCT register, station_code, "
                        f"{f['month'].format('day')} AS month FROM stats_pending")
    return [
        # Days: recompute the noted buckets.
        "DELETE FROM stats_day WHERE (register, station_code, day) IN "
        "(SELECT register, station_code, day FROM stats_pending)",
        "INSERT INTO stats_day (register, station_code, day, dim, n, s1, s2) "
        + " UNION ALL ".join(_day_sources(dialect)),
        # Months: the sum of their days.
        "DELETE FROM stats_month WHERE (register, station_code, month) IN "
        f"(SELECT register, station_code, month FROM ({month_of_pending}) p)",
        "INSERT INTO stats_month (register, station_code, month, dim, n, s1, s2) "
        f"SELECT d.register, d.station_code, p.month, d.dim, sum(d.n), sum(d.s1), sum(d.s2) "
        f"FROM ({month_of_pending}) p CROSS JOIN stats_day d WHERE d.register = p.register "
        f"AND d.station_code = p.station_code AND {f['month'].format('d.day')} = p.month "
        "GROUP BY d.register, d.station_code, p.month, d.dim",
        "DELETE FROM stats_pending",
        # People: take the noted people's memberships out, recompute them, put them back.
        *_people_delta("-"),
        "DELETE FROM stats_member WHERE (register, person) IN "
        "(SELECT register, person FROM stats_pending_person)",
        "INSERT INTO stats_member (register, scope, period, dim, person, n) "
        + _member_source(dialect),
        *_people_delta("+"),
        "DELETE FROM stats_people WHERE people = 0",
        "DELETE FROM stats_pending_person",
        # Fairs: recompute the noted fairs per station.
        "DELETE FROM stats_fair WHERE fair_id IN (SELECT fair_id FROM stats_pending_fair)",
        "INSERT INTO stats_fair (fair_id, station_code, employers, positions, seekers, intentions) "
        "SELECT fair_id, station_code, sum(e), sum(pos), sum(s), sum(i) FROM ("
        "SELECT t.fair_id, t.station_code, count(*) AS e, coalesce(sum(t.positions), 0) AS pos, "
        "0 AS s, 0 AS i FROM fair_employer t WHERE t.deleted_at IS NULL "
        "AND t.fair_id IN (SELECT fair_id FROM stats_pending_fair) "
        "GROUP BY t.fair_id, t.station_code "
        "UNION ALL SELECT t.fair_id, t.station_code, 0, 0, count(*), 0 FROM job_seeker t "
        "WHERE t.deleted_at IS NULL AND t.fair_id IN (SELECT fair_id FROM stats_pending_fair) "
        "GROUP BY t.fair_id, t.station_code "
        "UNION ALL SELECT t.fair_id, s.station_code, 0, 0, 0, count(DISTINCT t.seeker_id) "
        "FROM intention t JOIN job_seeker s ON s.id = t.seeker_id AND s.deleted_at IS NULL "
        "JOIN fair_employer e ON e.id = t.employer_id AND e.deleted_at IS NULL "
        "WHERE t.deleted_at IS NULL AND t.fair_id IN (SELECT fair_id FROM stats_pending_fair) "
        "GROUP BY t.fair_id, s.station_code) x GROUP BY fair_id, station_code",
        "DELETE FROM stats_pending_fair",
    ]


_FLUSH: dict[str, list[str]] = {}


def has_pending(execute) -> bool:
    """Whether changes wait to be summarised (``execute(sql)`` returns a result)."""
    return bool(execute("SELECT EXISTS (SELECT 1 FROM stats_pending) "
                        "OR EXISTS (SELECT 1 FROM stats_pending_person) "
                        "OR EXISTS (SELECT 1 FROM stats_pending_fair)").scalar())


def flush(execute, dialect: str) -> None:
    """Bring the summaries up to date with the pending lists, inside the caller's transaction
    (``execute(sql)`` runs one statement). Set-based: the same dozen statements for one
    changed record or a whole import."""
    statements = _FLUSH.get(dialect)
    if statements is None:
        statements = _FLUSH[dialect] = flush_statements(dialect)
    for statement in statements:
        execute(statement)


def rebuild_statements(dialect: str) -> list[str]:
    """Note every bucket of the existing records as pending (then :func:`flush` fills the
    summaries from scratch): used by the migration, and by tests as the full recount."""
    f = _sql(dialect)
    ignore = "INSERT OR IGNORE INTO" if dialect == SQLITE else "INSERT INTO"
    tail = "" if dialect == SQLITE else " ON CONFLICT DO NOTHING"
    day = f["day"].format("visited_at")
    return [
        "DELETE FROM stats_day", "DELETE FROM stats_month", "DELETE FROM stats_member",
        "DELETE FROM stats_people", "DELETE FROM stats_fair",
        f"{ignore} stats_pending SELECT DISTINCT 'visit', station_code, {day} FROM visit{tail}",
        f"{ignore} stats_pending SELECT DISTINCT 'relief', station_code, visit_date "
        f"FROM relief_visit{tail}",
        f"{ignore} stats_pending SELECT DISTINCT 'service', v.station_code, s.served_on "
        f"FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id{tail}",
        f"{ignore} stats_pending_person SELECT DISTINCT 'relief', "
        f"{PERSON_KEY.replace('{r}.', '')} FROM relief_visit{tail}",
        f"{ignore} stats_pending_person SELECT DISTINCT 'service', volunteer_id "
        f"FROM service_record{tail}",
        f"{ignore} stats_pending_fair SELECT id FROM job_fair{tail}",
    ]


# Migration stats_0002 replaces these indexes of stats_0001 (found to be unused in the flush's
# joins, or not selective enough) by INDEXES_SQL.
REPLACED_INDEXES = ("ix_visit_station_time", "ix_relief_station_date", "ix_relief_person")


# ---- reading (services/stats.py) --------------------------------------------------------------

def _month_key(day) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _month_end(day):
    import datetime as dt

    first_next = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return first_next - dt.timedelta(days=1)


def period_sums(conn, register: str, start, end, station: str | None = None
                ) -> dict[str, tuple[int, int, int]]:
    """{dim: (rows, s1, s2)} of ``register`` over the inclusive dates ``start``..``end`` (either
    may be None: open), all stations or one: whole months from ``stats_month``, the days at the
    ends from ``stats_day``."""
    import datetime as dt

    from sqlalchemy import and_, func, literal, select, union_all

    first_full = None if start is None else (
        start if start.day == 1 else _month_end(start) + dt.timedelta(days=1))
    last_full = None if end is None else (end if end == _month_end(end) else
                                          end.replace(day=1) - dt.timedelta(days=1))
    parts = []
    m, d = stats_month.c, stats_day.c
    if first_full is None or last_full is None or first_full <= last_full:
        conds = [m.register == register]
        if first_full is not None:
            conds.append(m.month >= _month_key(first_full))
        if last_full is not None:
            conds.append(m.month <= _month_key(last_full))
        if station is not None:
            conds.append(m.station_code == station)
        parts.append(select(m.dim, m.n, m.s1, m.s2).where(*conds))
        edges = []
        if start is not None and first_full is not None and start < first_full:
            edges.append((start, first_full - dt.timedelta(days=1)))
        if end is not None and last_full is not None and end > last_full:
            edges.append((last_full + dt.timedelta(days=1), end))
    else:  # within one month
        edges = [(start, end)]
    for lo, hi in edges:
        conds = [d.register == register, d.day >= lo, d.day <= hi]
        if station is not None:
            conds.append(d.station_code == station)
        parts.append(select(d.dim, d.n, d.s1, d.s2).where(and_(*conds)))
    if not parts:
        return {}
    rows = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    out = {}
    for dim, n, s1, s2 in conn.execute(
            select(rows.c.dim, func.sum(rows.c.n), func.sum(rows.c.s1), func.sum(rows.c.s2))
            .group_by(rows.c.dim).having(func.sum(rows.c.n) > literal(0))):
        out[dim] = (int(n), int(s1), int(s2))
    return out


def totals(sums: dict[str, tuple[int, int, int]], register: str) -> tuple[int, int, int]:
    """The register's totals from :func:`period_sums` (one dim family counts each record once)."""
    family = [v for k, v in sums.items() if k.startswith(TOTAL_DIM[register])]
    return tuple(sum(v[i] for v in family) for i in range(3))  # type: ignore[return-value]


def by_dim(sums: dict[str, tuple[int, int, int]], prefix: str) -> dict[str, tuple[int, int, int]]:
    return {k[len(prefix):]: v for k, v in sums.items() if k.startswith(prefix)}


def people_period(start, end) -> str | None:
    """The ``stats_people`` period of an inclusive date range: a calendar month, quarter or
    year, else None (then people are counted from the records)."""
    import datetime as dt

    if start is None or end is None or start.day != 1:
        return None
    if start.month == 1 and end == dt.date(start.year, 12, 31):
        return f"{start.year:04d}"
    if end == _month_end(start):
        return _month_key(start)
    if start.month % 3 == 1 and end.year == start.year and end.month == start.month + 2 \
            and end == _month_end(end):
        return f"{start.year:04d}-Q{(start.month + 2) // 3}"
    return None


def people(conn, register: str, period: str, station: str | None = None) -> dict[str, int]:
    """{dim: distinct people} of a month or year, all stations or one."""
    from sqlalchemy import select

    p = stats_people.c
    return dict(conn.execute(select(p.dim, p.people).where(
        p.register == register, p.scope == (station or ALL_STATIONS), p.period == period)).all())


def fair_figures(conn, fair_ids, station: str | None = None) -> dict[str, tuple[int, ...]]:
    """{fair_id: (employers, positions, seekers, intentions)} of the fairs selected by
    ``fair_ids`` (a SELECT of ids), all stations' people or one station's."""
    from sqlalchemy import func, select

    f = stats_fair.c
    conds = [f.fair_id.in_(fair_ids)]
    if station is not None:
        conds.append(f.station_code == station)
    return {fid: (int(e), int(pos), int(s), int(i)) for fid, e, pos, s, i in conn.execute(
        select(f.fair_id, func.sum(f.employers), func.sum(f.positions), func.sum(f.seekers),
               func.sum(f.intentions)).where(*conds).group_by(f.fair_id))}


def ready(conn) -> bool:
    """Whether the database has the summaries as :func:`flush` expects them (migration
    stats_0002: the pending lists and ``relief_visit.person_key``)."""
    if conn.dialect.name == SQLITE:
        sql = "SELECT count(*) FROM pragma_table_xinfo('relief_visit') WHERE name = 'person_key'"
    else:
        sql = ("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
               "current_schema() AND table_name = 'relief_visit' AND column_name = 'person_key'")
    return bool(conn.exec_driver_sql(sql).scalar())


def live_counts(conn, register: str) -> dict[str, int]:
    """{station: live records} of ``register`` ("visit" or "relief") from ``stats_month`` — the
    county's 站点 tab counts without reading every record (issue 15). One dim family counts each
    record once (TOTAL_DIM)."""
    from sqlalchemy import func, select

    m = stats_month.c
    rows = conn.execute(select(m.station_code, func.sum(m.n))
                        .where(m.register == register, m.dim.like(TOTAL_DIM[register] + "%"))
                        .group_by(m.station_code))
    return {code: int(n) for code, n in rows if n}


def catch_up(engine) -> None:
    """Summarise what writers outside the program's engine left pending."""
    with engine.connect() as conn:
        if not ready(conn) or not has_pending(conn.exec_driver_sql):
            return
    with engine.begin() as conn:
        flush(conn.exec_driver_sql, conn.dialect.name)


class Prefetch:
    """The summaries of one period read once for every station (StatsService.compute_each):
    the county's per-station table in a fixed number of statements, not a dozen per station."""

    def __init__(self, conn, start, end, fair_ids):
        from sqlalchemy import select

        self.sums: dict[str, dict[str, dict]] = {}
        for register in TOTAL_DIM:
            self.sums[register] = {}
            for station, dims in _sums_by_station(conn, register, start, end).items():
                self.sums[register][station] = dims
        named = people_period(start, end)
        self.people: dict[str, dict[str, dict[str, int]]] | None = None
        if named is not None:
            p = stats_people.c
            self.people = {}
            for register, scope, dim, n in conn.execute(select(
                    p.register, p.scope, p.dim, p.people).where(p.period == named)):
                self.people.setdefault(register, {}).setdefault(scope, {})[dim] = n
        f = stats_fair.c
        self.fairs: dict[str, dict[str, tuple[int, ...]]] = {}
        for fid, station, e, pos, s, i in conn.execute(select(
                f.fair_id, f.station_code, f.employers, f.positions, f.seekers, f.intentions)
                .where(f.fair_id.in_(fair_ids))):
            self.fairs.setdefault(station, {})[fid] = (e, pos, s, i)
        self.fair_list = None  # filled by stats.py on first use (station-independent)
        self.roster = None


def _sums_by_station(conn, register, start, end) -> dict[str, dict[str, tuple[int, int, int]]]:
    """:func:`period_sums` of every station at once: {station: {dim: (n, s1, s2)}}."""
    from sqlalchemy import func, select, union_all

    parts = _period_parts(register, start, end)
    if not parts:
        return {}
    rows = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    for station, dim, n, s1, s2 in conn.execute(
            select(rows.c.station_code, rows.c.dim, func.sum(rows.c.n), func.sum(rows.c.s1),
                   func.sum(rows.c.s2)).group_by(rows.c.station_code, rows.c.dim)):
        if n:
            out.setdefault(station, {})[dim] = (int(n), int(s1), int(s2))
    return out


def _period_parts(register, start, end) -> list:
    """The SELECTs of (station_code, dim, n, s1, s2) whose rows make up a period."""
    import datetime as dt

    from sqlalchemy import and_, select

    first_full = None if start is None else (
        start if start.day == 1 else _month_end(start) + dt.timedelta(days=1))
    last_full = None if end is None else (end if end == _month_end(end) else
                                          end.replace(day=1) - dt.timedelta(days=1))
    parts = []
    m, d = stats_month.c, stats_day.c
    if first_full is None or last_full is None or first_full <= last_full:
        conds = [m.register == register]
        if first_full is not None:
            conds.append(m.month >= _month_key(first_full))
        if last_full is not None:
            conds.append(m.month <= _month_key(last_full))
        parts.append(select(m.station_code, m.dim, m.n, m.s1, m.s2).where(*conds))
        edges = []
        if start is not None and first_full is not None and start < first_full:
            edges.append((start, first_full - dt.timedelta(days=1)))
        if end is not None and last_full is not None and end > last_full:
            edges.append((last_full + dt.timedelta(days=1), end))
    else:
        edges = [(start, end)]
    for lo, hi in edges:
        parts.append(select(d.station_code, d.dim, d.n, d.s1, d.s2).where(
            and_(d.register == register, d.day >= lo, d.day <= hi)))
    return parts
