"""Roles are enforced inside the services, not only by the window's dialogs (issue 17): every
entry point that shows full personal data or changes data checks the desk's session, refuses
before anything is read or written, and records what it served with the account's name."""

from __future__ import annotations

import pytest
from security_helpers import VISIT

from xiangyun_desk.domain.permissions import SYSTEM, PermissionDenied
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.reports import ReportPeriod, ReportRequest, generate_report
from xiangyun_desk.services.sheets import SheetImporter, export_view
from xiangyun_desk.services.usb_backup import BackupSecret

RELIEF = {"visit_date": "2026-01-20", "name": "李四", "id_number": "532923198001010012",
          "phone": "13812345678", "campaign": "winter", "category": "hardship",
          "cash_fen": "500"}


def _ledger(full: bool) -> ReportRequest:
    return ReportRequest("ledger", ReportPeriod.parse("2026"), register="relief", full_ids=full)


def _csv(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("姓名,来访时间,事由\n王五,2026-03-10 09:30,法律咨询\n", encoding="utf-8")
    return path


# name -> (the least role that may, the call). Each call writes into tmp_path / "out" when it
# writes a file at all.
ENTRY_POINTS = {
    "report with full IDs": ("staff", lambda d, t: generate_report(d, _ledger(True),
                                                                   t / "out" / "r.pdf")),
    "sheet export with full IDs": ("staff", lambda d, t: export_view(
        d, "relief", None, t / "out" / "s.xlsx", full=True)),
    "sheet export": ("staff", lambda d, t: export_view(d, "relief", None, t / "out" / "s.xlsx")),
    "backup to a folder": ("staff", lambda d, t: d.backups.backup_to(
        t / "out", BackupSecret.passphrase("eine-lange-passphrase-2026"))),
    "sheet import": ("staff", lambda d, t: SheetImporter(d, "visits").preview_file(_csv(t))),
    "new record": ("staff", lambda d, t: d.visits.create(VISIT)),
    "reveal": ("staff", lambda d, t: d.relief.reveal(d.relief_id)),
    "restore a backup": ("admin", lambda d, t: d.backups.restore(d.backups.backup("manual"))),
    "relief amount to confirm": ("admin", lambda d, t: d.set_relief_confirm_above_fen(100_000)),
    "add a staff member": ("admin", lambda d, t: d.add_staff("新来的")),
    "new account": ("admin", lambda d, t: d.accounts.create_account(
        "xinren", "新人", "viewer", "geheim-456")),
    "audit log": ("admin", lambda d, t: d.audit.entries()),
}
WEAKER = {"staff": ["viewer"], "admin": ["viewer", "staff"]}


@pytest.fixture
def station(desk, people, tmp_path):
    desk.relief_id = desk.relief.create(RELIEF)
    (tmp_path / "out").mkdir()
    return desk


def _entries(desk):
    desk.session.user, before = SYSTEM, desk.session.user
    try:
        return [(e.action, e.actor_name) for e in desk.audit.entries(AuditFilter())]
    finally:
        desk.session.user = before


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_a_weaker_role_is_refused_inside_the_service(station, people, tmp_path, name):
    least, call = ENTRY_POINTS[name]
    for role in WEAKER[least]:
        station.session.user = people[role]
        before = _entries(station)
        with pytest.raises(PermissionDenied):
            call(station, tmp_path)
        assert list((tmp_path / "out").iterdir()) == [], (name, role)  # nothing served
        assert _entries(station) == before, (name, role)  # nor recorded as done


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_the_role_that_may_is_served(station, people, tmp_path, name):
    least, call = ENTRY_POINTS[name]
    station.session.user = people[least]
    call(station, tmp_path)


def test_a_read_only_account_gets_no_full_ids_from_the_report_service(station, people, tmp_path):
    station.session.user = people["viewer"]
    with pytest.raises(PermissionDenied):
        generate_report(station, _ledger(True), tmp_path / "out" / "r.pdf")
    # The masked report is what a read-only account may make, and it is recorded by name.
    generate_report(station, _ledger(False), tmp_path / "out" / "r.pdf")
    assert ("print", "赵敏") in _entries(station)
    assert not any(action == "print_full" for action, _who in _entries(station))


def test_full_id_exports_and_reports_are_recorded_with_the_name(station, people, tmp_path):
    station.session.user = people["staff"]
    generate_report(station, _ledger(True), tmp_path / "out" / "r.pdf")
    export_view(station, "relief", None, tmp_path / "out" / "s.xlsx", full=True)
    entries = _entries(station)
    assert ("print_full", "王建国") in entries
    assert ("export", "王建国") in entries
    station.session.user = SYSTEM
    (export,) = [e for e in station.audit.entries(AuditFilter(action="export"))]
    assert export.detail["full_ids"] is True
