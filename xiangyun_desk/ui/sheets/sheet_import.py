"""The import dialog: choose a file -> match its columns to fields -> preview every row ->
import the ready rows in one transaction -> a report that can be saved.

Reading, previewing and importing run on a worker thread (:mod:`.sheet_worker`); widgets are
touched only from the GUI thread, in the slots the worker's signals reach.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import sheets as S
from ...services.sheets import layout as L
from ..dialog_parts import ERROR_STYLE, translate
from ..i18n import render
from ..sheet_worker import SheetJob

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(4)
COLOURS = {S.READY: "#e3f4e1", S.POSSIBLE: "#fff3c4", S.DUPLICATE: "#e6e6e6",
           S.REFUSED: "#fbdcdc", S.MERGED: "#dde9f8"}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class PreviewModel(QAbstractTableModel):
    """Every row of the preview: row number, status, reason, then the sheet's cells."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview: S.ImportPreview | None = None
        self.rows: list[S.RowResult] = []
        self.fields: list[tuple[str, str]] = []  # (field, heading)
        self.problems_only = False

    def set_preview(self, preview: S.ImportPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.fields = [(c.field, c.header) for c in (preview.columns if preview else [])
                       if c.field]
        self._filter()
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        self.beginResetModel()
        self.problems_only = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        rows = self.preview.rows if self.preview else []
        self.rows = [r for r in rows if r.status != S.READY] if self.problems_only else list(rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else 3 + len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        fixed = (self.tr("Row"), self.tr("Status"), self.tr("Reason"))
        if section < 3:
            return fixed[section]
        return self.fields[section - 3][1] if section - 3 < len(self.fields) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[r.status]))
        if role == STATUS_ROLE:
            return r.status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return str(r.row)
            if col == 1:
                return S.status_text(r.status, translate)
            if col == 2:
                return r.reason(translate)
            name = self.fields[col - 3][0]
            return r.cells.get(name, "")
        return None


