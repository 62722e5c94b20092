"""Manifests are checked against the published JSON Schemas at run time (the schemas are the only
structural rules); the schemas ship inside the package, docs/ holds equal copies."""

from __future__ import annotations

import fnmatch
import json
import tomllib
import zipfile
from pathlib import Path

import pytest
from bundle_helpers import craft_bundle, data_fingerprint, inner_zip, records_files

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import format as F

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "xiangyun_desk" / "services" / "bundles" / "schemas"
NAMES = ("bundle-manifest.schema.json", "reference-manifest.schema.json",
         "relay-manifest.schema.json")


@pytest.mark.parametrize("name", NAMES)
def test_the_published_schemas_ship_in_the_package_and_docs_has_the_same(name):
    assert (ROOT / "docs" / name).read_bytes() == (SCHEMAS / name).read_bytes()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["xiangyun_desk.services.bundles"]
    assert any(fnmatch.fnmatch(f"schemas/{name}", p) for p in patterns)  # in the wheel
    assert "jsonschema" in " ".join(config["project"]["dependencies"])  # a run-time dependency
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(json.loads((SCHEMAS / name).read_text("utf-8")))


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(F.MANIFEST))


def test_real_manifests_follow_their_schemas(county, station, usb):
    import jsonschema

    B.export_bundle(station, usb)
    bundle = next(usb.glob("*.xyb"))
    B.import_bundle(county, bundle)
    reference = B.publish_reference(county, usb).path
    for path, name in ((bundle, NAMES[0]), (reference, NAMES[1])):
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        jsonschema.validate(_manifest(path), schema)


def _crafted(tmp_path, station, county, patch, name="x.xyb"):
    files, entries = records_files({})
    return craft_bundle(tmp_path / name, station, county, inner=inner_zip(files),
                        tables=entries, manifest_patch=patch)


@pytest.mark.parametrize(("patch", "field"), [
    # Rules only the schema had (the hand-written checks let these through).
    (lambda m: m.update(surprise="x"), "surprise"),
    (lambda m: m["payload"].update(encryption="rot13"), "payload.encryption"),
    (lambda m: m["tables"]["visit"].update(file="records/staff.jsonl"), "tables.visit.file"),
    (lambda m: m.update(age_recipient="not-an-age-key"), "age_recipient"),
    (lambda m: m["station"].update(extra=1), "station.extra"),
    # Rules both had: the messages name the field as before.
    (lambda m: m.update(bundle_seq=0), "bundle_seq"),
    (lambda m: m.update(bundle_seq=1.0), "bundle_seq"),
    (lambda m: m.update(bundle_seq=True), "bundle_seq"),
    (lambda m: m.pop("kind"), "kind"),
    (lambda m: m["station"].update(code="01a"), "station.code"),
    (lambda m: m["tables"].pop("visit"), "tables.visit"),
    (lambda m: m["change_seq"].update({"from": 9, "to": 3}), "change_seq"),
    (lambda m: m.update(created_at="2026-13-45T00:00:00Z"), "created_at"),
])
def test_a_manifest_outside_the_schema_is_refused_naming_the_field(county, station, tmp_path,
                                                                    patch, field):
    before = data_fingerprint(county)
    path = _crafted(tmp_path, station, county, patch)
    result = B.import_bundle(county, path)
    assert result.status == "rejected" and result.reason_code == "malformed"
    assert str(result.reason) == f"The manifest lacks a valid {field}."
    assert data_fingerprint(county) == before


def test_the_message_is_chinese_in_the_window(county, station, tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from xiangyun_desk.resources import resources_dir

    app = qapp
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "xiangyun_zh_CN.qm"))
    app.installTranslator(translator)
    try:
        result = B.import_bundle(county, _crafted(tmp_path, station, county,
                                                  lambda m: m.update(bundle_seq=0)))
        text = result.reason.render(QCoreApplication.translate)
    finally:
        app.removeTranslator(translator)
    assert "bundle_seq" in text and "清单" in text


def test_a_reference_manifest_outside_its_schema_is_refused(county, station, usb, monkeypatch):
    path = B.publish_reference(county, usb).path
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(F.MANIFEST))
    manifest["receipts"] = {"01": {"bundles": ["1"]}}
    with pytest.raises(F.BundleRejected) as err:
        F.check_reference_manifest(manifest)
    assert str(err.value.message) == "The manifest lacks a valid receipts.01.bundles.0."
