"""The dialogs of 备份到文件夹 and 从备份恢复 (services/usb_backup.py).

:class:`BackupSecretDialog` asks what encrypts a backup to a USB stick: the station head's
recovery code (checked against the desk's accounts, so a typo never makes a backup nobody can
open) or a passphrase typed twice, with a strength hint; a desk without a recovery code only
offers the passphrase. :class:`RestoreDialog` lists the backups of a folder in plain words —
date and time, kind, station, size, records — newest first, asks an encrypted backup's code or
passphrase, and restores after a confirmation; a wrong code is said and nothing is restored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..domain.errors import DomainError
from ..services.usb_backup import (
    BackupEntry,
    BackupSecret,
    any_file_entry,
    list_folder,
    passphrase_problem,
)
from .dialog_parts import (
    add_row,
    close_buttons,
    dialog_buttons,
    error_label,
    password_edit,
    read_only_rows,
    stack,
    wrapped_label,
)
from .i18n import render


class BackupSecretDialog(QDialog):
    """What encrypts a backup to a folder outside the data directory; ``secret`` once accepted."""

    def __init__(self, desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.secret: BackupSecret | None = None
        self.setWindowTitle(self.tr("Encrypt the backup"))
        self.has_code = desk.accounts.has_recovery_code()
        self.code = password_edit("code")
        self.passphrase = password_edit("passphrase")
        self.repeat = password_edit("passphrase_repeat")
        self.use_code = QRadioButton(
            self.tr("With the station head's &recovery code (recommended)"))
        self.use_code.setObjectName("use_code")
        self.use_passphrase = QRadioButton(self.tr("With a &passphrase chosen now"))
        self.use_passphrase.setObjectName("use_passphrase")
        code_form, pass_form = QFormLayout(), QFormLayout()
        add_row(code_form, self.tr("Recovery &code:"), self.code)
        add_row(pass_form, self.tr("Passp&hrase:"), self.passphrase)
        add_row(pass_form, self.tr("R&epeat the passphrase:"), self.repeat)
        hint = wrapped_label(self.tr(
            "At least 10 characters: several words or a short sentence that others cannot "
            "guess. Write it down and give it to the station head: without it the backup "
            "cannot be opened."))
        self.error = error_label()
        if self.has_code:
            intro = wrapped_label(self.tr(
                "The copy on the USB stick is encrypted, so a lost stick reveals nothing. It "
                "opens again with the recovery code printed for the station head (type it as "
                "on the sheet), also on a new PC."))
            parts = [intro, self.use_code, code_form, self.use_passphrase, pass_form, hint]
            self.use_code.setChecked(True)
            self.use_code.toggled.connect(self._mode_changed)
            self._mode_changed()
        else:
            intro = wrapped_label(self.tr(
                "The copy on the USB stick is encrypted, so a lost stick reveals nothing. This "
                "desk has no recovery code (no station head account): choose a passphrase; "
                "restoring the backup will ask for it."))
            self.use_passphrase.setChecked(True)
            parts = [intro, pass_form, hint]
        stack(self, *parts, self.error, dialog_buttons(self, self._accept))
        self.setMinimumWidth(480)
        (self.code if self.has_code else self.passphrase).setFocus()

    def _mode_changed(self) -> None:
        by_code = self.use_code.isChecked()
        self.code.setEnabled(by_code)
        self.passphrase.setEnabled(not by_code)
        self.repeat.setEnabled(not by_code)
        (self.code if by_code else self.passphrase).setFocus()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # the wrapped lines of the message get their room

    def _accept(self) -> None:
        if self.has_code and self.use_code.isChecked():
            typed = self.code.text()
            if not self.desk.accounts.recovery_code_matches(typed):
                self._fail(self.tr(
                    "This is not the current recovery code of a station head. Type it as "
                    "printed on the sheet, or choose a passphrase instead."))
                return
            self.secret = BackupSecret.recovery_code(typed)
        else:
            problem = passphrase_problem(self.passphrase.text(), self.repeat.text())
            if problem is not None:
                self._fail(render(problem))
                return
            self.secret = BackupSecret.passphrase(self.passphrase.text())
        self.accept()


class SecretPromptDialog(QDialog):
    """The recovery code or passphrase of one encrypted backup."""

    def __init__(self, entry: BackupEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open the encrypted backup"))
        self.secret = password_edit("secret")
        what = entry.secret_text()
        form = QFormLayout()
        add_row(form, self.tr("&Code or passphrase:"), self.secret)
        stack(self, wrapped_label(self.tr(
            "This backup is encrypted. Enter %1 to open it.").replace(
                "%1", render(what) if what else "")), form, dialog_buttons(self))
        self.setMinimumWidth(420)
        self.secret.setFocus()


class RestoreDialog(QDialog):
    """The backups of a folder, newest first; restores the one chosen."""

    COLUMNS = 5

    def __init__(self, desk, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.folder = Path(folder)
        self.entries: list[BackupEntry] = []
        self.restored: BackupEntry | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.where = wrapped_label()
        self.where.setObjectName("folder")
        choose = QPushButton(self.tr("Choose &folder…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self.choose_folder)
        other = QPushButton(self.tr("Other fi&le…"))
        other.setObjectName("choose_file")
        other.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(choose)
        top.addWidget(other)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([
            self.tr("Date and time"), self.tr("Kind"), self.tr("Station"), self.tr("Size"),
            self.tr("Records")])
        read_only_rows(self.table)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty = QLabel(self.tr("There are no backups of this program in this folder."))
        self.empty.setObjectName("empty")
        self.restore_button = QPushButton(self.tr("&Restore this backup…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = close_buttons(self)
        buttons.addButton(self.restore_button, buttons.ButtonRole.ActionRole)
        self.note = wrapped_label(self.tr(
            "Before restoring, the current records are saved as a backup before a restore, so "
            "a restore can be undone."))
        stack(self, top, self.table, self.empty, self.note, buttons)
        self.resize(760, 420)
        self.load(self.folder)

    def load(self, folder: Path) -> None:
        self.entries = list_folder(Path(folder))
        self.load_entries(Path(folder))

    def load_entries(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.where.setText(self.tr("Backups in %1").replace("%1", str(self.folder)))
        identity = self.desk.identity
        own_code = identity.code if identity else ""
        own_name = identity.name if identity else ""
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            station = own_name if entry.station and entry.station == own_code else entry.station
            cells = [render(entry.when_text()), render(entry.kind_text()), station or "—",
                     render(entry.size_text()),
                     "—" if entry.records is None else str(entry.records)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.entries)
        if self.entries:
            self.table.selectRow(0)
        self._selection_changed()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder with the backups (e.g. a USB stick)"),
            str(self.folder))
        if folder:
            self.load(Path(folder))

    def choose_file(self) -> None:
        """A backup file whatever its name (a copy someone renamed)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), str(self.folder),
            self.tr("Backups (*.sqlite3 *.age)"))
        if not path:
            return
        try:
            entry = any_file_entry(Path(path))
        except OSError:
            return
        self.entries = [entry]
        self.load_entries(Path(path).parent)

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def ask_secret(self, entry: BackupEntry) -> str | None:
        prompt = SecretPromptDialog(entry, self)
        if prompt.exec() != QDialog.DialogCode.Accepted:
            return None
        return prompt.secret.text()

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        title = self.tr("Restore from a backup")
        answer = QMessageBox.question(self, title, self.tr(
            "Replace all current records with the %1 of %2? The current records are backed up "
            "first, so this can be undone.").replace("%1", render(entry.kind_text()))
            .replace("%2", render(entry.when_text())))
        if answer != QMessageBox.StandardButton.Yes:
            return
        secret = None
        if entry.encrypted:
            secret = self.ask_secret(entry)
            if secret is None:
                return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.desk.backups.restore(entry.path, secret)
        except DomainError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, render(exc.message))
            return
        QApplication.restoreOverrideCursor()
        self.restored = entry
        self.accept()


__all__ = ["BackupSecretDialog", "RestoreDialog", "SecretPromptDialog"]
