"""County side: import station bundles (dry run first), one transaction per bundle.

Per file: the outer zip and manifest are checked, the county and the recipient key must be ours,
the signature must be by the key in the manifest, and that key must be the one the county's
station registry trusts for the station (services/stations.py). A bundle from a station not in
the list, without a confirmed key, or signed by another key is **held** (待确认): nothing is
decrypted or applied until a county administrator confirms the key's fingerprint. Then the
payload hash is checked, the records are decrypted, validated and applied in one transaction
(rolled back for a dry run or on any error). One bad file never stops the others; every attempt
lands in the import history.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select

from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage.files import scratch_file
from ...storage.models import utcnow
from ...storage.sync_models import BundleImport, RelayItem
from . import format as F
from .access import Perm, counts_detail, reason_detail, require
from .apply import RecordApplier
from .keys import KeyProblem, KeyStore, fingerprint, parse_fingerprint, verify
from .validate import DoorCheck

CTX = "Bundles"
log = logging.getLogger(__name__)
RECEIVED = ("applied", "stale", "duplicate")
HELD = "held"


@dataclass
class ImportResult:
    """What happened (or, in a dry run, would happen) to one bundle file."""

    file: str
    status: str = "rejected"  # applied | duplicate | stale | held | rejected
    reason_code: str = ""
    reason: Message | None = None
    dry_run: bool = False
    station_code: str | None = None
    station_name: str | None = None
    bundle_seq: int | None = None
    kind: str | None = None
    created_at: str | None = None
    change_seq: tuple[int, int] | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    rejected_records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    key_confirmed: bool = False  # an administrator confirmed the signer's key with this import
    fingerprint: str | None = None  # of the key that signed the bundle
    key_state: str | None = None  # the registry's state of the station (before this import)
    file_sha256: str | None = None
    manifest_sha256: str | None = None
    # A relay bundle (relay_import.py): one entry per station bundle it carried
    # ({station, name, bundle_seq, status, counts}) and the gaps per station.
    relayed: list[dict[str, Any]] = field(default_factory=list)
    station_missing: dict[str, list[int]] = field(default_factory=dict)
    relay: bool = False  # a relay bundle: station_code / bundle_seq are the forwarding tier's

    @property
    def changed(self) -> int:
        return sum(c["new"] + c["updated"] + c["deleted"] for c in self.counts.values())

    def register_counts(self) -> dict[str, dict[str, int]]:
        """Counts keyed by register (visits, relief, fairs, ...) rather than by table."""
        return {F.REGISTER_OF.get(t, t): c for t, c in self.counts.items()}

    def to_json(self, translate=None) -> dict[str, Any]:
        render = (lambda m: m.render(translate)) if translate else (lambda m: m.render())
        return {
            "file": self.file, "status": self.status, "dry_run": self.dry_run,
            "reason_code": self.reason_code, "reason": render(self.reason) if self.reason else "",
            "station_code": self.station_code, "station_name": self.station_name,
            "bundle_seq": self.bundle_seq, "kind": self.kind, "created_at": self.created_at,
            "change_seq": list(self.change_seq) if self.change_seq else None,
            "counts": self.register_counts(),
            "rejected_records": [{"register": F.REGISTER_OF.get(r["table"], r["table"]),
                                  "id": r["id"], "field": r.get("field", ""),
                                  "reason": render(r["reason"])}
                                 for r in self.rejected_records],
            "warnings": [render(w) for w in self.warnings],
            "missing_bundles": self.missing, "fingerprint": self.fingerprint,
            "key_state": self.key_state, "key_confirmed": self.key_confirmed,
            "key_pinned": self.key_confirmed,  # the name before station enrolment (kept for scripts)
            "relayed": self.relayed, "station_missing": self.station_missing,
            "relay": self.relay,
        }

    @property
    def held(self) -> bool:
        return self.status == HELD

    @classmethod
    def from_history(cls, report: str) -> dict[str, Any]:
        return json.loads(report)


def keep_for_relay(s, manifest_bytes: bytes, signature: bytes, payload: bytes, m: dict,
                   via: str) -> None:
    """Keep an applied station bundle as the station signed it (relay_item), once, for the relay
    bundles to the next tier (services/bundles/relay_export.py)."""
    sha = hashlib.sha256(manifest_bytes).hexdigest()
    county, code = m["county_code"], m["station"]["code"]
    if s.scalar(select(RelayItem.id).where(RelayItem.county_code == county,
                                           RelayItem.station_code == code,
                                           RelayItem.manifest_sha256 == sha)) is not None:
        return
    s.add(RelayItem(county_code=county, station_code=code, bundle_seq=m["bundle_seq"],
                    kind=m["kind"], signing_key=m["station_signing_key"], manifest_sha256=sha,
                    manifest=manifest_bytes, signature=signature, payload=payload, via=via,
                    received_at=utcnow()))


def missing_numbers(received: list[tuple[int, str | None]]) -> list[int]:
    """Bundle numbers not received, given (seq, kind) of those received. A full bundle covers
    everything before it, so only gaps after the newest full bundle are missing."""
    if not received:
        return []
    seqs = {s for s, _k in received}
    floor = max((s for s, k in received if k == "full"), default=0)
    return [n for n in range(floor + 1, max(seqs) + 1) if n not in seqs]


def gap_message(code: str, missing: list[int]) -> Message:
    listed = "、".join(str(n) for n in missing[:20]) + ("…" if len(missing) > 20 else "")
    return msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Station {code}: bundle(s) No. {numbers} not received."), code=code, numbers=listed)


class BundleImporter:
    """Imports station bundles into a county database."""

    def __init__(self, desk):
        self.desk = desk
        self.store = KeyStore(desk.data_dir)

    def import_files(self, paths: list[Path], dry_run: bool = False, backup: bool = True,
                     progress=None, confirm: Mapping[str, str] | None = None,
                     note: str = "") -> list[ImportResult]:
        """Import (or dry-run) every file; results in the order given. Files of one station are
        applied in bundle-number order whatever order they were given in.

        A dry run applies the whole batch in one transaction (each bundle in a savepoint) and
        rolls it back, so its report is exactly what the real import would do.

        ``confirm`` maps a station code to the fingerprint an administrator confirmed with the
        station (by phone): a bundle of that station held for its key is then applied, and the
        key becomes the station's confirmed key, in the bundle's transaction (recorded). A
        fingerprint that is not the signer's confirms nothing: the bundle stays held.

        Needs the import permission (a dry run too: it decrypts the records), and the
        administrator's for a confirmation. A real import writes one audit entry per file
        (services/bundles/access.py).
        """
        require(self.desk, Perm.IMPORT)
        self.confirm: dict[str, str] = {}
        self.note = note
        if confirm:
            require(self.desk, Perm.ADMIN)
            for code, fp in confirm.items():
                try:
                    self.confirm[str(code)] = parse_fingerprint(fp)
                except KeyProblem as exc:
                    raise F.BundleRejected("fingerprint", exc.message) from None
        paths = [Path(p) for p in paths]
        order = sorted(range(len(paths)), key=lambda i: self._peek(paths[i]))
        if not dry_run and backup and paths and self.desk.identity \
                and self.desk.identity.is_tier:
            # At most one whole copy a day (the program's start makes it in the background);
            # each applied bundle keeps an undo record of what it changed (undo.py).
            self.desk.backups.backup_if_due(reason="before-import")
        results: dict[int, ImportResult] = {}
        with self.desk.db.session() as s:
            if dry_run:
                s.begin()
            try:
                for n, i in enumerate(order):
                    if progress:
                        progress(n, len(paths), paths[i].name)
                    results[i] = self._one(s, paths[i], dry_run)
            finally:
                if dry_run:
                    s.rollback()
        if progress:
            progress(len(paths), len(paths), "")
        return [results[i] for i in range(len(paths))]

    @staticmethod
    def _peek(path: Path) -> tuple:
        try:
            env = F.open_envelope(path, F.BUNDLE_FORMAT)
        except Exception:  # noqa: BLE001 - sorting only; the real import reports the problem
            return ("", 0, str(path))
        try:
            m = env.manifest
            station = m.get("station") if isinstance(m.get("station"), dict) else {}
            seq = m.get("bundle_seq") if isinstance(m.get("bundle_seq"), int) else 0
            return (str(station.get("code", "")), seq, str(path))
        finally:
            env.close()

    def import_file(self, path: Path, dry_run: bool = False,
                    confirm: Mapping[str, str] | None = None) -> ImportResult:
        """One file; never raises for a bad file (the result says why it was refused)."""
        return self.import_files([path], dry_run=dry_run, backup=False, confirm=confirm)[0]

    def _one(self, s, path: Path, dry_run: bool) -> ImportResult:
        result = ImportResult(file=path.name, dry_run=dry_run)
        # A real import: one transaction per bundle. A dry run: a savepoint in the batch's one.
        tx = s.begin_nested() if dry_run else s.begin()
        try:
            self._import(s, path, result)
            if not dry_run:  # in the bundle's own transaction: applied <=> recorded
                self._audit(s, result)
            tx.commit()
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
            tx.rollback()
            result.counts = {}
            result.status = "rejected"
            if isinstance(exc, F.BundleRejected):
                result.reason_code, result.reason = exc.code, exc.message
            else:  # a bug or an unexpected OS error: still only this file
                log.exception("import of %s failed", path)
                result.reason_code = "error"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Unexpected error: {error}"), error=f"{type(exc).__name__}: {exc}"[:300])
            if not dry_run:  # the refusal is kept, with its reason, in history and audit log
                with s.begin():
                    s.add(self._history_row(result, None))
                    self._audit(s, result)
        return result

    BUNDLE_KIND = "sync"  # in the audit entry ("relay" for relay bundles)

    def _audit(self, s, result: ImportResult) -> None:
        """The audit entry of one imported (or refused) bundle file, in ``s``'s transaction."""
        detail = {"bundle": self.BUNDLE_KIND, "file": result.file, "status": result.status,
                  "station": result.station_code, "bundle_seq": result.bundle_seq,
                  "kind": result.kind,
                  "change_seq": list(result.change_seq) if result.change_seq else None}
        detail.update(reason_detail(result.reason_code, result.reason))
        if result.status != "rejected":
            detail.update(counts_detail(result.counts))
        if result.fingerprint and result.status in (HELD, "applied"):
            detail["fingerprint"] = result.fingerprint
        if result.key_confirmed and result.status == "applied":
            detail["key_confirmed"] = True
        self.desk.audit.record("import", None, None,
                               {k: v for k, v in detail.items() if v is not None}, s=s)

    # ---- the steps -----------------------------------------------------------------------------

    def _import(self, s, path: Path, result: ImportResult) -> None:
        identity = self.desk.identity
        if identity is None or identity.role != "county":
            raise F.reject("not-county", QT_TRANSLATE_NOOP("Bundles", "Only the county imports station bundles."))
        env = F.open_envelope(path, F.BUNDLE_FORMAT)
        try:
            self._import_envelope(s, env, path, result, identity)
        finally:
            env.close()

    def _import_envelope(self, s, env: F.Envelope, path: Path, result: ImportResult,
                         identity) -> None:
        m = env.manifest
        F.check_bundle_manifest(m)
        station = m["station"]
        result.station_code, result.station_name = station["code"], station["name"]
        result.bundle_seq, result.kind = m["bundle_seq"], m["kind"]
        result.created_at = m["created_at"]
        result.change_seq = (m["change_seq"]["from"], m["change_seq"]["to"])
        result.manifest_sha256 = env.manifest_sha256
        result.file_sha256 = F.file_sha256(path)
        code = station["code"]
        if m["county_code"] != identity.code:
            raise F.reject("wrong-county", QT_TRANSLATE_NOOP("Bundles", "The bundle is for county {theirs}, not for this county ({ours})."), theirs=m["county_code"], ours=identity.code)
        if code == identity.code:
            raise F.reject("wrong-station", QT_TRANSLATE_NOOP("Bundles", "The bundle claims to come from the county itself ({code})."), code=code)
        own = self.store.county_identity()
        if own is None:
            raise F.reject("no-key", QT_TRANSLATE_NOOP("Bundles", "This county installation has no decryption key (keys/county-age.key)."))
        own_recipient = str(own.to_public())
        if m["age_recipient"] != own_recipient:
            raise F.reject("wrong-key", QT_TRANSLATE_NOOP("Bundles", "The bundle was encrypted for another county key (fingerprint {theirs}). The station must load this county's current key card and export a full bundle."), theirs=str(m.get("county_fingerprint", "?"))[:40])
        signing = m["station_signing_key"]
        if not verify(signing, env.signature, env.manifest_bytes):
            raise F.reject("bad-signature", QT_TRANSLATE_NOOP("Bundles", "The signature does not match: the file was changed after the station wrote it."))
        if not self._trusted(s, m, result, identity.code):
            return
        duplicate = s.scalar(select(BundleImport.id).where(
            BundleImport.station_code == code,
            BundleImport.manifest_sha256 == env.manifest_sha256,
            BundleImport.status.in_(("applied", "stale"))).limit(1))
        expected = F.bundle_filename(m["county_code"], code, station["name"],
                                     F.parse_utc(m["created_at"]).date(), m["bundle_seq"])
        if path.suffix != F.BUNDLE_SUFFIX or not path.name.startswith(expected[:-len(F.BUNDLE_SUFFIX) - 14]):
            result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The file was renamed (the station wrote it as {name}); its contents decide, not its name."), name=expected))
        if duplicate is not None:
            result.status, result.reason_code = "duplicate", "duplicate"
            result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Bundle No. {seq} of station {code} was imported before; nothing changes."), seq=m["bundle_seq"], code=code)
            result.missing = missing_numbers(self._received(s, code))
            s.add(self._history_row(result, m))
            return
        # The decrypted records exist only in an anonymous scratch file inside the data
        # directory: no name on disk, gone with the process however it ends.
        with scratch_file(self.desk.data_dir) as encrypted, \
                scratch_file(self.desk.data_dir) as plain:
            sha = env.copy_payload(encrypted, m["payload"]["size"])
            size = encrypted.seek(0, os.SEEK_END)
            if sha != m["payload"]["sha256"] or size != m["payload"]["size"]:
                raise F.reject("payload-hash", QT_TRANSLATE_NOOP("Bundles", "The encrypted records do not match the manifest: the file is damaged or was changed."))
            try:
                encrypted.seek(0)
                pyrage.decrypt_io(encrypted, plain, [own])
            except pyrage.DecryptError:
                raise F.reject("decrypt", QT_TRANSLATE_NOOP("Bundles", "The records cannot be decrypted with this county's key.")) from None
            encrypted.close()
            plain.seek(0)
            payload = F.Payload(plain, tuple(F.TABLES))
            try:
                self._apply(s, payload, m, result)
            finally:
                payload.close()
            if result.status == "applied":  # kept as the station signed it, to forward upward
                plain.seek(0)
                keep_for_relay(s, env.manifest_bytes, env.signature, plain.read(), m, via="")

    def _apply(self, s, payload: F.Payload, m: dict, result: ImportResult) -> None:
        code = m["station"]["code"]
        undo: list[tuple[str, str, str | None]] = []  # what an undo puts back (undo.py)

        def journal(table: str, added: list[str], before: list[dict[str, Any]]) -> None:
            undo.extend((table, rid, None) for rid in added)
            undo.extend((table, row["id"], F.encode_record(row).decode()) for row in before)

        applier = RecordApplier(s, code, door=DoorCheck(m["change_seq"]["from"],
                                                        m["change_seq"]["to"]), journal=journal)
        for name in F.TABLES:
            stats: dict[str, Any] = {}
            applier.apply_table(name, payload.lines(name, stats))
            entry = m["tables"][name]
            if stats.get("count") != entry["count"] or stats.get("sha256") != entry["sha256"]:
                raise F.reject("table-hash", QT_TRANSLATE_NOOP("Bundles", "The records of {table} do not match the manifest."), table=name)
        result.counts = applier.counts
        result.rejected_records = applier.rejected
        received = self._received(s, code)
        newest = max((seq for seq, _k in received), default=None)
        if applier.changed == 0 and newest is not None and m["bundle_seq"] < newest:
            result.status, result.reason_code = "stale", "stale"
            result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Bundle No. {seq} is older than No. {newest} already imported; the county keeps the newer records."), seq=m["bundle_seq"], newest=newest)
        else:
            result.status, result.reason_code = "applied", ""
            if applier.older:
                result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{n} record(s) in this bundle are older than the county's copy and were left as they are."), n=applier.older))
        rejected = sum(c["rejected"] for c in applier.counts.values())
        if rejected:
            result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{n} record(s) were refused; see the list. The rest of the bundle was applied."), n=rejected))
        result.missing = missing_numbers(received + [(m["bundle_seq"], m["kind"])])
        self._enrol(s, m, result)
        history = self._history_row(result, m)
        s.add(history)
        if undo and result.status == "applied":
            from .undo import record_undo

            s.flush()  # the history row's id
            record_undo(s, history.id, undo)

    @staticmethod
    def _received(s, code: str) -> list[tuple[int, str | None]]:
        return [(seq, kind) for seq, kind in s.execute(
            select(BundleImport.bundle_seq, BundleImport.kind).where(
                BundleImport.station_code == code, BundleImport.status.in_(RECEIVED),
                BundleImport.bundle_seq.is_not(None)).distinct())]

    def _missing(self, code: str) -> list[int]:
        with self.desk.db.session() as s:
            return missing_numbers(self._received(s, code))

    def _trusted(self, s, m: dict, result: ImportResult, county_code: str) -> bool:
        """Whether the registry trusts the bundle's signer; a bundle it does not trust is held
        (result filled in, the offered key remembered at a real import) and False returned."""
        # Imported here: services/stations.py imports bundles.keys, i.e. this package, whose
        # __init__ imports this module (tests/test_import_cycles.py).
        from .. import stations as registry

        station = m["station"]
        code, key = station["code"], m["station_signing_key"]
        township = station.get("township") if isinstance(station.get("township"), str) else ""
        row = registry.find(s, county_code, code)
        fp = fingerprint(key)
        result.fingerprint = fp
        result.key_state = row.key_state if row is not None else None
        decision = registry.trust(row, key)
        confirmed = self.confirm.get(code)
        if decision == "held" and confirmed == fp:
            registry.accept(s, self.desk, county_code, code, station["name"], township, key,
                            confirmed, self.note)
            result.key_confirmed = True
            decision = "trusted"
        if decision == "held":
            result.status = HELD
            if row is None:
                result.reason_code = "unknown-station"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Station {code} is not in the county's list of stations. Before applying it, call the station and check that its key fingerprint (同步 → 本站密钥指纹) is {fp}, then confirm it."), code=code, fp=fp)
            elif row.key_state == "pending":
                result.reason_code = "key-unconfirmed"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key of station {code} has not been confirmed. Call the station and check that its key fingerprint is {fp}, then confirm it."), code=code, fp=fp)
            else:
                result.reason_code = "key-changed"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Station {code} signed this bundle with another key (fingerprint {new}); the confirmed key is {old}. If the station renewed its key, check the new fingerprint with the station by phone and confirm it."), code=code, new=fp, old=row.fingerprint or "")
            if confirmed:
                result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The fingerprint confirmed for station {code} ({typed}) is not the fingerprint of this bundle's key: nothing was confirmed."), code=code, typed=confirmed))
            result.missing = missing_numbers(self._received(s, code))
            if not result.dry_run:
                registry.offer(s, self.desk, county_code, code, station["name"], township, key)
                s.add(self._history_row(result, m))
            return False
        if row is not None and row.key_state == "first_use" and not result.key_confirmed:
            result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key of station {code} was accepted at its first bundle, without a check (confirmed by first use). Verify its fingerprint {fp} with the station and confirm it in 站点."), code=code, fp=fp))
        return True

    def _enrol(self, s, m: dict, result: ImportResult) -> None:
        from .. import stations as registry  # not at module level: see _trusted

        station = m["station"]
        township = station.get("township") if isinstance(station.get("township"), str) else ""
        registry.touch(s, self.desk.identity.code, station["code"], station["name"], township,
                       m["station_signing_key"])

    def _history_row(self, result: ImportResult, m: dict | None) -> BundleImport:
        created = None
        if result.created_at:
            try:
                created = F.parse_utc(result.created_at)
            except ValueError:
                created = None
        return BundleImport(
            imported_at=utcnow(), file_name=result.file[:255], file_sha256=result.file_sha256,
            manifest_sha256=result.manifest_sha256, station_code=result.station_code,
            station_name=(result.station_name or "")[:100] or None,
            bundle_seq=result.bundle_seq, kind=result.kind,
            from_seq=result.change_seq[0] if result.change_seq else None,
            to_seq=result.change_seq[1] if result.change_seq else None,
            bundle_created_at=created, status=result.status,
            reason=result.reason.render() if result.reason else "",
            report=json.dumps(_stored_report(result), ensure_ascii=False))


