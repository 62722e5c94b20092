"""The specification of every register: fields, listed columns, filters, sort, search."""

from __future__ import annotations

from sqlalchemy import func, select

from ..domain import fields as F
from ..storage import models as M
from .registers import RegisterSpec


def _volunteer_hours(t):
    sr = M.ServiceRecord.__table__
    return (select(func.coalesce(func.sum(sr.c.half_hours), 0))
            .where(sr.c.volunteer_id == t.c.id, sr.c.deleted_at.is_(None))
            .correlate(t).scalar_subquery())


def _employer_intentions(t):
    it = M.Intention.__table__
    return (select(func.count()).where(it.c.employer_id == t.c.id, it.c.deleted_at.is_(None))
            .correlate(t).scalar_subquery())


def _seeker_intentions(t):
    it = M.Intention.__table__
    return (select(func.count()).where(it.c.seeker_id == t.c.id, it.c.deleted_at.is_(None))
            .correlate(t).scalar_subquery())


def _fair_count(child):
    def expr(t):
        c = child.__table__
        return (select(func.count()).where(c.c.fair_id == t.c.id, c.c.deleted_at.is_(None))
                .correlate(t).scalar_subquery())
    return expr


def _fair_positions(t):
    e = M.FairEmployer.__table__
    return (select(func.coalesce(func.sum(e.c.positions), 0))
            .where(e.c.fair_id == t.c.id, e.c.deleted_at.is_(None))
            .correlate(t).scalar_subquery())


def _visit_check(clean):
    F.check_time_order(clean, "visited_at", "left_at")


VISITS = RegisterSpec(
    key="visits", model=M.Visit, fields=F.VISIT,
    columns=("visited_at", "name", "gender", "phone", "id_number", "employer", "purpose",
             "party_size", "status", "staff", "follow_up_on"),
    date_column="visited_at", default_sort="visited_at", category_column="purpose",
    check=_visit_check,
)

RELIEF = RegisterSpec(
    key="relief", model=M.ReliefVisit, fields=F.RELIEF_VISIT,
    columns=("visit_date", "campaign", "name", "gender", "category", "id_number", "phone",
             "employer", "cash_fen", "goods", "goods_value_fen", "visitors"),
    date_column="visit_date", default_sort="visit_date", category_column="campaign",
    search_fields=("address",),
)

FAIRS = RegisterSpec(
    key="fairs", model=M.JobFair, fields=F.JOB_FAIR,
    columns=("held_on", "name", "place", "organiser", "source", "employers", "positions",
             "seekers"),
    date_column="held_on", default_sort="held_on",
    search_fields=("name", "place", "organiser"),
    computed={"employers": _fair_count(M.FairEmployer), "positions": _fair_positions,
              "seekers": _fair_count(M.JobSeeker)},
)

EMPLOYERS = RegisterSpec(
    key="employers", model=M.FairEmployer, fields=F.FAIR_EMPLOYER,
    columns=("name", "positions", "job_titles", "pay_range", "contact", "phone", "credit_code",
             "intentions"),
    date_column="created_at", default_sort="created_at", parent_column="fair_id",
    search_fields=("job_titles", "contact"),
    computed={"intentions": _employer_intentions},
)

SEEKERS = RegisterSpec(
    key="seekers", model=M.JobSeeker, fields=F.JOB_SEEKER,
    columns=("created_at", "name", "gender", "birth_year", "phone", "id_number", "education",
             "household", "poverty_relief", "desired_job", "intentions"),
    date_column="created_at", default_sort="created_at", parent_column="fair_id",
    category_column="education", search_fields=("desired_job",),
    computed={"intentions": _seeker_intentions},
)

VOLUNTEERS = RegisterSpec(
    key="volunteers", model=M.Volunteer, fields=F.VOLUNTEER,
    columns=("name", "gender", "phone", "id_number", "employer", "skills", "availability",
             "joined_on", "status", "hours"),
    date_column="joined_on", default_sort="created_at", category_column="status",
    search_fields=("availability",),
    computed={"hours": _volunteer_hours},
)

SERVICE_RECORDS = RegisterSpec(
    key="service_records", model=M.ServiceRecord, fields=F.SERVICE_RECORD,
    columns=("served_on", "activity", "half_hours"),
    date_column="served_on", default_sort="served_on", parent_column="volunteer_id",
)


def _intention_seeker_name(t):
    s = M.JobSeeker.__table__
    return select(s.c.name).where(s.c.id == t.c.seeker_id).correlate(t).scalar_subquery()


def _intention_employer_name(t):
    e = M.FairEmployer.__table__
    return select(e.c.name).where(e.c.id == t.c.employer_id).correlate(t).scalar_subquery()


def _intention_same_fair(session, clean):
    from ..domain.errors import ValidationFailed
    from ..domain.i18n import QT_TRANSLATE_NOOP, msg

    seeker = session.get(M.JobSeeker, clean["seeker_id"])
    employer = session.get(M.FairEmployer, clean["employer_id"])
    if seeker is None or seeker.fair_id != clean["fair_id"]:
        raise ValidationFailed({"seeker_id": msg("Registers", QT_TRANSLATE_NOOP(
            "Registers", "The job seeker is not registered at this fair."))})
    if employer is None or employer.fair_id != clean["fair_id"]:
        raise ValidationFailed({"employer_id": msg("Registers", QT_TRANSLATE_NOOP(
            "Registers", "The employer does not take part in this fair."))})
    position = clean.get("position")
    if position:
        from ..domain.fields import split_positions

        offered = split_positions(employer.job_titles)
        if position not in offered:
            raise ValidationFailed({"position": msg("Registers", QT_TRANSLATE_NOOP(
                "Registers", "{employer} does not offer the position {position}; it offers: "
                             "{offered}."), employer=employer.name, position=position,
                offered="、".join(offered) or "—")})


INTENTIONS = RegisterSpec(
    key="intentions", model=M.Intention, fields=F.INTENTION,
    columns=("agreed_on", "seeker_name", "employer_name", "position", "status"),
    date_column="agreed_on", default_sort="agreed_on", parent_column="fair_id",
    category_column="status", check_db=_intention_same_fair,
    computed={"seeker_name": _intention_seeker_name, "employer_name": _intention_employer_name},
)

ALL_SPECS = (VISITS, RELIEF, FAIRS, EMPLOYERS, SEEKERS, INTENTIONS, VOLUNTEERS, SERVICE_RECORDS)
