"""Key cards, fingerprints, key pinning and re-enrolment."""

from __future__ import annotations

import json

import pytest
from bundle_helpers import add_visit, snapshot

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.services import bundles as B
from xiangyun_desk.services.bundles.keys import KeyStore, fingerprint, public_key_b64


def imp(county, *paths):
    return B.BundleImporter(county).import_files(list(paths))


def test_key_card_has_a_fingerprint_people_can_read_aloud(county, card):
    doc = json.loads(card)
    assert doc["county_code"] == "532923" and doc["county_name"] == "祥云县总工会"
    assert doc["age_recipient"].startswith("age1")
    groups = doc["fingerprint"].split()
    assert len(groups) == 5 and all(len(g) == 4 and g.isdigit() for g in groups)
    assert B.KeyCard.parse(card).fingerprint == doc["fingerprint"]
    # the same county gives the same card (keys are made once)
    assert json.loads(B.county_card(county).to_json())["fingerprint"] == doc["fingerprint"]


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(age_recipient="age1" + "q" * 58),
    lambda d: d.update(signing_public_key="AAAA"),
    lambda d: d.update(format="something-else"),
    lambda d: d.update(fingerprint="0000 0000 0000 0000 0000"),
    lambda d: d.pop("county_code"),
])
def test_a_changed_or_foreign_key_card_is_refused(card, station, mutate):
    doc = json.loads(card)
    mutate(doc)
    with pytest.raises(B.KeyProblem):
        B.load_county_card(station, json.dumps(doc).encode())
    for junk in (b"", b"\xff\xfe", b"[" * 100000, b"{}" * 40000):
        with pytest.raises(B.KeyProblem):
            B.KeyCard.parse(junk)


def test_a_changed_key_is_held_until_the_county_confirms_the_new_fingerprint(
        county, station, usb):
    add_visit(station, "张三")
    first = imp(county, B.export_bundle(station, usb).path)[0]
    assert first.status == "applied" and not first.key_confirmed
    # The station loses its key (new PC) and makes a new one.
    new_key = KeyStore(station.data_dir).renew_station_signing_key()
    new_fp = fingerprint(public_key_b64(new_key))
    add_visit(station, "李四")
    path = B.export_bundle(station, usb).path
    before = snapshot(county, "01")
    held = imp(county, path)[0]
    assert held.status == "held" and held.reason_code == "key-changed"
    assert held.fingerprint == new_fp and new_fp in str(held.reason)
    assert snapshot(county, "01") == before
    B.reenrol_station(county, "01", new_fp, "新电脑")
    accepted = imp(county, path)[0]
    assert accepted.status == "applied"
    from xiangyun_desk.services.county import CountyService
    row = CountyService(county).stations()[0]
    assert row.fingerprint == new_fp and row.key_state == "confirmed" and not row.key_pending
    assert snapshot(county, "01") == snapshot(station)
    with pytest.raises(ValidationFailed):
        B.reenrol_station(county, "09", new_fp)


def test_another_station_cannot_send_in_a_stations_name(county, make_station, usb):
    real = make_station("01")
    add_visit(real)
    imp(county, B.export_bundle(real, usb).path)
    impostor = make_station("01", "冒名站", enrolled=False)  # same code, its own key
    add_visit(impostor, "假人")
    before = snapshot(county)
    result = imp(county, B.export_bundle(impostor, usb).path)[0]
    assert result.status == "held" and result.reason_code == "key-changed"
    assert snapshot(county) == before


def test_a_county_without_its_key_file_says_so(county, station, usb):
    add_visit(station)
    path = B.export_bundle(station, usb).path
    (county.data_dir / "keys" / "county-age.key").unlink()
    result = imp(county, path)[0]
    assert result.reason_code == "no-key"
