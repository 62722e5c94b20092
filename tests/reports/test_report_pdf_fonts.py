"""Every font in every report is an embedded TrueType font (no STSong-Light, no Helvetica), and a
rare name character (𬌗, 堃, 珺, 镕) is drawn with a real glyph of an embedded font."""

from __future__ import annotations

import io
import re
import struct

import pytest
from pypdf import PdfReader
from report_helpers import all_text
from reportlab.pdfbase.ttfonts import TTFontFile

from xiangyun_desk.services.reports import (
    ReportPeriod,
    ReportRequest,
    fairs_in,
    generate_report,
)

RARE = "\U0002C317"  # 𬌗


def _fonts(path):
    """(page number, font dictionary) of every font used on every page."""
    for n, page in enumerate(PdfReader(str(path)).pages, 1):
        for font in page["/Resources"]["/Font"].values():
            yield n, font.get_object()


def _requests(desk):
    q3 = ReportPeriod.parse("2026-Q3")
    return [ReportRequest("summary", q3), ReportRequest("ledger", q3, register="relief"),
            ReportRequest("roster", q3, campaign="winter"),
            ReportRequest("jobfair", event_id=fairs_in(desk)[0]["id"]), ReportRequest("blank")]


@pytest.mark.parametrize("index", range(5))
def test_every_font_is_embedded_truetype(demo_desk, tmp_path, index):
    request = _requests(demo_desk)[index]
    out = generate_report(demo_desk, request, tmp_path / f"{request.kind}.pdf")
    seen = 0
    for page, font in _fonts(out):
        seen += 1
        name = str(font["/BaseFont"])
        assert "STSong" not in name and "Helvetica" not in name, (page, name)
        assert font["/Subtype"] == "/TrueType", (page, name)
        assert re.match(r"^/[A-Z]{6}\+", name), name  # a subset, i.e. embedded
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, (page, name)
        assert "/ToUnicode" in font  # text can be searched and copied
    assert seen


def _to_unicode(font) -> dict[int, str]:
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    body = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
    for code, dest in re.findall(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]+)>", body):
        out[int(code, 16)] = bytes.fromhex(dest).decode("utf-16-be")
    return out


def _glyph_size(font_file: bytes, code: int) -> int:
    """Bytes of outline data of the glyph that ``code`` maps to in an embedded TrueType font."""
    tt = TTFontFile(io.BytesIO(font_file), validate=0)
    gid = tt.charToGlyph[code]
    long_offsets = struct.unpack(">h", tt.get_table("head")[50:52])[0]
    loca = tt.get_table("loca")
    if long_offsets:
        offsets = struct.unpack(f">{len(loca) // 4}L", loca)
    else:
        offsets = [2 * x for x in struct.unpack(f">{len(loca) // 2}H", loca)]
    return offsets[gid + 1] - offsets[gid]


def test_rare_name_characters_have_glyphs_in_embedded_fonts(make, desk, tmp_path):
    names = [f"张{RARE}", "李堃", "王珺", "赵镕"]
    for i, name in enumerate(names):
        make.relief(name=name, visit_date=f"2026-10-{i + 1:02d}", cash_fen="100")
    out = generate_report(desk, ReportRequest("roster", ReportPeriod.parse("2026-10"),
                                              campaign="winter"), tmp_path / "rare.pdf")
    text = all_text(out)
    for name in names:
        assert name in text  # the ToUnicode maps make the names searchable
    found = {}
    for _page, font in _fonts(out):
        data = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        for code, ch in _to_unicode(font).items():
            if ch in (RARE, "堃", "珺", "镕"):
                found[ch] = (str(font["/BaseFont"]), _glyph_size(data, code))
    assert set(found) == {RARE, "堃", "珺", "镕"}
    assert "HanaMinB" in found[RARE][0]
    for ch, (font_name, size) in found.items():
        assert size > 0, f"{ch} has an empty glyph in {font_name}"
