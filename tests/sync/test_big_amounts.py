"""Amounts up to the domain's ceiling (MAX_FEN, 100 million yuan) are stored and summed on both
dialects: on PostgreSQL the fen columns and the summaries' sums are bigint (revision fed_0001),
an int4 holds only about 21.5 million yuan."""

from __future__ import annotations

import datetime as dt

from bundle_helpers import craft_bundle, inner_zip, records_files, snapshot

from xiangyun_desk.domain.money import MAX_FEN, format_yuan
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.stats import Period, StatsService


def test_the_county_stores_and_sums_max_fen_amounts(county, station, tmp_path):
    today = dt.date.today()
    for i in range(3):
        station.relief.create({"visit_date": today.isoformat(), "campaign": "winter",
                               "name": f"张{i}", "category": "hardship",
                               "cash_fen": MAX_FEN, "goods_value_fen": MAX_FEN})
    rows: dict[str, list[dict]] = {}
    for (table, _id), row in sorted(snapshot(station).items(),
                                    key=lambda kv: kv[1]["change_seq"]):
        rows.setdefault(table, []).append(dict(row))
    files, entries = records_files(rows)
    top = max(r["change_seq"] for table in rows.values() for r in table)
    path = craft_bundle(tmp_path / "max.xyb", station, county, inner=inner_zip(files),
                        tables=entries,
                        manifest_patch=lambda m: m.update(change_seq={"from": 0, "to": top}))
    result = B.BundleImporter(county).import_files([path])[0]
    assert result.status == "applied", result.to_json()
    assert result.counts["relief_visit"]["new"] == 3
    stored = [r for (t, _i), r in snapshot(county).items() if t == "relief_visit"]
    assert [r["cash_fen"] for r in stored] == [MAX_FEN] * 3
    assert [r["goods_value_fen"] for r in stored] == [MAX_FEN] * 3
    period = Period.year_of(today)
    for summaries in (True, False):  # the summary tables and a recount agree
        figures = StatsService(county.db, summaries=summaries).compute(period)
        assert figures["condolence"]["cash_yuan"] == format_yuan(3 * MAX_FEN)
