"""County side of the window: 站点 (stations) tab, the import dialog with its dry-run report, the
import history, the registers read-only with a station column and filter, the per-station
breakdown on 概览 (ui/sync/station_figures.py)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.permissions import Perm, PermissionDenied
from ...services import bundles as B
from ...services.bundles.format import COUNT_KEYS, RELAY_SUFFIX
from ...services.bundles.report import COUNT_LABELS, report_lines
from ...services.county import CountyService
from ...storage import models as M
from ..dialog_parts import read_only_rows, set_column_widths, translate
from ..i18n import render
from ..registers.columns import Column, display
from .sync_dialogs import HistoryDialog

PAGE = 200
CACHE_LIMIT = 5000


# ---- import ------------------------------------------------------------------------------------

class ImportWorker(QObject):
    """Runs a dry run or an import on a QThread; results come back through signals."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # list[ImportResult]
    failed = Signal(object)

    def __init__(self, desk, files: list[Path], dry_run: bool,
                 confirm: dict[str, str] | None = None, importer=None):
        super().__init__()
        self.desk, self.files, self.dry_run = desk, files, dry_run
        self.confirm = confirm or {}
        self.importer = importer or B.BundleImporter  # RelayImporter at a prefecture, province

    def run(self) -> None:
        try:
            results = self.importer(self.desk).import_files(
                self.files, dry_run=self.dry_run, confirm=self.confirm,
                progress=lambda n, total, name: self.progress.emit(n, total, name))
        except Exception as exc:  # noqa: BLE001 - shown on the GUI thread
            self.failed.emit(exc)
        else:
            self.finished.emit(results)


