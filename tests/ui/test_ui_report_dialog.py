"""The 报表 menu and dialog on the real main window: every kind writes a PDF off the GUI thread,
cancel leaves nothing, full ID numbers need a yes, missing choices are explained, the finished
file opens with the system's viewer."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from xiangyun_desk.domain.i18n import msg
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.reports import KINDS, ReportError, ReportPeriod
from xiangyun_desk.ui.reports import report_dialog as RD

TODAY = dt.date(2026, 11, 20)
LEFT = Qt.MouseButton.LeftButton


def _valid_id(body17: str) -> str:
    from xiangyun_desk.domain.idnumber import check_character

    return body17 + check_character(body17)


ID_FULL = _valid_id("53292319800101123")


@pytest.fixture(autouse=True)
def bundled_fonts(monkeypatch):
    """The bundled fonts whatever the machine has (as in tests/reports)."""
    monkeypatch.setenv("XYD_REPORT_FONTS", "bundled")


@pytest.fixture
def demo_dir(station_dir):
    """The station with a few hundred demo records and one known relief visit in 2026-10."""
    desk = Desk(station_dir)
    try:
        DemoGenerator(desk.db, "01", seed=7, today=TODAY).generate(300)
        desk.relief.create({"visit_date": "2026-10-12", "name": "杨𬌗", "gender": "M",
                            "id_number": ID_FULL, "phone": "13812345678",
                            "campaign": next(iter(desk.code_labels("zh")["campaign"])),
                            "category": next(iter(desk.code_labels("zh")["recipient_category"])),
                            "cash_fen": "500.00"})
    finally:
        desk.close()
    return station_dir


@pytest.fixture
def window(ui, demo_dir):
    return ui.open(demo_dir)


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for the reports."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl recorded instead of starting a viewer."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: urls.append(url) or True))
    return urls


def open_dialog(window, kind=None, folder: Path | None = None) -> RD.ReportDialog:
    dialog = window.open_report_dialog(kind)
    if folder is not None:
        dialog.folder.setText(str(folder))
    return dialog


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def make(qtbot, dialog, timeout=60000) -> Path:
    """Click 生成 and wait for the finished file."""
    with qtbot.waitSignal(dialog.generated, timeout=timeout) as blocker:
        qtbot.mouseClick(dialog.generate_button, LEFT)
    return blocker.args[0]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# ---- the menu ----------------------------------------------------------------------------------

def test_reports_menu_has_the_dialog_and_one_entry_per_kind(window):
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "reports_menu")
    assert menu is not None
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["report_dialog"] + [f"report_{k}" for k in KINDS]
    assert menu.actions()[0].shortcut().toString() == "Ctrl+P"


def test_menu_entries_preselect_kind_register_campaign_and_newest_fair(window):
    window.tabs.setCurrentWidget(window.relief)
    window.findChild(type(window.menuBar().actions()[0]), "report_ledger").trigger()
    dialog = window.report_dialog
    assert dialog.isVisible() and dialog.current_kind() == "ledger"
    assert dialog.register.currentData() == "relief"
    assert dialog.name.text().endswith(".pdf") and "慰问走访台账" in dialog.name.text()

    desk = window.desk
    newest = RD.fairs_in(desk)[0]["id"]
    assert dialog.event.currentData() == newest
    campaign, _day = RD.latest_campaign(desk)
    assert dialog.campaign.currentData() == campaign

    window.findChild(type(window.menuBar().actions()[0]), "report_summary").trigger()
    summary = window.report_dialog
    assert summary.current_kind() == "summary"
    year, month = RD.last_month(dt.date.today())
    assert summary.period.period() == ReportPeriod.month(year, month)
    assert f"{year}-{month:02d}" in summary.name.text()


def test_the_overview_has_no_register_to_preselect(window, qtbot, out):
    window.tabs.setCurrentWidget(window.overview)
    dialog = open_dialog(window, "ledger", out)
    assert dialog.register.currentData() is None
    assert dialog.name.text() == ""
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert not dialog.running
    assert dialog.message.isVisible()
    assert dialog.message.text() == dialog.tr("Choose the register for the ledger.")
    assert list(out.iterdir()) == []


# ---- making each kind --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_writes_a_pdf_off_the_gui_thread_and_opens_it(window, qtbot, out, opened,
                                                                 kind):
    window.tabs.setCurrentWidget(window.visits)
    dialog = open_dialog(window, kind, out)
    if kind in RD.DATED_KINDS:
        dialog.period.set_period(ReportPeriod.month(2026, 10))
    path = make(qtbot, dialog)

    assert path.parent == out and path.name == dialog.name.text()
    assert len(PdfReader(path).pages) >= 1
    text = pdf_text(path)
    assert "云南驿镇职工之家" in text
    if kind in RD.DATED_KINDS:
        assert "2026年10月" in text
    assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left
    assert dialog.worker_thread is not None
    assert dialog.worker_thread is not threading.main_thread()
    assert not dialog.isVisible()  # closed; the message offers to open the file

    box = dialog.done_box
    assert box.isVisible() and str(path) in box.text()
    qtbot.mouseClick(box.findChild(QPushButton, "report_open"), LEFT)
    assert [u.toLocalFile() for u in opened] == [str(path)]
    assert str(path) in window.statusBar().currentMessage()


def test_open_the_folder(window, qtbot, out, opened):
    dialog = open_dialog(window, "blank", out)
    path = make(qtbot, dialog)
    qtbot.mouseClick(dialog.done_box.findChild(QPushButton, "report_open_folder"), LEFT)
    assert [Path(u.toLocalFile()) for u in opened] == [path.parent]


def test_no_viewer_says_where_the_file_is(window, qtbot, out, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    dialog = open_dialog(window, "blank", out)
    path = make(qtbot, dialog)
    qtbot.mouseClick(dialog.done_box.findChild(QPushButton, "report_open"), LEFT)
    assert len(shown) == 1 and str(path) in shown[0]


def test_the_folder_is_remembered(window, qtbot, out, opened):
    folder = out / "报表"
    folder.mkdir()
    make(qtbot, open_dialog(window, "blank", folder))
    again = open_dialog(window)
    assert again.folder.text() == str(folder)
    assert again.current_kind() == "blank"  # Ctrl+P opens the kind made last


def test_quarter_year_and_dates_from_lists(window, qtbot, out):
    dialog = open_dialog(window, "summary", out)
    picker = dialog.period
    choose(picker.kind, "quarter")
    picker.year.setValue(2026)
    choose(picker.quarter, 3)
    assert picker.period() == ReportPeriod.quarter(2026, 3)
    assert dialog.name.text().endswith("_2026-Q3.pdf")
    assert picker.range_label.text() in ("2026年7月1日至2026年9月30日", "2026-07-01 to 2026-09-30")
    assert picker.month.isHidden() and not picker.quarter.isHidden()

    choose(picker.kind, "year")
    assert picker.period() == ReportPeriod.year(2026)
    assert dialog.name.text().endswith("_2026.pdf")

    choose(picker.kind, "range")
    picker.start.setDate(dt.date(2026, 10, 5))
    picker.end.setDate(dt.date(2026, 11, 15))
    assert picker.period() == ReportPeriod.between(dt.date(2026, 10, 5), dt.date(2026, 11, 15))
    path = make(qtbot, dialog)
    assert "2026年10月5日至2026年11月15日" in pdf_text(path)


def test_a_roster_defaults_to_the_year_of_its_campaign(window):
    dialog = open_dialog(window, "roster")
    campaign = dialog.campaign.currentData()
    day = RD.latest_visit_of(window.desk, campaign)
    assert dialog.period.period() == ReportPeriod.year(day.year)


def test_a_fair_report_is_named_after_the_fair_day(window):
    dialog = open_dialog(window, "jobfair")
    newest = RD.fairs_in(window.desk)[0]
    assert dialog.name.text().endswith(f"_{newest['held_on'].isoformat()}.pdf")
    oldest = RD.fairs_in(window.desk)[-1]
    choose(dialog.event, oldest["id"])
    assert dialog.name.text().endswith(f"_{oldest['held_on'].isoformat()}.pdf")


def test_the_fair_selected_in_the_window_is_preselected(window):
    desk = window.desk
    oldest = RD.fairs_in(desk)[-1]
    fairs_view = window.fairs.fairs
    window.tabs.setCurrentWidget(window.fairs)
    fairs_view.table.setFocus()
    fairs_view.table.selectRow(fairs_view.model.row_of(oldest["id"]))
    assert fairs_view.current_id() == oldest["id"]
    dialog = window.open_report_dialog("jobfair")
    assert dialog.event.currentData() == oldest["id"]


# ---- cancel, responsiveness ---------------------------------------------------------------------

def test_cancel_from_the_progress_dialog_leaves_no_file(window, qtbot, out, monkeypatch):
    """The worker is held until the progress dialog appears (which needs a live GUI thread),
    then 取消 is clicked: the real generate_report sees the flag and writes nothing."""
    gate = threading.Event()
    seen = {}
    real = RD.generate_report

    def held(desk, request, out, progress=None, cancelled=None):
        seen["thread"] = threading.current_thread()
        assert gate.wait(30)
        return real(desk, request, out, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(RD, "generate_report", held)
    dialog = open_dialog(window, "ledger", out)
    choose(dialog.register, "visits")
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert dialog.running and not dialog.generate_button.isEnabled()
    try:
        # The GUI thread keeps running while the worker waits: the timer shows the progress.
        qtbot.waitUntil(lambda: dialog.progress.isVisible(), timeout=5000)
        assert isinstance(dialog.progress, QProgressDialog)
        cancel = dialog.progress.findChild(QPushButton)
        qtbot.mouseClick(cancel, LEFT)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert seen["thread"] is not threading.main_thread()
    assert list(out.iterdir()) == []
    assert dialog.isVisible() and dialog.message.text() == dialog.tr(
        "Cancelled; nothing was saved.")
    assert dialog.generate_button.isEnabled()


def test_a_quick_report_shows_no_progress_dialog(window, qtbot, out):
    dialog = open_dialog(window, "blank", out)
    make(qtbot, dialog)
    assert dialog.progress is None or not dialog.progress.isVisible()


def test_escape_while_making_cancels_first(window, qtbot, out, monkeypatch):
    gate = threading.Event()
    real = RD.generate_report

    def held(desk, request, out, progress=None, cancelled=None):
        assert gate.wait(30)
        return real(desk, request, out, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(RD, "generate_report", held)
    dialog = open_dialog(window, "summary", out)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    dialog.reject()  # Esc / 关闭 while it runs
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert list(out.iterdir()) == []


# ---- full ID numbers ----------------------------------------------------------------------------

def relief_ledger(window, out):
    dialog = open_dialog(window, "ledger", out)
    choose(dialog.register, "relief")
    dialog.period.set_period(ReportPeriod.month(2026, 10))
    return dialog


def test_full_ids_ask_and_no_keeps_them_masked(window, qtbot, out, ui):
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    dialog = relief_ledger(window, out)
    dialog.full_ids.click()
    assert len(asked) == 1 and not dialog.full_ids.isChecked()
    path = make(qtbot, dialog)
    text = pdf_text(path)
    assert ID_FULL not in text and f"{ID_FULL[:4]}**********{ID_FULL[-4:]}" in text
    assert "13812345678" not in text


def test_full_ids_after_a_yes_are_printed_and_recorded(window, qtbot, out, ui):
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    dialog = relief_ledger(window, out)
    dialog.full_ids.click()
    assert len(asked) == 1 and dialog.full_ids.isChecked()
    path = make(qtbot, dialog)
    assert ID_FULL in pdf_text(path)
    audit = getattr(window.desk, "audit", None)
    if audit is not None:
        entries = audit.entries()
        assert entries[0].action == "print_full"
        assert entries[0].detail["file"] == path.name
        assert entries[0].detail["report"] == "ledger"


def test_full_ids_are_refused_without_the_permission(window, qtbot, out, ui, monkeypatch):
    permissions = pytest.importorskip("xiangyun_desk.domain.permissions")
    if getattr(window.desk, "session", None) is None:
        pytest.skip("this desk has no accounts")
    window.desk.session.user = permissions.Principal("v1", "viewer", "只读", "viewer")
    asked = ui.answer_questions(QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: warned.append(text)))
    dialog = relief_ledger(window, out)
    assert not dialog.full_ids.isEnabled()
    dialog.full_ids.setChecked(True)  # even if something ticks it
    assert not dialog.full_ids.isChecked() and warned and not asked


# ---- refusals -----------------------------------------------------------------------------------

def test_missing_choices_are_explained(window, qtbot, out):
    dialog = open_dialog(window, "roster", out)
    choose(dialog.campaign, None)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert dialog.message.text() == dialog.tr("Choose the relief campaign for the roster.")
    assert dialog.focusWidget() is dialog.campaign

    choose(dialog.kind, "blank")
    assert not dialog.message.isVisible()  # a new choice clears the message
    dialog.form_visits.setChecked(False)
    dialog.form_fair.setChecked(False)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert dialog.message.text() == dialog.tr("Tick at least one form.")

    choose(dialog.kind, "summary")
    choose(dialog.period.kind, "range")
    dialog.period.start.setDate(dt.date(2026, 10, 5))
    dialog.period.end.setDate(dt.date(2026, 10, 1))
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert "2026-10-05" in dialog.message.text()

    choose(dialog.period.kind, "month")
    dialog.folder.setText(str(out / "missing"))
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert str(out / "missing") in dialog.message.text()

    dialog.folder.setText(str(out))
    dialog.name.setText("a/b.pdf")
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert "/" in dialog.message.text()
    assert not dialog.running and list(out.iterdir()) == []


def test_no_fair_yet(ui, qtbot, out):
    window = ui.open()  # the empty station
    dialog = open_dialog(window, "jobfair", out)
    assert dialog.event.currentData() is None
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert dialog.message.text() == dialog.tr("There is no job fair to report on yet.")


def test_an_existing_file_is_replaced_only_after_a_yes(window, qtbot, out, ui):
    asked = ui.answer_questions(QMessageBox.StandardButton.No)
    dialog = open_dialog(window, "blank", out)
    target = out / dialog.name.text()
    target.write_bytes(b"old")
    qtbot.mouseClick(dialog.generate_button, LEFT)
    assert len(asked) == 1 and target.name in asked[0]
    assert not dialog.running and target.read_bytes() == b"old"
    ui.answer_questions(QMessageBox.StandardButton.Yes)
    path = make(qtbot, dialog)
    assert path == target and len(PdfReader(path).pages) >= 1


def test_a_report_error_from_the_worker_is_shown(window, qtbot, out, monkeypatch):
    def refuse(*args, **kwargs):
        raise ReportError(msg("Reports", "Cannot write {path}: permission denied.",
                              path="X:/报表.pdf"))

    monkeypatch.setattr(RD, "generate_report", refuse)
    dialog = open_dialog(window, "summary", out)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert "X:/报表.pdf" in dialog.message.text()
    assert dialog.isVisible() and dialog.generate_button.isEnabled()


def test_a_bug_in_the_worker_opens_the_crash_dialog(window, qtbot, out, monkeypatch):
    crashes = []
    monkeypatch.setattr(RD, "show_crash", lambda details, log: crashes.append((details, log)))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(RD, "generate_report", broken)
    dialog = open_dialog(window, "summary", out)
    qtbot.mouseClick(dialog.generate_button, LEFT)
    qtbot.waitUntil(lambda: bool(crashes), timeout=10000)
    details, log = crashes[0]
    assert "ZeroDivisionError: boom" in details and "broken" in details
    assert log.name == "xiangyun-desk.log"
    assert dialog.isVisible() and dialog.message.isVisible()
