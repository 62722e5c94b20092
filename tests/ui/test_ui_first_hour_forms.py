"""The first hour, entering a record: the cursor starts in the form (Ctrl+N then typing fills the
name); codes a worker must decide start empty or show the worker's last value as such; a valid
ID number fills gender and birth year and warns on a contradiction; Esc / 取消 with changes asks;
the relief duplicate warning names the earlier visit and Enter answers 否; a large amount asks;
delete confirmations name the record and restore says what came back."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QMessageBox

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.registers.form import RecordForm

TODAY = dt.date.today()
MALE_ID = "532923198503120019"  # born 1985-03-12, male
FEMALE_ID = "11010519491231002X"  # born 1949-12-31, female


def shown(ui, form: RecordForm) -> RecordForm:
    ui.qtbot.addWidget(form)
    return ui.show(form)


# ---- the cursor ------------------------------------------------------------------------------

def test_ctrl_n_then_typing_fills_the_name_in_every_register(ui, window, monkeypatch):
    seen = []

    def exec_(form):
        ui.show(form)
        focus = QApplication.focusWidget()
        ui.qtbot.keyClicks(focus, "Zhang San")
        seen.append((form, focus, form.values().get("name")))
        form.done(0)
        return 0
    monkeypatch.setattr(RecordForm, "exec", exec_)
    for tab in (window.visits, window.relief, window.fairs, window.volunteers):
        ui.show(window)  # active again after the previous form
        window.tabs.setCurrentWidget(tab)
        tab.views[0].table.setFocus()
        ui.qtbot.keyClick(tab.views[0].table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert len(seen) and seen[-1][0].windowTitle().endswith(tab.views[0].title)
        form, focus, name = seen[-1]
        assert focus is form.widgets["name"], (tab.views[0].title, focus)
        assert name == "Zhang San"


def test_a_form_without_a_name_starts_in_its_first_field(ui, window):
    tab = window.volunteers
    volunteer = ui.create(tab.roster, name="张三")
    tab.roster.select_record(volunteer)
    form = shown(ui, tab.records.open_form(None))
    assert QApplication.focusWidget() is form.widgets[form.fields[0].name]
    form.done(0)


# ---- codes a worker must decide -----------------------------------------------------------------

def test_purpose_and_category_start_empty_and_are_required(ui, window):
    visit = shown(ui, window.visits.view.open_form(None))
    assert visit.widgets["purpose"].currentIndex() == -1 and visit.values()["purpose"] is None
    ui.fill(visit, name="张三")
    visit.try_save()
    assert visit.isVisible() and "purpose" in ui.form_errors(visit)
    visit.done(0)
    relief = shown(ui, window.relief.view.open_form(None))
    for name in ("campaign", "category"):
        assert relief.widgets[name].currentIndex() == -1, name
        assert relief.values()[name] is None
    relief.done(0)


def test_the_campaign_is_the_last_one_this_worker_used_and_says_so(ui, window):
    view = window.relief.view
    form = shown(ui, view.open_form(None))
    assert not form.remembered_labels["campaign"].isVisible()
    form.done(0)
    ui.create(view, name="张三", campaign="summer", category="hardship", visit_date=TODAY)
    form = shown(ui, view.open_form(None))
    assert form.values()["campaign"] == "summer"
    hint = form.remembered_labels["campaign"]
    assert hint.isVisible() and "上次" in hint.text()
    assert form.values()["category"] is None  # a category belongs to the person: never carried
    # Choosing another value hides the hint.
    ui.set_widget(form.widgets["campaign"], "winter")
    assert not hint.isVisible()
    form.done(0)


def test_the_last_campaign_belongs_to_the_worker_who_used_it(qtbot, ui, monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    desk = Desk(ui.dir)
    admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", "geheim-123")
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", "geheim-123")
    desk.close()
    first = build_main_window(ui.dir, user="zhanzhang")
    qtbot.addWidget(first)
    ui.create(first.relief.view, name="张三", campaign="summer", category="hardship",
              visit_date=TODAY)
    assert first.relief.view.open_form(None).values()["campaign"] == "summer"
    first.security.idle_lock.stop()
    first.close()
    first.desk.close()
    second = build_main_window(ui.dir, user="gongzuo")
    qtbot.addWidget(second)
    try:
        assert second.relief.view.open_form(None).values()["campaign"] is None
    finally:
        second.security.idle_lock.stop()
        second.close()
        second.desk.close()


# ---- the ID number fills gender and birth year ------------------------------------------------

def test_a_valid_id_number_fills_gender_and_birth_year_when_empty(ui, window):
    fairs = window.fairs
    fair = ui.create(fairs.fairs, name="春风行动", held_on=TODAY)
    fairs.fairs.select_record(fair)
    form = shown(ui, fairs.seekers.open_form(None))
    assert form.values()["gender"] == "U" and form.values()["birth_year"] == ""
    form.widgets["id_number"].setFocus()
    ui.qtbot.keyClicks(form.widgets["id_number"], MALE_ID)
    assert form.values()["gender"] == "M"
    assert form.values()["birth_year"] == "1985"
    assert not form.id_warning.isVisible()
    form.done(0)


def test_a_contradicting_id_number_warns_but_saves(ui, window):
    view = window.visits.view
    form = shown(ui, view.open_form(None))
    ui.fill(form, name="李芳", purpose="legal", gender="F")
    form.widgets["id_number"].setFocus()
    ui.qtbot.keyClicks(form.widgets["id_number"], MALE_ID)
    assert form.values()["gender"] == "F"  # kept as chosen
    assert form.id_warning.isVisible() and "男" in form.id_warning.text()
    form.try_save()
    assert form.result() == QDialog.DialogCode.Accepted  # a warning, not a block
    assert window.desk.visits.get(form.result_value)["gender"] == "F"


# ---- Esc / 取消 with changes ----------------------------------------------------------------

def test_esc_on_an_untouched_form_closes_it_without_asking(ui, window):
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    form = shown(ui, window.visits.view.open_form(None))
    ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Escape)
    assert not form.isVisible() and not asked


@pytest.mark.parametrize("how", ["esc", "cancel"])
def test_esc_or_cancel_with_changes_asks_before_discarding(ui, window, how):
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    form = shown(ui, window.visits.view.open_form(None))
    form.widgets["name"].setFocus()
    ui.qtbot.keyClicks(form.widgets["name"], "Zhang")

    def leave():
        if how == "esc":
            ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Escape)
        else:
            form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    leave()
    assert len(asked) == 1 and form.isVisible()
    assert form.widgets["name"].text() == "Zhang"
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    leave()
    assert not form.isVisible()


def test_an_edit_form_left_unchanged_closes_without_asking(ui, window):
    view = window.visits.view
    record = ui.create(view, name="张三", purpose="legal", id_number=MALE_ID)
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    form = shown(ui, view.open_form(record))
    form.reject()
    assert not form.isVisible() and not asked


# ---- relief: the duplicate warning and a large amount ------------------------------------------

def _relief(**extra):
    values = dict(name="张三", campaign="winter", category="hardship", cash_fen="500",
                  visit_date=TODAY, id_number=FEMALE_ID)
    values.update(extra)
    return values


def answer_box_with(qtbot, key_or_button):
    """Answer the next message box for real (Enter, or a click on a standard button); returns
    what it said: text, default button."""
    seen = {}

    def poll():
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None or "text" in seen:
            return
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["default"] = box.standardButton(box.defaultButton())
        if key_or_button == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            box.button(key_or_button).click()
    timer = QTimer(interval=30)
    timer.timeout.connect(poll)
    timer.start()
    seen["timer"] = timer
    return seen


def test_the_duplicate_warning_names_the_earlier_visit_and_enter_answers_no(ui, window):
    view = window.relief.view
    ui.create(view, **_relief(visit_date=TODAY.replace(day=1), cash_fen="500",
                              goods_value_fen="120"))
    form = shown(ui, view.open_form(None))
    ui.fill(form, **_relief(cash_fen="300"))
    seen = answer_box_with(ui.qtbot, "enter")
    ui.qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Return)  # Enter saves the form ...
    seen["timer"].stop()
    # ... and Enter again, on the warning, does not save a second payment.
    assert seen["default"] == QMessageBox.StandardButton.No
    assert window.desk.relief.count() == 1 and form.isVisible()
    text = seen["text"]
    for expected in (TODAY.replace(day=1).isoformat(), "冬送温暖", "620.00", "云南驿镇职工之家"):
        assert expected in text, (expected, text)
    seen = answer_box_with(ui.qtbot, QMessageBox.StandardButton.Yes)
    form.try_save()
    seen["timer"].stop()
    assert window.desk.relief.count() == 2


def test_an_amount_above_the_ceiling_asks_and_is_never_blocked(ui, window):
    view = window.relief.view
    form = shown(ui, view.open_form(None))
    ui.fill(form, **_relief(cash_fen="4800", goods_value_fen="300"))
    seen = answer_box_with(ui.qtbot, "enter")
    form.try_save()
    seen["timer"].stop()
    assert seen["default"] == QMessageBox.StandardButton.No
    assert "5100.00" in seen["text"] and "5000.00" in seen["text"]
    assert window.desk.relief.count() == 0 and form.isVisible()
    seen = answer_box_with(ui.qtbot, QMessageBox.StandardButton.Yes)
    form.try_save()
    seen["timer"].stop()
    assert form.result() == QDialog.DialogCode.Accepted and window.desk.relief.count() == 1
    # At or below the ceiling: no question.
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    ui.create(view, **_relief(name="李四", id_number=MALE_ID, cash_fen="5000"))
    assert not asked


def test_the_station_head_sets_the_ceiling_from_the_settings_menu(ui, window, monkeypatch):
    action = window.findChild(QAction, "settings_relief_ceiling")
    assert action is not None and action.isVisible()
    offered = []

    def get_double(parent, title, label, value, *args, **kwargs):
        offered.append(value)
        return 8000.0, True
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(get_double))
    action.trigger()
    assert offered == [5000.0]
    assert window.desk.relief_confirm_above_fen() == 800_000
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    ui.create(window.relief.view, **_relief(cash_fen="6000"))
    assert not asked


# ---- delete and restore say which record ------------------------------------------------------

def test_delete_names_the_record_and_restore_says_what_came_back(ui, window):
    view = window.visits.view
    when = dt.datetime(2026, 3, 10, 9, 30)
    ui.create(view, name="张三", purpose="legal", visited_at=when)
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(view, "张三")
    assert view.delete_current()
    assert "张三" in asked[-1] and "2026-03-10" in asked[-1]
    view.show_deleted.setChecked(True)
    ui.select(view, "张三")
    assert view.restore_current()
    message = window.statusBar().currentMessage()
    assert "已恢复" in message and "张三" in message and "2026-03-10" in message
