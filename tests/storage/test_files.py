"""The one atomic-write helper (storage/files.py) and the cleaning-up after interrupted writes."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from xiangyun_desk.storage import files
from xiangyun_desk.storage.files import AtomicFile, remove_stale, write_atomic

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "xiangyun_desk"
HELPER = PACKAGE / "storage" / "files.py"


def _renames_into_place(path: Path, root: Path = ROOT) -> list[str]:
    """Calls that put a file under another name: os.replace/os.rename/shutil.move, and
    Path.replace/Path.rename (one positional argument; str.replace takes two)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attr = node.func.attr
        owner = node.func.value
        module = owner.id if isinstance(owner, ast.Name) else None
        if module in ("os", "shutil") and attr in ("replace", "rename", "renames", "move"):
            found.append(f"{path.relative_to(root)}:{node.lineno} {module}.{attr}")
        elif attr in ("replace", "rename") and len(node.args) == 1 and not node.keywords:
            found.append(f"{path.relative_to(root)}:{node.lineno} .{attr}(…)")
    return found


def test_the_finder_sees_every_kind_of_rename(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import os, shutil\nos.replace(a, b)\nos.rename(a, b)\nshutil.move(a, b)\n"
                     "tmp.replace(target)\np.rename(q)\n's'.replace('a', 'b')\n"
                     "when.replace(day=1)\n")
    found = [line.split(" ", 1)[1] for line in _renames_into_place(probe, tmp_path)]
    assert found == ["os.replace", "os.rename", "shutil.move", ".replace(…)", ".rename(…)"]


def test_no_file_is_put_in_place_outside_the_helper():
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) if path != HELPER
             for hit in _renames_into_place(path)]
    assert not found, "write through xiangyun_desk/storage/files.py:\n" + "\n".join(found)


def test_the_helper_writes_fsyncs_file_and_folder_and_replaces(tmp_path, monkeypatch):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert False in synced  # the file
    if os.name == "posix":
        assert synced[-1] is True  # then its folder, after the rename
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    saver = AtomicFile(target)
    with pytest.raises(RuntimeError), saver as temp:
        temp.write_bytes(b"half")
        assert temp.parent == tmp_path and temp.name.startswith(".out.bin.")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]
    assert saver.left_behind is None


def test_what_could_not_be_removed_is_reported(tmp_path, monkeypatch):
    target = tmp_path / "out.bin"
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self.name.endswith(files.TEMP_SUFFIX):
            raise OSError(5, "Input/output error")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    saver = AtomicFile(target)
    with pytest.raises(RuntimeError), saver as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("stick pulled out")
    assert saver.left_behind is not None and saver.left_behind.exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_mode_is_exact(tmp_path):
    old = os.umask(0)
    try:
        path = write_atomic(tmp_path / "key", b"secret", mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_stale_temporaries_are_removed_but_not_one_being_written(tmp_path):
    stale = tmp_path / ".report.pdf.0123abcd.partial"
    stale.write_bytes(b"x")
    journal = tmp_path / ".xiangyun-20261124-101010-copy.sqlite3.89abcdef.partial-journal"
    journal.write_bytes(b"x")
    legacy = tmp_path / ".532923-01-x-20261124-0001.xyb.partial"
    legacy.write_bytes(b"x")
    foreign = tmp_path / "movie.mkv.part"  # a browser's download on the same USB stick
    foreign.write_bytes(b"x")
    with AtomicFile(tmp_path / "live.xlsx") as live:  # a write cleans its folder first
        live.write_bytes(b"being written by another process")
        remove_stale(tmp_path)
        assert live.exists() or os.name != "posix"
    assert foreign.exists()
    assert not stale.exists() and not journal.exists() and not legacy.exists()


def test_at_start_everything_stale_in_the_data_directory_goes(tmp_path):
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    (data / "keys").mkdir()
    leftovers = [data / "backups" / "xiangyun-20261124-101010-start.sqlite3.partial",
                 data / "backups" / ".xiangyun-20261124-101010-daily.sqlite3.0123abcd.partial",
                 data / "keys" / "station-signing.key.tmp",
                 data / "report.pdf.part"]
    for path in leftovers:
        path.write_bytes(b"x" * 100)
    keep = data / "backups" / "xiangyun-20261124-101010-start.sqlite3"
    keep.write_bytes(b"a backup")
    scratch = files.scratch_dir(data)
    (scratch / "tmp1234").write_bytes(b"decrypted records")
    files.clean_at_start(data, ("backups", "keys"))
    assert not any(p.exists() for p in leftovers)
    assert keep.exists()
    assert list(scratch.iterdir()) == []


def test_scratch_files_have_no_name_left_behind(tmp_path):
    data = tmp_path / "data"
    with files.scratch_file(data) as fh:
        fh.write(b"records in clear")
        fh.flush()
        names = [p for p in data.rglob("*") if p.is_file()]
    if os.name == "posix":
        assert stat.S_IMODE((data / files.SCRATCH_DIRNAME).stat().st_mode) == 0o700
        if os.uname().sysname == "Linux":
            assert names == []  # O_TMPFILE: never had a name
    assert [p for p in data.rglob("*") if p.is_file()] == []


KILLED_SHEET_EXPORT = r"""
import os, sys
from pathlib import Path
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.sheets import export_view

def killed(*args, **kwargs):
    os._exit(9)  # the sheet is complete under its temporary name: killed as it takes its name

os.replace = killed
export_view(Desk(Path(sys.argv[1])), "visits", None, Path(sys.argv[2]) / "来访登记.xlsx")
"""


def test_a_killed_sheet_export_leaves_nothing_on_the_stick_after_the_next_start(desk, tmp_path):
    """The unfinished file of a killed export on a USB stick is removed at the next start (the
    data directory notes the temporary files it writes elsewhere)."""
    import subprocess
    import sys

    from xiangyun_desk.services.desk import Desk

    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "movie.mkv.part").write_bytes(b"someone else's")
    desk.visits.create({"visited_at": "2026-11-01 09:00", "name": "张三", "purpose": "legal",
                        "status": "done"})
    data_dir = desk.data_dir
    desk.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_SHEET_EXPORT, str(data_dir), str(usb)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    left = sorted(p.name for p in usb.iterdir())
    assert len(left) == 2, left  # the unfinished sheet is there ...
    Desk(data_dir).close()  # ... until the next start
    assert sorted(p.name for p in usb.iterdir()) == ["movie.mkv.part"]
