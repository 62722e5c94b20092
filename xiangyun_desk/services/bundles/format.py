"""The bundle file format (docs/bundle-format.md): names, manifest, bounded zip reading, records.

Everything read from a bundle is treated as hostile until checked: the outer zip is read with an
allow-list of entry names and bounded sizes, JSON is size- and depth-bounded, the inner zip's
entries are decompressed through a counting reader (declared sizes can lie) with a ratio bound,
and records are decoded column by column against the table definition.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage import models as M
from ...storage import zips as Z

CTX = "Bundles"

BUNDLE_FORMAT = "xiangyun-bundle"
REFERENCE_FORMAT = "xiangyun-reference"
RELAY_FORMAT = "xiangyun-relay"  # a tier forwards its stations' bundles (relay.py)
FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".xyb"
REFERENCE_SUFFIX = ".xyr"
RELAY_SUFFIX = ".xyf"

MANIFEST = "manifest.json"
SIGNATURE = "signature.ed25519"
PAYLOAD_ENCRYPTED = "payload.zip.age"
PAYLOAD_PLAIN = "payload.zip"
README = "README.txt"

# Limits (Python's zipfile has none of its own).
MAX_FILE_BYTES = 2 * 1024**3
MAX_OUTER_ENTRIES = 8
MAX_MANIFEST_BYTES = 1024**2
MAX_SIGNATURE_BYTES = 1024
MAX_README_BYTES = 64 * 1024
MAX_INNER_ENTRIES = 32
MAX_ENTRY_BYTES = 4 * 1024**3  # one table's JSON lines, uncompressed
MAX_TOTAL_BYTES = 8 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024**2
MAX_LINE_BYTES = 1024**2
MAX_JSON_DEPTH = 8

# Tables in the order they are written and applied (parents before children).
SYNCED_TABLES: tuple[type, ...] = (M.Staff, M.JobFair, M.FairEmployer, M.JobSeeker, M.Intention,
                                   M.Volunteer, M.ServiceRecord, M.Visit, M.ReliefVisit)
TABLES = {model.__tablename__: model for model in SYNCED_TABLES}
REFERENCE_TABLES = ("job_fair", "fair_employer", "code_item")

# Table -> register key of services/specs.py (staff has no register).
REGISTER_OF = {"staff": "staff", "job_fair": "fairs", "fair_employer": "employers",
               "job_seeker": "seekers", "intention": "intentions", "volunteer": "volunteers",
               "service_record": "service_records", "visit": "visits", "relief_visit": "relief",
               "code_item": "code_lists"}
COUNT_KEYS = ("new", "updated", "deleted", "unchanged", "rejected")

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SAFE_NAME = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


class BundleRejected(DomainError):
    """The file cannot be used; ``code`` is a stable machine-readable reason."""

    def __init__(self, code: str, message: Message):
        super().__init__(message)
        self.code = code


def reject(code: str, text: str, /, **params) -> BundleRejected:
    return BundleRejected(code, msg(CTX, text, **params))


def table_file(table: str) -> str:
    return f"records/{table}.jsonl"


def safe_filename_part(text: str) -> str:
    return _SAFE_NAME.sub("", text)[:40] or "x"


def bundle_filename(county_code: str, station_code: str, station_name: str, day: dt.date,
                    seq: int) -> str:
    """``532923-03-云南驿镇职工之家-20261124-0007.xyb``"""
    return (f"{safe_filename_part(county_code)}-{safe_filename_part(station_code)}-"
            f"{safe_filename_part(station_name)}-{day:%Y%m%d}-{seq:04d}{BUNDLE_SUFFIX}")


def reference_filename(county_code: str, county_name: str, day: dt.date, seq: int) -> str:
    return (f"{safe_filename_part(county_code)}-{safe_filename_part(county_name)}-参考数据-"
            f"{day:%Y%m%d}-{seq:04d}{REFERENCE_SUFFIX}")


def utc_text(when: dt.datetime) -> str:
    return when.replace(microsecond=0).isoformat() + "Z"


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.rstrip("Z"))


# ---- records ---------------------------------------------------------------------------------

def encode_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def encode_record(row: dict[str, Any]) -> bytes:
    """One record as one JSON line (UTF-8, keys sorted, no spaces)."""
    return (json.dumps({k: encode_value(v) for k, v in row.items()}, ensure_ascii=False,
                       sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


class RecordInvalid(Exception):
    """One record cannot be used (the bundle may still be applied without it)."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


