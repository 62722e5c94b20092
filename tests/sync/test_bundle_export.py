"""Station export: file name, manifest, signature, encryption, incremental/full, history."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import stat
import zipfile

import pytest
from bundle_helpers import add_records, add_visit

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.bundles.keys import KeyStore, verify
from xiangyun_desk.storage import models as M


def test_bundle_is_one_readable_named_zip_with_signed_manifest(station, usb):
    add_records(station, 50)
    result = B.export_bundle(station, usb)
    assert result.path.parent == usb
    assert re.fullmatch(r"532923-01-云南驿镇职工之家-\d{8}-0001\.xyb", result.path.name)
    assert [p.name for p in usb.iterdir()] == [result.path.name]  # no partial file left over
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == sorted([F.MANIFEST, F.SIGNATURE, F.PAYLOAD_ENCRYPTED,
                                                F.README])
        manifest_bytes = zf.read(F.MANIFEST)
        signature = base64.b64decode(zf.read(F.SIGNATURE))
        payload = zf.read(F.PAYLOAD_ENCRYPTED)
    manifest = json.loads(manifest_bytes)
    assert manifest["station"] == {"code": "01", "name": "云南驿镇职工之家", "township": ""}
    assert manifest["bundle_seq"] == 1 and manifest["kind"] == "incremental"
    assert manifest["change_seq"]["from"] == 0 and manifest["change_seq"]["to"] >= 50
    assert sum(t["count"] for t in manifest["tables"].values()) == result.total
    assert payload.startswith(b"age-encryption.org/v1\n")
    assert b"\xe5\xbc\xa0" not in payload  # no plain Chinese names in the encrypted part
    assert verify(manifest["station_signing_key"], signature, manifest_bytes)
    assert not verify(manifest["station_signing_key"], signature, manifest_bytes + b" ")


def test_incremental_exports_only_changes_and_full_everything(station, usb):
    first = add_visit(station, "张三")
    add_visit(station, "李四")
    one = B.export_bundle(station, usb)
    assert one.counts["visit"] == 2 and one.counts["staff"] == 1
    empty = B.export_bundle(station, usb)
    assert empty.seq == 2 and empty.total == 0 and empty.from_seq == one.to_seq
    station.visits.update(first, {**station.visits.get(first), "name": "张三丰"})
    third = add_visit(station, "王五")
    station.visits.delete(third)
    three = B.export_bundle(station, usb)
    assert three.seq == 3 and three.counts["visit"] == 2  # the edit and the new (deleted) one
    full = B.export_bundle(station, usb, full=True)
    assert full.kind == "full" and full.from_seq == 0 and full.counts["visit"] == 3
    assert [h["seq"] for h in B.export_history(station)] == [4, 3, 2, 1]
    assert B.export_history(station)[0]["kind"] == "full"


def test_preview_tells_what_goes_in_without_writing(station, usb):
    add_visit(station)
    plan = B.preview_export(station)
    assert plan.seq == 1 and plan.counts["visit"] == 1 and plan.kind == "incremental"
    assert list(usb.iterdir()) == [] and B.export_history(station) == []


def test_county_reference_records_are_not_exported_back(station, usb):
    add_visit(station)
    with station.db.session() as s, s.begin():
        s.add(M.JobFair(station_code="532923", name="县招聘会", held_on=dt.date(2026, 3, 1),
                        source="county"))
    result = B.export_bundle(station, usb, full=True)
    assert result.counts["job_fair"] == 0


def test_export_needs_the_county_key_card(make_station, usb):
    lonely = make_station("02", load_card=False)
    with pytest.raises(B.KeyProblem):
        B.export_bundle(lonely, usb)
    assert list(usb.iterdir()) == []


def test_county_does_not_export_and_missing_folder_is_a_plain_error(county, station, tmp_path):
    with pytest.raises(B.ExportFailed):
        B.export_bundle(county, tmp_path)
    with pytest.raises(B.ExportFailed):
        B.export_bundle(station, tmp_path / "no-such-stick")


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_private_keys_are_files_readable_by_the_owner_only(county, station):
    for desk, names in ((county, ("county-age.key", "county-signing.key")),
                        (station, ("station-signing.key",))):
        folder = desk.data_dir / "keys"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in names:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert (county.data_dir / "keys" / "county-age.key").read_text().count("AGE-SECRET-KEY-1") == 1
    # private keys are never in the database
    with county.db.engine.connect() as conn:
        values = " ".join(v for (v,) in conn.exec_driver_sql("SELECT value FROM setting"))
    assert "AGE-SECRET-KEY" not in values and "PRIVATE KEY" not in values


def test_a_station_set_up_before_bundles_gets_its_key_at_first_export(station, usb):
    (station.data_dir / "keys" / "station-signing.key").unlink()
    add_visit(station)
    B.export_bundle(station, usb)
    assert KeyStore(station.data_dir).station_signing_key(create=False) is not None


def test_a_failed_write_leaves_no_file_and_no_history(station, usb, monkeypatch):
    add_visit(station)

    def broken(*_a, **_k):
        raise OSError(28, "No space left on device")

    from xiangyun_desk.services.bundles import export as E
    monkeypatch.setattr(E.os, "fsync", broken)
    with pytest.raises(B.ExportFailed):
        B.export_bundle(station, usb)
    assert [p for p in usb.iterdir()] == []
    assert B.export_history(station) == []
    monkeypatch.undo()
    assert B.export_bundle(station, usb).seq == 1
