"""The audit log in words a union office uses: field labels instead of column names, code
labels instead of codes, verbs for what happened and counts as sentences.

The log keeps stable identifiers (``gender: U → M``); this module turns an entry into text in the
user's language (``性别：未填 → 男``). Every detail key that any feature records has a phrase here;
tests/test_audit_text.py makes one entry of every kind and checks that no identifier is left.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain import fields as F
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.money import format_hours, format_yuan
from ...domain.permissions import role_label
from ...services.audit import ACTIONS, AuditRow
from ..i18n import render

CTX = "AuditText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


# Column and setting names -> labels.
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("AuditText", "Name"),
    "gender": QT_TRANSLATE_NOOP("AuditText", "Gender"),
    "phone": QT_TRANSLATE_NOOP("AuditText", "Phone"),
    "phone_norm": QT_TRANSLATE_NOOP("AuditText", "Phone"),
    "id_number": QT_TRANSLATE_NOOP("AuditText", "ID number"),
    "employer": QT_TRANSLATE_NOOP("AuditText", "Employer"),
    "visited_at": QT_TRANSLATE_NOOP("AuditText", "Time of visit"),
    "left_at": QT_TRANSLATE_NOOP("AuditText", "Time of leaving"),
    "union_member": QT_TRANSLATE_NOOP("AuditText", "Union member"),
    "party_size": QT_TRANSLATE_NOOP("AuditText", "Number of people"),
    "purpose": QT_TRANSLATE_NOOP("AuditText", "Purpose of visit"),
    "summary": QT_TRANSLATE_NOOP("AuditText", "Summary"),
    "outcome": QT_TRANSLATE_NOOP("AuditText", "Outcome"),
    "status": QT_TRANSLATE_NOOP("AuditText", "Status"),
    "referred_to": QT_TRANSLATE_NOOP("AuditText", "Referred to"),
    "staff": QT_TRANSLATE_NOOP("AuditText", "Staff on duty"),
    "follow_up_on": QT_TRANSLATE_NOOP("AuditText", "Follow-up date"),
    "visit_date": QT_TRANSLATE_NOOP("AuditText", "Date of the relief visit"),
    "campaign": QT_TRANSLATE_NOOP("AuditText", "Campaign"),
    "address": QT_TRANSLATE_NOOP("AuditText", "Address"),
    "category": QT_TRANSLATE_NOOP("AuditText", "Recipient category"),
    "cash_fen": QT_TRANSLATE_NOOP("AuditText", "Cash"),
    "goods": QT_TRANSLATE_NOOP("AuditText", "Goods"),
    "goods_value_fen": QT_TRANSLATE_NOOP("AuditText", "Goods value"),
    "visitors": QT_TRANSLATE_NOOP("AuditText", "Visited by"),
    "notes": QT_TRANSLATE_NOOP("AuditText", "Notes"),
    "held_on": QT_TRANSLATE_NOOP("AuditText", "Date held"),
    "place": QT_TRANSLATE_NOOP("AuditText", "Place"),
    "organiser": QT_TRANSLATE_NOOP("AuditText", "Organiser"),
    "source": QT_TRANSLATE_NOOP("AuditText", "Source"),
    "fair_id": QT_TRANSLATE_NOOP("AuditText", "Job fair"),
    "credit_code": QT_TRANSLATE_NOOP("AuditText", "Unified social credit code"),
    "contact": QT_TRANSLATE_NOOP("AuditText", "Contact person"),
    "positions": QT_TRANSLATE_NOOP("AuditText", "Positions offered"),
    "job_titles": QT_TRANSLATE_NOOP("AuditText", "Jobs"),
    "pay_range": QT_TRANSLATE_NOOP("AuditText", "Pay"),
    "birth_year": QT_TRANSLATE_NOOP("AuditText", "Year of birth"),
    "education": QT_TRANSLATE_NOOP("AuditText", "Education"),
    "household": QT_TRANSLATE_NOOP("AuditText", "Household registration"),
    "poverty_relief": QT_TRANSLATE_NOOP("AuditText", "Poverty-relief household"),
    "desired_job": QT_TRANSLATE_NOOP("AuditText", "Desired job"),
    "seeker_id": QT_TRANSLATE_NOOP("AuditText", "Job seeker"),
    "employer_id": QT_TRANSLATE_NOOP("AuditText", "Employer at the fair"),
    "agreed_on": QT_TRANSLATE_NOOP("AuditText", "Date agreed"),
    "position": QT_TRANSLATE_NOOP("AuditText", "Position"),
    "skills": QT_TRANSLATE_NOOP("AuditText", "Skills"),
    "availability": QT_TRANSLATE_NOOP("AuditText", "Availability"),
    "joined_on": QT_TRANSLATE_NOOP("AuditText", "Date joined"),
    "volunteer_id": QT_TRANSLATE_NOOP("AuditText", "Volunteer"),
    "served_on": QT_TRANSLATE_NOOP("AuditText", "Date served"),
    "activity": QT_TRANSLATE_NOOP("AuditText", "Activity"),
    "half_hours": QT_TRANSLATE_NOOP("AuditText", "Service hours"),
    "username": QT_TRANSLATE_NOOP("AuditText", "Account"),
    "display_name": QT_TRANSLATE_NOOP("AuditText", "Person's name"),
    "role": QT_TRANSLATE_NOOP("AuditText", "Role"),
    "active": QT_TRANSLATE_NOOP("AuditText", "In use"),
    "lock_minutes": QT_TRANSLATE_NOOP("AuditText", "Minutes idle before the screen locks"),
    "relief_confirm_above_fen": QT_TRANSLATE_NOOP(
        "AuditText", "Relief amount per visit that asks for confirmation"
    ),
    "township": QT_TRANSLATE_NOOP("AuditText", "Township"),
    "monthly_expected": QT_TRANSLATE_NOOP("AuditText", "A bundle expected every month"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditText", "Key fingerprint"),
    "key_state": QT_TRANSLATE_NOOP("AuditText", "Key state"),
}

# Registers by table name and by register key.
REGISTER_LABELS = {
    "visit": QT_TRANSLATE_NOOP("AuditText", "Visitor log"),
    "visits": QT_TRANSLATE_NOOP("AuditText", "Visitor log"),
    "relief_visit": QT_TRANSLATE_NOOP("AuditText", "Relief visits"),
    "relief": QT_TRANSLATE_NOOP("AuditText", "Relief visits"),
    "job_fair": QT_TRANSLATE_NOOP("AuditText", "Job fairs"),
    "fairs": QT_TRANSLATE_NOOP("AuditText", "Job fairs"),
    "fair_employer": QT_TRANSLATE_NOOP("AuditText", "Job-fair employers"),
    "employers": QT_TRANSLATE_NOOP("AuditText", "Job-fair employers"),
    "job_seeker": QT_TRANSLATE_NOOP("AuditText", "Job seekers"),
    "seekers": QT_TRANSLATE_NOOP("AuditText", "Job seekers"),
    "intention": QT_TRANSLATE_NOOP("AuditText", "Intentions"),
    "intentions": QT_TRANSLATE_NOOP("AuditText", "Intentions"),
    "volunteer": QT_TRANSLATE_NOOP("AuditText", "Volunteers"),
    "volunteers": QT_TRANSLATE_NOOP("AuditText", "Volunteers"),
    "service_record": QT_TRANSLATE_NOOP("AuditText", "Service records"),
    "service_records": QT_TRANSLATE_NOOP("AuditText", "Service records"),
    "account": QT_TRANSLATE_NOOP("AuditText", "Accounts"),
    "staff": QT_TRANSLATE_NOOP("AuditText", "Staff on duty"),
    "code_lists": QT_TRANSLATE_NOOP("AuditText", "Code lists"),
    "code_item": QT_TRANSLATE_NOOP("AuditText", "Code lists"),
}

CODE_LIST_LABELS = {
    "gender": QT_TRANSLATE_NOOP("AuditText", "Gender"),
    "union_member": QT_TRANSLATE_NOOP("AuditText", "Union member"),
    "visit_purpose": QT_TRANSLATE_NOOP("AuditText", "Purpose of visit"),
    "visit_status": QT_TRANSLATE_NOOP("AuditText", "Status"),
    "campaign": QT_TRANSLATE_NOOP("AuditText", "Campaign"),
    "recipient_category": QT_TRANSLATE_NOOP("AuditText", "Recipient category"),
    "education": QT_TRANSLATE_NOOP("AuditText", "Education"),
    "household": QT_TRANSLATE_NOOP("AuditText", "Household registration"),
    "intention_status": QT_TRANSLATE_NOOP("AuditText", "Intention status"),
    "skill": QT_TRANSLATE_NOOP("AuditText", "Skills"),
    "volunteer_status": QT_TRANSLATE_NOOP("AuditText", "Volunteer status"),
}

REPORT_LABELS = {
    "summary": QT_TRANSLATE_NOOP("AuditText", "work report"),
    "ledger": QT_TRANSLATE_NOOP("AuditText", "register printout"),
    "roster": QT_TRANSLATE_NOOP("AuditText", "relief roster"),
    "jobfair": QT_TRANSLATE_NOOP("AuditText", "job-fair report"),
    "person": QT_TRANSLATE_NOOP("AuditText", "a person's records"),
}

STATUS_LABELS = {
    "applied": QT_TRANSLATE_NOOP("AuditText", "imported"),
    "held": QT_TRANSLATE_NOOP("AuditText", "held until the station's key is confirmed"),
    "rejected": QT_TRANSLATE_NOOP("AuditText", "refused"),
    "duplicate": QT_TRANSLATE_NOOP("AuditText", "already imported before"),
    "stale": QT_TRANSLATE_NOOP("AuditText", "older than the data already loaded"),
}

KEY_STATES = {
    "pending": QT_TRANSLATE_NOOP("AuditText", "waiting for confirmation"),
    "confirmed": QT_TRANSLATE_NOOP("AuditText", "confirmed"),
}

# Which fields hold codes of which list; which hold money, hours, yes/no, other records.
CODE_FIELDS = {
    f.name: f.code_list
    for fields in (
        F.VISIT,
        F.RELIEF_VISIT,
        F.JOB_FAIR,
        F.FAIR_EMPLOYER,
        F.JOB_SEEKER,
        F.INTENTION,
        F.VOLUNTEER,
        F.SERVICE_RECORD,
    )
    for f in fields
    if f.code_list
}
CODE_FIELDS["category"] = "recipient_category"
MONEY_FIELDS = {"cash_fen", "goods_value_fen", "relief_confirm_above_fen"}
REF_FIELDS = {"fair_id", "seeker_id", "employer_id", "volunteer_id", "event_id"}
BOOL_FIELDS = {"poverty_relief", "active", "monthly_expected"}
COUNT_KEYS = ("new", "updated", "deleted", "unchanged", "rejected")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?([+-]\d\d:\d\d)?$")


class AuditText:
    """Renders audit entries; ``labels`` are the code labels in the user's language
    ({list: {code: label}}, from ``Desk.code_labels``)."""

    def __init__(self, labels: dict[str, dict[str, str]]):
        self.labels = labels

    # ---- pieces -------------------------------------------------------------------------------

    def action(self, code: str) -> str:
        text = ACTIONS.get(code)
        return (
            QCoreApplication.translate("Audit", text)
            if text
            else _tr(QT_TRANSLATE_NOOP("AuditText", "another action"))
        )

    def register(self, name: str | None) -> str:
        if not name:
            return ""
        return (
            _tr(REGISTER_LABELS[name])
            if name in REGISTER_LABELS
            else _tr(QT_TRANSLATE_NOOP("AuditText", "another register"))
        )

    def field(self, name: str) -> str:
        return (
            _tr(FIELD_LABELS[name])
            if name in FIELD_LABELS
            else _tr(QT_TRANSLATE_NOOP("AuditText", "another field"))
        )

    def code(self, list_name: str, code: Any) -> str:
        names = self.labels.get(list_name, {})
        return "、".join(
            names.get(c, _tr(QT_TRANSLATE_NOOP("AuditText", "(code no longer in the list)")))
            for c in str(code).split(",")
            if c
        ) or _tr(QT_TRANSLATE_NOOP("AuditText", "(empty)"))

    def value(self, name: str, value: Any) -> str:
        """One field's value as a person reads it."""
        if value is None or value == "" or value == []:
            return _tr(QT_TRANSLATE_NOOP("AuditText", "(empty)"))
        if name in CODE_FIELDS:
            return self.code(CODE_FIELDS[name], value)
        if name in MONEY_FIELDS:
            try:
                return _tr(QT_TRANSLATE_NOOP("AuditText", "%1 yuan")).replace(
                    "%1", format_yuan(int(value))
                )
            except (TypeError, ValueError):
                return str(value)
        if name == "half_hours":
            return _tr(QT_TRANSLATE_NOOP("AuditText", "%1 hours")).replace(
                "%1", format_hours(int(value))
            )
        if name in REF_FIELDS:
            return _tr(QT_TRANSLATE_NOOP("AuditText", "(another record)"))
        if name == "role":
            return render(role_label(str(value)))
        if name == "key_state":
            return (
                _tr(KEY_STATES[value])
                if value in KEY_STATES
                else _tr(QT_TRANSLATE_NOOP("AuditText", "(another state)"))
            )
        if isinstance(value, bool) or name in BOOL_FIELDS:
            return (
                _tr(QT_TRANSLATE_NOOP("AuditText", "yes"))
                if value
                else _tr(QT_TRANSLATE_NOOP("AuditText", "no"))
            )
        text = str(value)
        m = _ISO_DATETIME.match(text)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        return text

    def change(self, name: str, old: Any, new: Any) -> str:
        return (
            _tr(QT_TRANSLATE_NOOP("AuditText", "%1: %2 → %3"))
            .replace("%1", self.field(name))
            .replace("%2", self.value(name, old))
            .replace("%3", self.value(name, new))
        )

    def counts(self, counts: dict[str, Any]) -> list[str]:
        """Counts per register: {register: n} or {register: {new: n, updated: n, ...}}."""
        out = []
        for register, value in counts.items():
            if isinstance(value, dict):
                parts = [self._count_of(kind, n) for kind, n in value.items() if n]
                text = "、".join(p for p in parts if p)
            else:
                text = _tr(QT_TRANSLATE_NOOP("AuditText", "%n record(s)")).replace("%n", str(value))
            out.append(
                _tr(QT_TRANSLATE_NOOP("AuditText", "%1: %2"))
                .replace("%1", self.register(register))
                .replace("%2", text)
            )
        return out

    @staticmethod
    def _count_of(kind: str, n: int) -> str:
        texts = {
            "new": QT_TRANSLATE_NOOP("AuditText", "%n new"),
            "updated": QT_TRANSLATE_NOOP("AuditText", "%n changed"),
            "deleted": QT_TRANSLATE_NOOP("AuditText", "%n deleted"),
            "unchanged": QT_TRANSLATE_NOOP("AuditText", "%n unchanged"),
            "rejected": QT_TRANSLATE_NOOP("AuditText", "%n refused"),
        }
        return _tr(texts.get(kind, QT_TRANSLATE_NOOP("AuditText", "%n other"))).replace(
            "%n", str(n)
        )

    # ---- details ------------------------------------------------------------------------------

    def details(self, row: AuditRow) -> list[str]:
        """The entry's details as sentences (changes first, then what the feature recorded)."""
        lines = [self.change(name, old, new) for name, old, new in row.changes()]
        d = row.detail
        counted = [k for k in COUNT_KEYS if type(d.get(k)) is int]  # not a flag like new=True
        totals = [self._count_of(k, d[k]) for k in counted if d[k]]
        if totals:
            lines.append(
                _tr(QT_TRANSLATE_NOOP("AuditText", "Records: %1")).replace("%1", "、".join(totals))
            )
        for key, value in d.items():
            if key == "changes" or key in counted:
                continue
            if key == "reason_code" and "reason" in d:
                continue
            text = self.detail(key, value, d)
            if isinstance(text, list):
                lines.extend(text)
            elif text:
                lines.append(text)
        return lines

    def detail(self, key: str, value: Any, d: dict[str, Any]) -> str | list[str] | None:
        simple: dict[str, Callable[[Any], str | list[str] | None]] = {
            "file": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "File: %1")).replace("%1", str(v)),
            "folder": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Folder: %1")).replace(
                "%1", str(v)
            ),
            "target": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "File: %1")).replace(
                "%1", str(v)
            ),
            "records": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "%n record(s) in all")).replace(
                "%n", str(v)
            ),
            "register": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Register: %1")).replace(
                "%1", self.register(v)
            ),
            "full_ids": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "with full ID numbers"))
                if v
                else _tr(QT_TRANSLATE_NOOP("AuditText", "ID numbers masked"))
            ),
            "bundle": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Reference bundle"))
                if v == "reference"
                else _tr(QT_TRANSLATE_NOOP("AuditText", "Data bundle"))
            ),
            "status": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Result: %1")).replace(
                "%1",
                _tr(STATUS_LABELS[v])
                if v in STATUS_LABELS
                else _tr(QT_TRANSLATE_NOOP("AuditText", "(another result)")),
            ),
            "station": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Station: %1")).replace(
                "%1", str(v)
            ),
            "bundle_seq": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Bundle number %1")).replace(
                "%1", str(v)
            ),
            "reference_seq": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "Reference bundle number %1")
            ).replace("%1", str(v)),
            "kind": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Full bundle (all records)"))
                if v == "full"
                else _tr(QT_TRANSLATE_NOOP("AuditText", "Changes since the last bundle"))
            ),
            "change_seq": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Changes %1 to %2"))
                .replace("%1", str(v[0]))
                .replace("%2", str(v[1]))
                if isinstance(v, list) and len(v) == 2
                else None
            ),
            "reason_code": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Reason: the program met an unexpected error"))
                if v == "error"
                else _tr(QT_TRANSLATE_NOOP("AuditText", "Reason: the file cannot be used"))
            ),
            "reason": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Reason: %1")).replace(
                "%1", self._reason(v)
            ),
            "counts": lambda v: self.counts(v) if isinstance(v, dict) else None,
            "receipts": lambda v: (
                [
                    _tr(QT_TRANSLATE_NOOP("AuditText", "Receipts of station %1: %n bundle(s)"))
                    .replace("%1", str(code))
                    .replace("%n", str(n))
                    for code, n in v.items()
                ]
                if isinstance(v, dict)
                else None
            ),
            "fingerprint": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "Key fingerprint: %1")
            ).replace("%1", str(v)),
            "replaced_fingerprint": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "Replaces the key with fingerprint %1")
            ).replace("%1", str(v)),
            "retired_fingerprint": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Retired key fingerprint: %1")).replace(
                    "%1", str(v)
                )
                if v
                else None
            ),
            "previous_fingerprint": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Previous key fingerprint: %1")).replace(
                    "%1", str(v)
                )
                if v
                else None
            ),
            "previous_state": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Before: %1")).replace(
                    "%1", self.value("key_state", v)
                )
                if v
                else None
            ),
            "key_confirmed": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "The station's key was confirmed"))
                if v
                else None
            ),
            "confirmed": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Confirmed"))
                if v
                else _tr(QT_TRANSLATE_NOOP("AuditText", "Not yet confirmed"))
            ),
            "failed": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Not finished: its number is not used again"))
                if v
                else None
            ),
            "county": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "County code: %1")).replace(
                "%1", str(v)
            ),
            "county_name": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "County: %1")).replace(
                "%1", str(v)
            ),
            "at_setup": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "At the first set-up")) if v else None
            ),
            "via": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Confirmed by its first bundle"))
                if v == "bundle"
                else _tr(QT_TRANSLATE_NOOP("AuditText", "On the command line"))
                if v == "cli"
                else _tr(QT_TRANSLATE_NOOP("AuditText", "Typed in by hand"))
            ),
            "note": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "With a note")) if v else None,
            "name": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Name: %1")).replace("%1", str(v)),
            "township": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Township: %1")).replace(
                "%1", str(v)
            ),
            "monthly_expected": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "A bundle is expected every month"))
                if v
                else _tr(QT_TRANSLATE_NOOP("AuditText", "No monthly bundle expected"))
            ),
            "code_list": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Code list: %1")).replace(
                "%1",
                _tr(CODE_LIST_LABELS[v])
                if v in CODE_LIST_LABELS
                else _tr(QT_TRANSLATE_NOOP("AuditText", "another list")),
            ),
            "code": lambda v: None,  # the item is named by its label
            "label_zh": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Item: %1")).replace(
                "%1", str(v)
            ),
            "label_en": lambda v: None,
            "active": lambda v: (
                None
                if v
                else _tr(QT_TRANSLATE_NOOP("AuditText", "No longer offered for new records"))
            ),
            "new": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "A new item")) if v else None,
            "username": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Account: %1")).replace(
                "%1", str(v)
            ),
            "role": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Role: %1")).replace(
                "%1", render(role_label(str(v)))
            ),
            "recovery_code": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "A new recovery code was made")
            ),
            "failures": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "Failed attempt number %1 in a row")
            ).replace("%1", str(v)),
            "fields": lambda v: (
                _tr(QT_TRANSLATE_NOOP("AuditText", "Fields: %1")).replace(
                    "%1", "、".join(self.field(f) for f in v)
                )
                if isinstance(v, list)
                else None
            ),
            "what": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "What: %1")).replace(
                "%1", self._report(v)
            ),
            "report": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "What: %1")).replace(
                "%1", self._report(v)
            ),
            "period": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Period: %1")).replace(
                "%1", str(v)
            ),
            "campaign": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Campaign: %1")).replace(
                "%1", self.code("campaign", v)
            ),
            "event_id": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "For one job fair")),
            "safety": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "The data before the restore was kept as %1")
            ).replace("%1", str(v)),
            "carried_over": lambda v: _tr(
                QT_TRANSLATE_NOOP("AuditText", "%n log entries made after the backup were kept")
            ).replace("%n", str(v)),
            "temp": lambda v: None,
            "seq": lambda v: None,
            "command": lambda v: _tr(QT_TRANSLATE_NOOP("AuditText", "Command: %1")).replace(
                "%1", str(v)
            ),
        }
        if key in simple:
            return simple[key](value)
        return (
            _tr(QT_TRANSLATE_NOOP("AuditText", "Other: %1")).replace("%1", str(value))
            if value not in (None, "")
            else None
        )

    def _report(self, code: Any) -> str:
        return (
            _tr(REPORT_LABELS[code])
            if code in REPORT_LABELS
            else _tr(QT_TRANSLATE_NOOP("AuditText", "a report"))
        )

    def _reason(self, value: Any) -> str:
        known = {
            "recovery_code": QT_TRANSLATE_NOOP("AuditText", "wrong recovery code"),
            "unknown account": QT_TRANSLATE_NOOP("AuditText", "no such account"),
        }
        return _tr(known[value]) if value in known else str(value)

    def summary(self, row: AuditRow) -> str:
        """The details in one line (the table's last column)."""
        return "；".join(self.details(row))


def local_time(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
