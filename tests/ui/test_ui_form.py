"""The record form: validation keeps what was typed, Enter saves, Esc cancels, huge pastes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

BAD_ID = "110105194912310021"  # the GB 11643 example with a wrong check character (X is right)
GOOD_ID = "11010519491231002X"


def _typed_visit(ui, form):
    ui.fill(form, visited_at=dt.datetime(2026, 3, 2, 9, 15), left_at=dt.datetime(2026, 3, 2, 10, 0),
            name="𬌗堃珺", gender="F", phone="13812345678", id_number=BAD_ID,
            employer="祥云县建筑工程有限公司", union_member="yes", party_size=3, purpose="hardship",
            summary="第一行\n第二行", outcome="已登记", status="following", referred_to="县总工会",
            staff="张师傅", follow_up_on=dt.date(2026, 3, 9))
    return form.values()


def test_bad_id_number_keeps_everything_typed_marks_the_field_and_names_the_check_character(
        ui, window):
    view = window.visits.view
    form = view.open_form(None)
    ui.show(form)
    typed = _typed_visit(ui, form)

    form.try_save()

    assert form.result() != QDialog.DialogCode.Accepted
    assert form.isVisible()  # the form stays open
    assert form.values() == typed  # every field still holds what was typed
    assert form.widgets["id_number"].text() == BAD_ID
    label = form.error_labels["id_number"]
    assert label.isVisible()
    text = label.text()
    assert "X" in text and "1" in text  # "the check character should be X, not 1"
    assert text.index("X") < text.rindex("1")  # the expected character is named first
    assert form.widgets["id_number"].property("invalid") is True
    assert form.widgets["id_number"].styleSheet()  # marked
    for name, other in form.error_labels.items():  # only the bad field is marked
        if name != "id_number":
            assert not other.isVisible(), (name, other.text())
            assert not form.widgets[name].property("invalid")
    assert form.summary.isVisible() and form.summary.text()
    assert form.focusWidget() is form.widgets["id_number"]  # the cursor goes to the bad field
    assert window.desk.visits.count() == 0

    # Correcting the one character saves the rest as typed and clears the mark.
    form.widgets["id_number"].setText(GOOD_ID)
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    stored = window.desk.visits.get(form.result_value)
    assert stored["name"] == "𬌗堃珺" and stored["id_number"] == GOOD_ID
    assert stored["summary"] == "第一行\n第二行" and stored["staff"] == "张师傅"
    assert stored["party_size"] == 3 and stored["follow_up_on"] == dt.date(2026, 3, 9)
    assert not form.error_labels["id_number"].isVisible()


def test_several_bad_fields_are_all_reported(ui, window):
    form = window.relief.view.open_form(None)
    ui.show(form)
    ui.fill(form, name="", phone="12345", cash_fen="12.345", id_number="5329")
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    shown = ui.form_errors(form)
    assert {"name", "phone", "cash_fen", "id_number"} <= set(shown)
    assert "18" in shown["id_number"] and "4" in shown["id_number"]  # 18 characters, this has 4
    assert form.widgets["cash_fen"].text() == "12.345"
    assert form.widgets["phone"].text() == "12345"


def test_enter_saves_the_form(ui, window):
    view = window.visits.view
    form = view.open_form(None)
    ui.show(form)
    form.widgets["name"].setText("张三")
    ui.set_widget(form.widgets["purpose"], "legal")
    form.widgets["employer"].setFocus()
    ui.qtbot.keyClick(form.widgets["employer"], Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    assert window.desk.visits.get(form.result_value)["name"] == "张三"


def test_enter_in_a_multi_line_field_is_a_new_line_and_ctrl_enter_saves(ui, window):
    form = window.visits.view.open_form(None)
    ui.show(form)
    form.widgets["name"].setText("张三")
    ui.set_widget(form.widgets["purpose"], "legal")
    summary = form.widgets["summary"]
    summary.setFocus()
    ui.qtbot.keyClicks(summary, "line one")
    ui.qtbot.keyClick(summary, Qt.Key.Key_Return)
    ui.qtbot.keyClicks(summary, "line two")
    assert form.result() != QDialog.DialogCode.Accepted
    assert summary.toPlainText() == "line one\nline two"
    ui.qtbot.keyClick(summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.result() == QDialog.DialogCode.Accepted
    assert window.desk.visits.get(form.result_value)["summary"] == "line one\nline two"


def test_escape_cancels_without_saving(ui, window):
    form = window.visits.view.open_form(None)
    ui.show(form)
    form.widgets["name"].setText("张三")
    ui.set_widget(form.widgets["purpose"], "legal")
    form.widgets["name"].setFocus()
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)  # throw away what was typed?
    ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Escape)
    assert len(asked) == 1
    assert form.result() == QDialog.DialogCode.Rejected
    assert not form.isVisible()
    assert window.desk.visits.count() == 0


def test_invalid_form_submitted_by_enter_stays_open(ui, window):
    form = window.visits.view.open_form(None)
    ui.show(form)
    form.widgets["name"].setFocus()
    ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Return)  # the name is required
    assert form.isVisible()
    assert form.error_labels["name"].isVisible()
    assert window.desk.visits.count() == 0


def test_megabyte_paste_is_refused_with_a_message_about_the_limit(ui, window):
    form = window.visits.view.open_form(None)
    ui.show(form)
    form.widgets["name"].setText("张三")
    ui.set_widget(form.widgets["purpose"], "legal")
    big = "职工之家" * 250_000  # 1,000,000 characters
    clipboard = QApplication.clipboard()
    started = time.monotonic()
    for field in ("summary", "employer"):
        clipboard.setText(big)
        form.widgets[field].setFocus()
        form.widgets[field].paste()
    QApplication.processEvents()
    form.try_save()
    QApplication.processEvents()
    assert time.monotonic() - started < 10  # no hang
    assert form.result() != QDialog.DialogCode.Accepted
    assert "4000" in form.error_labels["summary"].text()  # the limit of a long text
    assert "100" in form.error_labels["employer"].text()  # the limit of a one-line text
    assert form.error_labels["summary"].isVisible()
    assert form.widgets["name"].text() == "张三"
    assert window.desk.visits.count() == 0
    # Within the limit it saves.
    form.widgets["summary"].setPlainText("职" * 4000)
    form.widgets["employer"].setText("职" * 100)
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert len(window.desk.visits.get(form.result_value)["summary"]) == 4000


def test_every_field_label_is_a_buddy_with_a_mnemonic(window):
    for tab in window.register_tabs.values():
        for view in tab.views:
            form = view.open_form(None)
            buddies = {label.buddy(): label.text() for label in form.findChildren(QLabel)
                       if label.buddy() is not None}
            for name, widget in form.widgets.items():
                assert widget in buddies, (view.objectName(), name)
            form.deleteLater()


def test_money_and_hours_show_back_exactly(ui, window):
    view = window.relief.view
    record_id = ui.create(view, name="张三", category="hardship", campaign="winter",
                          cash_fen="1234.5", goods_value_fen="0.10")
    stored = window.desk.relief.get(record_id)
    assert stored["cash_fen"] == 123450 and stored["goods_value_fen"] == 10
    form = view.open_form(record_id)
    assert form.widgets["cash_fen"].text() == "1234.50"
    assert form.widgets["goods_value_fen"].text() == "0.10"
    assert ui.cell(view, record_id, "cash_fen") == "1234.50"


def test_save_and_next_keeps_the_form_open_for_the_next_visitor(ui, window):
    window.tabs.setCurrentWidget(window.visits)
    view = window.visits.view
    form = ui.show(view.open_form(None))
    assert form.next_button is not None
    visited = dt.datetime.combine(dt.date.today(), dt.time(9, 30))
    ui.fill(form, visited_at=visited, name="张三", phone="13812345678", purpose="job",
            follow_up_on=dt.date.today() + dt.timedelta(days=7), summary="咨询招聘信息")
    ui.qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()  # stays open
    assert ui.names(view) == ["张三"]  # saved and listed behind the form
    values = form.values()
    assert values["name"] == "" and values["phone"] == "" and values["summary"] == ""
    assert values["follow_up_on"] == ""  # a follow-up belongs to one person only
    assert values["left_at"] == ""
    assert values["visited_at"].date() == visited.date()  # the same day continues
    assert values["staff"] == "李红" and values["party_size"] == 1  # defaults again
    assert form.summary.isVisible() and "张三" in form.summary.text()
    assert form.focusWidget() is form.widgets["name"]  # ready to type the next name

    form.widgets["name"].setText("李四")
    ui.set_widget(form.widgets["purpose"], "legal")
    ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Return,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sorted(ui.names(view)) == ["张三", "李四"]
    stored = {window.desk.visits.get(view.model.record_id(r))["name"]:
              window.desk.visits.get(view.model.record_id(r)) for r in range(2)}
    assert stored["李四"]["follow_up_on"] is None
    assert stored["张三"]["follow_up_on"] == dt.date.today() + dt.timedelta(days=7)

    # An invalid next record is not saved and keeps what was typed.
    form.widgets["phone"].setText("123")
    form.widgets["name"].setText("王五")
    form.save_and_next()
    assert form.widgets["name"].text() == "王五"
    assert form.error_labels["phone"].isVisible()
    assert view.model.rowCount() == 2


def test_closing_after_save_and_next_keeps_what_was_saved(ui, window):
    view = window.fairs.seekers
    fair = ui.create(window.fairs.fairs, name="春风行动专场招聘会", held_on=dt.date.today())
    ui.select(window.fairs.fairs, "春风行动专场招聘会")

    def two_then_close(form):
        for name in ("张三", "李四"):
            form.widgets["name"].setText(name)
            form.save_and_next()
        form.reject()
    ui.answer_forms(two_then_close, save=False)
    assert view.new_record() is None
    assert sorted(ui.names(view)) == ["张三", "李四"]
    assert all(window.desk.seekers.get(view.model.record_id(r))["fair_id"] == fair
               for r in range(2))


def test_optional_dates_are_typed_and_can_be_left_blank_or_cleared(ui, window):
    view = window.visits.view
    form = ui.show(view.open_form(None))
    form.widgets["name"].setText("张三")
    ui.set_widget(form.widgets["purpose"], "legal")
    follow_up = form.widgets["follow_up_on"]
    follow_up.setFocus()
    ui.qtbot.keyClicks(follow_up, "2026-12-15")
    left = form.widgets["left_at"]
    left.setFocus()
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # the latest a visit can end (sane bounds)
    ui.qtbot.keyClicks(left, f"{tomorrow} 10:30")
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    stored = window.desk.visits.get(form.result_value)
    assert stored["follow_up_on"] == dt.date(2026, 12, 15)
    assert stored["left_at"] == dt.datetime.combine(tomorrow, dt.time(10, 30))

    # The edit form shows them back, and clearing the text clears the date.
    form = ui.show(view.open_form(form.result_value))
    assert form.widgets["follow_up_on"].text() == "2026-12-15"
    assert form.widgets["left_at"].text() == f"{tomorrow} 10:30"
    form.widgets["follow_up_on"].clear()
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert window.desk.visits.get(form.result_value)["follow_up_on"] is None

    # Not a date: refused with a reason, the text kept.
    form = ui.show(view.open_form(None))
    form.widgets["name"].setText("李四")
    ui.set_widget(form.widgets["purpose"], "legal")
    form.widgets["follow_up_on"].setText("2026-13-45")
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error_labels["follow_up_on"].isVisible()
    assert "2026-13-45" in form.error_labels["follow_up_on"].text()
    assert form.widgets["follow_up_on"].text() == "2026-13-45"


def test_left_before_arrival_is_refused(ui, window):
    form = ui.show(window.visits.view.open_form(None))
    ui.fill(form, name="张三", purpose="legal", visited_at=dt.datetime(2026, 3, 2, 9, 15),
            left_at=dt.datetime(2026, 3, 2, 8, 0))
    form.try_save()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error_labels["left_at"].isVisible()
    assert form.widgets["left_at"].text() == "2026-03-02 08:00"


def test_required_dates_default_to_today(window):
    today = dt.date.today()
    assert window.relief.view.open_form(None).values()["visit_date"] == today
    assert window.visits.view.open_form(None).values()["visited_at"].date() == today
    assert window.fairs.fairs.open_form(None).values()["held_on"] == today
    assert window.volunteers.roster.open_form(None).values()["joined_on"] == today.isoformat()


def test_an_inactive_code_on_an_old_record_is_kept_when_editing(ui, window):
    """A code the county has since retired is not offered for new records, but editing an old
    record must not silently replace it with the first code of the list."""
    from sqlalchemy import update

    from xiangyun_desk.storage.models import CodeItem

    view = window.visits.view
    record_id = ui.create(view, name="张三", purpose="psych")
    with window.desk.db.session() as s, s.begin():
        s.execute(update(CodeItem).where(CodeItem.list_name == "visit_purpose",
                                         CodeItem.code == "psych").values(active=False))
    form = view.open_form(record_id)
    assert form.values()["purpose"] == "psych"
    ui.fill(form, employer="云南驿物流园")
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert window.desk.visits.get(record_id)["purpose"] == "psych"
    new_form = view.open_form(None)
    offered = [new_form.widgets["purpose"].itemData(i)
               for i in range(new_form.widgets["purpose"].count())]
    assert "psych" not in offered


@pytest.mark.parametrize("register", ["visits", "volunteers"])
def test_enter_saves_from_every_single_line_field(ui, window, register):
    from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

    view = window.register_tabs[register].views[0]
    for name, widget in view.open_form(None).widgets.items():
        if isinstance(widget, QPlainTextEdit):
            continue
        form = ui.show(view.open_form(None))
        form.widgets["name"].setText(f"张{name}")
        if "purpose" in form.widgets:  # starts empty and is required
            ui.set_widget(form.widgets["purpose"], "legal")
        target = form.widgets[name]
        if type(target) is QWidget:  # a group of check boxes: the first box takes the key
            target = target.findChildren(QCheckBox)[0]
        target.setFocus()
        ui.qtbot.keyClick(target, Qt.Key.Key_Return)
        assert form.result() == QDialog.DialogCode.Accepted, name
        form.close()
