"""Helpers of the sync tests: records, table snapshots, hand-made (hostile) bundles."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pyrage
from pyrage import x25519
from sqlalchemy import select

from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.bundles.keys import KeyStore, fingerprint, public_key_b64
from xiangyun_desk.services.demo import DemoGenerator
from xiangyun_desk.services.stations import StationRegistry


def add_records(desk, n=60, seed=1):
    return DemoGenerator(desk.db, desk.identity.code, seed).generate(n)


def add_visit(desk, name="张三", **extra):
    raw = {"visited_at": "2026-11-02 09:30", "name": name, "purpose": "legal", "status": "done",
           **extra}
    return desk.visits.create(raw)


def station_fp(station_desk) -> str:
    """The fingerprint a station reads out over the phone (同步 → 本站密钥指纹)."""
    return fingerprint(public_key_b64(KeyStore(station_desk.data_dir).station_signing_key()))


def enrol(county_desk, station_desk, **extra):
    """The county adds the station to its list with the fingerprint the station read out."""
    identity = station_desk.identity
    registry = StationRegistry(county_desk)
    if registry.station(identity.code) is None:
        return registry.add(identity.code, identity.name, identity.township or "",
                            fingerprint_text=station_fp(station_desk), **extra)
    return registry.confirm_key(identity.code, station_fp(station_desk))


def snapshot(desk, station_code=None):
    """Every synced row, keyed by (table, id), all columns (optionally one station's only)."""
    out = {}
    with desk.db.engine.connect() as conn:
        for name, model in F.TABLES.items():
            t = model.__table__
            stmt = select(t)
            if station_code:
                stmt = stmt.where(t.c.station_code == station_code)
            for row in conn.execute(stmt).mappings():
                out[(name, row["id"])] = dict(row)
    return out


def data_fingerprint(desk):
    """A hash of every synced row and the code lists (to prove 'the database is untouched')."""
    sha = hashlib.sha256()
    snap = snapshot(desk)
    for key in sorted(snap):
        sha.update(repr((key, sorted(snap[key].items()))).encode())
    with desk.db.engine.connect() as conn:
        for row in conn.exec_driver_sql("SELECT * FROM code_item ORDER BY list_name, code"):
            sha.update(repr(tuple(row)).encode())
        for row in conn.exec_driver_sql(  # the registry, less the time of the last import
                "SELECT county_code, code, name, township, monthly_expected, key_state, "
                "fingerprint, signing_key, offered_key, history FROM county_station "
                "ORDER BY county_code, code"):
            sha.update(repr(tuple(row)).encode())
    return sha.hexdigest()


def inner_zip(files: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def records_files(tables: dict[str, list[dict]]) -> tuple[dict[str, bytes], dict[str, dict]]:
    files, entries = {}, {}
    for name in F.TABLES:
        data = b"".join(F.encode_record(r) for r in tables.get(name, []))
        files[F.table_file(name)] = data
        entries[name] = {"file": F.table_file(name), "count": len(tables.get(name, [])),
                         "sha256": hashlib.sha256(data).hexdigest()}
    return files, entries


def craft_bundle(path: Path, station_desk, county_desk, *, inner: bytes, tables: dict,
                 seq=1, kind="incremental", manifest_patch=None, outer_extra=None,
                 signing_key=None, recipient=None, sign=True) -> Path:
    """A bundle made by hand: valid signature and encryption around whatever payload is given."""
    key = signing_key or KeyStore(station_desk.data_dir).station_signing_key()
    county_id = KeyStore(county_desk.data_dir).county_identity()
    rcpt = recipient or county_id.to_public()
    encrypted = pyrage.encrypt(inner, [rcpt])
    identity = station_desk.identity
    manifest = {
        "format": F.BUNDLE_FORMAT, "format_version": 1, "kind": kind,
        "county_code": county_desk.identity.code, "county_fingerprint": "x",
        "age_recipient": str(rcpt),
        "station": {"code": identity.code, "name": identity.name, "township": ""},
        "station_signing_key": public_key_b64(key), "bundle_seq": seq,
        "change_seq": {"from": 0, "to": 10},
        "created_at": F.utc_text(dt.datetime(2026, 11, 24, 8, 0)),
        "payload": {"file": F.PAYLOAD_ENCRYPTED, "size": len(encrypted),
                    "sha256": hashlib.sha256(encrypted).hexdigest()},
        "tables": tables,
    }
    if manifest_patch:
        manifest_patch(manifest)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode()
    signature = base64.b64encode(key.sign(manifest_bytes)) if sign else b"AAAA"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(F.MANIFEST, manifest_bytes)
        zf.writestr(F.SIGNATURE, signature)
        zf.writestr(F.PAYLOAD_ENCRYPTED, encrypted)
        for name, data in (outer_extra or {}).items():
            zf.writestr(name, data)
    return path


def other_recipient():
    return x25519.Identity.generate().to_public()
