"""Station side: write a sync bundle (incremental or full), atomically, and read it back."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyrage
from pyrage import x25519
from sqlalchemy import func, select

from ... import __version__
from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...storage.files import AtomicFile, rename_durably, scratch_file
from ...storage.models import ChangeCounter, Setting
from ...storage.sync_models import PENDING_EXPORT_SETTING, BundleExport
from . import format as F
from .access import Perm, require
from .keys import KeyProblem, KeyStore, public_key_b64, station_county_card, verify

CTX = "Bundles"
README_TEXT = """xiangyun-desk sync bundle / 祥云职工之家工作台 同步包

manifest.json      plain JSON: station, bundle number, counts and SHA-256 of every table
signature.ed25519  base64 Ed25519 signature of manifest.json by the station
payload.zip.age    the records, encrypted to the county (age X25519):
                   age -d -i county-age.key -o payload.zip payload.zip.age
                   unzip payload.zip   ->  records/<table>.jsonl (one JSON object per line)

See docs/bundle-format.md of the program.
"""


class ExportFailed(DomainError):
    """The bundle could not be written; nothing half-written was left behind."""


@dataclass
class ExportPlan:
    """What an export would contain."""

    kind: str
    seq: int
    from_seq: int
    to_seq: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ExportResult:
    """A bundle written and verified."""

    path: Path
    seq: int
    kind: str
    from_seq: int
    to_seq: int
    counts: dict[str, int]
    size: int
    sha256: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _require_station(desk):
    identity = desk.identity
    if identity is None:
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "This data directory is not set up yet.")))
    if identity.role != "station":
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only a station exports sync bundles.")))
    card = station_county_card(desk)
    if card is None:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Load the county's key card first (xiangyun-desk load-county-key FILE, or 同步 → 载入县总工会密钥卡).")))
    return identity, card


def _plan(session, code: str, full: bool) -> ExportPlan:
    last = session.execute(select(BundleExport.seq, BundleExport.to_seq)
                           .order_by(BundleExport.seq.desc()).limit(1)).first()
    seq = (last[0] if last else 0) + 1
    from_seq = 0 if full or last is None else last[1]
    to_seq = session.execute(select(ChangeCounter.last_seq).where(ChangeCounter.id == 1)).scalar_one()
    to_seq = max(to_seq, from_seq)
    counts = {}
    for name, model in F.TABLES.items():
        t = model.__table__
        counts[name] = session.execute(select(func.count()).select_from(t).where(
            t.c.station_code == code, t.c.change_seq > from_seq, t.c.change_seq <= to_seq)).scalar_one()
    return ExportPlan("full" if full else "incremental", seq, from_seq, to_seq, counts)


def preview_export(desk, full: bool = False) -> ExportPlan:
    """What ``export_bundle`` would write now (nothing is written)."""
    require(desk, Perm.READ)
    identity = desk.identity
    with desk.db.session() as s, s.begin():
        return _plan(s, identity.code if identity else "", full)


def export_history(desk) -> list[dict]:
    """Bundles written by this station, newest first."""
    require(desk, Perm.READ)
    recover_pending_export(desk)
    with desk.db.session() as s:
        rows = s.scalars(select(BundleExport).order_by(BundleExport.seq.desc())).all()
        return [{"seq": r.seq, "file_name": r.file_name, "folder": r.folder, "kind": r.kind,
                 "from_seq": r.from_seq, "to_seq": r.to_seq, "records": r.record_count,
                 "counts": json.loads(r.counts), "sha256": r.sha256, "created_at": r.created_at,
                 "confirmed_at": r.confirmed_at} for r in rows]


class _HashSink:
    """A write-only file that keeps nothing (reading a payload back to hash it)."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def write_signed_file(target: Path, manifest_bytes: bytes, signature: bytes, payload: IO[bytes],
                      payload_name: str, readme: str,
                      before_final_name: Callable[[Path], None] | None = None) -> None:
    """Write a bundle file (manifest, signature, payload, readme; stored zip) whole or not at all
    (storage/files.py). ``before_final_name(temporary_path)`` runs once the complete file is on
    disk and before it takes its name: reading it back, recording its number."""
    size = payload.seek(0, os.SEEK_END)
    payload.seek(0)
    saver = AtomicFile(target)
    try:
        with saver as partial:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr(F.MANIFEST, manifest_bytes)
                zf.writestr(F.SIGNATURE, signature)
                info = zipfile.ZipInfo(payload_name, dt.datetime.now().timetuple()[:6])
                info.file_size = size
                info.external_attr = 0o644 << 16
                with zf.open(info, "w") as out:
                    shutil.copyfileobj(payload, out, 1024 * 1024)
                zf.writestr(F.README, readme.encode())
            saver.sync()
            if before_final_name is not None:
                before_final_name(partial)
    except Exception as exc:
        fault = saver.fault(exc)  # a full, write-protected or pulled-out stick: what to do
        if fault is None:
            raise
        raise ExportFailed(fault.message) from exc


