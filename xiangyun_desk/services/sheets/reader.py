"""Reading a spreadsheet file safely into rows of cell values.

Every file is sniffed by its bytes, not its name: .xlsx (a zip), CSV / tab-separated text in UTF-8,
GBK/GB18030 or UTF-16, and the things people send instead (an old .xls, a password-protected
workbook, an .ods, a web page saved as .xls, a Word document, a picture) are each named in a clear
message. A zip is checked *before* openpyxl opens it: Python's zipfile sets no limits, so entry
count, declared sizes, compression ratios and the sizes actually inflated are all bounded here.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from ...storage import zips
from ...storage.zips import BoundedZip, ZipLimits, ZipRefused

CTX = "Sheets"

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # one inflated part (a sheet's XML)
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all parts inflated
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 200_000
MAX_COLS = 200
EMPTY_RUN_END = 5000  # this many empty rows in a row: the data has ended (formatted blank rows)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class SheetError(DomainError):
    """A file that cannot be imported; ``message`` says why in words the user can act on."""


@dataclass
class Table:
    """The cells of one sheet: ``rows[i]`` is sheet row i+1, values as openpyxl or CSV gave them."""

    source: str
    fmt: str  # "xlsx" or "csv"
    rows: list[tuple[Any, ...]]
    sheet: str | None = None
    encoding: str | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (1-based)
    notes: list[Message] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _refuse(text: str, **params: Any) -> SheetError:
    return SheetError(msg(CTX, text, **params))


def read_table(path: Path | str, sheet: str | None = None, headers_hint=None) -> Table:
    """Read ``path`` (.xlsx or CSV) into a :class:`Table`, or raise :class:`SheetError`.

    ``headers_hint(rows) -> score`` picks, among the visible sheets of a workbook, the one whose
    first rows look most like the register's headings (when ``sheet`` is not named).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "The file is too large ({mb} MB; at most {limit} MB). Split it into "
                "several files."), mb=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The file cannot be read: {reason}"),
                      reason=exc.strerror or str(exc)) from None
    return read_bytes(data, path.name, sheet, headers_hint)


def read_bytes(data: bytes, name: str, sheet: str | None = None, headers_hint=None) -> Table:
    """As :func:`read_table`, from the file's bytes."""
    if not data.strip():
        raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The file is empty."))
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or \
                "EncryptedPackage".encode("utf-16-le") in data:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "The workbook is protected with a password. Open it in Excel or WPS, "
                "remove the password (File > Info > Protect Workbook > Encrypt with Password, "
                "clear it), save, and import it again."))
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This is an old-format Excel or WPS file (.xls/.et). Open it in Excel or "
            "WPS and save it as an Excel workbook (.xlsx) or as CSV, then import that file."))
    if data.startswith(ZIP_MAGIC) or data.startswith(b"PK\x05\x06"):
        return _read_xlsx(data, name, sheet, headers_hint)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta")):
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This file is a web page or XML saved with a spreadsheet name, not a "
            "workbook. Open it in Excel or WPS and save it as .xlsx or CSV."))
    if head.startswith(b"%pdf"):
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This is a PDF document, not a spreadsheet. Import the Excel or CSV file "
            "it was made from."))
    return _read_csv(data, name)


# ---- xlsx --------------------------------------------------------------------------------

ZIP_LIMITS = ZipLimits(MAX_ZIP_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MAX_RATIO, RATIO_FLOOR,
                       strict_names=False)


