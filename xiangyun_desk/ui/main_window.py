"""The main window: 概览 and the four register tabs, menus, status bar; remembers its layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from .. import __version__
from ..domain.errors import DomainError
from ..services.desk import Desk
from ..services.stats import StatsService
from ..services.todo import TodoService
from .gates import gated
from .i18n import LANGUAGES, render
from .overview import OverviewTab
from .registers.register_view import RegisterView
from .registers.tabs import JobFairTab, ReliefTab, TabContext, VisitsTab, VolunteersTab
from .settings import ui_settings


class MainWindow(QMainWindow):
    """The station desk."""

    def __init__(self, desk: Desk, lang: str = "zh_CN", parent=None):
        super().__init__(parent)
        self.desk = desk
        self.lang = lang
        self.settings = ui_settings(desk.data_dir)
        identity = desk.identity
        self.setWindowTitle(self.tr("Xiangyun Workers' Home Desk — %1").replace("%1", identity.name))

        self.duty = QComboBox()
        self.duty.setObjectName("on_duty")
        self.duty.setMinimumWidth(90)
        self._fill_staff()
        self._build_tabs(TabContext(desk, lang, lambda: self.duty.currentText()))
        self._build_status_bar()
        for tab in self.register_tabs.values():
            for view in tab.views:
                view.countChanged.connect(lambda _n: self._update_count())
                view.apply_filters()
        self.tabs.currentChanged.connect(lambda _i: self._update_count())
        self.tabs.currentChanged.connect(lambda _i: self.update_record_actions())
        self.fairs.detail.currentChanged.connect(lambda _i: self._update_count())
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._build_menus()
        self._install_features()

    def _build_tabs(self, ctx: TabContext) -> None:
        """The overview and one tab per register."""
        self.overview = OverviewTab(StatsService(self.desk.db), self.desk.identity.name,
                                    todo=TodoService(self.desk))
        self.overview.todoActivated.connect(self.open_todo)
        self.visits = VisitsTab(ctx)
        self.relief = ReliefTab(ctx)
        self.fairs = JobFairTab(ctx)
        self.volunteers = VolunteersTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.visits, self.tr("Visitor log"))
        self.tabs.addTab(self.relief, self.tr("Relief visits"))
        self.tabs.addTab(self.fairs, self.tr("Job fairs"))
        self.tabs.addTab(self.volunteers, self.tr("Volunteers"))
        self.setCentralWidget(self.tabs)
        self.register_tabs = {"visits": self.visits, "relief": self.relief, "fairs": self.fairs,
                              "volunteers": self.volunteers}

    def _build_status_bar(self) -> None:
        """The station, who is on duty, the number of records shown."""
        identity = self.desk.identity
        self.station_label = QLabel(f"{identity.name}（{identity.code}）")
        self.count_label = QLabel()
        self.count_label.setObjectName("record_count")
        status = self.statusBar()
        status.addWidget(self.station_label)
        status.addPermanentWidget(QLabel(self.tr("On duty:")))
        status.addPermanentWidget(self.duty)
        status.addPermanentWidget(self.count_label)

    def _install_features(self) -> None:
        """What each area adds to the window (menus, tabs, buttons), in this order."""
        # 同步 menu; county: 站点 tab, read-only registers
        from .sync.sync_menu import install_sync

        install_sync(self)
        self._restore_layout()
        self._update_count()
        self.update_record_actions()
        # 导出 Excel / 导入… per register
        from .sheets.sheet_actions import install_sheet_actions

        install_sheet_actions(self)
        # the signed-in person's role, lock, 安全 menu
        from .security.security_menu import install_security

        install_security(self)
        # Menus added by the features above go before 帮助, which stays last by convention.
        bar = self.menuBar()
        bar.removeAction(self.help_menu.menuAction())
        bar.addAction(self.help_menu.menuAction())

    # ---- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for text, slot, name in ((self.tr("&Back up to a folder…"), self.backup_to_folder, "backup"),
                                 (self.tr("&Restore from a backup…"), self.restore_backup, "restore"),
                                 (self.tr("&Check the database"), self.check_database, "check")):
            act = QAction(text, self)
            act.setObjectName(f"file_{name}")
            act.triggered.connect(slot)
            file_menu.addAction(act)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        record = bar.addMenu(self.tr("&Record"))
        for text, shortcut, name in ((self.tr("&New"), "Ctrl+N", "new"),
                                     (self.tr("&Edit"), "F2", "edit"),
                                     (self.tr("&Delete"), "Del", "delete"),
                                     (self.tr("&Restore"), "Ctrl+R", "restore")):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setObjectName(f"menu_{name}")
            act.triggered.connect(lambda _c=False, n=name: self._on_current_view(n))
            record.addAction(act)
        record.addSeparator()
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(lambda: self._on_current_view("find"))
        record.addAction(find)
        deleted = QAction(self.tr("S&how deleted records"), self)
        deleted.setShortcut(QKeySequence("Ctrl+D"))
        deleted.triggered.connect(lambda: self._on_current_view("deleted"))
        record.addAction(deleted)

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        self._tab_actions: list[QAction] = []
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.refresh_all)
        self._view_separator = view_menu.addSeparator()
        view_menu.addAction(refresh)
        self.update_view_menu()

        reports = bar.addMenu(self.tr("Re&ports"))
        reports.setObjectName("reports_menu")
        make = QAction(self.tr("&Make a report…"), self)
        make.setObjectName("report_dialog")
        make.setShortcut(QKeySequence("Ctrl+P"))
        make.triggered.connect(lambda: self.open_report_dialog())
        reports.addAction(make)
        reports.addSeparator()
        for kind, text in (("summary", self.tr("&Work report…")),
                           ("ledger", self.tr("&Ledger of the register in front…")),
                           ("roster", self.tr("Relief payment &roster…")),
                           ("jobfair", self.tr("&Job-fair report…")),
                           ("blank", self.tr("&Blank forms…"))):
            act = QAction(text, self)
            act.setObjectName(f"report_{kind}")
            act.triggered.connect(lambda _c=False, k=kind: self.open_report_dialog(k))
            reports.addAction(act)

        settings = bar.addMenu(self.tr("&Settings"))
        add_staff = QAction(self.tr("Add &staff member…"), self)
        add_staff.setObjectName("settings_add_staff")
        add_staff.triggered.connect(self.add_staff)
        settings.addAction(add_staff)
        ceiling = QAction(self.tr("Relief &amount to confirm…"), self)
        ceiling.setObjectName("settings_relief_ceiling")
        ceiling.triggered.connect(self.set_relief_ceiling)
        settings.addAction(ceiling)
        lang_menu = settings.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == self.lang)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(act)
            lang_menu.addAction(act)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        guide = QAction(self.tr("&User guide"), self)
        guide.setObjectName("help_guide")
        guide.setShortcut(QKeySequence("F1"))
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def update_view_menu(self) -> None:
        """One 视图 entry per tab, Ctrl+1… in tab order (again after the county's tabs)."""
        for act in self._tab_actions:
            self.view_menu.removeAction(act)
            act.deleteLater()
        self._tab_actions = []
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            act = QAction(self.tabs.tabText(index), self)
            if index < 9:
                act.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            act.triggered.connect(lambda _c=False, w=widget: self.tabs.setCurrentWidget(w))
            self.view_menu.insertAction(self._view_separator, act)
            self._tab_actions.append(act)

    def current_view(self) -> RegisterView | None:
        tab = self.tabs.currentWidget()
        views = getattr(tab, "views", [])
        for view in views:  # the view with focus, else the first one
            if view.isAncestorOf(self.focusWidget()) if self.focusWidget() else False:
                return view
        if tab is self.fairs:
            return self.fairs.detail.currentWidget() if self.fairs.fairs.current_id() \
                else self.fairs.fairs
        return views[0] if views else None

    def update_record_actions(self) -> None:
        """新建 / 编辑 / 删除 / 恢复 only where a record can be changed: not in the county's
        read-only registers (tooltip: why), not for a role without the write permission (gated
        with who may, ui/gates.py)."""
        view = self.current_view()
        note = getattr(self.tabs.currentWidget(), "read_only_note", None)
        for name in ("new", "edit", "delete", "restore"):
            act = self.findChild(QAction, f"menu_{name}")
            if act is None or gated(act):
                continue
            act.setEnabled(view is not None and not view.read_only)
            act.setToolTip(note.text() if note is not None else "")

    def _on_current_view(self, name: str) -> None:
        view = self.current_view()
        if view is None:
            return
        if name == "new":
            view.new_record()
        elif name == "edit":
            view.edit_current()
        elif name == "delete":
            view.delete_current()
        elif name == "restore":
            view.restore_current()
        elif name == "find":
            if view.search.isHidden():  # service records, intentions: search the tab's list
                views = getattr(self.tabs.currentWidget(), "views", [])
                view = next((v for v in views if not v.search.isHidden()), view)
            view.search.setFocus()
            view.search.selectAll()
        elif name == "deleted":
            view.show_deleted.toggle()

    # ---- actions -------------------------------------------------------------------------

    def _fill_staff(self) -> None:
        current = self.settings.value("on_duty", "")
        self.duty.clear()
        self.duty.addItems(self.desk.settings.staff())
        if current:
            index = self.duty.findText(current)
            if index >= 0:
                self.duty.setCurrentIndex(index)

    def add_staff(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add staff member"), self.tr("Name:"))
        if ok and name.strip():
            try:
                self.desk.add_staff(name)
            except DomainError as exc:  # refused, or the database busy / the disk full
                QMessageBox.warning(self, self.tr("Add staff member"), render(exc.message))
                return
            self._fill_staff()

    def set_relief_ceiling(self) -> None:
        """The station head sets the amount per relief visit above which saving asks "is this
        amount right?" (a confirmation, never a block)."""
        current = self.desk.relief_confirm_above_fen() / 100
        value, ok = QInputDialog.getDouble(
            self, self.tr("Relief amount to confirm"),
            self.tr("Ask for a confirmation when one relief visit (cash plus goods value) is "
                    "above this many yuan:"), current, 1, 1_000_000, 2)
        if not ok:
            return
        try:
            self.desk.set_relief_confirm_above_fen(round(value * 100))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Relief amount to confirm"), render(exc.message))

    def set_language(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used from the next start."))

    def open_guide(self, heading: str | None = None):
        """帮助 → 使用说明 (F1): the offline user guide in its own window (ui/help.py)."""
        from .help import show_guide

        return show_guide(self, heading)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "Xiangyun Workers' Home Desk %1\nRegisters, reports and sync for the township "
            "workers' homes of Xiangyun County.\nData directory: %2")
            .replace("%1", __version__).replace("%2", str(self.desk.data_dir)))

    # ---- backups ---------------------------------------------------------------------------

    def start_automatic_backups(self, now: bool = True) -> None:
        """The daily backup, checked at start and hourly while the program runs, off the GUI
        thread (a whole copy at most once a day: minutes at ten million records; issue 15).
        (``now=False``: only the hourly check, for the window of the next person after 切换用户.)"""
        from .jobs import run_in_background

        backups = self.desk.backups
        if now:
            run_in_background(lambda: backups.backup_if_due(reason="start"),
                              failed=self._backup_failed)
        self._daily = QTimer(self, interval=60 * 60 * 1000)
        self._daily.timeout.connect(
            lambda: run_in_background(backups.backup_if_due, failed=self._backup_failed))
        self._daily.start()

    def _backup_failed(self, exc: Exception) -> None:
        text = render(exc.message) if isinstance(exc, DomainError) else str(exc)
        self.statusBar().showMessage(self.tr("Automatic backup failed: %1").replace("%1", text))

    def backup_to_folder(self) -> None:
        """备份到文件夹: outside the data directory (a USB stick) the copy is encrypted with the
        recovery code or a passphrase asked first (ui/backup_dialogs.py)."""
        from ..services.usb_backup import outside
        from .backup_dialogs import BackupSecretDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Back up to a folder (e.g. a USB stick)"))
        if not folder:
            return
        secret = None
        if outside(Path(folder), self.desk.data_dir):
            ask = BackupSecretDialog(self.desk, self)
            if ask.exec() != QDialog.DialogCode.Accepted:
                return
            secret = ask.secret
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = self.desk.backups.backup_to(Path(folder), secret)
        except DomainError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Backup"), render(exc.message))
            return
        QApplication.restoreOverrideCursor()
        if secret is None:
            text = self.tr("The backup was written and checked:\n%1")
        elif secret.kind == "code":
            text = self.tr("The backup was encrypted, written and checked:\n%1\nRestoring it "
                           "will ask for the station head's recovery code.")
        else:
            text = self.tr("The backup was encrypted, written and checked:\n%1\nRestoring it "
                           "will ask for the passphrase just chosen: write it down and give it "
                           "to the station head.")
        QMessageBox.information(self, self.tr("Backup"), text.replace("%1", str(path)))

    def restore_backup(self) -> None:
        """从备份恢复: the backups of a folder listed in plain words (ui/backup_dialogs.py)."""
        from .backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self.desk, self.desk.backups.folder, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
            return
        self.refresh_all()
        QMessageBox.information(self, self.tr("Restore from a backup"), self.tr(
            "Restored the %1 of %2.").replace("%1", render(dialog.restored.kind_text()))
            .replace("%2", render(dialog.restored.when_text())))

    def check_database(self) -> None:
        report = self.desk.backups.check()
        show = QMessageBox.information if report.ok else QMessageBox.warning
        show(self, self.tr("Check the database"), render(report.message()))

    def open_todo(self, item) -> None:
        """Open what a 待办 item counts (services/todo.py ``target``)."""
        import datetime as dt

        if item.target == "follow_ups":
            self.tabs.setCurrentWidget(self.visits)
            self.visits.view.show_follow_ups_due(dt.date.today())
        elif item.target == "export":
            self.sync.export_bundle()
        elif item.target == "export_history":
            self.sync.export_history()
        elif item.target == "stations" and getattr(self.sync, "stations", None) is not None:
            self.tabs.setCurrentWidget(self.sync.stations)
            self.sync.stations.select_codes(item.codes)

    def open_report_dialog(self, kind: str | None = None):
        """The 报表 dialog, preset to ``kind``, the register in front and the fair selected."""
        # ReportLab loads on first use, not at start
        from .reports.report_dialog import ReportDialog

        view = self.current_view()
        register = view.service.spec.key if view is not None else None
        event = self.fairs.fairs.current_id() if self.tabs.currentWidget() is self.fairs else None
        previous = getattr(self, "report_dialog", None)
        if previous is not None and not previous.running:
            previous.deleteLater()
        dialog = ReportDialog(self.desk, self, kind=kind, register=register, event_id=event)
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def refresh_all(self) -> None:
        for tab in self.register_tabs.values():
            for view in tab.views:
                view.apply_filters()
        self.overview.refresh()

    def _update_count(self) -> None:
        """The record count of the list being worked in (a fair's seekers, not the fair list)."""
        view = self.current_view()
        if view is None:
            self.count_label.setText("")
            return
        self.count_label.setText(self.tr("%1: %n record(s)", "", view.model.rowCount())
                                 .replace("%1", view.title))

    def _focus_changed(self, _old, _new) -> None:
        if self.isVisible():
            self._update_count()

    # ---- layout persistence --------------------------------------------------------------

    def _restore_layout(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(geometry)
        else:
            # First start: a comfortable size, but never taller or wider than the screen
            # (1366 x 768 laptops are common; the status bar must not hide under the taskbar).
            # A screen smaller than that (1024 x 768, 1366 x 768) is filled: maximised.
            width, height = 1200, 760
            screen = self.screen()
            small = False
            if screen is not None:
                free = screen.availableGeometry()
                small = free.width() < width + 20 or free.height() < height + 50
                width, height = min(width, free.width() - 20), min(height, free.height() - 50)
            self.resize(width, height)
            if small:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        for key, tab in self.register_tabs.items():
            for i, view in enumerate(tab.views):
                view.restore_column_state(s.value(f"columns/{key}/{i}"))
            splitter = getattr(tab, "splitter", None)
            state = s.value(f"splitter/{key}")
            if splitter is not None and state:
                built = splitter.orientation()
                splitter.restoreState(state)
                # A state saved when the splitter ran the other way (the job-fair tab was side
                # by side before 0.x): keep the orientation the tab is built with.
                splitter.setOrientation(built)
        self.tabs.setCurrentIndex(int(s.value("window/tab", 0) or 0))

    def save_layout(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("on_duty", self.duty.currentText())
        for key, tab in self.register_tabs.items():
            for i, view in enumerate(tab.views):
                s.setValue(f"columns/{key}/{i}", QByteArray(view.column_state()))
            splitter = getattr(tab, "splitter", None)
            if splitter is not None:
                s.setValue(f"splitter/{key}", splitter.saveState())
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.save_layout()
        super().closeEvent(event)
