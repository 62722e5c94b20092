"""导出 Excel and 导入… in every register view, and the same under the 文件 menu.

:func:`install_sheet_actions` is called once by the main window; it adds two buttons to each
register view (export the current view, with full IDs as a separate confirmed choice; import,
with a blank template) and two menu entries that act on the view in front.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QToolButton,
)

from ...domain.errors import DomainError
from ...services import sheets as S
from ..gates import gated
from ..i18n import render
from ..sheet_worker import SheetJob
from .sheet_import import SheetImportDialog


class SheetActions(QObject):
    """The spreadsheet actions of one register view."""

    def __init__(self, window, view):
        super().__init__(view)
        self.window = window
        self.view = view
        self.register = view.service.spec.key
        self.job: SheetJob | None = None
        self.dialog: SheetImportDialog | None = None

        self.act_export = QAction(self.tr("Export E&xcel"), view)
        self.act_export.setObjectName("export_sheet")
        self.act_export.setToolTip(self.tr("Save the records listed now (search, filters and "
                                           "sort) as an Excel workbook; ID numbers and phones "
                                           "masked"))
        self.act_export.triggered.connect(lambda: self.export(full=False))
        self.act_export_full = QAction(self.tr("Export Excel with full ID numbers and phones…"),
                                       view)
        self.act_export_full.setObjectName("export_sheet_full")
        self.act_export_full.triggered.connect(lambda: self.export(full=True))
        self.act_import = QAction(self.tr("&Import…"), view)
        self.act_import.setObjectName("import_sheet")
        self.act_import.setToolTip(self.tr("Add records from an Excel/WPS or CSV sheet"))
        self.act_import.triggered.connect(self.open_import)
        self.act_template = QAction(self.tr("Save a blank import template…"), view)
        self.act_template.setObjectName("sheet_template")
        self.act_template.triggered.connect(self.save_template)

        export_button = QToolButton(view)
        export_button.setObjectName("button_export_sheet")
        export_button.setDefaultAction(self.act_export)
        export_menu = QMenu(export_button)
        export_menu.addAction(self.act_export_full)
        export_button.setMenu(export_menu)
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        import_button = QToolButton(view)
        import_button.setObjectName("button_import_sheet")
        import_button.setDefaultAction(self.act_import)
        import_menu = QMenu(import_button)
        import_menu.addAction(self.act_template)
        import_button.setMenu(import_menu)
        import_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar = getattr(view, "button_bar", None)
        if bar is not None:
            at = max(bar.count() - 2, 0)  # before the stretch and the record count
            bar.insertWidget(at, export_button)
            bar.insertWidget(at + 1, import_button)
        view.model.modelReset.connect(self.update_actions)
        self.update_actions()

    def needs_fair(self) -> bool:
        return self.register in S.FAIR_CHILDREN

    def update_actions(self) -> None:
        ok_parent = not self.needs_fair() or self.view.parent_id is not None
        self.act_import.setEnabled(ok_parent and not self.view.read_only
                                   and not self.view.model.query.deleted
                                   and not gated(self.act_import))

    # ---- export --------------------------------------------------------------------------

    def export(self, full: bool = False, path: str | None = None) -> None:
        """Export the current view (off the GUI thread)."""
        if self.job is not None and self.job.running:
            return
        if full:
            answer = QMessageBox.question(
                self.view, self.tr("Export with full ID numbers"),
                self.tr("The workbook will hold complete ID numbers and phone numbers. Keep it "
                        "safe and delete it when it is no longer needed. Continue?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        if path is None:
            name = S.default_filename(self.window.desk, self.register)
            path, _f = QFileDialog.getSaveFileName(self.view, self.tr("Export to Excel"),
                                                   str(Path.home() / name),
                                                   self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        desk, register = self.window.desk, self.register
        query = _copy_query(self.view.model.query)
        if self.needs_fair() or self.view.service.spec.parent_column:
            query.parent_id = self.view.parent_id if self.view.parent_id is not None \
                else query.parent_id
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self.view)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(600)

        def work(report, cancelled):
            return S.export_view(desk, register, query, Path(path), full=full, progress=report,
                                 cancelled=cancelled)

        job = SheetJob(work, self)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda d, t: (progress.setMaximum(t), progress.setValue(d)))
        job.done.connect(lambda result: self._exported(progress, result))
        job.error.connect(lambda exc: self._failed(progress, exc))
        self.job = job.start()

    def _exported(self, progress, result: S.ExportResult) -> None:
        progress.close()
        self.window.statusBar().showMessage(
            self.tr("Exported %n record(s) to %1", "", result.rows).replace("%1",
                                                                          str(result.path)),
            15000)
        self.last_export = result

    def _failed(self, progress, exc: Exception) -> None:
        progress.close()
        if isinstance(exc, S.SheetCancelled):
            self.window.statusBar().showMessage(self.tr("Export cancelled."), 5000)
            return
        text = render(exc.message) if isinstance(exc, DomainError) else str(exc)
        QMessageBox.warning(self.view, self.tr("Export to Excel"), text)

    # ---- import --------------------------------------------------------------------------

    def make_import_dialog(self) -> SheetImportDialog | None:
        if self.needs_fair() and self.view.parent_id is None:
            QMessageBox.information(self.view, self.tr("Import"),
                                    self.tr("Choose the job fair first."))
            return None
        try:
            dialog = SheetImportDialog(self.window.desk, self.register,
                                       fair_id=self.view.parent_id if self.needs_fair()
                                       else None, title=self.view.title, parent=self.window)
        except DomainError as exc:
            QMessageBox.warning(self.view, self.tr("Import"), render(exc.message))
            return None
        dialog.imported.connect(lambda _n: self.window.refresh_all())
        self.dialog = dialog
        return dialog

    def open_import(self) -> None:
        dialog = self.make_import_dialog()
        if dialog is not None:
            dialog.exec()

    def save_template(self) -> None:
        name = S.default_filename(self.window.desk, self.register, template=True)
        path, _f = QFileDialog.getSaveFileName(self.view, self.tr("Save a blank import template"),
                                               str(Path.home() / name),
                                               self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            S.write_template(self.window.desk, self.register, Path(path))
        except DomainError as exc:
            QMessageBox.warning(self.view, self.tr("Import"), render(exc.message))


def _copy_query(query):
    from dataclasses import replace

    return replace(query)


def install_sheet_actions(window) -> list[SheetActions]:
    """Spreadsheet buttons in every register view and two entries in the 文件 menu."""
    installed: list[SheetActions] = []
    for tab in window.register_tabs.values():
        for view in tab.views:
            actions = SheetActions(window, view)
            view.sheet_actions = actions
            installed.append(actions)
    window.sheet_actions = installed
    menu = _file_menu(window)
    if menu is not None:
        first = menu.actions()[0] if menu.actions() else None
        for text, name in ((QCoreApplication.translate("SheetActions",
                                                       "&Export the list to Excel…"), "export"),
                           (QCoreApplication.translate("SheetActions",
                                                       "&Import from Excel or CSV…"), "import")):
            act = QAction(text, window)
            act.setObjectName(f"file_sheet_{name}")
            act.triggered.connect(lambda _c=False, n=name: _on_current(window, n))
            menu.insertAction(first, act)
        if first is not None:
            menu.insertSeparator(first)
    return installed


def _file_menu(window):
    """The 文件 menu (the menu bar's first)."""
    bar = window.menuBar()
    first = bar.actions()[0] if bar.actions() else None
    for menu in bar.findChildren(QMenu):
        if first is not None and menu.menuAction() is first:
            return menu
    return None


def _on_current(window, name: str) -> None:
    view = window.current_view()
    actions = getattr(view, "sheet_actions", None)
    if actions is None:
        return
    if name == "export":
        actions.export()
    elif actions.act_import.isEnabled():
        actions.open_import()
