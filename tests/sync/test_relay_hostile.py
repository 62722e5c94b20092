"""Relay bundles keep the promises of station bundles against hostile or broken files: truncated,
bit-flipped, wrong key, wrong tier, unsafe zip paths, too many entries, another kind of bundle —
refused with a reason, nothing changed; a tier not enrolled is held until its fingerprint is
confirmed; a county cannot speak for another county's station, nor forward a station bundle
signed by a key it did not confirm."""

from __future__ import annotations

import base64
import json
import zipfile

import pytest
from bundle_helpers import add_records, data_fingerprint, enrol
from sqlalchemy import select, update

from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles import relay as R
from xiangyun_desk.services.bundles.keys import KeyStore, public_key_b64
from xiangyun_desk.services.bundles.relay_export import export_relay
from xiangyun_desk.services.bundles.relay_import import RelayImporter
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.services.stations import StationRegistry
from xiangyun_desk.storage.sync_models import RelayItem


def _card(desk) -> bytes:
    return B.county_card(desk).to_json().encode()


@pytest.fixture
def tiers(tmp_path):
    """A prefecture, the county 532923 enrolled there (and 532901 not), one station each."""
    made = []

    def desk(name, role, code, title):
        d = Desk(tmp_path / name)
        d.initialize(role, code, title, title[:3], ["李红"] if role == "station" else None)
        made.append(d)
        return d

    pref = desk("pref", "prefecture", "532900", "大理州总工会")
    out = {"pref": pref, "usb": tmp_path / "usb"}
    out["usb"].mkdir()
    for code, title, enrolled in (("532923", "祥云县总工会", True),
                                  ("532901", "大理市总工会", False)):
        county = desk(f"c{code}", "county", code, title)
        R.load_upper_card(county, _card(pref))
        if enrolled:
            StationRegistry(pref).add_tier(code, title, B.county_card(county).fingerprint)
        station = desk(f"s{code}", "station", "03", "刘厂镇职工之家")
        B.load_county_card(station, _card(county))
        enrol(county, station)
        add_records(station, 15, seed=int(code))
        B.BundleImporter(county).import_files([B.export_bundle(station, out["usb"]).path])
        out[code], out[f"s{code}"] = county, station
    yield out
    for d in made:
        d.close()


def _good(tiers):
    return export_relay(tiers["532923"], tiers["usb"]).path


def _import(tiers, path, **kw):
    return RelayImporter(tiers["pref"]).import_files([path], **kw)[0]


def _refused(tiers, path, code=None):
    before = data_fingerprint(tiers["pref"])
    result = _import(tiers, path)
    assert result.status == "rejected", result.to_json()
    if code:
        assert result.reason_code == code, result.to_json()
    assert data_fingerprint(tiers["pref"]) == before
    return result


@pytest.mark.parametrize("keep", [0, 10, 100, 0.5, -22, -1])
def test_truncated_relay_bundles_are_refused(tiers, keep, tmp_path):
    data = _good(tiers).read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else (keep if keep >= 0
                                                                 else len(data) + keep)
    bad = tmp_path / "cut.xyf"
    bad.write_bytes(data[:cut])
    _refused(tiers, bad)