class ImportDialog(QDialog):
    """导入同步包: pick files or a folder, see the dry-run report, then apply."""

    imported = Signal()

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.files: list[Path] = []
        self.results: list[B.ImportResult] = []
        self.applied = False
        self._thread: QThread | None = None
        # A prefecture or province imports relay bundles (转报包) from the tier below.
        self.relay = bool(desk.identity and desk.identity.is_upper)
        self.suffix = RELAY_SUFFIX if self.relay else B.BUNDLE_SUFFIX
        self.setWindowTitle(self.tr("Import relay bundles") if self.relay
                            else self.tr("Import sync bundles"))
        self.resize(900, 620)
        row = self._build_pickers()
        split = self._build_results()
        self._build_status()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.file_list)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        if not desk.session.can(Perm.IMPORT):  # the importer refuses as well
            for button in self._pick_buttons:
                button.setEnabled(False)
            self.status.setText(render(PermissionDenied(Perm.IMPORT).message))

    def _build_pickers(self) -> QHBoxLayout:
        """Choose files or a folder; the files chosen."""
        pick_files = QPushButton(self.tr("Choose &files…"))
        pick_files.setObjectName("choose_files")
        pick_files.clicked.connect(self.choose_files)
        pick_folder = QPushButton(self.tr("Choose a f&older (USB stick)…"))
        pick_folder.setObjectName("choose_folder")
        pick_folder.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(pick_files)
        row.addWidget(pick_folder)
        row.addStretch(1)
        self._pick_buttons = (pick_files, pick_folder)
        self.file_list = QListWidget()
        self.file_list.setObjectName("files")
        self.file_list.setMaximumHeight(90)
        return row

    def _build_results(self) -> QSplitter:
        """One line per bundle (the dry run, then the import) and the report of the one
        clicked."""
        self.summary = QStandardItemModel(0, 4 + len(COUNT_KEYS), self)
        self.summary.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Station"), self.tr("No."), self.tr("Result")]
            + [translate("Bundles", COUNT_LABELS[k]) for k in COUNT_KEYS])
        self.table = QTableView()
        self.table.setObjectName("summary")
        self.table.setModel(self.summary)
        read_only_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.report = QPlainTextEdit()
        self.report.setObjectName("report")
        self.report.setReadOnly(True)
        self.table.clicked.connect(lambda index: self._show_report(index.row()))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.report)
        split.setSizes([220, 300])
        return split

    def _build_status(self) -> None:
        """Progress, what happened, Import and Close."""
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel(self.tr("Choose the bundle files; a dry run shows what would change before anything is imported."))
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Import"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)

    def choose_files(self) -> None:
        kinds = self.tr("Relay bundles (*.xyf);;All files (*)") if self.relay \
            else self.tr("Sync bundles (*.xyb);;All files (*)")
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Sync bundles"), "", kinds)
        if names:
            self.set_files([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with sync bundles"))
        if folder:
            self.set_files(sorted(p for p in Path(folder).iterdir()
                                  if p.is_file() and p.suffix == self.suffix))

    def set_files(self, files: list[Path]) -> None:
        """Take these files and start the dry run."""
        self.files = list(files)
        self.applied = False
        self.file_list.clear()
        self.file_list.addItems([p.name for p in self.files])
        if not self.files:
            self.status.setText(self.tr("No relay bundle files (*.xyf) in that folder.")
                                if self.relay else self.tr("No bundle files (*.xyb) in that folder."))
            return
        self._run(dry_run=True)

    def apply(self) -> None:
        if self.files and not self.applied:
            self._run(dry_run=False, confirm=self._confirmations())

    def _confirmations(self) -> dict[str, str]:
        """For each station whose bundle the dry run held (待确认): the administrator's explicit
        confirmation of the fingerprint shown, after a phone call. Others stay held."""
        held: dict[str, B.ImportResult] = {}
        for r in self.results:
            if r.held and r.station_code and r.fingerprint:
                held.setdefault(r.station_code, r)
        if not held:
            return {}
        if not self.desk.session.can(Perm.ADMIN):
            QMessageBox.information(self, self.tr("Awaiting confirmation"), self.tr(
                "%1 bundle(s) wait for the confirmation of their station's key. Only the "
                "administrator may confirm a key; the other bundles are imported now.")
                .replace("%1", str(sum(r.held for r in self.results))))
            return {}
        return {code: r.fingerprint for code, r in held.items() if self.ask_confirmation(r)}

    def ask_confirmation(self, result: B.ImportResult) -> bool:
        """Show the held bundle's fingerprint and ask for the explicit confirmation."""
        from .enrolment import HeldBundleDialog

        self.held_dialog = HeldBundleDialog(result, self)
        return self.held_dialog.exec() == QDialog.DialogCode.Accepted

    def _run(self, dry_run: bool, confirm: dict[str, str] | None = None) -> None:
        self.apply_button.setEnabled(False)
        self.progress.setRange(0, len(self.files))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Checking the bundles (dry run)…") if dry_run
                            else self.tr("Importing… (the database was backed up first)"))
        self._thread = QThread(self)
        importer = None
        if self.relay:
            from ...services.bundles.relay_import import RelayImporter as importer
        self._worker = ImportWorker(self.desk, self.files, dry_run, confirm, importer)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._dry_run = dry_run
        # Bound methods of this dialog (a GUI-thread object): the signals are queued to the GUI
        # thread. A lambda here would run in the worker thread and touch widgets from it.
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._failed)
        # quit() is thread-safe: call it straight from the worker, so that wait() cannot block
        # on a queued quit that the (waiting) GUI thread would never deliver.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def _on_progress(self, n: int, _total: int, _name: str) -> None:
        self.progress.setValue(n)

    def _on_finished(self, results) -> None:
        self._done(results, self._dry_run)

    def _done(self, results: list[B.ImportResult], dry_run: bool) -> None:
        self.progress.hide()
        self.results = results
        self.summary.removeRows(0, self.summary.rowCount())
        for r in results:
            totals = {k: sum(c.get(k, 0) for c in r.counts.values()) for k in COUNT_KEYS}
            status = translate("Bundles", _status_text(r))
            items = [QStandardItem(r.file),
                     QStandardItem(f"{r.station_name or ''}（{r.station_code}）" if r.station_code else "—"),
                     QStandardItem(str(r.bundle_seq or "—")), QStandardItem(status)]
            items += [QStandardItem(str(totals[k])) for k in COUNT_KEYS]
            if r.status == "rejected":
                for item in items:
                    item.setForeground(QBrush(QColor("#b00020")))
            elif r.held:
                for item in items:
                    item.setBackground(QBrush(QColor("#fff3cd")))
            self.summary.appendRow(items)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lines = []
        for r in results:
            lines += report_lines(r, translate) + [""]
        self.report.setPlainText("\n".join(lines))
        good = sum(r.status == "applied" for r in results)
        bad = sum(r.status == "rejected" for r in results)
        held = sum(r.held for r in results)
        if dry_run:
            self.status.setText(self.tr("Dry run: %1 bundle(s) would be applied, %2 refused. Nothing was changed yet; press Import to apply.")
                                .replace("%1", str(good)).replace("%2", str(bad)))
            if held:
                self.status.setText(self.status.text() + " " + self.tr(
                    "%1 bundle(s) await confirmation of their station's key (待确认): Import asks "
                    "you to confirm each fingerprint after a phone call with the station.")
                    .replace("%1", str(held)))
            self.apply_button.setEnabled(good > 0 or held > 0)
        else:
            self.applied = True
            self.status.setText(self.tr("Imported: %1 bundle(s) applied, %2 refused. The report is kept in the import history.")
                                .replace("%1", str(good)).replace("%2", str(bad)))
            if held:
                self.status.setText(self.status.text() + " " + self.tr(
                    "%1 bundle(s) were not applied: their station's key is not confirmed (待确认).")
                    .replace("%1", str(held)))
            self.imported.emit()

    def _show_report(self, row: int) -> None:
        if 0 <= row < len(self.results):
            self.report.setPlainText("\n".join(report_lines(self.results[row], translate)))

    def _failed(self, exc) -> None:
        self.progress.hide()
        text = render(exc.message) if isinstance(exc, DomainError) else str(exc)
        self.status.setText(self.tr("The import stopped: %1").replace("%1", text))

    def wait(self) -> None:
        """Wait for the running dry run or import, then deliver its result (tests, closing)."""
        if self._thread is not None:
            self._thread.wait()
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()

    def reject(self) -> None:
        self.wait()
        super().reject()


