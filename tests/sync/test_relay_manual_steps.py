"""docs/federation.md "Checking a relay bundle by hand", step by step, with the real tools."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from federation_helpers import build

DOC = Path(__file__).resolve().parents[2] / "docs" / "federation.md"

needs_tools = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("age", "unzip", "openssl")),
    reason="the age, unzip and openssl command line tools are not installed")


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, shell=True, check=True, capture_output=True)


def _commands(doc: str, block: int) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", doc.split("## Checking a relay bundle by hand")[1],
                        re.S)
    return [line.split("  #")[0].strip() for line in blocks[block].splitlines()
            if line.strip() and not line.startswith("mkdir") and not line.startswith("cd ")]


@needs_tools
def test_county_it_checks_a_relay_bundle_with_standard_tools(tmp_path):
    fed = build(tmp_path / "fed", [None] * 4)
    try:
        fed.station_round(records=20, seed=11)
        relay = fed.relay("532923")
        key = fed.prefecture.data_dir / "keys" / "county-age.key"
    finally:
        fed.close()
    doc = DOC.read_text(encoding="utf-8")
    opened = tmp_path / "opened"
    opened.mkdir()
    for command in _commands(doc, 0):
        command = command.replace("../532923-祥云县总工会-转报-20261208-0003.xyf", str(relay))
        command = command.replace("<data dir>/keys/county-age.key", str(key))
        run(command, opened)
    manifest = json.loads((opened / "manifest.json").read_text("utf-8"))
    payload = (opened / "payload.zip.age").read_bytes()
    assert hashlib.sha256(payload).hexdigest() == manifest["payload"]["sha256"]
    for part in manifest["contents"].values():
        data = (opened / part["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == part["sha256"]
    for command in _commands(doc, 1):  # the forwarding tier's signature
        result = run(command, opened)
    assert b"Signature Verified Successfully" in result.stdout
    item = opened / "items" / "1"
    for command in _commands(doc, 2):  # the station's signature and its records
        result = run(command, item)
        if "openssl" in command:
            assert b"Signature Verified Successfully" in result.stdout
    station = json.loads((item / "manifest.json").read_text("utf-8"))
    for table, entry in station["tables"].items():
        data = (item / "records" / f"{table}.jsonl").read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], table
