"""The main window: tabs, status bar, overview figures, shortcuts, remembered layout, reopening."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from xiangyun_desk import __version__
from xiangyun_desk.services import definitions as DEF
from xiangyun_desk.services.stats import Period, StatsService

TODAY = dt.date.today()


def _menu_action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_tabs_and_status_bar(ui, window):
    assert window.tabs.count() == 5
    assert [window.tabs.widget(i) for i in range(5)] == [
        window.overview, window.visits, window.relief, window.fairs, window.volunteers]
    assert "云南驿镇职工之家" in window.station_label.text()
    assert "01" in window.station_label.text()
    assert "云南驿镇职工之家" in window.windowTitle()

    window.tabs.setCurrentWidget(window.visits)
    assert "0" in window.count_label.text()
    ui.create(window.visits.view, purpose="legal", name="张三")
    ui.create(window.visits.view, purpose="legal", name="李四")
    assert "2" in window.count_label.text()
    assert window.tabs.tabText(1) in window.count_label.text()
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    ui.select(window.visits.view, "张三")
    window.visits.view.delete_current()
    assert "1" in window.count_label.text() and "2" not in window.count_label.text()

    window.tabs.setCurrentWidget(window.relief)
    assert "0" in window.count_label.text()
    window.tabs.setCurrentWidget(window.overview)
    assert window.count_label.text() == ""


def test_keyboard_shortcuts_are_declared(window):
    expected = {"menu_new": "Ctrl+N", "menu_edit": "F2", "menu_delete": "Del",
                "menu_restore": "Ctrl+R"}
    for name, keys in expected.items():
        assert _menu_action(window, name).shortcut() == QKeySequence(keys), name
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert {"Ctrl+F", "Ctrl+D", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "F5"} <= shortcuts


def test_keyboard_shortcuts_work_from_the_keyboard(ui, window):
    """Real key presses: tab switching, search focus, and new/edit/delete/restore with the cursor
    in the table (where the register's own buttons live too)."""
    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        ui.qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    ctrl = Qt.KeyboardModifier.ControlModifier
    for index, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
                                 Qt.Key.Key_5)):
        press(key, ctrl)
        assert window.tabs.currentIndex() == index
    press(Qt.Key.Key_2, ctrl)
    view = window.visits.view

    press(Qt.Key.Key_F, ctrl)
    assert QApplication.focusWidget() is view.search

    view.table.setFocus()
    ui.answer_forms(purpose="legal", name="张三")
    press(Qt.Key.Key_N, ctrl)
    assert ui.names(view) == ["张三"], "Ctrl+N in the table made no record"
    record_id = view.current_id()

    view.table.setFocus()
    ui.answer_forms(purpose="legal", name="张三丰")
    press(Qt.Key.Key_F2)
    assert window.desk.visits.get(record_id)["name"] == "张三丰", "F2 did not edit"

    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    view.table.setFocus()
    press(Qt.Key.Key_Delete)
    assert len(asked) == 1, "Del did not ask"
    assert window.desk.visits.get(record_id)["deleted_at"] is not None

    view.table.setFocus()
    press(Qt.Key.Key_D, ctrl)
    assert view.show_deleted.isChecked()
    ui.select(view, "张三丰")
    press(Qt.Key.Key_R, ctrl)
    assert window.desk.visits.get(record_id)["deleted_at"] is None, "Ctrl+R did not restore"
    press(Qt.Key.Key_D, ctrl)
    assert not view.show_deleted.isChecked()
    assert ui.names(view) == ["张三丰"]

    # Del in the search box edits the text; it does not delete the selected record.
    asked.clear()
    view.search.setFocus()
    view.search.setText("zs")
    view.search.setCursorPosition(0)
    press(Qt.Key.Key_Delete)
    assert view.search.text() == "s" and asked == []
    view.search.clear()
    view.apply_filters()

    # The same keys with the cursor in the search box act on that register.
    view.search.setFocus()
    ui.answer_forms(purpose="legal", name="李四")
    press(Qt.Key.Key_N, ctrl)
    assert sorted(ui.names(view)) == ["张三丰", "李四"]


