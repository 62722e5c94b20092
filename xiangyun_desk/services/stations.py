"""The county's registry of its stations (站点): who they are and which key each one signs with.

One row per station (storage/sync_models.py ``CountyStation``): code, name, township, whether a
monthly bundle is expected, and the station's signing key with its **enrolment state**:

- ``confirmed`` — a county administrator entered the fingerprint the station read out over the
  phone (``station-key`` at the station shows it), or confirmed the fingerprint of a key that
  a bundle brought. Bundles signed by that key are applied.
- ``first_use`` — the key was pinned by the station's first bundle before enrolment existed
  (county databases from before revision ``trust_0001``). Its bundles are still applied, with a
  prompt to verify the fingerprint with the station; confirming it makes it ``confirmed``.
- ``pending`` — no trusted key yet. Bundles are held (待确认), never applied.

A bundle signed by any other key — a station not in the list, a station without a trusted key,
a station that renewed its key, or a stranger holding the county's public key card — is held
with the fingerprint to check, and applied only after an administrator confirms that
fingerprint (:meth:`StationRegistry.confirm_key`, or the import's ``confirm`` argument). A held
bundle's key is kept as the station's **offered** key until then. Re-enrolling a station that
renewed its key is the same confirmation.

Every change is recorded in the audit log (``station_add``, ``station_edit``, ``station_key``);
only the administrator may change the registry, anyone signed in may read it.

Identity: a station is ``(county_code, code)``. ``code`` is the short code the station was set
up with and writes into its records; ``county_code`` is the county that issued it (this
county). ``qualified_code`` joins them, unique country-wide, for a later federation tier.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..domain.errors import FieldInvalid, ValidationFailed
from ..domain.fields import Field, clean_value
from ..domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ..domain.permissions import Perm
from ..storage.models import utcnow
from ..storage.sync_models import CountyStation
from .bundles.keys import KeyProblem, fingerprint, parse_fingerprint

CTX = "Stations"
KEY_STATES = ("pending", "confirmed", "first_use")
KEY_STATE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("Stations", "not confirmed"),
    "confirmed": QT_TRANSLATE_NOOP("Stations", "confirmed"),
    "first_use": QT_TRANSLATE_NOOP("Stations", "confirmed by first use (verify it)"),
}
HELD_LABEL = QT_TRANSLATE_NOOP("Stations", "awaiting confirmation")

_NAME = Field("name", required=True, max_len=100)
_TOWNSHIP = Field("township", max_len=100)


def qualified_code(county_code: str, code: str) -> str:
    """The station's code qualified by the county that issued it (unique country-wide)."""
    return f"{county_code}-{code}" if county_code else code


@dataclass(frozen=True)
class Station:
    """One station of the registry, as the services hand it out (no key material)."""

    code: str
    county_code: str
    name: str
    township: str
    monthly_expected: bool
    key_state: str
    fingerprint: str | None
    key_seen: bool
    offered_fingerprint: str | None
    offered_at: dt.datetime | None
    confirmed_at: dt.datetime | None
    source: str
    created_at: dt.datetime
    updated_at: dt.datetime
    last_import_at: dt.datetime | None
    tier: str = "station"  # or the forwarding tier a prefecture / province enrolled

    @property
    def qualified_code(self) -> str:
        return qualified_code(self.county_code, self.code)

    @property
    def awaiting_confirmation(self) -> bool:
        """A bundle brought a key that an administrator has not confirmed yet (待确认)."""
        return self.offered_fingerprint is not None

    @property
    def trusted(self) -> bool:
        return self.key_state in ("confirmed", "first_use")

    def state_label(self) -> Message:
        if self.awaiting_confirmation:
            return msg(CTX, HELD_LABEL)
        return msg(CTX, KEY_STATE_LABELS.get(self.key_state, self.key_state))

    def to_json(self) -> dict[str, Any]:
        def iso(v):
            return v.isoformat(timespec="seconds") if v else None

        return {"code": self.code, "county_code": self.county_code,
                "qualified_code": self.qualified_code, "name": self.name,
                "township": self.township, "monthly_expected": self.monthly_expected,
                "key_state": self.key_state, "fingerprint": self.fingerprint,
                "key_seen": self.key_seen, "offered_fingerprint": self.offered_fingerprint,
                "offered_at": iso(self.offered_at), "confirmed_at": iso(self.confirmed_at),
                "source": self.source, "created_at": iso(self.created_at),
                "updated_at": iso(self.updated_at), "last_import_at": iso(self.last_import_at),
                "tier": self.tier}


