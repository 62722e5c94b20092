"""志愿者 in the real window: the roster and each volunteer's service records with hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QMessageBox

TODAY = dt.date.today()


def test_roster_and_service_hours(ui, window):
    window.tabs.setCurrentWidget(window.volunteers)
    tab = window.volunteers
    desk = window.desk
    assert not tab.records.act_new.isEnabled()  # no volunteer chosen yet

    forms = ui.answer_forms(name="张三", phone="13812345678", skills=["legal", "psych"],
                            availability="周末")
    zhang = tab.roster.new_record()
    assert zhang and tab.roster.current_id() == zhang
    stored = desk.volunteers.get(zhang)
    assert stored["skills"] == "legal,psych" and stored["status"] == "active"
    # default: today (the day the form was opened; a run may cross midnight after import)
    assert stored["joined_on"] in (TODAY, dt.date.today())
    labels = desk.code_labels()["skill"]
    assert ui.cell(tab.roster, zhang, "skills") == f"{labels['legal']}、{labels['psych']}"
    assert "张三" in tab.heading.text()
    assert forms[-1].widgets["status"].currentData() == "active"

    ui.answer_forms(name="单田芳", skills=["medical"])
    shan = tab.roster.new_record()
    assert ui.cell(tab.roster, shan, "hours") == "0.0"

    # Service records of 张三: 2.5 + 1.5 hours.
    ui.select(tab.roster, "张三")
    assert tab.records.act_new.isEnabled()
    ui.answer_forms(served_on=TODAY, activity="法律咨询进工地", half_hours="2.5")
    first = tab.records.new_record()
    ui.answer_forms(served_on=TODAY - dt.timedelta(days=1), activity="职工书屋值守",
                    half_hours="1.5")
    second = tab.records.new_record()
    assert desk.service_records.get(first)["volunteer_id"] == zhang
    assert desk.service_records.get(first)["half_hours"] == 5
    assert sorted(ui.names(tab.records, "half_hours")) == ["1.5", "2.5"]
    assert ui.cell(tab.roster, zhang, "hours") == "4.0"
    assert ui.cell(tab.roster, shan, "hours") == "0.0"
    assert tab.roster.current_id() == zhang  # repainting the hours keeps the selection

    # Another volunteer's records are separate.
    ui.select(tab.roster, "单田芳")
    assert ui.names(tab.records, "activity") == []
    ui.create(tab.records, served_on=TODAY, activity="心理健康讲座", half_hours="3")
    assert ui.cell(tab.roster, shan, "hours") == "3.0"
    assert ui.cell(tab.roster, zhang, "hours") == "4.0"

    # Edit a record: the hours follow.
    ui.select(tab.roster, "张三")
    ui.select(tab.records, "职工书屋值守", "activity")
    ui.answer_forms(half_hours="2")
    assert tab.records.edit_current() == second
    assert ui.cell(tab.roster, zhang, "hours") == "4.5"

    # Delete a record (confirmed) and restore it.
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(tab.records, "法律咨询进工地", "activity")
    assert tab.records.delete_current()
    assert ui.names(tab.records, "activity") == ["职工书屋值守"]
    assert ui.cell(tab.roster, zhang, "hours") == "2.0"
    tab.records.show_deleted.setChecked(True)
    ui.select(tab.records, "法律咨询进工地", "activity")
    assert tab.records.restore_current()
    tab.records.show_deleted.setChecked(False)
    assert ui.cell(tab.roster, zhang, "hours") == "4.5"

    # Edit the volunteer.
    ui.select(tab.roster, "张三")
    ui.answer_forms(status="paused", skills=["legal"])
    assert tab.roster.edit_current() == zhang
    stored = desk.volunteers.get(zhang)
    assert stored["status"] == "paused" and stored["skills"] == "legal"
    assert stored["availability"] == "周末"  # kept
    assert ui.cell(tab.roster, zhang, "hours") == "4.5"

    # Search and the status filter.
    assert ui.search(tab.roster, "zs") == ["张三"]
    assert ui.search(tab.roster, "stf") == ["单田芳"]
    assert ui.search(tab.roster, "5678") == ["张三"]
    assert ui.search(tab.roster, "周末") == ["张三"]  # availability
    ui.search(tab.roster, "")
    tab.roster.category.setCurrentIndex(tab.roster.category.findData("active"))
    assert ui.names(tab.roster) == ["单田芳"]
    tab.roster.category.setCurrentIndex(0)

    # Delete the volunteer (confirmed) and restore.
    ui.select(tab.roster, "张三")
    assert tab.roster.delete_current()
    assert ui.names(tab.roster) == ["单田芳"]
    tab.roster.show_deleted.setChecked(True)
    ui.select(tab.roster, "张三")
    assert tab.roster.restore_current()
    tab.roster.show_deleted.setChecked(False)
    assert sorted(ui.names(tab.roster)) == ["单田芳", "张三"]
    ui.select(tab.roster, "张三")
    assert ui.cell(tab.roster, zhang, "hours") == "4.5"
    assert len(ui.names(tab.records, "activity")) == 2


def test_hours_must_be_half_hour_steps(ui, window):
    tab = window.volunteers
    ui.create(tab.roster, name="张三")
    ui.select(tab.roster, "张三")
    form = ui.show(ui.fill(tab.records.open_form(None), served_on=TODAY, activity="值班",
                           half_hours="1.3"))
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error_labels["half_hours"].isVisible()
    assert "0.5" in form.error_labels["half_hours"].text()
    assert form.widgets["half_hours"].text() == "1.3"
    assert form.widgets["activity"].text() == "值班"
    assert window.desk.service_records.count() == 0


def test_deleting_a_volunteer_with_the_deleted_view_cannot_add_records(ui, window):
    """Records can only be added to a live volunteer."""
    tab = window.volunteers
    ui.create(tab.roster, name="张三")
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(tab.roster, "张三")
    assert tab.roster.delete_current()
    tab.roster.show_deleted.setChecked(True)
    ui.select(tab.roster, "张三")
    form = ui.fill(tab.records.open_form(None), served_on=TODAY, activity="值班", half_hours="1")
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    assert window.desk.service_records.count() == 0
