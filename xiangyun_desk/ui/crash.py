"""The dialog shown for a bug: what happened, where the log is, a button to copy the details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ..domain.errors import DomainError


def show_fault(exc: BaseException, data_dir: Path) -> bool:
    """An error that reached the top without a dialog of its own but is a fault of the machine
    or the user's choice, not a bug — the database busy, a full disk, a stick pulled out, or any
    error with a message — is shown as that message (True); False for a bug."""
    from ..storage.errors import named_fault

    app = QApplication.instance()
    if app is None:
        return False
    fault = exc if isinstance(exc, DomainError) else named_fault(exc, data_dir)
    if fault is None:
        return False
    QMessageBox.warning(QApplication.activeWindow(), app.translate("Crash", "Cannot go on"),
                        fault.message.render(app.translate))
    return True


def show_crash(details: str, log_file: Path) -> None:
    app = QApplication.instance()
    if app is None:
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(app.translate("Crash", "Unexpected error"))
    box.setText(app.translate("Crash", "Something went wrong inside the program. Your saved "
                              "records are safe. Please send the details below to the county "
                              "IT contact.\nLog file: %1").replace("%1", str(log_file)))
    box.setDetailedText(details)
    copy = QPushButton(app.translate("Crash", "Copy details"))
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
