"""The real main window: 导出 Excel exports what the view lists; the import dialog goes from a
file through the column mapping and the preview of every row to the import and its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.sheets import sheet_import as SI

VISITS = [["来访日期", "名字", "手机号码", "公民身份号码", "事由", "状态", "备用电话"],
          ["2026-03-10 09:30", "张三", "13812345678", "", "法律咨询", "已办结", "13900000000"],
          ["2026-03-11", "李四", "138", "", "法律咨询", "已办结", ""],
          ["2026-03-12", "王五", "", "", "就业求职", "跟进中", ""]]


@pytest.fixture
def window(qtbot, data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红", "王建国"])
    desk.visits.create({"visited_at": "2026-03-01 08:00", "name": "赵六", "purpose": "legal",
                        "status": "done", "phone": "13700001111"})
    desk.visits.create({"visited_at": "2026-03-02 08:00", "name": "钱七", "purpose": "job",
                        "status": "done"})
    desk.close()
    w = build_main_window(data_dir)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.desk.close()


def wait_job(qtbot, owner):
    qtbot.waitUntil(lambda: owner.job is not None and not owner.job.running, timeout=20000)
    QApplication.processEvents()


def test_every_register_view_has_the_buttons(window):
    for tab in window.register_tabs.values():
        for view in tab.views:
            names = {b.objectName() for b in view.findChildren(QToolButton)}
            assert {"button_export_sheet", "button_import_sheet"} <= names, view.objectName()
    for name in ("file_sheet_export", "file_sheet_import"):
        assert window.findChild(QAction, name) is not None


def test_export_button_exports_the_current_view(window, qtbot, tmp_path):
    view = window.visits.view
    view.search.setText("钱七")
    view.apply_filters()
    actions = view.sheet_actions
    out = tmp_path / "v.xlsx"
    actions.export(path=str(out))
    wait_job(qtbot, actions)
    rows = list(load_workbook(out)["来访登记"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["钱七"]
    assert "Exported" in window.statusBar().currentMessage() or \
        "导出" in window.statusBar().currentMessage()


def test_full_export_needs_a_yes(window, qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No))
    out = tmp_path / "full.xlsx"
    window.visits.view.sheet_actions.export(full=True, path=str(out))
    assert asked and not out.exists()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.visits.view.sheet_actions.export(full=True, path=str(out))
    wait_job(qtbot, window.visits.view.sheet_actions)
    rows = list(load_workbook(out)["来访登记"].iter_rows(values_only=True))
    assert "13700001111" in [r[3] for r in rows]


def drive_to_preview(window, qtbot, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "visits.xlsx", VISITS)
    dialog = window.visits.view.sheet_actions.make_import_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page == SI.PAGE_FILE
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_MAPPING, timeout=20000)
    mapping = dialog.mapping()
    assert mapping == {0: "visited_at", 1: "name", 2: "phone", 3: "id_number", 4: "purpose",
                       5: "status", 6: None}
    # The user sends 手机号码 nowhere and 备用电话 to the phone instead.
    combo_c = dialog.findChild(type(dialog.mapping_combos[0]), "map_C")
    combo_c.setCurrentIndex(0)
    combo_g = dialog.findChild(type(dialog.mapping_combos[0]), "map_G")
    combo_g.setCurrentIndex(combo_g.findData("phone"))
    assert dialog.mapping()[6] == "phone" and dialog.mapping()[2] is None
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_PREVIEW, timeout=20000)
    return dialog


def test_import_dialog_mapping_preview_import_report(window, qtbot, sheets, tmp_path):
    dialog = drive_to_preview(window, qtbot, sheets, tmp_path)
    model = dialog.model
    assert model.rowCount() == 3
    statuses = [model.index(r, 0).data(SI.STATUS_ROLE) for r in range(3)]
    assert statuses == ["ready", "ready", "ready"]
    assert model.index(0, 1).data() in ("ready", "可导入")
    brush = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == QColor(SI.COLOURS["ready"])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[3:] == ["来访日期", "名字", "公民身份号码", "事由", "状态", "备用电话"]
    assert dialog.next_button.isEnabled()

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_DONE or bool(dialog.message.text()),
                    timeout=20000)
    assert dialog.message.text() == ""
    assert window.desk.visits.count() == 5
    assert window.visits.view.model.rowCount() == 5
    report = dialog.save_report(str(tmp_path / "report.json"))
    data = json.loads(Path(report).read_text("utf-8"))
    assert data["imported"] == 3


def test_preview_shows_refusals_and_duplicates(window, qtbot, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", VISITS)
    dialog = window.visits.view.sheet_actions.make_import_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(path))
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_MAPPING, timeout=20000)
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_PREVIEW, timeout=20000)
    model = dialog.model
    assert [model.index(r, 0).data(SI.STATUS_ROLE) for r in range(3)] == \
        ["ready", "refused", "ready"]
    assert "C3" in model.index(1, 2).data()
    dialog.problems_only.setChecked(True)
    assert model.rowCount() == 1
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == SI.PAGE_DONE, timeout=20000)
    assert window.desk.visits.count() == 4
    dialog.close()

    again = window.visits.view.sheet_actions.make_import_dialog()
    qtbot.addWidget(again)
    again.show()
    again.path_edit.setText(str(path))
    again.next()
    qtbot.waitUntil(lambda: again.page == SI.PAGE_MAPPING, timeout=20000)
    again.next()
    qtbot.waitUntil(lambda: again.page == SI.PAGE_PREVIEW, timeout=20000)
    assert [again.model.index(r, 0).data(SI.STATUS_ROLE) for r in range(3)] == \
        ["duplicate", "refused", "duplicate"]
    assert not again.next_button.isEnabled()  # nothing left to import


def test_a_bad_file_keeps_the_dialog_on_the_first_page(window, qtbot, sheets, tmp_path):
    path = sheets.write(tmp_path / "x.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    dialog = window.visits.view.sheet_actions.make_import_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(path))
    dialog.next()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.message.text() != "", timeout=20000)
    assert dialog.page == SI.PAGE_FILE
    assert "spreadsheet" in dialog.message.text() or "表格" in dialog.message.text()


def test_fair_children_import_needs_a_selected_fair(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a, **k: shown.append(a)))
    seekers = window.fairs.seekers
    assert not seekers.sheet_actions.act_import.isEnabled()
    assert seekers.sheet_actions.make_import_dialog() is None and shown