def _status_text(result: B.ImportResult) -> str:
    from ...services.bundles.report import DRY_STATUS_LABELS, STATUS_LABELS

    labels = DRY_STATUS_LABELS if result.dry_run else STATUS_LABELS
    return labels.get(result.status, result.status)


# ---- stations ----------------------------------------------------------------------------------

class StationsTab(QWidget):
    """站点: the county's list of stations (code, name, township, monthly bundle expected, key and
    its enrolment state), each one's last bundle, gaps, records, lateness. The administrator
    adds and edits stations and confirms their key fingerprints here (ui/sync/enrolment.py)."""

    importRequested = Signal()

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.service = CountyService(desk)
        self.rows: list = []
        headers = [self.tr("Code"), self.tr("Station"), self.tr("Township"),
                   self.tr("Monthly"), self.tr("Key"), self.tr("Key fingerprint"),
                   self.tr("Last bundle"), self.tr("Written on"), self.tr("Missing bundles"),
                   self.tr("Days late"), self.tr("Visits"), self.tr("Relief visits"),
                   self.tr("Job seekers"), self.tr("Volunteers"), self.tr("Refused imports")]
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        self.table = QTableView()
        self.table.setObjectName("stations")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_station())
        import_button = QPushButton(self.tr("&Import sync bundles…"))
        import_button.setObjectName("import_bundles")
        import_button.clicked.connect(self.importRequested.emit)
        self.import_button = import_button
        self.add_button = QPushButton(self.tr("&Add station…"))
        self.add_button.setObjectName("add_station")
        self.add_button.clicked.connect(self.add_station)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_station")
        self.edit_button.clicked.connect(self.edit_station)
        self.key_button = QPushButton(self.tr("Confirm &key fingerprint…"))
        self.key_button.setObjectName("confirm_key")
        self.key_button.clicked.connect(self.confirm_key)
        admin = desk.session.can(Perm.ADMIN)  # the registry refuses others anyway
        for button in (self.add_button, self.edit_button, self.key_button):
            button.setVisible(admin)
        self.upper = bool(desk.identity and desk.identity.is_upper)
        if self.upper:  # the stations below come with their keys, vouched for by the tier below
            import_button.setText(self.tr("&Import relay bundles…"))
            self.add_button.setText(self.tr("&Enrol the tier below…"))
            self.edit_button.setVisible(False)
            self.key_button.setVisible(False)
        refresh = QPushButton(self.tr("Re&fresh"))
        refresh.clicked.connect(self.refresh)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (import_button, self.add_button, self.edit_button, self.key_button,
                       refresh):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        from ...services.stations import HELD_LABEL, KEY_STATE_LABELS

        selected = self.selected_code()
        self.table.clearSpans()
        self.model.removeRows(0, self.model.rowCount())
        rows = self.service.stations()
        self.rows = []  # one per table row: a station, or None for a county's heading
        counties = {}
        if self.upper:  # a prefecture or province: the stations under a heading per county
            from ...services.stations import StationRegistry

            counties = StationRegistry(self.desk).county_names()
        shown_county = None
        for r in rows:
            if self.upper and r.county_code != shown_county:
                shown_county = r.county_code
                members = sum(1 for x in rows if x.county_code == shown_county)
                heading = QStandardItem(self.tr("%1 (%2): %3 station(s)")
                                        .replace("%1", counties.get(shown_county) or shown_county)
                                        .replace("%2", shown_county).replace("%3", str(members)))
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                group = [heading] + [QStandardItem("") for _ in range(self.model.columnCount() - 1)]
                for column, key in zip(range(10, 14), ("visits", "relief", "seekers",
                                                       "volunteers"), strict=True):
                    total = sum(x.records.get(key, 0) for x in rows
                                if x.county_code == shown_county)
                    group[column] = QStandardItem(str(total))  # the county's records roll up
                    group[column].setFont(font)
                for item in group:
                    item.setBackground(QBrush(QColor("#e8eef7")))
                    item.setSelectable(False)
                self.model.appendRow(group)
                self.table.setSpan(self.model.rowCount() - 1, 0, 1, 6)
                self.rows.append(None)
            self.rows.append(r)
            missing = "、".join(map(str, r.missing[:20])) + ("…" if len(r.missing) > 20 else "")
            late = r.days_late if r.last_created else (
                self.tr("never sent") if r.monthly_expected else "—")
            if r.offered_fingerprint:
                state, key = HELD_LABEL, r.offered_fingerprint
            else:
                state = KEY_STATE_LABELS.get(r.key_state or "", "") if r.listed else ""
                key = r.fingerprint or "—"
            values = [r.code, r.name, r.township or "—",
                      self.tr("yes") if r.monthly_expected else self.tr("no"),
                      translate("Stations", state) if state else "—", key,
                      r.last_seq or "—",
                      r.last_created.strftime("%Y-%m-%d") if r.last_created else "—",
                      missing or "—", late,
                      r.records.get("visits", 0), r.records.get("relief", 0),
                      r.records.get("seekers", 0), r.records.get("volunteers", 0),
                      r.rejected_imports or ""]
            items = [QStandardItem(str(v)) for v in values]
            if r.offered_fingerprint or (r.listed and r.key_state == "pending"):
                for item in items:
                    item.setBackground(QBrush(QColor("#fde2e1")))
            elif r.key_state == "first_use" or r.missing or r.overdue:  # 逾期: never sent too
                for item in items:
                    item.setBackground(QBrush(QColor("#fff3cd")))
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        if selected:
            for i, r in enumerate(self.rows):
                if r is not None and r.code == selected:
                    self.table.selectRow(i)
        late = sum(1 for r in rows if r.overdue)
        gaps = sum(1 for r in rows if r.missing)
        held = sum(1 for r in rows if r.offered_fingerprint)
        first_use = sum(1 for r in rows if r.key_state == "first_use" and not r.offered_fingerprint)
        text = (self.tr("%1 station(s); %2 late, %3 with missing bundles.")
                .replace("%1", str(len(rows))).replace("%2", str(late)).replace("%3", str(gaps)))
        if held:
            text += " " + self.tr("%1 awaiting confirmation of their key (待确认): select the "
                                  "station and confirm its fingerprint after a phone call.").replace("%1", str(held))
        if first_use:
            text += " " + self.tr("%1 confirmed by first use: verify their fingerprints with the "
                                  "stations by phone.").replace("%1", str(first_use))
        self.note.setText(text)

    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows and 0 <= rows[0].row() < len(self.rows) and self.rows[rows[0].row()] is not None:
            return self.rows[rows[0].row()].code
        return None

    def _station(self):
        from ...services.stations import StationRegistry

        code = self.selected_code()
        station = StationRegistry(self.desk).station(code) if code else None
        if station is None and code:  # seen in records only: add it to the list first
            row = next(r for r in self.rows if r is not None and r.code == code)
            QMessageBox.information(self, self.tr("Stations"), self.tr(
                "Station %1 is not in the list yet: add it first.").replace("%1", code))
            self.add_station(code, row.name)
            return None
        if station is None:
            QMessageBox.information(self, self.tr("Stations"),
                                    self.tr("Select a station in the table first."))
        return station

    def add_station(self, code: str = "", name: str = "") -> None:
        from .enrolment import StationDialog

        dialog = StationDialog(self.desk, None, self)
        dialog.code.setText(code)
        dialog.name.setText(name)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_station(self) -> None:
        from .enrolment import edit_station

        station = self._station()
        if station is not None and edit_station(self.desk, station, self) is not None:
            self.refresh()

    def confirm_key(self) -> None:
        from .enrolment import confirm_station_key

        station = self._station()
        if station is not None and confirm_station_key(self.desk, station, self) is not None:
            self.refresh()


    def select_codes(self, codes) -> None:
        """Select the rows of these stations (待办: those without this month's bundle)."""
        wanted = set(codes or ())
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).text() in wanted:
                selection.select(self.model.index(row, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
                first = row if first is None else first
        if first is not None:
            self.table.scrollTo(self.model.index(first, 0))


# ---- read-only registers with a station column ----------------------------------------------------

# The register (services.specs key) behind each of the county's read-only lists.
COUNTY_REGISTERS = {M.Visit: "visits", M.ReliefVisit: "relief", M.JobSeeker: "seekers",
                    M.Volunteer: "volunteers"}


class CountyRecordsModel(QAbstractTableModel):
    """Rows of one register at the county, all stations or one; the keys are read a block at a
    time as rows are shown, as in a station's registers (CountyService.record_ids → RowIds),
    the rows fetched by key (no SQL here)."""

    def __init__(self, desk, model_class, columns: list[Column], labels, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.model_class = model_class
        self.columns = columns
        self.labels = labels
        self.station: str | None = None
        self.text = ""
        self.date_from: dt.date | None = None
        self.date_to: dt.date | None = None
        self.category: str | None = None
        self.category_column: str | None = None
        self._ids: Sequence = []
        self._cache: OrderedDict[Any, dict[str, Any]] = OrderedDict()
        self.date_column = next(c.key for c in columns if c.kind in ("date", "datetime", "utc"))

    def refresh(self) -> None:
        keys = CountyService(self.desk).record_ids(
            COUNTY_REGISTERS[self.model_class], self.station, self.text, self.date_from,
            self.date_to, self.category if self.category_column else None)
        self.beginResetModel()
        self._ids = keys
        self._cache.clear()
        self.endResetModel()

    def _row(self, row: int) -> dict[str, Any] | None:
        key = self._ids[row]
        if key not in self._cache:
            start = max(0, row - PAGE // 2)
            wanted = [r for r in self._ids[start:start + PAGE] if r not in self._cache]
            self._cache.update(CountyService(self.desk).fetch_records(
                self.model_class, wanted, [c.key for c in self.columns]))
            while len(self._cache) > CACHE_LIMIT:
                self._cache.popitem(last=False)
        return self._cache.get(key)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        return display(column, row.get(column.key), self.labels)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None


class CountyRegisterTab(QWidget):
    """One register read-only at the county: station filter, search, table with a station column."""

    def __init__(self, desk, model_class, columns: list[Column], labels, parent=None,
                 category: tuple[str, str, str] | None = None):
        """``category``: (column, code list, "all" text) of the category filter, as at a
        station (purpose, campaign, education, status)."""
        super().__init__(parent)
        self.model = CountyRecordsModel(desk, model_class, columns, labels, self)
        self.station = QComboBox()
        self.station.setObjectName("station_filter")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, phone, ID tail, employer, initials (zs)"))
        self.search.textChanged.connect(self._search)
        self.station.currentIndexChanged.connect(self._station)
        self.count = QLabel()
        self.count.setObjectName("count")
        station_label = QLabel(self.tr("&Station:"))
        station_label.setBuddy(self.station)
        bar = QHBoxLayout()
        bar.addWidget(station_label)
        bar.addWidget(self.station, 1)
        bar.addWidget(self.search, 2)
        # The same date and category filters as a station's registers.
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.use_dates.setObjectName("use_dates")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for name, w in (("date_from", self.date_from), ("date_to", self.date_to)):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setMaximumWidth(130)
            w.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self._filters())
        self.use_dates.toggled.connect(lambda _c: self._filters())
        bar.addWidget(self.use_dates)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.date_to)
        self.category = None
        if category:
            column, code_list, everything = category
            self.model.category_column = column
            self.category = QComboBox()
            self.category.setObjectName("category")
            self.category.addItem(everything, None)
            for code, label in labels.get(code_list, {}).items():
                self.category.addItem(label, code)
            self.category.currentIndexChanged.connect(lambda _i: self._filters())
            bar.addWidget(self.category, 1)
        bar.addWidget(self.count)
        self.read_only_note = QLabel(self.tr("Records of the stations are read-only at the county; the station that owns a record changes it."))
        self.read_only_note.setStyleSheet("color: #555;")
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        set_column_widths(self.table, [column.width for column in columns])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.table)
        self.fill_stations(CountyService(desk).station_names(), desk.identity.code)

    def fill_stations(self, names: dict[str, str], county_code: str) -> None:
        current = self.station.currentData()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("(all stations)"), None)
        for code, name in sorted(names.items()):
            if code != county_code:
                self.station.addItem(f"{code} {name}", code)
        index = self.station.findData(current)
        self.station.setCurrentIndex(max(index, 0))
        self.station.blockSignals(False)
        self.refresh()

    def _station(self, _index: int) -> None:
        self.model.station = self.station.currentData()
        self.refresh()

    def _search(self, text: str) -> None:
        self.model.text = text
        self.refresh()

    def _filters(self) -> None:
        dated = self.use_dates.isChecked()
        self.model.date_from = self.date_from.date().toPython() if dated else None
        self.model.date_to = self.date_to.date().toPython() if dated else None
        self.model.category = self.category.currentData() if self.category else None
        self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        self.count.setText(self.tr("%1 records").replace("%1", str(self.model.rowCount())))


