"""The set-up wizard for both roles: a county office (code and name prefilled, key pairs made)
and a station with the county's key card (fingerprint shown to compare by phone); the first
administrator for both; app.run opening the county window after the wizard."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from xiangyun_desk import app as app_module
from xiangyun_desk.app import build_main_window
from xiangyun_desk.domain.permissions import SYSTEM
from xiangyun_desk.services import accounts as accounts_module
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.bundles.keys import KeyStore
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.ui.main_window import MainWindow
from xiangyun_desk.ui.security import signin
from xiangyun_desk.ui.wizard import SetupWizard

PASSWORD = "geheim-123"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def shown(monkeypatch):
    """The recovery code dialog records itself instead of blocking."""
    codes = []
    monkeypatch.setattr(signin.RecoveryCodeDialog, "exec",
                        lambda self: codes.append(self.code) or 1)
    return codes


@pytest.fixture
def fresh(data_dir):
    desk = Desk(data_dir, user=None)  # as app.run hands it to the wizard: nobody signed in
    yield desk
    desk.close()


@pytest.fixture
def wizard(qtbot, fresh):
    w = SetupWizard(fresh)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def card_file(tmp_path):
    county = Desk(tmp_path / "county")
    county.initialize("county", "532923", "祥云县总工会")
    card = B.county_card(county)
    county.close()
    path = tmp_path / "县总工会密钥卡.json"
    path.write_text(card.to_json(), encoding="utf-8")
    return path, card


def fill_admin(wizard, username="zhuren", name="王主任"):
    admin = wizard.admin
    admin.username.setText(username)
    admin.display_name.setText(name)
    admin.password.setText(PASSWORD)
    admin.repeat.setText(PASSWORD)


def finish(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def audit(desk, action):
    before, desk.session.user = desk.session.user, SYSTEM
    try:
        return desk.audit.entries(AuditFilter(action=action))
    finally:
        desk.session.user = before


def test_wizard_sets_up_the_county_office_with_its_keys_and_administrator(
        qtbot, wizard, fresh, data_dir, shown, tmp_path):
    assert wizard.county_radio.isEnabled()
    wizard.county_radio.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.ident_page
    assert (wizard.code.text(), wizard.name.text()) == ("532923", "祥云县总工会")  # defaults
    assert not wizard.township.isVisibleTo(wizard.ident_page)
    assert not wizard.card_box.isVisibleTo(wizard.ident_page)  # a station's business
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.grab().save(str(tmp_path / "wizard-county.png"))
    wizard.next()
    wizard.staff.setPlainText("王主任\n赵会计")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.title() == wizard.tr("Administrator's account")
    fill_admin(wizard)
    finish(qtbot, wizard)

    assert wizard.result() == QDialog.DialogCode.Accepted
    identity = fresh.identity
    assert (identity.role, identity.code, identity.name) == ("county", "532923", "祥云县总工会")
    store = KeyStore(data_dir)
    assert store.county_identity() is not None and store.county_signing_key() is not None
    assert (data_dir / "keys" / "county-age.key").read_text().count("AGE-SECRET-KEY-1") == 1
    assert fresh.session.user.username == "zhuren" and fresh.session.user.role == "admin"
    assert shown == [wizard.recovery_code]
    assert set(fresh.settings.staff()) == {"王主任", "赵会计"}
    card = B.county_card(fresh)  # the administrator may write the key card for the stations
    assert card.county_code == "532923" and len(card.fingerprint) == 24

    # The data directory opens as the county window, the 视图 menu following its tabs.
    fresh.close()
    window = build_main_window(data_dir, user="zhuren")
    qtbot.addWidget(window)
    try:
        assert window.sync.county
        assert window.tabs.indexOf(window.sync.stations) == 1
        names = [a.text() for a in window._tab_actions]
        assert names == [window.tabs.tabText(i) for i in range(window.tabs.count())]
        window._tab_actions[1].trigger()
        assert window.tabs.currentWidget() is window.sync.stations
    finally:
        window.close()


def test_wizard_sets_up_a_station_with_the_county_key_card(qtbot, wizard, fresh, card_file,
                                                            shown, tmp_path):
    path, card = card_file
    wizard.next()
    assert wizard.card_box.isVisibleTo(wizard.ident_page)
    wizard.code.setText("03")
    wizard.name.setText("云南驿镇职工之家")
    wizard.township.setText("云南驿镇")
    assert wizard.set_key_card_file(path)
    info = wizard.card_info.text()
    assert card.fingerprint in info and "祥云县总工会" in info and "532923" in info
    assert wizard.card_file.text() == str(path)
    wizard.grab().save(str(tmp_path / "wizard-station-card.png"))
    wizard.next()
    wizard.staff.setPlainText("李红")
    wizard.next()
    fill_admin(wizard, "zhanzhang", "李红")
    finish(qtbot, wizard)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert fresh.identity.role == "station" and fresh.identity.code == "03"
    loaded = B.station_county_card(fresh)
    assert loaded is not None and loaded.fingerprint == card.fingerprint
    (entry,) = audit(fresh, "county_key")
    assert entry.detail["at_setup"] is True and entry.detail["fingerprint"] == card.fingerprint
    assert KeyStore(fresh.data_dir).station_signing_key(create=False) is not None
    assert not (fresh.data_dir / "keys" / "county-age.key").exists()


def test_a_station_may_skip_the_key_card_or_drop_a_bad_one(qtbot, wizard, fresh, card_file,
                                                           tmp_path):
    path, _card = card_file
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    wizard.next()
    wizard.code.setText("04")
    wizard.name.setText("下庄镇职工之家")
    assert not wizard.set_key_card_file(bad)
    assert wizard.card_data is None and not wizard.card_file.text()
    assert wizard.card_info.isVisibleTo(wizard.ident_page) and wizard.card_info.text()
    assert wizard.set_key_card_file(path)
    wizard.clear_key_card()  # changed their mind: later, from the 同步 menu
    assert wizard.card_data is None and not wizard.card_info.isVisibleTo(wizard.ident_page)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    finish(qtbot, wizard)  # on the staff page: no administrator yet, asked at the first start
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert fresh.identity.code == "04"
    assert B.station_county_card(fresh) is None
    assert audit(fresh, "county_key") == []


def test_switching_roles_keeps_what_was_typed_for_each(wizard):
    wizard.next()
    wizard.code.setText("07")
    wizard.name.setText("禾甸镇职工之家")
    wizard.back()
    wizard.county_radio.setChecked(True)
    wizard.next()
    assert (wizard.code.text(), wizard.name.text()) == ("532923", "祥云县总工会")
    wizard.name.setText("祥云县总工会（测试）")
    wizard.back()
    wizard.station_radio.setChecked(True)
    wizard.next()
    assert (wizard.code.text(), wizard.name.text()) == ("07", "禾甸镇职工之家")
    assert wizard.township.isVisibleTo(wizard.ident_page)
    wizard.back()
    wizard.county_radio.setChecked(True)
    assert wizard.name.text() == "祥云县总工会（测试）"


def test_app_run_opens_the_county_window_after_the_wizard(qapp, data_dir, monkeypatch, shown):
    """The first start of a county PC: wizard (county, administrator), then the county window."""
    def run_wizard(self):
        self.county_radio.setChecked(True)
        self.next()
        self.next()
        self.next()
        fill_admin(self)
        self.accept()
        return self.result()

    seen = {}

    def app_exec(*_args):
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.desk.data_dir == data_dir)
        seen["county"] = window.sync.county
        seen["tabs"] = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
        seen["user"] = window.desk.session.user.username
        seen["role"] = window.desk.identity.role
        window.security.idle_lock.stop()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(SetupWizard, "exec", run_wizard)
    monkeypatch.setattr(MainWindow, "start_automatic_backups", lambda self: None)
    monkeypatch.setattr(app_module, "_install_excepthook", lambda _d: None)
    monkeypatch.setattr(QApplication, "exec", app_exec)
    monkeypatch.setattr(signin, "sign_in_at_start",
                        lambda *_a: pytest.fail("the wizard already signed the administrator in"))
    assert app_module.run(data_dir) == 0
    assert seen["county"] is True and seen["role"] == "county" and seen["user"] == "zhuren"
    assert "stations_tab" in seen["tabs"]
    assert (data_dir / "keys" / "county-signing.key").exists()


def test_a_county_without_accounts_asks_for_its_administrator(qtbot, data_dir):
    desk = Desk(data_dir)
    try:
        desk.initialize("county", "532923", "祥云县总工会")
        dialog = signin.FirstAdminDialog(desk)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == dialog.tr("Create the administrator's account")
    finally:
        desk.close()


def test_wizard_sets_up_a_prefecture_with_its_keys(qtbot, wizard, fresh, data_dir, shown,
                                                   tmp_path):
    """The tiers above the county (docs/federation.md) are set up like the county office."""
    wizard.prefecture_radio.setChecked(True)
    wizard.next()
    assert (wizard.code.text(), wizard.name.text()) == ("532900", "大理州总工会")
    assert not wizard.card_box.isVisibleTo(wizard.ident_page)
    wizard.grab().save(str(tmp_path / "wizard-prefecture.png"))
    wizard.next()
    wizard.next()
    fill_admin(wizard)
    finish(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted
    identity = fresh.identity
    assert (identity.role, identity.code, identity.is_upper) == ("prefecture", "532900", True)
    assert KeyStore(data_dir).county_signing_key() is not None
    fresh.close()
    window = build_main_window(data_dir, user="zhuren")
    qtbot.addWidget(window)
    try:
        assert window.sync.upper
    finally:
        window.close()
