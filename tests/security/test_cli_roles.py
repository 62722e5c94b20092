"""Roles on the command line too (issue 17): with accounts set up, a command that changes data
or shows full personal data needs an account (``--user`` and a password prompt or a password file
only its owner can read), the services check its role, and the audit log names it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from security_helpers import PASSWORD

from xiangyun_desk.cli import main
from xiangyun_desk.domain.permissions import SYSTEM
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.desk import Desk

RELIEF = {"visit_date": "2026-01-20", "name": "李四", "id_number": "532923198001010012",
          "phone": "13812345678", "campaign": "winter", "category": "hardship"}


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    monkeypatch.delenv("XIANGYUN_DESK_USER", raising=False)
    monkeypatch.delenv("XIANGYUN_DESK_PASSWORD_FILE", raising=False)


@pytest.fixture
def station(desk, people, tmp_path):
    """A station with a relief visit and accounts; closed so the command line opens it."""
    desk.relief.create(RELIEF)
    backup = desk.backups.backup("manual")
    desk.close()
    return desk.data_dir, backup


def _pw(tmp_path, text=PASSWORD, mode=0o600, name="pw.txt"):
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, mode)
    return str(path)


def _run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def _audit(data_dir, action=None):
    desk = Desk(data_dir)
    try:
        desk.session.user = SYSTEM
        return list(reversed(desk.audit.entries(AuditFilter(action=action))))
    finally:
        desk.close()


# Commands that change data or show full personal data (station side), with what they need.
PRIVILEGED = {
    "demo-data": ["demo-data", "--records", "3"],
    "backup to a folder": ["backup", "--out", "{tmp}/stick"],
    "restore": ["restore", "{backup}"],
    "report with full IDs": ["report", "ledger", "--register", "relief", "--period", "2026",
                             "--full-ids", "--out", "{tmp}/stick/r.pdf"],
    "sheet export": ["export-sheet", "relief", "--out", "{tmp}/stick/s.xlsx"],
    "sheet export with full IDs": ["export-sheet", "relief", "--full-ids", "--out",
                                   "{tmp}/stick/s.xlsx"],
    "sheet import": ["import-sheet", "visits", "{tmp}/in.csv"],
    "bundle export": ["export-bundle", "--out", "{tmp}/stick"],
    "key renewal": ["renew-station-key"],
    "county key card": ["load-county-key", "{tmp}/card.json"],
}


def _argv(argv, tmp_path, backup):
    (tmp_path / "stick").mkdir(exist_ok=True)
    (tmp_path / "in.csv").write_text("姓名,来访时间,事由\n王五,2026-03-10 09:30,法律咨询\n",
                                     encoding="utf-8")
    return [a.format(tmp=tmp_path, backup=backup) for a in argv]


@pytest.mark.parametrize("name", PRIVILEGED)
def test_a_privileged_command_needs_an_account(station, tmp_path, capsys, name):
    data_dir, backup = station
    before = len(_audit(data_dir))
    assert _run(data_dir, *_argv(PRIVILEGED[name], tmp_path, backup)) == 1
    err = capsys.readouterr().err
    assert "--user" in err and "Traceback" not in err
    assert list((tmp_path / "stick").iterdir()) == []
    assert len(_audit(data_dir)) == before  # nothing done, nothing recorded


@pytest.mark.parametrize("name", ["sheet export with full IDs", "demo-data", "restore",
                                  "key renewal"])
def test_a_read_only_account_is_refused_by_the_services(station, tmp_path, capsys, name):
    data_dir, backup = station
    argv = _argv(PRIVILEGED[name], tmp_path, backup)
    assert _run(data_dir, *argv, "--user", "zhidu", "--password-file", _pw(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "read-only" in err or "may not" in err or "Only the station head" in err, err
    assert list((tmp_path / "stick").iterdir()) == []


def test_a_signed_in_account_is_named_in_the_audit_log(station, tmp_path, capsys):
    data_dir, backup = station
    argv = _argv(PRIVILEGED["sheet export with full IDs"], tmp_path, backup)
    assert _run(data_dir, *argv, "--user", "gongzuo", "--password-file", _pw(tmp_path)) == 0
    (export,) = _audit(data_dir, "export")
    assert (export.actor_name, export.actor_role) == ("王建国", "staff")
    assert export.detail["full_ids"] is True
    sign_in = _audit(data_dir, "sign_in")[-1]
    assert sign_in.actor_name == "王建国"
    assert sign_in.detail == {"via": "cli", "command": "export-sheet"}
    # The report with full IDs too, made by the station head.
    argv = _argv(PRIVILEGED["report with full IDs"], tmp_path, backup)
    assert _run(data_dir, *argv, "--user", "zhanzhang", "--password-file", _pw(tmp_path)) == 0
    (report,) = _audit(data_dir, "print_full")
    assert report.actor_name == "李红"
    assert not [e for e in _audit(data_dir) if e.actor_id == "system"
                and e.action in ("export", "print_full")]


def test_the_account_can_come_from_the_environment(station, tmp_path, monkeypatch):
    data_dir, backup = station
    monkeypatch.setenv("XIANGYUN_DESK_USER", "gongzuo")
    monkeypatch.setenv("XIANGYUN_DESK_PASSWORD_FILE", _pw(tmp_path))
    assert _run(data_dir, "demo-data", "--records", "2") == 0
    assert _audit(data_dir, "sign_in")[-1].actor_name == "王建国"


def test_a_password_file_others_can_read_is_refused(station, tmp_path, capsys):
    data_dir, _backup = station
    loose = _pw(tmp_path, mode=0o644)
    before = len(_audit(data_dir))
    assert _run(data_dir, "demo-data", "--records", "2", "--user", "gongzuo",
                "--password-file", loose) == 1
    err = capsys.readouterr().err
    assert "chmod 600" in err and loose in err
    assert len(_audit(data_dir)) == before  # the password was not even tried


def test_reading_commands_run_without_an_account(station, capsys):
    data_dir, _backup = station
    for argv in (["stats"], ["check-db"], ["export-sheet", "relief", "--template", "--out",
                                           str(data_dir.parent / "t.xlsx")]):
        assert _run(data_dir, *argv) == 0, argv


def test_a_desk_without_accounts_needs_no_sign_in(data_dir, tmp_path):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家")
    desk.close()
    assert _run(data_dir, "demo-data", "--records", "2") == 0


def test_a_wrong_password_is_a_chinese_message_and_waits_longer_each_time(station, tmp_path,
                                                                          capsys):
    """A subprocess, as a script would run it: no traceback, non-zero exit, the window's growing
    wait (the account service refuses during the wait)."""
    data_dir, _backup = station
    env = {**os.environ, "XYD_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
    wrong = _pw(tmp_path, "falsch-999", name="wrong.txt")
    outputs = []
    for _attempt in range(4):
        proc = subprocess.run([sys.executable, "-m", "xiangyun_desk", "--data-dir", str(data_dir),
                               "demo-data", "--records", "1", "--user", "gongzuo",
                               "--password-file", wrong], env=env, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr, proc.stderr
        outputs.append(proc.stderr)
    assert "账户名或密码错误" in outputs[0]
    failed = _audit(data_dir, "sign_in_failed")
    assert [e.detail.get("failures") for e in failed][:3] == [1, 2, 3]
    assert all(e.detail.get("via") == "cli" for e in failed)
    # Right after another wrong try (in this process: no start-up time in between), even the
    # right password waits, as in the window's sign-in.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XYD_LANG", "en")
        assert _run(data_dir, "demo-data", "--records", "1", "--user", "gongzuo",
                    "--password-file", wrong) == 1
        capsys.readouterr()
        code = _run(data_dir, "demo-data", "--records", "1", "--user", "gongzuo",
                    "--password-file", _pw(tmp_path))
    assert code == 1
    assert "Too many wrong passwords" in capsys.readouterr().err


def test_the_audit_view_says_a_sign_in_came_from_the_command_line(station, tmp_path):
    from xiangyun_desk.ui.security.audit_text import AuditText

    data_dir, _backup = station
    assert _run(data_dir, "demo-data", "--records", "1", "--user", "gongzuo",
                "--password-file", _pw(tmp_path)) == 0
    row = _audit(data_dir, "sign_in")[-1]
    text = AuditText({}).summary(row)
    from PySide6.QtCore import QCoreApplication

    said = QCoreApplication.translate("AuditText", "On the command line")  # zh or en, as loaded
    by_hand = QCoreApplication.translate("AuditText", "Typed in by hand")
    assert said in text and "demo-data" in text and by_hand not in text


# Commands that run without an account: what a read-only account may do (figures, histories,
# the station list, public keys, checks), set-up, the password reset and the benchmark (which
# makes its own data directories). A new command must be put here or declare ``needs``.
WITHOUT_ACCOUNT = {"init", "stats", "check-db", "reset-password", "self-check", "bench",
                   "county-key", "export-history", "import-history", "stations", "station-key",
                   "tiers"}


def test_every_command_says_what_it_needs():
    from xiangyun_desk.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]  # noqa: SLF001
    undeclared = {name for name, command in sub.choices.items()
                  if command.get_default("needs") is None}
    assert undeclared == WITHOUT_ACCOUNT
