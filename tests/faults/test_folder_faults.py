"""Every write to a removable folder that fails says what to do (issue 17): a full stick, a
write-protected one, a folder this user may not write to, a stick pulled out mid-write — for the
sheet export, the bundle export, the backup to a folder and the PDF report, through one mechanism
(storage/errors.py folder_fault, storage/files.py AtomicFile.fault). The command line prints the
message and exits non-zero, never a traceback; nothing unfinished stays on the stick."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from xiangyun_desk.cli import main
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import files
from xiangyun_desk.storage.errors import FolderFault, folder_fault

YEAR = str(dt.date.today().year)


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("XYD_LANG", "en")


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory):
    """A station with a few hundred records and the county's key card."""
    root = tmp_path_factory.mktemp("faults")
    county = Desk(root / "county")
    county.initialize("county", "532923", "祥云县总工会")
    card = B.county_card(county).to_json().encode()
    county.close()
    desk = Desk(root / "station")
    desk.initialize("station", "01", "云南驿镇职工之家", "云南驿镇", ["李红"])
    B.load_county_card(desk, card)
    DemoGenerator(desk.db, "01", 7).generate(300)
    desk.close()
    (root / "pass.txt").write_text("a long enough passphrase\n", encoding="utf-8")
    return root / "station"


WRITERS = {
    "sheet export": lambda stick, d: ["export-sheet", "relief", "--out", f"{stick}/慰问.xlsx"],
    "bundle export": lambda stick, d: ["export-bundle", "--out", str(stick)],
    "backup to a folder": lambda stick, d: ["backup", "--out", str(stick), "--passphrase-file",
                                            str(d.parent / "pass.txt")],
    "PDF report": lambda stick, d: ["report", "ledger", "--register", "relief", "--period",
                                    YEAR, "--out", f"{stick}/台账.pdf", "--quiet"],
}
HINTS = {"full": "is full", "read_only": "write-protect", "denied": "may not write to",
         "gone": "pulled out"}


def _run(station_dir, argv, capsys):
    code = main(["--data-dir", str(station_dir), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err + out and "Exception ignored" not in err + out, err
    return code, err


def _ours(stick: Path) -> list[str]:
    return sorted(p.name for p in stick.iterdir() if p.name != "photos.bin")


@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_stick(station_dir, tiny_stick, capsys, writer):
    code, err = _run(station_dir, WRITERS[writer](tiny_stick, station_dir), capsys)
    assert code == 1
    assert HINTS["full"] in err and str(tiny_stick) in err
    assert "Nothing unfinished was left there" in err
    assert _ours(tiny_stick) == []


@pytest.mark.parametrize("writer", WRITERS)
def test_a_write_protected_stick(station_dir, read_only_stick, capsys, writer):
    code, err = _run(station_dir, WRITERS[writer](read_only_stick, station_dir), capsys)
    assert code == 1
    assert HINTS["read_only"] in err and str(read_only_stick) in err


@pytest.mark.parametrize("writer", WRITERS)
def test_a_folder_this_user_may_not_write_to(station_dir, tmp_path, capsys, monkeypatch,
                                              writer):
    stick = tmp_path / "locked"
    stick.mkdir()
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # root ignores chmod: refuse as the system would
        if str(path).startswith(str(stick)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, err = _run(station_dir, WRITERS[writer](stick, station_dir), capsys)
    assert code == 1
    assert HINTS["denied"] in err and str(stick) in err
    assert _ours(stick) == []


@pytest.mark.parametrize("writer", WRITERS)
def test_a_stick_pulled_out_mid_write(station_dir, tmp_path, capsys, monkeypatch, writer):
    stick = tmp_path / "pulled"
    stick.mkdir()
    real_sync = files._fsync_path

    def pulled(path):
        if str(path).startswith(str(stick)):
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_sync(path)

    monkeypatch.setattr(files, "_fsync_path", pulled)
    code, err = _run(station_dir, WRITERS[writer](stick, station_dir), capsys)
    assert code == 1
    assert HINTS["gone"] in err and str(stick) in err
    assert _ours(stick) == []


def test_an_unfinished_file_that_could_not_be_removed_is_named(station_dir, tmp_path, capsys,
                                                               monkeypatch):
    stick = tmp_path / "pulled"
    stick.mkdir()

    def pulled(path):
        raise OSError(errno.EIO, "Input/output error", str(path))

    real_unlink = Path.unlink

    def stuck(self, missing_ok=False):
        if self.parent == stick:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real_unlink(self, missing_ok)

    monkeypatch.setattr(files, "_fsync_path", pulled)
    monkeypatch.setattr(Path, "unlink", stuck)
    code, err = _run(station_dir, WRITERS["sheet export"](stick, station_dir), capsys)
    monkeypatch.undo()
    (left,) = _ours(stick)
    assert code == 1 and left in err and "Nothing unfinished" not in err


def test_export_sheet_to_a_full_stick_in_chinese_without_a_traceback(station_dir, tiny_stick):
    """The issue's case, as a user runs it: a message naming the stick and what to do."""
    env = {**os.environ, "XYD_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "xiangyun_desk", "--data-dir", str(station_dir),
                           "export-sheet", "relief", "--out", f"{tiny_stick}/慰问.xlsx"],
                          env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert "磁盘已满" in proc.stderr and str(tiny_stick) in proc.stderr, proc.stderr
    assert _ours(tiny_stick) == []


@pytest.mark.parametrize(("code", "kind"), [
    (errno.ENOSPC, "full"), (errno.EROFS, "read_only"), (errno.EACCES, "denied"),
    (errno.EPERM, "denied"), (errno.ENOENT, "gone"), (errno.EIO, "gone"),
    (errno.EISDIR, "other")])
def test_each_kind_of_fault_is_told_apart(tmp_path, code, kind):
    fault = folder_fault(OSError(code, os.strerror(code)), tmp_path)
    assert isinstance(fault, FolderFault) and fault.kind == kind
    wrapped = ValueError("I/O operation on closed file")  # as zipfile turns a failed write
    wrapped.__context__ = OSError(code, os.strerror(code))
    assert folder_fault(wrapped, tmp_path).kind == kind
    assert folder_fault(ValueError("a bug"), tmp_path) is None


def test_a_write_without_its_own_message_is_still_named(station_dir, read_only_stick, tmp_path,
                                                        capsys):
    """The command line's last resort (cli/__init__.py, storage/errors.named_fault): the import
    report saved to a write-protected stick is a message and exit 1, not a traceback."""
    sheet = tmp_path / "in.csv"
    sheet.write_text("姓名,来访时间,事由\n王五,2026-03-10 09:30,法律咨询\n", encoding="utf-8")
    code, err = _run(station_dir, ["import-sheet", "visits", str(sheet), "--dry-run", "--report",
                                   f"{read_only_stick}/报告.json"], capsys)
    assert code == 1 and HINTS["read_only"] in err and str(read_only_stick) in err


def test_a_bug_still_raises_with_its_traceback(station_dir, monkeypatch):
    from xiangyun_desk.services import sheets

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(sheets, "export_view", broken)
    with pytest.raises(ZeroDivisionError):
        main(["--data-dir", str(station_dir), "export-sheet", "relief", "--out", "x.xlsx"])
