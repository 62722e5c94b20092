"""统计口径: each definition proved on hand-made data; the document is the code's table."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.stats import Period, StatsService

ROOT = Path(__file__).resolve().parents[2]
D = dt.date


def figures(desk, start=None, end=None, station=None):
    return StatsService(desk.db).compute(Period(start, end), station)


def test_a_visit_of_three_people_is_one_batch_and_three_person_times(desk, make):
    make.visit(party_size="3")
    v = figures(desk)["visitors"]
    assert (v["batches"], v["person_times"]) == (1, 3)
    assert "people" not in {m.field for m in DEF.measures_of("visitors")}  # no 来访人数 shown


def test_the_same_person_visited_twice_is_two_person_times_and_one_person(desk, make):
    make.relief(id_number="53292319900101005X", name="李四", visit_date="2026-01-10")
    make.relief(id_number="53292319900101005X", name="李四", visit_date="2026-02-10",
                campaign="spring", cash_fen="100")
    c = figures(desk)["condolence"]
    assert (c["person_times"], c["people"], c["cash_yuan"]) == (2, 1, "100.00")


def test_a_volunteer_who_left_after_serving_counts_as_serving_not_on_the_roster(desk, make):
    stays = make.volunteer(name="甲", joined_on="2025-01-01")
    make.service(stays, served_on="2026-03-01", half_hours="2")
    left = make.volunteer(name="乙", joined_on="2025-01-01")
    make.service(left, served_on="2026-03-02", half_hours="1")

    desk.volunteers.update(left, {"name": "乙", "joined_on": "2025-01-01", "status": "left"})
    march = figures(desk, D(2026, 3, 1), D(2026, 3, 31))["volunteers"]
    assert (march["registered"], march["serving"], march["service_hours"]) == (1, 2, "3.0")
    assert march["active"] == march["serving"]  # the old key keeps its meaning


def test_a_volunteer_who_joined_after_the_period_is_not_on_its_roster(desk, make):
    make.volunteer(name="甲", joined_on="2026-05-01")
    assert figures(desk, D(2026, 3, 1), D(2026, 3, 31))["volunteers"]["registered"] == 0
    assert figures(desk, D(2026, 5, 1), D(2026, 5, 31))["volunteers"]["registered"] == 1


def test_old_json_keys_keep_their_meaning(desk, make):
    make.visit(party_size="4")
    make.relief()
    f = figures(desk)
    for old, new in DEF.DEPRECATED_KEYS.items():
        assert DEF.BY_KEY[new].value(f) == f[old.split(".")[0]][old.split(".")[1]], old
    assert (f["visitors"]["visits"], f["visitors"]["people"]) == (1, 4)


def test_every_measure_is_in_the_figures(desk):
    f = figures(desk)
    for m in DEF.MEASURES:
        m.value(f)


def test_numbers_have_thousands_separators():
    assert DEF.format_number(1234) == "1,234"
    assert DEF.format_number(999) == "999"
    assert DEF.format_number("12345.5", "money") == "12,345.50"
    assert DEF.format_number("1234567.25", "money") == "1,234,567.25"
    assert DEF.format_number("12345.5", "hours") == "12,345.5"
    assert DEF.format_change(1300, 1234) == "+66"
    assert DEF.format_change("10.00", "1234.50", "money") == "−1,224.50"
    assert DEF.format_change(5, 5) == "0"


def test_docs_statistics_md_is_the_codes_table():
    doc = (ROOT / "docs" / "statistics.md").read_text(encoding="utf-8")
    assert doc == DEF.markdown(), \
        "run: python -m xiangyun_desk.services.definitions > docs/statistics.md"


def test_window_labels_translate_to_the_measures_names():
    ts = ROOT / "resources" / "translations" / "xiangyun_zh_CN.ts"
    chinese = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") == DEF.CTX:
            for message in context.iter("message"):
                chinese[message.findtext("source")] = message.findtext("translation")
    for m in DEF.MEASURES:
        assert chinese.get(m.label) in (m.name, f"{m.name}（{m.unit}）"), m.key


def test_chart_series_equal_the_figures_of_each_month(desk, make):
    from decimal import Decimal

    fair = make.fair(held_on="2026-02-20")
    make.seeker(fair)
    make.seeker(fair)
    v = make.volunteer(joined_on="2025-01-01")
    for day, party in (("2026-01-31 23:59", "2"), ("2026-02-01 00:00", "3"),
                       ("2026-03-15 10:00", "1")):
        make.visit(visited_at=day, party_size=party)
    make.relief(visit_date="2026-02-10")
    make.service(v, served_on="2026-03-01", half_hours="1.5")
    months = Period.months_back(D(2026, 3, 31), 4)
    for summaries in (True, False):
        stats = StatsService(desk.db)
        stats.summaries = summaries
        series = stats.series(months)
        for key in DEF.CHART_KEYS:
            expected = [DEF.BY_KEY[key].number(stats.compute(p)) for p in months]
            assert series[key] == expected, (summaries, key)
        assert series["visitors.person_times"] == [Decimal(0), Decimal(2), Decimal(3), Decimal(1)]
