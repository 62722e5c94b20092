"""The one bounded zip reader (storage/zips.py), used by bundles and spreadsheets."""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

import pytest

from xiangyun_desk.storage import zips as Z

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "xiangyun_desk"
LIMITS = Z.ZipLimits(max_entries=4, max_entry_bytes=4 * 1024**2, max_total_bytes=6 * 1024**2,
                     max_ratio=50, ratio_floor=1024**2)


def _zip(files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _reason(data: bytes, limits=LIMITS) -> str:
    with pytest.raises(Z.ZipRefused) as err:
        Z.BoundedZip(data, limits).inflate_all()
    return err.value.reason


def test_a_sound_archive_reads_within_bounds():
    archive = Z.BoundedZip(_zip({"a.txt": b"hello", "b/c.txt": b"x" * 1000}), LIMITS)
    assert archive.names == {"a.txt", "b/c.txt"}
    assert archive.read("a.txt", 10) == b"hello"
    with archive.open("b/c.txt") as part:
        assert part.read() == b"x" * 1000
    archive.inflate_all()
    archive.close()


def test_every_limit_is_named():
    assert _reason(b"not a zip at all") == Z.DAMAGED
    assert _reason(_zip({f"{i}.txt": b"" for i in range(5)})) == Z.ENTRIES
    assert _reason(_zip({"../evil.txt": b"x"})) == Z.UNSAFE_NAME
    assert _reason(_zip({"/etc/passwd": b"x"})) == Z.UNSAFE_NAME
    assert _reason(_zip({"C:evil": b"x"})) == Z.UNSAFE_NAME
    assert _reason(_zip({"a.txt": b"x"}), Z.ZipLimits(4, 10, 10, 50, allowed=frozenset({"b"}))) \
        == Z.UNEXPECTED
    assert _reason(_zip({"bomb.txt": b"\0" * (3 * 1024**2)})) == Z.RATIO
    assert _reason(_zip({"big.bin": b"x" * (5 * 1024**2)}, zipfile.ZIP_STORED)) == Z.TOO_LARGE
    assert _reason(_zip({"1.bin": b"x" * (3 * 1024**2 + 1), "2.bin": b"y" * (3 * 1024**2 + 1)},
                        zipfile.ZIP_STORED)) == Z.TOO_LARGE


def test_duplicate_and_encrypted_entries_are_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", b"1")
        with pytest.warns(UserWarning):
            zf.writestr("a.txt", b"2")
    assert _reason(buf.getvalue()) == Z.DUPLICATE
    data = bytearray(_zip({"a.txt": b"secret"}, zipfile.ZIP_STORED))
    data[6] |= 0x1  # the local header's "encrypted" flag ...
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1  # ... and the central directory's
    assert _reason(bytes(data)) == Z.ENCRYPTED


def test_a_reader_stops_at_its_bound_whatever_the_directory_says():
    archive = Z.BoundedZip(_zip({"a.txt": b"x" * 5000}), LIMITS)
    with pytest.raises(Z.ZipRefused) as err, archive.open("a.txt", limit=1000) as part:
        part.read()
    assert err.value.reason == Z.TOO_LARGE


def _zip_readers(path: Path) -> list[str]:
    """zipfile.ZipFile(...) calls that read (no mode, or mode "r")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) \
                == "ZipFile":
            mode = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "mode"), None)
            if mode is None or isinstance(mode, ast.Constant) and mode.value == "r":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_bundles_and_sheets_read_zips_only_through_the_bounded_reader():
    helper = PACKAGE / "storage" / "zips.py"
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) if path != helper
             for hit in _zip_readers(path)]
    assert not found, "read zips through xiangyun_desk/storage/zips.py:\n" + "\n".join(found)
