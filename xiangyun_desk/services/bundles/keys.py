"""Key pairs of sync bundles and the county's public key card.

Where private keys live: in files under ``<data dir>/keys/`` (folder 0700, files 0600 where the
platform has modes), **not** in the settings table. Reasons:

- the database is copied often (automatic backups, 备份到U盘, files handed to IT for repair); a
  private key inside it would travel with every copy, while the keys folder stays on this PC;
- the county's decryption key is a standard age identity file (``AGE-SECRET-KEY-1…``), so county IT
  can open a bundle by hand with ``age -d -i <data dir>/keys/county-age.key`` (docs/bundle-format.md);
- signing keys are PKCS#8 PEM, readable by openssl.

Losing a key is recoverable: a station that lost its signing key makes a new one and the county
re-enrols it (``reenrol-station CODE``); a county that lost its age key makes a new key card, the
stations load it and send a full bundle. Back up the keys folder with the data directory.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...domain.permissions import SYSTEM, Perm
from ...storage.db import KEYS_DIRNAME
from ...storage.errors import folder_fault
from ...storage.files import rename_durably, write_atomic
from ...storage.models import Setting

CTX = "Bundles"
COUNTY_AGE_FILE = "county-age.key"
COUNTY_SIGNING_FILE = "county-signing.key"
STATION_SIGNING_FILE = "station-signing.key"
CARD_FORMAT = "xiangyun-county-key/1"
CARD_MAX_BYTES = 64 * 1024

# Settings keys (public data only) of the county key card loaded at a station.
S_COUNTY_CODE = "county_code"
S_COUNTY_NAME = "county_name"
S_COUNTY_RECIPIENT = "county_age_recipient"
S_COUNTY_SIGNING = "county_signing_key"
S_COUNTY_FINGERPRINT = "county_fingerprint"


class KeyProblem(DomainError):
    """A key is missing, unreadable or not the expected one."""


def fingerprint(*parts: str) -> str:
    """A short fingerprint people can read aloud: 20 decimal digits in groups of four."""
    digest = hashlib.sha256("\n".join(parts).encode()).digest()
    number = int.from_bytes(digest[:10], "big") % 10**20
    text = f"{number:020d}"
    return " ".join(text[i:i + 4] for i in range(0, 20, 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, dashes, full-width digits allowed) in its canonical form
    ``dddd dddd dddd dddd dddd``; raises KeyProblem when it is not 20 digits."""
    import unicodedata

    digits = "".join(ch for ch in unicodedata.normalize("NFKC", str(text or ""))
                     if not ch.isspace() and ch not in "-_.,，")
    if len(digits) != 20 or not digits.isascii() or not digits.isdigit():
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "A key fingerprint is 20 digits (in five groups of four).")))
    return " ".join(digits[i:i + 4] for i in range(0, 20, 4))


def station_fingerprint(public_b64: str) -> str:
    """The fingerprint of a station's signing key (read out over the phone at enrolment)."""
    return fingerprint(public_b64)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The raw 32-byte Ed25519 public key in base64."""
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_public_key(b64: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(b64, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError) as exc:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The signing key is not a valid Ed25519 public key."))) from exc


def verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``data`` by the key."""
    try:
        load_public_key(public_b64).verify(signature, data)
        return True
    except (InvalidSignature, KeyProblem):
        return False


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path.parent, 0o700)
    write_atomic(path, data, mode=0o600)


