"""慰问走访 in the real window: create, edit, search, delete/restore, the duplicate warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QMessageBox

ID_A = "11010519491231002X"
ID_B = "532923198503120019"


def _visit(**extra):
    values = dict(name="张三", campaign="winter", category="hardship", cash_fen="500",
                  visit_date=dt.date.today())
    values.update(extra)
    return values


def test_create_edit_search_delete_restore(ui, window):
    window.tabs.setCurrentWidget(window.relief)
    view = window.relief.view
    forms = ui.answer_forms(**_visit(id_number=ID_A, goods="大米一袋、食用油一桶",
                                     goods_value_fen="120.50", address="云南驿镇前所村"))
    record_id = view.new_record()
    assert record_id and view.current_id() == record_id
    stored = window.desk.relief.get(record_id)
    assert stored["cash_fen"] == 50000 and stored["goods_value_fen"] == 12050
    assert stored["campaign"] == "winter" and stored["category"] == "hardship"
    assert stored["visitors"] == "李红"  # default: the staff member on duty
    assert ui.cell(view, record_id, "cash_fen") == "500.00"
    assert ui.cell(view, record_id, "goods_value_fen") == "120.50"
    assert ui.cell(view, record_id, "campaign") == window.desk.code_labels()["campaign"]["winter"]
    assert ui.cell(view, record_id, "id_number") == "1101**********002X"  # masked

    # The campaign just used is the default of the next form.
    assert view.open_form(None).values()["campaign"] == "winter"

    ui.create(view, **_visit(name="单田芳", campaign="summer", category="frontline"))
    ui.create(view, **_visit(name="李红", campaign="summer", category="retired"))

    # Edit.
    ui.select(view, "张三")
    ui.answer_forms(cash_fen="800.00", category="ill")
    assert view.edit_current() == record_id
    assert forms[-1].widgets["address"].text() == "云南驿镇前所村"
    stored = window.desk.relief.get(record_id)
    assert stored["cash_fen"] == 80000 and stored["category"] == "ill"
    assert stored["goods"] == "大米一袋、食用油一桶"
    assert ui.cell(view, record_id, "cash_fen") == "800.00"

    # Search: initials, the 单 surname, ID tail, address; the campaign filter.
    assert ui.search(view, "zs") == ["张三"]
    assert ui.search(view, "stf") == ["单田芳"]
    assert ui.search(view, "002x") == ["张三"]
    assert ui.search(view, "前所村") == ["张三"]
    ui.search(view, "")
    view.category.setCurrentIndex(view.category.findData("summer"))
    assert sorted(ui.names(view)) == ["单田芳", "李红"]
    view.category.setCurrentIndex(0)

    # Delete (confirmed) and restore.
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(view, "张三")
    assert view.delete_current()
    assert len(asked) == 1
    assert sorted(ui.names(view)) == ["单田芳", "李红"]
    view.show_deleted.setChecked(True)
    assert ui.names(view) == ["张三"]
    ui.select(view, "张三")
    assert view.restore_current()
    view.show_deleted.setChecked(False)
    assert sorted(ui.names(view)) == ["单田芳", "张三", "李红"]
    assert window.desk.relief.get(record_id)["deleted_at"] is None


def test_duplicate_warning_declined_does_not_save(ui, window):
    view = window.relief.view
    first = ui.create(view, **_visit(id_number=ID_A))
    asked = ui.answer_questions(QMessageBox.StandardButton.No)

    form = ui.fill(view.open_form(None), **_visit(id_number=ID_A, cash_fen="300"))
    typed = form.values()
    form.try_save()

    assert len(asked) == 1
    assert "张三" in asked[0]
    assert str(window.desk.relief.get(first)["visit_date"]) in asked[0]  # says when
    assert form.result() != QDialog.DialogCode.Accepted  # still open, nothing saved
    assert form.values() == typed
    assert window.desk.relief.count() == 1
    assert view.model.rowCount() == 1


def test_duplicate_warning_accepted_saves(ui, window):
    view = window.relief.view
    ui.create(view, **_visit(id_number=ID_A))
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    second = ui.create(view, **_visit(id_number=ID_A, cash_fen="300"))
    assert len(asked) == 1
    assert window.desk.relief.count() == 2
    assert window.desk.relief.get(second)["cash_fen"] == 30000


def test_duplicate_warning_through_the_new_action(ui, window):
    view = window.relief.view
    ui.create(view, **_visit(phone="13812345678"))
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    ui.answer_forms(**_visit(phone="13812345678"))
    assert view.new_record() is None
    assert len(asked) == 1
    assert window.desk.relief.count() == 1


def test_no_warning_for_another_person_campaign_or_year_or_the_record_itself(ui, window):
    view = window.relief.view
    today = dt.date.today()
    first = ui.create(view, **_visit(id_number=ID_A))
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    ui.create(view, **_visit(id_number=ID_B))  # another person of the same name
    ui.create(view, **_visit(id_number=ID_A, campaign="summer"))
    ui.create(view, **_visit(id_number=ID_A, visit_date=today.replace(year=today.year - 1)))
    # Editing the visit itself is not a duplicate of itself.
    form = ui.fill(view.open_form(first), cash_fen="600")
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert asked == []
    assert window.desk.relief.count() == 4

