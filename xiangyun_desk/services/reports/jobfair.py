"""招聘会情况报告 for one event: the employers and their positions, the seekers registered, the
intentions reached. Headline figures come from StatsService for the event's day."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Paragraph
from sqlalchemy import distinct, func, select

from ...storage import models as M
from ..definitions import format_number as N
from ..stats import Period, StatsService
from . import texts as T
from .common import Ctx, date_text
from .layout import (
    S_DATE,
    S_ID,
    S_PHONE,
    S_SEQ,
    S_SMALL,
    Column,
    column_widths,
    data_table,
    key_value_table,
    no_records,
    title_block,
    totals_box,
)

SEQ = Column("seq", align="center", max_chars=None, sample=S_SEQ)
EMPLOYER_COLS = (SEQ, Column("employer_name", 3.0, max_chars=100),
                 Column("credit_code", align="center", sample="91532923MA6N000000"),
                 Column("contact", 1.1, max_chars=50),
                 Column("phone", align="center", sample=S_PHONE),
                 Column("positions", align="right", sample="000000"),
                 Column("job_titles", 3.2, max_chars=200), Column("pay_range", 1.4, "center", 50),
                 Column("employer_intentions", align="right", sample="0000"))
SEEKER_COLS = (SEQ, Column("name", 1.3, max_chars=50),
               Column("gender", align="center", sample="未填"),
               Column("birth_year", align="center", sample="0000"),
               Column("phone", align="center", sample=S_PHONE),
               Column("id_number", align="center", sample=S_ID),
               Column("education", align="center", sample="小学及以下"),
               Column("household", align="center", sample="农村"),
               Column("poverty_relief", align="center", sample="否"),
               Column("desired_job", 2.2, max_chars=100),
               Column("seeker_intentions", align="right", sample=S_SMALL))
INTENTION_COLS = (SEQ, Column("agreed_on", align="center", sample=S_DATE),
                  Column("seeker", 1.6, max_chars=50), Column("employer_name", 4.0, max_chars=100),
                  Column("position", 1.6, max_chars=100),
                  Column("intention_status", align="center", sample="达成意向"))
POSITION_COLS = (SEQ, Column("employer_name", 4.0, max_chars=100), Column("position", 2.0,
                                                                        max_chars=100),
                 Column("position_intentions", align="right", sample="00000"),
                 Column("position_people", align="right", sample="00000"))


def position_counts(desk, fair_id: str) -> list[dict]:
    """Live intentions of a fair per employer (by name) and position (None: no position
    named), in the employers' order: ``[{employer, position, intentions, people}]``."""
    e = M.FairEmployer.__table__.c
    s = M.JobSeeker.__table__.c
    i = M.Intention.__table__.c
    stmt = (select(e.name, i.position, func.count(), func.count(distinct(i.seeker_id)))
            .select_from(M.Intention.__table__.join(M.FairEmployer.__table__,
                                                    e.id == i.employer_id))
            .where(i.fair_id == fair_id, i.deleted_at.is_(None), e.deleted_at.is_(None),
                   i.seeker_id.in_(select(s.id).where(s.deleted_at.is_(None))))
            .group_by(e.name, i.position)
            .order_by(func.min(e.created_at), e.name, i.position.is_(None), i.position))
    with desk.db.engine.connect() as conn:
        return [{"employer": name, "position": position, "intentions": n, "people": people}
                for name, position, n, people in conn.execute(stmt)]


def fair_info(desk, fair_id: str) -> dict | None:
    """The live fair with this id (or None)."""
    f = M.JobFair.__table__.c
    with desk.db.engine.connect() as conn:
        row = conn.execute(select(f.id, f.name, f.held_on, f.place, f.organiser, f.source)
                           .where(f.id == fair_id, f.deleted_at.is_(None))).first()
    return dict(row._mapping) if row else None


