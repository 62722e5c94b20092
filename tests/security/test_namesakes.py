"""查找人员 by the name alone (issue 11): people with the same name are told apart by employer,
phone tail and age, and the chosen one's records are shown."""

from __future__ import annotations

import datetime as dt

import pytest
from security_helpers import VISIT

ID = "532923198001010012"


@pytest.fixture
def three_zhangsan(desk):
    a1 = desk.visits.create({**VISIT, "employer": "祥云县公交公司"})  # ID + phone …5678
    a2 = desk.relief.create({"visit_date": "2026-01-15", "campaign": "winter", "name": "张三",
                             "category": "hardship", "id_number": ID})
    b = desk.visits.create({**VISIT, "id_number": "", "phone": "13900002222",
                            "employer": "云南驿物流园"})
    c = desk.visits.create({**VISIT, "id_number": "", "phone": ""})
    li = desk.visits.create({**VISIT, "name": "李四", "id_number": "", "phone": "13700003333"})
    return {"a": {a1, a2}, "b": {b}, "c": {c}, "li": {li}}


def test_namesakes_are_told_apart_by_employer_phone_tail_and_age(desk, three_zhangsan):
    people = desk.people.namesakes(" 张三 ", today=dt.date(2026, 12, 7))
    assert len(people) == 3
    first = people[0]  # the one with most records
    assert (first.id_number, first.records, first.age, first.phone_tail) == (ID, 2, 46, "5678")
    assert first.employers == ["祥云县公交公司"] and first.registers == ["visits", "relief"]
    by_tail = {p.phone_tail: p for p in people}
    assert by_tail["2222"].employers == ["云南驿物流园"] and by_tail["2222"].age is None
    assert by_tail[""].records == 1
    assert [p.name for p in desk.people.namesakes("李四")] == ["李四"]
    assert desk.people.namesakes("王五") == []


def test_the_records_of_each_namesake(desk, three_zhangsan):
    people = {p.phone_tail: p for p in desk.people.namesakes("张三")}
    assert {r.record_id for r in desk.people.find_namesake(people["5678"])} == three_zhangsan["a"]
    assert {r.record_id for r in desk.people.find_namesake(people["2222"])} == three_zhangsan["b"]
    assert {r.record_id for r in desk.people.find_namesake(people[""])} == three_zhangsan["c"]


def test_person_view_finds_by_name_alone_and_asks_which_namesake(qtbot, desk, three_zhangsan,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QDialog

    from xiangyun_desk.ui.security import namesakes
    from xiangyun_desk.ui.security.person_view import PersonView

    shown = []

    def choose_second(dialog):  # the user picks the row whose phone tail is 2222
        shown.append(dialog)
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 1).text() == "2222")
        dialog.table.selectRow(row)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(namesakes.NamesakeDialog, "exec", choose_second)
    view = PersonView(desk)
    qtbot.addWidget(view)
    view.name.setText("李四")
    assert {r.record_id for r in view.find()} == three_zhangsan["li"]
    assert shown == []  # one person of that name: no question
    view.name.setText("张三")
    assert {r.record_id for r in view.find()} == three_zhangsan["b"]
    assert len(shown) == 1 and shown[0].table.rowCount() == 3
    assert "云南驿物流园" in view.detail.toPlainText()
