"""Builds the QApplication and the main window (also the in-process seam for tests)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from .storage.errors import DatabaseProblem

if TYPE_CHECKING:  # imported after the sign-in dialog is on screen (see run())
    from .services.desk import Desk

log = logging.getLogger(__name__)


def prepare_application(app: QApplication, data_dir: Path) -> str:
    """Fonts and translations for ``app``; returns the language in use."""
    from .ui.fonts import ensure_cjk_font
    from .ui.i18n import DEFAULT_LANGUAGE, install_translators
    from .ui.settings import ui_settings

    lang = str(ui_settings(data_dir).value("language", DEFAULT_LANGUAGE))
    ensure_cjk_font(app)
    install_translators(app, lang)
    app.setApplicationName("xiangyun-desk")
    app.setApplicationDisplayName(app.translate("App", "Xiangyun Workers' Home Desk"))
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("cn.org.xiangyun.desk")  # the installed menu entry (installer/)
    return lang


def application_icon():
    """The program's icon in every shipped size (title bars, the Windows taskbar, Alt+Tab)."""
    from PySide6.QtGui import QIcon

    from .resources import icon_files

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


def window_for(desk: Desk, lang: str):
    """The window of the desk's role. A station gets its desk; the county gets the county window:
    the same main window, to which the 同步 menu adds the 站点 tab, the stations' registers
    read-only with a station column, the import dialog and the per-station figures on 概览
    (ui/sync/sync_menu.py, ui/sync/county_window.py)."""
    from .ui.main_window import MainWindow

    return MainWindow(desk, lang)


def build_main_window(data_dir: Path | str, user=None):
    """The main window for ``data_dir`` (a QApplication must already exist).

    The data directory must already be set up (wizard or ``xiangyun-desk init``). This is the
    in-process seam for tests and embedding: without ``user`` it is a trusted session with
    administrator rights and no sign-in; with ``user`` (an account name or a Principal) the
    window acts as that account, with its role and the idle lock. ``run()`` always asks for a
    sign-in. A county data directory opens the county window (:func:`window_for`).
    """
    from .services.desk import Desk

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication first")
    data_dir = Path(data_dir)
    lang = prepare_application(app, data_dir)
    desk = Desk(data_dir)
    if desk.identity is None:
        desk.close()
        raise RuntimeError(f"{data_dir} is not set up: run the wizard or xiangyun-desk init")
    if user is not None:
        desk.session.user = desk.accounts.principal(user) if isinstance(user, str) else user
    window = window_for(desk, lang)
    if user is not None:
        window.security.start_idle_lock()
    window.destroyed.connect(lambda *_: desk.close())
    return window


LOG_NAME = "xiangyun-desk.log"
LOG_MAX_BYTES = 1_000_000  # then xiangyun-desk.log.1 … .3: at most 4 MB of log per data directory
LOG_BACKUPS = 3


def open_log_file(log_dir: Path) -> Path:
    """Send the program's log (INFO and up) to ``log_dir/xiangyun-desk.log``, rotated at
    LOG_MAX_BYTES with LOG_BACKUPS older files kept, so years of use never fill the disk."""
    from logging.handlers import RotatingFileHandler

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path.absolute()
               for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return path


def _install_excepthook(data_dir: Path) -> None:
    """Bugs go to a log file and a dialog with the details, never a silent exit."""
    from .ui.crash import show_crash, show_fault

    log_dir = data_dir / "logs"
    log_file = open_log_file(log_dir)

    def hook(exc_type, exc, tb):
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if show_fault(exc, data_dir):  # the machine's fault, not a bug: a message, no details
            log.warning("environment fault\n%s", details)
            return
        log.error("unhandled exception\n%s", details)
        show_crash(details, log_file)

    sys.excepthook = hook


