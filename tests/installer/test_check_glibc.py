"""installer/check-glibc.py: the glibc symbol versions an ELF file, a folder or a .deb needs."""

from __future__ import annotations

import importlib.util
import io
import lzma
import struct
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_glibc", ROOT / "installer" / "check-glibc.py")
check_glibc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_glibc)


def fake_elf(needs: dict[str, list[str]]) -> bytes:
    """A minimal 64-bit little-endian shared object whose .gnu.version_r section requires
    ``needs`` ({"libc.so.6": ["GLIBC_2.17", ...]}), as a linker would write it."""
    strtab = bytearray(b"\0")

    def add(text: str) -> int:
        at = len(strtab)
        strtab.extend(text.encode() + b"\0")
        return at

    verneed = bytearray()
    libs = list(needs.items())
    for i, (lib, versions) in enumerate(libs):
        entry_size = 16 + 16 * len(versions)
        nxt = entry_size if i < len(libs) - 1 else 0
        verneed += struct.pack("<HHIII", 1, len(versions), add(lib), 16, nxt)
        for j, version in enumerate(versions):
            verneed += struct.pack("<IHHII", 0, 0, 2 + j, add(version),
                                   16 if j < len(versions) - 1 else 0)
    header_size = 64
    strtab_off = header_size
    verneed_off = strtab_off + len(strtab)
    shoff = verneed_off + len(verneed)
    header = struct.pack("<16sHHIQQQIHHHHHH", b"\x7fELF\x02\x01\x01" + b"\0" * 9, 3, 62, 1, 0,
                         0, shoff, 0, 64, 0, 0, 64, 3, 0)
    sections = struct.pack("<IIQQQQIIQQ", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    sections += struct.pack("<IIQQQQIIQQ", 0, 3, 0, 0, strtab_off, len(strtab), 0, 0, 1, 0)
    sections += struct.pack("<IIQQQQIIQQ", 0, check_glibc.SHT_GNU_VERNEED, 0, 0, verneed_off,
                            len(verneed), 1, len(libs), 8, 0)
    return header + bytes(strtab) + bytes(verneed) + sections


NEEDS = {"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.34"],
         "libstdc++.so.6": ["GLIBCXX_3.4.21"]}


def test_reads_the_version_requirements_of_an_elf_file():
    assert check_glibc.needed_versions(fake_elf(NEEDS)) == {
        "GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.34", "GLIBCXX_3.4.21"}
    assert check_glibc.needed_versions(b"#!/bin/sh\necho hi\n") is None


def test_a_real_program_needs_some_glibc():
    versions = check_glibc.needed_versions(Path(sys.executable).resolve().read_bytes())
    assert versions is not None
    assert any(v.startswith("GLIBC_2.") for v in versions)


def test_versions_compare_as_numbers():
    assert check_glibc.version_key("GLIBC_2.2.5") < check_glibc.version_key("GLIBC_2.17")
    assert check_glibc.version_key("2.28") < check_glibc.version_key("GLIBC_2.34")


def test_fails_above_the_limit_and_names_the_file(tmp_path, capsys):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libnew.so").write_bytes(fake_elf(NEEDS))
    (tmp_path / "lib" / "libold.so").write_bytes(fake_elf({"libc.so.6": ["GLIBC_2.17"]}))
    (tmp_path / "readme.txt").write_text("not an ELF file")
    assert check_glibc.main(["--max", "2.28", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "newest glibc symbol needed: GLIBC_2.34 (by: lib/libnew.so)" in out
    assert "newest libstdc++ symbol needed: GLIBCXX_3.4.21" in out
    assert "lib/libnew.so: GLIBC_2.34" in out and "libold.so:" not in out
    assert check_glibc.main(["--max", "2.34", str(tmp_path)]) == 0
    assert "OK: no file needs more than GLIBC_2.34" in capsys.readouterr().out


def _deb(path: Path, files: dict[str, bytes]) -> None:
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo("./" + name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    members = [("debian-binary", b"2.0\n"), ("control.tar.xz", lzma.compress(b"")),
               ("data.tar.xz", lzma.compress(data.getvalue()))]
    out = bytearray(b"!<arch>\n")
    for name, body in members:
        out += f"{name:<16}{0:<12}{0:<6}{0:<6}{100644:<8}{len(body):<10}`\n".encode()
        out += body + (b"\n" if len(body) % 2 else b"")
    path.write_bytes(bytes(out))


def test_reads_a_deb_without_unpacking_it(tmp_path, capsys):
    deb = tmp_path / "x_1.0_amd64.deb"
    _deb(deb, {"opt/apps/x/files/lib/libnew.so": fake_elf(NEEDS),
               "opt/apps/x/info": b"{}"})
    assert check_glibc.main(["--max", "2.28", str(deb)]) == 1
    assert "opt/apps/x/files/lib/libnew.so: GLIBC_2.34" in capsys.readouterr().out


def test_a_deb_within_the_limit_passes(tmp_path):
    deb = tmp_path / "x_1.0_amd64.deb"
    _deb(deb, {"lib/libold.so": fake_elf({"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.28"]})})
    assert check_glibc.main(["--max", "2.28", str(deb)]) == 0


@pytest.mark.parametrize("bad", [b"\x7fELF", b"\x7fELF\x02\x01" + b"\xff" * 100])
def test_a_truncated_elf_file_does_not_crash_the_scan(bad):
    assert check_glibc.needed_versions(bad) in (None, set())
