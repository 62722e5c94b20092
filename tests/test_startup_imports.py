"""Start-up shows the sign-in dialog before it imports what the dialog does not need (issue 15):
the ORM, sync, spreadsheets, reports and encryption load while the password is typed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from xiangyun_desk import app as app_module
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import dialects, peek, sync_models
from xiangyun_desk.storage.db import DB_FILENAME, head_revision
from xiangyun_desk.ui.security.signin import SignInDialog

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Xiangyun-2026!"
HEAVY = ("sqlalchemy", "sqlalchemy.orm", "alembic", "openpyxl", "reportlab", "pyrage", "argon2",
         "cryptography", "pypinyin", "xiangyun_desk.services.desk",
         "xiangyun_desk.services.bundles", "xiangyun_desk.ui.main_window")


@pytest.fixture
def station(data_dir):
    desk = Desk(data_dir)
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    desk.accounts.create_first_admin("zhanzhang", "李红", PASSWORD)
    desk.accounts.create_account("gongzuo", "王建国", "staff", PASSWORD)
    desk.close()
    return data_dir


def test_the_sign_in_path_imports_no_orm_sync_sheets_reports_or_crypto(station):
    code = (
        "import json, sys\n"
        "from xiangyun_desk.cli import build_parser\n"
        "import xiangyun_desk.app, xiangyun_desk.ui.security.signin\n"
        "from xiangyun_desk.storage.peek import peek\n"
        f"seen = peek({str(station)!r})\n"
        f"print(json.dumps({{'names': list(seen.usernames), 'name': seen.name,\n"
        f"                  'loaded': [m for m in {HEAVY!r} if m in sys.modules]}}))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["loaded"] == []
    assert out["names"] == ["zhanzhang", "gongzuo"] and out["name"] == "云南驿镇职工之家"


def test_peek_leaves_every_unusual_case_to_the_full_start_up(data_dir, station, tmp_path,
                                                               monkeypatch):
    assert peek.peek(tmp_path / "nowhere") is None  # no database yet (the wizard)
    fresh = tmp_path / "fresh"
    Desk(fresh).close()
    assert peek.peek(fresh) is None  # not set up
    no_accounts = tmp_path / "no-accounts"
    desk = Desk(no_accounts)
    desk.initialize("station", "02", "禾甸镇职工之家")
    desk.close()
    assert peek.peek(no_accounts) is None  # the first administrator is asked for
    assert peek.peek(station).usernames == ("zhanzhang", "gongzuo")
    (station / peek.URL_FILENAME).write_text("postgresql+psycopg://x@y/z")
    assert peek.peek(station) is None  # a database server
    (station / peek.URL_FILENAME).unlink()
    monkeypatch.setenv(peek.URL_ENV_VAR, "postgresql+psycopg://x@y/z")
    assert peek.peek(station) is None
    monkeypatch.delenv(peek.URL_ENV_VAR)
    import sqlite3

    with sqlite3.connect(station / DB_FILENAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    assert peek.peek(station) is None  # a migration (and its backup) comes first
    (station / DB_FILENAME).write_bytes(b"not a database" * 100)
    assert peek.peek(station) is None  # damaged: the full path offers the latest backup


def test_peek_names_agree_with_the_storage_layer():
    assert peek.URL_ENV_VAR == dialects.ENV_VAR and peek.URL_FILENAME == dialects.URL_FILENAME
    assert peek.PENDING_EXPORT_SETTING == sync_models.PENDING_EXPORT_SETTING
    assert peek.schema_revisions()[1] == head_revision()


def test_the_early_dialog_signs_in_with_the_desk_built_meanwhile(qapp, station, monkeypatch):
    shown = {}

    def answer(self):
        shown["names"] = [self.username.itemText(i) for i in range(self.username.count())]
        shown["desk_before"] = self.desk
        self.username.setEditText("zhanzhang")
        self.password.setText(PASSWORD)
        return int(self.try_sign_in())

    monkeypatch.setattr(SignInDialog, "exec", answer)
    code, desk = app_module.early_sign_in(qapp, station)
    try:
        assert code is None and desk is not None
        assert shown == {"names": ["zhanzhang", "gongzuo"], "desk_before": None}
        assert desk.session.user.username == "zhanzhang"
    finally:
        desk.close()


def test_cancelling_the_early_dialog_opens_nothing(qapp, station, monkeypatch):
    monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)
    assert app_module.early_sign_in(qapp, station) == (0, None)


def test_a_wrong_password_keeps_the_early_dialog(qapp, station, monkeypatch):
    tries = []

    def answer(self):
        self.username.setEditText("zhanzhang")
        self.password.setText("wrong-password")
        tries.append(self.try_sign_in())
        self.password.setText(PASSWORD)
        tries.append(self.try_sign_in())
        return int(tries[-1])

    monkeypatch.setattr(SignInDialog, "exec", answer)
    code, desk = app_module.early_sign_in(qapp, station)
    try:
        assert tries == [False, True] and desk.session.user.username == "zhanzhang"
    finally:
        desk.close()
