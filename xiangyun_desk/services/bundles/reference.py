"""Reference bundles (county → stations): the county's job fairs with their employers, the code
lists, and receipts (回执: which bundles of each station the county has imported).

Signed by the county's Ed25519 key, not encrypted (nothing in them is personal: events, employers
and code lists are published to every station). A station applies them as read-only records
(job fairs with ``source = "county"``, owned by the county's code, so RegisterService refuses to
edit them) and marks its exported bundles that the county confirmed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from ... import __version__
from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage.files import scratch_file
from ...storage.models import CodeItem, utcnow
from ...storage.sync_models import BundleExport, ReferenceExport, ReferenceImport
from . import format as F
from .access import Perm, counts_detail, reason_detail, require
from .apply import RecordApplier
from .export import ExportFailed, write_signed_file
from .importer import station_received
from .keys import KeyStore, public_key_b64, station_county_card, verify

CTX = "Bundles"
MAX_RECEIPT_NUMBERS = 5000

README_TEXT = """xiangyun-desk reference bundle / 祥云职工之家工作台 参考数据包 (county -> stations)

manifest.json      plain JSON: county, reference number, receipts, counts and SHA-256 of tables
signature.ed25519  base64 Ed25519 signature of manifest.json by the county
payload.zip        not encrypted: records/job_fair.jsonl, fair_employer.jsonl, code_item.jsonl
"""


@dataclass
class PublishResult:
    path: Path
    seq: int
    counts: dict[str, int]


@dataclass
class ReferenceResult:
    file: str
    status: str = "rejected"  # applied | duplicate | stale | rejected
    reason_code: str = ""
    reason: Message | None = None
    dry_run: bool = False
    reference_seq: int | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    confirmed: list[int] = field(default_factory=list)
    rejected_records: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, translate=None) -> dict[str, Any]:
        render = (lambda m: m.render(translate)) if translate else (lambda m: m.render())
        return {"file": self.file, "status": self.status, "dry_run": self.dry_run,
                "reason_code": self.reason_code,
                "reason": render(self.reason) if self.reason else "",
                "reference_seq": self.reference_seq,
                "counts": {F.REGISTER_OF.get(t, t): c for t, c in self.counts.items()},
                "confirmed_bundles": self.confirmed,
                "rejected_records": [{"register": F.REGISTER_OF.get(r["table"], r["table"]),
                                      "id": r["id"], "reason": render(r["reason"])}
                                     for r in self.rejected_records]}


def _code_item_row(item: CodeItem) -> dict[str, Any]:
    return {"list_name": item.list_name, "code": item.code, "label_zh": item.label_zh,
            "label_en": item.label_en, "sort_order": item.sort_order, "active": item.active}


def publish_reference(desk, out_dir: Path, now: dt.datetime | None = None) -> PublishResult:
    """Write the county's next reference bundle into ``out_dir`` (export permission; recorded)."""
    require(desk, Perm.EXPORT)
    identity = desk.identity
    if identity is None or identity.role != "county":
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only the county publishes reference bundles.")))
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ExportFailed(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The folder {path} does not exist."), path=str(out_dir)))
    store = KeyStore(desk.data_dir)
    store.ensure_county_keys()
    key = store.county_signing_key()
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    receipts = {code: {"bundles": sorted(e["received"])[-MAX_RECEIPT_NUMBERS:],
                       "to_seq": e["to_seq"]}
                for code, e in station_received(desk).items()}
    tables: dict[str, dict] = {}
    with scratch_file(desk.data_dir) as inner:
        with desk.db.session() as s, s.begin(), \
                zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
            last = s.scalar(select(ReferenceExport.seq).order_by(ReferenceExport.seq.desc()).limit(1))
            seq = (last or 0) + 1
            sources = {}
            for name in ("job_fair", "fair_employer"):
                t = F.TABLES[name].__table__
                sources[name] = (dict(r) for r in s.execute(
                    select(t).where(t.c.station_code == identity.code).order_by(t.c.change_seq)).mappings())
            sources["code_item"] = (_code_item_row(i) for i in s.scalars(
                select(CodeItem).order_by(CodeItem.list_name, CodeItem.sort_order, CodeItem.code)))
            for name in F.REFERENCE_TABLES:
                sha = hashlib.sha256()
                count = 0
                with zf.open(F.table_file(name), "w") as out:
                    for row in sources[name]:
                        line = F.encode_record(row)
                        sha.update(line)
                        out.write(line)
                        count += 1
                tables[name] = {"file": F.table_file(name), "count": count,
                                "sha256": sha.hexdigest()}
        manifest = {
            "format": F.REFERENCE_FORMAT, "format_version": F.FORMAT_VERSION,
            "kind": "reference",
            "county": {"code": identity.code, "name": identity.name},
            "county_signing_key": public_key_b64(key),
            "reference_seq": seq, "created_at": F.utc_text(created), "app_version": __version__,
            "receipts": receipts,
            "payload": {"file": F.PAYLOAD_PLAIN, "size": inner.seek(0, os.SEEK_END),
                        "sha256": F.stream_sha256(inner), "encryption": "none",
                        "content": "zip of records/<table>.jsonl"},
            "tables": tables,
        }
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        signature = base64.b64encode(key.sign(manifest_bytes)) + b"\n"
        target = out_dir / F.reference_filename(identity.code, identity.name,
                                                (now or dt.datetime.now()).date(), seq)
        counts = {k: v["count"] for k, v in tables.items()}
        recorded = []

        def record(partial: Path) -> None:
            """The number is recorded before the file takes its name (never given twice)."""
            with desk.db.session() as s, s.begin():
                s.add(ReferenceExport(seq=seq, file_name=target.name, counts=json.dumps(counts),
                                      sha256=F.file_sha256(partial), created_at=created))
                desk.audit.record("export", None, None, {
                    "bundle": "reference", "file": target.name, "folder": str(out_dir),
                    "reference_seq": seq, "counts": counts,
                    "receipts": {code: len(r["bundles"]) for code, r in receipts.items()}}, s=s)
            recorded.append(seq)

        try:
            write_signed_file(target, manifest_bytes, signature, inner, F.PAYLOAD_PLAIN,
                              README_TEXT, before_final_name=record)
        except BaseException:
            if recorded:
                _forget_reference(desk, seq, target)
            raise
    return PublishResult(target, seq, counts)


def _forget_reference(desk, seq: int, target: Path) -> None:
    """The reference bundle recorded as ``seq`` never took its name: free its number."""
    try:
        with desk.db.session() as s, s.begin():
            row = s.get(ReferenceExport, seq)
            if row is not None:
                s.delete(row)
            desk.audit.record("export", None, None, {
                "bundle": "reference", "file": target.name, "reference_seq": seq,
                "failed": True}, s=s)
    except Exception:  # noqa: BLE001 - the number stays used; never given twice
        pass


def _mark_county(table: str, rec: dict[str, Any]) -> None:
    if table == "job_fair":
        rec["source"] = "county"


def import_reference(desk, path: Path, dry_run: bool = False) -> ReferenceResult:
    """Apply a reference bundle at a station; never raises for a bad file.

    Needs the import permission (PermissionDenied is raised, not reported). A real import keeps
    the attempt in the reference history and the audit log: an applied bundle in the same
    transaction as its records, a refused or unchanged one on its own.
    """
    require(desk, Perm.IMPORT)
    path = Path(path)
    result = ReferenceResult(file=path.name, dry_run=dry_run)
    try:
        _import_reference(desk, path, result)
    except F.BundleRejected as exc:
        result.status, result.reason_code, result.reason = "rejected", exc.code, exc.message
        result.counts = {}
    if not dry_run and result.status != "applied":  # an applied one was kept with its records
        with desk.db.session() as s, s.begin():
            _keep(desk, s, result)
    return result


def _keep(desk, s, result: ReferenceResult) -> None:
    """The reference history row and the audit entry of one import, in ``s``'s transaction."""
    s.add(ReferenceImport(file_name=result.file[:255], ref_seq=result.reference_seq,
                          status=result.status,
                          reason=result.reason.render() if result.reason else "",
                          report=json.dumps(result.to_json(), ensure_ascii=False)))
    detail: dict[str, Any] = {"bundle": "reference", "file": result.file,
                              "status": result.status, "reference_seq": result.reference_seq}
    detail.update(reason_detail(result.reason_code, result.reason))
    if result.status == "applied":
        detail.update(counts_detail(result.counts))
        detail["confirmed"] = result.confirmed
    desk.audit.record("import", None, None,
                      {k: v for k, v in detail.items() if v is not None}, s=s)


def _import_reference(desk, path: Path, result: ReferenceResult) -> None:
    identity = desk.identity
    if identity is None or identity.role != "station":
        raise F.reject("not-station", QT_TRANSLATE_NOOP("Bundles", "Only a station applies reference bundles."))
    card = station_county_card(desk)
    if card is None:
        raise F.reject("no-key", QT_TRANSLATE_NOOP("Bundles", "Load the county's key card first (xiangyun-desk load-county-key FILE, or 同步 → 载入县总工会密钥卡)."))
    env = F.open_envelope(path, F.REFERENCE_FORMAT)
    try:
        m = env.manifest
        F.check_reference_manifest(m)
        result.reference_seq = m["reference_seq"]
        if m["county"]["code"] != card.county_code:
            raise F.reject("wrong-county", QT_TRANSLATE_NOOP("Bundles", "The bundle is for county {theirs}, not for this county ({ours})."), theirs=m["county"]["code"], ours=card.county_code)
        if not verify(card.signing_key, env.signature, env.manifest_bytes):
            raise F.reject("bad-signature", QT_TRANSLATE_NOOP("Bundles", "The reference bundle is not signed by the county whose key card this station loaded."))
        with desk.db.session() as s:
            last = s.scalar(select(ReferenceImport.ref_seq).where(
                ReferenceImport.status == "applied").order_by(ReferenceImport.ref_seq.desc()).limit(1))
        if last is not None and m["reference_seq"] <= last:
            result.status = "duplicate" if m["reference_seq"] == last else "stale"
            result.reason_code = result.status
            result.reason = msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Reference bundle No. {seq} is not newer than No. {last} already applied; nothing changes."), seq=m["reference_seq"], last=last)
            return
        with scratch_file(desk.data_dir) as fh:
            sha = env.copy_payload(fh, m["payload"]["size"])
            if sha != m["payload"]["sha256"]:
                raise F.reject("payload-hash", QT_TRANSLATE_NOOP("Bundles", "The records do not match the manifest: the file is damaged or was changed."))
            fh.seek(0)
            payload = F.Payload(fh, F.REFERENCE_TABLES)
            try:
                _apply_reference(desk, payload, m, card.county_code, identity.code, result)
            finally:
                payload.close()
    finally:
        env.close()


def _apply_reference(desk, payload: F.Payload, m: dict, county_code: str, own_code: str,
                     result: ReferenceResult) -> None:
    with desk.db.session() as s:
        s.begin()
        try:
            applier = RecordApplier(s, county_code, transform=_mark_county)
            for name in ("job_fair", "fair_employer"):
                stats: dict[str, Any] = {}
                applier.apply_table(name, payload.lines(name, stats))
                _check_stats(m, name, stats)
            result.counts = dict(applier.counts)
            result.rejected_records = applier.rejected
            stats = {}
            result.counts["code_item"] = _apply_code_items(s, payload.lines("code_item", stats))
            _check_stats(m, "code_item", stats)
            mine = m["receipts"].get(own_code) if isinstance(m["receipts"], dict) else None
            numbers = []
            if isinstance(mine, dict) and isinstance(mine.get("bundles"), list):
                numbers = [n for n in mine["bundles"][:MAX_RECEIPT_NUMBERS]
                           if isinstance(n, int) and not isinstance(n, bool)]
            if numbers:
                newly = s.scalars(select(BundleExport.seq).where(
                    BundleExport.seq.in_(numbers), BundleExport.confirmed_at.is_(None))).all()
                result.confirmed = sorted(newly)
                s.execute(update(BundleExport).where(BundleExport.seq.in_(numbers),
                                                     BundleExport.confirmed_at.is_(None))
                          .values(confirmed_at=utcnow()))
            result.status = "applied"
            if result.dry_run:
                s.rollback()
            else:
                _keep(desk, s, result)
                s.commit()
        except BaseException:
            s.rollback()
            result.counts = {}
            raise


def _check_stats(m: dict, name: str, stats: dict) -> None:
    entry = m["tables"][name]
    if stats.get("count") != entry["count"] or stats.get("sha256") != entry["sha256"]:
        raise F.reject("table-hash", QT_TRANSLATE_NOOP("Bundles", "The records of {table} do not match the manifest."), table=name)


def _apply_code_items(s, docs) -> dict[str, int]:
    counts = F.empty_counts()
    t = CodeItem.__table__
    for doc in docs:
        try:
            rec = F.decode_record(t, doc)
        except F.RecordInvalid:
            counts["rejected"] += 1
            continue
        old = s.execute(select(t).where(t.c.list_name == rec["list_name"],
                                        t.c.code == rec["code"])).mappings().first()
        if old is None:
            s.execute(insert(t), [rec])
            counts["new"] += 1
        elif dict(old) != rec:
            s.execute(update(t).where(t.c.list_name == rec["list_name"], t.c.code == rec["code"])
                      .values({k: v for k, v in rec.items() if k not in ("list_name", "code")}))
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def reference_history(desk) -> list[dict[str, Any]]:
    require(desk, Perm.READ)
    with desk.db.session() as s:
        return [{"imported_at": r.imported_at, "file_name": r.file_name, "ref_seq": r.ref_seq,
                 "status": r.status, "reason": r.reason}
                for r in s.scalars(select(ReferenceImport).order_by(ReferenceImport.id.desc()))]


def set_code_item(desk, list_name: str, code: str, label_zh: str, label_en: str,
                  active: bool = True, sort_order: int | None = None) -> None:
    """A code-list change at the county (published with the next reference bundle); for the
    administrator, recorded as a settings change."""
    from ...domain.errors import ValidationFailed

    require(desk, Perm.ADMIN)
    identity = desk.identity
    if identity is None or identity.role != "county":
        raise ValidationFailed({"role": msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only the county changes code lists."))})
    if not list_name or not code or not label_zh or len(code) > 40 or len(label_zh) > 100 \
            or len(label_en) > 100 or len(list_name) > 40:
        raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Bundles", "A code item needs a list, a code (at most 40 characters) and a Chinese label."))})
    with desk.db.session() as s, s.begin():
        item = s.get(CodeItem, (list_name, code))
        if item is None:
            if sort_order is None:
                last = s.scalar(select(CodeItem.sort_order).where(CodeItem.list_name == list_name)
                                .order_by(CodeItem.sort_order.desc()).limit(1))
                sort_order = (last or 0) + 1
            s.add(CodeItem(list_name=list_name, code=code, label_zh=label_zh,
                           label_en=label_en or label_zh, sort_order=sort_order, active=active))
        else:
            item.label_zh, item.label_en, item.active = label_zh, label_en or item.label_en, active
            if sort_order is not None:
                item.sort_order = sort_order
        desk.audit.record("settings", None, None, {
            "code_list": list_name, "code": code, "label_zh": label_zh,
            "label_en": label_en or label_zh, "active": active,
            "new": item is None}, s=s)