class SheetImportDialog(QDialog):
    """Import a spreadsheet into one register."""

    imported = Signal(int)  # records written

    def __init__(self, desk, register: str, *, fair_id: str | None = None,
                 title: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("sheet_import")
        self.desk = desk
        self.register = register
        self.fair_id = fair_id
        self.sheet = L.SHEETS[register]
        self.importer: S.SheetImporter | None = None
        self.table: S.Table | None = None
        self.preview: S.ImportPreview | None = None
        self.job: SheetJob | None = None
        self.setWindowTitle(self.tr("Import into %1").replace("%1", title or self.sheet.title))
        self.resize(980, 640)  # fits a 1024×768 screen

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())
        buttons = self._build_navigation()
        layout = QVBoxLayout(self)
        self.step = QLabel()
        self.step.setObjectName("step")
        self.step.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._show_page(PAGE_FILE)

    def _build_navigation(self) -> QHBoxLayout:
        """Progress, the message line, Back / Next / Cancel."""
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setMaximumHeight(14)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        for b in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(b)
        return buttons

    # ---- pages ---------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("An Excel or WPS workbook (.xlsx) or CSV file"))
        self.path_edit.returnPressed.connect(self.next)
        browse = QPushButton(self.tr("&Choose…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        template = QPushButton(self.tr("Save a blank &template…"))
        template.setObjectName("template")
        template.clicked.connect(self.save_template)
        hint = QLabel(self.tr(
            "The first rows of the sheet should hold the column headings (姓名, 联系电话, "
            "身份证号码 …); they are matched automatically and can be changed in the next step. "
            "CSV files may be in UTF-8 or GBK. Nothing is written before you confirm the "
            "preview."))
        hint.setWordWrap(True)
        target = QLabel()
        target.setObjectName("target")
        if self.fair_id:
            fair = self.desk.fairs.get(self.fair_id)
            target.setText(self.tr("Job fair: %1 (%2)").replace("%1", fair["name"])
                           .replace("%2", fair["held_on"].isoformat()))
        if self.register == "service_records":
            target.setText(self.tr("Each row names its volunteer (and the phone when two "
                                   "volunteers share a name)."))
        layout = QVBoxLayout(page)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path_edit)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(target)
        layout.addWidget(hint)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.file_info = QLabel()
        self.file_info.setObjectName("file_info")
        self.file_info.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 4)  # a handful of columns, not data that grows
        self.mapping_table.setObjectName("mapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Heading in the sheet"), self.tr("First value"),
             self.tr("Imported as")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(0, 50)
        self.mapping_table.setColumnWidth(1, 180)
        self.mapping_table.setColumnWidth(2, 200)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.defaults_box = QGroupBox(self.tr("Value for every row (fields the sheet has no "
                                              "column for)"))
        self.defaults_form = QFormLayout(self.defaults_box)
        self.default_widgets: dict[str, QWidget] = {}
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_info)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.defaults_box)
        layout.addWidget(self.missing_label)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Only rows that will not be imported as they are"))
        self.problems_only.setObjectName("problems_only")
        self.include_possible = QCheckBox(self.tr("Also import rows flagged as possible "
                                                  "duplicates"))
        self.include_possible.setObjectName("include_possible")
        self.include_possible.setChecked(True)
        self.include_possible.toggled.connect(self._update_summary)
        self.model = PreviewModel(self)
        self.problems_only.toggled.connect(self.model.set_problems_only)
        self.view = QTableView()
        self.view.setObjectName("preview")
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        options = QHBoxLayout()
        options.addWidget(self.problems_only)
        options.addWidget(self.include_possible)
        options.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.view, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 14px;")
        save = QPushButton(self.tr("&Save the report…"))
        save.setObjectName("save_report")
        save.clicked.connect(self.save_report)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        steps = {PAGE_FILE: self.tr("1. Choose the file"),
                 PAGE_MAPPING: self.tr("2. Match the columns"),
                 PAGE_PREVIEW: self.tr("3. Check every row"),
                 PAGE_DONE: self.tr("4. Done")}
        self.step.setText(steps[page])
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_PREVIEW))
        self.next_button.setVisible(page != PAGE_DONE)
        self.cancel_button.setText(self.tr("Close") if page == PAGE_DONE else self.tr("Cancel"))
        if page == PAGE_PREVIEW:
            self._update_summary()
        else:
            self.next_button.setText(self.tr("&Next >"))
            self.next_button.setEnabled(True)

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    # ---- navigation ----------------------------------------------------------------------

    def next(self) -> None:
        if self.busy():
            return
        self.message.clear()
        if self.page == PAGE_FILE:
            self.load_file(self.path_edit.text().strip())
        elif self.page == PAGE_MAPPING:
            self.run_preview()
        elif self.page == PAGE_PREVIEW:
            self.run_import()

    def back(self) -> None:
        if not self.busy() and self.page in (PAGE_MAPPING, PAGE_PREVIEW):
            self.message.clear()
            self._show_page(self.page - 1)

    def cancel(self) -> None:
        if self.busy():
            self.job.cancel()
            return
        self.reject() if self.page != PAGE_DONE else self.accept()

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose a spreadsheet"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def save_template(self) -> None:
        name = S.default_filename(self.desk, self.register, template=True)
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save a blank template"),
                                               str(Path.home() / name),
                                               self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            S.write_template(self.desk, self.register, Path(path))
        except S.SheetError as exc:
            QMessageBox.warning(self, self.windowTitle(), render(exc.message))

    # ---- background steps ----------------------------------------------------------------

    def _start(self, fn, done) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        job = SheetJob(fn, self)
        job.progressed.connect(self._progress)
        job.done.connect(lambda result: self._finish(done, result))
        job.error.connect(self._failed)
        self.job = job.start()

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _stop(self) -> None:
        self.progress.hide()
        self.next_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self._show_buttons()

    def _show_buttons(self) -> None:
        self.cancel_button.setText(self.tr("Close") if self.page == PAGE_DONE
                                   else self.tr("Cancel"))

    def _finish(self, done, result) -> None:
        self._stop()
        done(result)

    def _failed(self, exc: Exception) -> None:
        self._stop()
        if isinstance(exc, S.SheetCancelled):
            self.message.setText(self.tr("Cancelled; nothing was written."))
            return
        self.message.setText(render(S.import_error(exc)))
        if self.page == PAGE_PREVIEW:
            self._update_summary()

    def load_file(self, path: str) -> None:
        """Read the file and match its columns (off the GUI thread)."""
        if not path:
            self.message.setText(self.tr("Choose a file first."))
            return
        desk, register, fair = self.desk, self.register, self.fair_id

        def work(progress, cancelled):
            importer = S.SheetImporter(desk, register, fair_id=fair)
            table = importer.read(Path(path))
            return importer, table, importer.detect(table)

        self._start(work, self._loaded)

    def _loaded(self, result) -> None:
        self.importer, self.table, (header_row, data_start, headers) = result
        width = max(len(headers), max((len(r) for r in self.table.rows[data_start - 1:]),
                                      default=0))
        headers = headers + [""] * (width - len(headers))
        columns = self.importer.match_columns(headers)
        first = self.table.rows[data_start - 1] if data_start - 1 < len(self.table.rows) else ()
        self._fill_mapping(columns, first)
        info = [self.tr("File: %1").replace("%1", self.table.source)]
        if self.table.sheet:
            info.append(self.tr("sheet: %1").replace("%1", self.table.sheet))
        if self.table.encoding:
            info.append(self.tr("encoding: %1").replace("%1", self.table.encoding.upper()))
        info.append(self.tr("headings in row %1").replace("%1", str(header_row)))
        self.file_info.setText("，".join(info))
        self._show_page(PAGE_MAPPING)
        self._update_missing()

    def _fill_mapping(self, columns: list[S.ColumnMatch], first: tuple) -> None:
        fields = [(c.key, c.header) for c in self.sheet.importable]
        self.mapping_table.setRowCount(len(columns))
        self.mapping_combos: list[QComboBox] = []
        for row, c in enumerate(columns):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(c.letter))
            self.mapping_table.setItem(row, 1, QTableWidgetItem(c.header))
            sample = first[c.index] if c.index < len(first) else None
            self.mapping_table.setItem(row, 2, QTableWidgetItem(
                "" if sample is None else str(sample)[:60]))
            combo = QComboBox()
            combo.setObjectName(f"map_{c.letter}")
            combo.addItem(self.tr("(not imported)"), None)
            for key, header in fields:
                combo.addItem(header, key)
            combo.setCurrentIndex(max(combo.findData(c.field), 0) if c.field else 0)
            combo.currentIndexChanged.connect(self._update_missing)
            self.mapping_table.setCellWidget(row, 3, combo)
            self.mapping_combos.append(combo)

    def mapping(self) -> dict[int, str | None]:
        """The mapping as the user left it: column index -> field (None: not imported)."""
        return {i: combo.currentData() for i, combo in enumerate(self.mapping_combos)}

    def _update_missing(self) -> None:
        mapped = {v for v in self.mapping().values() if v}
        chosen = [v for v in self.mapping().values() if v]
        doubled = sorted({v for v in chosen if chosen.count(v) > 1})
        builtin = S.importer.DEFAULTS.get(self.register, {})
        need = [c for c in self.sheet.importable if c.required and c.key not in mapped
                and c.key not in builtin and not c.lookup]
        for key in list(self.default_widgets):
            if key not in {c.key for c in need}:
                widget = self.default_widgets.pop(key)
                self.defaults_form.removeRow(widget)
        for c in need:
            if c.key not in self.default_widgets:
                widget = self._default_widget(c)
                self.default_widgets[c.key] = widget
                self.defaults_form.addRow(c.header, widget)
        self.defaults_box.setVisible(bool(need))
        missing = [c.header for c in self.sheet.importable
                   if c.required and c.key not in mapped and c.lookup]
        text = []
        if missing:
            text.append(self.tr("Choose a column for: %1").replace("%1", "、".join(missing)))
        if doubled:
            names = "、".join(self.sheet.column(k).header for k in doubled)
            text.append(self.tr("Two columns go to the same field: %1").replace("%1", names))
        self.missing_label.setText("  ".join(text))
        self.next_button.setEnabled(not missing and not doubled)

    def _default_widget(self, c: L.SheetColumn) -> QWidget:
        if c.kind in (L.CODE,) and c.code_list:
            w = QComboBox()
            w.addItem(self.tr("(choose)"), None)
            for item in self.desk.code_list(c.code_list):
                w.addItem(item.label_zh, item.code)
        elif c.kind in (L.DATE, L.DATETIME):
            w = QDateEdit(QDate.currentDate())
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        else:
            w = QLineEdit()
        w.setObjectName(f"default_{c.key}")
        return w

    def defaults(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.default_widgets.items():
            if isinstance(w, QComboBox):
                value = w.currentData()
            elif isinstance(w, QDateEdit):
                value = w.date().toPython()
                if isinstance(value, dt.datetime):
                    value = value.date()
            else:
                value = w.text().strip() or None
            if value is not None:
                out[key] = value
        return out

    def run_preview(self) -> None:
        """Check every row with the current mapping (off the GUI thread)."""
        importer, table = self.importer, self.table
        mapping, defaults = self.mapping(), self.defaults()

        def work(progress, cancelled):
            return importer.preview(table, mapping, defaults=defaults, progress=progress,
                                    cancelled=cancelled)

        self._start(work, self._previewed)

    def _previewed(self, preview: S.ImportPreview) -> None:
        self.preview = preview
        if preview.missing:
            self.message.setText(render(S.missing_message(self.sheet, preview.missing)))
            return
        self.model.set_preview(preview)
        self.view.setColumnWidth(0, 50)
        self.view.setColumnWidth(1, 90)
        self.view.setColumnWidth(2, 420)
        self._show_page(PAGE_PREVIEW)

    def _update_summary(self) -> None:
        if self.preview is None:
            return
        c = self.preview.counts()
        n = len(self.preview.to_import(self.include_possible.isChecked()))
        parts = [self.tr("%1 ready").replace("%1", str(c[S.READY])),
                 self.tr("%1 possible duplicates").replace("%1", str(c[S.POSSIBLE])),
                 self.tr("%1 duplicates (skipped)").replace("%1", str(c[S.DUPLICATE])),
                 self.tr("%1 refused").replace("%1", str(c[S.REFUSED]))]
        if c[S.MERGED]:
            parts.append(self.tr("%1 merged into another row").replace("%1", str(c[S.MERGED])))
        notes = [render(m) for m in self.preview.notes]
        self.summary.setText("，".join(parts) + ("\n" + " ".join(notes) if notes else ""))
        self.next_button.setText(self.tr("&Import %n row(s)", "", n))
        self.next_button.setEnabled(n > 0)

    def run_import(self) -> None:
        """Write the ready rows in one transaction (off the GUI thread)."""
        importer, preview = self.importer, self.preview
        include = self.include_possible.isChecked()

        def work(progress, cancelled):
            return importer.commit(preview, include_possible=include, progress=progress)

        self._start(work, self._imported)

    def _imported(self, preview: S.ImportPreview) -> None:
        c = preview.counts()
        skipped = len(preview.rows) - preview.imported - c[S.REFUSED] - c[S.MERGED]
        self.result_label.setText(
            self.tr("Imported %1 record(s). Skipped %2 (duplicates). Refused %3 row(s); save "
                    "the report to correct them in the sheet.")
            .replace("%1", str(preview.imported)).replace("%2", str(skipped))
            .replace("%3", str(c[S.REFUSED])))
        self._show_page(PAGE_DONE)
        self.imported.emit(preview.imported)

    def save_report(self, path: str | None = None) -> Path | None:
        if self.preview is None:
            return None
        if not path:
            stem = Path(self.preview.source).stem
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Save the report"), str(Path.home() / f"{stem}_导入报告.csv"),
                self.tr("CSV for Excel/WPS (*.csv);;JSON (*.json)"))
            if not path:
                return None
        try:
            return S.save_report(self.preview, Path(path), translate)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.busy():
            self.job.cancel()
            self.job.wait(10000)
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.busy():
            self.job.cancel()
            self.job.wait(10000)
        super().done(result)