def _bad(column: str) -> RecordInvalid:
    return RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Field {field} has a value of the wrong kind."), field=column))


def decode_record(table, doc: dict[str, Any]) -> dict[str, Any]:
    """Check a decoded JSON object against ``table`` and convert it to column values."""
    columns = table.c
    unknown = set(doc) - set(columns.keys())
    if unknown:
        raise RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Unknown field {field} (the station runs a newer version: update this program)."), field=sorted(unknown)[0][:40]))
    out: dict[str, Any] = {}
    for column in columns:
        name = column.key
        if name not in doc:  # a bundle from an older version: a column added since
            if column.nullable and not column.primary_key:
                out[name] = None
                continue
            if column.default is not None and column.default.is_scalar:
                out[name] = column.default.arg
                continue
            raise RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Field {field} is missing."), field=name))
        value = doc[name]
        if value is None:
            if not column.nullable or column.primary_key:
                raise RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Field {field} is missing."), field=name))
            out[name] = None
            continue
        kind = column.type
        try:
            if isinstance(kind, Boolean):
                if not isinstance(value, bool):
                    raise _bad(name)
            elif isinstance(kind, Integer):
                if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**62:
                    raise _bad(name)
            elif isinstance(kind, DateTime):
                if not isinstance(value, str) or len(value) > 32:
                    raise _bad(name)
                value = dt.datetime.fromisoformat(value)
                if value.tzinfo is not None:
                    raise _bad(name)
            elif isinstance(kind, Date):
                if not isinstance(value, str) or len(value) != 10:
                    raise _bad(name)
                value = dt.date.fromisoformat(value)
            elif isinstance(kind, String | Text):
                if not isinstance(value, str):
                    raise _bad(name)
                limit = getattr(kind, "length", None)
                if limit and len(value) > limit:
                    raise RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Field {field} is longer than {limit} characters."), field=name, limit=limit))
            else:  # pragma: no cover - every synced column is one of the above
                raise _bad(name)
        except ValueError:
            raise _bad(name) from None
        out[name] = value
    if "id" in out and table.name != "code_item" and not _UUID.match(out["id"]):
        raise RecordInvalid(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The record key is not a UUID.")))
    return out


def _depth_ok(text: str) -> bool:
    """Cheap upper bound of nesting (brackets outside strings are what count)."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def parse_json_bounded(data: bytes, what: str, max_bytes: int, check_depth: bool = True) -> Any:
    """JSON from bytes with a size and nesting bound; raises BundleRejected.

    Record lines skip the (slow, pure Python) depth scan: they must be flat objects, and the
    parser's own recursion guard turns absurd nesting into an error, caught here.
    """
    if len(data) > max_bytes:
        raise reject("too-large", QT_TRANSLATE_NOOP("Bundles", "{what} is larger than allowed ({size} bytes)."), what=what, size=len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid UTF-8 text."), what=what) from None
    if check_depth and not _depth_ok(text):
        raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is nested too deeply."), what=what)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=what) from None


# ---- bounded zip reading (storage/zips.py) ---------------------------------------------------

# The outer zip is stored, not compressed: its small entries are bounded when read (a manifest
# "too large"), the payload's ratio when it is copied out.
OUTER_LIMITS = Z.ZipLimits(MAX_OUTER_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES,
                           max_ratio=MAX_ENTRY_BYTES, ratio_floor=MAX_ENTRY_BYTES,
                           allowed=frozenset({MANIFEST, SIGNATURE, PAYLOAD_ENCRYPTED,
                                              PAYLOAD_PLAIN, README}))
PAYLOAD_LIMITS = Z.ZipLimits(1, MAX_ENTRY_BYTES, MAX_ENTRY_BYTES, MAX_RATIO, RATIO_FLOOR)


def _inner_limits(tables: tuple[str, ...]) -> Z.ZipLimits:
    return Z.ZipLimits(MAX_INNER_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MAX_RATIO,
                       RATIO_FLOOR, frozenset(table_file(t) for t in tables))


def _refused(exc: Z.ZipRefused, damaged: BundleRejected) -> BundleRejected:
    """The bundle's words for a refusal of the bounded zip reader."""
    name = exc.name[:80]
    if exc.reason == Z.ENTRIES:
        return reject("zip-entries", QT_TRANSLATE_NOOP("Bundles", "The file holds {n} entries; a bundle has at most {limit}."), n=exc.size, limit=exc.limit)
    if exc.reason == Z.UNSAFE_NAME:
        return reject("zip-path", QT_TRANSLATE_NOOP("Bundles", "The file holds an entry with an unsafe path: {name}"), name=name)
    if exc.reason == Z.DUPLICATE:
        return reject("zip-unexpected", QT_TRANSLATE_NOOP("Bundles", "The file holds an entry twice: {name}"), name=name)
    if exc.reason in (Z.UNEXPECTED, Z.ENCRYPTED):
        return reject("zip-unexpected", QT_TRANSLATE_NOOP("Bundles", "The file holds an entry that does not belong in a bundle: {name}"), name=name)
    if exc.reason == Z.TOO_LARGE:
        return reject("too-large", QT_TRANSLATE_NOOP("Bundles", "{what} is larger than allowed ({size} bytes)."), what=exc.name or "payload", size=exc.size)
    if exc.reason == Z.RATIO:
        return reject("zip-ratio", QT_TRANSLATE_NOOP("Bundles", "{what} would expand {ratio} times; this is not a bundle of this program."), what=exc.name, ratio=exc.size)
    return damaged


def _not_a_bundle() -> BundleRejected:
    return reject("not-a-bundle", QT_TRANSLATE_NOOP("Bundles", "The file is not a bundle (not a zip archive, or truncated)."))


def _damaged_part() -> BundleRejected:
    return reject("not-a-bundle", QT_TRANSLATE_NOOP("Bundles", "The file is damaged (a part of it does not read back)."))


def _damaged_records() -> BundleRejected:
    return reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The records inside the bundle are damaged."))


@dataclass
class Envelope:
    """The outer zip of a bundle, opened and checked (payload not yet read)."""

    path: Path
    archive: Z.BoundedZip
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signature: bytes
    payload_name: str

    @property
    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    def copy_payload(self, target: IO[bytes], limit: int) -> str:
        """Copy the payload entry (of ``limit`` bytes, as the manifest says) into ``target``;
        returns its sha256."""
        info = self.archive.zip.getinfo(self.payload_name)
        try:
            self.archive.check_entry(info, PAYLOAD_LIMITS)
        except Z.ZipRefused as exc:
            raise _refused(exc, _damaged_part()) from None
        if info.file_size != limit:
            raise reject("payload-hash", QT_TRANSLATE_NOOP("Bundles", "The records do not match the manifest: the file is damaged or was changed."))
        try:
            with self.archive.open(self.payload_name, limit) as counting:
                while chunk := counting.read(1024 * 1024):
                    target.write(chunk)
        except Z.ZipRefused as exc:
            raise _refused(exc, _damaged_part()) from None
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
            raise _damaged_part() from None
        target.flush()
        return counting.sha.hexdigest()

    def close(self) -> None:
        self.archive.close()


def open_envelope(path: Path, expected_format: str) -> Envelope:
    """Open the outer zip of a bundle and read its manifest and signature (bounded)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise reject("unreadable", QT_TRANSLATE_NOOP("Bundles", "The file cannot be read.")) from None
    if size > MAX_FILE_BYTES:
        raise reject("too-large", QT_TRANSLATE_NOOP("Bundles", "{what} is larger than allowed ({size} bytes)."), what=path.name, size=size)
    payload = PAYLOAD_PLAIN if expected_format == REFERENCE_FORMAT else PAYLOAD_ENCRYPTED
    try:
        zf = Z.BoundedZip(path, OUTER_LIMITS)
    except Z.ZipRefused as exc:
        raise _refused(exc, _not_a_bundle()) from None
    try:
        names = zf.names
        for required in (MANIFEST, SIGNATURE):
            if required not in names:
                raise reject("not-a-bundle", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=required)
        manifest_bytes = zf.read(MANIFEST, MAX_MANIFEST_BYTES)
        signature_text = zf.read(SIGNATURE, MAX_SIGNATURE_BYTES)
    except BundleRejected:
        zf.close()
        raise
    except Z.ZipRefused as exc:
        zf.close()
        raise _refused(exc, _damaged_part()) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        zf.close()
        raise _damaged_part() from None
    manifest = parse_json_bounded(manifest_bytes, MANIFEST, MAX_MANIFEST_BYTES)
    import base64
    import binascii

    try:
        signature = base64.b64decode(signature_text.strip(), validate=True)
    except (binascii.Error, ValueError):
        zf.close()
        raise reject("bad-signature", QT_TRANSLATE_NOOP("Bundles", "The signature is damaged.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != expected_format:
        zf.close()
        found = manifest.get("format") if isinstance(manifest, dict) else None
        if RELAY_FORMAT in (found, expected_format) and found in (BUNDLE_FORMAT, REFERENCE_FORMAT,
                                                                  RELAY_FORMAT):
            if expected_format == RELAY_FORMAT:
                raise reject("wrong-kind", QT_TRANSLATE_NOOP("Bundles", "This is not a relay bundle from the tier below (it is a station or reference bundle)."))
            raise reject("wrong-kind", QT_TRANSLATE_NOOP("Bundles", "This is a relay bundle for a prefecture or province, not a station or reference bundle."))
        if found in (BUNDLE_FORMAT, REFERENCE_FORMAT):
            if expected_format == BUNDLE_FORMAT:
                raise reject("wrong-kind", QT_TRANSLATE_NOOP("Bundles", "This is a reference bundle from the county, not a station bundle."))
            raise reject("wrong-kind", QT_TRANSLATE_NOOP("Bundles", "This is a station bundle, not a reference bundle from the county."))
        raise reject("not-a-bundle", QT_TRANSLATE_NOOP("Bundles", "The file is not a bundle of this program."))
    if payload not in names or ({PAYLOAD_ENCRYPTED, PAYLOAD_PLAIN} - {payload}) & names:
        zf.close()
        raise reject("not-a-bundle", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=payload)
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        zf.close()
        raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=MANIFEST)
    if version > FORMAT_VERSION:
        zf.close()
        raise reject("too-new", QT_TRANSLATE_NOOP("Bundles", "The bundle was made by a newer version of the program (format {version}); update this program first."), version=version)
    return Envelope(path, zf, manifest_bytes, manifest, signature, payload)


class Payload:
    """The inner zip (records as JSON lines), read with bounds."""

    def __init__(self, source: IO[bytes], tables: tuple[str, ...]):
        try:
            self.archive = Z.BoundedZip(source, _inner_limits(tables))
        except Z.ZipRefused as exc:
            raise _refused(exc, _damaged_records()) from None
        self.names = self.archive.names

    def lines(self, table: str, stats: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Decoded JSON objects of one table; ``stats`` gets ``count`` and ``sha256`` at the end."""
        name = table_file(table)
        stats["count"] = 0
        sha = hashlib.sha256()
        if name not in self.names:
            raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=name)
        try:
            with self.archive.open(name) as counting:
                reader = io.BufferedReader(counting, 1024 * 1024)
                while True:
                    line = reader.readline(MAX_LINE_BYTES + 1)
                    if not line:
                        break
                    if len(line) > MAX_LINE_BYTES:
                        raise reject("too-large", QT_TRANSLATE_NOOP("Bundles", "A line of {what} is longer than {limit} bytes."), what=name, limit=MAX_LINE_BYTES)
                    sha.update(line)
                    doc = parse_json_bounded(line, name, MAX_LINE_BYTES, check_depth=False)
                    if not isinstance(doc, dict) or any(isinstance(v, dict | list) for v in doc.values()):
                        raise reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=name)
                    stats["count"] += 1
                    yield doc
        except Z.ZipRefused as exc:
            raise _refused(exc, _damaged_records()) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            if isinstance(exc, BundleRejected):
                raise
            raise _damaged_records() from None
        stats["sha256"] = sha.hexdigest()

    def close(self) -> None:
        self.archive.close()