class KeyStore:
    """The private keys of one data directory."""

    def __init__(self, data_dir: Path):
        self.folder = Path(data_dir) / KEYS_DIRNAME

    # ---- signing keys -----------------------------------------------------------------------

    def _signing(self, name: str, create: bool) -> Ed25519PrivateKey | None:
        path = self.folder / name
        if path.exists():
            try:
                key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            except (ValueError, TypeError, OSError) as exc:
                raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key file {path} cannot be read."), path=str(path))) from exc
            if not isinstance(key, Ed25519PrivateKey):
                raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key file {path} cannot be read."), path=str(path)))
            return key
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        _write_private(path, pem)
        return key

    def station_signing_key(self, create: bool = True) -> Ed25519PrivateKey | None:
        """This station's signing key (made at set-up, or now for stations set up earlier)."""
        return self._signing(STATION_SIGNING_FILE, create)

    def county_signing_key(self, create: bool = False) -> Ed25519PrivateKey | None:
        return self._signing(COUNTY_SIGNING_FILE, create)

    def renew_station_signing_key(self) -> Ed25519PrivateKey:
        """Replace a lost or compromised station key (the county must re-enrol the station)."""
        path = self.folder / STATION_SIGNING_FILE
        if path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            rename_durably(path, path.with_name(f"{path.name}.retired-{stamp}"))
        return self._signing(STATION_SIGNING_FILE, True)

    # ---- the county's age identity -----------------------------------------------------------

    @property
    def county_age_path(self) -> Path:
        return self.folder / COUNTY_AGE_FILE

    def county_identity(self, create: bool = False) -> x25519.Identity | None:
        path = self.county_age_path
        if path.exists():
            try:
                lines = path.read_text("ascii").splitlines()
                secret = next(line.strip() for line in lines if line.startswith("AGE-SECRET-KEY-"))
                return x25519.Identity.from_str(secret)
            except (StopIteration, ValueError, OSError, UnicodeDecodeError) as exc:
                raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key file {path} cannot be read."), path=str(path))) from exc
        if not create:
            return None
        identity = x25519.Identity.generate()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = (f"# created: {created}\n# public key: {identity.to_public()}\n"
                f"{identity}\n")
        _write_private(path, text.encode("ascii"))
        return identity

    def ensure_county_keys(self) -> None:
        self.county_identity(create=True)
        self.county_signing_key(create=True)


@dataclass(frozen=True)
class KeyCard:
    """The county's public key card (what a station loads)."""

    county_code: str
    county_name: str
    age_recipient: str
    signing_key: str
    created_at: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.age_recipient, self.signing_key)

    def to_json(self) -> str:
        return json.dumps({
            "format": CARD_FORMAT, "county_code": self.county_code,
            "county_name": self.county_name, "age_recipient": self.age_recipient,
            "signing_public_key": self.signing_key, "fingerprint": self.fingerprint,
            "created_at": self.created_at,
        }, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def parse(cls, data: bytes) -> KeyCard:
        """Read a key card; raises KeyProblem with a plain reason."""
        bad = KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "This is not a county key card of this program.")))
        if len(data) > CARD_MAX_BYTES:
            raise bad
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise bad from None
        if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
            raise bad
        fields = ("county_code", "county_name", "age_recipient", "signing_public_key")
        if not all(isinstance(doc.get(k), str) and doc.get(k) for k in fields):
            raise bad
        try:
            x25519.Recipient.from_str(doc["age_recipient"])
        except Exception:  # pyrage raises its own error types
            raise bad from None
        load_public_key(doc["signing_public_key"])
        card = cls(doc["county_code"], doc["county_name"], doc["age_recipient"],
                   doc["signing_public_key"], str(doc.get("created_at", "")))
        stated = doc.get("fingerprint")
        if stated is not None and stated != card.fingerprint:
            raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key card's fingerprint does not match its keys: the file was changed.")))
        return card


def county_card(desk) -> KeyCard:
    """The key card of a county installation (keys are made if missing). Public data: anyone
    signed in may write it out."""
    desk.session.require(Perm.READ)
    identity = desk.identity
    if identity is None or not identity.is_tier:  # a prefecture's and a province's card too
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only a county installation has a county key card.")))
    store = KeyStore(desk.data_dir)
    store.ensure_county_keys()
    return KeyCard(identity.code, identity.name, str(store.county_identity().to_public()),
                   public_key_b64(store.county_signing_key()),
                   dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


def save_county_card(desk, path: Path) -> KeyCard:
    """Write the county's key card to ``path`` (a USB stick) whole or not at all; returns it."""
    card = county_card(desk)
    try:
        write_atomic(Path(path), card.to_json().encode("utf-8"))
    except OSError as exc:
        fault = folder_fault(exc, Path(path).parent)  # a full or write-protected stick ...
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "The key card could not be written to {path}: {error}"), path=str(path), error=fault.message if fault else exc.strerror or str(exc))) from exc
    return card


