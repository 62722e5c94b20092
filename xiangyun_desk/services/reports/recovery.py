"""The printed recovery code (登录 → 恢复码 → 打印为 PDF): one readable A4 page.

A title, the station, the account, the date, the code in large type with its groups spaced apart
(read aloud one group at a time), and what to do with the sheet. Same fonts as the reports
(embedded TrueType, fonts.py): Qt's PDF writer picked whatever font the desktop had, and the code
came out in a font without its characters on some PCs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from . import texts as T
from .fonts import report_fonts
from .layout import Job, ReportMeta, make_styles, write_pdf

CODE_SIZE = 26  # points: the code itself (the issue asks for at least 16)
GROUP_SIZE = 9  # the small "1 2 3..." under each group


def recovery_file_name(station: str, when: dt.date | None = None) -> str:
    """The default file name offered when printing: Chinese, with the station and the date."""
    safe = "".join(ch for ch in station if ch not in '\\/:*?"<>|').strip() or "站点"
    return T.RECOVERY_FILE_NAME.format(station=safe, date=(when or dt.date.today()).isoformat())


def code_groups(code: str) -> list[str]:
    """The code's groups of four as printed (XXXX-XXXX-... -> [XXXX, XXXX, ...])."""
    return [g for g in code.replace(" ", "-").split("-") if g]


def write_recovery_pdf(path: Path | str, code: str, station: str, username: str,
                       when: dt.datetime | None = None) -> Path:
    """Write the one-page printout to ``path`` (atomically, like every report)."""
    fonts = report_fonts()
    styles = make_styles(fonts)
    when = when or dt.datetime.now()
    groups = code_groups(code)
    meta = ReportMeta(station=station, title=T.RECOVERY_TITLE, generated_at=when)
    code_style = ParagraphStyle("code", fontName=fonts.heading, fontSize=CODE_SIZE,
                                leading=CODE_SIZE * 1.3, alignment=TA_CENTER)
    number_style = ParagraphStyle("group", fontName=fonts.body, fontSize=GROUP_SIZE,
                                  leading=GROUP_SIZE * 1.4, alignment=TA_CENTER,
                                  textColor=colors.Color(0.4, 0.4, 0.4))
    width = meta.frame_width()
    cells = [[Paragraph(fonts.markup(g, fonts.heading), code_style) for g in groups],
             [Paragraph(str(i), number_style) for i in range(1, len(groups) + 1)]]
    code_table = Table(cells, colWidths=[width / max(len(groups), 1)] * len(groups))
    code_table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, colors.Color(0.3, 0.3, 0.3)),
        ("LINEAFTER", (0, 0), (-2, 0), 0.6, colors.Color(0.6, 0.6, 0.6)),
        ("BACKGROUND", (0, 0), (-1, -1), colors.Color(1, 0.98, 0.9)),
        ("TOPPADDING", (0, 0), (-1, 0), 10), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    lines = [T.RECOVERY_STATION.format(station=station),
             T.RECOVERY_ACCOUNT.format(username=username),
             T.RECOVERY_DATE.format(date=when.strftime("%Y-%m-%d"))]
    story: list = [
        Paragraph(fonts.markup(T.RECOVERY_TITLE, fonts.heading), styles.title),
        Paragraph(fonts.markup("　　".join(lines)), styles.subtitle),
        Spacer(1, 8 * mm),
        Paragraph(fonts.markup(T.RECOVERY_CODE_HEADING.format(groups=len(groups)),
                               fonts.heading), styles.h2),
        code_table,
        Spacer(1, 3 * mm),
        Paragraph(fonts.markup(T.RECOVERY_READ_ALOUD.format(groups="　".join(groups))),
                  styles.note),
        Spacer(1, 6 * mm),
        Paragraph(fonts.markup(T.RECOVERY_WHAT_HEADING, fonts.heading), styles.h2),
        *(Paragraph(fonts.markup(f"{i}. {t}"), styles.body)
          for i, t in enumerate(T.RECOVERY_WHAT, 1)),
        Paragraph(fonts.markup(T.RECOVERY_KEEP_HEADING, fonts.heading), styles.h2),
        *(Paragraph(fonts.markup(f"{i}. {t}"), styles.body)
          for i, t in enumerate(T.RECOVERY_KEEP, 1)),
    ]
    return write_pdf(Path(path), meta, story, fonts, Job())
