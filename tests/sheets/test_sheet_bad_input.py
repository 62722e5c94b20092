"""Bad input: each is understood or refused with a clear message, and nothing is written.

Not a spreadsheet, a password-protected workbook (an encrypted OLE file), zip bombs disguised as
.xlsx (refused before openpyxl sees them), merged heading cells, empty rows, numbers stored as
text, ID numbers Excel turned into 5.32923E+17, dates as text or as Excel serial numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import openpyxl
import pytest

from xiangyun_desk.services.sheets import READY, REFUSED, SheetError, SheetImporter
from xiangyun_desk.services.sheets import reader as R

HEAD = ["来访时间", "姓名", "联系电话", "身份证号码", "来访事由", "办理状态"]


def refused(desk, path, register="visits") -> str:
    with pytest.raises(SheetError) as info:
        SheetImporter(desk, register).preview_file(path)
    assert desk.registers[register].count() == 0
    return info.value.message.render()


# ---- not a spreadsheet ---------------------------------------------------------------------

def ole_file(streams: list[str]) -> bytes:
    """A minimal compound file (the container of .xls and of encrypted .xlsx) whose directory
    holds ``streams``; enough for sniffing, as Office writes the names in UTF-16LE."""
    header = bytearray(512)
    header[0:8] = R.OLE_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 0, 0, 4096)  # one FAT sector, directory at 0
    directory = bytearray()
    for name in ["Root Entry", *streams]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), 5 if name == "Root Entry" else 2)
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    return bytes(header) + bytes(directory)


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a spreadsheet"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    (bytes(range(256)) * 40, "not a spreadsheet"),
    (b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>",
     "web page"),
    (ole_file(["Workbook", "\x05SummaryInformation"]), "old-format"),
])
def test_not_a_spreadsheet(desk, sheets, tmp_path, data, expected):
    assert expected in refused(desk, sheets.write(tmp_path / "x.xlsx", data))


def test_password_protected_workbook(desk, sheets, tmp_path):
    data = ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])
    text = refused(desk, sheets.write(tmp_path / "locked.xlsx", data))
    assert "protected with a password" in text and "remove the password" in text


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return buf.getvalue()


def test_other_zips(desk, sheets, tmp_path):
    docx = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    assert "Word document" in refused(desk, sheets.write(tmp_path / "a.xlsx", docx))
    ods = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                "content.xml": b"<office/>"})
    assert "OpenDocument" in refused(desk, sheets.write(tmp_path / "b.xlsx", ods))
    assert "not an Excel workbook" in refused(desk, sheets.write(tmp_path / "c.xlsx",
                                                                _zip({"a.txt": b"hello"})))


def test_damaged_workbook(desk, sheets, tmp_path):
    good = sheets.xlsx(tmp_path / "good.xlsx", [HEAD]).read_bytes()
    assert "damaged" in refused(desk, sheets.write(tmp_path / "cut.xlsx", good[:len(good) // 2]))
    broken = _zip({"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<<<not xml"})
    assert "cannot be read" in refused(desk, sheets.write(tmp_path / "bad.xlsx", broken))


# ---- zip bombs -----------------------------------------------------------------------------

@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if openpyxl is asked to open the file (the checks must come first)."""
    def boom(*_a, **_k):
        raise AssertionError("openpyxl opened a file that should have been refused")
    monkeypatch.setattr(openpyxl, "load_workbook", boom)


def _workbook_parts(sheet_xml: bytes) -> dict[str, bytes]:
    return {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": sheet_xml}


def test_zip_bomb_high_ratio(desk, sheets, tmp_path, no_openpyxl):
    bomb = _zip(_workbook_parts(b"<row/>" * (2 * 1024 * 1024)))  # 12 MB -> ~12 KB
    assert len(bomb) < 100_000
    text = refused(desk, sheets.write(tmp_path / "bomb.xlsx", bomb))
    assert "far more data than any real sheet" in text


def test_zip_bomb_too_many_parts(desk, sheets, tmp_path, no_openpyxl):
    parts = _workbook_parts(b"<worksheet/>")
    parts.update({f"xl/media/image{i}.bin": b"x" for i in range(R.MAX_ZIP_ENTRIES + 1)})
    assert "far more data" in refused(desk, sheets.write(tmp_path / "many.xlsx", _zip(parts)))


def test_zip_bomb_with_lying_sizes(desk, sheets, tmp_path, no_openpyxl):
    """Declared sizes small, the data inflates to much more: caught while inflating."""
    data = bytearray(_zip(_workbook_parts(b"<c/>" * 300_000)))
    info = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()}
    target = info["xl/worksheets/sheet1.xml"]
    # Patch the uncompressed size in the local header and in the central directory entry.
    struct.pack_into("<I", data, target.header_offset + 22, 1000)
    central = data.find(b"xl/worksheets/sheet1.xml", data.find(b"PK\x01\x02")) - 46
    struct.pack_into("<I", data, central + 24, 1000)
    text = refused(desk, sheets.write(tmp_path / "liar.xlsx", bytes(data)))
    assert "damaged" in text or "far more data" in text


