"""Helpers of the report tests: record factories and PDF text extraction."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from xiangyun_desk.domain.idnumber import check_character

TODAY = dt.date(2026, 11, 20)


def id_number(birth: str = "19800101", seq: str = "123") -> str:
    body = "532923" + birth + seq
    return body + check_character(body)


class Make:
    """Records made through the register services (validated like the forms)."""

    def __init__(self, desk):
        self.desk = desk

    def visit(self, **raw) -> str:
        return self.desk.visits.create({"visited_at": "2026-10-10 09:30", "name": "张三",
                                        "purpose": "legal", "status": "done", **raw})

    def relief(self, **raw) -> str:
        return self.desk.relief.create({"visit_date": "2026-10-15", "campaign": "winter",
                                        "name": "李四", "category": "hardship", **raw})

    def fair(self, **raw) -> str:
        return self.desk.fairs.create({"name": "春风行动专场招聘会", "held_on": "2026-10-20",
                                       **raw})

    def employer(self, fair_id: str, **raw) -> str:
        return self.desk.employers.create({"fair_id": fair_id, "name": "祥云县公交公司",
                                           "positions": "5", **raw})

    def seeker(self, fair_id: str, **raw) -> str:
        return self.desk.seekers.create({"fair_id": fair_id, "name": "王五", **raw})

    def intention(self, fair_id: str, seeker_id: str, employer_id: str, **raw) -> str:
        return self.desk.intentions.create({"fair_id": fair_id, "seeker_id": seeker_id,
                                            "employer_id": employer_id, "status": "intent",
                                            "agreed_on": "2026-10-20", **raw})

    def volunteer(self, **raw) -> str:
        return self.desk.volunteers.create({"name": "赵六", "status": "active",
                                            "joined_on": "2026-01-01", **raw})

    def service(self, volunteer_id: str, **raw) -> str:
        return self.desk.service_records.create({"volunteer_id": volunteer_id,
                                                 "served_on": "2026-10-01",
                                                 "activity": "驿站服务值班", "half_hours": "2",
                                                 **raw})


def pages_text(path: Path) -> list[str]:
    """The text of every page (pypdf extraction)."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Text without any whitespace (table cells wrap across lines)."""
    return re.sub(r"\s+", "", text)


def all_text(path: Path) -> str:
    return flat("".join(pages_text(path)))
