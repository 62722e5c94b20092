"""Typed SQLAlchemy models.

Every synced record has a UUID key made where it is created, the code of the owning station,
created/updated timestamps in UTC, a station-wide change sequence number (set on every insert,
update and delete by :mod:`.changes`) and soft deletion (``deleted_at``; synced data is never
really deleted).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_id() -> str:
    """A new record key."""
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    """Now in UTC, stored without tzinfo (SQLite has none)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base of all tables."""


class Synced:
    """Columns every synced record carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_code: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    change_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class Person:
    """Fields every person-bearing record may carry."""

    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(8), default="U")
    phone: Mapped[str | None] = mapped_column(String(40))  # as the user typed it
    phone_norm: Mapped[str | None] = mapped_column(String(24))
    id_number: Mapped[str | None] = mapped_column(String(18))
    employer: Mapped[str | None] = mapped_column(String(100))
    search_key: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Key/value settings of this installation (role, station code and name, ...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChangeCounter(Base):
    """The station-wide change sequence (one row)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class CodeItem(Base):
    """One entry of a code list (purposes, campaigns, ...)."""

    __tablename__ = "code_item"
    list_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_zh: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Staff(Synced, Base):
    """A member of the station's staff."""

    __tablename__ = "staff"
    name: Mapped[str] = mapped_column(String(50))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Visit(Synced, Person, Base):
    """来访登记: one visit of a worker (or a party) to the station."""

    __tablename__ = "visit"
    visited_at: Mapped[dt.datetime] = mapped_column(DateTime)
    left_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    union_member: Mapped[str] = mapped_column(String(10), default="unknown")
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    purpose: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="done")
    referred_to: Mapped[str | None] = mapped_column(String(100))
    staff: Mapped[str | None] = mapped_column(String(50))
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_visit_live_time", "deleted_at", "visited_at"),
                      Index("ix_visit_live_purpose_time", "deleted_at", "purpose", "visited_at"),
                      Index("ix_visit_deleted_time", "visited_at",
                            sqlite_where=text("deleted_at IS NOT NULL")))


class ReliefVisit(Synced, Person, Base):
    """慰问走访: a condolence or relief visit to one recipient."""

    __tablename__ = "relief_visit"
    visit_date: Mapped[dt.date] = mapped_column(Date)
    campaign: Mapped[str] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    cash_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    goods: Mapped[str | None] = mapped_column(String(200))
    goods_value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    visitors: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_relief_live_date", "deleted_at", "visit_date"),
                      Index("ix_relief_live_campaign_date", "deleted_at", "campaign", "visit_date"),
                      Index("ix_relief_deleted_date", "visit_date",
                            sqlite_where=text("deleted_at IS NOT NULL")))


class JobFair(Synced, Base):
    """招聘会: one job-fair event (local, or published by the county when ``source`` is county)."""

    __tablename__ = "job_fair"
    name: Mapped[str] = mapped_column(String(100))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    organiser: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10), default="local")
    search_key: Mapped[str] = mapped_column(Text, default="")


class FairEmployer(Synced, Base):
    """An employer taking part in a job fair, with the positions it offers."""

    __tablename__ = "fair_employer"
    fair_id: Mapped[str] = mapped_column(ForeignKey("job_fair.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    contact: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_norm: Mapped[str | None] = mapped_column(String(24))
    positions: Mapped[int] = mapped_column(Integer, default=0)
    job_titles: Mapped[str | None] = mapped_column(String(500))
    pay_range: Mapped[str | None] = mapped_column(String(50))
    search_key: Mapped[str] = mapped_column(Text, default="")


class JobSeeker(Synced, Person, Base):
    """A job seeker registered at a fair."""

    __tablename__ = "job_seeker"
    fair_id: Mapped[str] = mapped_column(ForeignKey("job_fair.id"), index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    education: Mapped[str | None] = mapped_column(String(20))
    household: Mapped[str | None] = mapped_column(String(10))
    poverty_relief: Mapped[bool] = mapped_column(Boolean, default=False)
    desired_job: Mapped[str | None] = mapped_column(String(100))


class Intention(Synced, Base):
    """An intention between a seeker and an employer at the same fair."""

    __tablename__ = "intention"
    fair_id: Mapped[str] = mapped_column(ForeignKey("job_fair.id"), index=True)
    seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seeker.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("fair_employer.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="intent")
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    position: Mapped[str | None] = mapped_column(String(100))  # one of the employer's positions


class Volunteer(Synced, Person, Base):
    """志愿者: a worker volunteer on the roster."""

    __tablename__ = "volunteer"
    skills: Mapped[str] = mapped_column(String(200), default="")
    availability: Mapped[str | None] = mapped_column(String(100))
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_volunteer_live_created", "deleted_at", "created_at"),)


class ServiceRecord(Synced, Base):
    """Hours one volunteer served on one day (stored as half hours)."""

    __tablename__ = "service_record"
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteer.id"), index=True)
    served_on: Mapped[dt.date] = mapped_column(Date)
    activity: Mapped[str] = mapped_column(String(200))
    half_hours: Mapped[int] = mapped_column(Integer)


SYNCED_MODELS = (Staff, Visit, ReliefVisit, JobFair, FairEmployer, JobSeeker, Intention,
                 Volunteer, ServiceRecord)
