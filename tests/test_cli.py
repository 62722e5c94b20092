"""The command line, in process (main([...])) and as a real subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from xiangyun_desk import __version__
from xiangyun_desk.cli import main
from xiangyun_desk.services.paths import ENV_VAR
from xiangyun_desk.storage.db import DB_FILENAME

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    monkeypatch.delenv(ENV_VAR, raising=False)


def run(*args, env_home=None, lang="en", timeout=60):
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env.update(XYD_LANG=lang, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    if env_home is not None:
        env[ENV_VAR] = str(env_home)
    return subprocess.run([sys.executable, "-m", "xiangyun_desk", *map(str, args)], env=env,
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout)


def init(data_dir, code="01", name="云南驿镇职工之家"):
    return main(["--data-dir", str(data_dir), "init", "--station-code", code,
                 "--station-name", name, "--staff", "李红", "王建国"])


def stats(data_dir, capsys, *extra):
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "stats", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


# ---- in process ------------------------------------------------------------------------------

def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"xiangyun-desk {__version__}"


def test_init(data_dir, capsys):
    assert init(data_dir) == 0
    out = capsys.readouterr().out
    assert "云南驿镇职工之家" in out and "(01)" in out
    from xiangyun_desk.services.desk import Desk

    desk = Desk(data_dir)
    try:
        assert desk.identity.code == "01"
        assert desk.settings.staff() == ["李红", "王建国"]
    finally:
        desk.close()


@pytest.mark.parametrize("code,name,needle", [
    ("53x", "站", "digits only"),
    ("", "站", "digits only"),
    ("01", "", "Enter the name"),
])
def test_init_with_bad_input_fails_with_a_message(data_dir, capsys, code, name, needle):
    assert init(data_dir, code, name) == 1
    err = capsys.readouterr().err
    assert needle in err
    assert "Traceback" not in err


def test_init_twice_fails(data_dir, capsys):
    assert init(data_dir) == 0
    assert init(data_dir, "02", "别的站") == 1
    assert "already set up" in capsys.readouterr().err


def test_demo_data_needs_set_up(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "demo-data", "--records", "50"]) == 1
    assert "not set up" in capsys.readouterr().err


def test_demo_data_records_must_be_positive(data_dir, capsys):
    init(data_dir)
    assert main(["--data-dir", str(data_dir), "demo-data", "--records", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_demo_then_stats_json(data_dir, capsys):
    init(data_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "demo-data", "--records", "500", "--seed", "1",
                 "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert sum(counts.values()) >= 500
    figures = stats(data_dir, capsys)
    assert figures["visitors"]["visits"] == counts["visits"]
    assert figures["condolence"]["visits"] == counts["relief"]
    assert figures["job_fairs"]["events"] == counts["fairs"]
    assert figures["job_fairs"]["seekers"] == counts["seekers"]
    assert 0 < figures["job_fairs"]["intentions"] <= counts["intentions"]
    assert re.fullmatch(r"\d+\.\d\d", figures["condolence"]["cash_yuan"])
    assert re.fullmatch(r"\d+\.\d", figures["volunteers"]["service_hours"])
    # The same seed on the same database again adds more (it used to crash on duplicate keys).
    assert main(["--data-dir", str(data_dir), "demo-data", "--records", "500", "--seed", "1"]) == 0
    assert stats(data_dir, capsys)["visitors"]["visits"] == 2 * counts["visits"]


def test_stats_plain_text_and_period(data_dir, capsys):
    init(data_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if not line.startswith(" ")] == [
        "Period: the first record to today", "Visitor log", "Relief visits", "Job fairs",
        "Volunteers"]
    assert "  Relief cash (yuan): 0.00" in lines
    figures = stats(data_dir, capsys, "--from", "2026-01-01", "--to", "2026-01-31")
    assert figures["period"] == {"from": "2026-01-01", "to": "2026-01-31"}


def test_stats_period_backwards_is_a_usage_error(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "stats", "--from", "2026-02-01",
                 "--to", "2026-01-01"]) == 2
    assert "before" in capsys.readouterr().err


def test_stats_bad_date_is_an_argparse_error(data_dir, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--data-dir", str(data_dir), "stats", "--from", "yesterday"])
    assert info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_env_var_selects_the_data_directory(tmp_path, monkeypatch, capsys):
    home = tmp_path / "from-env"
    monkeypatch.setenv(ENV_VAR, str(home))
    assert main(["init", "--station-code", "05", "--station-name", "禾甸镇"]) == 0
    assert (home / DB_FILENAME).exists()
    # --data-dir wins over the environment variable.
    other = tmp_path / "explicit"
    assert main(["--data-dir", str(other), "init", "--station-code", "06",
                 "--station-name", "米甸镇"]) == 0
    assert (other / DB_FILENAME).exists()
    with closing(sqlite3.connect(home / DB_FILENAME)) as conn:
        assert conn.execute("SELECT value FROM setting WHERE key='code'").fetchone() == ("05",)


def _corrupt(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    path.write_bytes(os.urandom(16384))
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [["stats", "--json"], ["init", "--station-code", "01",
                                                          "--station-name", "站"],
                                     ["demo-data", "--records", "10"]])
def test_corrupt_database_gives_a_message_not_a_traceback(data_dir, capsys, command):
    path, digest = _corrupt(data_dir)
    assert main(["--data-dir", str(data_dir), *command]) == 1
    captured = capsys.readouterr()
    assert "damaged" in captured.err and str(path) in captured.err
    assert captured.out == ""
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_damage_found_after_opening_gives_a_message_not_a_traceback(data_dir, capsys):
    """Pages damaged deep in the file are only noticed when a query reads them."""
    init(data_dir)
    assert main(["--data-dir", str(data_dir), "demo-data", "--records", "3000", "--seed", "3"]) == 0
    path = data_dir / DB_FILENAME
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        try:  # the data pages of the visit table and of the figures' summary tables
            pages = [r[0] for r in conn.execute(  # (storage/summary.py; the schema stays readable)
                "SELECT pageno FROM dbstat WHERE name IN ('visit', 'stats_day', 'stats_month', "
                "'stats_people') AND pagetype = 'leaf'")]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
    assert len(pages) > 5
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * page_size
        data[start:start + page_size] = os.urandom(page_size)
    path.write_bytes(bytes(data))
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "stats", "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "damaged" in captured.err
    assert captured.out == ""


def test_too_new_database_gives_a_message(data_dir, capsys):
    init(data_dir)
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
    assert main(["--data-dir", str(data_dir), "stats"]) == 1
    err = capsys.readouterr().err
    assert "newer version" in err and "0099" in err


# ---- as a real program -----------------------------------------------------------------------

def test_subprocess_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"xiangyun-desk {__version__}"


def test_subprocess_full_round_with_env_and_data_dir(tmp_path):
    home = tmp_path / "home"
    result = run("init", "--station-code", "03", "--station-name", "下庄镇职工之家",
                 env_home=home)
    assert result.returncode == 0, result.stderr
    assert "下庄镇职工之家" in result.stdout
    assert (home / DB_FILENAME).exists()

    result = run("--data-dir", home, "demo-data", "--records", "500", "--seed", "1")
    assert result.returncode == 0, result.stderr

    result = run("stats", "--json", env_home=home)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    via_flag = json.loads(run("--data-dir", home, "stats", "--json").stdout)
    assert via_flag == figures
    v = figures["visitors"]
    c = figures["condolence"]
    j = figures["job_fairs"]
    vol = figures["volunteers"]
    assert isinstance(v["visits"], int) and v["visits"] > 0
    assert isinstance(c["visits"], int) and c["visits"] > 0
    assert isinstance(c["people"], int) and 0 < c["people"] <= c["visits"]
    assert isinstance(c["cash_yuan"], str) and re.fullmatch(r"\d+\.\d\d", c["cash_yuan"])
    for key in ("events", "positions", "seekers", "intentions"):
        assert isinstance(j[key], int) and j[key] > 0, key
    assert j["intentions"] <= j["seekers"]
    assert isinstance(vol["registered"], int) and isinstance(vol["active"], int)
    assert isinstance(vol["service_hours"], str)
    assert re.fullmatch(r"\d+\.\d", vol["service_hours"])
    # An empty other directory shows nothing of it.
    empty = json.loads(run("--data-dir", tmp_path / "empty", "stats", "--json",
                           env_home=home).stdout)
    assert empty["visitors"]["visits"] == 0


def test_subprocess_bad_init_exits_1_with_a_message(tmp_path):
    result = run("--data-dir", tmp_path / "d", "init", "--station-code", "ABC",
                 "--station-name", "站")
    assert result.returncode == 1
    assert "digits only" in result.stderr
    assert "Traceback" not in result.stderr


def test_subprocess_bad_init_in_chinese(tmp_path):
    result = run("--data-dir", tmp_path / "d", "init", "--station-code", "ABC",
                 "--station-name", "站", lang="zh_CN")
    assert result.returncode == 1
    assert result.stderr.strip()
    assert re.search(r"[\u4e00-\u9fff]", result.stderr), result.stderr  # a Chinese message


def test_subprocess_corrupt_database(tmp_path):
    path, digest = _corrupt(tmp_path / "d")
    result = run("--data-dir", tmp_path / "d", "stats", "--json")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