def test_zip_traversal_names_are_refused(desk, sheets, tmp_path, no_openpyxl):
    parts = _workbook_parts(b"<worksheet/>")
    parts["../../evil.txt"] = b"x"
    assert "far more data" in refused(desk, sheets.write(tmp_path / "t.xlsx", _zip(parts)))


def test_file_size_limit(desk, sheets, tmp_path, monkeypatch):
    monkeypatch.setattr(R, "MAX_FILE_BYTES", 1000)
    path = sheets.write(tmp_path / "big.csv", b"a,b\n" * 1000)
    assert "too large" in refused(desk, path)


# ---- merged headings -----------------------------------------------------------------------

def test_title_row_merged_over_the_headings(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "m.xlsx", [["2026年3月来访登记表"], HEAD,
                                            ["2026-03-10", "张三", "", "", "法律咨询", "已办结"]],
                       merged=["A1:F1"])
    preview = SheetImporter(desk, "visits").preview_file(path)
    assert preview.header_row == 2 and preview.rows[0].status == READY


def test_two_level_headings(desk, sheets, tmp_path):
    rows = [["姓名", "慰问日期", "慰问活动", "对象类别", "联系方式", None],
            [None, None, None, None, "手机", "家庭住址"],
            ["张三", "2026-01-20", "冬送温暖", "困难职工", "13812345678", "祥城镇"]]
    path = sheets.xlsx(tmp_path / "two.xlsx", rows,
                       merged=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"])
    preview = SheetImporter(desk, "relief").preview_file(path)
    assert preview.header_row == 2
    assert {c.header: c.field for c in preview.columns} == {
        "姓名": "name", "慰问日期": "visit_date", "慰问活动": "campaign", "对象类别": "category",
        "手机": "phone", "家庭住址": "address"}
    assert preview.rows[0].status == READY and preview.rows[0].row == 3


def test_heading_merged_over_two_data_columns_is_refused(desk, sheets, tmp_path):
    rows = [["来访时间", "姓名", "联系电话", None, "来访事由", "办理状态"],
            ["2026-03-10", "张三", "13812345678", "0872-3112345", "法律咨询", "已办结"]]
    path = sheets.xlsx(tmp_path / "m.xlsx", rows, merged=["C1:D1"])
    text = refused(desk, path)
    assert "联系电话" in text and "C-D" in text and "Unmerge" in text


def test_heading_merged_for_looks_only_is_understood(desk, sheets, tmp_path):
    rows = [["来访时间", "姓名", "联系电话", None, "来访事由", "办理状态"],
            ["2026-03-10", "张三", "13812345678", None, "法律咨询", "已办结"]]
    path = sheets.xlsx(tmp_path / "m.xlsx", rows, merged=["C1:D1"])
    preview = SheetImporter(desk, "visits").preview_file(path)
    assert preview.rows[0].status == READY and preview.rows[0].clean["phone"] == "13812345678"
    assert any("merged" in n.render() for n in preview.notes)


def test_merged_data_cells_are_filled_down(desk, sheets, tmp_path):
    rows = [["慰问活动", "慰问日期", "姓名", "对象类别"],
            ["冬送温暖", "2026-01-20", "张三", "困难职工"],
            [None, "2026-01-20", "李四", "困难职工"],
            [None, "2026-01-21", "王五", "一线职工"]]
    path = sheets.xlsx(tmp_path / "m.xlsx", rows, merged=["A2:A4"])
    preview = SheetImporter(desk, "relief").preview_file(path)
    assert [r.clean["campaign"] for r in preview.rows] == ["winter"] * 3


# ---- cells ---------------------------------------------------------------------------------

def test_numbers_stored_as_text_and_text_stored_as_numbers(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "r.xlsx", [
        ["慰问日期", "慰问活动", "姓名", "对象类别", "联系电话", "慰问金", "物品折价"],
        ["2026-01-20", "冬送温暖", "张三", "困难职工", 13812345678, "500.5", 80],
        ["2026-01-20", "冬送温暖", "李四", "困难职工", "13812345679", " 1,200 元", 99.99],
        ["2026-01-20", "冬送温暖", "王五", "困难职工", 13812345670.0, "¥300.00", "0.10"],
    ])
    preview = SheetImporter(desk, "relief").preview_file(path)
    got = [(r.clean["phone"], r.clean["cash_fen"], r.clean["goods_value_fen"])
           for r in preview.rows]
    assert got == [("13812345678", 50050, 8000), ("13812345679", 120000, 9999),
                   ("13812345670", 30000, 10)]


def test_id_numbers_excel_turned_into_numbers_are_refused(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "v.xlsx", [
        HEAD,
        ["2026-03-10", "张三", "", 5.32923198001011e17, "法律咨询", "已办结"],
        ["2026-03-10", "李四", "", "5.32923E+17", "法律咨询", "已办结"],
        ["2026-03-10", "王五", "", sheets.ID_A, "法律咨询", "已办结"],
    ], formats={"D2": "0.00E+00"})
    rows = SheetImporter(desk, "visits").preview_file(path).rows
    assert [r.status for r in rows] == [REFUSED, REFUSED, READY]
    for r in rows[:2]:
        assert r.problems[0].cell == f"D{r.row}"
        assert "last digits are lost" in r.reason() and "as text" in r.reason()
    data = sheets.csv_bytes([HEAD, ["2026-03-10", "张三", "", "5.32923E+17", "法律咨询", "已办结"]],
                            "gbk")
    row = SheetImporter(desk, "visits").preview_file(sheets.write(tmp_path / "v.csv", data)).rows[0]
    assert row.status == REFUSED and "last digits are lost" in row.reason()


def test_dates_as_text_and_as_excel_serials(desk, sheets, tmp_path):
    when = dt.date(2026, 1, 20)
    serial = (when - dt.date(1899, 12, 30)).days
    head = ["慰问日期", "慰问活动", "姓名", "对象类别"]
    texts = ["2026-01-20", "2026/1/20", "2026.1.20", "2026年1月20日", "20260120", serial,
             float(serial), str(serial), dt.datetime(2026, 1, 20)]
    path = sheets.xlsx(tmp_path / "d.xlsx", [head] + [[t, "冬送温暖", f"人{i}", "困难职工"]
                                                     for i, t in enumerate(texts)])
    rows = SheetImporter(desk, "relief").preview_file(path).rows
    assert [r.clean["visit_date"] if r.clean else r.reason() for r in rows] == [when] * len(texts)
    data = sheets.csv_bytes([head, [str(serial), "冬送温暖", "张三", "困难职工"],
                             ["2026-13-45", "冬送温暖", "李四", "困难职工"]], "gbk")
    rows = SheetImporter(desk, "relief").preview_file(sheets.write(tmp_path / "d.csv", data)).rows
    assert rows[0].clean["visit_date"] == when
    assert rows[1].status == REFUSED and rows[1].problems[0].cell == "A3"
    assert "Not a date" in rows[1].reason()


def test_datetime_serial_with_time_of_day(desk, sheets, tmp_path):
    serial = (dt.date(2026, 3, 10) - dt.date(1899, 12, 30)).days + 0.5 + 1 / 48  # 12:30
    path = sheets.xlsx(tmp_path / "v.xlsx", [HEAD, [serial, "张三", "", "", "法律咨询", "已办结"],
                                            ["2026-03-10 9:05", "李四", "", "", "法律咨询", "已办结"]])
    rows = SheetImporter(desk, "visits").preview_file(path).rows
    assert rows[0].clean["visited_at"] == dt.datetime(2026, 3, 10, 12, 30)
    assert rows[1].clean["visited_at"] == dt.datetime(2026, 3, 10, 9, 5)


def test_no_heading_row(desk, sheets, tmp_path):
    path = sheets.xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    assert "No heading row found" in refused(desk, path)
