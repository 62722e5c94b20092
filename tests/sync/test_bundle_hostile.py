"""Hostile and broken files: each refused with a clear reason naming the file; data untouched."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from bundle_helpers import (
    add_records,
    add_visit,
    craft_bundle,
    data_fingerprint,
    inner_zip,
    other_recipient,
    records_files,
    snapshot,
)

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.bundles.keys import KeyStore


def imp(county, *paths, dry_run=False):
    return B.BundleImporter(county).import_files(list(paths), dry_run=dry_run)


@pytest.fixture
def good(county, station, usb):
    """A good bundle and the county state before anything was imported."""
    add_records(station, 40)
    path = B.export_bundle(station, usb).path
    return path, data_fingerprint(county)


def assert_refused(county, path, before, code=None):
    result = imp(county, path)[0]
    assert result.status == "rejected", result.to_json()
    assert result.file == path.name and result.reason is not None and str(result.reason)
    if code:
        assert result.reason_code == code, (result.reason_code, str(result.reason))
    assert data_fingerprint(county) == before
    return result


@pytest.mark.parametrize("keep", [0, 10, 100, 0.5, -22, -1])
def test_truncated_files_are_refused(county, good, tmp_path, keep):
    path, before = good
    data = path.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else (keep if keep >= 0 else len(data) + keep)
    bad = tmp_path / "cut.xyb"
    bad.write_bytes(data[:cut])
    assert_refused(county, bad, before)


def test_bit_flips_anywhere_never_change_what_arrives(county, station, good, tmp_path):
    path, before = good
    data = path.read_bytes()
    positions = sorted({int(len(data) * i / 41) for i in range(41)} | {len(data) - 30})
    refused = 0
    for pos in positions:
        flipped = bytearray(data)
        flipped[pos] ^= 0x10
        bad = tmp_path / f"flip-{pos}.xyb"
        bad.write_bytes(bytes(flipped))
        result = imp(county, bad)[0]
        if result.status == "rejected":
            refused += 1
            assert data_fingerprint(county) == before
        else:  # a flip in a part that carries no data (README, zip padding): data exactly right
            assert snapshot(county, "01") == snapshot(station)
            with county.db.engine.begin() as conn:  # start over for the next position
                for name in reversed(list(F.TABLES)):
                    conn.exec_driver_sql(f"DELETE FROM {name} WHERE station_code = '01'")
                conn.exec_driver_sql("DELETE FROM bundle_import")
                conn.exec_driver_sql("UPDATE county_station SET last_import_at = NULL, signing_key = NULL")
    assert refused >= len(positions) - 5


def test_not_a_bundle_at_all(county, tmp_path):
    before = data_fingerprint(county)
    for name, data in (("empty.xyb", b""), ("pdf.xyb", b"%PDF-1.7\n" + b"x" * 500),
                       ("random.xyb", bytes(range(256)) * 40)):
        (tmp_path / name).write_bytes(data)
        assert_refused(county, tmp_path / name, before, "not-a-bundle")
    plain = tmp_path / "plain.xyb"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert_refused(county, plain, before)


def test_wrong_county_key(county, make_station, usb, tmp_path):
    from xiangyun_desk.services.desk import Desk
    other = Desk(tmp_path / "other-county")
    other.initialize("county", "532923", "别的县")
    try:
        station = make_station("01", load_card=False)
        B.load_county_card(station, B.county_card(other).to_json().encode())
        add_visit(station)
        before = data_fingerprint(county)
        result = assert_refused(county, B.export_bundle(station, usb).path, before, "wrong-key")
        assert "county key" in str(result.reason)
    finally:
        other.close()


def test_manifest_claims_our_key_but_payload_is_for_another(county, station, tmp_path):
    files, tables = records_files({})
    path = craft_bundle(tmp_path / "x.xyb", station, county, inner=inner_zip(files), tables=tables,
                        recipient=other_recipient(),
                        manifest_patch=lambda m: m.update(age_recipient=str(
                            KeyStore(county.data_dir).county_identity().to_public())))
    assert_refused(county, path, data_fingerprint(county), "decrypt")


def test_bundle_for_another_county(county, station, tmp_path):
    files, tables = records_files({})
    path = craft_bundle(tmp_path / "x.xyb", station, county, inner=inner_zip(files), tables=tables,
                        manifest_patch=lambda m: m.update(county_code="532901"))
    assert_refused(county, path, data_fingerprint(county), "wrong-county")


def test_changed_signature_or_manifest(county, good, tmp_path):
    path, before = good
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(parts[F.MANIFEST])
    manifest["tables"]["visit"]["count"] += 1
    for name, patch in (("manifest", {F.MANIFEST: json.dumps(manifest).encode()}),
                        ("signature", {F.SIGNATURE: b"bm90IGEgc2lnbmF0dXJl"})):
        bad = tmp_path / f"{name}.xyb"
        with zipfile.ZipFile(bad, "w") as zf:
            for n, data in {**parts, **patch}.items():
                zf.writestr(n, data)
        assert_refused(county, bad, before, "bad-signature")


def test_re_zipped_with_the_same_contents_is_still_accepted(county, station, good, tmp_path):
    path, _before = good
    again = tmp_path / "renamed.xyb"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in reversed(src.namelist()):
            dst.writestr(name, src.read(name))
    result = imp(county, again)[0]
    assert result.status == "applied"
    assert any("renamed" in str(w) for w in result.warnings)
    assert snapshot(county, "01") == snapshot(station)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "a/../../b", "C:\\x.txt",
                                  "records/../../x"])
def test_unsafe_paths_in_the_zip(county, good, tmp_path, name):
    path, before = good
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    bad = tmp_path / "paths.xyb"
    with zipfile.ZipFile(bad, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
        zf.writestr(zipfile.ZipInfo(name), b"x")
    assert_refused(county, bad, before)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_thousands_of_entries(county, good, tmp_path):
    _path, before = good
    bad = tmp_path / "many.xyb"
    with zipfile.ZipFile(bad, "w") as zf:
        for i in range(5000):
            zf.writestr(f"f{i}", b"")
    assert_refused(county, bad, before, "zip-entries")


def test_inner_zip_bomb_is_refused_by_its_ratio(county, station, tmp_path):
    files, tables = records_files({})
    files[F.table_file("visit")] = b"\n" * (40 * 1024 * 1024)  # 40 MiB that deflates to ~40 KiB
    path = craft_bundle(tmp_path / "bomb.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    assert path.stat().st_size < 1024 * 1024
    assert_refused(county, path, data_fingerprint(county), "zip-ratio")


def test_outer_entry_inflating_hugely(county, station, tmp_path):
    bad = tmp_path / "outer-bomb.xyb"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(F.MANIFEST, b" " * (30 * 1024 * 1024))
        zf.writestr(F.SIGNATURE, b"x")
        zf.writestr(F.PAYLOAD_ENCRYPTED, b"x")
    assert bad.stat().st_size < 200 * 1024
    assert_refused(county, bad, data_fingerprint(county), "too-large")


def test_absurd_sizes_are_refused_before_reading(county, station, tmp_path, monkeypatch):
    files, tables = records_files({"visit": []})
    files[F.table_file("visit")] = bytes(range(256)) * 8192  # 2 MiB that does not compress
    path = craft_bundle(tmp_path / "big.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    monkeypatch.setattr(F, "MAX_ENTRY_BYTES", 1024 * 1024)
    assert_refused(county, path, data_fingerprint(county), "too-large")


def _visit_doc(station, **patch):
    rid = add_visit(station, "样本")
    doc = {k: F.encode_value(v) for k, v in station.visits.get(rid).items()}
    doc.update(patch)
    return doc


def test_a_huge_json_line(county, station, tmp_path):
    import random
    rng = random.Random(1)
    text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(F.MAX_LINE_BYTES // 2))
    doc = _visit_doc(station, summary=text)  # 1.5 MiB of UTF-8 that hardly compresses
    files, tables = records_files({"visit": [doc]})
    path = craft_bundle(tmp_path / "line.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    assert_refused(county, path, data_fingerprint(county), "too-large")


def test_deeply_nested_json(county, station, tmp_path):
    files, tables = records_files({})
    nested = b"[" * 200000 + b"]" * 200000 + b"\n"
    files[F.table_file("visit")] = nested
    tables["visit"] = {"file": F.table_file("visit"), "count": 1,
                       "sha256": __import__("hashlib").sha256(nested).hexdigest()}
    path = craft_bundle(tmp_path / "nest.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    assert_refused(county, path, data_fingerprint(county), "malformed")
    manifest_bomb = tmp_path / "nested-manifest.xyb"
    with zipfile.ZipFile(manifest_bomb, "w") as zf:
        zf.writestr(F.MANIFEST, b"[" * 100000 + b"]" * 100000)
        zf.writestr(F.SIGNATURE, b"AAAA")
        zf.writestr(F.PAYLOAD_ENCRYPTED, b"x")
    assert_refused(county, manifest_bomb, data_fingerprint(county), "malformed")


def test_counts_that_do_not_match_the_manifest_roll_back_the_whole_bundle(county, station, tmp_path):
    docs = [_visit_doc(station), _visit_doc(station)]
    files, tables = records_files({"visit": docs})
    tables["visit"]["count"] = 3
    path = craft_bundle(tmp_path / "count.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    assert_refused(county, path, data_fingerprint(county), "table-hash")


def test_bad_records_are_refused_one_by_one_and_the_rest_applied(county, station, tmp_path):
    good_doc = _visit_doc(station)
    foreign = _visit_doc(station, station_code="02")
    wrong_type = _visit_doc(station, party_size="many")
    orphan_seeker = {**_visit_doc(station)}  # placeholder id source
    from xiangyun_desk.services.bundles.format import encode_value
    fair_id = "00000000-0000-4000-8000-000000000000"
    seeker = {k: encode_value(v) for k, v in orphan_seeker.items()
              if k in {c.key for c in F.TABLES["job_seeker"].__table__.c}}
    seeker.update(fair_id=fair_id, birth_year=None, education=None, household=None,
                  poverty_relief=False, desired_job=None)
    files, tables = records_files({"visit": [good_doc, foreign, wrong_type],
                                   "job_seeker": [seeker]})
    path = craft_bundle(tmp_path / "mixed.xyb", station, county, inner=inner_zip(files),
                        tables=tables)
    result = imp(county, path)[0]
    assert result.status == "applied"
    assert result.counts["visit"] == {"new": 1, "updated": 0, "deleted": 0, "unchanged": 0,
                                      "rejected": 2}
    assert result.counts["job_seeker"]["rejected"] == 1
    reasons = " | ".join(str(r["reason"]) for r in result.rejected_records)
    assert "station 02" in reasons and "party_size" in reasons and fair_id in reasons
    assert county.visits.get(good_doc["id"])["name"] == "样本"


def test_one_bad_file_never_stops_the_others(county, station, usb, tmp_path):
    add_visit(station)
    one = B.export_bundle(station, usb).path
    add_visit(station, "李四")
    two = B.export_bundle(station, usb).path
    junk = tmp_path / "junk.xyb"
    junk.write_bytes(b"PK\x03\x04 broken")
    missing = tmp_path / "gone.xyb"
    results = imp(county, one, junk, missing, two)
    assert [r.status for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert results[2].reason_code == "unreadable"
    assert snapshot(county, "01") == snapshot(station)
    rows = B.import_history(county)
    assert sorted(r["status"] for r in rows) == ["applied", "applied", "rejected", "rejected"]


def test_reference_bundle_is_not_a_station_bundle(county, usb):
    ref = B.publish_reference(county, usb).path
    assert_refused(county, ref, data_fingerprint(county), "wrong-kind")


def test_a_station_cannot_import_station_bundles(station, make_station, usb):
    other = make_station("02")
    add_visit(other)
    path = B.export_bundle(other, usb).path
    result = B.BundleImporter(station).import_files([path])[0]
    assert result.status == "rejected" and result.reason_code == "not-county"


def test_memory_is_bounded_streaming_a_big_bundle(county, station, usb):
    import tracemalloc
    add_records(station, 3000)
    path = B.export_bundle(station, usb).path
    tracemalloc.start()
    result = imp(county, path)[0]
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.status == "applied"
    assert peak < 60 * 1024 * 1024, peak


def test_payload_read_from_io(tmp_path):
    # a zip with an entry whose header claims a tiny size but holds more is cut by zipfile itself
    data = inner_zip({"records/visit.jsonl": b"{}\n" * 1000})
    raw = bytearray(data)
    cd = data.rfind(b"PK\x01\x02")
    raw[cd + 24:cd + 28] = (3).to_bytes(4, "little")  # uncompressed size in the central dir
    payload = F.Payload(io.BytesIO(bytes(raw)), ("visit",))
    with pytest.raises(F.BundleRejected):
        list(payload.lines("visit", {}))
