"""Blank printable forms for days when the PC is off: a visitor sign-in sheet and a job-fair
registration sheet (entered into the registers later)."""

from __future__ import annotations

from reportlab.platypus import PageBreak, Paragraph, Spacer

from . import texts as T
from .common import Ctx
from .layout import col_widths, data_table, fill_in_line

FORMS = ("visits", "fair")
ROWS_PER_PAGE = 12
ROW_HEIGHT = 28

VISIT_WEIGHTS = (0.6, 1.4, 1.2, 0.6, 1.6, 2.2, 1.3, 0.6, 3.2, 1.1, 1.3)
FAIR_WEIGHTS = (0.6, 1.3, 0.6, 0.9, 1.6, 1.1, 0.9, 1.1, 2.0, 2.4, 1.3)


def build(ctx: Ctx, forms: tuple[str, ...] = FORMS) -> list:
    f, st = ctx.fonts, ctx.styles
    story: list = []
    ctx.job.phase(0.0, 0.3, len(forms))
    for n, form in enumerate(forms):
        if n:
            story.append(PageBreak())
        if form == "visits":
            title, fields, cols, weights = (T.TITLE_BLANK_VISITS, T.BLANK_VISIT_FIELDS,
                                            T.BLANK_VISIT_COLS, VISIT_WEIGHTS)
            purposes = ctx.labels.get("visit_purpose", {}).values()
            hint = T.BLANK_PURPOSE_HINT.format(codes="　".join(
                f"{i}.{label}" for i, label in enumerate(purposes, 1)))
        else:
            title, fields, cols, weights = (T.TITLE_BLANK_FAIR, T.BLANK_FAIR_FIELDS,
                                            T.BLANK_FAIR_COLS, FAIR_WEIGHTS)
            hint = T.BLANK_EDU_HINT.format(
                codes="　".join(ctx.labels.get("education", {}).values()),
                households="　".join(ctx.labels.get("household", {}).values()))
        story += [Paragraph(f.markup(f"{ctx.meta.station}{title}", f.heading), st.title),
                  fill_in_line(f, st, ctx.width * (0.5 if form == "visits" else 1.0), fields,
                               h_align="LEFT"),
                  Spacer(1, 4), Paragraph(f.markup(hint), st.note)]
        widths = col_widths(ctx.width, weights)
        rows = [[str(i)] + [""] * (len(cols) - 1) for i in range(1, ROWS_PER_PAGE + 1)]
        story.append(data_table(f, st, list(cols), rows, widths,
                                ["center"] + ["left"] * (len(cols) - 1),
                                min_row_height=ROW_HEIGHT, zebra=False))
        ctx.job.advance()
    return story