def _station(row: CountyStation) -> Station:
    return Station(row.code, row.county_code, row.name or "", row.township or "",
                   bool(row.monthly_expected), row.key_state, row.fingerprint,
                   bool(row.signing_key), row.offered_fingerprint, row.offered_at,
                   row.confirmed_at, row.source, row.created_at, row.updated_at,
                   row.last_import_at, row.tier or "station")


def check_code(code: Any) -> str:
    """A station code: 1–20 digits (as ``init`` and the bundle manifest have it)."""
    text = str(code or "").strip()
    if not text.isascii() or not text.isdigit() or not 1 <= len(text) <= 20:
        raise FieldInvalid(msg(CTX, QT_TRANSLATE_NOOP("Stations", "A station code is 1 to 20 digits, e.g. 03.")))
    return text


def _fingerprint_field(text: str) -> str:
    try:
        return parse_fingerprint(text)
    except KeyProblem as exc:
        raise FieldInvalid(exc.message) from None


# ---- inside another service's transaction (the importer) -------------------------------------

def find(s, county_code: str, code: str) -> CountyStation | None:
    return s.scalar(select(CountyStation).where(CountyStation.county_code == county_code,
                                                CountyStation.code == code))


def _retire(row: CountyStation, why: str, note: str = "") -> None:
    """Keep the key being replaced in the station's history (public data only)."""
    if not row.fingerprint and not row.signing_key:
        return
    history = json.loads(row.history or "[]")
    history.append({"retired_key": row.signing_key, "fingerprint": row.fingerprint,
                    "state": row.key_state, "why": why,
                    "at": utcnow().isoformat(timespec="seconds"), "note": note[:200]})
    row.history = json.dumps(history, ensure_ascii=False)


def trust(row: CountyStation | None, key: str) -> str:
    """How the registry stands to a bundle signed by ``key``: ``trusted`` (apply),
    ``bind`` (the confirmed fingerprint matches and this is the first bundle with it: apply
    and keep the key) or ``held`` (never applied without a confirmation)."""
    if row is None or row.key_state not in ("confirmed", "first_use"):
        return "held"
    if row.signing_key:
        return "trusted" if row.signing_key == key else "held"
    if row.fingerprint and row.fingerprint == fingerprint(key):
        return "bind"
    return "held"


def offer(s, desk, county_code: str, code: str, name: str, township: str, key: str) -> None:
    """A real import held a bundle signed by ``key``: remember it as the station's offered key
    (a station not in the list is added, without a monthly bundle expected, until confirmed)."""
    row = find(s, county_code, code)
    fp = fingerprint(key)
    now = utcnow()
    if row is None:
        row = CountyStation(county_code=county_code, code=code, name=name[:100],
                            township=township[:100], monthly_expected=False, source="bundle",
                            key_state="pending", created_at=now, updated_at=now, history="[]")
        s.add(row)
    if row.offered_key != key:
        row.offered_key, row.offered_fingerprint, row.offered_at = key, fp, now
        row.updated_at = now


