"""Everything stored about one person, across the registers (PIPL: access, correction, erasure).

A person is found by resident ID number, by name and phone together, or by the name alone
(choosing among namesakes by employer, phone tail and age). The result can be read
on screen, printed to PDF, corrected (the same fields fixed in every record at once) or erased on
request. Erasure is an ordinary edit — the personal fields are cleared and the name replaced by
:data:`ERASED_NAME` — so it takes a new change number and travels to the county in the next sync
bundle like any other change. Amounts, dates and codes stay, so the station's figures still add
up. The audit log keeps no personal values of an erased record (see services/audit.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, literal, or_, select

from ..domain.errors import DomainError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.idnumber import birth_date, mask_id_number, normalize_id_number
from ..domain.money import format_hours, format_yuan
from ..domain.permissions import Perm
from ..domain.phone import mask_phone, normalize_phone
from ..storage import models as M
from .audit import MASKED_FIELDS, SKIPPED

CTX = "People"
# A stored data value (it travels to the county), not a label of the program.
ERASED_NAME = "（已清除）"
LONG_VALUE = 300  # characters: longer values are printed below the record's table
PERSON_REGISTERS = ("visits", "relief", "seekers", "volunteers")
CORRECTABLE = ("name", "gender", "phone", "id_number", "employer")
ERASED_FIELDS = ("phone", "phone_norm", "id_number", "employer", "address", "summary",
                 "outcome", "notes", "referred_to", "availability", "desired_job", "birth_year")

REGISTER_TITLES = {
    "visits": QT_TRANSLATE_NOOP("People", "Visitor log"),
    "relief": QT_TRANSLATE_NOOP("People", "Relief visit"),
    "seekers": QT_TRANSLATE_NOOP("People", "Job seeker"),
    "volunteers": QT_TRANSLATE_NOOP("People", "Volunteer"),
}

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("People", "Name"),
    "gender": QT_TRANSLATE_NOOP("People", "Gender"),
    "phone": QT_TRANSLATE_NOOP("People", "Phone"),
    "id_number": QT_TRANSLATE_NOOP("People", "ID number"),
    "employer": QT_TRANSLATE_NOOP("People", "Employer"),
    "visited_at": QT_TRANSLATE_NOOP("People", "Visited at"),
    "left_at": QT_TRANSLATE_NOOP("People", "Left at"),
    "union_member": QT_TRANSLATE_NOOP("People", "Union member"),
    "party_size": QT_TRANSLATE_NOOP("People", "Party size"),
    "purpose": QT_TRANSLATE_NOOP("People", "Purpose"),
    "summary": QT_TRANSLATE_NOOP("People", "Summary"),
    "outcome": QT_TRANSLATE_NOOP("People", "Outcome"),
    "status": QT_TRANSLATE_NOOP("People", "Status"),
    "referred_to": QT_TRANSLATE_NOOP("People", "Referred to"),
    "staff": QT_TRANSLATE_NOOP("People", "Staff on duty"),
    "follow_up_on": QT_TRANSLATE_NOOP("People", "Follow-up date"),
    "visit_date": QT_TRANSLATE_NOOP("People", "Date"),
    "campaign": QT_TRANSLATE_NOOP("People", "Campaign"),
    "address": QT_TRANSLATE_NOOP("People", "Address"),
    "category": QT_TRANSLATE_NOOP("People", "Category"),
    "cash_fen": QT_TRANSLATE_NOOP("People", "Cash (yuan)"),
    "goods": QT_TRANSLATE_NOOP("People", "Goods"),
    "goods_value_fen": QT_TRANSLATE_NOOP("People", "Goods value (yuan)"),
    "visitors": QT_TRANSLATE_NOOP("People", "Visited by"),
    "notes": QT_TRANSLATE_NOOP("People", "Notes"),
    "fair_id": QT_TRANSLATE_NOOP("People", "Job fair"),
    "birth_year": QT_TRANSLATE_NOOP("People", "Birth year"),
    "education": QT_TRANSLATE_NOOP("People", "Education"),
    "household": QT_TRANSLATE_NOOP("People", "Household"),
    "poverty_relief": QT_TRANSLATE_NOOP("People", "Poverty-relief labour"),
    "desired_job": QT_TRANSLATE_NOOP("People", "Desired job"),
    "skills": QT_TRANSLATE_NOOP("People", "Skills"),
    "availability": QT_TRANSLATE_NOOP("People", "Availability"),
    "joined_on": QT_TRANSLATE_NOOP("People", "Joined"),
    "service": QT_TRANSLATE_NOOP("People", "Service records"),
    "intentions": QT_TRANSLATE_NOOP("People", "Intentions"),
    "deleted_at": QT_TRANSLATE_NOOP("People", "Deleted"),
}
CODE_LISTS = {"gender": "gender", "union_member": "union_member", "purpose": "visit_purpose",
              "status": None, "campaign": "campaign", "category": "recipient_category",
              "education": "education", "household": "household", "skills": "skill"}
STATUS_LISTS = {"visits": "visit_status", "volunteers": "volunteer_status"}
DATE_FIELDS = {"visits": "visited_at", "relief": "visit_date", "seekers": "created_at",
               "volunteers": "joined_on"}

Translate = Callable[[str, str], str]


def _tr(translate: Translate | None, text: str) -> str:
    return translate(CTX, text) if translate else text


@dataclass
class PersonRecord:
    """One record about the person."""

    register: str
    record_id: str
    when: dt.date | dt.datetime | None
    values: dict[str, Any]
    deleted: bool
    related: dict[str, str] = field(default_factory=dict)  # label key -> text

    @property
    def ref(self) -> tuple[str, str]:
        return self.register, self.record_id


@dataclass
class Namesake:
    """One of the people with a name, told apart by ID number, or (without one) by phone."""

    name: str
    id_number: str  # as stored ("" when none)
    phone_norm: str  # as stored ("" when none); used only when there is no ID number
    employers: list[str]
    phone_tail: str  # the last four digits, enough to ask "电话尾号是多少？"
    age: int | None  # from the ID number or a job seeker's birth year
    records: int
    registers: list[str]


class PeopleService:
    """Find, print, correct and erase one person's records (see the module docstring)."""

    def __init__(self, desk):
        self.desk = desk

    @property
    def session(self):
        return self.desk.session

    # ---- finding ---------------------------------------------------------------------------

    def find(self, id_number: str = "", name: str = "", phone: str = "") -> list[PersonRecord]:
        """Records with this ID number, or with this name and phone (live and deleted).

        Values come as stored, with IDs and phones masked for a person who may not reveal them.
        """
        self.session.require(Perm.READ)
        number = normalize_id_number(id_number) if id_number and id_number.strip() else ""
        name = (name or "").strip()
        phone_norm = ""
        if phone and phone.strip():
            try:
                phone_norm = normalize_phone(phone)
            except DomainError:
                phone_norm = "".join(ch for ch in phone if ch.isdigit())
        if not number and not (name and phone_norm):
            raise ValidationFailed({"id_number": msg(CTX, QT_TRANSLATE_NOOP(
                "People", "Enter an ID number, or a name and a phone number."))})

        def who(model):
            conditions = []
            if number:
                conditions.append(model.id_number == number)
            if name and phone_norm:
                conditions.append(and_(model.name == name, model.phone_norm == phone_norm))
            return or_(*conditions)

        return self._find_where(who)

    def _find_where(self, who) -> list[PersonRecord]:
        """Records of every person-bearing register that satisfy ``who(model)``."""
        self.session.require(Perm.READ)
        found: list[PersonRecord] = []
        with self.desk.db.session() as s:
            for key in PERSON_REGISTERS:
                model = self.desk.registers[key].spec.model
                for obj in s.scalars(select(model).where(who(model))):
                    values = {c.key: getattr(obj, c.key) for c in model.__table__.c}
                    found.append(PersonRecord(key, obj.id, values.get(DATE_FIELDS[key]),
                                              self._shown(values), obj.deleted_at is not None,
                                              self._related(s, key, obj)))
        found.sort(key=lambda r: (_sortable(r.when), r.register), reverse=True)
        return found

    def namesakes(self, name: str, today: dt.date | None = None) -> list[Namesake]:
        """The people stored under exactly this name, each with what tells them apart (employer,
        phone tail, age), most records first: 查找人员 by the name alone."""
        self.session.require(Perm.READ)
        name = (name or "").strip()
        if not name:
            raise ValidationFailed({"name": msg(CTX, QT_TRANSLATE_NOOP(
                "People", "Enter a name, an ID number, or a name and a phone number."))})
        today = today or dt.date.today()
        people: dict[tuple[str, str], Namesake] = {}
        with self.desk.db.session() as s:
            for key in PERSON_REGISTERS:
                model = self.desk.registers[key].spec.model
                c = model.__table__.c
                rows = s.execute(select(
                    model.id_number, model.phone_norm,
                    c.employer if "employer" in c else literal(""),
                    c.birth_year if "birth_year" in c else literal(None))
                    .where(model.name == name))
                for number, phone, employer, year in rows:
                    number, phone = number or "", phone or ""
                    who = (number, "") if number else ("", phone)
                    person = people.setdefault(who, Namesake(name, number, "" if number else phone,
                                                             [], "", None, 0, []))
                    person.records += 1
                    if key not in person.registers:
                        person.registers.append(key)
                    if employer and employer not in person.employers:
                        person.employers.append(employer)
                    if phone and not person.phone_tail:
                        person.phone_tail = phone[-4:]
                    born = birth_date(number) if number else None
                    if born is None and year:
                        born = dt.date(int(year), 7, 1)
                    if born is not None and person.age is None:
                        person.age = today.year - born.year - (
                            (today.month, today.day) < (born.month, born.day))
        return sorted(people.values(), key=lambda p: (-p.records, p.id_number, p.phone_norm))

    def find_namesake(self, person: Namesake) -> list[PersonRecord]:
        """The records of one of :meth:`namesakes`: by ID number, or by name and phone (records
        without an ID number)."""
        if person.id_number:
            return self.find(id_number=person.id_number)
        return self._find_where(lambda model: and_(
            model.name == person.name, or_(model.id_number.is_(None), model.id_number == ""),
            (model.phone_norm == person.phone_norm) if person.phone_norm
            else or_(model.phone_norm.is_(None), model.phone_norm == "")))

    def _shown(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.session.can(Perm.REVEAL):
            return values
        return {k: (MASKED_FIELDS[k](str(v)) if k in MASKED_FIELDS and v else v)
                for k, v in values.items()}

    def _related(self, s, key: str, obj) -> dict[str, str]:
        if key == "volunteers":
            rows = list(s.execute(select(M.ServiceRecord.served_on, M.ServiceRecord.activity,
                                         M.ServiceRecord.half_hours).where(
                M.ServiceRecord.volunteer_id == obj.id, M.ServiceRecord.deleted_at.is_(None))
                .order_by(M.ServiceRecord.served_on)))
            return {"service": "；".join(f"{r[0].isoformat()} {r[1]} {format_hours(r[2])}h"
                                        for r in rows)} if rows else {}
        if key == "seekers":
            fair = s.get(M.JobFair, obj.fair_id)
            rows = list(s.execute(select(M.FairEmployer.name, M.Intention.status,
                                         M.Intention.agreed_on)
                                  .join(M.FairEmployer,
                                        M.FairEmployer.id == M.Intention.employer_id)
                                  .where(M.Intention.seeker_id == obj.id,
                                         M.Intention.deleted_at.is_(None))))
            out = {"fair_id": f"{fair.name}（{fair.held_on.isoformat()}）" if fair else ""}
            if rows:
                out["intentions"] = "；".join(f"{r[0]} {r[1]} {r[2].isoformat()}" for r in rows)
            return out
        return {}

    # ---- showing ---------------------------------------------------------------------------

    def fields_of(self, record: PersonRecord, translate: Translate | None = None,
                  lang: str = "zh", full: bool = False) -> list[tuple[str, str]]:
        """(label, text) of every stored field worth showing, in the register's order."""
        spec = self.desk.registers[record.register].spec
        labels = self.desk.code_labels(lang)
        names = [f.name for f in spec.fields]
        out = []
        for name in names:
            if name in SKIPPED and name != "deleted_at" or name not in FIELD_LABELS:
                continue
            if name == "fair_id":
                value = record.related.get("fair_id", "")
            else:
                value = self._text(record, name, record.values.get(name), labels, translate, full)
            if value:
                out.append((_tr(translate, FIELD_LABELS[name]), value))
        for key in ("service", "intentions"):
            if record.related.get(key):
                out.append((_tr(translate, FIELD_LABELS[key]), record.related[key]))
        if record.deleted:
            out.append((_tr(translate, FIELD_LABELS["deleted_at"]),
                        _local(record.values.get("deleted_at"))))
        return out

    def _text(self, record, name, value, labels, translate, full) -> str:
        if value is None or value == "":
            return ""
        if name in ("id_number", "phone") and not full:
            return mask_id_number(str(value)) if name == "id_number" else (
                mask_phone(str(value)) if str(value).isdigit() else str(value))
        if name == "status":
            lst = STATUS_LISTS.get(record.register)
            return labels.get(lst, {}).get(value, str(value)) if lst else str(value)
        if name == "skills":
            return "、".join(labels.get("skill", {}).get(c, c) for c in str(value).split(",") if c)
        if name in CODE_LISTS and CODE_LISTS[name]:
            return labels.get(CODE_LISTS[name], {}).get(value, str(value))
        if name in ("cash_fen", "goods_value_fen"):
            return format_yuan(int(value)) if value else ""
        if isinstance(value, bool):
            return _tr(translate, QT_TRANSLATE_NOOP("People", "yes") if value
                       else QT_TRANSLATE_NOOP("People", "no"))
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def title_of(self, record: PersonRecord, translate: Translate | None = None) -> str:
        when = record.when
        day = when.strftime("%Y-%m-%d") if isinstance(when, dt.date) else ""
        return f"{_tr(translate, REGISTER_TITLES[record.register])} {day}".strip()

    # ---- printing --------------------------------------------------------------------------

    def write_pdf(self, records: Sequence[PersonRecord], out_path: str | Path, *,
                  full: bool = False, translate: Translate | None = None,
                  lang: str = "zh") -> Path:
        """A PDF of the records (ReportLab, the reports' fonts and page layout). Printing with
        full ID numbers is a permission; every printout is recorded."""
        self.session.require(Perm.PRINT_FULL if full else Perm.READ)
        from reportlab.platypus import Paragraph, Spacer

        from .reports.fonts import report_fonts
        from .reports.layout import Job, ReportMeta, data_table, make_styles, write_pdf

        fonts = report_fonts()
        styles = make_styles(fonts)
        identity = self.desk.identity
        meta = ReportMeta(station=identity.name if identity else "",
                          title=_tr(translate, QT_TRANSLATE_NOOP(
                              "People", "Personal information held")),
                          generated_at=dt.datetime.now().replace(microsecond=0))
        story: list = [Paragraph(fonts.markup(meta.title, fonts.heading), styles.title)]
        if full:
            note = QT_TRANSLATE_NOOP("People", "This printout contains full ID numbers and phone "
                                               "numbers. Keep it safe and destroy it after use.")
        else:
            note = QT_TRANSLATE_NOOP("People", "ID numbers and phone numbers are partly hidden.")
        story.append(Paragraph(fonts.markup(_tr(translate, note)), styles.note))
        width = meta.frame_width()
        header = [_tr(translate, QT_TRANSLATE_NOOP("People", "Item")),
                  _tr(translate, QT_TRANSLATE_NOOP("People", "Content"))]
        for record in records:
            story.append(Paragraph(fonts.markup(self.title_of(record, translate)), styles.h3))
            pairs = self.fields_of(record, translate, lang, full)
            # A table row cannot break across pages: long texts (a 4,000-character summary)
            # follow the table as paragraphs, which can.
            short = [p for p in pairs if len(p[1]) <= LONG_VALUE]
            rows = [[p[0], Paragraph(fonts.markup(p[1]), styles.cell)] for p in short]
            if rows:
                story.append(data_table(fonts, styles, header, rows,
                                        [width * 0.25, width * 0.75], ["left", "left"]))
            for label, value in pairs:
                if len(value) > LONG_VALUE:
                    story.append(Paragraph(fonts.markup(label, fonts.heading), styles.cell))
                    story += [Paragraph(fonts.markup(value[i:i + LONG_VALUE]), styles.body)
                              for i in range(0, len(value), LONG_VALUE)]
            story.append(Spacer(1, 6))
        if not records:
            story.append(Paragraph(fonts.markup(_tr(translate, QT_TRANSLATE_NOOP(
                "People", "No records about this person."))), styles.body))
        path = write_pdf(Path(out_path), meta, story, fonts, Job())
        self.desk.audit.record("print_full" if full else "print", None, None,
                               {"what": "person", "records": len(records)})
        return path

    # ---- correcting and erasing ------------------------------------------------------------

    def correct(self, refs: Iterable[tuple[str, str]], changes: Mapping[str, Any]) -> int:
        """Set the same personal fields in every given record; all are validated before any is
        saved. Each save is an ordinary edit (audited old → new)."""
        self.session.require(Perm.WRITE)
        changes = {k: v for k, v in changes.items() if k in CORRECTABLE}
        plans = []
        for key, record_id in refs:
            service = self.desk.registers[key]
            raw = {**self._stored(service, record_id), **changes}
            service.clean(raw)  # raises ValidationFailed before anything is written
            plans.append((service, record_id, raw))
        for service, record_id, raw in plans:
            service.update(record_id, raw)
        return len(plans)

    def erase(self, refs: Iterable[tuple[str, str]]) -> int:
        """Clear the personal fields of the records in one transaction (administrators only)."""
        self.session.require(Perm.ERASE)
        refs = list(refs)
        with self.desk.db.session() as s, s.begin():
            for key, record_id in refs:
                service = self.desk.registers[key]
                obj = service._owned(s, record_id, allow_deleted=True)
                cleared = []
                for name in ERASED_FIELDS:
                    if hasattr(obj, name) and getattr(obj, name) is not None:
                        setattr(obj, name, None)
                        cleared.append(name)
                if obj.name != ERASED_NAME:
                    obj.name = ERASED_NAME
                    cleared.append("name")
                if getattr(obj, "gender", "U") != "U":
                    obj.gender = "U"
                    cleared.append("gender")
                obj.search_key = service.search_key(obj)
                s.flush()
                self.desk.audit.record("erase", service.spec.table.name, record_id,
                                       {"fields": sorted(f for f in cleared if f != "phone_norm")},
                                       s=s)
                self.desk.audit.forget_personal(s, record_id)
        return len(refs)

    def _stored(self, service, record_id: str) -> dict[str, Any]:
        """A record's stored values, unmasked (for re-saving it)."""
        with self.desk.db.session() as s:
            obj = s.get(service.spec.model, record_id)
            if obj is None:
                raise KeyError(record_id)
            return {c.key: getattr(obj, c.key) for c in service.spec.table.c}


def _sortable(when) -> dt.datetime:
    if isinstance(when, dt.datetime):
        return when
    if isinstance(when, dt.date):
        return dt.datetime.combine(when, dt.time())
    return dt.datetime.min


def _local(value) -> str:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    return ""
