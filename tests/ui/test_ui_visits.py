"""来访登记 in the real window: create, edit, search, filters, delete and restore."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

VALID_ID = "11010519491231002X"  # the GB 11643 example number


def test_new_visit_through_the_new_action_is_saved_listed_and_selected(ui, window):
    window.tabs.setCurrentWidget(window.visits)
    view = window.visits.view
    forms = ui.answer_forms(name="张三", phone="13812345678", employer="祥云县建筑工程有限公司",
                            purpose="job", summary="咨询招聘信息")
    record_id = view.new_record()

    assert record_id is not None
    form = forms[-1]
    assert form.windowTitle()  # a titled dialog was used
    stored = window.desk.visits.get(record_id)
    assert stored["name"] == "张三"
    assert stored["phone"] == "13812345678"
    assert stored["employer"] == "祥云县建筑工程有限公司"
    assert stored["purpose"] == "job"
    assert stored["summary"] == "咨询招聘信息"
    # Sensible defaults: the staff member on duty, status done, one person, visited now.
    assert stored["staff"] == window.duty.currentText() == "李红"
    assert stored["status"] == "done" and stored["party_size"] == 1
    assert abs(stored["visited_at"] - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert ui.names(view) == ["张三"]
    assert view.current_id() == record_id  # the new row is selected
    assert ui.cell(view, record_id, "phone") != "13812345678"  # masked in the table
    assert ui.cell(view, record_id, "phone").endswith("5678")
    assert "1" in window.count_label.text()


def test_staff_on_duty_in_the_status_bar_is_the_default_for_new_visits(ui, window):
    window.duty.setCurrentText("王建国")
    record_id = ui.create(window.visits.view, purpose="legal", name="李四")
    assert window.desk.visits.get(record_id)["staff"] == "王建国"


def test_edit_by_f2_action_double_click_and_enter(ui, window):
    window.tabs.setCurrentWidget(window.visits)
    view = window.visits.view
    record_id = ui.create(view, name="张三", phone="13812345678", purpose="legal")
    assert ui.select(view, "张三") == record_id

    # Edit (F2's action): the form opens with the stored values and saves changes.
    forms = ui.answer_forms(employer="云南驿物流园", status="following")
    assert view.edit_current() == record_id
    assert forms[-1].widgets["name"].text() == "张三"
    assert forms[-1].widgets["phone"].text() == "13812345678"
    stored = window.desk.visits.get(record_id)
    assert (stored["name"], stored["employer"], stored["status"]) == ("张三", "云南驿物流园",
                                                                       "following")
    assert ui.cell(view, record_id, "employer") == "云南驿物流园"
    assert view.current_id() == record_id

    # Double-click a row.
    ui.answer_forms(purpose="legal", name="张三丰")
    row = view.model.row_of(record_id)
    rect = view.table.visualRect(view.model.index(row, 1))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.desk.visits.get(record_id)["name"] == "张三丰"

    # Enter on the table.
    ui.answer_forms(purpose="legal", name="张三")
    view.table.setFocus()
    ui.qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.desk.visits.get(record_id)["name"] == "张三"
    assert ui.names(view) == ["张三"]
    assert len(window.desk.visits.query_ids(view.model.query)) == 1  # edited, not duplicated


def test_cancelled_form_saves_nothing(ui, window):
    view = window.visits.view
    ui.answer_forms(save=False, purpose="legal", name="王五")
    assert view.new_record() is None
    assert view.model.rowCount() == 0


def test_search_by_name_initials_heteronym_surname_phone_id_tail_and_employer(ui, window):
    view = window.visits.view
    ui.create(view, purpose="legal", name="张三", phone="13812345678")
    ui.create(view, purpose="legal", name="李红", employer="祥云县建筑工程有限公司")
    ui.create(view, purpose="legal", name="单田芳", phone="13900008888")
    ui.create(view, purpose="legal", name="曾国华", id_number=VALID_ID)
    ui.create(view, purpose="legal", name="王建国", phone="0872-7123456")

    assert ui.search(view, "zs") == ["张三"]
    assert ui.search(view, "ZS") == ["张三"]
    # 单 reads Shàn as a surname (pypinyin's first reading is dān): both initials find it.
    assert ui.search(view, "stf") == ["单田芳"]
    assert ui.search(view, "dtf") == ["单田芳"]
    assert "单田芳" in ui.search(view, "s")
    assert "李红" not in ui.search(view, "s")
    assert ui.search(view, "zgh") == ["曾国华"]  # 曾 Zēng as a surname
    assert ui.search(view, "张三") == ["张三"]
    assert ui.search(view, "8888") == ["单田芳"]  # phone tail
    assert ui.search(view, "02x") == ["曾国华"]  # ID-number tail, any case
    assert ui.search(view, "建筑") == ["李红"]  # employer
    assert ui.search(view, "0872-7123") == ["王建国"]  # landline as typed with its dash
    assert ui.search(view, "qqq") == []
    assert view.model.rowCount() == 0
    assert sorted(ui.search(view, "")) == sorted(["张三", "李红", "单田芳", "曾国华", "王建国"])


def test_search_waits_for_typing_to_pause(ui, window):
    view = window.visits.view
    ui.create(view, purpose="legal", name="张三")
    ui.create(view, purpose="legal", name="李四")
    view.search.setText("zs")  # no Enter: the delayed search runs by itself
    ui.qtbot.waitUntil(lambda: ui.names(view) == ["张三"], timeout=3000)


def test_text_that_looks_like_sql_is_just_text(ui, window):
    view = window.visits.view
    evil = "Robert'); DROP TABLE visit;--"
    record_id = ui.create(view, purpose="legal", name=evil, employer="' OR 1=1 --")
    ui.create(view, purpose="legal", name="张三")
    assert window.desk.visits.get(record_id)["name"] == evil
    assert ui.search(view, "robert');") == [evil]
    assert ui.search(view, "or") == [evil]
    assert ui.search(view, "%") == []
    assert ui.search(view, "_") == []
    assert sorted(ui.search(view, "")) == sorted([evil, "张三"])


def test_rare_characters_and_emoji_are_stored_and_shown_exactly(ui, window):
    view = window.visits.view
    rare = "𬌗堃珺"
    emoji = "李😀明"
    combining = "王\u0301芳"  # a combining mark must not be normalised away
    employer = "珺家乐🍜小吃"
    ids = {name: ui.create(view, purpose="legal", name=name, employer=employer) for name in
           (rare, emoji, combining)}
    for name, record_id in ids.items():
        assert window.desk.visits.get(record_id)["name"] == name
        assert ui.cell(view, record_id, "name") == name
        assert ui.cell(view, record_id, "employer") == employer
        assert view.open_form(record_id).widgets["name"].text() == name
    assert ui.search(view, "𬌗") == [rare]
    assert ui.search(view, "😀") == [emoji]


def test_category_and_date_filters(ui, window):
    view = window.visits.view
    ui.create(view, name="张三", purpose="job")
    ui.create(view, name="李四", purpose="legal")
    ui.create(view, name="王五", purpose="job",
              visited_at=dt.datetime(2020, 3, 1, 9, 30))

    view.category.setCurrentIndex(view.category.findData("job"))
    assert sorted(ui.names(view)) == ["张三", "王五"]
    view.use_dates.setChecked(True)  # the last month by default
    assert ui.names(view) == ["张三"]
    view.date_from.setDate(QDate(2020, 3, 1))
    view.date_to.setDate(QDate(2020, 3, 1))  # the end day counts whole
    assert ui.names(view) == ["王五"]
    view.category.setCurrentIndex(0)  # (all)
    view.use_dates.setChecked(False)
    assert sorted(ui.names(view)) == ["张三", "李四", "王五"]


def test_delete_asks_first_and_restore_brings_it_back(ui, window):
    window.tabs.setCurrentWidget(window.visits)
    view = window.visits.view
    keep = ui.create(view, purpose="legal", name="李四")
    gone = ui.create(view, purpose="legal", name="张三")

    ui.select(view, "张三")
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    assert view.delete_current() is False
    assert len(asked) == 1
    assert sorted(ui.names(view)) == ["张三", "李四"]
    assert window.desk.visits.get(gone)["deleted_at"] is None

    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(view, "张三")
    assert view.delete_current() is True
    assert ui.names(view) == ["李四"]
    assert window.desk.visits.get(gone)["deleted_at"] is not None  # soft: a tombstone
    assert "1" in window.count_label.text()

    view.show_deleted.setChecked(True)
    assert ui.names(view) == ["张三"]
    assert not view.act_new.isEnabled() and not view.act_delete.isEnabled()
    assert view.act_restore.isEnabled()
    ui.select(view, "张三")
    assert view.restore_current() is True
    assert view.model.rowCount() == 0
    view.show_deleted.setChecked(False)
    assert sorted(ui.names(view)) == ["张三", "李四"]
    assert window.desk.visits.get(gone)["deleted_at"] is None
    assert window.desk.visits.get(keep)["deleted_at"] is None


def test_enter_on_a_deleted_row_restores_it(ui, window):
    view = window.visits.view
    record_id = ui.create(view, purpose="legal", name="张三")
    window.desk.visits.delete(record_id)
    view.show_deleted.setChecked(True)
    ui.select(view, "张三")
    ui.qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.desk.visits.get(record_id)["deleted_at"] is None


def test_search_box_takes_several_words_in_any_order(ui, window):
    view = window.visits.view
    ui.create(view, purpose="legal", name="张三", employer="祥云县公交公司", phone="13812345678")
    ui.create(view, purpose="legal", name="张三", employer="云南驿物流园", phone="13900001111")
    ui.create(view, purpose="legal", name="李四", employer="祥云县公交公司")
    assert ui.search(view, "张三 公交") == ["张三"]
    assert ui.search(view, "公交 张三") == ["张三"]
    assert ui.search(view, "zs 5678") == ["张三"]
    assert sorted(ui.search(view, "公交")) == sorted(["张三", "李四"])
    assert ui.search(view, "张三 李四") == []