def _message_json(m: Message) -> dict[str, Any]:
    return {"context": m.context, "text": m.text, "params": {k: str(v) for k, v in m.params.items()}}


def _stored_report(result: ImportResult) -> dict[str, Any]:
    """The report as kept in the history (messages untranslated, so any language can show it)."""
    return {
        "file": result.file, "status": result.status, "reason_code": result.reason_code,
        "reason": _message_json(result.reason) if result.reason else None,
        "station_code": result.station_code, "station_name": result.station_name,
        "bundle_seq": result.bundle_seq, "kind": result.kind, "created_at": result.created_at,
        "counts": result.counts,
        "rejected_records": [{"table": r["table"], "id": r["id"], "field": r.get("field", ""),
                              "reason": _message_json(r["reason"])}
                             for r in result.rejected_records],
        "warnings": [_message_json(w) for w in result.warnings],
        "missing": result.missing, "key_confirmed": result.key_confirmed,
        "fingerprint": result.fingerprint, "key_state": result.key_state,
        "relayed": result.relayed, "station_missing": result.station_missing,
        "relay": result.relay,
    }


def result_from_history(report: str) -> ImportResult:
    """An ImportResult rebuilt from a history row's report (for showing it again)."""
    doc = json.loads(report or "{}")

    def message(d):
        return Message(d["context"], d["text"], d.get("params", {})) if d else None

    result = ImportResult(file=doc.get("file", ""), status=doc.get("status", ""),
                          reason_code=doc.get("reason_code", ""), reason=message(doc.get("reason")),
                          station_code=doc.get("station_code"),
                          station_name=doc.get("station_name"), bundle_seq=doc.get("bundle_seq"),
                          kind=doc.get("kind"), created_at=doc.get("created_at"),
                          counts=doc.get("counts") or {}, missing=doc.get("missing") or [],
                          key_confirmed=bool(doc.get("key_confirmed") or doc.get("key_pinned")),
                          fingerprint=doc.get("fingerprint"), key_state=doc.get("key_state"),
                          relayed=doc.get("relayed") or [],
                          station_missing=doc.get("station_missing") or {},
                          relay=bool(doc.get("relay")))
    result.rejected_records = [{"table": r["table"], "id": r["id"],
                                "field": r.get("field", ""), "reason": message(r["reason"])}
                               for r in doc.get("rejected_records", [])]
    result.warnings = [message(w) for w in doc.get("warnings", [])]
    return result


