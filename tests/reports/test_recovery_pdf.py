"""The printed recovery code (打印为 PDF): a readable A4 page whose code is large type, grouped
for reading aloud, in an embedded TrueType font, with what to do with the sheet."""

from __future__ import annotations

import datetime as dt
import math

from pypdf import PdfReader

from xiangyun_desk.services.reports.recovery import (
    code_groups,
    recovery_file_name,
    write_recovery_pdf,
)

CODE = "7KQ2-M9XD-0A4T-HH3W-Z8PB"


def text_runs(path) -> list[tuple[str, float, str]]:
    """(text, effective font size in points, font name) of every text run on page 1."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            runs.append((text.strip(), size * scale, str((font or {}).get("/BaseFont", ""))))

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return runs


def test_the_printout_is_one_a4_page_with_the_code_in_large_grouped_type(tmp_path):
    out = write_recovery_pdf(tmp_path / "code.pdf", CODE, "云南驿镇职工之家", "zhanzhang",
                             dt.datetime(2026, 12, 7, 10, 0))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    runs = text_runs(out)
    # Every group of the code is printed on its own, in large type (at least 16 pt) ...
    for group in code_groups(CODE):
        sizes = [size for text, size, _font in runs if text == group]
        assert sizes, f"{group} not printed on its own: {[t for t, _s, _f in runs]}"
        assert min(sizes) >= 16, (group, sizes)
    # ... in the order of the code, and in an embedded TrueType font (a subset: ABCDEF+name).
    code_runs = [(t, f) for t, _s, f in runs if t in code_groups(CODE)]
    assert "".join(t for t, _f in code_runs[:5]) == CODE.replace("-", "")
    assert all("+" in f for _t, f in code_runs)
    text = reader.pages[0].extract_text()
    for expected in ("账户恢复码", "云南驿镇职工之家", "zhanzhang", "2026-12-07", "忘记密码",
                     "锁在柜子里"):
        assert expected in text
    # The body text is ordinary size: only the code is large.
    assert max(size for t, size, _f in runs if "忘记密码" in t) < 16


def test_the_default_file_name_is_chinese_with_station_and_date():
    name = recovery_file_name("云南驿镇职工之家", dt.date(2026, 12, 7))
    assert name == "恢复码-云南驿镇职工之家-2026-12-07.pdf"
    assert recovery_file_name('a/b:c*', dt.date(2026, 12, 7)) == "恢复码-abc-2026-12-07.pdf"
