"""docs/bundle-format.md "Opening a bundle by hand", step by step, with the real tools."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bundle_helpers import add_records

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import format as F
from xiangyun_desk.services.registers import RegisterQuery

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md"
SCHEMA = DOC.with_name("bundle-manifest.schema.json")

needs_tools = pytest.mark.skipif(not shutil.which("age") or not shutil.which("unzip"),
                                 reason="the age and unzip command line tools are not installed")


def run(*args, cwd):
    return subprocess.run([str(a) for a in args], cwd=cwd, check=True, capture_output=True)


@needs_tools
def test_county_it_opens_a_bundle_with_age_unzip_and_a_json_reader(county, station, usb, tmp_path):
    doc = DOC.read_text(encoding="utf-8")
    # The documented commands are the ones run here.
    for command in ("unzip ../532923-03-云南驿镇职工之家-20261124-0007.xyb",
                    "age -d -i <data dir>/keys/county-age.key -o payload.zip payload.zip.age",
                    "unzip payload.zip"):
        assert command in doc
    add_records(station, 80)
    bundle = B.export_bundle(station, usb).path
    opened = tmp_path / "opened"
    opened.mkdir()
    run("unzip", "-q", bundle, cwd=opened)
    assert sorted(p.name for p in opened.iterdir()) == sorted(
        ["manifest.json", "signature.ed25519", "payload.zip.age", "README.txt"])
    manifest = json.loads((opened / "manifest.json").read_text(encoding="utf-8"))
    assert hashlib.sha256((opened / "payload.zip.age").read_bytes()).hexdigest() \
        == manifest["payload"]["sha256"]
    key = county.data_dir / "keys" / "county-age.key"
    run("age", "-d", "-i", key, "-o", "payload.zip", "payload.zip.age", cwd=opened)
    run("unzip", "-q", "payload.zip", cwd=opened)
    total = 0
    for table, entry in manifest["tables"].items():
        data = (opened / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], table
        lines = data.decode("utf-8").splitlines()
        assert len(lines) == entry["count"]
        for line in lines:
            record = json.loads(line)
            assert record["station_code"] == "01"
        total += len(lines)
    assert total == sum(B.preview_export(station, full=True).counts.values())
    visits = [json.loads(x) for x in (opened / "records" / "visit.jsonl").read_text("utf-8").splitlines()]
    rows = station.visits.fetch_rows(station.visits.query_ids(RegisterQuery()))
    assert {v["id"] for v in visits} == {r["id"] for r in rows.values()}


@needs_tools
def test_age_cli_encrypted_payload_is_what_the_program_reads(county, station, usb, tmp_path):
    """Interoperability the other way: a payload re-encrypted by the age tool decrypts in pyrage."""
    add_records(station, 20)
    bundle = B.export_bundle(station, usb).path
    run("unzip", "-q", bundle, cwd=tmp_path)
    run("age", "-d", "-i", county.data_dir / "keys" / "county-age.key", "-o", "p.zip",
        "payload.zip.age", cwd=tmp_path)
    recipient = B.county_card(county).age_recipient
    run("age", "-r", recipient, "-o", "again.age", "p.zip", cwd=tmp_path)
    import pyrage

    from xiangyun_desk.services.bundles.keys import KeyStore
    plain = pyrage.decrypt((tmp_path / "again.age").read_bytes(),
                           [KeyStore(county.data_dir).county_identity()])
    assert plain == (tmp_path / "p.zip").read_bytes()


@pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is not installed")
def test_signature_checks_with_openssl_as_documented(station, usb, tmp_path):
    add_records(station, 5)
    bundle = B.export_bundle(station, usb).path
    import base64
    import zipfile
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    key = base64.b64decode(manifest["station_signing_key"])
    (tmp_path / "station.der").write_bytes(bytes.fromhex("302a300506032b6570032100") + key)
    (tmp_path / "signature.bin").write_bytes(base64.b64decode((tmp_path / "signature.ed25519").read_bytes()))
    ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "station.der",
                         "-keyform", "DER", "-rawin", "-in", "manifest.json", "-sigfile",
                         "signature.bin"], cwd=tmp_path, capture_output=True)
    if b"rawin" in ok.stderr and ok.returncode != 0:
        pytest.skip("this openssl has no -rawin (needs 3.0)")
    assert ok.returncode == 0, ok.stderr


# ---- the manifest schema ------------------------------------------------------------------------

def _validate(schema, value, path="$"):
    """A small JSON Schema subset validator (the keywords bundle-manifest.schema.json uses)."""
    if "const" in schema:
        assert value == schema["const"], path
    if "enum" in schema:
        assert value in schema["enum"], path
    kind = schema.get("type")
    if kind == "object":
        assert isinstance(value, dict), path
        for key in schema.get("required", []):
            assert key in value, f"{path}.{key} missing"
        props = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for key, item in value.items():
            if key in props:
                _validate(props[key], item, f"{path}.{key}")
            elif any(re.search(p, key) for p in patterns):
                for p, sub in patterns.items():
                    if re.search(p, key):
                        _validate(sub, item, f"{path}.{key}")
            else:
                assert schema.get("additionalProperties", True) is not False, f"{path}.{key} extra"
    elif kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), path
        assert value >= schema.get("minimum", value), path
    elif kind == "string":
        assert isinstance(value, str), path
        if "pattern" in schema:
            assert re.search(schema["pattern"], value), (path, value)
        assert len(value) <= schema.get("maxLength", len(value)), path


def test_manifest_follows_the_published_schema(station, usb):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    add_records(station, 10)
    for full in (False, True):
        bundle = B.export_bundle(station, usb, full=full).path
        import zipfile
        with zipfile.ZipFile(bundle) as zf:
            manifest = json.loads(zf.read(F.MANIFEST))
        _validate(schema, manifest)
        assert set(schema["properties"]["tables"]["required"]) == set(F.TABLES)
    broken = dict(manifest, kind="sometimes")
    with pytest.raises(AssertionError):
        _validate(schema, broken)


def test_jsonschema_if_available(station, usb):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bundle = B.export_bundle(station, usb).path
    import zipfile
    with zipfile.ZipFile(bundle) as zf:
        jsonschema.validate(json.loads(zf.read(F.MANIFEST)), schema)
