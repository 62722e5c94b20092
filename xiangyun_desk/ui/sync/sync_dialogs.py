"""Station side of sync bundles: the export dialog (folder, incremental/full, what goes in, runs off
the GUI thread), the export history, loading the county's key card and its reference bundles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.permissions import Perm, PermissionDenied
from ...services import bundles as B
from ...services.bundles.report import COUNT_LABELS, STATUS_LABELS, table_label
from ..dialog_parts import close_buttons, read_only_rows, stack, translate
from ..i18n import render
from ..settings import ui_settings


class ExportWorker(QObject):
    """Writes a bundle on a QThread; talks to the dialog only through signals."""

    progress = Signal(int, int)
    finished = Signal(object)  # ExportResult
    failed = Signal(object)  # Exception

    def __init__(self, desk, folder: Path, full: bool):
        super().__init__()
        self.desk, self.folder, self.full = desk, folder, full
        self.cancel_requested = False

    def run(self) -> None:
        try:
            result = B.export_bundle(self.desk, self.folder, full=self.full,
                                     progress=lambda d, t: self.progress.emit(d, t),
                                     cancelled=lambda: self.cancel_requested)
        except Exception as exc:  # noqa: BLE001 - shown to the user on the GUI thread
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class ExportDialog(QDialog):
    """同步 → 导出同步包: choose the USB folder, incremental or full, see what goes in, write."""

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.result: B.ExportResult | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self.setWindowTitle(self.tr("Export a sync bundle"))
        self.setMinimumWidth(560)
        card = B.station_county_card(desk)
        self.ui_settings = ui_settings(desk.data_dir)
        form = self._build_choices()
        self.county = QLabel(self.tr("County: %1 (key fingerprint %2)")
                             .replace("%1", card.county_name if card else "—")
                             .replace("%2", card.fingerprint if card else "—"))
        self._build_preview()
        self._build_buttons()
        stack(self, self.county, form, self.summary, self.table, self.progress, self.message,
              self.buttons)
        if card is None:
            self.export_button.setEnabled(False)
            self.message.setText(self.tr("Load the county's key card first (同步 → 载入县总工会密钥卡)."))
        if not desk.session.can(Perm.EXPORT):  # the service refuses as well
            self.export_button.setEnabled(False)
            self.message.setText(render(PermissionDenied(Perm.EXPORT).message))
        self.update_preview()

    def _build_choices(self) -> QFormLayout:
        """The folder (remembered) and incremental or full."""
        self.folder = QLineEdit(self.ui_settings.value("sync/export_folder", "") or "")
        self.folder.setObjectName("export_folder")
        self.folder.setPlaceholderText(self.tr("The USB stick or a folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.incremental = QRadioButton(self.tr("&Changes since the last bundle (incremental)"))
        self.incremental.setObjectName("incremental")
        self.full = QRadioButton(self.tr("&Everything (full bundle)"))
        self.full.setObjectName("full")
        self.incremental.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.incremental)
        kinds.addButton(self.full)
        self.incremental.toggled.connect(lambda _c: self.update_preview())
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("Contents:"), self.incremental)
        form.addRow("", self.full)
        return form

    def _build_preview(self) -> None:
        """What the bundle would hold, per register; progress and messages while writing."""
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.contents = QStandardItemModel(0, 2, self)
        self.contents.setHorizontalHeaderLabels([self.tr("Register"), self.tr("Records")])
        self.table = QTableView()
        self.table.setObjectName("contents")
        self.table.setModel(self.contents)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(300)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("E&xport"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick or folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def update_preview(self) -> None:
        plan = B.preview_export(self.desk, full=self.full.isChecked())
        self.contents.removeRows(0, self.contents.rowCount())
        for table, n in plan.counts.items():
            self.contents.appendRow([QStandardItem(table_label(table, translate)),
                                     QStandardItem(str(n))])
        kind = self.tr("full") if plan.kind == "full" else self.tr("incremental")
        self.summary.setText(self.tr("Bundle No. %1 (%2): %3 records").replace("%1", str(plan.seq))
                             .replace("%2", kind).replace("%3", str(plan.total)))

    def start_export(self) -> None:
        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip() or not folder.is_dir():
            self.message.setText(self.tr("Choose an existing folder (the USB stick)."))
            self.folder.setFocus()
            return
        self.ui_settings.setValue("sync/export_folder", str(folder))
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Writing and checking the bundle…"))
        self._thread = QThread(self)
        self._worker = ExportWorker(self.desk, folder, self.full.isChecked())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        # quit() is thread-safe: call it straight from the worker, so that wait() cannot block
        # on a queued quit that the (waiting) GUI thread would never deliver.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, result) -> None:
        self.result = result
        self.progress.hide()
        self.message.setText(self.tr("Written and checked: %1\nBundle No. %2, %3 records. Take the USB stick to the county office.")
                             .replace("%1", str(result.path)).replace("%2", str(result.seq))
                             .replace("%3", str(result.total)))
        self.close_button.setFocus()
        self.update_preview()
        self.export_button.setEnabled(True)

    def _on_failed(self, exc) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        text = render(exc.message) if isinstance(exc, DomainError) else str(exc)
        self.message.setText(self.tr("The bundle was not written: %1").replace("%1", text))

    def wait(self) -> None:
        """Wait for a running export, then deliver its result (tests, closing)."""
        if self._thread is not None:
            self._thread.wait()
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()

    def reject(self) -> None:
        if self._thread is not None and self._thread.isRunning():
            self._worker.cancel_requested = True
            self._thread.wait()
        super().reject()


class HistoryDialog(QDialog):
    """A table of past bundles (station: exports; county: imports)."""

    def __init__(self, title: str, headers: list[str], rows: list[list[str]], parent=None,
                 details: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 480)
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        for row in rows:
            self.model.appendRow([QStandardItem(str(v)) for v in row])
        self.table = QTableView()
        self.table.setObjectName("history")
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        self.details = details
        if details is not None:
            from PySide6.QtWidgets import QPlainTextEdit

            self.detail = QPlainTextEdit()
            self.detail.setObjectName("detail")
            self.detail.setReadOnly(True)
            layout.addWidget(self.detail, 1)
            self.table.selectionModel().currentRowChanged.connect(
                lambda cur, _prev: self.detail.setPlainText(details[cur.row()]))
            if details:
                self.table.selectRow(0)
        layout.addWidget(close_buttons(self))


class SyncTexts(QObject):
    """Translated texts of the station's 同步 menu (one translation context)."""

    def export_history_dialog(self, desk, parent: QWidget) -> HistoryDialog:
        headers = [self.tr("No."), self.tr("Written"), self.tr("Kind"), self.tr("Records"),
                   self.tr("Confirmed by the county"), self.tr("File")]
        rows = []
        for h in B.export_history(desk):
            rows.append([h["seq"], _local(h["created_at"]),
                         self.tr("full") if h["kind"] == "full" else self.tr("incremental"),
                         h["records"], _local(h["confirmed_at"]) if h["confirmed_at"] else "—",
                         str(Path(h["folder"]) / h["file_name"])])
        return HistoryDialog(self.tr("Exported bundles"), headers, rows, parent)

    def load_key_card(self, desk, parent: QWidget) -> B.KeyCard | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("The county's key card"), "",
                                              self.tr("Key card (*.json);;All files (*)"))
        if not path:
            return None
        try:
            card = B.load_county_card(desk, Path(path).read_bytes())  # station head only
        except OSError as exc:
            QMessageBox.warning(parent, self.tr("Key card"), str(exc))
            return None
        except DomainError as exc:
            QMessageBox.warning(parent, self.tr("Key card"), render(exc.message))
            return None
        QMessageBox.information(parent, self.tr("Key card"), self.tr(
            "Loaded the key card of %1.\nFingerprint: %2\nCompare it with the county office by phone.")
            .replace("%1", card.county_name).replace("%2", card.fingerprint))
        return card

    def import_reference(self, desk, parent: QWidget) -> B.ReferenceResult | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Reference bundle from the county"),
                                              "", self.tr("Reference bundle (*.xyr);;All files (*)"))
        if not path:
            return None
        try:
            result = B.import_reference(desk, Path(path))
        except DomainError as exc:  # PermissionDenied; a bad file is a "rejected" result
            QMessageBox.warning(parent, self.tr("Reference data"), render(exc.message))
            return None
        lines = [f"{result.file}: {translate('Bundles', STATUS_LABELS[result.status])}"]
        if result.reason:
            lines.append(render(result.reason))
        for table, counts in result.counts.items():
            parts = "，".join(f"{translate('Bundles', COUNT_LABELS[k])} {v}"
                             for k, v in counts.items() if v)
            if parts:
                lines.append(f"{table_label(table, translate)}：{parts}")
        if result.confirmed:
            lines.append(self.tr("The county confirmed bundle(s) %1.")
                         .replace("%1", "、".join(map(str, result.confirmed))))
        box = QMessageBox.warning if result.status == "rejected" else QMessageBox.information
        box(parent, self.tr("Reference data"), "\n".join(lines))
        return result


def _local(value) -> str:
    import datetime as dt

    if not isinstance(value, dt.datetime):
        return ""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