def test_bit_flips_never_change_what_arrives(tiers, tmp_path):
    data = bytearray(_good(tiers).read_bytes())
    for i, pos in enumerate(range(0, len(data), max(1, len(data) // 23))):
        flipped = bytearray(data)
        flipped[pos] ^= 0x10
        path = tmp_path / f"flip{i}.xyf"
        path.write_bytes(bytes(flipped))
        before = data_fingerprint(tiers["pref"])
        result = _import(tiers, path)
        if result.status != "applied":  # a flip in the unsigned README may still import
            assert data_fingerprint(tiers["pref"]) == before


def test_a_tier_not_enrolled_is_held_until_its_fingerprint_is_confirmed(tiers):
    path = export_relay(tiers["532901"], tiers["usb"]).path
    before = data_fingerprint(tiers["pref"])
    held = _import(tiers, path)
    assert held.status == "held" and held.reason_code == "unknown-station"
    fp = B.county_card(tiers["532901"]).fingerprint
    assert held.fingerprint == fp
    wrong = RelayImporter(tiers["pref"]).import_files(
        [path], confirm={"532901": "1111 1111 1111 1111 1111"})[0]
    assert wrong.status == "held"
    assert StationRegistry(tiers["pref"]).stations() == []  # nothing of it applied
    assert before  # the held attempt is in the history only
    applied = RelayImporter(tiers["pref"]).import_files([path], confirm={"532901": fp})[0]
    assert applied.status == "applied" and applied.key_confirmed
    assert [s.qualified_code for s in StationRegistry(tiers["pref"]).stations()] == ["532901-03"]


def test_wrong_recipient_and_wrong_tier(tiers, tmp_path):
    other = Desk(tmp_path / "other")
    other.initialize("prefecture", "533100", "德宏州总工会")
    try:
        R.load_upper_card(tiers["532923"], _card(other))
        path = export_relay(tiers["532923"], tiers["usb"], full=True).path
        _refused(tiers, path, "wrong-tier")
    finally:
        other.close()


def test_other_kinds_of_bundle_are_not_relay_bundles(tiers):
    station_bundle = B.export_bundle(tiers["s532923"], tiers["usb"]).path
    assert _refused(tiers, station_bundle, "wrong-kind")
    relay = _good(tiers)
    wrong = B.BundleImporter(tiers["532923"]).import_files([relay])[0]
    assert wrong.status == "rejected" and wrong.reason_code == "wrong-kind"
    county_import = RelayImporter(tiers["532923"]).import_files([relay])[0]
    assert county_import.reason_code == "not-upper"


def _rezip(path, out, change):
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    change(files)
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out


def test_changed_manifest_or_signature(tiers, tmp_path):
    good = _good(tiers)

    def manifest(files):
        m = json.loads(files["manifest.json"])
        m["relay_seq"] = 9
        files["manifest.json"] = json.dumps(m).encode()

    _refused(tiers, _rezip(good, tmp_path / "m.xyf", manifest), "bad-signature")

    def signature(files):
        files["signature.ed25519"] = base64.b64encode(b"x" * 64)

    _refused(tiers, _rezip(good, tmp_path / "s.xyf", signature), "bad-signature")

    def extra(files):
        files["../evil.txt"] = b"x"

    _refused(tiers, _rezip(good, tmp_path / "e.xyf", extra))
    _refused(tiers, _rezip(good, tmp_path / "n.xyf",
                           lambda f: f.update({f"x{i}": b"" for i in range(20)})), "zip-entries")


def _forward(tiers, mutate):
    """The county 532923 changes what it keeps for relay, then exports."""
    county = tiers["532923"]
    with county.db.session() as s, s.begin():
        mutate(s)
    return export_relay(county, tiers["usb"], full=True).path


def test_a_county_cannot_forward_another_countys_station(tiers):
    other = tiers["532901"]
    with other.db.session() as s:
        item = s.scalars(select(RelayItem)).first()
        copy = {c.key: getattr(item, c.key) for c in RelayItem.__table__.c if c.key != "id"}

    path = _forward(tiers, lambda s: s.add(RelayItem(**copy)))
    result = _refused(tiers, path, "out-of-scope")
    assert "532901-03" in result.to_json()["reason"]


def test_a_station_bundle_altered_or_signed_by_an_unconfirmed_key_is_refused(tiers):
    def resign(s):
        """The county rewrites a station bundle and signs it with a key of its own."""
        item = s.scalars(select(RelayItem)).first()
        fake = KeyStore(tiers["532923"].data_dir).county_signing_key()
        m = json.loads(item.manifest)
        m["station_signing_key"] = public_key_b64(fake)
        data = json.dumps(m).encode()
        s.execute(update(RelayItem).where(RelayItem.id == item.id).values(
            manifest=data, signature=fake.sign(data), signing_key=m["station_signing_key"]))

    # The county vouches only for the keys its registry confirmed: an invented bundle signed by
    # any other key is refused (to get past, the county would have to falsify its registry).
    _refused(tiers, _forward(tiers, resign), "station-key")

    def unsign(s):
        item = s.scalars(select(RelayItem)).first()
        m = json.loads(item.manifest)
        m["bundle_seq"] += 100
        s.execute(update(RelayItem).where(RelayItem.id == item.id).values(
            manifest=json.dumps(m).encode()))

    _refused(tiers, _forward(tiers, unsign), "station-signature")


def test_a_dry_run_reports_and_changes_nothing(tiers):
    before = data_fingerprint(tiers["pref"])
    result = _import(tiers, _good(tiers), dry_run=True)
    assert result.status == "applied" and result.dry_run and result.changed > 0
    assert data_fingerprint(tiers["pref"]) == before


def test_an_undone_import_is_not_forwarded(tiers):
    from xiangyun_desk.services.bundles.undo import undo_import, undoable

    county = tiers["532923"]
    add_records(tiers["s532923"], 5, seed=99)
    B.BundleImporter(county).import_files([B.export_bundle(tiers["s532923"], tiers["usb"]).path])
    with county.db.session() as s:
        before = len(s.scalars(select(RelayItem)).all())
    undo_import(county, undoable(county))
    with county.db.session() as s:
        assert len(s.scalars(select(RelayItem)).all()) == before - 1
    result = _import(tiers, export_relay(county, tiers["usb"]).path)
    assert result.status == "applied" and len(result.relayed) == 1  # only the first bundle


def test_a_zip_bomb_inside_a_station_bundle_is_refused(tiers):
    """The station payloads inside a relay bundle are read with the station bundles' bounds."""
    import io
    import zipfile as Z

    def bomb(s):
        item = s.scalars(select(RelayItem)).first()
        buffer = io.BytesIO()
        with Z.ZipFile(buffer, "w", Z.ZIP_DEFLATED) as zf:
            zf.writestr("records/visit.jsonl", b"0" * (64 * 1024 * 1024))
        s.execute(update(RelayItem).where(RelayItem.id == item.id).values(
            payload=buffer.getvalue()))

    result = _refused(tiers, _forward(tiers, bomb))
    assert result.reason_code == "zip-ratio", result.to_json()
