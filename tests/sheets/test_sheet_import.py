"""Importing sheets: Chinese headings and synonyms, UTF-8 and GBK/GB18030 CSV, code labels,
refusals naming the cell and the reason, duplicates, mappings, job-fair and volunteer links, one
transaction, the saved report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from xiangyun_desk.domain.errors import ValidationFailed
from xiangyun_desk.domain.i18n import msg
from xiangyun_desk.services.registers import RegisterQuery, RegisterService
from xiangyun_desk.services.sheets import (
    DUPLICATE,
    MERGED,
    POSSIBLE,
    READY,
    REFUSED,
    SheetError,
    SheetImporter,
    save_report,
)

VISIT_HEADERS = ["来访日期", "名字", "性别", "手机号码", "公民身份号码", "工作单位", "事由", "状态"]


def all_rows(desk, register, **query):
    service = desk.registers[register]
    ids = service.query_ids(RegisterQuery(descending=False, **query))
    rows = service.fetch_rows(ids)
    return [service.get(rows[i]["id"]) for i in ids]


def visits_csv(sheets, encoding):
    return sheets.csv_bytes([
        VISIT_HEADERS,
        ["2026/3/10 9:30", "段堃", "男", "13812345678", sheets.ID_A, "祥云县公交公司", "法律咨询",
         "已办结"],
        ["2026年3月11日", "李珺", "女", "0872-3112345", "", "下庄镇烤烟合作社", "job", "跟进中"],
        ["20260312", "王五", "M", "", "", "", "Rest at the station", "done"],
    ], encoding)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
def test_csv_in_utf8_and_gbk_with_chinese_headings(desk, sheets, tmp_path, encoding):
    path = sheets.write(tmp_path / "visits.csv", visits_csv(sheets, encoding))
    importer = SheetImporter(desk, "visits")
    preview = importer.preview_file(path)
    assert [c.field for c in preview.columns] == [
        "visited_at", "name", "gender", "phone", "id_number", "employer", "purpose", "status"]
    assert [r.status for r in preview.rows] == [READY] * 3, [r.reason() for r in preview.rows]
    assert preview.encoding == ("utf-8" if encoding.startswith("utf") else "gb18030")
    importer.commit(preview)
    got = all_rows(desk, "visits")
    assert [r["name"] for r in got] == ["段堃", "李珺", "王五"]
    assert got[0]["visited_at"] == dt.datetime(2026, 3, 10, 9, 30)
    assert got[0]["id_number"] == sheets.ID_A and got[0]["gender"] == "M"
    assert got[1]["visited_at"] == dt.datetime(2026, 3, 11) and got[1]["purpose"] == "job"
    assert got[1]["status"] == "following" and got[1]["phone_norm"] == "0872-3112345"
    assert got[2]["purpose"] == "rest" and got[2]["union_member"] == "unknown"


def test_gb18030_only_characters_and_tab_separated_utf16(desk, sheets, tmp_path):
    rare = "䶮"  # outside GBK, inside GB18030 (four bytes)
    data = sheets.csv_bytes([["姓名", "慰问日期", "慰问活动", "对象类别", "慰问金"],
                             [f"刘{rare}", "2026-01-20", "冬送温暖", "困难职工", "500"]], "gb18030")
    importer = SheetImporter(desk, "relief")
    preview = importer.preview_file(sheets.write(tmp_path / "gb.csv", data))
    assert preview.rows[0].status == READY and preview.rows[0].clean["name"] == f"刘{rare}"
    utf16 = "姓名\t慰问日期\t慰问活动\t对象类别\n张三\t2026-01-21\t冬送温暖\t困难职工\n".encode("utf-16")
    preview = importer.preview_file(sheets.write(tmp_path / "u16.txt", utf16))
    assert preview.rows[0].status == READY and preview.encoding == "utf-16"


def test_refused_rows_name_the_cell_and_use_the_domain_messages(desk, sheets, tmp_path):
    bad_id = sheets.ID_A[:-1] + ("0" if sheets.ID_A[-1] != "0" else "1")
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        VISIT_HEADERS,
        ["2026-03-10 09:30", "张三", "男", "138123", bad_id, "", "法律咨询", "已办结"],
        ["2026-03-10", "", "男", "", "", "", "聊天", "已办结"],
        ["2026-03-10", "李四", "", "", "", "", "法律咨询", "已办结"],
    ])
    preview = SheetImporter(desk, "visits").preview_file(path)
    first, second, third = preview.rows
    assert first.status == REFUSED
    cells = {p.cell: p for p in first.problems}
    assert set(cells) == {"D2", "E2"}
    assert cells["E2"].header == "公民身份号码"
    assert cells["E2"].message.text == "The check character should be {expected}, not {actual}."
    assert cells["D2"].message.text.startswith("A mobile number has 11 digits")
    assert "E2 公民身份号码: The check character should be" in first.reason()
    assert {p.cell for p in second.problems} == {"B3", "G3"}
    assert {p.field for p in second.problems} == {"name", "purpose"}
    assert "法律咨询" in next(p for p in second.problems if p.field == "purpose").describe()
    assert third.status == READY
    assert preview.counts()[REFUSED] == 2


def test_translated_reasons(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [VISIT_HEADERS,
                                             ["2026-03-10", "张三", "男", "", "", "", "?", "已办结"]])
    row = SheetImporter(desk, "visits").preview_file(path).rows[0]
    zh = {("Sheets", "Not one of the listed values: {choices}."): "不是列表中的值：{choices}。"}
    text = row.reason(lambda ctx, s: zh.get((ctx, s), s))
    assert text.startswith("G2 事由: 不是列表中的值：法律咨询")


def test_importing_the_same_file_twice_adds_nothing(desk, sheets, tmp_path):
    path = sheets.write(tmp_path / "v.csv", visits_csv(sheets, "utf-8-sig"))
    importer = SheetImporter(desk, "visits")
    importer.commit(importer.preview_file(path))
    again = importer.preview_file(path)
    assert [r.status for r in again.rows] == [DUPLICATE] * 3
    assert all(r.duplicate_of and r.note for r in again.rows)
    importer.commit(again)
    assert again.imported == 0 and desk.visits.count() == 3


def test_possible_duplicates_are_flagged(desk, sheets, tmp_path):
    desk.visits.create({"visited_at": "2026-03-10 08:00", "name": "段堃", "phone": "13812345678",
                        "purpose": "job", "status": "done"})
    desk.visits.create({"visited_at": "2026-03-01 08:00", "name": "李四", "purpose": "job",
                        "status": "done", "id_number": sheets.ID_B})
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        VISIT_HEADERS,
        ["2026-03-10 09:30", "段堃", "男", "138 1234 5678", "", "", "法律咨询", "已办结"],  # same day
        ["2026-03-11 09:30", "段堃", "男", "13812345678", "", "", "法律咨询", "已办结"],  # next day
        ["2026-03-01 10:00", "李思", "男", "", sheets.ID_B, "", "法律咨询", "已办结"],  # same ID
        ["2026-03-11 10:00", "段堃", "男", "13812345678", "", "", "法律咨询", "跟进中"],  # row 3 again
    ])
    importer = SheetImporter(desk, "visits")
    preview = importer.preview_file(path)
    assert [r.status for r in preview.rows] == [POSSIBLE, READY, POSSIBLE, POSSIBLE]
    assert "同一姓名和电话" in preview.rows[0].reason()
    assert "同一身份证号码" in preview.rows[2].reason()
    assert preview.rows[3].duplicate_of == "row 3"
    importer.commit(preview, include_possible=False)
    assert preview.imported == 1 and desk.visits.count() == 3
    preview = importer.preview_file(path)
    importer.commit(preview)  # default: possible duplicates are imported (flagged)
    assert preview.imported == 3 and desk.visits.count() == 6


def test_relief_possible_duplicate_same_campaign_and_year(desk, sheets, tmp_path):
    desk.relief.create({"visit_date": "2025-12-20", "campaign": "winter", "name": "张三",
                        "category": "hardship", "id_number": sheets.ID_A})
    path = sheets.xlsx(tmp_path / "r.xlsx", [
        ["慰问日期", "慰问活动", "姓名", "对象类别", "身份证号码", "慰问金（元）"],
        ["2025-12-28", "冬送温暖", "张三", "困难职工", sheets.ID_A, 500],
        ["2026-01-05", "冬送温暖", "张三", "困难职工", sheets.ID_A, 500],
        ["2025-12-28", "春节送温暖", "张三", "困难职工", sheets.ID_A, 500],
    ])
    preview = SheetImporter(desk, "relief").preview_file(path)
    assert [r.status for r in preview.rows] == [POSSIBLE, READY, READY]


def test_mapping_dict_overrides_the_automatic_match(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        ["时间", "来访人", "手机", "备用电话", "诉求", "处理"],
        ["2026-03-10", "张三", "13812345678", "13900000000", "法律咨询", "已办结"],
    ])
    importer = SheetImporter(desk, "visits")
    preview = importer.preview_file(path)
    assert preview.missing == ["purpose"]
    assert {c.header: c.field for c in preview.columns}["备用电话"] is None
    with pytest.raises(SheetError):
        importer.commit(preview)
    preview = importer.preview_file(path, {"诉求": "purpose", 5: "status", "手机": None,
                                           "D": "phone"})
    assert not preview.missing
    assert preview.rows[0].status == READY
    assert preview.rows[0].clean["phone"] == "13900000000"
    with pytest.raises(SheetError, match="not a field"):
        importer.preview_file(path, {"诉求": "no_such_field"})


def test_values_for_every_row(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "r.xlsx", [["姓名", "身份证号码", "住址"],
                                            ["张三", sheets.ID_A, "祥城镇"],
                                            ["李四", sheets.ID_B, "下庄镇"]])
    importer = SheetImporter(desk, "relief")
    assert importer.preview_file(path).missing == ["visit_date", "campaign", "category"]
    preview = importer.preview_file(path, defaults={"visit_date": "2026-01-20",
                                                    "campaign": "冬送温暖", "category": "hardship"})
    assert not preview.missing and {r.status for r in preview.rows} == {READY}
    importer.commit(preview)
    assert {r["campaign"] for r in all_rows(desk, "relief")} == {"winter"}


def test_employer_position_lists_become_one_record_per_employer(desk, sheets, tmp_path):
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-20"})
    path = sheets.xlsx(tmp_path / "e.xlsx", [
        ["2026年春风行动岗位信息表"],
        ["序号", "用人单位", "招聘岗位", "招聘人数", "薪资待遇", "联系人", "联系电话"],
        [1, "祥云县公交公司", "司机", "10", "4000-6000", "王经理", "0872-3123456"],
        [2, "祥云县公交公司", "调度员", 2, "3500-4500", "", ""],
        [3, "云南驿物流园", "仓管员", "5人", "3000", "李", "13700001111"],
        [None, "合计", None, 17],
    ], merged=["A1:G1"])
    importer = SheetImporter(desk, "employers", fair_id=fair[:8])
    preview = importer.preview_file(path)
    assert preview.header_row == 2
    assert [r.status for r in preview.rows] == [READY, MERGED, READY, REFUSED]
    assert "合计" in preview.rows[3].reason()
    importer.commit(preview)
    rows = {r["name"]: r for r in all_rows(desk, "employers", parent_id=fair)}
    bus = rows["祥云县公交公司"]
    assert bus["positions"] == 12 and bus["job_titles"] == "司机、调度员"
    assert bus["pay_range"] == "3500-6000" and bus["contact"] == "王经理"
    assert rows["云南驿物流园"]["positions"] == 5
    assert set(r["fair_id"] for r in rows.values()) == {fair}


def test_fair_children_need_a_fair(desk, sheets, tmp_path):
    with pytest.raises(SheetError, match="job fair"):
        SheetImporter(desk, "seekers")
    with pytest.raises(SheetError, match="No job fair"):
        SheetImporter(desk, "seekers", fair_id="nope")


def test_seeker_sign_up_sheet(desk, sheets, tmp_path):
    fair = desk.fairs.create({"name": "春风行动", "held_on": "2026-02-20"})
    path = sheets.xlsx(tmp_path / "s.xlsx", [
        ["姓名", "性别", "出生年月", "手机", "文化程度", "户口性质", "是否脱贫劳动力", "求职意向"],
        ["王五", "男", "1988.06", 13611112222, "高中/中专", "农业", "是", "司机"],
        ["孙八", "女", 1990, "13611113333", "本科", "城镇", "否", ""],
        ["周九", "女", "1990", "", "博士", "", "也许", ""],
    ])
    preview = SheetImporter(desk, "seekers", fair_id=fair).preview_file(path)
    assert [r.status for r in preview.rows] == [READY, READY, REFUSED]
    a = preview.rows[0].clean
    assert (a["birth_year"], a["phone"], a["education"], a["household"], a["poverty_relief"]) \
        == (1988, "13611112222", "senior", "rural", True)
    assert {p.cell for p in preview.rows[2].problems} == {"E4", "G4"}


def test_service_records_find_their_volunteer(desk, sheets, tmp_path):
    desk.volunteers.create({"name": "赵六", "status": "active", "phone": "13700001111"})
    desk.volunteers.create({"name": "钱七", "status": "active", "phone": "13700002222"})
    desk.volunteers.create({"name": "钱七", "status": "active", "phone": "13700003333"})
    path = sheets.xlsx(tmp_path / "sr.xlsx", [
        ["服务日期", "志愿者姓名", "电话", "服务内容", "服务时长"],
        ["2026-03-01", "赵六", "", "驿站服务值班", "2.5小时"],
        ["2026-03-01", "钱七", "13700003333", "驿站服务值班", 3],
        ["2026-03-01", "钱七", "", "驿站服务值班", 3],
        ["2026-03-01", "孙八", "", "驿站服务值班", 3],
        ["2026-03-02", "钱七", "137****2222", "驿站服务值班", 0.5],
    ])
    preview = SheetImporter(desk, "service_records").preview_file(path)
    assert [r.status for r in preview.rows] == [READY, READY, REFUSED, REFUSED, READY]
    assert "Several volunteers are named 钱七" in preview.rows[2].reason()
    assert "No volunteer named 孙八" in preview.rows[3].reason()
    assert preview.rows[0].clean["half_hours"] == 5


def test_one_transaction_all_or_nothing(desk, sheets, tmp_path, monkeypatch):
    path = sheets.write(tmp_path / "v.csv", visits_csv(sheets, "utf-8-sig"))
    importer = SheetImporter(desk, "visits")
    preview = importer.preview_file(path)
    calls = []
    original = RegisterService._check_parent

    def failing(self, s, clean):
        calls.append(clean["name"])
        if len(calls) == 3:
            raise ValidationFailed({"name": msg("Registers", "The linked record does not "
                                                "exist or was deleted.")})
        return original(self, s, clean)

    monkeypatch.setattr(RegisterService, "_check_parent", failing)
    with pytest.raises(SheetError) as info:
        importer.commit(preview)
    assert "Nothing was imported: row 4" in info.value.message.render()
    assert desk.visits.count() == 0
    assert all(r.record_id is None for r in preview.rows)


def test_empty_rows_and_title_rows(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        ["云南驿镇职工之家来访登记表"], [None], VISIT_HEADERS, [None] * 8,
        ["2026-03-10", "张三", "男", "", "", "", "法律咨询", "已办结"], [], ["", " ", None],
        ["2026-03-11", "李四", "女", "", "", "", "法律咨询", "已办结"]], merged=["A1:H1"])
    preview = SheetImporter(desk, "visits").preview_file(path)
    assert preview.header_row == 3
    assert [(r.row, r.status) for r in preview.rows] == [(5, READY), (8, READY)]
    assert preview.empty_rows == 3
    notes = " ".join(n.render() for n in preview.notes)
    assert "row 3" in notes and "3 empty row(s)" in notes


def test_report_saved_as_json_and_csv(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        VISIT_HEADERS,
        ["2026-03-10", "张三", "男", "", "", "", "法律咨询", "已办结"],
        ["2026-03-10", "", "男", "", "", "", "法律咨询", "已办结"]])
    importer = SheetImporter(desk, "visits")
    preview = importer.preview_file(path)
    importer.commit(preview)
    data = json.loads(save_report(preview, tmp_path / "r.json").read_text("utf-8"))
    assert data["imported"] == 1 and data["counts"]["refused"] == 1 and not data["dry_run"]
    assert data["rows"][0]["record_id"] and data["rows"][0]["imported"]
    assert data["rows"][1]["problems"][0]["cell"] == "B3"
    text = save_report(preview, tmp_path / "r.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0][:3] == ["行号", "状态", "已导入"]
    assert rows[2][0] == "3" and rows[2][2] == "否" and "B3" in rows[2][3]


def test_masked_values_from_an_export_are_refused(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        VISIT_HEADERS, ["2026-03-10", "张三", "男", "138****5678", "5329**********1234", "",
                        "法律咨询", "已办结"]])
    row = SheetImporter(desk, "visits").preview_file(path).rows[0]
    assert row.status == REFUSED and {p.cell for p in row.problems} == {"D2", "E2"}
    assert "masked" in row.reason()


def test_gbk_with_a_utf8_bom_is_read(desk, sheets, tmp_path):
    """Some tools put a UTF-8 BOM in front of GBK text: the mark is honoured, the text read."""
    data = b"\xef\xbb\xbf" + visits_csv(sheets, "gbk")
    preview = SheetImporter(desk, "visits").preview_file(sheets.write(tmp_path / "bom.csv", data))
    assert [r.status for r in preview.rows] == [READY] * 3, [r.reason() for r in preview.rows]
    assert preview.rows[0].clean["name"] == "段堃"


@pytest.mark.parametrize("text,encoding,named", [
    ("姓名,電話,工作單位,來訪事由\n張三豐,13812345678,祥雲縣公交公司,法律諮詢\n"
     "李四海,13900001111,雲南驛物流園,就業求職\n陳曉東,13700002222,彌渡縣運輸公司,駐站休息\n",
     "big5", "Big5"),
    ("名前,電話,会社\n山田太郎,09012345678,株式会社テスト\n佐藤花子,08012345678,東京物流センター\n",
     "shift_jis", "Shift-JIS"),
])
def test_big5_and_shift_jis_are_refused_by_name_not_read_as_garbage(desk, sheets, tmp_path,
                                                                      text, encoding, named):
    path = sheets.write(tmp_path / "foreign.csv", text.encode(encoding))
    with pytest.raises(SheetError) as info:
        SheetImporter(desk, "visits").preview_file(path)
    assert named in str(info.value)
