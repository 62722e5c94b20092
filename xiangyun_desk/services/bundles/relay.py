"""Relay bundles (转报包): the tiers above the station (docs/federation.md).

A county forwards to its prefecture, a prefecture to its province, the **station bundles it has
applied, exactly as the stations signed them** (manifest bytes, signature, decrypted records),
under a manifest signed by the forwarding tier and encrypted to the next tier's key card. The
next tier checks the forwarding tier's signature against the key it enrolled by fingerprint,
out of band (as a county enrols its stations), and then every station bundle against the
station keys the forwarding tier confirmed and forwarded, signed: a forwarding tier can neither
alter nor invent station records.

This module: the next tier's key card at the forwarding tier, the file name, the scope of a
forwarding tier (which counties it may speak for) and the bounds of a relay payload. Export:
relay_export.py; import: relay_import.py.
"""

from __future__ import annotations

import datetime as dt

from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...domain.permissions import Perm
from ...storage import zips as Z
from ...storage.models import Setting
from . import format as F
from .keys import KeyCard, KeyProblem

CTX = "Bundles"
# The next tier's key card, kept in the settings of a county or prefecture.
S_UPPER_CODE = "upper_code"
S_UPPER_NAME = "upper_name"
S_UPPER_RECIPIENT = "upper_age_recipient"
S_UPPER_SIGNING = "upper_signing_key"
S_UPPER_FINGERPRINT = "upper_fingerprint"

PARENT_TIER = {"county": "prefecture", "prefecture": "province"}
CHILD_TIER = {"prefecture": "county", "province": "prefecture"}
TIER_LABELS = {
    "station": QT_TRANSLATE_NOOP("Bundles", "station"),
    "county": QT_TRANSLATE_NOOP("Bundles", "county"),
    "prefecture": QT_TRANSLATE_NOOP("Bundles", "prefecture"),
    "province": QT_TRANSLATE_NOOP("Bundles", "province"),
}

ITEMS_FILE = "items.json"
STATIONS_FILE = "stations.json"
MAX_ITEMS = 100_000
MAX_INDEX_BYTES = 64 * 1024**2
ITEM_MANIFEST_BYTES = F.MAX_MANIFEST_BYTES
ITEM_PAYLOAD_BYTES = F.MAX_FILE_BYTES
# The decrypted relay payload: items.json, stations.json and three entries per station bundle
# (items/<n>/manifest.json, signature.ed25519, payload.zip — stored, the records inside are
# already compressed by the station).
RELAY_PAYLOAD_LIMITS = Z.ZipLimits(2 + 3 * MAX_ITEMS, F.MAX_FILE_BYTES, F.MAX_TOTAL_BYTES,
                                   F.MAX_RATIO, F.RATIO_FLOOR)

README_TEXT = """xiangyun-desk relay bundle / 祥云职工之家工作台 转报包
A county (or prefecture) forwards the station bundles it applied to the next tier.
manifest.json      what is inside (signed by the forwarding tier: signature.ed25519)
payload.zip.age    the station bundles, encrypted with age to the next tier's key
Inside payload.zip: items.json, stations.json (the station keys the forwarding tier confirmed)
and items/<n>/{manifest.json, signature.ed25519, payload.zip}: each station's own signed bundle.
See docs/federation.md of the program for how to check it by hand.
"""


def item_entry(n: int, name: str) -> str:
    return f"items/{n}/{name}"


def relay_filename(code: str, name: str, day: dt.date, seq: int) -> str:
    """``532923-祥云县总工会-转报-20261124-0003.xyf``"""
    return (f"{F.safe_filename_part(code)}-{F.safe_filename_part(name)}-转报-"
            f"{day:%Y%m%d}-{seq:04d}{F.RELAY_SUFFIX}")


def scope_prefix(code: str) -> str:
    """The division-code prefix a tier covers: 532900 (a prefecture) -> 5329, 530000 -> 53;
    a county's own code stays whole."""
    text = code
    while len(text) > 2 and text.endswith("00"):
        text = text[:-2]
    return text


def within(tier: str, forwarder_code: str, county_code: str) -> bool:
    """Whether a forwarding tier may speak for the stations of ``county_code``: a county for its
    own stations only, a prefecture for the counties under its division code."""
    if tier == "county":
        return county_code == forwarder_code
    prefix = scope_prefix(forwarder_code)
    return county_code != forwarder_code and county_code.startswith(prefix)


def tier_code_qualified(county_code: str, code: str) -> str:
    """The station's country-wide code (``532923-03``), as the upper tiers store it."""
    return f"{county_code}-{code}"


# ---- the next tier's key card, at the forwarding tier --------------------------------------

def upper_card(desk) -> KeyCard | None:
    """The key card of the next tier loaded here, or None."""
    get = desk.settings.get
    recipient, signing = get(S_UPPER_RECIPIENT), get(S_UPPER_SIGNING)
    if not recipient or not signing:
        return None
    return KeyCard(get(S_UPPER_CODE, "") or "", get(S_UPPER_NAME, "") or "", recipient, signing)


def load_upper_card(desk, data: bytes) -> KeyCard:
    """Keep the next tier's key card (its prefecture's, or a prefecture's province's): relay
    bundles are encrypted to it. Administrator only; recorded (``upper_key``)."""
    desk.session.require(Perm.ADMIN)
    identity = desk.identity
    if identity is None or identity.role not in PARENT_TIER:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only a county or a prefecture forwards relay bundles to the next tier.")))
    card = KeyCard.parse(data)
    if card.county_code == identity.code:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "This is this installation's own key card, not the next tier's.")))
    previous = desk.settings.get(S_UPPER_FINGERPRINT)
    detail = {"upper": card.county_code, "upper_name": card.county_name,
              "fingerprint": card.fingerprint}
    if previous:
        detail["replaced_fingerprint"] = previous
    with desk.db.session() as s, s.begin():
        for key, value in ((S_UPPER_CODE, card.county_code), (S_UPPER_NAME, card.county_name),
                           (S_UPPER_RECIPIENT, card.age_recipient),
                           (S_UPPER_SIGNING, card.signing_key),
                           (S_UPPER_FINGERPRINT, card.fingerprint)):
            s.merge(Setting(key=key, value=value))
        desk.audit.record("upper_key", None, None, detail, s=s)
    return card
