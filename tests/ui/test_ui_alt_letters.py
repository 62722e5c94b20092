"""Every menu and every dialog has unique Alt letters (issue 11): the menus of a station (as the
station head and as a staff member) and of the county, and the main dialogs, in Chinese."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.desk import Desk

_MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    letters = Counter(letter(t) for t in texts if letter(t))
    return {k: [t for t in texts if letter(t) == k] for k, n in letters.items() if n > 1}


def menu_clashes(menu: QMenu, where: str, out: dict) -> None:
    actions = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    found = clashes([a.text() for a in actions])
    if found:
        out[where] = found
    for a in actions:
        if a.menu() is not None:
            menu_clashes(a.menu(), f"{where} > {a.text()}", out)


def widget_clashes(widget: QWidget) -> dict[str, list[str]]:
    """Alt letters of one window's labels, buttons, group boxes and tabs, grouped by the page
    they are shown on (each tab of a tab widget is its own page)."""
    texts = []
    for w in widget.findChildren(QWidget):
        if not w.isVisibleTo(widget):
            continue
        if isinstance(w, QLabel | QAbstractButton | QGroupBox):
            texts.append(w.text() if not isinstance(w, QGroupBox) else w.title())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
    return clashes(texts)


@pytest.fixture
def station(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    desk.close()
    return data_dir


@pytest.fixture
def county(tmp_path):
    path = tmp_path / "county"
    path.mkdir()
    desk = Desk(path)
    desk.initialize("county", "532923", "祥云县总工会")
    desk.close()
    return path


@pytest.fixture
def station_accounts(station, monkeypatch):
    from argon2 import PasswordHasher

    from xiangyun_desk.services import accounts as accounts_module

    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    desk = Desk(station)
    admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", "Long-enough-pass-1")
    desk.session.user = admin
    desk.accounts.create_account("gongzuo", "王建国", "staff", "Long-enough-pass-1")
    desk.close()
    return station


def _open(qtbot, data_dir, user=None):
    window = build_main_window(data_dir, user=user)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("role, user", [("station", None), ("county", None),
                                        ("station_accounts", "zhanzhang"),
                                        ("station_accounts", "gongzuo")])
def test_menus_have_unique_alt_letters(qtbot, request, role, user):
    window = _open(qtbot, request.getfixturevalue(role), user)
    try:
        out: dict = {}
        bar = window.menuBar()
        top = [a for a in bar.actions() if a.isVisible()]
        found = clashes([a.text() for a in top])
        if found:
            out["menu bar"] = found
        for a in top:
            if a.menu() is not None:
                menu_clashes(a.menu(), a.text(), out)
        assert not out
    finally:
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
        window.close()
        window.desk.close()


def test_main_dialogs_have_unique_alt_letters(qtbot, station):
    from xiangyun_desk.ui.reports.report_dialog import ReportDialog

    window = _open(qtbot, station)
    try:
        out = {}
        dialogs = {"report": ReportDialog(window.desk, parent=window)}
        for view in (window.visits.view, window.relief.view):
            dialogs[view.objectName()] = view.open_form(None)
        for name, dialog in dialogs.items():
            dialog.show()
            found = widget_clashes(dialog)
            if found:
                out[name] = found
            dialog.close()
        assert not out
    finally:
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
        window.close()
        window.desk.close()