def check_zip(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a zip after bounding its entries, sizes and ratios (a zip bomb is refused;
    storage/zips.py), and inflating every part within the bounds before openpyxl reads it."""
    bomb = QT_TRANSLATE_NOOP(
        "Sheets", "The file claims to be a workbook but unpacks to far more data than any real "
        "sheet ({detail}). It was refused unread (it may be damaged or malicious).")
    try:
        archive = BoundedZip(data, ZIP_LIMITS)
        archive.inflate_all()
    except ZipRefused as exc:
        if exc.reason == zips.DAMAGED:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "The file looks like an Excel workbook but is damaged (the zip "
                "container cannot be read). Open it in Excel or WPS and save it again.")) from None
        if exc.reason == zips.ENCRYPTED:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "The workbook is protected with a password. Open it in Excel or WPS, "
                "remove the password (File > Info > Protect Workbook > Encrypt with Password, "
                "clear it), save, and import it again.")) from None
        if exc.reason == zips.ENTRIES:
            detail = f"{exc.size} parts"
        elif exc.reason == zips.RATIO:
            detail = f"{exc.size}:1"
        elif exc.reason == zips.TOO_LARGE:
            detail = f"{exc.size // (1024 * 1024)} MB"
        else:
            detail = exc.name[:60]
        raise _refuse(bomb, detail=detail) from None
    return archive.zip


def _read_xlsx(data: bytes, name: str, sheet: str | None, headers_hint) -> Table:
    zf = check_zip(data)
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype")[:100]:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV "
                "in WPS or LibreOffice and import that file."))
        if "word/document.xml" in names:
            raise _refuse(QT_TRANSLATE_NOOP(
                "Sheets", "This is a Word document, not a spreadsheet. Copy the table into "
                "Excel or WPS, save it as .xlsx, and import that file."))
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This zip file is not an Excel workbook (.xlsx)."))
    import openpyxl  # here: only imports need it, and it is slow to import

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "The workbook cannot be read ({reason}). Open it in Excel or WPS and save "
            "it again as .xlsx."), reason=type(exc).__name__) from None
    try:
        visible = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        if sheet is not None:
            chosen = next((ws for ws in wb.worksheets if ws.title == sheet), None)
            if chosen is None:
                raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The workbook has no sheet named {sheet}."),
                              sheet=sheet)
        elif not visible:
            raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The workbook has no visible sheet."))
        elif len(visible) == 1 or headers_hint is None:
            chosen = visible[0]
        else:
            scored = [(headers_hint(_rows(ws, limit=20)), -i, ws) for i, ws in enumerate(visible)]
            chosen = max(scored, key=lambda t: (t[0], t[1]))[2]
        rows = _rows(chosen)
        merged = _merged_ranges(chosen)
        table = Table(name, "xlsx", rows, sheet=chosen.title, merged=merged)
        others = [ws for ws in visible if ws is not chosen and ws.title != "说明"]
        if others and sheet is None:
            table.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
                "Sheets", "The workbook has {n} sheets; read the sheet \"{sheet}\"."),
                n=len(visible), sheet=chosen.title))
        return table
    finally:
        wb.close()


def _rows(ws, limit: int | None = None) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    empty_run = 0
    try:
        for values in ws.iter_rows(values_only=True, max_col=MAX_COLS):
            values = tuple(values)
            while values and (values[-1] is None or values[-1] == ""):
                values = values[:-1]
            rows.append(values)
            empty_run = 0 if values else empty_run + 1
            if empty_run >= EMPTY_RUN_END:
                break
            if limit is not None and len(rows) >= limit:
                break
            if len(rows) > MAX_ROWS + 50:
                raise _refuse(QT_TRANSLATE_NOOP(
                    "Sheets", "The sheet has more than {limit} rows. Split it into several files."),
                    limit=MAX_ROWS)
    except SheetError:
        raise
    except Exception as exc:
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "The workbook cannot be read ({reason}). Open it in Excel or WPS and save "
            "it again as .xlsx."), reason=type(exc).__name__) from None
    while rows and not rows[-1]:
        rows.pop()
    return rows


_REF = re.compile(r"^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$")


def _merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """Merged cell ranges of a read-only sheet (openpyxl's read-only mode does not give them)."""
    from openpyxl.utils import column_index_from_string

    found = []
    try:
        with ws._get_source() as src:  # the sheet's XML part, inside the checked zip
            for _event, elem in ET.iterparse(src):
                tag = elem.tag.rsplit("}", 1)[-1]
                if tag == "mergeCell":
                    m = _REF.match(elem.get("ref", ""))
                    if m:
                        found.append((int(m.group(2)), column_index_from_string(m.group(1)),
                                      int(m.group(4)), column_index_from_string(m.group(3))))
                elif tag in ("c", "row"):
                    elem.clear()
    except (AttributeError, ET.ParseError):
        return found
    return found


# ---- CSV ---------------------------------------------------------------------------------

# Encodings people send that GB18030 would "decode" into nonsense, with how to name them.
FOREIGN_ENCODINGS = {
    "big5": "Big5", "cp950": "Big5", "big5hkscs": "Big5-HKSCS",
    "shift_jis": "Shift-JIS", "cp932": "Shift-JIS", "shift_jis_2004": "Shift-JIS",
    "shift_jisx0213": "Shift-JIS", "euc_jp": "EUC-JP", "euc_jis_2004": "EUC-JP",
    "euc_kr": "EUC-KR", "cp949": "EUC-KR", "johab": "EUC-KR",
}
COMMON_SHARE = 0.9  # of the Chinese characters of a real GBK file, at least this many are GB2312


def _gb2312_share(text: str) -> tuple[int, int]:
    """(characters in GB2312, CJK characters) of a decoded text's first 4,000 characters."""
    common = total = 0
    for ch in text[:4000]:
        if "\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7af":
            total += 1
            try:
                ch.encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
    return common, total


def _foreign_encoding(data: bytes) -> str | None:
    """The likely encoding of text that is neither UTF-8 nor GBK (Big5, Shift-JIS, ...), as
    charset-normalizer guesses it, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return FOREIGN_ENCODINGS.get(best.encoding) if best is not None else None


def _refuse_encoding(data: bytes) -> SheetError:
    foreign = _foreign_encoding(data)
    if foreign:
        return _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This CSV file seems to be in the {encoding} encoding (used for traditional "
            "Chinese, Japanese or Korean), which would be read as garbled text. Open it in "
            "Excel or WPS and save it as .xlsx or as CSV UTF-8, then import it again."),
            encoding=foreign)
    return _refuse(QT_TRANSLATE_NOOP(
        "Sheets", "This file is not a spreadsheet: it is neither an Excel workbook (.xlsx) nor a "
        "CSV text file in UTF-8 or GBK."))


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a CSV file: UTF-16 (by its BOM), UTF-8 (with or without BOM), else GB18030 — a
    UTF-8 BOM in front of GBK text is honoured as a mark and skipped; text in another East-Asian
    encoding (Big5, Shift-JIS, ...) is refused with its name rather than read as mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:8192]:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        try:
            return body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            text = body.decode("gb18030")
        except UnicodeDecodeError:
            raise _refuse_encoding(body) from None
        common, total = _gb2312_share(text)
        if total >= 8 and common < COMMON_SHARE * total and _foreign_encoding(body):
            raise _refuse_encoding(body)
        return text, "gb18030"
    raise _refuse_encoding(data)


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = decode_text(data)
    if sum(ch in "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" for ch in text[:4096]) > 4:
        raise _refuse(QT_TRANSLATE_NOOP(
            "Sheets", "This file is not a spreadsheet: it is neither an Excel workbook (.xlsx) "
            "nor a CSV text file in UTF-8 or GBK."))
    sample = text[:16384]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    if delimiter == "，":  # full-width commas are never CSV separators in practice
        delimiter = ","
    csv.field_size_limit(1024 * 1024)
    rows: list[tuple[Any, ...]] = []
    try:
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            values = tuple(v for v in values[:MAX_COLS])
            while values and not values[-1].strip():
                values = values[:-1]
            rows.append(values)
            if len(rows) > MAX_ROWS + 50:
                raise _refuse(QT_TRANSLATE_NOOP(
                    "Sheets", "The sheet has more than {limit} rows. Split it into several files."),
                    limit=MAX_ROWS)
    except csv.Error as exc:
        raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The CSV file is malformed: {reason}"),
                      reason=str(exc)[:80]) from None
    while rows and not rows[-1]:
        rows.pop()
    if not rows:
        raise _refuse(QT_TRANSLATE_NOOP("Sheets", "The file is empty."))
    return Table(name, "csv", rows, encoding=encoding)
