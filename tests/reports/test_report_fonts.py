"""Report fonts: TrueType only, system 宋体/仿宋 preferred, fallback for rare characters, markup
printed literally, CJK line rules."""

from __future__ import annotations

import shutil

import pytest
from reportlab.lib import textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from xiangyun_desk.resources import resources_dir
from xiangyun_desk.services.reports.fonts import (
    CJK_CANNOT_START,
    MISSING_MARK,
    clean_text,
    report_fonts,
)
from xiangyun_desk.services.reports.layout import CellMaker, make_styles

RARE = "\U0002C317"  # 𬌗, CJK Extension E: in no GB2312/GBK font


@pytest.fixture
def fonts():
    return report_fonts(prefer_system=False)


def test_bundled_fonts_are_truetype_files_with_licences():
    folder = resources_dir() / "fonts"
    for name in ("wqy-microhei.ttc", "HanaMinB.ttf"):
        assert (folder / name).is_file()
    assert (folder / "wqy-microhei.LICENSE.txt").is_file()
    assert (folder / "HanaMinB.LICENSE.txt").is_file()


def test_common_and_rare_name_characters_have_a_font(fonts):
    for ch in "堃珺镕张王":
        assert fonts.font_for(ch) == fonts.body
    assert not fonts.has_glyph(fonts.body, RARE)
    fallback = fonts.font_for(RARE)
    assert fallback is not None and "HanaMinB" in fallback
    assert fonts.has_glyph(fallback, RARE)


def test_markup_escapes_and_wraps_rare_characters(fonts):
    text = f"张{RARE}<b>粗</b> & 李"
    markup = fonts.markup(text)
    assert "&lt;b&gt;" in markup and "&amp;" in markup and "<b>" not in markup
    assert f'<font name="{fonts.font_for(RARE)}">{RARE}</font>' in markup
    para = Paragraph(markup, ParagraphStyle("t", fontName=fonts.body, fontSize=10))
    para.wrap(400, 100)  # parses: the markup is valid
    assert fonts.markup("a\nb") == "a<br/>b"


def test_characters_no_font_has_become_a_visible_mark(fonts):
    runs = list(fonts.runs("名😀\ufe0f字"))
    assert "".join(run for _, run in runs) == f"名{MISSING_MARK}字"


def test_control_characters_are_dropped():
    assert clean_text("a\x00b\x1fc\td\r\ne") == "abc d\ne"
    assert clean_text(None) == ""


def test_system_songti_is_preferred_when_present(tmp_path):
    # A stand-in for C:/Windows/Fonts/simsun.ttc (any TrueType collection will do).
    shutil.copy(resources_dir() / "fonts" / "wqy-microhei.ttc", tmp_path / "SimSun.ttc")
    fonts = report_fonts(prefer_system=True, system_dirs=[tmp_path])
    assert fonts.sources[fonts.body].name == "SimSun.ttc"
    assert fonts.heading != fonts.body or fonts.sources[fonts.heading].name == "SimSun.ttc"


def test_broken_system_font_falls_back_to_the_bundled_one(tmp_path):
    (tmp_path / "simsun.ttc").write_bytes(b"not a font")
    (tmp_path / "simfang.ttf").write_bytes(b"")
    fonts = report_fonts(prefer_system=True, system_dirs=[tmp_path])
    assert fonts.sources[fonts.body].name == "wqy-microhei.ttc"


def test_full_width_punctuation_cannot_start_a_line(fonts):
    for ch in "，。、；：？！）》」』】":
        assert ch in CJK_CANNOT_START
        assert ch in textsplit.ALL_CANNOT_START
    from reportlab.platypus import paragraph

    assert paragraph.ALL_CANNOT_START == textsplit.ALL_CANNOT_START


@pytest.mark.parametrize("width", [60 + 7 * i for i in range(30)])
def test_paragraph_lines_never_start_with_a_comma_or_full_stop(fonts, width):
    text = "咨询工资拖欠问题，已讲解相关法律规定。申请困难职工帮扶，已转办。" * 4
    style = ParagraphStyle("t", fontName=fonts.body, fontSize=10, leading=14, wordWrap="CJK")
    para = Paragraph(fonts.markup(text), style)
    para.wrap(width, 10_000)
    lines = ["".join(getattr(w, "text", str(w)) for w in _line_words(line))
             for line in para.blPara.lines]
    assert len(lines) > 1
    for line in lines[1:]:
        assert line and line[0] not in "，。、；：？！", lines


def _line_words(line):
    # CJK paragraph lines hold their glyphs as a list of words (FragLine) or tuples.
    words = getattr(line, "words", None)
    if words is not None:
        return words
    return line[1] if isinstance(line, tuple) else []


@pytest.mark.parametrize("width", [40 + 5 * i for i in range(30)])
def test_table_cell_wrapping_follows_the_same_rules(fonts, width):
    cells = CellMaker(fonts, make_styles(fonts))
    text = "反映劳动合同问题，已转县总工会法律援助。（详见附件）ABC12345678901234567890结束。"
    lines = cells.wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert cells.width(line) <= width + 0.01 or len(line) == 1
    for line in lines[1:]:
        assert line[0] not in "，。、；：？！）", lines
    for line in lines[:-1]:
        assert line[-1] not in "（《“", lines
