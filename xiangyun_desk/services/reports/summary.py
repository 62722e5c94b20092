"""工作报表: the headline figures of a month, quarter or year (本期 and, for a month or quarter,
本年累计 side by side), a chart of the months, breakdowns, a month-by-month table (quarter,
year), at the county a per-station table with the late and missing stations, a signature block
and, on the last page, the definitions (统计口径说明). Every number comes from StatsService and
every name and definition from services/definitions.py."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer

from .. import definitions as DEF
from ..stats import Period, StatsService
from . import texts as T
from .common import Ctx, share
from .layout import col_widths, data_table, signature_block, title_block

N = DEF.format_number
CHART_COLORS = (colors.Color(0.11, 0.37, 0.66), colors.Color(0.78, 0.35, 0.13),
                colors.Color(0.20, 0.55, 0.30), colors.Color(0.50, 0.30, 0.62))


class ChartDrawing(Drawing):
    """A Drawing that keeps its bar charts by measure key (tests read their data)."""

    _attrMap = AttrMap(BASE=Drawing, charts=AttrMapValue(None, desc="measure key -> chart"))


def chart_months(ctx: Ctx) -> list:
    """The months the chart shows: a month report shows the months of its year up to it."""
    period = ctx.period
    if period.kind == "month":
        from .period import ReportPeriod

        return ReportPeriod.between(dt.date(period.start.year, 1, 1), period.end).months()
    return period.months()


def chart_series(monthly: list[tuple[object, dict]]) -> dict[str, list[float]]:
    """Per chart measure, its value in each month (the numbers the bars are drawn from)."""
    return {key: [float(DEF.BY_KEY[key].number(x)) for _m, x in monthly]
            for key in DEF.CHART_KEYS}


def months_chart(ctx: Ctx, monthly: list[tuple[object, dict]], width: float) -> Drawing:
    """One small bar chart per register (its CHART_KEYS figure), two by two, values on the bars."""
    f = ctx.fonts
    series = chart_series(monthly)
    labels = [f"{m.start.month}月" for m, _x in monthly]
    cell_w, cell_h = width / 2, 150
    drawing = ChartDrawing(width, cell_h * 2)
    drawing.initialFontName = f.body  # never the non-embedded Helvetica
    drawing.charts = {}
    for i, key in enumerate(DEF.CHART_KEYS):
        m = DEF.BY_KEY[key]
        x0 = (i % 2) * cell_w
        y0 = (1 - i // 2) * cell_h
        values = series[key]
        chart = VerticalBarChart()
        chart.x, chart.y = x0 + 34, y0 + 22
        chart.width, chart.height = cell_w - 50, cell_h - 50
        chart.data = [values]
        chart.bars[0].fillColor = CHART_COLORS[i]
        chart.bars.strokeColor = None
        chart.valueAxis.valueMin = 0
        top = max(values, default=0)
        chart.valueAxis.valueMax = top * 1.2 if top > 0 else 1
        chart.valueAxis.labels.fontName = f.body
        chart.valueAxis.labels.fontSize = 6.5
        chart.valueAxis.labelTextFormat = lambda v: N(int(v)) if v == int(v) else f"{v:g}"
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
        chart.categoryAxis.categoryNames = labels
        chart.categoryAxis.labels.fontName = f.body
        chart.categoryAxis.labels.fontSize = 6.5 if len(labels) > 8 else 7.5
        chart.barLabels.fontName = f.body
        chart.barLabels.fontSize = 5.5 if len(labels) > 8 else 7
        chart.barLabels.nudge = 5
        chart.barLabelFormat = (lambda v: N(f"{v:.1f}", "hours")) if m.kind == "hours" \
            else (lambda v: N(int(round(v))))
        drawing.add(chart)
        drawing.charts[key] = chart
        title = f"{m.name}（{m.unit}）"
        drawing.add(String(x0 + cell_w / 2, y0 + cell_h - 14, title, fontName=f.heading,
                           fontSize=9, textAnchor="middle"))
    return drawing


def definitions_page(ctx: Ctx, table) -> list:
    """统计口径说明: the table of :mod:`..definitions`, on a page of its own at the end."""
    f, s, cells, width = ctx.fonts, ctx.styles, ctx.cells, ctx.width
    widths = col_widths(width, [1.2, 1.6, 0.7, 6.0])
    rows = [[cells(DEF.SECTIONS[m.section], widths[0]), cells(m.name, widths[1]),
             cells(m.unit, widths[2], "center"), cells(m.definition, widths[3])]
            for m in DEF.MEASURES]
    out = [PageBreak(), Paragraph(f.markup(T.SUMMARY_DEFINITIONS), s.h2),
           table([T.COL_REGISTER, T.COL_MEASURE, T.COL_UNIT, T.COL_DEFINITION], rows, widths,
                 ["left", "left", "center", "left"])]
    out += [Paragraph(f.markup(f"{n}. {note}"), s.note)
            for n, note in enumerate(DEF.GENERAL_NOTES, 1)]
    return out


def build(ctx: Ctx) -> list:
    f, s, cells, job = ctx.fonts, ctx.styles, ctx.cells, ctx.job
    stats_service = StatsService(ctx.desk.db)
    period = ctx.period
    months = period.months() if period.kind != "month" else []
    chart = chart_months(ctx)
    with_ytd = period.kind in ("month", "quarter")
    county = ctx.desk.identity is not None and ctx.desk.identity.is_tier
    job.phase(0.0, 0.3, 2 + len(chart) + (1 if county else 0))
    figures = stats_service.compute(period.stats_period())
    job.advance()
    ytd = stats_service.compute(period.stats_period().year_to_date()) if with_ytd else None
    job.advance()
    by_month: dict = {}
    for month in chart:
        by_month[(month.start, month.end)] = stats_service.compute(month.stats_period())
        job.advance()
    monthly = [(m, by_month.get((m.start, m.end)) or stats_service.compute(m.stats_period()))
               for m in months]
    charted = [(m, by_month[(m.start, m.end)]) for m in chart]
    stations = None
    if county:
        from ..county import CountyService

        stations = CountyService(ctx.desk).station_figures(period.stats_period(), period.end)
        job.advance()

    width = ctx.width
    story: list = title_block(f, s, ctx.meta)

    def para(text: str, style=None):
        return Paragraph(f.markup(text), style or s.body)

    def h2(text: str):
        return [CondPageBreak(90), para(text, s.h2)]

    def h3(text: str):
        return para(text, s.h3)

    def table(header, rows, weights_or_widths, aligns, total_rows=0, table_width=None,
              widths=None):
        widths = widths or col_widths(table_width or width, weights_or_widths)
        body = [[c if not isinstance(c, str) else cells(c, w, a)
                 for c, w, a in zip(row, widths, aligns, strict=True)] for row in rows]
        return data_table(f, s, header, body, widths, aligns, total_rows=total_rows)

    # ---- 主要数据: 本期 (and 本年累计) -------------------------------------------------------------
    story.append(h3(T.SUMMARY_KEY_FIGURES))
    header = [T.COL_REGISTER, T.COL_MEASURE, T.COL_UNIT, T.COL_THIS_PERIOD]
    weights = [1.3, 2.2, 0.8, 1.6]
    if with_ytd:
        header.append(T.COL_YEAR_TO_DATE)
        weights.append(1.6)
    rows = []
    for m in DEF.MEASURES:
        row = [DEF.SECTIONS[m.section], m.name, m.unit, m.text(figures)]
        if with_ytd:
            row.append(m.text(ytd))
        rows.append(row)
    story.append(table(header, rows, weights, ["left", "left", "center"] + ["right"] * (
        len(header) - 3), table_width=width * (0.8 if with_ytd else 0.66)))
    if with_ytd:
        ytd_period = period.stats_period().year_to_date()
        story.append(para(T.NOTE_YEAR_TO_DATE.format(start=ytd_period.start.isoformat(),
                                                     end=ytd_period.end.isoformat()), s.note))

    # ---- 各月走势 ----------------------------------------------------------------------------
    if charted:
        story.append(KeepTogether([
            h3(T.SUMMARY_CHART), months_chart(ctx, charted, width),
            para(T.NOTE_CHART.format(what=T.CHART_MONTHS_OF_YEAR if period.kind == "month"
                                     else T.CHART_MONTHS_OF_PERIOD), s.note)]))

    # ---- 一、来访登记 --------------------------------------------------------------------------
    v = figures["visitors"]
    story += h2(T.SUMMARY_VISITS)
    story.append(para(T.HEADLINE_VISITS.format(batches=N(v["batches"]),
                                               person_times=N(v["person_times"]))))
    if v["batches"]:
        rows = [[ctx.label("visit_purpose", code), N(n), share(n, v["batches"])]
                for code, n in _ordered(ctx, "visit_purpose", v["by_purpose"])]
        rows.append([T.TOTAL, N(v["batches"]), share(v["batches"], v["batches"])])
        purpose = table([T.COL_PURPOSE, T.COL_COUNT_VISITS, T.COL_SHARE], rows, [3, 1.5, 1.5],
                        ["left", "right", "right"], total_rows=1, table_width=width * 0.55)
        rows = [[ctx.label("visit_status", code), N(n), share(n, v["batches"])]
                for code, n in _ordered(ctx, "visit_status", v["by_status"])]
        status = table([T.COL_STATUS, T.COL_COUNT_VISITS, T.COL_SHARE], rows, [3, 1.5, 1.5],
                       ["left", "right", "right"], table_width=width * 0.40)
        story += [h3(T.BY_PURPOSE), purpose, h3(T.BY_STATUS), status]

    # ---- 二、慰问走访 --------------------------------------------------------------------------
    c = figures["condolence"]
    story += h2(T.SUMMARY_RELIEF)
    story.append(para(T.HEADLINE_RELIEF.format(
        person_times=N(c["person_times"]), people=N(c["people"]),
        cash=N(c["cash_yuan"], "money"), goods=N(c["goods_value_yuan"], "money"))))
    if c["person_times"]:
        header_tail = [T.COL_RELIEF_VISITS, T.COL_RELIEF_PEOPLE, T.COL_CASH, T.COL_GOODS_VALUE]
        aligns = ["left", "right", "right", "right", "right"]
        total = [T.TOTAL, N(c["person_times"]), N(c["people"]), N(c["cash_yuan"], "money"),
                 N(c["goods_value_yuan"], "money")]
        for title, column, code_list, key in (
                (T.BY_CAMPAIGN, T.COL_CAMPAIGN, "campaign", "by_campaign"),
                (T.BY_CATEGORY, T.COL_CATEGORY, "recipient_category", "by_category")):
            rows = [[ctx.label(code_list, code), N(x["person_times"]), N(x["people"]),
                     N(x["cash_yuan"], "money"), N(x["goods_value_yuan"], "money")]
                    for code, x in _ordered(ctx, code_list, c[key])]
            story += [h3(title), table([column, *header_tail], [*rows, total],
                                       [3, 1.4, 1.4, 2, 2], aligns, total_rows=1)]
        story.append(para(T.NOTE_PEOPLE_DISTINCT, s.note))

    # ---- 三、招聘会 ----------------------------------------------------------------------------
    j = figures["job_fairs"]
    story += h2(T.SUMMARY_FAIRS)
    story.append(para(T.HEADLINE_FAIRS.format(**{k: N(j[k]) for k in (
        "events", "employers", "positions", "seekers", "intentions")})))
    if j["events"]:
        rows = [[x["held_on"], x["name"], N(x["employers"]), N(x["positions"]),
                 N(x["seekers"]), N(x["intentions"])] for x in j["by_event"].values()]
        rows.append([T.TOTAL, "", N(j["employers"]), N(j["positions"]), N(j["seekers"]),
                     N(j["intentions"])])
        story.append(table([T.COL_FAIR_DATE, T.COL_FAIR_NAME, T.COL_EMPLOYERS, T.COL_POSITIONS,
                            T.COL_SEEKERS, T.COL_INTENTIONS], rows, [1.6, 4, 1.2, 1.2, 1.2, 1.2],
                           ["center", "left", "right", "right", "right", "right"],
                           total_rows=1))

    # ---- 四、志愿服务 --------------------------------------------------------------------------
    vol = figures["volunteers"]
    story += h2(T.SUMMARY_VOLUNTEERS)
    story.append(para(T.HEADLINE_VOLUNTEERS.format(
        registered=N(vol["registered"]), serving=N(vol["serving"]),
        records=N(vol["service_records"]), hours=N(vol["service_hours"], "hours"))))
    if vol["by_skill"]:
        rows = [[ctx.label("skill", code), N(n)]
                for code, n in _ordered(ctx, "skill", vol["by_skill"])]
        story += [h3(T.BY_SKILL), table([T.COL_SKILL, T.COL_VOLUNTEERS], rows, [3, 1.5],
                                        ["left", "right"], table_width=width * 0.45)]

    # ---- 五、分月统计 --------------------------------------------------------------------------
    if monthly:
        measures = [DEF.BY_KEY[k] for k in DEF.MONTHLY_KEYS]
        header = [T.COL_MONTH] + [m.name + (f"（{m.unit}）" if m.kind != "count" else "")
                                  for m in measures]

        def month_row(label: str, x: dict) -> list[str]:
            return [label] + [m.text(x) for m in measures]

        many_years = period.start.year != period.end.year
        rows = [month_row(_month_label(m, many_years), x) for m, x in monthly]
        rows.append(month_row(T.WHOLE_PERIOD, figures))
        story += h2(T.SUMMARY_MONTHLY)
        story.append(table(header, rows, [1.3, 1, 1, 1, 1, 1.6, 1, 1, 1, 1, 1.2],
                           ["center"] + ["right"] * len(measures), total_rows=1))
        story.append(para(T.NOTE_MONTHLY, s.note))

    # ---- 六、分站点统计 (county) -----------------------------------------------------------------
    if stations is not None:
        story += station_section(ctx, stations, figures, table, para, h2, h3)

    story += [Spacer(1, 14), KeepTogether([signature_block(f, s, width)])]
    story += definitions_page(ctx, table)
    return story


def fitted_widths(ctx: Ctx, header: list[str], rows: list[list[str]],
                  header_chars: int = 4) -> list[float]:
    """Number columns exactly as wide as their widest value (headers wrap after a few
    characters); the first column takes the rest. Scaled down only when nothing else fits."""
    cells, width = ctx.cells, ctx.width
    pad = 2 * 2.5 + 1.5
    need = []
    for i in range(1, len(header)):
        widest = max(cells.width(str(r[i])) for r in rows)
        head = min(cells.width(header[i]), header_chars * cells.size)
        need.append(max(widest, head) + pad)
    first = max(width - sum(need), width * 0.2)
    total = first + sum(need)
    scale = width / total if total > width else 1.0
    return [first * scale] + [w * scale for w in need]


def station_section(ctx: Ctx, stations, figures: dict, table, para, h2, h3) -> list:
    """The per-station table (totals = the county's figures) and the late or missing stations."""
    measures = [DEF.BY_KEY[k] for k in DEF.STATION_KEYS]
    header = [T.COL_STATION] + [m.name + (f"（{m.unit}）" if m.kind != "count" else "")
                                for m in measures]
    rows = [[f"{r['name'] or (T.COUNTY_OWN if r['own'] else '')}（{r['code']}）"
             + (T.STATION_NEVER_SEEN if r.get("never_seen") else "")]
            + [m.text(r["figures"]) for m in measures] for r in stations["rows"]]
    rows.append([T.TOTAL] + [m.text(figures) for m in measures])
    out = h2(T.SUMMARY_STATIONS)
    out.append(table(header, rows, None, ["left"] + ["right"] * len(measures), total_rows=1,
                     widths=fitted_widths(ctx, header, rows)))
    out.append(para(T.NOTE_STATIONS, ctx.styles.note))
    out.append(h3(T.STATIONS_LATE))
    late = stations["late"]
    if not late:
        out.append(para(T.STATIONS_LATE_NONE))
        return out
    rows = []
    for r in late:
        state = [T.LATE_NEVER] if r.last_created is None else []
        if r.last_created is not None and r.days_late:
            state.append(T.LATE_DAYS.format(days=r.days_late))
        if r.missing:
            state.append(T.LATE_GAPS.format(seqs="、".join(map(str, r.missing[:10]))))
        rows.append([f"{r.name}（{r.code}）", str(r.last_seq) if r.last_seq else "—",
                     r.last_created.strftime("%Y-%m-%d") if r.last_created else "—",
                     "；".join(state)])
    out.append(table([T.COL_STATION, T.COL_LAST_BUNDLE, T.COL_LAST_BUNDLE_DATE, T.COL_LATE],
                     rows, [2.4, 1.2, 1.4, 3], ["left", "center", "center", "left"]))
    return out


def _ordered(ctx: Ctx, code_list: str, counts: dict) -> list[tuple[str, object]]:
    """Breakdown entries in the code list's display order; unknown codes last."""
    order = list(ctx.labels.get(code_list, {}))
    return sorted(counts.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                                  else len(order), str(kv[0])))


def _month_label(month, with_year: bool) -> str:
    label = T.MONTH_LABEL.format(month=month.start.month)
    return f"{month.start.year}年{label}" if with_year else label


__all__ = ["build", "chart_series", "months_chart", "chart_months", "Period"]
