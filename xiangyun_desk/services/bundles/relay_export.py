"""Forwarding tier (county or prefecture): write a relay bundle to the next tier.

The relay bundle holds the station bundles this tier applied (``relay_item``) exactly as the
stations signed them, the station keys this tier confirmed (``stations.json``), and a manifest
signed with this tier's signing key; the payload is encrypted to the next tier's key card
(relay.py ``load_upper_card``). Incremental (the items kept since the previous relay bundle) or
full (every item kept). The numbers and the history are the export bookkeeping of station
bundles (``bundle_export``), the file is written like a station bundle (export.py
``write_signed_file``: whole or not at all, read back before it takes its name).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyrage
from pyrage import x25519
from sqlalchemy import func, select
from sqlalchemy.orm import defer

from ... import __version__
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...storage.files import scratch_file
from ...storage.sync_models import BundleExport, CountyStation, RelayItem
from . import format as F
from . import relay as R
from .access import Perm, require
from .export import (
    ExportFailed,
    ExportPlan,
    ExportResult,
    _forget_export,
    _read_back,
    write_signed_file,
)
from .keys import KeyProblem, KeyStore, fingerprint, public_key_b64

CTX = "Bundles"
# A county's own records that travel upward: the job fairs it publishes and their employers
# (its stations' job seekers and intentions link to them). Its staff list stays at home.
OWN_TABLES = ("job_fair", "fair_employer")


def _require_forwarder(desk):
    identity = desk.identity
    if identity is None or identity.role not in R.PARENT_TIER:
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only a county or a prefecture forwards relay bundles to the next tier.")))
    card = R.upper_card(desk)
    if card is None:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Load the next tier's key card first (xiangyun-desk load-upper-key FILE).")))
    return identity, card


def _plan(s, full: bool) -> ExportPlan:
    last = s.execute(select(BundleExport.seq, BundleExport.to_seq)
                     .order_by(BundleExport.seq.desc()).limit(1)).first()
    seq = (last[0] if last else 0) + 1
    from_id = 0 if full or last is None else last[1]
    to_id = max(s.scalar(select(func.max(RelayItem.id))) or 0, from_id)
    count = s.scalar(select(func.count()).select_from(RelayItem).where(
        RelayItem.id > from_id, RelayItem.id <= to_id)) or 0
    return ExportPlan("full" if full else "incremental", seq, from_id, to_id, {"items": count})


def preview_relay(desk, full: bool = False) -> ExportPlan:
    """What ``export_relay`` would write now (``counts["items"]`` station bundles)."""
    require(desk, Perm.READ)
    with desk.db.session() as s, s.begin():
        return _plan(s, full)


def _county_name(s, identity, county: str) -> str:
    if county == identity.code:
        return identity.name
    row = s.scalar(select(CountyStation).where(CountyStation.county_code == county,
                                               CountyStation.code == county))
    return row.name if row is not None else ""


def _station_keys(s, items: list[RelayItem], identity) -> list[dict]:
    """Per station of the items: the keys this tier's registry confirmed for it — the current
    one and those it replaced (a bundle signed before a re-keying is still the station's) —
    never merely the keys the items carry: a station bundle signed by a key the registry never
    confirmed is refused at the next tier."""
    stations = sorted({(item.county_code, item.station_code) for item in items})
    out = []
    for county, code in stations:
        row = s.scalar(select(CountyStation).where(CountyStation.county_code == county,
                                                   CountyStation.code == code))
        trusted = row is not None and row.key_state in ("confirmed", "first_use")
        current = row.signing_key if trusted and row.signing_key else None
        confirmed = {current} if current else set()
        for old in json.loads(row.history or "[]") if row is not None else []:
            if isinstance(old, dict) and old.get("retired_key") \
                    and old.get("state") in ("confirmed", "first_use"):
                confirmed.add(old["retired_key"])
        all_keys = sorted(confirmed)
        out.append({"county_code": county, "county_name": _county_name(s, identity, county),
                    "code": code,
                    "name": (row.name if row is not None else "") or "",
                    "township": (row.township if row is not None else "") or "",
                    "key_state": row.key_state if row is not None else "",
                    "current_key": current, "keys": all_keys,
                    "fingerprints": [fingerprint(k) for k in all_keys]})
    return out


def _own_item(s, identity, key, upper_recipient: str, seq: int, created: dt.datetime):
    """This tier's own records (a county's published job fairs and their employers, which the
    stations' job seekers and intentions link to) as one bundle signed by this tier, in the form
    of a station bundle: (manifest bytes, signature, payload.zip bytes, record count), or None."""
    tables, files, top, count = {}, {}, 0, 0
    for name, model in F.TABLES.items():
        t = model.__table__
        data = b"" if name not in OWN_TABLES else b"".join(
            F.encode_record(dict(row)) for row in s.execute(
                select(t).where(t.c.station_code == identity.code).order_by(t.c.change_seq))
            .mappings())
        n = data.count(b"\n")
        if n:
            top = max(top, s.scalar(select(func.max(t.c.change_seq)).where(
                t.c.station_code == identity.code)) or 0)
        count += n
        files[F.table_file(name)] = data
        tables[name] = {"file": F.table_file(name), "count": n,
                        "sha256": hashlib.sha256(data).hexdigest()}
    if not count:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    payload = buffer.getvalue()
    manifest = {
        "format": F.BUNDLE_FORMAT, "format_version": F.FORMAT_VERSION, "kind": "full",
        "county_code": identity.code, "age_recipient": upper_recipient,
        "station": {"code": identity.code, "name": identity.name, "township": ""},
        "station_signing_key": public_key_b64(key), "bundle_seq": seq,
        "change_seq": {"from": 0, "to": top}, "created_at": F.utc_text(created),
        "app_version": __version__,
        "payload": {"file": F.PAYLOAD_ENCRYPTED, "size": len(payload),
                    "sha256": hashlib.sha256(payload).hexdigest()},
        "tables": tables,
    }
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    return data, key.sign(data), payload, count


def export_relay(desk, out_dir: Path, full: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 now: dt.datetime | None = None) -> ExportResult:
    """Write this tier's next relay bundle into ``out_dir`` and read it back; returns it
    (``counts``: station bundles and records). Needs the export permission; recorded."""
    require(desk, Perm.EXPORT)
    identity, card = _require_forwarder(desk)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The folder {path} does not exist."), path=str(out_dir)))
    store = KeyStore(desk.data_dir)
    store.ensure_county_keys()
    key = store.county_signing_key()
    own_recipient = str(store.county_identity().to_public())
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    recipient = x25519.Recipient.from_str(card.age_recipient)
    records = 0
    with scratch_file(desk.data_dir) as inner, scratch_file(desk.data_dir) as encrypted:
        with desk.db.session() as s, s.begin():
            plan = _plan(s, full)
            # The items' metadata in order, then one payload at a time (memory stays bounded).
            items = list(s.scalars(select(RelayItem).options(
                defer(RelayItem.payload), defer(RelayItem.manifest)).where(
                RelayItem.id > plan.from_seq, RelayItem.id <= plan.to_seq)))
            # Per county: its own records (the fairs its stations' records link to) first.
            items.sort(key=lambda i: (i.county_code, i.station_code != i.county_code,
                                      i.station_code, i.bundle_seq, i.id))
            index = []
            own = _own_item(s, identity, key, card.age_recipient, plan.seq, created) \
                if identity.role == "county" else None
            first = 2 if own is not None else 1
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
                for n, item in enumerate(items, first):
                    manifest_bytes, payload = s.execute(select(
                        RelayItem.manifest, RelayItem.payload).where(
                        RelayItem.id == item.id)).one()
                    zf.writestr(R.item_entry(n, F.MANIFEST), manifest_bytes)
                    zf.writestr(R.item_entry(n, F.SIGNATURE), base64.b64encode(item.signature))
                    zf.writestr(R.item_entry(n, F.PAYLOAD_PLAIN), payload)
                    del payload
                    tables = json.loads(manifest_bytes).get("tables", {})
                    records += sum(t.get("count", 0) for t in tables.values()
                                   if isinstance(t, dict))
                    index.append({"n": n, "county_code": item.county_code,
                                  "station_code": item.station_code,
                                  "bundle_seq": item.bundle_seq, "kind": item.kind,
                                  "manifest_sha256": item.manifest_sha256})
                    if progress and n % 50 == 0:
                        progress(n, len(items))
                stations = _station_keys(s, items, identity)
                if own is not None:  # the county's job fairs, signed by the county itself
                    n = 1
                    manifest_bytes, own_signature, payload, own_count = own
                    zf.writestr(R.item_entry(n, F.MANIFEST), manifest_bytes)
                    zf.writestr(R.item_entry(n, F.SIGNATURE), base64.b64encode(own_signature))
                    zf.writestr(R.item_entry(n, F.PAYLOAD_PLAIN), payload)
                    records += own_count
                    index.insert(0, {
                        "n": n, "county_code": identity.code, "station_code": identity.code,
                        "bundle_seq": plan.seq, "kind": "full",
                        "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest()})
                    stations.insert(0, {
                        "county_code": identity.code, "county_name": identity.name,
                        "code": identity.code, "name": identity.name, "township": "",
                        "key_state": "confirmed", "current_key": public_key_b64(key),
                        "keys": [public_key_b64(key)],
                        "fingerprints": [fingerprint(public_key_b64(key))]})
                contents = {}
                for entry, doc in ((R.ITEMS_FILE, index), (R.STATIONS_FILE, stations)):
                    data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
                    zf.writestr(entry, data)
                    contents["items" if entry == R.ITEMS_FILE else "stations"] = {
                        "file": entry, "count": len(doc),
                        "sha256": hashlib.sha256(data).hexdigest()}
        try:
            inner.seek(0)
            pyrage.encrypt_io(inner, encrypted, [recipient])
            encrypted.flush()
        except OSError as exc:
            raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The bundle could not be written: {error}"), error=str(exc))) from exc
        inner.close()
        payload_sha = F.stream_sha256(encrypted)
        manifest = {
            "format": F.RELAY_FORMAT, "format_version": F.FORMAT_VERSION, "kind": plan.kind,
            "from": {"tier": identity.role, "code": identity.code, "name": identity.name,
                     "signing_key": public_key_b64(key), "age_recipient": own_recipient,
                     "fingerprint": fingerprint(own_recipient, public_key_b64(key))},
            "to": {"code": card.county_code, "name": card.county_name,
                   "fingerprint": card.fingerprint},
            "age_recipient": card.age_recipient,
            "relay_seq": plan.seq,
            "range": {"from": plan.from_seq, "to": plan.to_seq},
            "created_at": F.utc_text(created),
            "app_version": __version__,
            "payload": {"file": F.PAYLOAD_ENCRYPTED, "size": encrypted.seek(0, io.SEEK_END),
                        "sha256": payload_sha, "encryption": "age-x25519",
                        "content": "zip of items.json, stations.json, items/<n>/*"},
            "contents": contents,
        }
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        signature = base64.b64encode(key.sign(manifest_bytes)) + b"\n"
        name = R.relay_filename(identity.code, identity.name, (now or dt.datetime.now()).date(),
                                plan.seq)
        target = out_dir / name
        n = 1
        while target.exists():
            n += 1
            target = out_dir / name.replace(F.RELAY_SUFFIX, f"-{n}{F.RELAY_SUFFIX}")
        counts = {"items": len(index), "records": records}
        file_sha: list[str] = []

        def record(partial: Path) -> None:
            _read_back(partial, manifest_bytes, public_key_b64(key), payload_sha,
                       F.RELAY_FORMAT)
            file_sha.append(F.file_sha256(partial))
            with desk.db.session() as s, s.begin():
                s.add(BundleExport(seq=plan.seq, file_name=target.name, folder=str(out_dir),
                                   kind=plan.kind, from_seq=plan.from_seq, to_seq=plan.to_seq,
                                   record_count=records, counts=json.dumps(counts),
                                   sha256=file_sha[0], created_at=created))
                desk.audit.record("export", None, None, {
                    "bundle": "relay", "file": target.name, "folder": str(out_dir),
                    "relay_seq": plan.seq, "kind": plan.kind, "to": card.county_code,
                    "range": [plan.from_seq, plan.to_seq], "items": len(items),
                    "records": records}, s=s)

        try:
            write_signed_file(target, manifest_bytes, signature, encrypted, F.PAYLOAD_ENCRYPTED,
                              R.README_TEXT, before_final_name=record)
        except BaseException:
            if file_sha:
                _forget_export(desk, plan.seq, target)
            raise
    if progress:
        progress(len(items), len(items))
    return ExportResult(target, plan.seq, plan.kind, plan.from_seq, plan.to_seq, counts,
                        target.stat().st_size, file_sha[0])
