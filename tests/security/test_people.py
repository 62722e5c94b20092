"""The person view's services: find everything about one person, print it, correct it, erase it
on request (an ordinary edit that travels in bundles; the audit log forgets the values)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from security_helpers import VISIT

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.permissions import PermissionDenied
from xiangyun_desk.services.audit import AuditFilter
from xiangyun_desk.services.people import ERASED_NAME

ID = "532923198001010012"


@pytest.fixture
def person(desk, people):
    """张三 in the visitor log (twice), a relief visit, a job fair and the volunteer roster."""
    refs = [("visits", desk.visits.create(VISIT)),
            ("visits", desk.visits.create({**VISIT, "id_number": "", "summary": "欠薪咨询"})),
            ("relief", desk.relief.create({"visit_date": "2026-01-15", "campaign": "winter",
                                           "name": "张三", "category": "hardship",
                                           "id_number": ID, "cash_fen": "500",
                                           "address": "祥云县云南驿镇"}))]
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-20"})
    refs.append(("seekers", desk.seekers.create({"fair_id": fair, "name": "张三",
                                                 "phone": "138 1234 5678"})))
    volunteer = desk.volunteers.create({"name": "张三", "status": "active", "id_number": ID})
    desk.service_records.create({"volunteer_id": volunteer, "served_on": "2026-03-01",
                                 "activity": "驿站值班", "half_hours": "2"})
    refs.append(("volunteers", volunteer))
    desk.visits.create({**VISIT, "name": "李四", "id_number": "11010519491231002X",
                        "phone": "13900001111"})  # someone else
    return refs


def test_find_by_id_or_by_name_and_phone(desk, person):
    by_id = {r.ref for r in desk.people.find(id_number=ID)}
    assert by_id == {person[0], person[2], person[4]}
    by_phone = {r.ref for r in desk.people.find(name="张三", phone="13812345678")}
    assert by_phone == {person[0], person[1], person[3]}
    both = {r.ref for r in desk.people.find(id_number=ID.lower(), name="张三",
                                            phone="138-1234-5678")}
    assert both == set(person)
    with pytest.raises(ValidationFailed):
        desk.people.find(name="张三")  # a name alone is not enough


def test_fields_shown_masked_unless_full(desk, person):
    record = next(r for r in desk.people.find(id_number=ID) if r.register == "relief")
    shown = dict(desk.people.fields_of(record))
    assert shown["ID number"] == "5329**********0012"
    assert shown["Cash (yuan)"] == "500.00"
    assert shown["Address"] == "祥云县云南驿镇"
    assert dict(desk.people.fields_of(record, full=True))["ID number"] == ID
    volunteer = next(r for r in desk.people.find(id_number=ID) if r.register == "volunteers")
    assert "驿站值班" in dict(desk.people.fields_of(volunteer))["Service records"]


def test_viewer_sees_masked_values_only(desk, person, people):
    desk.session.user = people["viewer"]
    records = desk.people.find(id_number=ID)
    assert records and all(r.values["id_number"] == "5329**********0012" for r in records)
    assert all(ID not in str(desk.people.fields_of(r, full=True)) for r in records)


def test_print_masked_by_default_and_recorded(desk, person, tmp_path, people):
    from pypdf import PdfReader

    records = desk.people.find(id_number=ID, name="张三", phone="13812345678")
    out = desk.people.write_pdf(records, tmp_path / "person.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "5329**********0012" in text.replace(" ", "") and ID not in text
    desk.people.write_pdf(records, tmp_path / "full.pdf", full=True)
    full_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "full.pdf").pages)
    assert ID in full_text.replace(" ", "")
    assert [e.action for e in desk.audit.entries(AuditFilter(text="person"))] == \
        ["print_full", "print"]
    desk.session.user = people["viewer"]
    with pytest.raises(PermissionDenied):
        desk.people.write_pdf(records, tmp_path / "no.pdf", full=True)


def test_correct_sets_the_fields_in_every_record_or_none(desk, person):
    refs = [person[0], person[2], person[4]]
    with pytest.raises(ValidationFailed):
        desk.people.correct(refs, {"phone": "12345"})
    assert desk.visits.get(person[0][1])["phone"] == "13812345678"  # nothing was saved
    assert desk.people.correct(refs, {"phone": "13700002222", "employer": "祥云县公交公司"}) == 3
    for key, record_id in refs:
        stored = desk.registers[key].get(record_id)
        assert (stored["phone"], stored["employer"]) == ("13700002222", "祥云县公交公司")
    assert desk.relief.get(person[2][1])["cash_fen"] == 50000  # the rest is untouched


def test_erase_clears_personal_fields_as_an_edit_and_the_log_forgets(desk, person, people):
    refs = set(person)
    before = {ref: desk.registers[ref[0]].get(ref[1])["change_seq"] for ref in refs}
    desk.session.user = people["staff"]
    with pytest.raises(PermissionDenied):
        desk.people.erase(refs)
    desk.session.user = people["admin"]
    assert desk.people.erase(refs) == 5
    for key, record_id in refs:
        stored = desk.registers[key].get(record_id)
        assert stored["name"] == ERASED_NAME
        assert stored["id_number"] is None and stored["phone"] is None
        assert stored["change_seq"] > before[(key, record_id)]  # travels in the next bundle
        assert stored["deleted_at"] is None
        assert "张三" not in stored["search_key"]
    relief = desk.relief.get(person[2][1])
    assert relief["cash_fen"] == 50000 and relief["campaign"] == "winter"  # figures still add up
    assert relief["address"] is None
    assert desk.people.find(id_number=ID) == []
    # The audit log keeps that it happened, not what was there.
    erased = desk.audit.entries(AuditFilter(action="erase"))
    assert len(erased) == 5 and all(e.label is None for e in erased)
    with closing(sqlite3.connect(desk.db.path)) as conn:
        personal = [r for r in conn.execute("SELECT old, new FROM audit_personal")]
    assert not any("张三" in str(r) or "祥云县云南驿镇" in str(r) for r in personal)
    # Someone else's history is untouched.
    assert any("李四" in str(r) for r in personal)


def test_a_county_record_cannot_be_erased_here(desk, people):
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-20"})
    seeker = desk.seekers.create({"fair_id": fair, "name": "张三", "id_number": ID})
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE job_seeker SET station_code = '99' WHERE id = ?", (seeker,))
    with pytest.raises(ValidationFailed):
        desk.people.erase([("seekers", seeker)])