def test_keyboard_new_in_the_volunteer_records(ui, window):
    tab = window.volunteers
    window.tabs.setCurrentWidget(tab)
    ui.create(tab.roster, name="张三")
    ui.select(tab.roster, "张三")
    tab.records.table.setFocus()
    ui.answer_forms(served_on=TODAY, activity="值班", half_hours="2")
    ui.qtbot.keyClick(tab.records.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert ui.names(tab.records, "activity") == ["值班"]
    assert ui.names(tab.roster) == ["张三"]


def test_find_from_a_list_without_a_search_box_goes_to_the_tab_search(ui, window):
    tab = window.volunteers
    window.tabs.setCurrentWidget(tab)
    ui.create(tab.roster, name="张三")
    ui.select(tab.roster, "张三")
    tab.records.table.setFocus()
    ui.qtbot.keyClick(tab.records.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.roster.search

    window.tabs.setCurrentWidget(window.fairs)
    window.fairs.detail.setCurrentWidget(window.fairs.intentions)
    window.fairs.intentions.table.setFocus()
    ui.qtbot.keyClick(window.fairs.intentions.table, Qt.Key.Key_F,
                      Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.fairs.fairs.search


def test_overview_shows_the_stats_of_this_month_and_year(ui, window, qtbot):
    earlier = dt.date(TODAY.year, 1, 1) if TODAY.month != 1 else None
    visits, relief, fairs = window.visits.view, window.relief.view, window.fairs
    window.tabs.setCurrentWidget(window.visits)  # the overview is shown first; leave it
    ui.create(visits, purpose="legal", name="张三", party_size=3)
    ui.create(visits, purpose="legal", name="李四")
    ui.create(relief, name="张三", campaign="winter", category="hardship", cash_fen="500",
              visit_date=TODAY)
    ui.create(relief, name="王五", campaign="winter", category="hardship", cash_fen="0.01",
              visit_date=TODAY)
    fair = ui.create(fairs.fairs, name="春风行动专场招聘会", held_on=TODAY)
    ui.select(fairs.fairs, "春风行动专场招聘会")
    ui.create(fairs.employers, name="云南驿物流园", positions=25)
    ui.create(fairs.seekers, name="赵六")
    volunteer = ui.create(window.volunteers.roster, name="钱七")
    ui.select(window.volunteers.roster, "钱七")
    ui.create(window.volunteers.records, served_on=TODAY, activity="值班", half_hours="2.5")
    if earlier:
        ui.create(visits, purpose="legal", name="孙八",
                  visited_at=dt.datetime.combine(earlier, dt.time(9)))
        ui.create(relief, name="孙八", campaign="spring", category="retired", cash_fen="100",
                  visit_date=earlier)
        ui.create(window.volunteers.records, served_on=earlier, activity="值班", half_hours="1")
    assert fair and volunteer

    # The figures are computed off the GUI thread; the labels change when they arrive.
    with qtbot.waitSignal(window.overview.refreshed, timeout=10000):
        window.tabs.setCurrentWidget(window.overview)
    stats = StatsService(window.desk.db)
    last_month = Period.month_of(TODAY.replace(day=1) - dt.timedelta(days=1))
    for span, period in (("month", Period.month_of(TODAY)), ("previous", last_month),
                         ("year", Period.year_of(TODAY))):
        figures = stats.compute(period)
        for key, _label in window.overview.rows:
            shown = window.overview.values[(span, key)].text()
            assert shown == DEF.BY_KEY[key].text(figures), (span, key)
    month = window.overview.values
    assert month[("month", "visitors.batches")].text() == "2"
    assert month[("month", "visitors.person_times")].text() == "4"
    assert month[("month", "condolence.cash_yuan")].text() == "500.01"
    assert month[("month", "job_fairs.positions")].text() == "25"
    assert month[("month", "volunteers.service_hours")].text() == "2.5"
    if earlier:
        assert month[("year", "visitors.batches")].text() == "3"
        assert month[("year", "condolence.cash_yuan")].text() == "600.01"
        assert month[("year", "volunteers.service_hours")].text() == "3.5"

    # Shown again after a change, the overview is up to date.
    ui.create(visits, purpose="legal", name="周九")
    window.tabs.setCurrentWidget(window.visits)
    with qtbot.waitSignal(window.overview.refreshed, timeout=10000):
        window.tabs.setCurrentWidget(window.overview)
    assert month[("month", "visitors.batches")].text() == "3"


def test_first_window_fits_on_the_screen(window):
    free = window.screen().availableGeometry()  # 800 x 800 on the offscreen platform
    assert free.width() < 1200  # (the test means something only on a small screen)
    frame = window.frameGeometry()
    assert frame.height() <= free.height()
    assert window.width() <= max(free.width(), window.minimumSizeHint().width())


def test_layout_is_remembered(ui, window):
    view = window.visits.view
    view.table.setColumnWidth(1, 233)
    window.volunteers.splitter.setSizes([300, 200])
    window.tabs.setCurrentWidget(window.fairs)
    QApplication.processEvents()  # (the layout's minimum size follows the page shown)
    window.resize(760, 600)  # the offscreen screen is 800 x 800
    QApplication.processEvents()
    size = window.size()  # (at least the window's minimum width)
    assert size.height() == 600
    sizes = window.volunteers.splitter.sizes()

    again = ui.reopen(window)

    assert again.size() == size
    assert again.visits.view.table.columnWidth(1) == 233
    assert again.tabs.currentWidget() is again.fairs
    assert again.volunteers.splitter.sizes() == sizes
    assert again.tabs.tabText(3) in again.count_label.text()  # the status bar follows


def test_on_duty_staff_is_remembered_and_staff_can_be_added(ui, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("赵敏", True)))
    window.add_staff()
    assert window.duty.findText("赵敏") >= 0
    window.duty.setCurrentText("赵敏")
    again = ui.reopen(window)
    assert again.duty.currentText() == "赵敏"
    assert again.desk.settings.staff() == ["李红", "王建国", "赵敏"]


def test_data_survives_closing_and_reopening(ui, window):
    fairs, vols = window.fairs, window.volunteers
    ui.create(window.visits.view, purpose="legal", name="𬌗堃珺", phone="13812345678")
    ui.create(window.relief.view, name="张三", campaign="winter", category="hardship",
              cash_fen="500", visit_date=TODAY)
    ui.create(fairs.fairs, name="春风行动专场招聘会", held_on=TODAY)
    ui.select(fairs.fairs, "春风行动专场招聘会")
    employer = ui.create(fairs.employers, name="云南驿物流园", positions=25)
    seeker = ui.create(fairs.seekers, name="李😀明")
    ui.create(fairs.intentions, seeker_id=seeker, employer_id=employer, agreed_on=TODAY)
    ui.create(vols.roster, name="单田芳")
    ui.select(vols.roster, "单田芳")
    ui.create(vols.records, served_on=TODAY, activity="值班", half_hours="2.5")
    ui.create(vols.records, served_on=TODAY, activity="讲座", half_hours="1.5")

    again = ui.reopen(window)

    assert ui.names(again.visits.view) == ["𬌗堃珺"]
    assert ui.names(again.relief.view) == ["张三"]
    assert ui.cell(again.relief.view, again.relief.view.model.record_id(0), "cash_fen") == "500.00"
    assert ui.names(again.fairs.fairs) == ["春风行动专场招聘会"]
    ui.select(again.fairs.fairs, "春风行动专场招聘会")
    assert ui.names(again.fairs.employers) == ["云南驿物流园"]
    assert ui.names(again.fairs.seekers) == ["李😀明"]
    assert ui.names(again.fairs.intentions, "seeker_name") == ["李😀明"]
    assert ui.names(again.volunteers.roster) == ["单田芳"]
    assert ui.names(again.volunteers.roster, "hours") == ["4.0"]
    ui.select(again.volunteers.roster, "单田芳")
    assert sorted(ui.names(again.volunteers.records, "activity")) == ["值班", "讲座"]


def test_every_search_box_shown_filters_its_register(ui, window):
    """A search box the user can see must narrow the list (none may silently ignore input)."""
    fairs, vols = window.fairs, window.volunteers
    ui.create(window.visits.view, purpose="legal", name="张三")
    ui.create(window.relief.view, name="张三", campaign="winter", category="hardship",
              visit_date=TODAY)
    ui.create(fairs.fairs, name="春风行动专场招聘会", held_on=TODAY)
    ui.select(fairs.fairs, "春风行动专场招聘会")
    employer = ui.create(fairs.employers, name="云南驿物流园", positions=25)
    seeker = ui.create(fairs.seekers, name="张三")
    ui.create(fairs.intentions, seeker_id=seeker, employer_id=employer, agreed_on=TODAY)
    ui.create(vols.roster, name="张三")
    ui.select(vols.roster, "张三")
    ui.create(vols.records, served_on=TODAY, activity="值班", half_hours="2")
    for tab in window.register_tabs.values():
        window.tabs.setCurrentWidget(tab)
        for view in tab.views:
            if not view.search.isVisibleTo(view):
                continue
            view.search.setFocus()
            assert view.model.rowCount() == 1, view.objectName()
            view.search.setText("zzzz")
            view.apply_filters()
            assert view.model.rowCount() == 0, f"{view.objectName()} ignores its search box"
            view.search.setText("")
            view.apply_filters()
            if view is fairs.fairs:
                ui.select(fairs.fairs, "春风行动专场招聘会")
            if view is vols.roster:
                ui.select(vols.roster, "张三")


def test_crash_dialog_offers_the_details_to_copy(qtbot, monkeypatch, tmp_path):
    from xiangyun_desk.ui import crash

    seen = []

    def fake_exec(box):
        seen.append(box)
        box.show()
        label = QApplication.translate("Crash", "Copy details")
        copy = next(b for b in box.buttons() if b.text() == label)
        copy.click()
        assert box.isVisible()  # copying does not close the dialog
        box.close()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    crash.show_crash("Traceback: boom", tmp_path / "xiangyun-desk.log")
    assert seen and str(tmp_path / "xiangyun-desk.log") in seen[0].text()
    assert seen[0].detailedText() == "Traceback: boom"
    assert QApplication.clipboard().text() == "Traceback: boom"


def test_about_names_version_and_data_directory(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _p, _t, text: shown.append(text)))
    window.about()
    assert __version__ in shown[0] and str(window.desk.data_dir) in shown[0]


def test_language_choice_is_stored_for_the_next_start(window, monkeypatch):
    told = []
    def information(*args, **kwargs):
        told.append(args)
        return QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    window.set_language("en")
    assert told
    assert window.settings.value("language") == "en"


def test_english_is_used_from_the_next_start_and_chinese_again_after(ui, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    chinese_tab = window.tabs.tabText(1)
    assert chinese_tab != "Visitor log"  # Simplified Chinese by default
    window.set_language("en")
    english = ui.reopen(window)
    try:
        assert english.tabs.tabText(1) == "Visitor log"
        form = english.visits.view.open_form(None)
        assert form.widgets["gender"].currentText() == "Not given"  # English code labels
        assert english.lang == "en"
    finally:
        english.set_language("zh_CN")
        chinese = ui.reopen(english)
    assert chinese.tabs.tabText(1) == chinese_tab