def import_history(desk, limit: int = 500) -> list[dict[str, Any]]:
    """Import attempts, newest first."""
    require(desk, Perm.READ)
    with desk.db.session() as s:
        rows = s.scalars(select(BundleImport).order_by(BundleImport.id.desc()).limit(limit)).all()
        return [{"id": r.id, "imported_at": r.imported_at, "file_name": r.file_name,
                 "station_code": r.station_code, "station_name": r.station_name,
                 "bundle_seq": r.bundle_seq, "kind": r.kind, "status": r.status,
                 "reason": r.reason, "report": r.report} for r in rows]


def reenrol_station(desk, code: str, fingerprint_text: str, note: str = ""):
    """Confirm a station's new key by the fingerprint it read out over the phone (after
    ``renew-station-key`` at the station): the same confirmation as any enrolment
    (services/stations.py, ``StationRegistry.confirm_key``). Administrator only; recorded."""
    from .. import stations as registry  # not at module level: see _trusted

    return registry.StationRegistry(desk).confirm_key(code, fingerprint_text, note)


def station_received(desk) -> dict[str, dict[str, Any]]:
    """Per station: bundle numbers received, the highest change sequence, last import."""
    out: dict[str, dict[str, Any]] = {}
    with desk.db.session() as s:
        for code, seq, kind, to_seq, created in s.execute(
                select(BundleImport.station_code, BundleImport.bundle_seq, BundleImport.kind,
                       BundleImport.to_seq, BundleImport.bundle_created_at).where(
                    BundleImport.status.in_(RECEIVED), BundleImport.station_code.is_not(None))):
            entry = out.setdefault(code, {"received": set(), "kinds": [], "to_seq": 0,
                                          "last_seq": 0, "last_created": None})
            entry["received"].add(seq)
            entry["kinds"].append((seq, kind))
            entry["to_seq"] = max(entry["to_seq"], to_seq or 0)
            if seq >= entry["last_seq"]:
                entry["last_seq"], entry["last_created"] = seq, created
    for entry in out.values():
        entry["missing"] = missing_numbers(entry["kinds"])
    return out


def import_bundle(desk, path: Path, dry_run: bool = False) -> ImportResult:
    """Import one bundle file (convenience for scripts and the self-check)."""
    return BundleImporter(desk).import_files([Path(path)], dry_run=dry_run)[0]
