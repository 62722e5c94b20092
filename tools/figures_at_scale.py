"""Figures at scale (issue 15 "Figures at scale", issue 14 "Scale"): build a county store with N
records by set-based SQL (the demo generator's mix, spread over one year and S stations), then
time the figures from the summary tables against a recount from the records in the same run.

    python tools/figures_at_scale.py --records 10000000 --stations 20 [--url postgresql+psycopg://...]

Without --url the store is an SQLite file in a temporary data directory. The search index is
left out of the build (not what is measured); the summaries are filled by the program's own
flush (storage/summary.py). Prints one JSON document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.stats import Period, StatsService
from xiangyun_desk.storage import summary
from xiangyun_desk.storage.dialects import store_url


def _sql(dialect: str):
    if dialect == "sqlite":
        return {
            "series": lambda n: f"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g "
                                f"WHERE i < {n}) ",
            "from": "FROM g",
            "id": lambda p, e: f"printf('{p}%035d', {e})",
            "day": lambda e: f"date('2026-01-01', '+' || (({e}) % 365) || ' days')",
            "ts": lambda e: (f"strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', '+' || (({e}) % 365) "
                             f"|| ' days', '+' || (({e}) % 36000) || ' seconds')"),
            "now": "'2026-06-01 00:00:00.000000'",
            "str": lambda e: f"CAST({e} AS TEXT)",
        }
    return {
        "series": lambda n: "",
        "from": "FROM generate_series(1, {n}) AS g(i)",
        "id": lambda p, e: f"'{p}' || lpad(({e})::text, 35, '0')",
        "day": lambda e: f"date '2026-01-01' + (({e}) % 365)::int",
        "ts": lambda e: (f"timestamp '2026-01-01' + (({e}) % 365) * interval '1 day' "
                         f"+ (({e}) % 36000) * interval '1 second'"),
        "now": "timestamp '2026-06-01'",
        "str": lambda e: f"({e})::text",
    }


def _pick(values, expr):
    cases = " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values))
    return f"CASE ({expr}) % {len(values)} {cases} END"


def build(desk, records: int, stations: int) -> dict[str, int]:
    dialect = desk.db.dialect
    f = _sql(dialect)
    n = {"fairs": max(2, records // 5000), "employers": records * 2 // 100,
         "seekers": records * 13 // 100, "intentions": records * 5 // 100,
         "volunteers": max(5, records // 100), "service": records * 4 // 100,
         "relief": records * 20 // 100}
    n["visits"] = records - sum(n.values())
    station = lambda e: f"'5329230' || {f['str'](f'10 + ({e}) % {stations}')}"  # noqa: E731
    common = lambda p, e: (f"{f['id'](p, e)}, {station(e)}, {f['now']}, {f['now']}, {e}, "  # noqa: E731
                           "NULL")
    synced = "id, station_code, created_at, updated_at, change_seq, deleted_at"
    person = "name, gender, phone, phone_norm, id_number, employer, search_key"
    statements = [
        ("visits", f"INSERT INTO visit ({synced}, {person}, visited_at, union_member, "
                   "party_size, purpose, status) SELECT " + common("v", "i")
         + ", '张' || " + f["str"]("i % 5000") + ", 'U', NULL, NULL, NULL, NULL, 'zs', "
         + f"{f['ts']('i * 7')}, 'unknown', 1 + i % 3, "
         + _pick(["legal", "job", "rest", "psych", "hardship", "policy"], "i") + ", "
         + _pick(["done", "following", "referred"], "i / 7") + " {from}"),
        ("relief", f"INSERT INTO relief_visit ({synced}, {person}, visit_date, campaign, "
                   "category, cash_fen, goods_value_fen) SELECT " + common("r", "i")
         + ", '李' || " + f["str"]("i % 3000") + ", 'U', NULL, NULL, '532923' || "
         + f["str"]("100000000000 + i % " + str(max(1, n["relief"] * 3 // 4)))
         + ", NULL, 'ls', " + f["day"]("i * 11") + ", "
         + _pick(["winter", "spring", "summer", "edu", "festival"], "i") + ", "
         + _pick(["hardship", "frontline", "model", "ill"], "i / 5")
         + ", 100 * (i % 500), 50 * (i % 7) {from}"),
        ("volunteers", f"INSERT INTO volunteer ({synced}, {person}, skills, status) SELECT "
         + common("o", "i") + ", '赵' || " + f["str"]("i") + ", 'U', NULL, NULL, NULL, NULL, "
         "'zl', 'legal', " + _pick(["active", "active", "paused"], "i") + " {from}"),
        ("service", f"INSERT INTO service_record ({synced}, volunteer_id, served_on, activity, "
                    "half_hours) SELECT " + common("w", "i") + ", "
         + f["id"]("o", f"1 + i % {n['volunteers']}") + ", " + f["day"]("i * 3")
         + ", '值班', 1 + i % 8 {from}"),
        ("fairs", f"INSERT INTO job_fair ({synced}, name, held_on, source, search_key) SELECT "
         + common("f", "i") + ", '招聘会', " + f["day"]("i * 13") + ", 'local', '' {from}"),
        ("employers", f"INSERT INTO fair_employer ({synced}, fair_id, name, positions, "
                      "search_key) SELECT " + common("e", "i") + ", "
         + f["id"]("f", f"1 + i % {n['fairs']}") + ", '公司', 1 + i % 9, '' {from}"),
        ("seekers", f"INSERT INTO job_seeker ({synced}, {person}, fair_id, poverty_relief) "
                    "SELECT " + common("s", "i") + ", '王' || " + f["str"]("i % 4000")
         + ", 'U', NULL, NULL, NULL, NULL, 'ww', " + f["id"]("f", f"1 + i % {n['fairs']}")
         + ", false {from}"),
        ("intentions", f"INSERT INTO intention ({synced}, fair_id, seeker_id, employer_id, "
                       "status, agreed_on) SELECT " + common("n", "i") + ", "
         + f["id"]("f", f"1 + i % {n['fairs']}") + ", " + f["id"]("s", f"1 + i % {n['seekers']}")
         + ", " + f["id"]("e", f"1 + i % {n['employers']}") + ", 'intent', "
         + f["day"]("i") + " {from}"),
    ]
    with desk.db.engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        else:
            conn.exec_driver_sql("SET session_replication_role = replica")  # no FK checks
        for key, statement in statements:
            count = max(1, n[key])
            sql = f["series"](count) + statement.replace("{from}", f["from"].format(n=count))
            if dialect != "sqlite":
                sql = sql.replace("%", "%%")  # psycopg's placeholders
            started = time.perf_counter()
            conn.exec_driver_sql(sql)
            print(f"  {key}: {count} rows in {time.perf_counter() - started:.1f} s", flush=True)
        if dialect != "sqlite":
            conn.exec_driver_sql("SET session_replication_role = origin")
        # The figures are what is measured; the search index of these rows is not.
        if dialect == "sqlite":
            conn.exec_driver_sql("DELETE FROM search_pending")
        started = time.perf_counter()
        for statement in summary.rebuild_statements(dialect):
            conn.exec_driver_sql(statement)
        summary.flush(conn.exec_driver_sql, dialect)
        print(f"  summaries filled in {time.perf_counter() - started:.1f} s", flush=True)
    if dialect != "sqlite":
        with desk.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with desk.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    return n


def timed(fn, repeat=3):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    return round(best, 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--url")
    parser.add_argument("--data-dir")
    parser.add_argument("--reuse", action="store_true", help="the store is already built")
    parser.add_argument("--recount", action="store_true", help="also time the recount")
    args = parser.parse_args()
    folder = Path(args.data_dir or tempfile.mkdtemp(prefix="xyd-scale-"))
    if args.url and not args.reuse:
        store_url(folder, args.url)
    desk = Desk(folder)
    if not args.reuse:
        desk.initialize("county", "532923", "祥云县总工会")
        started = time.perf_counter()
        counts = build(desk, args.records, args.stations)
        build_s = round(time.perf_counter() - started, 1)
    else:
        counts, build_s = {}, None
    fast = StatsService(desk.db)
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    month = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    with desk.db.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text(
            "SELECT DISTINCT station_code FROM stats_month ORDER BY 1"))]
    out = {
        "dialect": desk.db.dialect, "records": args.records, "stations": len(codes),
        "counts": counts, "build_s": build_s,
        "year_s": timed(lambda: fast.compute(year)),
        "month_s": timed(lambda: fast.compute(month)),
        "station_year_s": timed(lambda: fast.compute(year, codes[0])),
        "per_station_table_year_s": timed(lambda: [fast.compute(year, c) for c in codes], 1),
        "quarter_s": timed(lambda: fast.compute(Period(dt.date(2026, 4, 1),
                                                       dt.date(2026, 6, 30))), 1),
    }
    if args.recount:
        slow = StatsService(desk.db, summaries=False)
        out["recount_year_s"] = timed(lambda: slow.compute(year), 1)
        out["equal"] = slow.compute(year) == fast.compute(year)
    with desk.db.engine.connect() as conn:
        out["summary_rows"] = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                               for t in ("stats_day", "stats_month", "stats_member",
                                         "stats_people", "stats_fair")}
    out["data_dir"] = str(folder)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    desk.close()


if __name__ == "__main__":
    main()
