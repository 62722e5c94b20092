"""Prefecture or province: import relay bundles from the tier below (docs/federation.md).

The import of station bundles (importer.py) with one more layer; the same transaction per file,
dry run, history, audit and report. Per relay file:

1. the outer zip and the manifest (schemas/relay-manifest.schema.json); the bundle must be for
   this tier and encrypted to this tier's key;
2. the forwarding tier's signature over the manifest, by the key in the manifest, and that key
   must be the one this tier enrolled for the forwarding tier by its key card's fingerprint,
   confirmed out of band (services/stations.py, tier rows). Any other is **held** (待确认) with
   the fingerprint to check, applied only after an administrator confirms it (``confirm``);
3. the payload hash, decryption, items.json and stations.json against their signed hashes;
4. the station keys the forwarding tier vouches for (stations.json) — only for stations of
   counties it may speak for (relay.py ``within``) — go into this tier's registry, re-keyed
   stations included (the replaced key is kept in the station's history);
5. every station bundle: the station's manifest and its signature by a key the forwarding tier
   vouched for; its records must hash to what the station signed (one altered record refuses
   the whole relay bundle); then the records are applied as at the county (validation at the
   door, newer change numbers win) under the station's country-wide code (``532923-03``).

All-or-nothing per relay bundle; a replay (``duplicate``) or an older one (``stale``) changes
nothing; gaps are reported per forwarding tier (relay numbers) and per station (its bundle
numbers). The station bundles are kept (relay_item) to be forwarded again by a prefecture.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select

from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...storage import zips as Z
from ...storage.files import scratch_file
from ...storage.sync_models import BundleImport, CountyStation
from . import format as F
from . import relay as R
from .apply import RecordApplier
from .importer import (
    HELD,
    RECEIVED,
    BundleImporter,
    ImportResult,
    gap_message,
    keep_for_relay,
    missing_numbers,
)
from .keys import fingerprint, verify
from .validate import DoorCheck

CTX = "Bundles"


def relay_gap_message(code: str, missing: list[int]) -> Any:
    listed = "、".join(str(n) for n in missing[:20]) + ("…" if len(missing) > 20 else "")
    return msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{code}: relay bundle(s) No. {numbers} not received."), code=code, numbers=listed)


class RelayImporter(BundleImporter):
    """Imports relay bundles into a prefecture's or province's store."""

    BUNDLE_KIND = "relay"

    @staticmethod
    def _peek(path: Path) -> tuple:
        try:
            env = F.open_envelope(path, F.RELAY_FORMAT)
        except Exception:  # noqa: BLE001 - sorting only; the import reports the problem
            return ("", 0, str(path))
        try:
            m = env.manifest
            sender = m.get("from") if isinstance(m.get("from"), dict) else {}
            seq = m.get("relay_seq") if isinstance(m.get("relay_seq"), int) else 0
            return (str(sender.get("code", "")), seq, str(path))
        finally:
            env.close()

    def _import(self, s, path: Path, result: ImportResult) -> None:
        identity = self.desk.identity
        if identity is None or not identity.is_upper:
            raise F.reject("not-upper", QT_TRANSLATE_NOOP("Bundles", "Only a prefecture or a province imports relay bundles."))
        env = F.open_envelope(path, F.RELAY_FORMAT)
        try:
            self._relay(s, env, path, result, identity)
        finally:
            env.close()

    # ---- the relay file --------------------------------------------------------------------

    def _relay(self, s, env: F.Envelope, path: Path, result: ImportResult, identity) -> None:
        m = env.manifest
        result.relay = True
        F.check_relay_manifest(m)
        sender = m["from"]
        code = sender["code"]
        result.station_code, result.station_name = code, sender["name"]
        result.bundle_seq, result.kind = m["relay_seq"], m["kind"]
        result.created_at = m["created_at"]
        result.change_seq = (m["range"]["from"], m["range"]["to"])
        result.manifest_sha256 = env.manifest_sha256
        result.file_sha256 = F.file_sha256(path)
        if m["to"]["code"] != identity.code:
            raise F.reject("wrong-tier", QT_TRANSLATE_NOOP("Bundles", "The relay bundle is for {theirs}, not for this installation ({ours})."), theirs=m["to"]["code"], ours=identity.code)
        if sender["tier"] != R.CHILD_TIER.get(identity.role) or code == identity.code:
            raise F.reject("wrong-tier", QT_TRANSLATE_NOOP("Bundles", "{code} does not report to this installation: its relay bundle cannot be imported here."), code=code)
        own = self.store.county_identity()
        if own is None:
            raise F.reject("no-key", QT_TRANSLATE_NOOP("Bundles", "This county installation has no decryption key (keys/county-age.key)."))
        if m["age_recipient"] != str(own.to_public()):
            raise F.reject("wrong-key", QT_TRANSLATE_NOOP("Bundles", "The relay bundle was encrypted for another key (fingerprint {theirs}). The tier below must load this installation's current key card and export a full relay bundle."), theirs=str(m["to"].get("fingerprint", "?"))[:40])
        if not verify(sender["signing_key"], env.signature, env.manifest_bytes):
            raise F.reject("bad-signature", QT_TRANSLATE_NOOP("Bundles", "The signature does not match: the file was changed after the tier below wrote it."))
        if not self._forwarder_trusted(s, m, result):
            return
        duplicate = s.scalar(select(BundleImport.id).where(
            BundleImport.station_code == code,
            BundleImport.manifest_sha256 == env.manifest_sha256,
            BundleImport.status.in_(("applied", "stale"))).limit(1))
        if duplicate is not None:
            result.status, result.reason_code = "duplicate", "duplicate"
            result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Relay bundle No. {seq} of {code} was imported before; nothing changes."), seq=m["relay_seq"], code=code)
            self._gaps(s, result, code, [])
            s.add(self._history_row(result, m))
            return
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
                raise F.reject("decrypt", QT_TRANSLATE_NOOP("Bundles", "The records cannot be decrypted with this installation's key.")) from None
            encrypted.close()
            plain.seek(0)
            try:
                archive = Z.BoundedZip(plain, R.RELAY_PAYLOAD_LIMITS)
            except Z.ZipRefused as exc:
                raise F._refused(exc, F._damaged_records()) from None
            try:
                self._items(s, archive, m, result)
            finally:
                archive.close()

    def _forwarder_trusted(self, s, m: dict, result: ImportResult) -> bool:
        """The forwarding tier's key against this tier's registry (the same enrolment as a
        county's stations): trusted, or held until an administrator confirms the fingerprint."""
        from .. import stations as registry  # not at module level: see importer._trusted

        sender = m["from"]
        code, key = sender["code"], sender["signing_key"]
        fp = fingerprint(sender["age_recipient"], key)
        result.fingerprint = fp
        row = registry.find(s, code, code)
        result.key_state = row.key_state if row is not None else None
        decision = registry.trust_tier(row, key, fp)
        confirmed = self.confirm.get(code)
        if decision == "held" and confirmed == fp:
            registry.accept_tier(s, self.desk, sender["tier"], code, sender["name"], key, fp,
                                 self.note)
            result.key_confirmed = True
            decision = "trusted"
        if decision == "held":
            result.status = HELD
            if row is None:
                result.reason_code = "unknown-station"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{code} is not enrolled here. Before applying its relay bundles, call it and check that its key card's fingerprint is {fp}, then confirm it."), code=code, fp=fp)
            elif row.key_state == "pending":
                result.reason_code = "key-unconfirmed"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key of {code} has not been confirmed. Call it and check that its key card's fingerprint is {fp}, then confirm it."), code=code, fp=fp)
            else:
                result.reason_code = "key-changed"
                result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{code} signed this relay bundle with another key (fingerprint {new}); the confirmed one is {old}. Check the new fingerprint by phone and confirm it."), code=code, new=fp, old=row.fingerprint or "")
            if confirmed:
                result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The fingerprint confirmed for station {code} ({typed}) is not the fingerprint of this bundle's key: nothing was confirmed."), code=code, typed=confirmed))
            self._gaps(s, result, code, [])
            if not result.dry_run:
                registry.offer_tier(s, sender["tier"], code, sender["name"], key, fp)
                s.add(self._history_row(result, m))
            return False
        if decision == "bind":
            registry.touch_tier(s, code, key)
        return True

    # ---- the station bundles inside --------------------------------------------------------

    @staticmethod
    def _index(archive: Z.BoundedZip, entry: dict, name: str) -> Any:
        if name not in archive.names:
            raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=name)
        try:
            data = archive.read(name, R.MAX_INDEX_BYTES)
        except Z.ZipRefused as exc:
            raise F._refused(exc, F._damaged_records()) from None
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise F.reject("table-hash", QT_TRANSLATE_NOOP("Bundles", "The records of {table} do not match the manifest."), table=name)
        doc = F.parse_json_bounded(data, name, R.MAX_INDEX_BYTES, check_depth=False)
        if not isinstance(doc, list) or len(doc) != entry["count"] \
                or not all(isinstance(d, dict) for d in doc):
            raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=name)
        return doc

    def _items(self, s, archive: Z.BoundedZip, m: dict, result: ImportResult) -> None:
        from .. import stations as registry

        sender = m["from"]
        items = self._index(archive, m["contents"]["items"], R.ITEMS_FILE)
        vouched = self._index(archive, m["contents"]["stations"], R.STATIONS_FILE)
        keys: dict[tuple[str, str], set[str]] = {}
        for entry in vouched:
            county, code = str(entry.get("county_code", "")), str(entry.get("code", ""))
            entry_keys = entry.get("keys")
            if not county.isdigit() or not code.isdigit() or not isinstance(entry_keys, list) \
                    or not all(isinstance(k, str) for k in entry_keys):
                raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=R.STATIONS_FILE)
            if not R.within(sender["tier"], sender["code"], county):
                raise F.reject("out-of-scope", QT_TRANSLATE_NOOP("Bundles", "{sender} vouches for station {station}, which is not under it."), sender=sender["code"], station=R.tier_code_qualified(county, code))
            keys[(county, code)] = set(entry_keys)
            current = entry.get("current_key") if isinstance(entry.get("current_key"), str) \
                else None
            registry.vouch(s, self.desk, county, code, str(entry.get("name", ""))[:100],
                           str(entry.get("township", ""))[:100], current, sender["code"],
                           county_name=str(entry.get("county_name", ""))[:100])
        touched: set[str] = set()
        totals: dict[str, dict[str, int]] = {}
        applied_any = False
        for entry in items:
            n = entry.get("n")
            if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=R.ITEMS_FILE)
            status, qualified, counts = self._item(s, archive, n, sender, keys, result)
            if "-" in qualified:  # a station (not a county's own records)
                touched.add(qualified)
            applied_any = applied_any or status == "applied"
            for table, c in counts.items():
                into = totals.setdefault(table, F.empty_counts())
                for k, v in c.items():
                    into[k] += v
        result.counts = totals
        code = sender["code"]
        received = self._received(s, code)
        newest = max((seq for seq, _k in received), default=None)
        changed = sum(c["new"] + c["updated"] + c["deleted"] for c in totals.values())
        if not applied_any and changed == 0 and newest is not None and m["relay_seq"] < newest:
            result.status, result.reason_code = "stale", "stale"
            result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Relay bundle No. {seq} is older than No. {newest} already imported; nothing changes."), seq=m["relay_seq"], newest=newest)
        else:
            result.status, result.reason_code = "applied", ""
        rejected = sum(c["rejected"] for c in totals.values())
        if rejected:
            result.warnings.append(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{n} record(s) were refused; see the list. The rest of the bundle was applied."), n=rejected))
        s.add(self._history_row(result, m))
        s.flush()
        self._gaps(s, result, code, sorted(touched))

    def _item(self, s, archive: Z.BoundedZip, n: int, sender: dict,
              keys: dict[tuple[str, str], set[str]], result: ImportResult):
        """One station bundle of the relay: checked against its station's signature and
        applied; returns (status, qualified code, counts)."""
        try:
            manifest_bytes = archive.read(R.item_entry(n, F.MANIFEST), R.ITEM_MANIFEST_BYTES)
            signature_text = archive.read(R.item_entry(n, F.SIGNATURE), F.MAX_SIGNATURE_BYTES)
        except KeyError:
            raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=R.item_entry(n, F.MANIFEST)) from None
        except Z.ZipRefused as exc:
            raise F._refused(exc, F._damaged_records()) from None
        sm = F.parse_json_bounded(manifest_bytes, F.MANIFEST, R.ITEM_MANIFEST_BYTES)
        if not isinstance(sm, dict) or sm.get("format") != F.BUNDLE_FORMAT:
            raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "{what} is not valid JSON."), what=R.item_entry(n, F.MANIFEST))
        F.check_bundle_manifest(sm)
        county, code = sm["county_code"], sm["station"]["code"]
        # A county's own records (its job fairs) keep the county's code; stations get theirs.
        own = code == county
        qualified = county if own else R.tier_code_qualified(county, code)
        seq = sm["bundle_seq"]
        try:
            signature = base64.b64decode(signature_text.strip(), validate=True)
        except (binascii.Error, ValueError):
            signature = b""
        key = sm["station_signing_key"]
        if not verify(key, signature, manifest_bytes):
            raise F.reject("station-signature", QT_TRANSLATE_NOOP("Bundles", "Bundle No. {seq} of station {station} does not carry the station's valid signature: it was changed after the station signed it."), seq=seq, station=qualified)
        if not R.within(sender["tier"], sender["code"], county):
            raise F.reject("out-of-scope", QT_TRANSLATE_NOOP("Bundles", "{sender} vouches for station {station}, which is not under it."), sender=sender["code"], station=qualified)
        if key not in keys.get((county, code), set()):
            raise F.reject("station-key", QT_TRANSLATE_NOOP("Bundles", "Bundle No. {seq} of station {station} is signed by a key (fingerprint {fp}) that {sender} did not confirm for the station."), seq=seq, station=qualified, fp=fingerprint(key), sender=sender["code"])
        sha = hashlib.sha256(manifest_bytes).hexdigest()
        entry: dict[str, Any] = {"station": qualified, "name": sm["station"]["name"],
                                 "bundle_seq": seq, "kind": sm["kind"]}
        done = s.scalar(select(BundleImport.id).where(
            BundleImport.station_code == qualified, BundleImport.manifest_sha256 == sha,
            BundleImport.status.in_(RECEIVED)).limit(1))
        counts: dict[str, dict[str, int]] = {}
        name = R.item_entry(n, F.PAYLOAD_PLAIN)
        if name not in archive.names:
            raise F.reject("malformed", QT_TRANSLATE_NOOP("Bundles", "The file is not a complete bundle: {name} is missing."), name=name)
        with scratch_file(self.desk.data_dir) as plain:
            try:
                with archive.open(name, R.ITEM_PAYLOAD_BYTES) as part:
                    while chunk := part.read(1024 * 1024):
                        plain.write(chunk)
            except Z.ZipRefused as exc:
                raise F._refused(exc, F._damaged_records()) from None
            plain.flush()
            plain.seek(0)
            payload = F.Payload(plain, tuple(F.TABLES))
            try:
                applier = RecordApplier(s, code, transform=self._qualify(qualified),
                                        door=DoorCheck(sm["change_seq"]["from"],
                                                       sm["change_seq"]["to"],
                                                       fair_sources=("local", "county")
                                                       if own else ("local",)))
                for table in F.TABLES:
                    stats: dict[str, Any] = {}
                    if done is not None:  # replayed: the hashes still prove the records
                        for _doc in payload.lines(table, stats):
                            pass
                    else:
                        applier.apply_table(table, payload.lines(table, stats))
                    signed = sm["tables"][table]
                    if stats.get("count") != signed["count"] \
                            or stats.get("sha256") != signed["sha256"]:
                        raise F.reject("altered", QT_TRANSLATE_NOOP("Bundles", "The records of station {station} (bundle No. {seq}, {table}) do not match what the station signed: they were changed on the way. Nothing of this relay bundle was applied."), station=qualified, seq=seq, table=table)
            finally:
                payload.close()
            if done is not None:
                status = "duplicate"
            else:
                counts = applier.counts
                newest = max((q for q, _k in self._received(s, qualified)), default=None)
                status = "stale" if applier.changed == 0 and newest is not None \
                    and seq < newest else "applied"
                for r in applier.rejected[:50]:
                    result.rejected_records.append({**r, "id": f"{qualified}:{r['id']}"})
                plain.seek(0)
                raw = plain.read()
        entry.update(status=status, counts={F.REGISTER_OF.get(t, t): c
                                            for t, c in counts.items()})
        if own:  # not a station: no bundle numbers of its own, kept to be forwarded
            if status == "applied":
                keep_for_relay(s, manifest_bytes, signature, raw, sm, via=sender["code"])
            return status, qualified, counts
        result.relayed.append(entry)
        if status != "duplicate":
            s.add(BundleImport(
                file_name=result.file[:255], file_sha256=result.file_sha256,
                manifest_sha256=sha, station_code=qualified,
                station_name=sm["station"]["name"][:100], bundle_seq=seq, kind=sm["kind"],
                from_seq=sm["change_seq"]["from"], to_seq=sm["change_seq"]["to"],
                bundle_created_at=F.parse_utc(sm["created_at"]), status=status,
                reason="", report=json.dumps({"relay": result.station_code,
                                              "relay_seq": result.bundle_seq,
                                              "counts": counts})))
            if status == "applied":
                keep_for_relay(s, manifest_bytes, signature, raw, sm, via=sender["code"])
                registry_touch(s, county, code)
        return status, qualified, counts

    @staticmethod
    def _qualify(qualified: str):
        def transform(_table: str, rec: dict[str, Any]) -> None:
            rec["station_code"] = qualified
        return transform

    def _gaps(self, s, result: ImportResult, code: str, stations: list[str]) -> None:
        result.missing = missing_numbers(self._received(s, code))
        if result.missing:
            result.warnings.append(relay_gap_message(code, result.missing))
        for qualified in stations:
            missing = missing_numbers(self._received(s, qualified))
            if missing:
                result.station_missing[qualified] = missing
                result.warnings.append(gap_message(qualified, missing))


def registry_touch(s, county: str, code: str) -> None:
    """The time of the station's last bundle, as at the county."""
    from ...storage.models import utcnow

    row = s.scalar(select(CountyStation).where(CountyStation.county_code == county,
                                               CountyStation.code == code))
    if row is not None:
        row.last_import_at = utcnow()


def import_relay(desk, path: Path, dry_run: bool = False) -> ImportResult:
    """Import one relay bundle file (convenience for scripts)."""
    return RelayImporter(desk).import_files([Path(path)], dry_run=dry_run)[0]
