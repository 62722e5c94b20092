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


def dialog_clashes(name: str, dialog) -> dict[str, dict[str, list[str]]]:
    """Clashes on every page of ``dialog``: each page of a wizard (with the wizard's buttons),
    each tab of its tab widgets, each page of its stacked widgets."""
    from PySide6.QtWidgets import QStackedWidget, QWizard

    out = {}
    dialog.show()
    if isinstance(dialog, QWizard):
        buttons = [dialog.button(b).text() for b in (
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
        for page_id in dialog.pageIds():
            page = dialog.page(page_id)
            texts = [w.text() for w in page.findChildren(QLabel)] + \
                [w.text() for w in page.findChildren(QAbstractButton)] + \
                [w.title() for w in page.findChildren(QGroupBox)]
            found = clashes(texts + buttons)
            if found:
                out[f"{name} page {page_id}"] = found
        return out
    found = widget_clashes(dialog)
    if found:
        out[name] = found
    for pages in dialog.findChildren(QTabWidget) + dialog.findChildren(QStackedWidget):
        for index in range(pages.count()):
            pages.setCurrentIndex(index)
            found = widget_clashes(dialog)
            if found:
                out[f"{name} page {index}"] = found
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_dialog_has_unique_alt_letters(qtbot, tmp_path, monkeypatch, lang):
    """Every dialog of the station (as its head) and of the county, and the menus, in Chinese
    and in English: the list of tests/ui/dialog_catalog.py, which fails when a new dialog class
    is not listed."""
    import dialog_catalog as C
    from PySide6.QtWidgets import QApplication

    from xiangyun_desk.ui.i18n import install_translators
    from xiangyun_desk.ui.settings import ui_settings

    C.fast_hasher(monkeypatch)
    station = C.make_station(tmp_path / "station")
    county = C.make_county(tmp_path / "county")
    out = {}
    try:
        for path, user, make in ((station, "zhanzhang", lambda w: C.station_dialogs(w, tmp_path)),
                                 (county, None, C.county_dialogs)):
            settings = ui_settings(path)
            settings.setValue("language", lang)
            settings.sync()
            window = _open(qtbot, path, user)
            try:
                top = [a for a in window.menuBar().actions() if a.isVisible()]
                for a in top:
                    if a.menu() is not None:
                        menu_clashes(a.menu(), a.text(), out)
                for name, dialog in make(window):
                    out.update(dialog_clashes(name, dialog))
                    dialog.close()
            finally:
                fresh = getattr(window, "_fit_test_fresh", None)
                C.close_window(window)
                if fresh is not None:
                    fresh.close()
    finally:
        install_translators(QApplication.instance(), "zh_CN")  # the next tests: Chinese
    assert not out