# ---- manifest checks -------------------------------------------------------------------------
# The published JSON Schemas (schemas/, copied to docs/) are the structural rules of a manifest;
# what a schema cannot say (one field against another, a real calendar date) follows them here.

BUNDLE_SCHEMA = "bundle-manifest.schema.json"
REFERENCE_SCHEMA = "reference-manifest.schema.json"
RELAY_SCHEMA = "relay-manifest.schema.json"


@functools.cache
def _validator(schema_name: str):
    """A Draft 2020-12 validator of a published schema, where an integer is a JSON integer only
    (jsonschema would also take 1.0, and a number used as a bundle number must be an int)."""
    import jsonschema  # here: only imports need it

    schema = json.loads(resources.files(__package__).joinpath("schemas", schema_name)
                        .read_text(encoding="utf-8"))
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
    cls = jsonschema.validators.extend(base, type_checker=checker)
    cls.check_schema(schema)
    return cls(schema)


def _field_of(error) -> str:
    """The manifest field an error is about, as a dotted path (``station.code``)."""
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        path += [k for k in error.validator_value if k not in error.instance][:1]
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        patterns = error.schema.get("patternProperties", {})
        path += sorted(k for k in error.instance if k not in known
                       and not any(re.search(p, k) for p in patterns))[:1]
    return ".".join(path)[:80] or "manifest"


