"""Tables of sync bundles (local bookkeeping of each PC; never themselves in a bundle).

- station side: ``bundle_export`` (every bundle written, its number and change-sequence range,
  whether the county confirmed it) and ``reference_import`` (reference bundles applied);
- county side: ``station_enrolment`` (each station's pinned signing key), ``bundle_import`` (every
  import attempt with its report) and ``reference_export`` (reference bundles published).

Created by the Alembic revision ``sync_0001``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


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


class StationEnrolment(Base):
    """A station known to the county, with the signing key pinned at its first import."""

    __tablename__ = "station_enrolment"
    station_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    station_name: Mapped[str] = mapped_column(String(100), default="")
    signing_key: Mapped[str | None] = mapped_column(String(100))  # base64 raw Ed25519 public key
    fingerprint: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_import_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    history: Mapped[str] = mapped_column(Text, default="[]")  # JSON: earlier keys, re-enrolments


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
