"""The status bar counts the list being worked in, not always the tab's first list."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_status_bar_counts_the_focused_list(ui):
    window = ui.open()
    desk = window.desk
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-03-01"})
    for name in ("张三", "李四", "王五"):
        desk.seekers.create({"fair_id": fair, "name": name})
    window.tabs.setCurrentWidget(window.fairs)
    window.fairs.fairs.apply_filters()
    window.fairs.fairs.table.selectRow(0)
    window.fairs.detail.setCurrentWidget(window.fairs.seekers)
    window.fairs.seekers.table.setFocus()
    QApplication.processEvents()
    assert window.fairs.seekers.model.rowCount() == 3
    text = window.count_label.text()
    assert "3" in text and window.fairs.seekers.title in text

    window.fairs.fairs.table.setFocus()
    QApplication.processEvents()
    text = window.count_label.text()
    assert "1" in text and window.fairs.fairs.title in text
