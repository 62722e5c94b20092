"""Bundle files and crashes: one number per bundle whatever moment a kill hits, and the records in
clear never touch disk outside the data directory (issue 17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from bundle_helpers import add_records

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import export as export_module
from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.bundles import importer as importer_module
from xiangyun_desk.services.desk import Desk

# Export in a child process that dies (os._exit, like SIGKILL: no clean-up) at the moment the
# bundle file takes its final name: just before (``before``) or just after (``after``).
KILLED_EXPORT = r"""
import os, sys
from pathlib import Path
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services import bundles as B

moment, data_dir, usb = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
real_replace = os.replace

def replace(src, dst, *args, **kwargs):
    if str(dst).endswith(".xyb"):
        if moment == "before":
            os._exit(9)
        real_replace(src, dst, *args, **kwargs)
        os._exit(9)
    return real_replace(src, dst, *args, **kwargs)

os.replace = replace
B.export_bundle(Desk(data_dir), usb)
"""


def _bundle_numbers(folder: Path) -> list[int]:
    numbers = []
    for path in sorted(folder.glob("*.xyb")):
        with zipfile.ZipFile(path) as zf:
            numbers.append(json.loads(zf.read(F.MANIFEST))["bundle_seq"])
    return sorted(numbers)


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_kill_as_the_bundle_takes_its_name_never_gives_a_number_twice(station, usb, moment):
    add_records(station, 30)
    data_dir = station.data_dir
    station.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_EXPORT, moment, str(data_dir), str(usb)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    desk = Desk(data_dir)  # the next start
    try:
        history = sorted(h["seq"] for h in B.export_history(desk))
        files = _bundle_numbers(usb)
        # The history knows every bundle file there is ...
        assert set(files) <= set(history)
        assert files == [1]  # the finished file reached its name (now, or at the next start)
        # ... and the next export takes a new number.
        B.export_bundle(desk, usb)
        numbers = _bundle_numbers(usb)
        assert numbers == sorted(set(numbers)) == [1, 2]
        assert sorted(h["seq"] for h in B.export_history(desk)) == [1, 2]
        assert not [p for p in usb.iterdir() if p.name.endswith(".partial")]
    finally:
        desk.close()


def test_a_rename_that_fails_frees_the_number_and_leaves_no_file(station, usb, monkeypatch):
    add_records(station, 10)
    real_replace = os.replace

    def failing(src, dst, *args, **kwargs):
        if str(dst).endswith(".xyb"):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(B.ExportFailed):
        B.export_bundle(station, usb)
    assert list(usb.iterdir()) == []
    assert B.export_history(station) == []
    monkeypatch.undo()
    assert B.export_bundle(station, usb).seq == 1
    assert [h["seq"] for h in B.export_history(station)] == [1]


def _files_holding(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and needle in path.read_bytes():
                found.append(path)
        except OSError:
            pass
    return found


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The system's temporary folder, watched."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_export_writes_the_records_in_clear_nowhere(station, usb, system_temp, monkeypatch):
    """While the payload is being encrypted, no file holds the records in clear: not in the
    system's temporary folder, not in the data directory."""
    add_records(station, 20)
    seen = []
    real_encrypt = export_module.pyrage.encrypt_io

    def encrypt(src, dst, recipients):
        seen.append([p.name for p in system_temp.rglob("*") if p.is_file()]
                    + [str(p) for p in _files_holding(station.data_dir, b"records/visit.jsonl")])
        return real_encrypt(src, dst, recipients)

    monkeypatch.setattr(export_module.pyrage, "encrypt_io", encrypt)
    B.export_bundle(station, usb)
    assert seen == [[]]


def test_county_import_writes_the_decrypted_records_nowhere(county, station, usb, system_temp,
                                                            monkeypatch):
    """A county import killed mid-way used to leave the decrypted payload (names, ID numbers,
    phones) in the system's temporary folder; now no file ever holds it."""
    add_records(station, 20)
    B.export_bundle(station, usb)
    seen = []
    real_payload = importer_module.F.Payload

    def payload(source, tables):
        seen.append([p.name for p in system_temp.rglob("*") if p.is_file()]
                    + [str(p) for p in _files_holding(county.data_dir, b"records/visit.jsonl")])
        return real_payload(source, tables)

    monkeypatch.setattr(importer_module.F, "Payload", payload)
    result = B.import_bundle(county, next(usb.glob("*.xyb")))
    assert result.status == "applied"
    assert seen == [[]]