def load_county_card(desk, data: bytes) -> KeyCard:
    """Store the county's key card at a station (public data, kept in the settings table).

    Which county the station's bundles are encrypted to, and whose reference bundles it
    trusts: for the administrator (station head) only, and recorded in the audit log.
    """
    desk.session.require(Perm.ADMIN)
    card = KeyCard.parse(data)
    store_county_card(desk, card)
    return card


def store_county_card(desk, card: KeyCard, at_setup: bool = False) -> None:
    """Keep ``card`` in the settings and record it, in one transaction. Callers check the
    permission; set-up (``Desk.initialize``) is recorded as the trusted system, since nobody
    can be signed in before the data directory exists."""
    previous = desk.settings.get(S_COUNTY_FINGERPRINT)
    values = {S_COUNTY_CODE: card.county_code, S_COUNTY_NAME: card.county_name,
              S_COUNTY_RECIPIENT: card.age_recipient, S_COUNTY_SIGNING: card.signing_key,
              S_COUNTY_FINGERPRINT: card.fingerprint}
    detail = {"county": card.county_code, "county_name": card.county_name,
              "fingerprint": card.fingerprint}
    if previous:
        detail["replaced_fingerprint"] = previous
    if at_setup:
        detail["at_setup"] = True
    with desk.db.session() as s, s.begin():
        for key, value in values.items():
            s.merge(Setting(key=key, value=value))
        desk.audit.record("county_key", None, None, detail, s=s,
                          actor=(desk.session.user or SYSTEM) if at_setup else None)


def renew_station_key(desk) -> Ed25519PrivateKey:
    """Replace this station's lost or compromised signing key (administrator only; recorded).
    The county must re-enrol the station before it imports the next bundle."""
    desk.session.require(Perm.ADMIN)
    store = KeyStore(desk.data_dir)
    try:
        old = store.station_signing_key(create=False)
    except KeyProblem:  # an unreadable key is one reason to renew it
        old = None
    key = store.renew_station_signing_key()
    desk.audit.record("renew_key", None, None, {
        "fingerprint": fingerprint(public_key_b64(key)),
        "retired_fingerprint": fingerprint(public_key_b64(old)) if old else ""})
    return key


def station_county_card(desk) -> KeyCard | None:
    """The county key card loaded at this station, or None."""
    get = desk.settings.get
    recipient, signing = get(S_COUNTY_RECIPIENT), get(S_COUNTY_SIGNING)
    if not recipient or not signing:
        return None
    return KeyCard(get(S_COUNTY_CODE, "") or "", get(S_COUNTY_NAME, "") or "", recipient, signing)


def station_key_fingerprint(desk) -> str:
    """This station's key fingerprint, to read out to the county over the phone at enrolment
    (public data: anyone signed in may see it). The key is made now if the station has none."""
    desk.session.require(Perm.READ)
    identity = desk.identity
    if identity is None or identity.role != "station":
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Bundles", "Only a station installation has a station key.")))
    return station_fingerprint(public_key_b64(KeyStore(desk.data_dir).station_signing_key()))


def ensure_keys(desk) -> None:
    """Make the key pairs of this installation's role (at set-up; idempotent)."""
    identity = desk.identity
    if identity is None:
        return
    store = KeyStore(desk.data_dir)
    if identity.is_tier:  # county, prefecture, province: the same key pairs
        store.ensure_county_keys()
    else:
        store.station_signing_key(create=True)
