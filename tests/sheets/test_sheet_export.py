"""Export of a register's current view to .xlsx, and blank import templates."""

from __future__ import annotations

import datetime as dt
import zipfile

from openpyxl import load_workbook

from xiangyun_desk.services.registers import RegisterQuery
from xiangyun_desk.services.sheets import SHEETS, SheetImporter, export_view, write_template
from xiangyun_desk.services.sheets.exporter import mask_phone_text


def _visits(desk, sheets):
    desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三", "phone": "13812345678",
                        "id_number": sheets.ID_A, "purpose": "legal", "status": "done",
                        "party_size": "2"})
    desk.visits.create({"visited_at": "2026-03-12 10:00", "name": "李四", "purpose": "job",
                        "status": "following", "phone": "0872-3112345"})
    desk.visits.create({"visited_at": "2026-04-01 08:00", "name": "王五", "purpose": "legal",
                        "status": "done", "summary": "=HYPERLINK(\"http://x\")"})


def _sheet(path, title):
    return load_workbook(path)[title]


def _table(ws):
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_export_follows_the_view_filter_and_sort(desk, sheets, tmp_path):
    _visits(desk, sheets)
    query = RegisterQuery(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31),
                          sort_column="name", descending=False)
    result = export_view(desk, "visits", query, tmp_path / "v.xlsx")
    assert result.rows == 2 and not result.full
    rows = _table(_sheet(result.path, "来访登记"))
    assert [r["姓名"] for r in rows] == ["张三", "李四"]  # by code point, as the window sorts
    query = RegisterQuery(category="legal")
    rows = _table(_sheet(export_view(desk, "visits", query, tmp_path / "l.xlsx").path, "来访登记"))
    assert [r["姓名"] for r in rows] == ["王五", "张三"]  # newest first, like the window
    rows = _table(_sheet(export_view(desk, "visits", RegisterQuery(text="zs"),
                                     tmp_path / "s.xlsx").path, "来访登记"))
    assert [r["姓名"] for r in rows] == ["张三"]
    info = dict(_sheet(tmp_path / "l.xlsx", "说明").iter_rows(values_only=True))
    assert info["筛选条件"] == "法律咨询" and info["记录数"] == 2 and "部分隐去" in info["个人信息"]


