"""概览: 本月 / 上月 / change / 本年 with thousands separators, 12-month charts whose numbers are
the figures, and the 待办 panel whose items open what they count."""

from __future__ import annotations

import datetime as dt

from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.stats import Period, StatsService

TODAY = dt.date.today()
LAST_MONTH = TODAY.replace(day=1) - dt.timedelta(days=1)


def _visit(desk, when: dt.date, party: int, **extra):
    return desk.visits.create({"visited_at": f"{when.isoformat()} 09:30", "name": "张三",
                               "purpose": "legal", "status": "done",
                               "party_size": str(party), **extra})


def _refreshed(window, qtbot):
    with qtbot.waitSignal(window.overview.refreshed, timeout=20000):
        window.overview.refresh()
    return window.overview


def test_this_month_last_month_change_and_separators(window, qtbot):
    desk = window.desk
    _visit(desk, TODAY, 3)
    _visit(desk, LAST_MONTH, 1)
    _visit(desk, LAST_MONTH, 1)
    for _ in range(3):
        desk.relief.create({"visit_date": TODAY.isoformat(), "campaign": "winter",
                            "name": "李四", "category": "hardship", "cash_fen": "600.25"})
    o = _refreshed(window, qtbot)
    assert o.values[("month", "visitors.batches")].text() == "1"
    assert o.values[("month", "visitors.person_times")].text() == "3"
    assert o.values[("previous", "visitors.batches")].text() == "2"
    assert o.values[("change", "visitors.batches")].text() == "−1"
    assert o.values[("change", "visitors.person_times")].text() == "+1"
    assert o.values[("month", "condolence.cash_yuan")].text() == "1,800.75"
    assert o.values[("month", "condolence.person_times")].text() == "3"
    assert o.values[("month", "condolence.people")].text() == "1"


def test_the_charts_numbers_are_the_figures_of_each_month(window, qtbot):
    desk = window.desk
    day = TODAY
    for n in range(1, 6):  # a visit in each of the last five months, growing parties
        _visit(desk, day, n)
        day = day.replace(day=1) - dt.timedelta(days=1)
    o = _refreshed(window, qtbot)
    stats = StatsService(desk.db)
    months = Period.months_back(TODAY, 12)
    for section, chart in o.charts.items():
        m = DEF.BY_KEY[o.chart_keys[section]]
        assert chart.values == [float(m.number(stats.compute(p))) for p in months], section
        assert chart.labels == [str(p.start.month) for p in months]
    assert o.charts["visitors"].values[-5:] == [5.0, 4.0, 3.0, 2.0, 1.0]


def test_todo_panel_lists_follow_ups_due_and_opens_them(window, qtbot):
    desk = window.desk
    due = _visit(desk, TODAY, 1, status="following", follow_up_on=TODAY.isoformat())
    _visit(desk, TODAY, 1, status="following",
           follow_up_on=(TODAY + dt.timedelta(days=5)).isoformat())
    _visit(desk, TODAY, 1)
    o = _refreshed(window, qtbot)
    buttons = o.todo_buttons()
    assert "follow_ups" in buttons and "1" in buttons["follow_ups"].text()
    assert "bundle_not_exported" in buttons
    with qtbot.waitSignal(o.todoActivated, timeout=2000) as blocker:
        buttons["follow_ups"].click()
    assert blocker.args[0].target == "follow_ups"
    # The window opens exactly the records the item counts.
    view = window.visits.view
    assert window.tabs.currentWidget() is window.visits
    assert view.model.rowCount() == 1 and view.model.record_id(0) == due
    assert view.follow_up_chip.isVisible()
    view.follow_up_chip.click()
    assert view.model.rowCount() == 3 and not view.follow_up_chip.isVisible()


def test_fair_details_show_the_id_the_command_line_asks_for(window, qtbot):
    desk = window.desk
    fair = desk.fairs.create({"name": "春风行动", "held_on": TODAY.isoformat()})
    window.tabs.setCurrentWidget(window.fairs)
    window.fairs.fairs.apply_filters()
    window.fairs.select_fair(fair)
    assert fair[:8] in window.fairs.heading.text()


def test_the_intention_form_offers_the_chosen_employers_positions(window, qtbot):
    desk = window.desk
    fair = desk.fairs.create({"name": "春风行动", "held_on": TODAY.isoformat()})
    bus = desk.employers.create({"fair_id": fair, "name": "公交公司", "positions": "3",
                                 "job_titles": "司机、调度员"})
    shop = desk.employers.create({"fair_id": fair, "name": "商贸城", "positions": "2",
                                  "job_titles": "营业员"})
    desk.seekers.create({"fair_id": fair, "name": "王五"})
    tab = window.fairs
    window.tabs.setCurrentWidget(tab)
    tab.fairs.apply_filters()
    tab.fairs.select_record(fair)
    form = tab.intentions.open_form(None)
    qtbot.addWidget(form)
    employer, position = form.widgets["employer_id"], form.widgets["position"]
    employer.setCurrentIndex(employer.findData(bus))
    assert [position.itemText(i) for i in range(position.count())] == ["", "司机", "调度员"]
    employer.setCurrentIndex(employer.findData(shop))
    assert [position.itemText(i) for i in range(position.count())] == ["", "营业员"]
    position.setCurrentIndex(1)
    assert form.values()["position"] == "营业员"
