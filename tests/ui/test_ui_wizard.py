"""The first-run set-up wizard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.wizard import SetupWizard


@pytest.fixture
def fresh(data_dir):
    desk = Desk(data_dir)
    yield desk
    desk.close()


@pytest.fixture
def wizard(qtbot, fresh):
    w = SetupWizard(fresh)
    qtbot.addWidget(w)
    w.show()
    return w


def _station_page(wizard):
    wizard.next()
    assert wizard.currentPage().findChild(type(wizard.code), "station_code") is wizard.code


def test_wizard_clicked_through_sets_up_a_station(qtbot, wizard, fresh, data_dir):
    assert wizard.station_radio.isChecked()
    assert wizard.county_radio.isEnabled()  # the county office: tests/ui/test_ui_wizard_roles.py
    _station_page(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # code and name are required
    qtbot.keyClicks(wizard.code, "07")
    assert not next_button.isEnabled()
    wizard.name.setText("云南驿镇职工之家")
    wizard.township.setText("云南驿镇")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    wizard.staff.setPlainText("李红\n\n  王建国  \n")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert wizard.result() == QDialog.DialogCode.Accepted
    identity = fresh.identity
    assert identity is not None
    assert (identity.code, identity.name) == ("07", "云南驿镇职工之家")
    assert fresh.settings.staff() == ["李红", "王建国"]

    # The data directory now opens in the main window, with the staff on duty offered.
    fresh.close()
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    try:
        assert "云南驿镇职工之家" in window.windowTitle()
        assert [window.duty.itemText(i) for i in range(window.duty.count())] == ["李红", "王建国"]
    finally:
        window.close()
        window.desk.close()


def test_wizard_accept_directly(wizard, fresh):
    _station_page(wizard)
    wizard.code.setText("03")
    wizard.name.setText("禾甸镇职工之家")
    wizard.next()
    wizard.staff.setPlainText("张敏")
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert fresh.identity.code == "03"


def test_non_digit_station_code_is_refused_with_a_message_keeping_what_was_typed(
        qtbot, wizard, fresh):
    _station_page(wizard)
    wizard.code.setText("A1")
    wizard.name.setText("云南驿镇职工之家")
    wizard.township.setText("云南驿镇")
    wizard.next()
    wizard.staff.setPlainText("李红")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.result() != QDialog.DialogCode.Accepted
    assert wizard.isVisible()
    assert fresh.identity is None
    assert wizard.error.text()  # says why
    assert wizard.currentPage() is wizard.code.parentWidget()  # back on the station page
    assert wizard.error.isVisible()
    # What was typed is still there: correcting the code is enough.
    assert wizard.code.text() == "A1"
    assert wizard.name.text() == "云南驿镇职工之家"
    assert wizard.township.text() == "云南驿镇"
    assert wizard.staff.toPlainText() == "李红"
    wizard.code.setText("01")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert fresh.identity.code == "01"
    assert fresh.settings.staff() == ["李红"]
