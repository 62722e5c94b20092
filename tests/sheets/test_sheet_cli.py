"""``xiangyun-desk import-sheet`` and ``export-sheet``."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from xiangyun_desk.cli import main


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")


def run(desk, *args):
    return main(["--data-dir", str(desk.data_dir), *map(str, args)])


def test_import_dry_run_then_for_real(desk, sheets, tmp_path, capsys):
    data = sheets.csv_bytes([["来访日期", "姓名", "手机", "事由", "状态"],
                             ["2026-03-10", "张三", "13812345678", "法律咨询", "已办结"],
                             ["2026-03-10", "李四", "138", "法律咨询", "已办结"]], "gbk")
    path = sheets.write(tmp_path / "v.csv", data)
    assert run(desk, "import-sheet", "visits", path, "--dry-run", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] and report["counts"]["ready"] == 1
    assert report["rows"][1]["problems"][0]["cell"] == "C3"
    assert desk.visits.count() == 0

    assert run(desk, "import-sheet", "visits", path, "--report", tmp_path / "r.csv") == 0
    out = capsys.readouterr().out
    assert "Row 3: refused. C3 手机: A mobile number has 11 digits" in out
    assert "Imported 1 records into visits." in out
    assert desk.visits.count() == 1
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    assert run(desk, "import-sheet", "visits", path) == 0
    assert "1 duplicates skipped" in capsys.readouterr().out
    assert desk.visits.count() == 1


def test_import_messages_in_chinese(desk, sheets, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XYD_LANG", "zh_CN")
    path = sheets.write(tmp_path / "x.xlsx", b"")
    assert run(desk, "import-sheet", "visits", path) == 1
    err = capsys.readouterr().err
    assert err.strip()  # translated when the .qm has the string, else the English source


def test_import_refuses_bad_files_and_needs_a_fair(desk, sheets, tmp_path, capsys):
    path = sheets.write(tmp_path / "x.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert run(desk, "import-sheet", "visits", path) == 1
    assert "not a spreadsheet" in capsys.readouterr().err
    good = sheets.write(tmp_path / "s.csv", sheets.csv_bytes([["姓名"], ["王五"]]))
    assert run(desk, "import-sheet", "seekers", good) == 1
    assert "--fair" in capsys.readouterr().err
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-20"})
    assert run(desk, "import-sheet", "seekers", good, "--fair", fair[:6]) == 0
    assert desk.seekers.count() == 1


def test_import_with_map_and_set(desk, sheets, tmp_path, capsys):
    path = sheets.xlsx(tmp_path / "r.xlsx", [["人员", "身份证", "备注说明"],
                                            ["张三", sheets.ID_A, "x"]])
    assert run(desk, "import-sheet", "relief", path, "--dry-run") == 1
    assert "no column for" in capsys.readouterr().err
    assert run(desk, "import-sheet", "relief", path, "--map", "人员=name", "--map", "C=notes",
               "--set", "campaign=冬送温暖", "--set", "category=hardship",
               "--set", "visit_date=2026-01-20") == 0
    assert desk.relief.count() == 1


def test_export_sheet_with_dates_and_template(desk, sheets, tmp_path, capsys):
    desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal",
                        "status": "done", "id_number": sheets.ID_A})
    desk.visits.create({"visited_at": "2026-05-10 09:30", "name": "李四", "purpose": "legal",
                        "status": "done"})
    out = tmp_path / "v.xlsx"
    assert run(desk, "export-sheet", "visits", "--out", out, "--from", "2026-03-01",
               "--to", "2026-03-31") == 0
    assert "Wrote 1 records" in capsys.readouterr().out
    rows = list(load_workbook(out)["来访登记"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][1] == "张三" and "*" in rows[1][4]
    assert run(desk, "export-sheet", "visits", "--out", out, "--full-ids") == 0
    rows = list(load_workbook(out)["来访登记"].iter_rows(values_only=True))
    assert sheets.ID_A in [r[4] for r in rows]
    assert run(desk, "export-sheet", "relief", "--out", tmp_path / "t.xlsx", "--template") == 0
    assert load_workbook(tmp_path / "t.xlsx")["慰问走访"]["A1"].value == "慰问日期"
    assert run(desk, "export-sheet", "visits", "--out", out, "--from", "2026-03-02",
               "--to", "2026-03-01") == 2
