"""Record factories for the service tests: minimal valid raw records, overridable per test."""

from __future__ import annotations

import pytest


class Make:
    """Creates records through the register services (so every record is validated)."""

    def __init__(self, desk):
        self.desk = desk

    def visit(self, **raw) -> str:
        return self.desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三",
                                        "purpose": "legal", "status": "done", **raw})

    def relief(self, **raw) -> str:
        return self.desk.relief.create({"visit_date": "2026-01-15", "campaign": "winter",
                                        "name": "李四", "category": "hardship", **raw})

    def fair(self, **raw) -> str:
        return self.desk.fairs.create({"name": "春风行动专场招聘会", "held_on": "2026-02-20", **raw})

    def employer(self, fair_id: str, **raw) -> str:
        return self.desk.employers.create({"fair_id": fair_id, "name": "祥云县公交公司",
                                           "positions": "5", **raw})

    def seeker(self, fair_id: str, **raw) -> str:
        return self.desk.seekers.create({"fair_id": fair_id, "name": "王五", **raw})

    def intention(self, fair_id: str, seeker_id: str, employer_id: str, **raw) -> str:
        return self.desk.intentions.create({"fair_id": fair_id, "seeker_id": seeker_id,
                                            "employer_id": employer_id, "status": "intent",
                                            "agreed_on": "2026-02-20", **raw})

    def volunteer(self, **raw) -> str:
        return self.desk.volunteers.create({"name": "赵六", "status": "active", **raw})

    def service(self, volunteer_id: str, **raw) -> str:
        return self.desk.service_records.create({"volunteer_id": volunteer_id,
                                                 "served_on": "2026-03-01", "activity": "驿站服务值班",
                                                 "half_hours": "2", **raw})


@pytest.fixture
def make(desk) -> Make:
    return Make(desk)
