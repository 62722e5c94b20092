"""Desk-level use cases: first-run set-up, staff, code lists, and the relief duplicate warning."""

from __future__ import annotations

import datetime as dt

import pytest

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.services.desk import Desk
from xiangyun_desk.storage import models as M

# ---- set-up ---------------------------------------------------------------------------------


@pytest.fixture
def fresh(data_dir):
    d = Desk(data_dir)
    yield d
    d.close()


def test_a_fresh_directory_is_not_set_up(fresh):
    assert fresh.identity is None
    assert fresh.settings.staff() == []


def test_initialize_stores_identity_and_staff(fresh, data_dir):
    identity = fresh.initialize("station", " 532923001 ", " 云南驿镇职工之家 ", " 云南驿镇 ",
                                ["李红", " 王建国 ", "", "李红"])
    assert (identity.role, identity.code, identity.name, identity.township) == \
        ("station", "532923001", "云南驿镇职工之家", "云南驿镇")
    assert fresh.settings.staff() == ["李红", "王建国"]
    # New records carry the station code straight away, and it survives reopening.
    fair = fresh.fairs.create({"name": "会", "held_on": "2026-01-01"})
    assert fresh.fairs.get(fair)["station_code"] == "532923001"
    fresh.close()
    again = Desk(data_dir)
    try:
        assert again.identity == identity
        visit = again.visits.create({"visited_at": "2026-01-01 10:00", "name": "甲",
                                     "purpose": "rest", "status": "done"})
        assert again.visits.get(visit)["station_code"] == "532923001"
    finally:
        again.close()


@pytest.mark.parametrize("args,bad", [
    (("station", "53a2", "站"), {"code"}),
    (("station", "", "站"), {"code"}),
    (("station", "5" * 21, "站"), {"code"}),
    (("station", "-1", "站"), {"code"}),
    (("station", "01", ""), {"name"}),
    (("station", "01", "   "), {"name"}),
    (("station", "01", "站" * 61), {"name"}),
    (("town", "01", "站"), {"role"}),
    (("admin", "x", ""), {"role", "code", "name"}),
])
def test_initialize_validation(fresh, args, bad):
    with pytest.raises(ValidationFailed) as info:
        fresh.initialize(*args)
    assert set(info.value.errors) == bad
    assert fresh.identity is None


def test_code_and_name_limits_are_inclusive(fresh):
    assert fresh.initialize("county", "5" * 20, "站" * 60).code == "5" * 20


def test_initialize_twice_is_refused(desk):
    with pytest.raises(ValidationFailed) as info:
        desk.initialize("station", "02", "另一个站")
    assert "already set up" in str(info.value.errors["code"])
    assert desk.identity.code == "01"


def test_staff_names(desk):
    desk.settings.add_staff("杨丽")
    desk.settings.add_staff("杨丽")
    desk.settings.add_staff("   ")
    assert desk.settings.staff() == ["李红", "王建国", "杨丽"]
    with pytest.raises(ValidationFailed):
        desk.settings.add_staff("名" * 51)
    with desk.db.session() as s, s.begin():
        s.query(M.Staff).filter(M.Staff.name == "王建国").update({"active": False})
    assert desk.settings.staff() == ["李红", "杨丽"]
    assert desk.settings.staff(active_only=False) == ["李红", "王建国", "杨丽"]


def test_code_lists_come_from_the_database(desk):
    purposes = desk.code_list("visit_purpose")
    assert [c.code for c in purposes][:2] == ["legal", "hardship"]
    assert purposes[0].label_zh == "法律咨询"
    with desk.db.session() as s, s.begin():
        item = s.get(M.CodeItem, ("visit_purpose", "legal"))
        item.active = False
    assert "legal" not in [c.code for c in desk.code_list("visit_purpose")]
    assert "legal" in [c.code for c in desk.code_list("visit_purpose", include_inactive=True)]
    labels = desk.code_labels()
    assert labels["visit_purpose"]["legal"] == "法律咨询"  # old records still show a label
    assert desk.code_labels("en")["campaign"]["winter"] == "Winter warmth"


# ---- relief duplicate warning -----------------------------------------------------------------

ID = "53292319900101005X"


def dup_names(desk, **raw):
    base = {"campaign": "winter", "visit_date": "2026-01-20", "name": "李四"}
    return [r["name"] for r in desk.relief_duplicates({**base, **raw})]


def test_same_id_same_campaign_same_year_warns(desk, make):
    first = make.relief(name="李四", id_number=ID, visit_date="2026-01-05")
    found = desk.relief_duplicates({"campaign": "winter", "visit_date": "2026-12-31",
                                    "name": "李四", "id_number": ID.lower()})
    assert [r["id"] for r in found] == [first]
    assert found[0]["visit_date"] == dt.date(2026, 1, 5)
    assert found[0]["station_code"] == "01"
    # A different spelling of the name does not hide the same ID number.
    assert dup_names(desk, name="李 四", id_number=ID) == ["李四"]


def test_other_campaign_other_year_or_other_person_does_not_warn(desk, make):
    make.relief(name="李四", id_number=ID, visit_date="2026-01-05")
    assert dup_names(desk, id_number=ID, campaign="summer") == []
    assert dup_names(desk, id_number=ID, visit_date="2025-12-31") == []
    assert dup_names(desk, id_number=ID, visit_date="2027-01-01") == []
    assert dup_names(desk, id_number="11010519491231002X", name="王五") == []


def test_deleted_and_excluded_visits_do_not_warn(desk, make):
    first = make.relief(name="李四", id_number=ID)
    assert desk.relief_duplicates({"campaign": "winter", "visit_date": "2026-01-20",
                                   "name": "李四", "id_number": ID}, exclude_id=first) == []
    desk.relief.delete(first)
    assert dup_names(desk, id_number=ID) == []


def test_without_id_the_same_name_and_phone_warns(desk, make):
    make.relief(name="李四", phone="138-1234-5678")
    assert dup_names(desk, phone="13812345678") == ["李四"]
    assert dup_names(desk, phone="+86 138 1234 5678") == ["李四"]
    assert dup_names(desk, phone="13900000000") == []
    assert dup_names(desk, name="李五", phone="13812345678") == []


def test_without_id_or_phone_the_same_name_alone_warns(desk, make):
    make.relief(name="李四")
    make.relief(name="李四", phone="13812345678")  # a different 李四: has a phone
    assert len(dup_names(desk)) == 1
    assert dup_names(desk, name="李五") == []


def test_incomplete_input_gives_no_warning(desk, make):
    make.relief(name="李四")
    assert desk.relief_duplicates({"name": "李四", "visit_date": "2026-01-20"}) == []
    assert desk.relief_duplicates({"name": "李四", "campaign": "winter"}) == []
    assert desk.relief_duplicates({"campaign": "winter", "visit_date": "2026-01-20"}) == []
    assert desk.relief_duplicates({"name": "李四", "campaign": "winter",
                                   "visit_date": "not a date"}) == []
    assert desk.relief_duplicates({"name": "李四", "campaign": "winter",
                                   "visit_date": dt.date(2026, 1, 20)}) != []


def test_records_of_other_stations_warn_too(desk):
    # At the county, visits from every station are in one database.
    with desk.db.session() as s, s.begin():
        s.add(M.ReliefVisit(station_code="07", name="李四", id_number=ID, campaign="winter",
                            visit_date=dt.date(2026, 1, 2), category="hardship"))
    found = desk.relief_duplicates({"campaign": "winter", "visit_date": "2026-02-01",
                                    "name": "李四", "id_number": ID})
    assert [r["station_code"] for r in found] == ["07"]
