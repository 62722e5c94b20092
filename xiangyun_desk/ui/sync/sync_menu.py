"""The 同步 menu of the main window, and the county's additions to it (站点 tab, read-only
registers with a station column, per-station figures on 概览). Installed by MainWindow.

What the signed-in role may not do is hidden (export and import need those permissions, the key
card and re-enrolment the station head); the services refuse it anyway, and a refusal that still
gets through is shown as a message (services/bundles/access.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...domain.errors import DomainError
from ...domain.permissions import Perm, PermissionDenied
from ...services import bundles as B
from ..gates import gate
from ..i18n import render
from .sync_dialogs import ExportDialog, SyncTexts


class SyncMenu(QObject):
    """Builds and serves the 同步 menu of ``window`` (a MainWindow)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.desk = window.desk
        self.texts = SyncTexts(self)
        identity = self.desk.identity
        self.county = identity.is_tier  # county, prefecture, province: the county window
        self.upper = identity.is_upper
        menu = window.menuBar().addMenu(self.tr("S&ync"))
        menu.setObjectName("sync_menu")
        self.menu = menu
        if self.county:
            self._county_setup()
            if self.upper:
                self._add(self.tr("&Import relay bundles…"), self.import_bundles, "import",
                          Perm.IMPORT)
            else:
                self._add(self.tr("&Import sync bundles…"), self.import_bundles, "import",
                          Perm.IMPORT)
            self._add(self.tr("Import &history"), self.import_history, "import_history")
            menu.addSeparator()
            if identity.role in ("county", "prefecture"):  # forwarding to the next tier
                self._add(self.tr("Export a &relay bundle to the next tier…"),
                          self.export_relay, "export_relay", Perm.EXPORT)
                self._add(self.tr("Load the next tier's key &card…"), self.load_upper_card,
                          "upper_card", Perm.ADMIN)
            if not self.upper:
                self._add(self.tr("&Publish reference data…"), self.publish_reference,
                          "publish", Perm.EXPORT)
            # The county key card is public: any role may write it (not the station's load action).
            self._add(self.tr("Write this unit's &key card…") if self.upper
                      else self.tr("Write the county &key card…"), self.write_key_card,
                      "write_key_card")
        else:
            self._add(self.tr("&Export a sync bundle…"), self.export_bundle, "export",
                      Perm.EXPORT)
            self._add(self.tr("Exported &bundles"), self.export_history, "export_history")
            menu.addSeparator()
            self._add(self.tr("Load the county &key card…"), self.load_key_card, "key_card",
                      Perm.ADMIN)
            self._add(self.tr("This station's key &fingerprint…"), self.station_key,
                      "station_key")
            self._add(self.tr("Load &reference data from the county…"), self.import_reference,
                      "reference", Perm.IMPORT)

    def _add(self, text: str, slot, name: str, perm: Perm = Perm.READ) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(f"sync_{name}")
        act.triggered.connect(lambda _c=False: slot())
        gate(act, self.desk.session, perm)  # disabled with who may; the services check again
        self.menu.addAction(act)
        return act

    def _allowed(self, perm: Perm, title: str) -> bool:
        """True when the signed-in person may; else the refusal is shown."""
        try:
            self.desk.session.require(perm)
        except PermissionDenied as exc:
            self.refused(title, exc)
            return False
        return True

    def refused(self, title: str, exc: DomainError) -> None:
        QMessageBox.warning(self.window, title, render(exc.message))

    # ---- station ----------------------------------------------------------------------------

    def export_bundle(self) -> ExportDialog | None:
        if not self._allowed(Perm.EXPORT, self.tr("Export a sync bundle")):
            return None
        dialog = ExportDialog(self.desk, self.window)
        dialog.open()
        return dialog

    def export_history(self):
        try:
            dialog = self.texts.export_history_dialog(self.desk, self.window)
        except DomainError as exc:
            self.refused(self.tr("Exported bundles"), exc)
            return None
        dialog.open()
        return dialog

    def load_key_card(self):
        if not self._allowed(Perm.ADMIN, self.tr("Key card")):
            return None
        return self.texts.load_key_card(self.desk, self.window)

    def station_key(self):
        """The fingerprint the station reads out to the county at enrolment."""
        from .enrolment import show_station_key

        return show_station_key(self.desk, self.window)

    def import_reference(self):
        if not self._allowed(Perm.IMPORT, self.tr("Reference data")):
            return None
        result = self.texts.import_reference(self.desk, self.window)
        if result is not None and result.status == "applied":
            self.window.refresh_all()
        return result

    # ---- county -----------------------------------------------------------------------------

    def _county_setup(self) -> None:
        from .county_window import CountyTexts, StationsTab
        from .station_figures import StationFiguresBox

        w = self.window
        self.stations = StationsTab(self.desk)
        self.stations.setObjectName("stations_tab")
        self.stations.importRequested.connect(self.import_bundles)
        self.stations.import_button.setVisible(self.desk.session.can(Perm.IMPORT))
        # The stations' registers are read-only at the county, with a station column and filter;
        # the county's own job fairs (published to the stations) stay editable in their tab.
        for tab in (w.visits, w.relief, w.volunteers):
            w.tabs.removeTab(w.tabs.indexOf(tab))
        labels = dict(w.visits.view.model.labels)
        labels["station"] = self._station_names()
        self.county_tabs = CountyTexts(self).registers(self.desk, labels)
        w.tabs.insertTab(1, self.stations, self.tr("Stations"))
        for title, tab in self.county_tabs:
            w.tabs.addTab(tab, title)
        self.breakdown = StationFiguresBox(self.desk)  # 分站点统计 with its period choice
        w.overview.add_section(self.breakdown)
        w.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        w.update_view_menu()  # 视图 → Ctrl+1… follow the county's tabs

    def _station_names(self) -> dict[str, str]:
        from ...services.county import CountyService

        return CountyService(self.desk).station_names()

    def _refresh_current(self) -> None:
        current = self.window.tabs.currentWidget()
        if current is self.stations:
            self.stations.refresh()
        elif current is self.window.overview:
            self.breakdown.refresh()

    def refresh_county(self) -> None:
        names = self._station_names()
        for _title, tab in self.county_tabs:
            tab.model.labels["station"] = names
            tab.fill_stations(names, self.desk.identity.code)
        self.stations.refresh()
        self.breakdown.refresh()
        self.window.refresh_all()

    def import_bundles(self):
        from .county_window import ImportDialog

        if not self._allowed(Perm.IMPORT, self.tr("Import sync bundles")):
            return None
        dialog = ImportDialog(self.desk, self.window)
        dialog.imported.connect(self.refresh_county)
        dialog.open()
        return dialog

    def import_history(self):
        from .county_window import CountyTexts

        try:
            dialog = CountyTexts(self).history_dialog(self.desk, self.window)
        except DomainError as exc:
            self.refused(self.tr("Import history"), exc)
            return None
        dialog.open()
        return dialog

    def publish_reference(self):
        if not self._allowed(Perm.EXPORT, self.tr("Reference data")):
            return None
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Where to write the reference bundle"))
        if not folder:
            return None
        try:
            result = B.publish_reference(self.desk, Path(folder))
        except DomainError as exc:
            QMessageBox.warning(self.window, self.tr("Reference data"), render(exc.message))
            return None
        QMessageBox.information(self.window, self.tr("Reference data"), self.tr(
            "Wrote %1.\nCopy it to every station; they load it with 同步 → 载入县级参考数据.")
            .replace("%1", str(result.path)))
        return result

    # ---- relay (docs/federation.md) -----------------------------------------------------------

    def export_relay(self):
        from ...services.bundles.relay_export import export_relay

        title = self.tr("Relay bundle")
        if not self._allowed(Perm.EXPORT, title):
            return None
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Where to write the relay bundle"))
        if not folder:
            return None
        try:
            result = export_relay(self.desk, Path(folder))
        except DomainError as exc:
            self.refused(title, exc)
            return None
        QMessageBox.information(self.window, title, self.tr(
            "Wrote relay bundle No. %1 (%2 station bundle(s), %3 record(s)) to %4.")
            .replace("%1", str(result.seq)).replace("%2", str(result.counts["items"]))
            .replace("%3", str(result.counts["records"])).replace("%4", str(result.path)))
        return result

    def load_upper_card(self):
        from ...services.bundles.relay import load_upper_card

        title = self.tr("Key card")
        if not self._allowed(Perm.ADMIN, title):
            return None
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("The next tier's key card"),
                                              "", self.tr("Key card (*.json)"))
        if not path:
            return None
        try:
            card = load_upper_card(self.desk, Path(path).read_bytes())
        except DomainError as exc:
            self.refused(title, exc)
            return None
        except OSError as exc:
            QMessageBox.warning(self.window, title, str(exc))
            return None
        QMessageBox.information(self.window, title, self.tr(
            "Loaded the key card of %1 (%2).\nFingerprint: %3\nCompare it with them by phone.")
            .replace("%1", card.county_name).replace("%2", card.county_code)
            .replace("%3", card.fingerprint))
        return card

    def write_key_card(self):
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save the county key card"),
                                              "县总工会密钥卡.json", self.tr("Key card (*.json)"))
        if not path:
            return None
        try:
            card = B.save_county_card(self.desk, Path(path))
        except DomainError as exc:
            self.refused(self.tr("Key card"), exc)
            return None
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Key card"), str(exc))
            return None
        QMessageBox.information(self.window, self.tr("Key card"), self.tr(
            "Wrote %1.\nFingerprint: %2\nGive the file to every station and read the fingerprint to them by phone.")
            .replace("%1", path).replace("%2", card.fingerprint))
        return card


def install_sync(window) -> SyncMenu:
    """Add the 同步 menu (and, for the county, its tabs) to the main window."""
    window.sync = SyncMenu(window)
    return window.sync