def accept(s, desk, county_code: str, code: str, name: str, township: str, key: str,
           confirmed_fp: str, note: str = "") -> None:
    """An administrator confirmed, at import, that ``key`` (fingerprint ``confirmed_fp``) is the
    station's: make it the station's confirmed key (adding the station if needed); recorded."""
    fp = fingerprint(key)
    if parse_fingerprint(confirmed_fp) != fp:
        raise KeyProblem(msg(CTX, QT_TRANSLATE_NOOP("Stations", "The fingerprint confirmed for station {code} ({typed}) is not the fingerprint of the key that signed the bundle ({actual})."), code=code, typed=confirmed_fp[:40], actual=fp))
    row = find(s, county_code, code)
    now = utcnow()
    added = row is None
    if row is None:
        row = CountyStation(county_code=county_code, code=code, name=name[:100],
                            township=township[:100], monthly_expected=True, source="bundle",
                            key_state="pending", created_at=now, updated_at=now, history="[]")
        s.add(row)
    _set_key(s, desk, row, fp, key, via="bundle", note=note, added=added)


def _set_key(s, desk, row: CountyStation, fp: str, key: str | None, via: str, note: str,
             added: bool = False) -> None:
    previous, previous_state = row.fingerprint, row.key_state
    same = previous == fp and (key is None or row.signing_key in (None, key))
    if not same:
        _retire(row, "re-enrolled", note)
        row.signing_key = key
    elif key is not None:
        row.signing_key = key
    if row.source == "bundle" and previous_state == "pending":
        row.monthly_expected = True  # a station confirmed from its bundle is a real station
    row.fingerprint, row.key_state = fp, "confirmed"
    row.confirmed_at = row.updated_at = utcnow()
    if row.offered_fingerprint == fp or (key is not None and row.offered_key == key):
        row.offered_key = row.offered_fingerprint = row.offered_at = None
    detail = {"station": row.code, "fingerprint": fp, "via": via,
              "previous_fingerprint": previous or "", "previous_state": previous_state,
              "note": bool(note.strip())}
    if added:
        detail["added"] = True
    desk.audit.record("station_key", None, None, detail, s=s)


def touch(s, county_code: str, code: str, name: str, township: str, key: str) -> None:
    """An applied bundle: keep the key (first bundle after a typed-in fingerprint), fill in a
    name or township the county left empty, note the time."""
    row = find(s, county_code, code)
    if row is None:  # pragma: no cover - the importer only applies bundles of listed stations
        return
    if not row.signing_key:
        row.signing_key = key
    if not row.name:
        row.name = name[:100]
    if not row.township:
        row.township = township[:100]
    if row.offered_key == key:
        row.offered_key = row.offered_fingerprint = row.offered_at = None
    row.last_import_at = utcnow()


# ---- the tiers above the county (services/bundles/relay_import.py) ----------------------------
# A prefecture enrols its counties, a province its prefectures, by the fingerprint of their key
# card (``xiangyun-desk county-key``), exactly as a county enrols its stations: one row each,
# ``county_code`` = ``code`` = the tier's own code, ``tier`` = county | prefecture.

def trust_tier(row: CountyStation | None, key: str, fp: str) -> str:
    """As :func:`trust`, for a forwarding tier whose fingerprint covers its key card."""
    if row is None or row.key_state not in ("confirmed", "first_use"):
        return "held"
    if row.signing_key:
        return "trusted" if row.signing_key == key else "held"
    return "bind" if row.fingerprint == fp else "held"


def _tier_row(s, tier: str, code: str, name: str, source: str) -> tuple[CountyStation, bool]:
    row = find(s, code, code)
    if row is not None:
        return row, False
    now = utcnow()
    row = CountyStation(county_code=code, code=code, name=name[:100], township="",
                        monthly_expected=source != "bundle", source=source, tier=tier,
                        key_state="pending", created_at=now, updated_at=now, history="[]")
    s.add(row)
    return row, True


def offer_tier(s, tier: str, code: str, name: str, key: str, fp: str) -> None:
    """A relay bundle from a tier whose key is not confirmed: remember the key offered."""
    row, _added = _tier_row(s, tier, code, name, "bundle")
    if row.offered_key != key:
        row.offered_key, row.offered_fingerprint, row.offered_at = key, fp, utcnow()
        row.updated_at = utcnow()


def accept_tier(s, desk, tier: str, code: str, name: str, key: str, fp: str,
                note: str = "") -> None:
    """An administrator confirmed the fingerprint of a forwarding tier at import."""
    row, added = _tier_row(s, tier, code, name, "bundle")
    _set_key(s, desk, row, fp, key, via="bundle", note=note, added=added)


