"""Every register survives a round trip through .xlsx: export (full IDs) from one station,
import into another, the records are equal field by field; importing again adds nothing."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.sheets import DUPLICATE, SheetImporter, export_view

ORDER = ("visits", "relief", "fairs", "volunteers", "employers", "seekers", "intentions",
         "service_records")
IGNORED = {"id", "station_code", "created_at", "updated_at", "change_seq", "deleted_at",
           "search_key", "fair_id", "volunteer_id", "seeker_id", "employer_id"}


def populate(desk, sheets):
    d = desk
    d.visits.create({"visited_at": "2026-03-10 09:30", "left_at": "2026-03-10 10:05",
                     "name": "段堃", "gender": "M", "phone": "138 1234 5678",
                     "id_number": sheets.ID_A, "employer": "祥云县建筑工程有限公司",
                     "union_member": "yes", "party_size": "3", "purpose": "legal",
                     "summary": "咨询工资拖欠问题，\n已讲解相关法律规定", "outcome": "已转法律援助",
                     "status": "referred", "referred_to": "县总工会", "staff": "李红",
                     "follow_up_on": "2026-03-20"})
    d.visits.create({"visited_at": "2026-03-11 14:00", "name": "=1+1", "purpose": "rest",
                     "status": "done", "phone": "0872-3112345"})
    d.relief.create({"visit_date": "2026-01-15", "campaign": "winter", "name": "李珺",
                     "gender": "F", "id_number": sheets.ID_B, "phone": "13987654321",
                     "category": "hardship", "address": "祥城镇彩云路 8 号", "cash_fen": "1234.56",
                     "goods": "大米一袋、食用油一桶", "goods_value_fen": "0.01",
                     "visitors": "李红、王建国", "notes": "家中有病人"})
    d.relief.create({"visit_date": "2026-07-01", "campaign": "summer", "name": "张三",
                     "category": "frontline", "cash_fen": "99999999.99"})
    fair = d.fairs.create({"name": "春风行动专场招聘会", "held_on": "2026-02-20",
                           "place": "祥云县人力资源市场", "organiser": "县总工会"})
    vol = d.volunteers.create({"name": "赵镕", "gender": "M", "phone": "13700001111",
                               "id_number": sheets.ID_C, "skills": "legal,psych,publicity",
                               "availability": "周末", "joined_on": "2025-05-04",
                               "status": "active", "notes": "律师"})
    d.volunteers.create({"name": "钱七", "status": "paused"})
    emp = d.employers.create({"fair_id": fair, "name": "祥云县公交公司", "positions": "12",
                              "job_titles": "司机、调度员", "pay_range": "4000-6000",
                              "contact": "王经理", "phone": "0872-3123456"})
    seeker = d.seekers.create({"fair_id": fair, "name": "王五", "gender": "M",
                               "phone": "13611112222", "birth_year": "1988",
                               "education": "senior", "household": "rural",
                               "poverty_relief": True, "desired_job": "司机"})
    d.seekers.create({"fair_id": fair, "name": "孙八", "education": "college"})
    d.intentions.create({"fair_id": fair, "seeker_id": seeker, "employer_id": emp,
                         "status": "signed", "agreed_on": "2026-02-20"})
    d.service_records.create({"volunteer_id": vol, "served_on": "2026-03-01",
                              "activity": "法律咨询进工地", "half_hours": "2.5"})
    d.service_records.create({"volunteer_id": vol, "served_on": "2026-03-08",
                              "activity": "驿站服务值班", "half_hours": "4"})
    return fair


def records(desk, register: str) -> list[dict]:
    service = desk.registers[register]
    out = []
    for rowid in service.query_ids(RegisterQuery(descending=False)):
        rid = service.fetch_rows([rowid])[rowid]["id"]
        full = service.get(rid)
        out.append({k: v for k, v in full.items() if k not in IGNORED})
    return sorted(out, key=repr)


def test_every_register_round_trips_through_xlsx(desk, other_desk, sheets, tmp_path):
    fair = populate(desk, sheets)
    for register in ORDER:
        path = tmp_path / f"{register}.xlsx"
        service = desk.registers[register]
        query = RegisterQuery()
        if register in ("employers", "seekers", "intentions"):
            query.parent_id = fair
        result = export_view(desk, register, query, path, full=True)
        assert result.rows == service.count(query) > 0
        fair_id = None
        if register in ("employers", "seekers", "intentions"):
            fair_id = other_desk.fairs.fetch_rows(other_desk.fairs.query_ids(RegisterQuery()))
            fair_id = next(iter(fair_id.values()))["id"]
        importer = SheetImporter(other_desk, register, fair_id=fair_id)
        preview = importer.preview_file(path)
        assert not preview.missing
        refused = [(r.row, r.reason()) for r in preview.rows if r.status != "ready"]
        assert not refused, (register, refused)
        importer.commit(preview)
        assert preview.imported == result.rows
        assert records(other_desk, register) == records(desk, register), register

        again = importer.preview_file(path)
        assert {r.status for r in again.rows} == {DUPLICATE}, register
        importer.commit(again)
        assert again.imported == 0
        assert other_desk.registers[register].count() == result.rows


def test_round_trip_keeps_money_exact_and_types(desk, sheets, tmp_path):
    populate(desk, sheets)
    path = export_view(desk, "relief", RegisterQuery(sort_column="visit_date", descending=False),
                       tmp_path / "r.xlsx", full=True).path
    ws = load_workbook(path)["慰问走访"]
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert isinstance(row["慰问日期"].value, dt.datetime)
    assert row["慰问金（元）"].value == 1234.56 and row["慰问金（元）"].number_format == "0.00"
    assert row["物品折价（元）"].value == 0.01
    big = {h: c for h, c in zip(header, ws[3], strict=True)}
    assert big["慰问金（元）"].value == 99999999.99