def export_bundle(desk, out_dir: Path, full: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None,
                  now: dt.datetime | None = None) -> ExportResult:
    """Write this station's next bundle into ``out_dir`` and verify it; returns what was written.

    Incremental: every own record whose change sequence is above the last exported bundle's
    range; full: every own record (tombstones included). ``progress(done, total)`` is called
    now and then; ``cancelled()`` returning True stops before anything is recorded.

    Needs the export permission; the export history row and the audit entry (bundle number,
    kind, change range, counts) are written in one transaction once the file has read back.
    """
    require(desk, Perm.EXPORT)
    identity, card = _require_station(desk)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The folder {path} does not exist."), path=str(out_dir)))
    key = KeyStore(desk.data_dir).station_signing_key(create=True)
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    recipient = x25519.Recipient.from_str(card.age_recipient)

    recover_pending_export(desk)
    tables: dict[str, dict] = {}
    # The records in clear exist only in an anonymous scratch file inside the data directory.
    with scratch_file(desk.data_dir) as inner, scratch_file(desk.data_dir) as encrypted:
        with desk.db.session() as s, s.begin():  # one read snapshot for plan and records
            plan = _plan(s, identity.code, full)
            total = plan.total
            done = 0
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
                for name, model in F.TABLES.items():
                    t = model.__table__
                    sha = hashlib.sha256()
                    count = 0
                    stmt = (select(t).where(t.c.station_code == identity.code,
                                            t.c.change_seq > plan.from_seq,
                                            t.c.change_seq <= plan.to_seq)
                            .order_by(t.c.change_seq))
                    with zf.open(F.table_file(name), "w", force_zip64=True) as out:
                        buffer = bytearray()
                        for row in s.execute(stmt).mappings().yield_per(2000):
                            line = F.encode_record(dict(row))
                            sha.update(line)
                            buffer += line
                            count += 1
                            if len(buffer) > 1024 * 1024:
                                out.write(buffer)
                                buffer.clear()
                            if count % 5000 == 0:
                                if cancelled and cancelled():
                                    raise ExportCancelled()
                                if progress:
                                    progress(done + count, total)
                        out.write(buffer)
                    done += count
                    tables[name] = {"file": F.table_file(name), "count": count,
                                    "sha256": sha.hexdigest()}
        if progress:
            progress(total, total)
        try:
            inner.seek(0)
            pyrage.encrypt_io(inner, encrypted, [recipient])
            encrypted.flush()
        except OSError as exc:
            raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The bundle could not be written: {error}"), error=str(exc))) from exc
        inner.close()  # the clear records are gone from here on
        payload_sha = F.stream_sha256(encrypted)
        manifest = {
            "format": F.BUNDLE_FORMAT,
            "format_version": F.FORMAT_VERSION,
            "kind": plan.kind,
            "county_code": card.county_code,
            "county_fingerprint": card.fingerprint,
            "age_recipient": card.age_recipient,
            "station": {"code": identity.code, "name": identity.name,
                        "township": identity.township},
            "station_signing_key": public_key_b64(key),
            "bundle_seq": plan.seq,
            "change_seq": {"from": plan.from_seq, "to": plan.to_seq},
            "created_at": F.utc_text(created),
            "app_version": __version__,
            "payload": {"file": F.PAYLOAD_ENCRYPTED, "size": encrypted.seek(0, os.SEEK_END),
                        "sha256": payload_sha, "encryption": "age-x25519",
                        "content": "zip of records/<table>.jsonl"},
            "tables": tables,
        }
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        signature = base64.b64encode(key.sign(manifest_bytes)) + b"\n"
        name = F.bundle_filename(card.county_code, identity.code, identity.name,
                                 (now or dt.datetime.now()).date(), plan.seq)
        target = out_dir / name
        n = 1
        while target.exists():
            n += 1
            target = out_dir / name.replace(F.BUNDLE_SUFFIX, f"-{n}{F.BUNDLE_SUFFIX}")
        counts = {k: v["count"] for k, v in tables.items()}
        file_sha: list[str] = []

        def record(partial: Path) -> None:
            """Read the complete file back, then record its number before it takes its name:
            a crash from here on leaves a history that knows the number (recovered at start)."""
            _read_back(partial, manifest_bytes, public_key_b64(key), payload_sha)
            file_sha.append(F.file_sha256(partial))
            with desk.db.session() as s, s.begin():
                s.add(BundleExport(seq=plan.seq, file_name=target.name, folder=str(out_dir),
                                   kind=plan.kind, from_seq=plan.from_seq, to_seq=plan.to_seq,
                                   record_count=sum(counts.values()),
                                   counts=json.dumps(counts), sha256=file_sha[0],
                                   created_at=created))
                s.merge(Setting(key=PENDING_EXPORT_SETTING, value=json.dumps(
                    {"seq": plan.seq, "target": str(target), "temp": str(partial),
                     "sha256": file_sha[0]})))
                desk.audit.record("export", None, None, {
                    "bundle": "sync", "file": target.name, "folder": str(out_dir),
                    "bundle_seq": plan.seq, "kind": plan.kind,
                    "change_seq": [plan.from_seq, plan.to_seq], "records": sum(counts.values()),
                    "counts": {F.REGISTER_OF.get(k, k): v for k, v in counts.items() if v}}, s=s)

        try:
            write_signed_file(target, manifest_bytes, signature, encrypted, F.PAYLOAD_ENCRYPTED,
                              README_TEXT, before_final_name=record)
        except BaseException:
            if file_sha:  # recorded, but the file did not take its name: the number is free
                _forget_export(desk, plan.seq, target)
            raise
    _clear_pending(desk)
    return ExportResult(target, plan.seq, plan.kind, plan.from_seq, plan.to_seq, counts,
                        target.stat().st_size, file_sha[0])


