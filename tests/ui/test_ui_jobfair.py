"""招聘会 in the real window: fair → employers → seekers → intentions, with their counts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

TODAY = dt.date.today()


@pytest.fixture
def fairs(ui, window):
    """Two fairs made through the window; the first (春风行动) is selected."""
    window.tabs.setCurrentWidget(window.fairs)
    tab = window.fairs
    ui.answer_forms(name="民营企业招聘周", held_on=TODAY - dt.timedelta(days=3),
                    place="祥云县人力资源市场")
    other = tab.fairs.new_record()
    ui.answer_forms(name="春风行动专场招聘会", held_on=TODAY, place="云南驿镇文化广场",
                    organiser="祥云县总工会")
    spring = tab.fairs.new_record()
    assert spring and other
    assert tab.fairs.current_id() == spring  # the new fair is selected ...
    assert "春风行动专场招聘会" in tab.heading.text()  # ... and shown above its pages
    return tab, spring, other


def test_fair_employer_seeker_intention_structure(ui, window, fairs):
    tab, spring, other = fairs
    desk = window.desk
    assert tab.employers.act_new.isEnabled()

    # Employers of the selected fair, with the positions they offer.
    ui.answer_forms(name="祥云县建筑工程有限公司", positions=30, job_titles="普工、电工",
                    pay_range="3000-5000", contact="赵经理", phone="13812345678")
    builder = tab.employers.new_record()
    ui.answer_forms(name="云南驿物流园", positions=12, job_titles="司机")
    logistics = tab.employers.new_record()
    assert desk.employers.get(builder)["fair_id"] == spring
    assert sorted(ui.names(tab.employers)) == ["云南驿物流园", "祥云县建筑工程有限公司"]

    # Seekers registered at the fair (the quick one-column form).
    ui.answer_forms(name="张三", gender="M", phone="13900001111", birth_year="1988",
                    education="senior", household="rural", poverty_relief=True, desired_job="电工")
    zhang = tab.seekers.new_record()
    ui.answer_forms(name="单田芳", birth_year="1995")
    shan = tab.seekers.new_record()
    stored = desk.seekers.get(zhang)
    assert stored["fair_id"] == spring and stored["birth_year"] == 1988
    assert stored["poverty_relief"] is True

    # The other fair's people must not be offered in this fair's intention form.
    ui.select(tab.fairs, "民营企业招聘周")
    assert ui.names(tab.employers) == [] and ui.names(tab.seekers) == []
    ui.create(tab.employers, name="大理祥云飞龙实业公司", positions=5)
    ui.create(tab.seekers, name="李四")
    ui.select(tab.fairs, "春风行动专场招聘会")
    assert sorted(ui.names(tab.seekers)) == ["单田芳", "张三"]

    form = tab.intentions.open_form(None)
    seeker_box, employer_box = form.widgets["seeker_id"], form.widgets["employer_id"]
    offered_seekers = {seeker_box.itemData(i) for i in range(seeker_box.count())}
    offered_employers = {employer_box.itemData(i) for i in range(employer_box.count())}
    assert offered_seekers == {zhang, shan}
    assert offered_employers == {builder, logistics}
    assert any("张三" in seeker_box.itemText(i) for i in range(seeker_box.count()))
    ui.fill(form, seeker_id=zhang, employer_id=builder, status="intent", agreed_on=TODAY)
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    intention = form.result_value
    tab.intentions.apply_filters()
    assert ui.names(tab.intentions, "seeker_name") == ["张三"]
    assert ui.names(tab.intentions, "employer_name") == ["祥云县建筑工程有限公司"]
    assert desk.intentions.get(intention)["fair_id"] == spring

    # Counts: per employer, per seeker, and in the fair list (positions = sum offered).
    assert ui.cell(tab.employers, builder, "intentions") == "1"
    assert ui.cell(tab.employers, logistics, "intentions") == "0"
    assert ui.cell(tab.seekers, zhang, "intentions") == "1"
    assert ui.cell(tab.fairs, spring, "positions") == "42"
    assert ui.cell(tab.fairs, spring, "employers") == "2"
    assert ui.cell(tab.fairs, spring, "seekers") == "2"
    assert ui.cell(tab.fairs, other, "positions") == "5"
    assert tab.fairs.current_id() == spring  # refreshing counts keeps the selection

    # Edit each level.
    ui.select(tab.fairs, "春风行动专场招聘会")
    ui.answer_forms(place="祥云县人力资源市场")
    assert tab.fairs.edit_current() == spring
    assert desk.fairs.get(spring)["place"] == "祥云县人力资源市场"
    assert "祥云县人力资源市场" in tab.heading.text()
    ui.select(tab.employers, "祥云县建筑工程有限公司")
    ui.answer_forms(positions=40)
    assert tab.employers.edit_current() == builder
    assert ui.cell(tab.fairs, spring, "positions") == "52"
    ui.select(tab.seekers, "张三")
    ui.answer_forms(desired_job="焊工")
    assert tab.seekers.edit_current() == zhang
    assert desk.seekers.get(zhang)["desired_job"] == "焊工"
    assert desk.seekers.get(zhang)["birth_year"] == 1988  # kept from the stored record
    ui.select(tab.intentions, "张三", "seeker_name")
    forms = ui.answer_forms(status="signed")
    assert tab.intentions.edit_current() == intention
    assert forms[-1].widgets["seeker_id"].currentData() == zhang  # the form showed the link
    assert desk.intentions.get(intention)["status"] == "signed"

    # Search at each level: initials of fairs and people, employer names.
    assert ui.search(tab.fairs, "cfxd") == ["春风行动专场招聘会"]
    assert ui.search(tab.fairs, "") and tab.fairs.current_id() is None
    ui.select(tab.fairs, "春风行动专场招聘会")
    assert ui.search(tab.seekers, "zs") == ["张三"]
    assert ui.search(tab.seekers, "st") == ["单田芳"]  # 单 as a surname reads Shàn
    assert ui.search(tab.seekers, "1111") == ["张三"]
    ui.search(tab.seekers, "")
    assert ui.search(tab.employers, "物流") == ["云南驿物流园"]
    assert ui.search(tab.employers, "jzgc") == ["祥云县建筑工程有限公司"]  # initials of 建筑工程
    assert ui.search(tab.employers, "司机") == ["云南驿物流园"]  # a job offered
    ui.search(tab.employers, "")

    # Delete (confirmed) and restore at each level, counts following.
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(tab.intentions, "张三", "seeker_name")
    assert tab.intentions.delete_current()
    assert ui.names(tab.intentions, "seeker_name") == []
    assert ui.cell(tab.seekers, zhang, "intentions") == "0"
    tab.intentions.show_deleted.setChecked(True)
    ui.select(tab.intentions, "张三", "seeker_name")
    assert tab.intentions.restore_current()
    tab.intentions.show_deleted.setChecked(False)
    assert ui.names(tab.intentions, "seeker_name") == ["张三"]
    assert ui.cell(tab.seekers, zhang, "intentions") == "1"

    ui.select(tab.seekers, "单田芳")
    assert tab.seekers.delete_current()
    assert ui.names(tab.seekers) == ["张三"]
    assert ui.cell(tab.fairs, spring, "seekers") == "1"
    tab.seekers.show_deleted.setChecked(True)
    ui.select(tab.seekers, "单田芳")
    assert tab.seekers.restore_current()
    tab.seekers.show_deleted.setChecked(False)
    assert ui.cell(tab.fairs, spring, "seekers") == "2"

    ui.select(tab.employers, "云南驿物流园")
    assert tab.employers.delete_current()
    assert ui.cell(tab.fairs, spring, "positions") == "40"
    tab.employers.show_deleted.setChecked(True)
    ui.select(tab.employers, "云南驿物流园")
    assert tab.employers.restore_current()
    tab.employers.show_deleted.setChecked(False)
    assert ui.cell(tab.fairs, spring, "positions") == "52"

    ui.select(tab.fairs, "春风行动专场招聘会")
    assert tab.fairs.delete_current()
    assert ui.names(tab.fairs) == ["民营企业招聘周"]
    assert desk.fairs.get(spring)["deleted_at"] is not None
    tab.fairs.show_deleted.setChecked(True)
    ui.select(tab.fairs, "春风行动专场招聘会")
    assert tab.fairs.restore_current()
    tab.fairs.show_deleted.setChecked(False)
    assert sorted(ui.names(tab.fairs)) == ["春风行动专场招聘会", "民营企业招聘周"]
    ui.select(tab.fairs, "春风行动专场招聘会")
    assert sorted(ui.names(tab.seekers)) == ["单田芳", "张三"]  # its people came back with it


def test_children_need_a_selected_fair(ui, window, fairs):
    tab, spring, _other = fairs
    ui.create(tab.seekers, name="张三")
    tab.fairs.table.clearSelection()
    tab.fairs.table.setCurrentIndex(tab.fairs.model.index(-1, -1))
    tab.select_fair(None)
    assert ui.names(tab.seekers) == []
    assert not tab.seekers.act_new.isEnabled()
    assert not tab.employers.act_new.isEnabled()
    assert tab.seekers.new_record() is None


def test_seeker_form_validation_keeps_input(ui, window, fairs):
    tab, _spring, _other = fairs
    form = ui.show(ui.fill(tab.seekers.open_form(None), name="张三", birth_year="88",
                           phone="13900001111"))
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error_labels["birth_year"].isVisible()
    assert form.widgets["birth_year"].text() == "88"
    assert form.widgets["name"].text() == "张三"
    assert window.desk.seekers.count() == 0


def test_new_action_goes_to_the_register_in_use(ui, window, fairs):
    """With a fair selected, the window's New action registers a seeker on the page shown, or
    makes a fair when the cursor is in the fair list."""
    tab, spring, _other = fairs
    menu_new = window.findChild(QAction, "menu_new")
    tab.detail.setCurrentWidget(tab.seekers)
    window.tabs.tabBar().setFocus()
    ui.answer_forms(name="王五")
    menu_new.trigger()
    assert ui.names(tab.seekers) == ["王五"]
    assert window.desk.seekers.get(tab.seekers.current_id())["fair_id"] == spring

    tab.fairs.table.setFocus()
    ui.answer_forms(name="金秋招聘月", held_on=TODAY)
    menu_new.trigger()
    assert sorted(ui.names(tab.fairs)) == ["春风行动专场招聘会", "民营企业招聘周", "金秋招聘月"]


def test_editing_an_intention_never_relinks_it_to_another_person(ui, window, fairs):
    """If an intention's seeker was deleted, its edit form must not quietly offer (and save)
    the first other seeker in the list instead."""
    tab, spring, _other = fairs
    employer = ui.create(tab.employers, name="云南驿物流园", positions=5)
    ui.create(tab.seekers, name="张三")
    gone = ui.create(tab.seekers, name="李四")
    intention = ui.create(tab.intentions, seeker_id=gone, employer_id=employer, agreed_on=TODAY)
    window.desk.seekers.delete(gone)
    tab.seekers.apply_filters()
    tab.intentions.apply_filters()

    form = tab.intentions.open_form(intention)
    assert form.values()["seeker_id"] == gone
    assert "李四" in form.widgets["seeker_id"].currentText()
    ui.fill(form, status="signed")
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted  # the seeker is deleted: says so
    assert "seeker_id" in ui.form_errors(form)
    assert window.desk.intentions.get(intention)["seeker_id"] == gone
    window.desk.seekers.restore(gone)
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    stored = window.desk.intentions.get(intention)
    assert (stored["seeker_id"], stored["status"]) == (gone, "signed")
