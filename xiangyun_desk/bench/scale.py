"""Large data sets for the benchmark, made by copying a generated one inside SQLite.

Generating records one by one (services/demo.py) runs at some 15,000 records/s on an idle
machine — over ten minutes for a million and hours for the 10,000,000-record county of issue 15.
:func:`grow` instead appends copies of an existing data set's records with plain
``INSERT … SELECT`` (new ids, a chosen station code), one transaction per copy, and brings the
search index and the figures' summaries up to date before each commit exactly as the program's
commits do (storage.search_index.flush, storage.summary.flush). The copies are real records to
every part of the program; only their variety is that of the source data set (the same names
and numbers recur once per copy), which the reports of the bench say.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path


def copy_id(column: str, k: int) -> str:
    """A SQL expression: the id ``column`` of copy ``k`` — still a valid UUID, its first eight
    digits ``fffff`` + k in hex (a generated id starting so is about one in a million; equal
    in its other 28 digits too, never)."""
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE 'fffff' || printf('%03x', {k}) " \
           f"|| substr({column}, 9) END"


# Relief recipients are counted as distinct people (ID number, else name and phone): copies
# made for another station get people of their own (a changed ID number and name), so that the
# county's people are not the same few thousand recurring at every station.
PEOPLE = {"relief_visit": {
    "id_number": "CASE WHEN id_number IS NULL THEN NULL ELSE printf('%03d', {k} % 1000) "
                 "|| substr(id_number, 4) END",
    "name": "name || char(19968 + {k})",
}}


def grow(target: Path, source: Path, copies: Iterable[tuple[int, str]],
         log: Callable[[str], None] = print, new_people: bool = False) -> int:
    """Append to the database file ``target`` one copy of every synced record of ``source``
    per (k, station code) in ``copies`` (k: 1…4095, distinct per target). Returns the records
    added. ``new_people``: the copies' relief recipients are other people (:data:`PEOPLE`)."""
    from ..storage import search_index, summary
    from ..storage.models import SYNCED_MODELS

    conn = sqlite3.connect(target, isolation_level=None)
    added = 0
    try:
        search_index.register_functions(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # a data set being built, not user data
        conn.execute("PRAGMA cache_size=-400000")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        for k, station in copies:
            start = time.perf_counter()
            conn.execute("BEGIN")
            rows = 0
            for model in SYNCED_MODELS:
                table = model.__table__
                if table.name == "staff":  # the station's few staff: one of each name
                    continue
                ids = {"id"} | {fk.parent.key for fk in table.foreign_keys}
                cols = [c.key for c in table.c]
                people = PEOPLE.get(table.name, {}) if new_people else {}
                exprs = [copy_id(c, k) if c in ids
                         else people[c].format(k=k) if c in people
                         else ("?" if c == "station_code" else c) for c in cols]
                cur = conn.execute(f"INSERT INTO main.{table.name} ({', '.join(cols)}) "
                                   f"SELECT {', '.join(exprs)} FROM src.{table.name}",
                                   (station,) if "station_code" in cols else ())
                rows += cur.rowcount
            search_index.flush(conn.execute)
            summary.flush(conn.execute, "sqlite")
            conn.execute("COMMIT")
            added += rows
            log(f"copy {k} as station {station}: {rows:,} records in "
                f"{time.perf_counter() - start:.1f} s")
    finally:
        conn.close()
    return added


def records(path: Path) -> int:
    """Synced records in a database file."""
    from ..storage.models import SYNCED_MODELS

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {m.__tablename__}").fetchone()[0]
                   for m in SYNCED_MODELS)


def build_county(folder: Path, template: Path, source: Path, target_records: int,
                 stations: list[str], log: Callable[[str], None] = print,
                 deadline: float | None = None) -> int:
    """A county database of about ``target_records`` records in ``folder`` (made from the
    county installation ``template``, whose registry lists ``stations``), by copies of the
    station data set ``source`` spread over those stations. Resumes where an earlier run
    stopped (``copies.txt``); stops early at ``deadline`` (time.time()). Returns its records."""
    import shutil

    db = folder / "xiangyun.sqlite3"
    done_file = folder / "copies.txt"
    if not db.exists():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder)
        done_file.write_text("0")
    done = int(done_file.read_text() or 0)
    per_copy = records(source)
    have = records(db)
    while have + per_copy // 2 < target_records:
        if deadline is not None and time.time() > deadline:
            log(f"stopped at {have:,} records: out of time")
            break
        k = done + 1
        have += grow(db, source, [(k, stations[(k - 1) % len(stations)])], log, new_people=True)
        done = k
        done_file.write_text(str(done))
    return have
