"""Every register through RegisterService: create, edit, soft-delete, restore, search, filter,
sort, links between records."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import select

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.services import registers as registers_module
from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.storage import models as M
from xiangyun_desk.storage.db import DB_FILENAME


def names(service, **query) -> list[str]:
    rows = service.fetch_rows(service.query_ids(RegisterQuery(**query)))
    ids = service.query_ids(RegisterQuery(**query))
    return [rows[i]["name"] for i in ids]


def found(service, text, **query) -> set[str]:
    return set(names(service, text=text, **query))


# ---- create / update / delete / restore for every register ---------------------------------

def _setup(make, key):
    """(service key, raw record for create, an edited raw record, field that changes)."""
    desk = make.desk
    if key == "visits":
        raw = {"visited_at": "2026-03-10 09:30", "name": "张三", "purpose": "legal",
               "status": "done", "phone": "138 1234 5678", "party_size": "2"}
        return raw, {**raw, "status": "following", "follow_up_on": "2026-03-20"}, "status", \
            "following"
    if key == "relief":
        raw = {"visit_date": "2026-01-15", "campaign": "winter", "name": "李四",
               "category": "hardship", "cash_fen": "500.50", "goods": "棉被一床"}
        return raw, {**raw, "cash_fen": "600"}, "cash_fen", 60000
    if key == "fairs":
        raw = {"name": "春风行动", "held_on": "2026-02-20", "place": "祥云县人力资源市场"}
        return raw, {**raw, "place": "云南驿镇文化广场"}, "place", "云南驿镇文化广场"
    fair = make.fair()
    if key == "employers":
        raw = {"fair_id": fair, "name": "祥云县公交公司", "positions": "12",
               "credit_code": "91110000600037341L"}
        return raw, {**raw, "positions": "20"}, "positions", 20
    if key == "seekers":
        raw = {"fair_id": fair, "name": "王五", "birth_year": "1990", "education": "senior"}
        return raw, {**raw, "education": "college"}, "education", "college"
    if key == "intentions":
        seeker, employer = make.seeker(fair), make.employer(fair)
        raw = {"fair_id": fair, "seeker_id": seeker, "employer_id": employer, "status": "intent",
               "agreed_on": "2026-02-20"}
        return raw, {**raw, "status": "signed"}, "status", "signed"
    volunteer = make.volunteer()
    if key == "volunteers":
        raw = {"name": "赵六", "status": "active", "skills": "legal,psych"}
        return raw, {**raw, "status": "paused"}, "status", "paused"
    assert key == "service_records"
    raw = {"volunteer_id": volunteer, "served_on": "2026-03-01", "activity": "值班",
           "half_hours": "1.5"}
    del desk
    return raw, {**raw, "half_hours": "3"}, "half_hours", 6


REGISTERS = ["visits", "relief", "fairs", "employers", "seekers", "intentions", "volunteers",
             "service_records"]


@pytest.mark.parametrize("key", REGISTERS)
def test_create_update_delete_restore(desk, make, key):
    service = desk.registers[key]
    raw, edited, field, new_value = _setup(make, key)
    before = service.count()
    record_id = service.create(raw)
    stored = service.get(record_id)
    assert stored["station_code"] == "01"
    assert stored["deleted_at"] is None
    assert service.count() == before + 1
    assert stored[field] != new_value

    service.update(record_id, edited)
    assert service.get(record_id)[field] == new_value
    assert service.get(record_id)["created_at"] == stored["created_at"]

    service.delete(record_id)
    assert service.count() == before
    assert service.count(RegisterQuery(deleted=True)) == 1
    assert service.get(record_id)["deleted_at"] is not None
    with pytest.raises(ValidationFailed) as info:
        service.update(record_id, edited)  # a deleted record cannot be edited
    assert set(info.value.errors) == {"id"}

    service.restore(record_id)
    assert service.count() == before + 1
    assert service.count(RegisterQuery(deleted=True)) == 0
    assert service.get(record_id)[field] == new_value


@pytest.mark.parametrize("key", REGISTERS)
def test_invalid_record_is_refused_and_nothing_is_stored(desk, key):
    service = desk.registers[key]

    def last_seq():
        with desk.db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT last_seq FROM change_counter").scalar()

    before = last_seq()
    with pytest.raises(ValidationFailed) as info:
        service.create({})
    assert info.value.errors
    assert service.count() == 0
    assert last_seq() == before


def test_get_of_an_unknown_id_raises_key_error(desk):
    with pytest.raises(KeyError):
        desk.visits.get("no-such-id")
    with pytest.raises(ValidationFailed):
        desk.visits.delete("no-such-id")


def test_cleared_optional_fields_can_be_saved(desk, make):
    visit = make.visit(gender="F", union_member="yes", party_size="3", phone="13812345678")
    desk.visits.update(visit, {"visited_at": "2026-03-10 09:30", "name": "张三",
                               "purpose": "legal", "status": "done"})
    stored = desk.visits.get(visit)
    assert (stored["gender"], stored["union_member"], stored["party_size"]) == ("U", "unknown", 1)
    assert stored["phone"] is None and stored["phone_norm"] is None
    volunteer = make.volunteer(skills="legal")
    desk.volunteers.update(volunteer, {"name": "赵六", "status": "active", "skills": ""})
    assert desk.volunteers.get(volunteer)["skills"] == ""
    relief = make.relief(cash_fen="100", gender="M")
    desk.relief.update(relief, {"visit_date": "2026-01-15", "campaign": "winter", "name": "李四",
                                "category": "hardship"})
    assert desk.relief.get(relief)["cash_fen"] == 0


def test_phone_is_kept_as_typed_beside_the_normalised_form(desk, make):
    visit = make.visit(phone="+86 138-1234-5678")
    stored = desk.visits.get(visit)
    assert stored["phone"] == "+86 138-1234-5678"
    assert stored["phone_norm"] == "13812345678"


def test_visit_leaving_before_arriving_is_refused(desk, make):
    with pytest.raises(ValidationFailed) as info:
        make.visit(visited_at="2026-03-10 09:30", left_at="2026-03-10 09:00")
    assert set(info.value.errors) == {"left_at"}
    assert desk.visits.count() == 0


def test_money_is_stored_exactly_in_fen(desk, make):
    record = make.relief(cash_fen="0.10", goods_value_fen="1234.56")
    stored = desk.relief.get(record)
    assert stored["cash_fen"] == 10 and isinstance(stored["cash_fen"], int)
    assert stored["goods_value_fen"] == 123456


# ---- search --------------------------------------------------------------------------------

@pytest.fixture
def people(desk, make):
    make.visit(name="张三", phone="13812345678", id_number="53292319900101005X",
               employer="祥云县公交公司")
    make.visit(name="单田芳", phone="0872-7654321", employer="云南驿物流园")
    make.visit(name="曾小贤", id_number="11010519491231002X")
    make.visit(name="李四")
    return desk.visits


@pytest.mark.parametrize("text,expected", [
    ("张三", {"张三"}), ("张", {"张三"}),
    ("zs", {"张三"}), ("ZS", {"张三"}), ("z s", {"张三"}),
    ("stf", {"单田芳"}), ("dtf", {"单田芳"}),  # the surname reading and the common one
    ("zxx", {"曾小贤"}), ("cxx", {"曾小贤"}),
    ("13812345678", {"张三"}), ("138 1234 5678", {"张三"}), ("5678", {"张三"}),
    ("0872-7654321", {"单田芳"}), ("7654321", {"单田芳"}),
    ("005x", {"张三"}), ("005X", {"张三"}), ("01005X", {"张三"}), ("002x", {"曾小贤"}),
    ("公交", {"张三"}), ("物流园", {"单田芳"}),
    ("王", set()), ("99999", set()),
])
def test_search_matches_name_initials_phone_id_tail_employer(people, text, expected):
    assert found(people, text) == expected


def test_empty_search_lists_everything(people):
    assert len(names(people, text="")) == 4
    assert len(names(people, text="   ")) == 4


def test_search_does_not_match_the_start_of_an_id_number(people):
    # Only the tail is indexed (people are asked for the last digits).
    assert found(people, "532923") == set()


@pytest.mark.parametrize("text", ["%", "_", "\\", "%%", "a%b"])
def test_like_wildcards_are_literal(people, text):
    assert found(people, text) == set()


def test_search_in_other_registers(desk, make):
    make.relief(name="区志强", address="祥云县祥城镇12号", phone="13900001111")
    make.relief(name="仇英")
    assert found(desk.relief, "ozq") == {"区志强"}
    assert found(desk.relief, "祥城镇") == {"区志强"}  # address is searchable
    assert found(desk.relief, "qy") == {"仇英"}
    fair = make.fair(name="金秋招聘月", place="下庄镇政府广场")
    make.fair(name="春风行动", place="云南驿镇文化广场")
    assert found(desk.fairs, "下庄") == {"金秋招聘月"}
    assert found(desk.fairs, "jqzpy") == {"金秋招聘月"}
    make.employer(fair, name="米甸镇茶叶加工厂", job_titles="普工、电工", contact="解明",
                  phone="0872-1234567")
    make.employer(fair, name="祥云县公交公司", job_titles="司机")
    assert found(desk.employers, "电工") == {"米甸镇茶叶加工厂"}
    assert found(desk.employers, "解明") == {"米甸镇茶叶加工厂"}
    assert found(desk.employers, "1234567") == {"米甸镇茶叶加工厂"}
    make.seeker(fair, name="解缙", desired_job="焊工", employer="鹿鸣乡水泥厂")
    assert found(desk.seekers, "xj") == {"解缙"}
    assert found(desk.seekers, "焊工") == {"解缙"}
    assert found(desk.seekers, "水泥厂") == {"解缙"}
    make.volunteer(name="朴志", availability="周末")
    assert found(desk.volunteers, "pz") == {"朴志"}
    assert found(desk.volunteers, "周末") == {"朴志"}


def test_search_key_follows_edits(desk, make):
    visit = make.visit(name="张三")
    desk.visits.update(visit, {"visited_at": "2026-03-10 09:30", "name": "李四",
                               "purpose": "legal", "status": "done"})
    assert found(desk.visits, "zs") == set()
    assert found(desk.visits, "ls") == {"李四"}


# ---- filters, deleted view, sorting -------------------------------------------------------

def test_date_range_on_a_datetime_column_includes_the_whole_end_day(desk, make):
    make.visit(name="早", visited_at="2026-03-09 23:59")
    make.visit(name="开始", visited_at="2026-03-10 00:00")
    make.visit(name="最后", visited_at="2026-03-12 23:59:59")
    make.visit(name="晚", visited_at="2026-03-13 00:00")
    q = {"date_from": dt.date(2026, 3, 10), "date_to": dt.date(2026, 3, 12)}
    assert set(names(desk.visits, **q)) == {"开始", "最后"}
    assert set(names(desk.visits, date_from=dt.date(2026, 3, 13))) == {"晚"}
    assert set(names(desk.visits, date_to=dt.date(2026, 3, 9))) == {"早"}
    assert desk.visits.count(RegisterQuery(**q)) == 2


def test_date_range_on_a_date_column(desk, make):
    make.relief(name="一月", visit_date="2026-01-31")
    make.relief(name="二月", visit_date="2026-02-01")
    make.relief(name="二月底", visit_date="2026-02-28")
    make.relief(name="三月", visit_date="2026-03-01")
    q = {"date_from": dt.date(2026, 2, 1), "date_to": dt.date(2026, 2, 28)}
    assert set(names(desk.relief, **q)) == {"二月", "二月底"}


def test_category_filters(desk, make):
    make.visit(name="甲", purpose="legal")
    make.visit(name="乙", purpose="rest")
    make.visit(name="丙", purpose="rest", visited_at="2025-12-01 10:00")
    assert set(names(desk.visits, category="rest")) == {"乙", "丙"}
    assert set(names(desk.visits, category="rest", date_from=dt.date(2026, 1, 1))) == {"乙"}
    assert set(names(desk.visits, category="rest", text="y")) == {"乙"}
    make.relief(name="冬", campaign="winter")
    make.relief(name="夏", campaign="summer")
    assert set(names(desk.relief, category="summer")) == {"夏"}
    make.volunteer(name="在", status="active")
    make.volunteer(name="停", status="paused")
    assert set(names(desk.volunteers, category="paused")) == {"停"}


def test_children_are_listed_per_parent(desk, make):
    a, b = make.fair(name="甲会"), make.fair(name="乙会")
    make.employer(a, name="甲公司")
    make.employer(b, name="乙公司")
    make.seeker(a, name="甲人")
    assert set(names(desk.employers, parent_id=a)) == {"甲公司"}
    assert set(names(desk.employers, parent_id=b)) == {"乙公司"}
    assert set(names(desk.employers)) == {"甲公司", "乙公司"}
    assert set(names(desk.seekers, parent_id=b)) == set()


def test_deleted_view_shows_only_deleted_records(desk, make):
    keep = make.visit(name="留")
    gone = make.visit(name="删")
    desk.visits.delete(gone)
    assert names(desk.visits) == ["留"]
    assert names(desk.visits, deleted=True) == ["删"]
    assert found(desk.visits, "s", deleted=True) == {"删"}
    rows = desk.visits.fetch_rows(desk.visits.query_ids(RegisterQuery(deleted=True)))
    assert all(r["deleted_at"] is not None for r in rows.values())
    assert keep not in {r["id"] for r in rows.values()}


def test_default_sort_is_newest_first_and_columns_sort_both_ways(desk, make):
    make.visit(name="b", visited_at="2026-03-02 10:00")
    make.visit(name="c", visited_at="2026-03-03 10:00")
    make.visit(name="a", visited_at="2026-03-01 10:00")
    assert names(desk.visits) == ["c", "b", "a"]
    assert names(desk.visits, descending=False) == ["a", "b", "c"]
    assert names(desk.visits, sort_column="name", descending=False) == ["a", "b", "c"]
    assert names(desk.visits, sort_column="name", descending=True) == ["c", "b", "a"]


def test_ties_are_broken_by_insertion_order(desk, make):
    for n in "xyz":
        make.visit(name=n, visited_at="2026-03-01 10:00")
    assert names(desk.visits, descending=False) == ["x", "y", "z"]
    assert names(desk.visits, descending=True) == ["z", "y", "x"]


def test_an_unknown_sort_column_falls_back_to_the_default(desk, make):
    make.visit(name="a", visited_at="2026-03-01 10:00")
    make.visit(name="b", visited_at="2026-03-02 10:00")
    for bad in ("no_such_column", "name; DROP TABLE visit", "rowid desc --"):
        assert names(desk.visits, sort_column=bad) == ["b", "a"]
    assert desk.visits.count() == 2


def test_computed_columns_count_only_live_records_and_sort(desk, make):
    busy, idle = make.volunteer(name="忙"), make.volunteer(name="闲")
    make.service(busy, half_hours="2")
    make.service(busy, half_hours="1.5")
    gone = make.service(busy, half_hours="8")
    desk.service_records.delete(gone)
    make.service(idle, half_hours="0.5")
    rows = desk.volunteers.fetch_rows(desk.volunteers.query_ids(RegisterQuery()))
    hours = {r["name"]: r["hours"] for r in rows.values()}
    assert hours == {"忙": 7, "闲": 1}  # half hours
    assert names(desk.volunteers, sort_column="hours", descending=True) == ["忙", "闲"]
    assert names(desk.volunteers, sort_column="hours", descending=False) == ["闲", "忙"]

    fair = make.fair(name="会")
    e1 = make.employer(fair, positions="10")
    make.employer(fair, positions="7")
    gone = make.employer(fair, positions="100")
    desk.employers.delete(gone)
    s1, s2 = make.seeker(fair), make.seeker(fair)
    make.intention(fair, s1, e1)
    make.intention(fair, s2, e1)
    rows = desk.fairs.fetch_rows(desk.fairs.query_ids(RegisterQuery()))
    (row,) = rows.values()
    assert (row["employers"], row["positions"], row["seekers"]) == (2, 17, 2)
    employer_rows = desk.employers.fetch_rows(desk.employers.query_ids(RegisterQuery()))
    assert sorted(r["intentions"] for r in employer_rows.values()) == [0, 2]
    intention_rows = desk.intentions.fetch_rows(desk.intentions.query_ids(RegisterQuery()))
    assert {r["employer_name"] for r in intention_rows.values()} == {"祥云县公交公司"}
    assert {r["seeker_name"] for r in intention_rows.values()} == {"王五"}


def test_fetch_rows_in_chunks_and_ids_of(desk, make, monkeypatch):
    monkeypatch.setattr(registers_module, "FETCH_CHUNK", 2)
    made = [make.visit(name=f"人{i}", visited_at=f"2026-03-0{i + 1} 10:00") for i in range(5)]
    ids = desk.visits.query_ids(RegisterQuery(descending=False))
    rows = desk.visits.fetch_rows(ids)
    assert [rows[i]["id"] for i in ids] == made
    assert set(rows[ids[0]]) >= {"id", "deleted_at", *desk.visits.spec.columns}
    assert sorted(desk.visits.ids_of(made[1:3])) == sorted(ids[1:3])
    assert desk.visits.fetch_rows([]) == {}


# ---- hostile and unusual text ----------------------------------------------------------------

def test_sql_looking_text_is_stored_as_text(desk, make):
    evil = "'; DROP TABLE visit; --"
    visit = make.visit(name=evil, summary='"); DELETE FROM visit WHERE 1=1; --',
                       employer="Robert'); DROP TABLE relief_visit;--")
    assert desk.visits.get(visit)["name"] == evil
    assert found(desk.visits, "drop") == {evil}
    assert found(desk.visits, "' OR '1'='1") == set()
    make.visit(name="张三")
    assert desk.visits.count() == 2
    make.relief()  # the other table is still there
    assert desk.relief.count() == 1


@pytest.mark.parametrize("name", ["𬌗", "李𬌗", "张堃", "王珺", "黄镕", "小明😀", "👨‍👩‍👧",
                                  "Zoë", "Ångström"])
def test_rare_characters_and_emoji_are_stored_exactly(desk, make, data_dir, name):
    visit = make.visit(name=name, summary=name * 3)
    stored = desk.visits.get(visit)
    assert stored["name"] == name
    assert stored["summary"] == name * 3
    assert found(desk.visits, name) == {name}
    # The bytes in the file are the UTF-8 of the exact code points (no replacement characters).
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn:
        (raw,) = conn.execute("SELECT CAST(name AS BLOB) FROM visit WHERE id = ?",
                              (visit,)).fetchone()
    assert raw == name.encode("utf-8")


# ---- links between records ------------------------------------------------------------------

def test_intention_links_seeker_and_employer_of_the_same_fair(desk, make):
    a, b = make.fair(name="甲会"), make.fair(name="乙会")
    seeker_a, employer_a = make.seeker(a), make.employer(a)
    seeker_b, employer_b = make.seeker(b), make.employer(b)
    ok = make.intention(a, seeker_a, employer_a)
    assert desk.intentions.get(ok)["fair_id"] == a
    with pytest.raises(ValidationFailed) as info:
        make.intention(a, seeker_a, employer_b)
    assert set(info.value.errors) == {"employer_id"}
    with pytest.raises(ValidationFailed) as info:
        make.intention(a, seeker_b, employer_a)
    assert set(info.value.errors) == {"seeker_id"}
    with pytest.raises(ValidationFailed) as info:
        make.intention(b, seeker_a, employer_a)  # both belong to the other fair
    assert info.value.errors
    with pytest.raises(ValidationFailed) as info:
        desk.intentions.update(ok, {"fair_id": a, "seeker_id": seeker_a, "employer_id": employer_b,
                                    "status": "signed", "agreed_on": "2026-02-21"})
    assert desk.intentions.get(ok)["employer_id"] == employer_a
    assert desk.intentions.count() == 1


def test_links_to_missing_records_are_refused(desk, make):
    fair = make.fair()
    seeker = make.seeker(fair)
    with pytest.raises(ValidationFailed) as info:
        make.intention(fair, seeker, "no-such-employer")
    assert set(info.value.errors) == {"employer_id"}
    with pytest.raises(ValidationFailed) as info:
        make.employer("no-such-fair")
    assert set(info.value.errors) == {"fair_id"}


def test_child_of_a_deleted_parent_is_refused(desk, make):
    fair = make.fair()
    seeker, employer = make.seeker(fair), make.employer(fair)
    desk.seekers.delete(seeker)
    with pytest.raises(ValidationFailed) as info:
        make.intention(fair, seeker, employer)
    assert "seeker_id" in info.value.errors
    desk.fairs.delete(fair)
    for create in (lambda: make.employer(fair), lambda: make.seeker(fair)):
        with pytest.raises(ValidationFailed) as info:
            create()
        assert set(info.value.errors) == {"fair_id"}
        assert "deleted" in str(info.value.errors["fair_id"])
    volunteer = make.volunteer()
    record = make.service(volunteer)
    desk.volunteers.delete(volunteer)
    with pytest.raises(ValidationFailed):
        make.service(volunteer)
    with pytest.raises(ValidationFailed):  # editing the existing child is refused too
        desk.service_records.update(record, {"volunteer_id": volunteer, "served_on": "2026-03-02",
                                             "activity": "值班", "half_hours": "1"})
    assert desk.service_records.count() == 1


def test_records_of_another_station_are_read_only(desk):
    with desk.db.session() as s, s.begin():
        other = M.Visit(station_code="02", name="外站", visited_at=dt.datetime(2026, 1, 1),
                        purpose="rest", status="done")
        s.add(other)
    raw = {"visited_at": "2026-01-01 10:00", "name": "改", "purpose": "rest", "status": "done"}
    for action in (lambda: desk.visits.update(other.id, raw), lambda: desk.visits.delete(other.id)):
        with pytest.raises(ValidationFailed) as info:
            action()
        assert "another station" in str(info.value)
    assert desk.visits.get(other.id)["name"] == "外站"


def test_county_published_fairs_are_read_only(desk):
    with desk.db.session() as s, s.begin():
        fair = M.JobFair(station_code="01", name="县招聘会", held_on=dt.date(2026, 5, 1),
                         source="county")
        s.add(fair)
    with pytest.raises(ValidationFailed) as info:
        desk.fairs.update(fair.id, {"name": "改名", "held_on": "2026-05-01"})
    assert "county" in str(info.value)
    with pytest.raises(ValidationFailed):
        desk.fairs.delete(fair.id)
    with desk.db.session() as s:
        assert s.scalar(select(M.JobFair.name).where(M.JobFair.id == fair.id)) == "县招聘会"
