"""The federation scenario (issue 14): stations × records through counties and a prefecture into a
province, against a raw bulk insert (COPY on PostgreSQL) of the same rows into a fresh store of
the same schema, in the same run; then the province's figures.

    python -m xiangyun_desk.bench.federation --stations 100 --records 10000 --counties 10 \
        --database-url postgresql+psycopg://…/postgres   [--json FILE]

Measured (wall clock, one run each): ``relay`` = every county's export-relay, the prefecture's
import of them, its export-relay and the province's import (the path a record takes above the
county); ``baseline`` = the same records put into a fresh province store with
``storage/bulk.insert_rows`` (COPY on PostgreSQL, one executemany per table on SQLite) in one
transaction, the summaries flushed at its commit as the program's commits do; ``ratio`` =
relay / baseline (goal ≤ 3); ``figures`` = the province's year figures and its per-station table
(goal ≤ 1 s). The stations' data, their bundles and the counties' imports are set up first and
not timed. With ``--database-url`` the prefecture, the province and the baseline each get a new
database on that server (dropped afterwards); without it everything is SQLite.

Kept apart from runner.py (helper "perf" owns the rest of the bench); tests/test_bench_federation.py
runs a small N.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PROVINCE = ("530000", "云南省总工会")
PREFECTURE = ("532900", "大理州总工会")


def _county_codes(n: int) -> list[str]:
    return [f"5329{i + 1:02d}" for i in range(n)]


@contextmanager
def _databases(server_url: str | None, names: list[str]) -> Iterator[dict[str, str | None]]:
    """A fresh database per name on ``server_url`` (dropped afterwards), or None each (SQLite)."""
    if not server_url:
        yield dict.fromkeys(names)
        return
    import psycopg
    from sqlalchemy.engine import make_url

    plain = server_url.replace("postgresql+psycopg://", "postgresql://", 1)
    made = {n: f"xyd_fed_{n}_{uuid.uuid4().hex[:8]}" for n in names}
    with psycopg.connect(plain, autocommit=True) as conn:
        for db in made.values():
            conn.execute(f"CREATE DATABASE {db}")
    try:
        yield {n: make_url(server_url).set(database=db).render_as_string(hide_password=False)
               for n, db in made.items()}
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            for db in made.values():
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def _desk(path: Path, url: str | None, role: str, code: str, name: str):
    from ..services.desk import Desk
    from ..storage.dialects import store_url

    path.mkdir(parents=True, exist_ok=True)
    if url:
        store_url(path, url)
    desk = Desk(path)
    desk.initialize(role, code, name, "", ["值班员"] if role == "station" else None)
    return desk


def _card(desk) -> bytes:
    from ..services import bundles as B

    return B.county_card(desk).to_json().encode()


def run(root: Path, stations: int = 100, records: int = 10_000, counties: int = 10,
        server_url: str | None = None, log=print) -> dict[str, Any]:
    """Run the scenario under ``root``; returns its figures (seconds, rows, ratio)."""
    from ..services import bundles as B
    from ..services.bundles import format as F
    from ..services.bundles.keys import KeyStore, fingerprint, public_key_b64
    from ..services.bundles.relay import load_upper_card
    from ..services.bundles.relay_export import export_relay
    from ..services.bundles.relay_import import RelayImporter
    from ..services.demo import DemoGenerator
    from ..services.stations import StationRegistry
    from ..services.stats import Period, StatsService
    from ..storage.bulk import insert_rows
    from ..storage.db import open_database, open_server_database

    usb = root / "usb"
    usb.mkdir(parents=True, exist_ok=True)
    rows_by_table: dict[str, list[dict]] = {name: [] for name in F.TABLES}
    with _databases(server_url, ["prefecture", "province", "baseline"]) as urls:
        province = _desk(root / "province", urls["province"], "province", *PROVINCE)
        prefecture = _desk(root / "prefecture", urls["prefecture"], "prefecture", *PREFECTURE)
        load_upper_card(prefecture, _card(province))
        StationRegistry(province).add_tier(PREFECTURE[0], PREFECTURE[1],
                                           B.county_card(prefecture).fingerprint)
        county_desks = []
        per_county = max(1, stations // counties)
        made = 0
        start = time.perf_counter()
        for code in _county_codes(counties):
            county = _desk(root / f"county-{code}", None, "county", code, f"{code}县总工会")
            load_upper_card(county, _card(prefecture))
            StationRegistry(prefecture).add_tier(code, county.identity.name,
                                                 B.county_card(county).fingerprint)
            registry = StationRegistry(county)
            files = []
            for i in range(per_county):
                short = f"{i + 1:02d}"
                station = _desk(root / f"station-{code}-{short}", None, "station", short,
                                f"{short}号站")
                B.load_county_card(station, _card(county))
                DemoGenerator(station.db, short, made + 1).generate(records)
                key = KeyStore(station.data_dir).station_signing_key()
                registry.add(short, station.identity.name,
                             fingerprint_text=fingerprint(public_key_b64(key)))
                files.append(B.export_bundle(station, usb).path)
                qualified = f"{code}-{short}"
                with station.db.engine.connect() as conn:
                    for name, model in F.TABLES.items():
                        t = model.__table__
                        for row in conn.execute(t.select()).mappings():
                            doc = dict(row)
                            doc["station_code"] = qualified
                            rows_by_table[name].append(doc)
                station.close()
                made += 1
            for result in B.BundleImporter(county).import_files(files, backup=False):
                assert result.status == "applied", result.to_json()
            county_desks.append(county)
        total_rows = sum(len(v) for v in rows_by_table.values())
        log(f"set-up: {made} stations, {total_rows:,} rows, {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        relays = [export_relay(c, usb).path for c in county_desks]
        for result in RelayImporter(prefecture).import_files(relays, backup=False):
            assert result.status == "applied", result.to_json()
        up = export_relay(prefecture, usb).path
        [result] = RelayImporter(province).import_files([up], backup=False)
        assert result.status == "applied", result.to_json()
        relay_seconds = time.perf_counter() - start
        log(f"relay: {relay_seconds:.2f} s")

        # The baseline: the same rows into a fresh store of the same schema, one transaction.
        base_dir = root / "baseline"
        base_dir.mkdir()
        db = open_server_database(urls["baseline"]) if urls["baseline"] \
            else open_database(base_dir)
        try:
            start = time.perf_counter()
            with db.session() as s, s.begin():  # the program's sessions: summaries at commit
                for name, model in F.TABLES.items():  # parents before children
                    insert_rows(s, model.__table__, rows_by_table[name])
            baseline_seconds = time.perf_counter() - start
        finally:
            db.dispose()
        log(f"baseline: {baseline_seconds:.2f} s")

        period = Period.year_of(__import__("datetime").date.today())
        stats = StatsService(province.db)
        stats.compute(period)  # warm: the summaries caught up
        start = time.perf_counter()
        stats.compute(period)
        figures_seconds = time.perf_counter() - start
        codes = [f"{c}-{i + 1:02d}" for c in _county_codes(counties) for i in range(per_county)]
        start = time.perf_counter()
        stats.compute_each(period, codes)
        table_seconds = time.perf_counter() - start
        with province.db.engine.connect() as conn:
            from sqlalchemy import func, select

            arrived = sum(conn.execute(select(func.count()).select_from(
                model.__table__)).scalar_one() for model in F.TABLES.values())
        for desk in (*county_desks, prefecture, province):
            desk.close()
    return {"stations": made, "records_per_station": records, "counties": counties,
            "dialect": "postgresql" if server_url else "sqlite", "rows": total_rows,
            "arrived": arrived, "relay_s": round(relay_seconds, 3),
            "baseline_s": round(baseline_seconds, 3),
            "ratio": round(relay_seconds / max(baseline_seconds, 1e-6), 2),
            "figures_s": round(figures_seconds, 3), "station_table_s": round(table_seconds, 3)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m xiangyun_desk.bench.federation")
    p.add_argument("--stations", type=int, default=100)
    p.add_argument("--records", type=int, default=10_000)
    p.add_argument("--counties", type=int, default=10)
    p.add_argument("--database-url", default=None)
    p.add_argument("--json", dest="json_file", default=None)
    args = p.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="xyd-fed-bench-"))
    try:
        report = run(root, args.stations, args.records, args.counties, args.database_url)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json_file:
        Path(args.json_file).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
