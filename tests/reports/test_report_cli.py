"""``xiangyun-desk report``: every kind from the command line; bad input exits non-zero."""

from __future__ import annotations

import pytest
from report_helpers import all_text

from xiangyun_desk.cli import main
from xiangyun_desk.services.reports import fairs_in


def run(desk, *args):
    return main(["--data-dir", str(desk.data_dir), "report", *args])


@pytest.mark.parametrize("args", [
    ["summary", "--period", "2026-Q4"],
    ["summary", "--period", "2026-10"],
    ["ledger", "--period", "2026", "--register", "relief"],
    ["ledger", "--period", "2026-10", "--register", "visits", "--full-ids"],
    ["roster", "--period", "2026", "--campaign", "冬送温暖"],
    ["blank"],
    ["blank", "--form", "visits"],
])
def test_kinds(make, desk, tmp_path, capsys, args):
    make.visit()
    make.relief(cash_fen="200")
    out = tmp_path / "r.pdf"
    assert run(desk, *args, "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in capsys.readouterr().out


def test_jobfair_by_id_prefix(make, desk, tmp_path):
    fair = make.fair()
    out = tmp_path / "f.pdf"
    assert run(desk, "jobfair", "--event", fair[:6], "--out", str(out)) == 0
    assert "春风行动专场招聘会" in all_text(out)


def test_full_ids_from_the_command_line(make, desk, tmp_path):
    make.relief(phone="13987654321")
    out = tmp_path / "r.pdf"
    assert run(desk, "ledger", "--period", "2026-10", "--register", "relief", "--out",
               str(out)) == 0
    assert "13987654321" not in all_text(out)
    assert run(desk, "ledger", "--period", "2026-10", "--register", "relief", "--full-ids",
               "--out", str(out)) == 0
    assert "13987654321" in all_text(out)


@pytest.mark.parametrize(("args", "code"), [
    (["summary", "--period", "2026-13"], 2),
    (["summary"], 2),
    (["ledger", "--period", "2026"], 2),
    (["ledger", "--period", "2026", "--register", "nope"], 2),
    (["roster", "--period", "2026"], 2),
    (["roster", "--period", "2026", "--campaign", "nope"], 1),
    (["jobfair", "--event", "abcdef12"], 1),
    (["jobfair"], 1),
])
def test_bad_input_exits_non_zero_with_a_message(desk, tmp_path, capsys, args, code):
    out = tmp_path / "r.pdf"
    assert run(desk, *args, "--out", str(out)) == code
    assert capsys.readouterr().err.strip()
    assert not out.exists()


def test_unknown_kind_is_a_usage_error(desk, capsys):
    with pytest.raises(SystemExit) as info:
        run(desk, "pie-chart")
    assert info.value.code == 2
    assert "summary" in capsys.readouterr().err


def test_unwritable_output(desk, tmp_path, capsys):
    assert run(desk, "blank", "--out", str(tmp_path / "no" / "such" / "x.pdf")) == 1
    assert "no" in capsys.readouterr().err


def test_not_set_up(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "report", "blank", "--out",
                 str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.strip()


def test_default_output_name_in_the_current_folder(make, desk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(desk, "summary", "--period", "2026-10") == 0
    assert (tmp_path / "云南驿镇职工之家_工作报表_2026-10.pdf").is_file()


def test_demo_fair_from_the_command_line(demo_desk, tmp_path):
    fair = fairs_in(demo_desk)[0]
    out = tmp_path / "f.pdf"
    assert main(["--data-dir", str(demo_desk.data_dir), "report", "jobfair", "--event",
                 fair["id"], "--out", str(out), "--quiet"]) == 0
