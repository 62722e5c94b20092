"""``init --admin NAME`` (password from a file, never an argument) and
``reset-password --recovery-code``."""

from __future__ import annotations

import io
import os
import re

import pytest

from xiangyun_desk.cli import main
from xiangyun_desk.services.desk import Desk

CODE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", re.M)


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")


def _password_file(tmp_path, text="geheim-123\n"):
    path = tmp_path / "pw.txt"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o600)
    return str(path)


def _init(data_dir, tmp_path, *extra):
    return main(["--data-dir", str(data_dir), "init", "--station-code", "01", "--station-name",
                 "云南驿镇职工之家", *extra])


def test_init_with_admin_creates_the_station_head_and_prints_a_recovery_code(
        data_dir, tmp_path, capsys):
    pw = _password_file(tmp_path)
    assert _init(data_dir, tmp_path, "--admin", "zhanzhang", "--admin-display-name", "李红",
                 "--password-file", pw) == 0
    out = capsys.readouterr().out
    code = CODE.search(out).group(0)
    desk = Desk(data_dir, user=None)
    try:
        user = desk.accounts.sign_in("zhanzhang", "geheim-123")
        assert (user.role, user.display_name) == ("admin", "李红")
        assert "geheim-123" not in out
    finally:
        desk.close()
    # The forgotten password comes back with the printed code.
    new_pw = _password_file(tmp_path, "ganz-neu-456\n")
    assert main(["--data-dir", str(data_dir), "reset-password", "--recovery-code", code,
                 "--password-file", new_pw]) == 0
    out = capsys.readouterr().out
    fresh = CODE.search(out).group(0)
    assert fresh != code
    assert main(["--data-dir", str(data_dir), "reset-password", "--recovery-code", code,
                 "--password-file", new_pw]) == 1  # used up
    assert "not valid" in capsys.readouterr().err
    desk = Desk(data_dir, user=None)
    try:
        assert desk.accounts.sign_in("zhanzhang", "ganz-neu-456").role == "admin"
    finally:
        desk.close()


def test_a_short_password_sets_up_nothing(data_dir, tmp_path, capsys):
    assert _init(data_dir, tmp_path, "--admin", "zhanzhang",
                 "--password-file", _password_file(tmp_path, "123\n")) == 1
    assert "at least" in capsys.readouterr().err
    desk = Desk(data_dir)
    try:
        assert desk.identity is None and not desk.accounts.has_accounts()
    finally:
        desk.close()


def test_password_from_standard_input(data_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim-123\n"))
    assert _init(data_dir, tmp_path, "--admin", "zhanzhang", "--password-file", "-") == 0
    assert CODE.search(capsys.readouterr().out)


def test_without_a_terminal_or_file_the_password_is_not_guessed(data_dir, tmp_path, monkeypatch,
                                                                capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert _init(data_dir, tmp_path, "--admin", "zhanzhang") == 1
    assert "--password-file" in capsys.readouterr().err


def test_init_without_admin_still_works(data_dir, tmp_path):
    assert _init(data_dir, tmp_path) == 0
    desk = Desk(data_dir)
    try:
        assert desk.identity is not None and not desk.accounts.has_accounts()
    finally:
        desk.close()


def test_reset_password_needs_the_flag(data_dir, tmp_path, capsys):
    assert _init(data_dir, tmp_path) == 0
    assert main(["--data-dir", str(data_dir), "reset-password"]) == 2