def build(ctx: Ctx, fair_id: str) -> list:
    fair = fair_info(ctx.desk, fair_id)
    e = M.FairEmployer.__table__.c
    s = M.JobSeeker.__table__.c
    i = M.Intention.__table__.c
    live_seekers = select(s.id).where(s.deleted_at.is_(None))
    live_employers = select(e.id).where(e.deleted_at.is_(None))
    live_intention = [i.deleted_at.is_(None), i.seeker_id.in_(live_seekers),
                      i.employer_id.in_(live_employers)]

    emp_intentions = (select(func.count(distinct(i.seeker_id)))
                      .where(i.employer_id == e.id, *live_intention)
                      .correlate(M.FairEmployer.__table__).scalar_subquery())
    employers_q = (select(e.name, e.credit_code, e.contact, e.phone, e.positions, e.job_titles,
                          e.pay_range, emp_intentions.label("intentions"))
                   .where(e.fair_id == fair_id, e.deleted_at.is_(None))
                   .order_by(e.created_at, e.name))
    seeker_intentions = (select(func.count()).where(i.seeker_id == s.id, *live_intention)
                         .correlate(M.JobSeeker.__table__).scalar_subquery())
    seekers_q = (select(s.name, s.gender, s.birth_year, s.phone, s.id_number, s.education,
                        s.household, s.poverty_relief, s.desired_job,
                        seeker_intentions.label("intentions"))
                 .where(s.fair_id == fair_id, s.deleted_at.is_(None))
                 .order_by(s.created_at, s.name))
    seeker_name = select(s.name).where(s.id == i.seeker_id).scalar_subquery()
    employer_name = select(e.name).where(e.id == i.employer_id).scalar_subquery()
    intentions_q = (select(i.agreed_on, seeker_name.label("seeker"),
                           employer_name.label("employer"), i.position, i.status)
                    .where(i.fair_id == fair_id, *live_intention)
                    .order_by(i.agreed_on, seeker_name))

    def rows(stmt, cols, start, end, make):
        widths = column_widths(ctx.cells, ctx.width, cols)
        out = []
        for n, r in enumerate(ctx.fetch(stmt, start, end), 1):
            out.append([ctx.cells(v, w, c.align, c.max_chars)
                        for v, c, w in zip(make(n, r), cols, widths, strict=False)])
        return out, widths

    emp_rows, emp_w = rows(employers_q, EMPLOYER_COLS, 0.0, 0.1, lambda n, r: [
        str(n), r["name"], r["credit_code"], r["contact"], ctx.phone(r["phone"]),
        str(r["positions"] or 0), r["job_titles"], r["pay_range"], str(r["intentions"] or 0)])
    seek_rows, seek_w = rows(seekers_q, SEEKER_COLS, 0.1, 0.25, lambda n, r: [
        str(n), r["name"], ctx.label("gender", r["gender"]), str(r["birth_year"] or ""),
        ctx.phone(r["phone"]), ctx.id_number(r["id_number"]),
        ctx.label("education", r["education"]),
        ctx.label("household", r["household"]), T.YES if r["poverty_relief"] else T.NO,
        r["desired_job"], str(r["intentions"] or 0)])
    int_rows, int_w = rows(intentions_q, INTENTION_COLS, 0.25, 0.3, lambda n, r: [
        str(n), date_text(r["agreed_on"]), r["seeker"], r["employer"], r["position"] or "",
        ctx.label("intention_status", r["status"])])
    per_position = position_counts(ctx.desk, fair_id)
    pos_w = column_widths(ctx.cells, ctx.width * 0.8, POSITION_COLS)
    pos_rows = [[ctx.cells(v, w, c.align, c.max_chars) for v, c, w in zip(
        [str(n), x["employer"], x["position"] or T.FAIR_NO_POSITION, N(x["intentions"]),
         N(x["people"])], POSITION_COLS, pos_w, strict=True)]
        for n, x in enumerate(per_position, 1)]

    day = fair["held_on"]
    figures = StatsService(ctx.desk.db).compute(Period(day, day))["job_fairs"]["by_event"][fair_id]
    f, st = ctx.fonts, ctx.styles
    name = fair["name"] + (T.FAIR_SOURCE_COUNTY if fair["source"] == "county" else "")
    info = T.FAIR_INFO.format(name=name, date=date_text(day), place=fair["place"] or "—",
                              organiser=fair["organiser"] or "—")
    story = title_block(f, st, ctx.meta,
                        extra=[info, T.CONFIDENTIAL_FULL if ctx.full else T.MASKED_NOTE])
    story.append(Paragraph(f.markup(T.FAIR_HEADLINE.format(
        employers=N(figures["employers"]), positions=N(figures["positions"]),
        seekers=N(figures["seekers"]), intentions=N(figures["intentions"]),
        records=N(len(int_rows)))),
        st.body))
    story.append(key_value_table(f, st, [
        (T.COL_EMPLOYERS, str(figures["employers"])), (T.COL_POSITIONS, str(figures["positions"])),
        (T.COL_SEEKERS, str(figures["seekers"])), (T.COL_INTENTIONS, str(figures["intentions"]))],
        ctx.width, columns=4))

    # Section titles do not keep with the (long) table after them: a table that does not fit
    # on page 1 would otherwise take its title to page 2 and leave page 1 nearly empty.
    h2 = ParagraphStyle("fair_h2", parent=st.h2, keepWithNext=0)

    def section(title, header_cols, body, widths, total=None):
        out = [CondPageBreak(90), Paragraph(f.markup(title), h2)]
        if not body:
            return out + no_records(f, st)
        out.append(data_table(f, st, [c.header for c in header_cols], body, widths,
                              [c.align for c in header_cols]))
        if total:
            out.append(totals_box(f, st, [total], sum(widths)))
        return out

    story += section(T.FAIR_SECTION_POSITIONS, POSITION_COLS, pos_rows, pos_w,
                     T.FAIR_TOTAL_POSITIONS.format(records=N(len(int_rows)),
                                                   people=N(figures["intentions"])))
    if pos_rows:
        story.append(Paragraph(f.markup(T.NOTE_FAIR_POSITIONS), st.note))
    story += section(T.FAIR_SECTION_EMPLOYERS, EMPLOYER_COLS, emp_rows, emp_w,
                     T.FAIR_TOTAL_EMPLOYERS.format(employers=N(figures["employers"]),
                                                   positions=N(figures["positions"])))
    story += section(T.FAIR_SECTION_SEEKERS, SEEKER_COLS, seek_rows, seek_w,
                     T.FAIR_TOTAL_SEEKERS.format(seekers=N(figures["seekers"])))
    story += section(T.FAIR_SECTION_INTENTIONS, INTENTION_COLS, int_rows, int_w,
                     T.FAIR_TOTAL_INTENTIONS.format(records=N(len(int_rows)),
                                                   people=N(figures["intentions"])))
    return story
