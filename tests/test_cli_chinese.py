"""The command line's output that a person reads is Chinese (issue 11): demo-data, stats,
stations and export-history, like the rest of the CLI. ``--json`` stays machine-readable and
XYD_LANG=en keeps English."""

from __future__ import annotations

import json
import re

import pytest

from xiangyun_desk.cli import main

# An English word in the output: three ASCII letters or more (file names and paths removed first).
_WORD = re.compile(r"[A-Za-z]{3,}")


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def english_words(text: str, *allowed: str) -> list[str]:
    for part in allowed:
        text = text.replace(part, "")
    return _WORD.findall(text)


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    monkeypatch.delenv("XYD_LANG", raising=False)


def test_demo_data_and_stats_speak_chinese(data_dir, capsys):
    assert cli(capsys, "--data-dir", data_dir, "init", "--station-code", "01", "--station-name",
               "云南驿镇职工之家")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", data_dir, "demo-data", "--records", "200",
                       "--seed", "2")
    assert code == 0 and english_words(out) == []
    lines = out.splitlines()
    assert lines[0] == "已添加演示记录："
    assert re.fullmatch(r"  来访登记：\d+ 条", lines[1])
    assert any(line.startswith("  用人单位：") for line in lines)
    # --json gives the counts for scripts.
    code, out, _ = cli(capsys, "--data-dir", data_dir, "demo-data", "--records", "50", "--json")
    assert code == 0 and sum(json.loads(out).values()) >= 50

    code, out, _ = cli(capsys, "--data-dir", data_dir, "stats")
    assert code == 0 and english_words(out) == []
    lines = out.splitlines()
    assert lines[0] == "统计期间：最早的记录 至 今天"
    assert "来访登记" in lines and "慰问走访" in lines and "招聘会" in lines
    assert any(re.fullmatch(r"  慰问金：[\d,]+\.\d\d 元", line) for line in lines)
    code, out, _ = cli(capsys, "--data-dir", data_dir, "stats", "--from", "2026-01-01",
                       "--to", "2026-01-31")
    assert out.splitlines()[0] == "统计期间：2026-01-01 至 2026-01-31"


def test_stations_and_export_history_speak_chinese(tmp_path, capsys):
    c, s, usb = tmp_path / "county", tmp_path / "station", tmp_path / "usb"
    usb.mkdir()
    assert cli(capsys, "--data-dir", c, "init", "--role", "county", "--county-code", "532923",
               "--county-name", "祥云县总工会")[0] == 0
    assert cli(capsys, "--data-dir", c, "county-key", "--out", tmp_path / "card.json")[0] == 0
    assert cli(capsys, "--data-dir", s, "init", "--station-code", "03", "--station-name",
               "云南驿镇职工之家", "--county-key", tmp_path / "card.json")[0] == 0
    assert cli(capsys, "--data-dir", s, "demo-data", "--records", "50")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", s, "export-bundle", "--out", usb)
    bundle = out.strip().rsplit("/", 1)[-1]
    fp = json.loads(cli(capsys, "--data-dir", s, "station-key", "--json")[1])["fingerprint"]
    assert cli(capsys, "--data-dir", c, "import-bundle", usb, "--confirm", f"03={fp}")[0] == 0

    code, out, _ = cli(capsys, "--data-dir", c, "stations")
    assert code == 0 and english_words(out) == [], out
    assert out.startswith("03  云南驿镇职工之家  最后一个同步包 第 1 号（")
    assert "逾期" in out and "条记录" in out and fp in out

    code, out, _ = cli(capsys, "--data-dir", s, "export-history")
    assert code == 0 and english_words(out, bundle) == [], out
    assert out.startswith("第 1 号  ") and "增量" in out and "条记录" in out


def test_english_stays_english(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")
    assert cli(capsys, "--data-dir", data_dir, "init", "--station-code", "01", "--station-name",
               "站")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", data_dir, "demo-data", "--records", "50")
    assert out.splitlines()[0] == "Added demo records:"
    assert out.splitlines()[1].startswith("  Visitor log: ")