def _invalid(field: str) -> BundleRejected:
    return reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The manifest lacks a valid {field}."), field=field)


def validate_manifest(manifest: Any, schema_name: str) -> None:
    """Raise BundleRejected naming the first field that breaks the published schema."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(schema_name).iter_errors(manifest))
    if error is not None:
        raise _invalid(_field_of(error))
    try:
        parse_utc(manifest["created_at"])
    except ValueError:
        raise _invalid("created_at") from None


def check_bundle_manifest(manifest: dict) -> None:
    """A station bundle's manifest against schemas/bundle-manifest.schema.json."""
    validate_manifest(manifest, BUNDLE_SCHEMA)
    if manifest["change_seq"]["from"] > manifest["change_seq"]["to"]:
        raise _invalid("change_seq")


def check_reference_manifest(manifest: dict) -> None:
    """A reference bundle's manifest against schemas/reference-manifest.schema.json."""
    validate_manifest(manifest, REFERENCE_SCHEMA)


def check_relay_manifest(manifest: dict) -> None:
    """A relay bundle's manifest against schemas/relay-manifest.schema.json."""
    validate_manifest(manifest, RELAY_SCHEMA)
    if manifest["range"]["from"] > manifest["range"]["to"]:
        raise _invalid("range")


def empty_counts() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            sha.update(chunk)
    return sha.hexdigest()


def stream_sha256(fh: IO[bytes]) -> str:
    """SHA-256 of an open file's whole contents."""
    sha = hashlib.sha256()
    fh.seek(0)
    while chunk := fh.read(1024 * 1024):
        sha.update(chunk)
    return sha.hexdigest()