def test_cells_are_typed_and_formatted(desk, sheets, tmp_path):
    _visits(desk, sheets)
    desk.relief.create({"visit_date": "2026-01-15", "campaign": "winter", "name": "李珺",
                        "category": "hardship", "cash_fen": "1234.5", "goods_value_fen": "0.07"})
    path = export_view(desk, "visits", RegisterQuery(descending=False), tmp_path / "v.xlsx").path
    ws = _sheet(path, "来访登记")
    header = [c.value for c in ws[1]]
    assert header[:6] == ["来访时间", "姓名", "性别", "联系电话", "身份证号码", "工作单位"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert all(c.font.b for c in ws[1])
    first = dict(zip(header, ws[2], strict=True))
    assert first["来访时间"].value == dt.datetime(2026, 3, 10, 9, 30)
    assert first["来访时间"].number_format == "yyyy-mm-dd hh:mm"
    assert first["来访事由"].value == "法律咨询" and first["办理状态"].value == "已办结"
    assert first["人数"].value == 2
    assert first["身份证号码"].value == sheets.ID_A[:4] + "*" * 10 + sheets.ID_A[-4:]
    assert first["联系电话"].value == "138****5678"
    third = dict(zip(header, ws[4], strict=True))
    assert third["情况摘要"].value.startswith("=HYPERLINK") and third["情况摘要"].data_type == "s"
    widths = {k: ws.column_dimensions[k].width for k in ("A", "B", "E", "I")}
    assert widths["E"] >= 18 and 6 <= widths["B"] <= 15 and all(w <= 50 for w in widths.values())
    with zipfile.ZipFile(path) as zf:  # no formula anywhere in the file
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")

    ws = _sheet(export_view(desk, "relief", None, tmp_path / "r.xlsx").path, "慰问走访")
    row = dict(zip([c.value for c in ws[1]], ws[2], strict=True))
    assert row["慰问金（元）"].value == 1234.5 and row["慰问金（元）"].number_format == "0.00"
    assert row["物品折价（元）"].value == 0.07
    assert isinstance(row["慰问日期"].value, dt.datetime)
    assert row["慰问日期"].number_format == "yyyy-mm-dd"


def test_money_is_written_exactly(desk, sheets, tmp_path):
    for i, amount in enumerate(["0.10", "0.20", "0.30", "1000000.01", "99999999.99"]):
        desk.relief.create({"visit_date": f"2026-01-{i + 10}", "campaign": "winter",
                            "name": f"人{i}", "category": "hardship", "cash_fen": amount})
    path = export_view(desk, "relief", RegisterQuery(sort_column="visit_date", descending=False),
                       tmp_path / "r.xlsx").path
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    for text in ("<v>0.10</v>", "<v>0.20</v>", "<v>0.30</v>", "<v>1000000.01</v>",
                 "<v>99999999.99</v>"):
        assert text in xml


def test_full_ids_only_when_asked(desk, sheets, tmp_path):
    _visits(desk, sheets)
    path = export_view(desk, "visits", RegisterQuery(category="legal", descending=False),
                       tmp_path / "v.xlsx", full=True).path
    rows = _table(_sheet(path, "来访登记"))
    assert rows[0]["身份证号码"] == sheets.ID_A and rows[0]["联系电话"] == "13812345678"
    info = dict(_sheet(path, "说明").iter_rows(values_only=True))
    assert "完整身份证号码" in info["个人信息"]
    assert mask_phone_text("0872-3112345") == "087*-***2345"


def test_hours_and_computed_columns(desk, sheets, tmp_path):
    vol = desk.volunteers.create({"name": "赵六", "status": "active", "skills": "legal,relief"})
    desk.service_records.create({"volunteer_id": vol, "served_on": "2026-03-01",
                                 "activity": "值班", "half_hours": "2.5"})
    ws = _sheet(export_view(desk, "volunteers", None, tmp_path / "v.xlsx").path, "志愿者")
    row = _table(ws)[0]
    assert row["服务技能"] == "法律服务、帮扶慰问" and row["累计时长（小时）"] == 2.5
    ws = _sheet(export_view(desk, "service_records", RegisterQuery(parent_id=vol),
                            tmp_path / "s.xlsx").path, "志愿服务记录")
    row = dict(zip([c.value for c in ws[1]], ws[2], strict=True))
    assert row["时长（小时）"].value == 2.5 and row["时长（小时）"].number_format == "0.0"
    assert row["志愿者"].value == "赵六"


def test_template_has_drop_downs_and_text_columns(desk, tmp_path):
    for register, sheet in SHEETS.items():
        path = write_template(desk, register, tmp_path / f"{register}.xlsx")
        wb = load_workbook(path)
        ws = wb[sheet.title]
        header = [c.value for c in ws[1]]
        assert header == [c.header for c in sheet.importable]
        assert wb["代码表"].sheet_state == "hidden"
        lists = {next(iter(dv.sqref.ranges)).coord.split(":")[0][:-1]: dv.formula1
                 for dv in ws.data_validations.dataValidation}
        for i, c in enumerate(sheet.importable):
            letter = ws.cell(row=1, column=i + 1).column_letter
            if c.kind in ("code", "codes", "bool"):
                assert letter in lists, (register, c.key)
            if c.kind in ("id", "phone"):
                assert ws[f"{letter}2"].number_format == "@"
            if c.required:
                assert ws[f"{letter}1"].font.color.rgb.endswith("C00000")
    wb = load_workbook(tmp_path / "visits.xlsx")
    ws = wb["来访登记"]
    formulas = [dv.formula1 for dv in ws.data_validations.dataValidation]
    purpose_ref = next(f for f in formulas if "$" in f)
    col = purpose_ref.split("!")[1].split(":")[0].replace("$", "")[0]
    values = [c.value for c in wb["代码表"][col]]
    assert values[0] in ("gender", "visit_purpose", "union_member", "visit_status")


def test_a_filled_template_imports(desk, tmp_path, sheets):
    path = write_template(desk, "relief", tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["慰问走访"]
    header = [c.value for c in ws[1]]
    values = {"慰问日期": dt.date(2026, 1, 20), "慰问活动": "冬送温暖", "姓名": "张三",
              "对象类别": "困难职工", "身份证号码": sheets.ID_A, "慰问金（元）": 500}
    for i, h in enumerate(header, start=1):
        ws.cell(row=2, column=i, value=values.get(h))
    wb.save(path)
    preview = SheetImporter(desk, "relief").preview_file(path)
    assert [r.status for r in preview.rows] == ["ready"]
    assert preview.rows[0].clean["cash_fen"] == 50000


def test_the_rows_never_go_to_the_system_temp_folder(desk, sheets, tmp_path, monkeypatch):
    """openpyxl keeps a write-only sheet's rows in temporary files until it saves; a killed
    export used to leave them (full ID numbers) in the system's temporary folder. They are
    written inside the 0700 data directory instead, and removed afterwards."""
    import tempfile

    from xiangyun_desk.services.sheets import exporter

    _visits(desk, sheets)
    system = tmp_path / "system-temp"
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    seen = []
    real_save = exporter._save_workbook

    def save(wb, filename):  # the moment the workbook is saved (all rows are in its parts)
        seen.append(sorted(p.name for p in system.rglob("*")))
        seen.append(sorted(p.name for p in (desk.data_dir / "tmp").iterdir()))
        return real_save(wb, filename)

    monkeypatch.setattr(exporter, "_save_workbook", save)
    export_view(desk, "visits", RegisterQuery(), tmp_path / "out.xlsx", full=True)
    assert seen[0] == [] and seen[1], seen
    assert list((desk.data_dir / "tmp").iterdir()) == []
    assert load_workbook(tmp_path / "out.xlsx").sheetnames


def test_text_stored_with_non_characters_still_exports_a_readable_workbook(desk, tmp_path):
    """A name holding U+FFFF (stored before entry refused it) made the .xlsx unreadable."""
    record = desk.visits.create({"visited_at": "2026-03-10 09:30", "name": "张三",
                                 "purpose": "legal", "status": "done"})
    table = desk.visits.spec.table
    with desk.db.engine.begin() as conn:  # as an older version could have stored it
        conn.execute(table.update().where(table.c.id == record)
                     .values(name="张\uffff三\ufffe", summary="a\x01b"))
    result = export_view(desk, "visits", RegisterQuery(), tmp_path / "odd.xlsx")
    rows = _table(_sheet(result.path, "来访登记"))  # openpyxl reads it back
    assert [r["姓名"] for r in rows] == ["张三"]
