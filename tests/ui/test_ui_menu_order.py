"""帮助 is the last menu, whatever features add their own menus."""

from __future__ import annotations


def test_help_menu_is_last(ui):
    window = ui.open()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == window.help_menu.title()
    assert len(titles) >= 6  # file, record, view, reports, settings, sync/security ..., help