def touch_tier(s, code: str, key: str) -> None:
    """The first relay bundle after the tier's fingerprint was typed in: keep its key."""
    row = find(s, code, code)
    if row is not None and not row.signing_key:
        row.signing_key = key


def vouch(s, desk, county_code: str, code: str, name: str, township: str, key: str | None,
          via: str, county_name: str = "") -> None:
    """A station key that the forwarding tier ``via`` confirmed and forwarded, signed: the
    station's row at this tier (re-keying replaces the key, the old one kept in the history).
    A county seen only through a prefecture gets a row of its own for its name (source
    ``relay``, never trusted as a forwarding tier)."""
    row = find(s, county_code, code)
    now = utcnow()
    if code == county_code:  # the county's own records (its job fairs): its row, not a station
        if row is None:
            s.add(CountyStation(county_code=code, code=code, name=county_name or name,
                                township="", monthly_expected=False, source="relay",
                                tier="county", key_state="pending", created_at=now,
                                updated_at=now, history="[]"))
        return
    if county_code != via and find(s, county_code, county_code) is None:
        s.add(CountyStation(county_code=county_code, code=county_code, name=county_name,
                            township="", monthly_expected=False, source="relay", tier="county",
                            key_state="pending", created_at=now, updated_at=now, history="[]"))
    if row is None:
        row = CountyStation(county_code=county_code, code=code, name=name, township=township,
                            monthly_expected=True, source="relay", tier="station",
                            key_state="pending", created_at=now, updated_at=now, history="[]")
        s.add(row)
    if name and row.name != name:
        row.name = name
    if township and row.township != township:
        row.township = township
    if key and row.signing_key != key:
        previous = row.fingerprint
        _retire(row, "re-keyed", f"vouched by {via}")
        row.signing_key, row.fingerprint = key, fingerprint(key)
        row.key_state, row.confirmed_at, row.updated_at = "confirmed", now, now
        desk.audit.record("station_key", None, None, {
            "station": qualified_code(county_code, code), "fingerprint": row.fingerprint,
            "via": f"relay:{via}", "previous_fingerprint": previous or ""}, s=s)


# ---- the service -----------------------------------------------------------------------------

