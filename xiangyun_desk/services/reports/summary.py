"""工作报表: the headline figures of a month, quarter or year, with breakdowns, a month-by-month
table (quarter, year) and a signature block. Every number comes from StatsService."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ..stats import StatsService
from . import texts as T
from .common import Ctx, share
from .layout import col_widths, data_table, signature_block, title_block


def build(ctx: Ctx) -> list:
    f, s, cells, job = ctx.fonts, ctx.styles, ctx.cells, ctx.job
    stats_service = StatsService(ctx.desk.db)
    months = ctx.period.months() if ctx.period.kind != "month" else []
    job.phase(0.0, 0.3, 1 + len(months))
    figures = stats_service.compute(ctx.period.stats_period())
    job.advance()
    monthly = []
    for month in months:
        monthly.append((month, stats_service.compute(month.stats_period())))
        job.advance()

    width = ctx.width
    story: list = title_block(f, s, ctx.meta)

    def para(text: str, style=None):
        return Paragraph(f.markup(text), style or s.body)

    def h2(text: str):
        return [CondPageBreak(90), para(text, s.h2)]

    def h3(text: str):
        return para(text, s.h3)

    def table(header, rows, weights, aligns, total_rows=0, table_width=None):
        widths = col_widths(table_width or width, weights)
        body = [[cells(v, w, a) for v, w, a in zip(row, widths, aligns, strict=True)]
                for row in rows]
        return data_table(f, s, header, body, widths, aligns, total_rows=total_rows)

    # ---- 一、来访登记 --------------------------------------------------------------------------
    v = figures["visitors"]
    story += h2(T.SUMMARY_VISITS)
    story.append(para(T.HEADLINE_VISITS.format(visits=v["visits"], people=v["people"])))
    if v["visits"]:
        rows = [[ctx.label("visit_purpose", code), str(n), share(n, v["visits"])]
                for code, n in _ordered(ctx, "visit_purpose", v["by_purpose"])]
        rows.append([T.TOTAL, str(v["visits"]), share(v["visits"], v["visits"])])
        purpose = table([T.COL_PURPOSE, T.COL_COUNT_VISITS, T.COL_SHARE], rows, [3, 1.5, 1.5],
                        ["left", "right", "right"], total_rows=1, table_width=width * 0.55)
        rows = [[ctx.label("visit_status", code), str(n), share(n, v["visits"])]
                for code, n in _ordered(ctx, "visit_status", v["by_status"])]
        status = table([T.COL_STATUS, T.COL_COUNT_VISITS, T.COL_SHARE], rows, [3, 1.5, 1.5],
                       ["left", "right", "right"], table_width=width * 0.40)
        story += [h3(T.BY_PURPOSE), purpose, h3(T.BY_STATUS), status]

    # ---- 二、慰问走访 --------------------------------------------------------------------------
    c = figures["condolence"]
    story += h2(T.SUMMARY_RELIEF)
    story.append(para(T.HEADLINE_RELIEF.format(visits=c["visits"], people=c["people"],
                                               cash=c["cash_yuan"], goods=c["goods_value_yuan"])))
    if c["visits"]:
        header_tail = [T.COL_RELIEF_VISITS, T.COL_RELIEF_PEOPLE, T.COL_CASH, T.COL_GOODS_VALUE]
        aligns = ["left", "right", "right", "right", "right"]
        total = [T.TOTAL, str(c["visits"]), str(c["people"]), c["cash_yuan"],
                 c["goods_value_yuan"]]
        for title, column, code_list, key in (
                (T.BY_CAMPAIGN, T.COL_CAMPAIGN, "campaign", "by_campaign"),
                (T.BY_CATEGORY, T.COL_CATEGORY, "recipient_category", "by_category")):
            rows = [[ctx.label(code_list, code), str(x["visits"]), str(x["people"]),
                     x["cash_yuan"], x["goods_value_yuan"]]
                    for code, x in _ordered(ctx, code_list, c[key])]
            story += [h3(title), table([column, *header_tail], [*rows, total],
                                       [3, 1.4, 1.4, 2, 2], aligns, total_rows=1)]
        story.append(para(T.NOTE_PEOPLE_DISTINCT, s.note))

    # ---- 三、招聘会 ----------------------------------------------------------------------------
    j = figures["job_fairs"]
    story += h2(T.SUMMARY_FAIRS)
    story.append(para(T.HEADLINE_FAIRS.format(**{k: j[k] for k in (
        "events", "employers", "positions", "seekers", "intentions")})))
    if j["events"]:
        rows = [[x["held_on"], x["name"], str(x["employers"]), str(x["positions"]),
                 str(x["seekers"]), str(x["intentions"])] for x in j["by_event"].values()]
        rows.append([T.TOTAL, "", str(j["employers"]), str(j["positions"]), str(j["seekers"]),
                     str(j["intentions"])])
        story.append(table([T.COL_FAIR_DATE, T.COL_FAIR_NAME, T.COL_EMPLOYERS, T.COL_POSITIONS,
                            T.COL_SEEKERS, T.COL_INTENTIONS], rows, [1.6, 4, 1.2, 1.2, 1.2, 1.2],
                           ["center", "left", "right", "right", "right", "right"],
                           total_rows=1))

    # ---- 四、志愿服务 --------------------------------------------------------------------------
    vol = figures["volunteers"]
    story += h2(T.SUMMARY_VOLUNTEERS)
    story.append(para(T.HEADLINE_VOLUNTEERS.format(
        registered=vol["registered"], active=vol["active"], records=vol["service_records"],
        hours=vol["service_hours"])))
    if vol["by_skill"]:
        rows = [[ctx.label("skill", code), str(n)]
                for code, n in _ordered(ctx, "skill", vol["by_skill"])]
        story += [h3(T.BY_SKILL), table([T.COL_SKILL, T.COL_VOLUNTEERS], rows, [3, 1.5],
                                        ["left", "right"], table_width=width * 0.45)]

    # ---- 五、分月统计 --------------------------------------------------------------------------
    if monthly:
        header = list(T.MONTHLY_HEADER)

        def month_row(label: str, x: dict) -> list[str]:
            return [label, str(x["visitors"]["visits"]), str(x["visitors"]["people"]),
                    str(x["condolence"]["visits"]), str(x["condolence"]["people"]),
                    x["condolence"]["cash_yuan"], str(x["job_fairs"]["events"]),
                    str(x["job_fairs"]["positions"]), str(x["job_fairs"]["seekers"]),
                    str(x["job_fairs"]["intentions"]), x["volunteers"]["service_hours"]]

        many_years = ctx.period.start.year != ctx.period.end.year
        rows = [month_row(_month_label(m, many_years), x) for m, x in monthly]
        rows.append(month_row(T.WHOLE_PERIOD, figures))
        story += h2(T.SUMMARY_MONTHLY)
        story.append(table(header, rows, [1.3, 1, 1, 1, 1, 1.6, 1, 1, 1, 1, 1.2],
                           ["center"] + ["right"] * 10, total_rows=1))
        story.append(para(T.NOTE_MONTHLY, s.note))

    story += [Spacer(1, 14), KeepTogether([signature_block(f, s, width)])]
    return story


def _ordered(ctx: Ctx, code_list: str, counts: dict) -> list[tuple[str, object]]:
    """Breakdown entries in the code list's display order; unknown codes last."""
    order = list(ctx.labels.get(code_list, {}))
    return sorted(counts.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                                  else len(order), str(kv[0])))


def _month_label(month, with_year: bool) -> str:
    label = T.MONTH_LABEL.format(month=month.start.month)
    return f"{month.start.year}年{label}" if with_year else label
