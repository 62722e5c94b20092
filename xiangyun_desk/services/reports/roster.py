"""慰问金发放签收表: the recipients of one campaign in a period, an empty column in which each
recipient signs, and the totals (also in capital numerals, as on a receipt)."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer
from sqlalchemy import select

from ...storage import models as M
from ..definitions import format_number as N
from ..stats import StatsService
from . import texts as T
from .common import Ctx, rmb_upper, yuan
from .layout import (
    S_ID,
    S_MONEY,
    Column,
    column_widths,
    data_table,
    no_records,
    signature_block,
    title_block,
    totals_box,
)

COLUMNS = (
    Column("seq", align="center", max_chars=None, sample="0000"),
    Column("name", 1.0, max_chars=60),
    Column("gender", align="center", sample="未填"),
    Column("id_number", align="center", sample=S_ID),
    Column("category", align="center", sample="困难职工"),
    Column("employer", 1.5, max_chars=80),
    Column("cash", align="right", sample=S_MONEY),
    Column("goods", 1.2, max_chars=60),
    Column("signature", 1.5, max_chars=None),
)
SIGN_ROW_HEIGHT = 27


def build(ctx: Ctx, campaign: str) -> list:
    t = M.ReliefVisit.__table__.c
    stmt = (select(t.visit_date, t.name, t.gender, t.id_number, t.category, t.employer,
                   t.address, t.cash_fen, t.goods, t.goods_value_fen)
            .where(t.deleted_at.is_(None), t.campaign == campaign,
                   *ctx.period.stats_period().on(t.visit_date))
            .order_by(t.visit_date, t.name))
    widths = column_widths(ctx.cells, ctx.width, COLUMNS)
    plan = list(zip(COLUMNS, widths, strict=False))
    cells = ctx.cells
    body = []
    visits = fen = goods_fen = 0
    for r in ctx.fetch(stmt, 0.0, 0.3):
        visits += 1
        fen += int(r["cash_fen"] or 0)
        goods_fen += int(r["goods_value_fen"] or 0)
        values = [str(visits), r["name"], ctx.label("gender", r["gender"]),
                  ctx.id_number(r["id_number"]), ctx.label("recipient_category", r["category"]),
                  r["employer"] or r["address"], yuan(r["cash_fen"]), r["goods"], ""]
        body.append([cells(v, w, col.align, col.max_chars)
                     for v, (col, w) in zip(values, plan, strict=True)])

    campaign_label = ctx.label("campaign", campaign)
    story = title_block(ctx.fonts, ctx.styles, ctx.meta,
                        extra=[T.ROSTER_CAMPAIGN.format(campaign=campaign_label),
                               T.CONFIDENTIAL_FULL if ctx.full else T.MASKED_NOTE])
    if not body:
        return story + no_records(ctx.fonts, ctx.styles)
    figures = StatsService(ctx.desk.db).compute(ctx.period.stats_period())["condolence"]
    people = figures["by_campaign"].get(campaign, {}).get("people", 0)
    total = T.ROSTER_TOTAL.format(people=N(people), visits=N(visits),
                                  cash=N(yuan(fen), "money"), goods=N(yuan(goods_fen), "money"))
    words = T.ROSTER_AMOUNT_WORDS.format(words=rmb_upper(fen))
    story.append(data_table(ctx.fonts, ctx.styles, [c.header for c in COLUMNS], body, widths,
                            [c.align for c in COLUMNS], min_row_height=SIGN_ROW_HEIGHT,
                            zebra=False))
    story.append(totals_box(ctx.fonts, ctx.styles, [total, words], sum(widths)))
    story.append(Paragraph(ctx.fonts.markup(T.ROSTER_NOTE), ctx.styles.note))
    story += [Spacer(1, 10), KeepTogether([signature_block(
        ctx.fonts, ctx.styles, ctx.width,
        labels=(T.SIGN_ISSUER, T.SIGN_WITNESS, T.SIGN_LEADER))])]
    return story