class CountyTexts(QObject):
    """Column headers of the county's read-only registers (one translation context)."""

    def registers(self, desk, labels) -> list[tuple[str, CountyRegisterTab]]:
        station = Column("station_code", self.tr("Station"), "code", "station", width=120)
        person = [Column("name", self.tr("Name"), width=90),
                  Column("gender", self.tr("Gender"), "code", "gender", width=50),
                  Column("phone", self.tr("Phone"), "phone", width=110),
                  Column("id_number", self.tr("ID number"), "id", width=160),
                  Column("employer", self.tr("Employer"), width=150)]
        specs = [
            (self.tr("Visitor log"), M.Visit,
             [station, Column("visited_at", self.tr("Visited at"), "datetime", width=130),
              *person, Column("purpose", self.tr("Purpose"), "code", "visit_purpose", width=90),
              Column("party_size", self.tr("People"), "int", width=50),
              Column("status", self.tr("Status"), "code", "visit_status", width=70)]),
            (self.tr("Relief visits"), M.ReliefVisit,
             [station, Column("visit_date", self.tr("Date"), "date", width=90),
              Column("campaign", self.tr("Campaign"), "code", "campaign", width=100),
              *person[:2], Column("category", self.tr("Category"), "code",
                                  "recipient_category", width=80),
              *person[2:], Column("cash_fen", self.tr("Cash"), "money", width=80),
              Column("goods", self.tr("Goods"), width=120)]),
            (self.tr("Job seekers"), M.JobSeeker,
             [station, Column("created_at", self.tr("Registered"), "utc", width=130), *person[:4],
              Column("education", self.tr("Education"), "code", "education", width=80),
              Column("desired_job", self.tr("Desired job"), width=120)]),
            (self.tr("Volunteers"), M.Volunteer,
             [station, *person, Column("skills", self.tr("Skills"), "codes", "skill",
                                       width=160),
              Column("joined_on", self.tr("Joined"), "date", width=90),
              Column("status", self.tr("Status"), "code", "volunteer_status", width=60)]),
        ]
        categories = {M.Visit: ("purpose", "visit_purpose", self.tr("(all purposes)")),
                      M.ReliefVisit: ("campaign", "campaign", self.tr("(all campaigns)")),
                      M.JobSeeker: ("education", "education", self.tr("(all education levels)")),
                      M.Volunteer: ("status", "volunteer_status", self.tr("(all statuses)"))}
        return [(title, CountyRegisterTab(desk, model, cols, labels,
                                          category=categories.get(model)))
                for title, model, cols in specs]

    def history_dialog(self, desk, parent) -> HistoryDialog:
        headers = [self.tr("Imported"), self.tr("File"), self.tr("Station"), self.tr("No."),
                   self.tr("Result")]
        rows, details = [], []
        for h in B.import_history(desk):
            result = B.result_from_history(h["report"])
            when = h["imported_at"].replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            rows.append([when, h["file_name"],
                         f"{h['station_name'] or ''}（{h['station_code']}）" if h["station_code"] else "—",
                         h["bundle_seq"] or "—", translate("Bundles", _status_text(result))])
            details.append("\n".join(report_lines(result, translate)))
        return HistoryDialog(self.tr("Import history"), headers, rows, parent, details)