class StationRegistry:
    """The county's list of stations (county installations)."""

    def __init__(self, desk):
        self.desk = desk

    @property
    def county_code(self) -> str:
        identity = self.desk.identity
        return identity.code if identity else ""

    @property
    def upper(self) -> bool:
        identity = self.desk.identity
        return bool(identity and identity.is_upper)

    def stations(self) -> list[Station]:
        """Every station, by code (at a prefecture or province: every station of every county
        below, by county and code)."""
        self.desk.session.require(Perm.READ)
        with self.desk.db.session() as s:
            if self.upper:
                stmt = select(CountyStation).where(CountyStation.tier == "station").order_by(
                    CountyStation.county_code, CountyStation.code)
            else:
                stmt = select(CountyStation).where(
                    CountyStation.county_code == self.county_code).order_by(CountyStation.code)
            return [_station(r) for r in s.scalars(stmt)]

    def tiers(self) -> list[Station]:
        """The forwarding tiers enrolled here (a prefecture's counties, a province's
        prefectures), by code."""
        self.desk.session.require(Perm.READ)
        with self.desk.db.session() as s:
            rows = s.scalars(select(CountyStation).where(
                CountyStation.tier != "station", CountyStation.source != "relay")
                .order_by(CountyStation.code))
            return [_station(r) for r in rows]

    def county_names(self) -> dict[str, str]:
        """The counties this installation knows, code -> name (itself at a county; at a
        prefecture its enrolled counties; at a province those its prefectures forwarded)."""
        self.desk.session.require(Perm.READ)
        identity = self.desk.identity
        names = {identity.code: identity.name} if identity and identity.role == "county" else {}
        with self.desk.db.session() as s:
            for row in s.scalars(select(CountyStation).where(CountyStation.tier == "county")):
                names[row.code] = row.name or names.get(row.code, "")
        return names

    def add_tier(self, code: str, name: str, fingerprint_text: str | None = None,
                 note: str = "") -> Station:
        """Enrol the tier below (a prefecture its county, a province its prefecture) by the
        fingerprint of its key card, read out over the phone (administrator; recorded)."""
        from .bundles.relay import CHILD_TIER

        self.desk.session.require(Perm.ADMIN)
        identity = self.desk.identity
        if identity is None or not identity.is_upper:
            raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Stations", "Only a prefecture or a province enrols the tier below."))})
        errors: dict[str, Message] = {}
        clean: dict[str, Any] = {}
        for key, check in (("code", lambda: check_code(code)),
                           ("name", lambda: clean_value(_NAME, name)),
                           ("fingerprint", lambda: _fingerprint_field(fingerprint_text)
                            if (fingerprint_text or "").strip() else None)):
            try:
                clean[key] = check()
            except FieldInvalid as exc:
                errors[key] = exc.message
        if clean.get("code") == identity.code:
            errors["code"] = msg(CTX, QT_TRANSLATE_NOOP("Stations", "This is the county's own code."))
        if errors:
            raise ValidationFailed(errors)
        tier = CHILD_TIER[identity.role]
        with self.desk.db.session() as s, s.begin():
            row, added = _tier_row(s, tier, clean["code"], clean["name"], "county")
            if not added and not (row.source == "bundle" and row.key_state == "pending"):
                raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Stations", "Station {code} is already in the list."), code=clean["code"])})
            row.name, row.source, row.monthly_expected = clean["name"], "county", True
            s.flush()
            self.desk.audit.record("station_add", None, None, {
                "station": row.code, "name": row.name, "tier": tier}, s=s)
            if clean["fingerprint"]:
                _set_key(s, self.desk, row, clean["fingerprint"], None, via="typed", note=note)
            s.flush()
            return _station(row)

    def station(self, code: str) -> Station | None:
        self.desk.session.require(Perm.READ)
        with self.desk.db.session() as s:
            row = find(s, self.county_code, str(code))
            return _station(row) if row else None

    def _require_county(self) -> None:
        identity = self.desk.identity
        if identity is None or identity.role != "county":
            raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Stations", "Only a county installation keeps a list of stations."))})

    def add(self, code: str, name: str, township: str = "", monthly_expected: bool = True,
            fingerprint_text: str | None = None, note: str = "") -> Station:
        """Add a station (administrator). With ``fingerprint_text`` (read out by the station over
        the phone) its key is confirmed at once. Raises ValidationFailed per bad field."""
        self.desk.session.require(Perm.ADMIN)
        self._require_county()
        errors: dict[str, Message] = {}
        clean: dict[str, Any] = {}
        for key, check in (("code", lambda: check_code(code)),
                           ("name", lambda: clean_value(_NAME, name)),
                           ("township", lambda: clean_value(_TOWNSHIP, township) or ""),
                           ("fingerprint", lambda: _fingerprint_field(fingerprint_text)
                            if (fingerprint_text or "").strip() else None)):
            try:
                clean[key] = check()
            except FieldInvalid as exc:
                errors[key] = exc.message
        if "code" in clean and clean["code"] == self.county_code:
            errors["code"] = msg(CTX, QT_TRANSLATE_NOOP("Stations", "This is the county's own code."))
        if errors:
            raise ValidationFailed(errors)
        now = utcnow()
        with self.desk.db.session() as s, s.begin():
            row = find(s, self.county_code, clean["code"])
            adopted = row is not None and row.source == "bundle" and row.key_state == "pending"
            if row is not None and not adopted:
                raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Stations", "Station {code} is already in the list."), code=clean["code"])})
            if row is None:
                row = CountyStation(county_code=self.county_code, code=clean["code"],
                                    created_at=now, key_state="pending", history="[]")
                s.add(row)
            # A station first seen in a held bundle (not yet confirmed) is taken over as entered.
            row.name, row.township = clean["name"], clean["township"]
            row.monthly_expected, row.source, row.updated_at = bool(monthly_expected), "county", now
            s.flush()
            detail = {"station": row.code, "name": row.name, "township": row.township,
                      "monthly_expected": row.monthly_expected}
            if adopted:
                detail["from_held_bundle"] = True
            self.desk.audit.record("station_add", None, None, detail, s=s)
            if clean["fingerprint"]:
                _set_key(s, self.desk, row, clean["fingerprint"], None, via="typed", note=note)
            s.flush()
            return _station(row)

    def update(self, code: str, *, name: str | None = None, township: str | None = None,
               monthly_expected: bool | None = None) -> Station:
        """Change a station's name, township or whether a monthly bundle is expected
        (administrator; the changed fields are recorded)."""
        self.desk.session.require(Perm.ADMIN)
        errors: dict[str, Message] = {}
        values: dict[str, Any] = {}
        if name is not None:
            try:
                values["name"] = clean_value(_NAME, name)
            except FieldInvalid as exc:
                errors["name"] = exc.message
        if township is not None:
            try:
                values["township"] = clean_value(_TOWNSHIP, township) or ""
            except FieldInvalid as exc:
                errors["township"] = exc.message
        if monthly_expected is not None:
            values["monthly_expected"] = bool(monthly_expected)
        if errors:
            raise ValidationFailed(errors)
        with self.desk.db.session() as s, s.begin():
            row = self._row(s, code)
            changes = {k: [getattr(row, k), v] for k, v in values.items() if getattr(row, k) != v}
            if changes:
                for key, (_old, new) in changes.items():
                    setattr(row, key, new)
                row.updated_at = utcnow()
                self.desk.audit.record("station_edit", None, None,
                                       {"station": row.code, "changes": changes}, s=s)
            s.flush()
            return _station(row)

    def confirm_key(self, code: str, fingerprint_text: str, note: str = "") -> Station:
        """Confirm the fingerprint a station read out over the phone (administrator; recorded).

        - a bundle brought a key with this fingerprint (待确认): that key becomes the station's;
        - the station's key was pinned by first use and this is its fingerprint: verified;
        - otherwise the fingerprint is the station's new key (enrolment before its first bundle,
          or re-enrolment after ``renew-station-key``): the next bundle signed by a key with this
          fingerprint is applied, any other is held. The key it replaces is kept in the history.

        ``note`` (who confirmed it, by which call) stays in the station's history, not in the
        audit entry, which holds no personal data.
        """
        self.desk.session.require(Perm.ADMIN)
        try:
            fp = _fingerprint_field(fingerprint_text)
        except FieldInvalid as exc:
            raise ValidationFailed({"fingerprint": exc.message}) from None
        with self.desk.db.session() as s, s.begin():
            row = self._row(s, code)
            if row.offered_fingerprint == fp:
                key = row.offered_key
            elif row.signing_key and row.fingerprint == fp:
                key = row.signing_key
            else:
                key = None
            if row.key_state == "confirmed" and row.fingerprint == fp \
                    and (key is None or key == row.signing_key or not row.signing_key) \
                    and row.offered_fingerprint != fp:
                return _station(row)  # nothing new
            _set_key(s, self.desk, row, fp, key, via="typed", note=note)
            if note.strip():
                history = json.loads(row.history or "[]")
                history.append({"confirmed": fp, "at": utcnow().isoformat(timespec="seconds"),
                                "note": note[:200]})
                row.history = json.dumps(history, ensure_ascii=False)
            s.flush()
            return _station(row)

    def _row(self, s, code: str) -> CountyStation:
        code = str(code).strip()
        # At a prefecture or province: the tier below by its code (its key card).
        row = find(s, code, code) if self.upper else find(s, self.county_code, code)
        if row is None:
            raise ValidationFailed({"code": msg(CTX, QT_TRANSLATE_NOOP("Stations", "Station {code} is not in the list of stations."), code=str(code)[:20])})
        return row