def open_desk_interactively(app, data_dir: Path) -> Desk | None:
    """Open the desk; on a damaged or too-new database explain, and offer the latest backup.

    The damaged file is never overwritten: restoring renames it aside first.
    """
    from .services.desk import Desk
    from .storage.db import restore_backup
    from .ui.i18n import render

    try:
        return Desk(data_dir)
    except DatabaseProblem as problem:
        box = QMessageBox(QMessageBox.Icon.Critical,
                          app.translate("App", "Cannot open the database"), render(problem.message))
        restore = None
        if problem.latest_backup:
            box.setInformativeText(app.translate(
                "App", "The latest backup is %1. Restore it? The damaged file is kept beside it.")
                .replace("%1", problem.latest_backup.name))
            restore = box.addButton(app.translate("App", "Restore the latest backup"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if restore is None or box.clickedButton() is not restore:
            return None
        try:
            restore_backup(data_dir, problem.latest_backup)
            return Desk(data_dir)
        except DatabaseProblem as again:
            QMessageBox.critical(None, app.translate("App", "Cannot open the database"),
                                 render(again.message))
            return None


def claim_data_dir(app, data_dir: Path):
    """This program's lock on ``data_dir`` (instance.py), or None when another copy has it open:
    then the person is told so and no second window opens. A lock left by a crash is taken over
    without a word."""
    from .instance import InstanceLock

    lock = InstanceLock(data_dir)
    if lock.acquire():
        return lock
    holder = lock.holder()
    title = app.translate("App", "The program is already open")
    if holder is None or holder.here:
        text = app.translate("App", "Xiangyun Workers' Home Desk is already open on this computer "
                             "with the same data. Use the window that is open (look for it in "
                             "the taskbar); a second one is not opened.")
        QMessageBox.information(None, title, text)
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, title, app.translate(
        "App", "The data of this program is in use by the program on the computer %1. Close it "
               "there first. Open here anyway only if the program on %1 is surely closed (for "
               "example after a power cut).").replace("%1", holder.hostname))
    anyway = box.addButton(app.translate("App", "Open &anyway"),
                           QMessageBox.ButtonRole.DestructiveRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    if box.clickedButton() is anyway and lock.take_over():
        return lock
    return None


# What the main window needs and the sign-in dialog does not: imported in a thread while the
# dialog is on screen and the password is typed (issue 15; docs/performance.md).
_AFTER_SIGN_IN = ("xiangyun_desk.services.desk", "xiangyun_desk.ui.main_window")


def _import_in_background(modules=_AFTER_SIGN_IN) -> threading.Thread:
    """Import ``modules`` in a daemon thread (Python's import locks make a concurrent import of
    the same module by the GUI thread wait for it, never import it twice)."""
    import importlib

    def work():
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the GUI thread's own import reports it
                log.exception("background import of %s", name)
                return

    thread = threading.Thread(target=work, name="imports-after-sign-in", daemon=True)
    thread.start()
    return thread


def early_sign_in(app, data_dir: Path, parent=None) -> tuple[int | None, Desk | None]:
    """The sign-in dialog before the ORM, services and windows are imported: (None, the desk
    with someone signed in), (0, None) when the person cancelled, (1, None) when the desk could
    not be opened (they were told why), or (-1, None) when the data directory needs the full
    start-up path (storage/peek.py)."""
    from .storage.peek import peek
    from .ui.security.signin import SignInDialog

    early = peek(data_dir)
    if early is None:
        return -1, None
    imports = _import_in_background()
    failed = []

    def ready() -> Desk | None:
        imports.join()
        desk = open_desk_interactively(app, data_dir)
        if desk is None:
            failed.append(True)
        else:
            desk.session.user = None
        return desk

    dialog = SignInDialog(None, parent, station_name=early.name, usernames=list(early.usernames),
                          ready=ready)
    accepted = bool(dialog.exec())
    desk = dialog.desk
    if desk is not None and accepted and desk.session.user is not None:
        return None, desk
    if desk is not None:
        desk.close()
    return (1 if failed else 0), None


def run(data_dir: Path) -> int:
    """Start the application (the set-up wizard on first run, station or county), then the
    window of the role after a sign-in. An installation that is set up shows its sign-in
    dialog first and builds the rest meanwhile (:func:`early_sign_in`)."""
    app = QApplication.instance() or QApplication(sys.argv)
    data_dir.mkdir(parents=True, exist_ok=True)
    _install_excepthook(data_dir)
    lang = prepare_application(app, data_dir)
    instance = claim_data_dir(app, data_dir)  # one copy per data directory; freed on return
    if instance is None:
        return 1
    code, desk = early_sign_in(app, data_dir)
    if code is not None and code >= 0:
        instance.release()
        return code
    if desk is None:
        from .ui.security.signin import sign_in_at_start
        from .ui.wizard import SetupWizard

        desk = open_desk_interactively(app, data_dir)
        if desk is None:
            return 1
        desk.session.user = None  # nobody until the wizard's station head or a sign-in
        if desk.identity is None:
            wizard = SetupWizard(desk)
            if not wizard.exec():
                desk.close()
                return 0
        if desk.session.user is None and not sign_in_at_start(desk):  # (the wizard signs in)
            desk.close()
            return 0
    window = window_for(desk, lang)
    window.show()
    window.security.start_idle_lock()
    window.start_automatic_backups()
    code = app.exec()
    desk.close()
    instance.release()
    return code
