#!/usr/bin/env python3
"""Which glibc a build needs: the newest GLIBC_x.y symbol version any of its ELF files requires.

    installer/check-glibc.py [--max 2.28] [--list FILE] PATH...

PATH is a folder (scanned recursively), a single file, or a .deb (its data archive is read
directly, no dpkg needed). For every ELF file the version requirements are read from its
``.gnu.version_r`` section (what the dynamic loader checks: a file that needs GLIBC_2.34 does not
start on glibc 2.28). Prints the newest GLIBC_ and GLIBCXX_ versions and which files need them;
with ``--max X.Y`` exits 1 and lists every file that needs a newer glibc than X.Y. ``--list``
writes one line per file and version ("path GLIBC_2.17 GLIBC_2.28 ...").

Standard library only (the release build runs it with any Python 3.7+, no binutils needed).
"""

from __future__ import annotations

import argparse
import io
import lzma
import struct
import sys
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

SHT_GNU_VERNEED = 0x6FFFFFFE


def version_key(version: str) -> tuple[int, ...]:
    """'2.28' or 'GLIBC_2.28' -> (2, 28)."""
    tail = version.rsplit("_", 1)[-1]
    return tuple(int(part) for part in tail.split(".") if part.isdigit())


def needed_versions(data: bytes) -> set[str] | None:
    """The symbol versions (e.g. GLIBC_2.28, GLIBCXX_3.4.21) an ELF file requires from the
    libraries it links to, or None if ``data`` is not an ELF file."""
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return None
    elf_class, endian = data[4], data[5]
    if elf_class not in (1, 2) or endian not in (1, 2):
        return None
    e = "<" if endian == 1 else ">"
    is64 = elf_class == 2
    try:
        if is64:
            shoff, = struct.unpack_from(e + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(e + "HH", data, 0x3A)
        else:
            shoff, = struct.unpack_from(e + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(e + "HH", data, 0x2E)
        sections = []
        for i in range(shnum):
            base = shoff + i * shentsize
            if is64:
                _name, sh_type, _flags, _addr, offset, size, link, info = struct.unpack_from(
                    e + "IIQQQQII", data, base)
            else:
                _name, sh_type, _flags, _addr, offset, size, link, info = struct.unpack_from(
                    e + "IIIIIIII", data, base)
            sections.append((sh_type, offset, size, link, info))
        versions: set[str] = set()
        for sh_type, offset, _size, link, count in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            strtab = sections[link][1]

            def cstr(at: int, strtab: int = strtab) -> str:
                end = data.index(b"\0", strtab + at)
                return data[strtab + at:end].decode("ascii", "replace")

            entry = offset
            for _ in range(count):  # Elf_Verneed: version, cnt, file, aux, next
                _ver, cnt, _file, aux, nxt = struct.unpack_from(e + "HHIII", data, entry)
                at = entry + aux
                for _ in range(cnt):  # Elf_Vernaux: hash, flags, other, name, next
                    _hash, _flags, _other, name, anext = struct.unpack_from(e + "IHHII", data, at)
                    versions.add(cstr(name))
                    if not anext:
                        break
                    at += anext
                if not nxt:
                    break
                entry += nxt
        return versions
    except (struct.error, IndexError, ValueError, OverflowError, MemoryError):
        return set()  # a truncated or odd ELF file: nothing we can read


def _deb_members(path: Path) -> Iterator[tuple[str, bytes]]:
    """The regular files of a .deb's data archive (an ar archive holding data.tar.*)."""
    with open(path, "rb") as fh:
        if fh.read(8) != b"!<arch>\n":
            raise ValueError(f"{path} is not a .deb (ar archive)")
        while True:
            header = fh.read(60)
            if len(header) < 60:
                break
            name = header[:16].decode().strip().rstrip("/")
            size = int(header[48:58].decode().strip())
            body = fh.read(size)
            if size % 2:
                fh.read(1)
            if name.startswith("data.tar"):
                if name.endswith(".xz"):
                    body = lzma.decompress(body)
                elif name.endswith(".gz"):
                    body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
                elif name.endswith(".zst"):
                    raise ValueError(f"{path}: zstd-compressed data is not supported")
                with tarfile.open(fileobj=io.BytesIO(body)) as tar:
                    for member in tar:
                        if member.isfile():
                            extracted: BinaryIO = tar.extractfile(member)  # type: ignore[assignment]
                            yield member.name.lstrip("./"), extracted.read()
                return
    raise ValueError(f"{path} has no data.tar member")


def scan(path: Path) -> dict[str, set[str]]:
    """ELF file (relative name) -> the symbol versions it needs, for a folder, file or .deb."""
    found: dict[str, set[str]] = {}
    if path.is_file() and path.suffix == ".deb":
        members: Iterator[tuple[str, bytes]] = _deb_members(path)
    elif path.is_file():
        members = iter([(path.name, path.read_bytes())])
    else:
        members = ((str(p.relative_to(path)), p.read_bytes()) for p in sorted(path.rglob("*"))
                   if p.is_file() and not p.is_symlink())
    for name, data in members:
        versions = needed_versions(data)
        if versions is not None:
            found[name] = versions
    return found


def newest(found: dict[str, set[str]], prefix: str) -> tuple[str | None, list[str]]:
    """The newest ``prefix`` version (e.g. 'GLIBC_') any file needs, and the files needing it."""
    best: str | None = None
    for versions in found.values():
        for v in versions:
            if v.startswith(prefix) and version_key(v) and (
                    best is None or version_key(v) > version_key(best)):
                best = v
    who = sorted(name for name, versions in found.items() if best in versions) if best else []
    return best, who


def over_limit(found: dict[str, set[str]], limit: str) -> dict[str, list[str]]:
    """Files that need a GLIBC_ version newer than ``limit`` -> those versions."""
    top = version_key(limit)
    out = {}
    for name, versions in sorted(found.items()):
        above = sorted((v for v in versions if v.startswith("GLIBC_") and version_key(v)
                        and version_key(v) > top), key=version_key)
        if above:
            out[name] = above
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="folder, file or .deb")
    parser.add_argument("--max", help="fail when any file needs a newer glibc than this (2.28)")
    parser.add_argument("--list", type=Path, help="write each file's versions to this file")
    args = parser.parse_args(argv)
    found: dict[str, set[str]] = {}
    for path in args.paths:
        if not path.exists():
            parser.error(f"{path} does not exist")
        found.update(scan(path))
    if args.list:
        args.list.write_text("".join(
            f"{name} {' '.join(sorted(v, key=lambda s: (s.split('_')[0], version_key(s))))}\n"
            for name, v in sorted(found.items())), encoding="utf-8")
    glibc, glibc_who = newest(found, "GLIBC_")
    glibcxx, _ = newest(found, "GLIBCXX_")
    print(f"ELF files: {len(found)}")
    shown = ", ".join(glibc_who[:5]) + (f" and {len(glibc_who) - 5} more" if len(glibc_who) > 5
                                        else "")
    print(f"newest glibc symbol needed: {glibc or 'none'}" + (f" (by: {shown})" if glibc else ""))
    print(f"newest libstdc++ symbol needed: {glibcxx or 'none'}")
    if args.max:
        bad = over_limit(found, args.max)
        if bad:
            print(f"FAIL: {len(bad)} file(s) need more than GLIBC_{args.max}:")
            for name, versions in bad.items():
                print(f"  {name}: {' '.join(versions)}")
            return 1
        print(f"OK: no file needs more than GLIBC_{args.max}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
