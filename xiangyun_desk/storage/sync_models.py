"""Tables of sync bundles (local bookkeeping of each PC; never themselves in a bundle).

- station side: ``bundle_export`` (every bundle written, its number and change-sequence range,
  whether the county confirmed it) and ``reference_import`` (reference bundles applied);
- county side: ``county_station`` (the registry of stations and their keys), ``bundle_import`` (every
  import attempt with its report) and ``reference_export`` (reference bundles published).

Created by the Alembic revisions ``sync_0001`` and ``trust_0001``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow

# Setting key: a bundle whose number is recorded but whose file may not have its final name yet
# (services/bundles/export.py; cleared once it has, checked at the next start after a crash).
PENDING_EXPORT_SETTING = "bundle_export_pending"


class BundleExport(Base):
    """A sync bundle this station wrote."""

    __tablename__ = "bundle_export"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    file_name: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(12))  # incremental | full
    from_seq: Mapped[int] = mapped_column(Integer)  # exclusive
    to_seq: Mapped[int] = mapped_column(Integer)  # inclusive
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON {table: n}
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class CountyStation(Base):
    """One station of the county's registry (站点): who it is, whether a monthly bundle is
    expected from it, and the signing key the county trusts for it.

    A station is known by ``(county_code, code)``: ``code`` is the short code the station was
    set up with and writes into its records and bundles (``03``); ``county_code`` is the county
    that issued it. Together they are unique country-wide, so a later federation tier can
    qualify the short code (``qualified_code``) without changing this table's key.

    ``key_state``: ``pending`` (no confirmed key: the county has not yet confirmed a
    fingerprint), ``confirmed`` (a county administrator entered or confirmed the fingerprint,
    read out by the station), ``first_use`` (pinned by the first bundle before enrolment existed;
    kept for existing county databases, shown with a prompt to verify). ``fingerprint`` is the
    trusted fingerprint; ``signing_key`` the key seen with it (empty until the first bundle when
    the fingerprint was typed in). ``offered_*``: a key that a bundle brought and that is held
    for confirmation (待确认).

    Created by the Alembic revision ``trust_0001`` (which carried over ``station_enrolment``).
    """

    __tablename__ = "county_station"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100), default="")
    township: Mapped[str] = mapped_column(String(100), default="")
    monthly_expected: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(12), default="county")  # county | bundle | migrated
    key_state: Mapped[str] = mapped_column(String(12), default="pending")
    fingerprint: Mapped[str | None] = mapped_column(String(40))
    signing_key: Mapped[str | None] = mapped_column(String(100))  # base64 raw Ed25519 public key
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    offered_key: Mapped[str | None] = mapped_column(String(100))
    offered_fingerprint: Mapped[str | None] = mapped_column(String(40))
    offered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_import_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    history: Mapped[str] = mapped_column(Text, default="[]")  # JSON: retired keys
    # station | county | prefecture (revision fed_0002): at a prefecture or province the rows of
    # the forwarding tiers below (code = county_code = the tier's own code, key = its key card's
    # signing key, fingerprint = the key card's) and the stations their relay bundles vouched
    # for (source = "relay").
    tier: Mapped[str] = mapped_column(String(12), default="station", server_default="station")

    __table_args__ = (UniqueConstraint("county_code", "code", name="uq_county_station_code"),)


class RelayItem(Base):
    """A station bundle this tier applied, kept as the station signed it, to be forwarded to the
    next tier in relay bundles (services/bundles/relay*.py; revision fed_0002).

    ``manifest`` and ``signature`` are the station's exact bytes; ``payload`` the decrypted
    ``payload.zip`` whose table hashes the signed manifest pins. ``via`` is the tier it came
    through ("" for a bundle the county imported from the station itself). ``id`` orders the
    items for incremental relay bundles (a relay bundle holds the ids in (from, to]).
    """

    __tablename__ = "relay_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(20))
    station_code: Mapped[str] = mapped_column(String(20))
    bundle_seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    signing_key: Mapped[str] = mapped_column(String(100))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    via: Mapped[str] = mapped_column(String(20), default="")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("county_code", "station_code", "manifest_sha256",
                                       name="uq_relay_item_bundle"),)


class BundleImport(Base):
    """One attempt to import one bundle file at the county, with its report."""

    __tablename__ = "bundle_import"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    station_code: Mapped[str | None] = mapped_column(String(20))
    station_name: Mapped[str | None] = mapped_column(String(100))
    bundle_seq: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(12))
    from_seq: Mapped[int | None] = mapped_column(Integer)
    to_seq: Mapped[int | None] = mapped_column(Integer)
    bundle_created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12))  # applied | duplicate | stale | rejected
    reason: Mapped[str] = mapped_column(Text, default="")
    report: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the ImportResult

    __table_args__ = (Index("ix_bundle_import_station_seq", "station_code", "bundle_seq"),)


class ReferenceExport(Base):
    """A reference bundle the county published."""

    __tablename__ = "reference_export"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    file_name: Mapped[str] = mapped_column(String(255))
    counts: Mapped[str] = mapped_column(Text, default="{}")
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReferenceImport(Base):
    """A reference bundle from the county applied (or refused) at this station."""

    __tablename__ = "reference_import"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(255))
    ref_seq: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")
    report: Mapped[str] = mapped_column(Text, default="{}")


class ImportUndo(Base):
    """What one applied bundle changed (services/bundles/undo.py): a record it added
    (``before`` NULL) or the record as it was before the bundle changed it (a JSON line)."""

    __tablename__ = "import_undo"
    import_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    before: Mapped[str | None] = mapped_column(Text)
