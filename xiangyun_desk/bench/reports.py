"""Benchmark of the PDF ledger against a bare ReportLab table of the same rows, in the same run.

The ledger's time is everything from the database to the finished file (query, labels, masks,
cell wrapping, header and footer with "第 X 页 / 共 Y 页", atomic write). The baseline is what
ReportLab alone needs for the same printed rows: one ``Table`` (same strings, same column widths,
same font, header repeated) in a ``SimpleDocTemplate``, given the strings ready-made. Goal: the
ledger within 1.5x of the baseline.

``python -m xiangyun_desk.bench.reports [ROWS]`` runs it on a scratch station; from code,
:func:`bench_ledger` takes a desk (a scratch one: it adds demo visits to an otherwise unused
month when the desk has fewer than ``rows`` there).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import func, select, text

from ..storage import models as M

BENCH_PERIOD = "2001-01"  # a month no real station has data in


def _add_visits(desk, count: int, year: int, month: int, seed: int = 1) -> None:
    """Insert ``count`` realistic visits in the month (fast; change sequence numbers reserved)."""
    from ..domain.codes import codes_of
    from ..services.demo import EMPLOYERS, GIVEN, SUMMARIES, SURNAMES, _search_key

    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    code = desk.identity.code
    purposes = codes_of("visit_purpose")
    rows = []
    for _ in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = "1" + rng.choice("3456789") + "".join(rng.choices("0123456789", k=9))
        id_number = "532923" + f"{rng.randrange(1960, 2000)}0101{rng.randrange(1000):03d}" + "X" \
            if rng.random() < 0.3 else None
        employer = rng.choice(EMPLOYERS) if rng.random() < 0.8 else None
        at = dt.datetime(year, month, rng.randrange(1, 29), rng.randrange(8, 18), rng.randrange(60))
        rows.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "station_code": code,
            "created_at": now, "updated_at": now, "deleted_at": None, "name": name,
            "gender": rng.choice("MMF"), "phone": phone, "phone_norm": phone,
            "id_number": id_number, "employer": employer,
            "search_key": _search_key(name, phone, id_number or "", employer or ""),
            "visited_at": at.isoformat(sep=" "), "left_at": None,
            "union_member": "unknown", "party_size": rng.choice((1, 1, 1, 2, 3)),
            "purpose": rng.choice(purposes), "summary": rng.choice(SUMMARIES), "outcome": None,
            "status": rng.choice(("done", "done", "following", "referred")),
            "referred_to": None, "staff": rng.choice(("李红", "王建国")), "follow_up_on": None,
        })
    with desk.db.engine.begin() as conn:
        last = conn.execute(text(
            "UPDATE change_counter SET last_seq = last_seq + :n WHERE id = 1 RETURNING last_seq"),
            {"n": len(rows)}).scalar_one()
        for offset, row in enumerate(rows):
            row["change_seq"] = last - len(rows) + 1 + offset
        columns = list(rows[0])
        conn.exec_driver_sql(
            f"INSERT INTO visit ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [tuple(r[c] for c in columns) for r in rows])


def _bare_table(path: Path, header: list[str], rows: list[list[str]], widths: list[float],
                font: str, landscape: bool) -> None:
    """The baseline: a plain ReportLab table of the given strings."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    doc = SimpleDocTemplate(str(path), pagesize=turn(A4) if landscape else A4,
                            leftMargin=15 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=17 * mm, initialFontName=font)
    table = Table([header, *rows], colWidths=widths, repeatRows=1, style=TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9, 11.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    doc.build([table])


def bench_ledger(desk, rows: int = 10_000, repeats: int = 3,
                 out_dir: Path | None = None) -> dict:
    """Time the visitor ledger of ``rows`` records against a bare ReportLab table of the same
    printed rows; best of ``repeats`` each, interleaved. Returns seconds, pages and the ratio."""
    from ..services.reports import ReportPeriod, ReportRequest, generate_report, make_context
    from ..services.reports.common import Ctx
    from ..services.reports.layout import column_widths
    from ..services.reports.ledger import LEDGERS, Totals

    period = ReportPeriod.parse(BENCH_PERIOD)
    t = M.Visit.__table__.c
    with desk.db.engine.connect() as conn:
        have = conn.execute(select(func.count()).where(
            t.deleted_at.is_(None), *period.stats_period().on_datetime(t.visited_at))).scalar_one()
    if have < rows:
        _add_visits(desk, rows - have, period.start.year, period.start.month)
    request = ReportRequest("ledger", period, register="visits")
    ledger = LEDGERS["visits"]

    # The baseline's input: the same printed strings (prepared outside the timing).
    ctx: Ctx = make_context(desk, request)
    tot = Totals()
    with desk.db.engine.connect() as conn:
        records = [dict(r._mapping) for r in conn.execute(ledger.query(ctx))]
    strings = [[str(v or "") for v in ledger.row(ctx, r, tot)] for r in records]
    widths = column_widths(ctx.cells, ctx.width, ledger.columns)
    header = [c.header for c in ledger.columns]
    del records

    folder = Path(out_dir or tempfile.mkdtemp(prefix="xyd-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    ledger_times, bare_times = [], []
    for i in range(repeats):
        gc.collect()
        start = time.perf_counter()
        generate_report(desk, request, folder / f"ledger-{i}.pdf")
        ledger_times.append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        _bare_table(folder / f"bare-{i}.pdf", header, strings, widths, ctx.fonts.body,
                    ledger.landscape)
        bare_times.append(time.perf_counter() - start)

    def pages(path: Path) -> int | None:
        try:
            from pypdf import PdfReader  # a test dependency: page counts only when present
        except ImportError:
            return None
        return len(PdfReader(str(path)).pages)

    best_ledger, best_bare = min(ledger_times), min(bare_times)
    return {
        "rows": len(strings),
        "ledger_seconds": round(best_ledger, 3),
        "bare_table_seconds": round(best_bare, 3),
        "ratio": round(best_ledger / best_bare, 3),
        "goal": 1.5,
        "ledger_pages": pages(folder / "ledger-0.pdf"),
        "bare_table_pages": pages(folder / "bare-0.pdf"),
        "ledger_runs": [round(x, 3) for x in ledger_times],
        "bare_table_runs": [round(x, 3) for x in bare_times],
        "out_dir": str(folder),
    }


def main(argv: list[str] | None = None) -> int:
    import json

    from ..services.desk import Desk

    args = sys.argv[1:] if argv is None else argv
    rows = int(args[0]) if args else 10_000
    with tempfile.TemporaryDirectory(prefix="xyd-bench-") as scratch:
        desk = Desk(Path(scratch) / "data")
        desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
        try:
            result = bench_ledger(desk, rows, out_dir=Path(scratch))
        finally:
            desk.close()
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
