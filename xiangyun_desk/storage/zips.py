"""Reading a zip archive that may be hostile, within limits (bundles and spreadsheets).

Python's zipfile sets no limits of its own. :class:`BoundedZip` checks the directory before any
entry is read — number of entries, safe and (optionally) expected names, no duplicates, no
encrypted entries, declared sizes per entry and in total, compression ratios — and reads entries
through a counting reader, so what is actually inflated is bounded too (declared sizes can lie).
Every refusal is a :class:`ZipRefused` with a ``reason``; each caller turns it into its own
message (services/bundles/format.py, services/sheets/reader.py).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

CHUNK = 1024 * 1024

# Reasons of ZipRefused.
DAMAGED = "damaged"  # not a zip, truncated, bad CRC, unsupported compression
ENTRIES = "entries"  # more entries than allowed
UNSAFE_NAME = "unsafe-name"  # absolute, "..", drive letters, backslashes
UNEXPECTED = "unexpected"  # a name not on the allow-list
DUPLICATE = "duplicate"  # the same name twice
ENCRYPTED = "encrypted"  # a password-protected entry
TOO_LARGE = "too-large"  # an entry or the total above its bound
RATIO = "ratio"  # expands more than the ratio allows


class ZipRefused(Exception):
    """The archive is outside the limits; ``name``, ``size`` and ``limit`` say where."""

    def __init__(self, reason: str, name: str = "", size: int = 0, limit: int = 0):
        super().__init__(f"{reason}: {name} {size}/{limit}")
        self.reason, self.name, self.size, self.limit = reason, name, size, limit


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int
    max_entry_bytes: int  # one entry, inflated
    max_total_bytes: int  # all entries, inflated
    max_ratio: int  # inflated / compressed, for entries above ratio_floor
    ratio_floor: int = 1024 * 1024
    allowed: frozenset[str] | None = None  # None: any safe name
    strict_names: bool = True  # also refuse ':' and '\\' in names (bundles; not Office files)


def _unsafe(name: str, strict: bool) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (strict and (":" in name
                                                                         or "\\" in name))


class CountingReader(io.RawIOBase):
    """Reads at most ``limit`` bytes from ``raw`` (ZipRefused beyond), hashing as it goes."""

    def __init__(self, raw: IO[bytes], limit: int, name: str):
        self.raw = raw
        self.limit = limit
        self.name = name
        self.count = 0
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()

    def readinto(self, buffer) -> int:
        data = self.raw.read(min(len(buffer), CHUNK))
        self.count += len(data)
        if self.count > self.limit:
            raise ZipRefused(TOO_LARGE, self.name, self.count, self.limit)
        self.sha.update(data)
        buffer[:len(data)] = data
        return len(data)


class BoundedZip:
    """A zip archive whose directory has been checked against ``limits``.

    ``source`` is a path, an open binary file or the archive's bytes. Raises ZipRefused.
    """

    def __init__(self, source: Path | str | IO[bytes] | bytes, limits: ZipLimits):
        self.limits = limits
        if isinstance(source, bytes | bytearray):
            source = io.BytesIO(source)
        try:
            self.zip = zipfile.ZipFile(source)
            self.infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ZipRefused(DAMAGED) from None
        try:
            self._check()
        except ZipRefused:
            self.zip.close()
            raise
        self.names = {info.filename for info in self.infos}

    def _check(self) -> None:
        limits = self.limits
        if len(self.infos) > limits.max_entries:
            raise ZipRefused(ENTRIES, "", len(self.infos), limits.max_entries)
        seen: set[str] = set()
        total = 0
        for info in self.infos:
            name = info.filename
            if _unsafe(name, limits.strict_names):
                raise ZipRefused(UNSAFE_NAME, name)
            if limits.allowed is not None and name not in limits.allowed:
                raise ZipRefused(UNEXPECTED, name)
            if name in seen:
                raise ZipRefused(DUPLICATE, name)
            seen.add(name)
            if info.flag_bits & 0x1:
                raise ZipRefused(ENCRYPTED, name)
            total += info.file_size
            self.check_entry(info)
            if total > limits.max_total_bytes:
                raise ZipRefused(TOO_LARGE, name, total, limits.max_total_bytes)

    def check_entry(self, info: zipfile.ZipInfo, limits: ZipLimits | None = None) -> None:
        """Declared size and compression ratio of one entry (against other ``limits`` when an
        entry has bounds of its own)."""
        limits = limits or self.limits
        if info.file_size > limits.max_entry_bytes:
            raise ZipRefused(TOO_LARGE, info.filename, info.file_size, limits.max_entry_bytes)
        if info.file_size > limits.ratio_floor \
                and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ZipRefused(RATIO, info.filename, info.file_size // max(info.compress_size, 1),
                             limits.max_ratio)

    def open(self, name: str, limit: int | None = None) -> CountingReader:
        """An entry's inflated bytes, at most ``limit`` (default: the entry bound)."""
        raw = self.zip.open(name)
        return CountingReader(raw, self.limits.max_entry_bytes if limit is None else limit, name)

    def read(self, name: str, limit: int) -> bytes:
        """A small entry whole (declared and actual size at most ``limit``)."""
        info = self.zip.getinfo(name)
        if info.file_size > limit:
            raise ZipRefused(TOO_LARGE, name, info.file_size, limit)
        with self.zip.open(info) as raw:
            data = raw.read(limit + 1)
        if len(data) > limit:
            raise ZipRefused(TOO_LARGE, name, len(data), limit)
        return data

    def inflate_all(self) -> None:
        """Inflate every entry (bounded) to prove the declared sizes and CRCs true before a
        library that trusts them reads the archive."""
        actual = 0
        try:
            for info in self.infos:
                with self.zip.open(info) as part:
                    seen = 0
                    while chunk := part.read(CHUNK):
                        seen += len(chunk)
                        actual += len(chunk)
                        if seen > info.file_size or seen > self.limits.max_entry_bytes \
                                or actual > self.limits.max_total_bytes:
                            raise ZipRefused(TOO_LARGE, info.filename, seen, info.file_size)
        except ZipRefused:
            raise
        except Exception:  # bad CRC, truncated data, unsupported compression  # noqa: BLE001
            raise ZipRefused(DAMAGED) from None

    def close(self) -> None:
        self.zip.close()
