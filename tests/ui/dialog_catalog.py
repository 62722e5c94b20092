"""Every dialog of the window, built the way the menus and tabs build it (issue 11).

``DIALOG_CLASSES`` must name every QDialog/QWizard subclass under xiangyun_desk/ui:
``missing_classes()`` scans the package, so a new dialog class that is not listed here fails the
fit and Alt-letter tests (tests/ui/test_ui_fit.py, tests/ui/test_ui_alt_letters.py) until it is
added to ``dialogs()`` below.

``open_windows()`` sets up a station with demo data and accounts (signed in as the station head)
and a county with an enrolled station, opens both main windows, and ``dialogs()`` yields
(name, dialog) for every dialog, one record form per register.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QDialog

from xiangyun_desk.app import build_main_window
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk

UI = Path(__file__).resolve().parents[2] / "xiangyun_desk" / "ui"
PASSWORD = "Long-enough-pass-1"

DIALOG_CLASSES = {
    "SetupWizard", "RecordForm", "ImportDialog", "ExportDialog", "HistoryDialog",
    "StationKeyDialog", "StationDialog", "ConfirmKeyDialog", "HeldBundleDialog", "ReportDialog",
    "SheetImportDialog", "PersonView", "CorrectDialog", "AuditView", "LockDialog",
    "AccountsDialog", "AddAccountDialog", "SignInDialog", "FirstAdminDialog",
    "RecoveryCodeDialog", "RecoveryResetDialog", "ChangePasswordDialog", "NamesakeDialog",
    "BackupSecretDialog", "SecretPromptDialog", "RestoreDialog", "GuideViewer",
}
_BASES = {"QDialog", "QWizard", *DIALOG_CLASSES}


def dialog_classes_in_package() -> set[str]:
    """Names of the classes under xiangyun_desk/ui that derive from QDialog or QWizard (directly
    or through one of the listed dialogs)."""
    found = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
                if bases & _BASES:
                    found.add(node.name)
    return found


def missing_classes() -> set[str]:
    return dialog_classes_in_package() - DIALOG_CLASSES


def fast_hasher(monkeypatch) -> None:
    from argon2 import PasswordHasher

    from xiangyun_desk.services import accounts as accounts_module

    monkeypatch.setattr(accounts_module, "make_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def make_station(path: Path, records: int = 300) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    desk = Desk(path)
    try:
        desk.initialize("station", "03", "云南驿镇职工之家", "云南驿镇", ["李红", "王建国"])
        DemoGenerator(desk.db, "03", seed=11).generate(records)
        admin, _ = desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
        desk.session.user = admin
        desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    finally:
        desk.close()
    return path


def make_county(path: Path) -> Path:
    from xiangyun_desk.services.stations import StationRegistry

    path.mkdir(parents=True, exist_ok=True)
    desk = Desk(path)
    try:
        desk.initialize("county", "532923", "祥云县总工会")
        StationRegistry(desk).add("03", "云南驿镇职工之家", township="云南驿镇")
    finally:
        desk.close()
    return path


def open_window(qtbot, path: Path, user: str | None = None):
    window = build_main_window(path, user=user)
    qtbot.addWidget(window)
    window.show()
    return window


def close_window(window) -> None:
    lock = getattr(window, "idle_lock", None)
    if lock is not None:
        lock.stop()
    security = getattr(window, "security", None)
    if security is not None and getattr(security, "idle_lock", None) is not None:
        security.idle_lock.stop()
    window.close()
    window.desk.close()


def _forms(window) -> Iterator[tuple[str, QDialog]]:
    """One record form per register, with a parent record chosen where one is needed."""
    window.fairs.fairs.table.selectRow(0)
    window.volunteers.roster.table.selectRow(0)
    views = [window.visits.view, window.relief.view, *window.fairs.views, *window.volunteers.views]
    for view in views:
        yield f"RecordForm:{view.objectName() or view.title}", view.open_form(None)


def station_dialogs(window, tmp_path: Path) -> Iterator[tuple[str, QDialog]]:
    """Every dialog a station reaches from its menus and tabs."""
    from xiangyun_desk.services.bundles.importer import ImportResult
    from xiangyun_desk.ui.reports.report_dialog import ReportDialog
    from xiangyun_desk.ui.security.namesakes import NamesakeDialog
    from xiangyun_desk.ui.security.person_view import CorrectDialog, PersonView
    from xiangyun_desk.ui.security.security_menu import (
        AccountsDialog,
        AddAccountDialog,
        LockDialog,
    )
    from xiangyun_desk.ui.security.signin import (
        ChangePasswordDialog,
        FirstAdminDialog,
        RecoveryCodeDialog,
        RecoveryResetDialog,
        SignInDialog,
    )
    from xiangyun_desk.ui.sheets.sheet_import import SheetImportDialog
    from xiangyun_desk.ui.sync.enrolment import HeldBundleDialog, StationKeyDialog
    from xiangyun_desk.ui.sync.sync_dialogs import ExportDialog
    from xiangyun_desk.ui.wizard import SetupWizard

    desk = window.desk
    yield from _forms(window)
    yield "ReportDialog", ReportDialog(desk, window)
    yield "ExportDialog", ExportDialog(desk, window)
    yield "HistoryDialog:export", window.sync.texts.export_history_dialog(desk, window)
    yield "StationKeyDialog", StationKeyDialog(desk, window)
    yield "SheetImportDialog", SheetImportDialog(desk, "visits", parent=window)
    person = PersonView(desk, window)
    yield "PersonView", person
    from xiangyun_desk.services.registers import RegisterQuery

    rows = desk.visits.fetch_rows(desk.visits.query_ids(RegisterQuery())[:1])
    people = desk.people.namesakes(next(iter(rows.values()))["name"])
    yield "NamesakeDialog", NamesakeDialog(people, person)
    person.records = desk.people.find_namesake(people[0])
    yield "CorrectDialog", CorrectDialog(desk, person.records, person)
    from xiangyun_desk.ui.security.audit_view import AuditView

    yield "AuditView", AuditView(desk, window)
    yield "LockDialog", LockDialog(desk, window, idle_minutes=10)
    yield "AccountsDialog", AccountsDialog(desk, window)
    yield "AddAccountDialog", AddAccountDialog(desk, window)
    yield "SignInDialog", SignInDialog(desk, window)
    yield "ChangePasswordDialog", ChangePasswordDialog(desk, window)
    yield "RecoveryResetDialog", RecoveryResetDialog(desk, window)
    yield "RecoveryCodeDialog", RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ",
                                                   "云南驿镇职工之家", "zhanzhang", window)
    yield "HeldBundleDialog", HeldBundleDialog(ImportResult(
        file="532923-03-云南驿镇职工之家-20261208-0002.xyb", status="held", station_code="03",
        station_name="云南驿镇职工之家", bundle_seq=2, kind="incremental",
        fingerprint="6711 0742 5062 1999 7329"), window)
    import datetime as dt

    from xiangyun_desk.services.usb_backup import CODE, KIND_USB, BackupEntry
    from xiangyun_desk.ui.backup_dialogs import (
        BackupSecretDialog,
        RestoreDialog,
        SecretPromptDialog,
    )
    from xiangyun_desk.ui.help import GuideViewer

    yield "BackupSecretDialog", BackupSecretDialog(desk, window)
    yield "RestoreDialog", RestoreDialog(desk, desk.backups.folder, window)
    yield "SecretPromptDialog", SecretPromptDialog(BackupEntry(
        path=tmp_path / "xiangyun-backup.age", when=dt.datetime(2026, 12, 8, 9, 30),
        kind=KIND_USB, encrypted=True, secret_kind=CODE, station="03", size=1 << 20,
        records=None), window)
    yield "GuideViewer", GuideViewer(window)
    fresh = Desk(tmp_path / "fresh")
    window._fit_test_fresh = fresh  # closed by the caller with the window
    yield "SetupWizard", SetupWizard(fresh)
    yield "FirstAdminDialog", FirstAdminDialog(fresh, window)


def county_dialogs(window) -> Iterator[tuple[str, QDialog]]:
    """Every dialog the county reaches from its menus and tabs."""
    from xiangyun_desk.services.stations import StationRegistry
    from xiangyun_desk.ui.reports.report_dialog import ReportDialog
    from xiangyun_desk.ui.sync.county_window import CountyTexts, ImportDialog
    from xiangyun_desk.ui.sync.enrolment import ConfirmKeyDialog, StationDialog

    desk = window.desk
    station = StationRegistry(desk).station("03")
    yield "ImportDialog", ImportDialog(desk, window)
    yield "HistoryDialog:import", CountyTexts(window).history_dialog(desk, window)
    yield "StationDialog", StationDialog(desk, None, window)
    yield "StationDialog:edit", StationDialog(desk, station, window)
    yield "ConfirmKeyDialog", ConfirmKeyDialog(desk, station, window)
    yield "ReportDialog:county", ReportDialog(desk, window)