def _clear_pending(desk) -> None:
    with desk.db.session() as s, s.begin():
        row = s.get(Setting, PENDING_EXPORT_SETTING)
        if row is not None:
            s.delete(row)


def _forget_export(desk, seq: int, target: Path) -> None:
    """The bundle recorded as ``seq`` never took its name (the rename failed): free its number."""
    try:
        with desk.db.session() as s, s.begin():
            row = s.get(BundleExport, seq)
            if row is not None:
                s.delete(row)
            pending = s.get(Setting, PENDING_EXPORT_SETTING)
            if pending is not None:
                s.delete(pending)
            desk.audit.record("export", None, None, {
                "bundle": "sync", "file": target.name, "bundle_seq": seq, "failed": True}, s=s)
    except Exception:  # noqa: BLE001 - the marker stays; the next start keeps the number
        pass


def recover_pending_export(desk) -> None:
    """After a crash between recording a bundle's number and its final name (the marker written
    with the number is still there): finish the rename when the complete temporary file is
    still there. Either way the number stays recorded, so it is never given to a second bundle
    (a bundle whose file was lost shows as missing at the county; a full bundle makes up)."""
    with desk.db.session() as s:
        row = s.get(Setting, PENDING_EXPORT_SETTING)
        pending = json.loads(row.value) if row is not None else None
    if not pending:
        return
    target, temp = Path(pending["target"]), Path(pending["temp"])
    try:
        if not target.exists() and temp.exists() and F.file_sha256(temp) == pending["sha256"]:
            rename_durably(temp, target)
    except OSError:
        pass
    _clear_pending(desk)


class ExportCancelled(DomainError):
    """The user cancelled the export; nothing was written."""

    def __init__(self):
        super().__init__(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The export was cancelled; nothing was written.")))


def _read_back(path: Path, manifest_bytes: bytes, public_b64: str, payload_sha: str,
               expected_format: str = F.BUNDLE_FORMAT) -> None:
    """Open the written file like the county will (all but decryption) and compare."""
    def broken():
        return ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The bundle did not read back correctly from {path}; the file was removed. Try another USB stick or folder."), path=str(path.parent)))
    try:
        env = F.open_envelope(path, expected_format)
    except F.BundleRejected:
        raise broken() from None
    try:
        if env.manifest_bytes != manifest_bytes or not verify(public_b64, env.signature,
                                                               env.manifest_bytes):
            raise broken()
        if env.copy_payload(_HashSink(), env.manifest["payload"]["size"]) != payload_sha:
            raise broken()
    except (F.BundleRejected, OSError):
        raise broken() from None
    finally:
        env.close()
