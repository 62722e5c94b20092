"""Fixtures for the spreadsheet tests: a second empty station, sheet builders, valid IDs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from xiangyun_desk.domain.idnumber import check_character
from xiangyun_desk.services.desk import Desk


def id_number(body17: str) -> str:
    """A valid resident ID from its first 17 digits."""
    return body17 + check_character(body17)


ID_A = id_number("53292319800101123")
ID_B = id_number("53292319900215002")
ID_C = id_number("53292320010330004")


@pytest.fixture
def other_desk(tmp_path):
    """A second, empty station (the receiving end of a round trip)."""
    path = tmp_path / "other"
    path.mkdir()
    d = Desk(path)
    d.initialize("station", "02", "禾甸镇职工之家", "禾甸镇", ["张敏"])
    yield d
    d.close()


def xlsx(path: Path, rows: list[list], merged: list[str] = (), title: str = "Sheet1",
         formats: dict[str, str] | None = None) -> Path:
    """Write ``rows`` (row 1 first) to an .xlsx file; ``merged`` like ["A1:D1"]."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merged:
        ws.merge_cells(ref)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


def csv_bytes(rows: list[list], encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    import csv

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


class Sheets:
    """Helpers reached through the fixture (test modules do not import conftest)."""

    xlsx = staticmethod(xlsx)
    csv_bytes = staticmethod(csv_bytes)
    write = staticmethod(write)
    id_number = staticmethod(id_number)
    ID_A, ID_B, ID_C = ID_A, ID_B, ID_C


@pytest.fixture
def sheets() -> Sheets:
    return Sheets()


def count(desk, register: str) -> int:
    return desk.registers[register].count()


@pytest.fixture
def counter():
    return count
