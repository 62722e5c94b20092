"""Page layout shared by every report: A4, header and footer on every page ("第 X 页 / 共 Y 页"),
styles, fast table cells, tables that split with a repeated header, progress, cancel and the
atomic write of the finished file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...domain.errors import DomainError
from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...storage.files import AtomicFile
from . import texts as T
from .fonts import ReportFonts, clean_text

CTX = "Reports"
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
PROGRESS_TOTAL = 1000

MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 17 * mm
CELL_PAD = 2.5
CELL_SIZE = 9
CELL_LEADING = 11.5
HEAD_BG = colors.Color(0.90, 0.92, 0.95)
TOTAL_BG = colors.Color(0.96, 0.96, 0.93)
GRID = colors.Color(0.35, 0.35, 0.35)


class ReportCancelled(Exception):
    """The user cancelled the report; nothing was written."""


class ReportError(DomainError):
    """A report cannot be made as asked (bad input, unwritable output...)."""


# ---- progress and cancel -------------------------------------------------------------------------

class Job:
    """Progress (0..PROGRESS_TOTAL) and cancel checks of one report.

    The work has phases with weights (e.g. collecting rows, laying out pages); each phase reports
    its own done/total and the job maps that onto the whole.
    """

    def __init__(self, progress: ProgressFn | None = None, cancelled: CancelledFn | None = None):
        self._progress = progress
        self._cancelled = cancelled
        self._last = -1
        self._base = 0.0
        self._span = 0.0
        self._phase_total = 1
        self._phase_done = 0

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ReportCancelled()

    def phase(self, start: float, end: float, total: int) -> None:
        """Begin a phase covering [start, end) of the whole (fractions) with ``total`` steps."""
        self._base, self._span = start, end - start
        self._phase_total, self._phase_done = max(1, total), 0
        self._emit()

    def advance(self, steps: int = 1) -> None:
        self._phase_done = min(self._phase_total, self._phase_done + steps)
        self._emit()
        self.check()

    def finish(self) -> None:
        self._base, self._span, self._phase_done, self._phase_total = 1.0, 0.0, 1, 1
        self._emit()

    def _emit(self) -> None:
        if self._progress is None:
            return
        value = int(PROGRESS_TOTAL * (self._base + self._span * self._phase_done
                                      / self._phase_total))
        value = max(0, min(PROGRESS_TOTAL, value))
        if value != self._last:
            self._last = value
            self._progress(value, PROGRESS_TOTAL)


# ---- styles --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    sign: ParagraphStyle


def make_styles(fonts: ReportFonts) -> Styles:
    def style(name, font, size, leading, align=TA_LEFT, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                              alignment=align, wordWrap="CJK", **kw)

    return Styles(
        title=style("title", fonts.heading, 18, 26, TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", fonts.body, 10, 15, TA_CENTER, spaceAfter=8,
                       textColor=colors.Color(0.2, 0.2, 0.2)),
        h2=style("h2", fonts.heading, 13, 19, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        h3=style("h3", fonts.heading, 10.5, 15, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        body=style("body", fonts.body, 10.5, 17, firstLineIndent=21, spaceAfter=4),
        note=style("note", fonts.body, 8.5, 12, spaceBefore=2, spaceAfter=4,
                   textColor=colors.Color(0.3, 0.3, 0.3)),
        cell=style("cell", fonts.body, CELL_SIZE, CELL_LEADING),
        cell_center=style("cellc", fonts.body, CELL_SIZE, CELL_LEADING, TA_CENTER),
        cell_right=style("cellr", fonts.body, CELL_SIZE, CELL_LEADING, TA_RIGHT),
        head=style("head", fonts.heading, CELL_SIZE, CELL_LEADING, TA_CENTER),
        sign=style("sign", fonts.body, 11, 18),
    )


# ---- table cells ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\x21-\x7e\u00a0-\u024f]+ *| +|.", re.S)


class CellMaker:
    """Turns values into table cells fast.

    A cell whose text the body font covers is a plain string, wrapped here to the column width
    (with the CJK line rules: no line starts with ，。 etc.). Only text that needs a fallback font
    becomes a Paragraph (much slower to lay out), so a 10,000-row ledger stays close to a bare
    ReportLab table.
    """

    def __init__(self, fonts: ReportFonts, styles: Styles, size: float = CELL_SIZE):
        self.fonts = fonts
        self.styles = styles
        self.size = size
        face = pdfmetrics.getFont(fonts.body).face
        self._widths = face.charWidths
        self._default = face.defaultWidth
        self._scale = size / 1000.0
        self._max_em = max(self._widths.values(), default=1000.0) * self._scale
        self._plain: dict[tuple, str] = {}

    def width(self, text: str) -> float:
        w = self._widths
        d = self._default
        return sum(w.get(ord(c), d) for c in text) * self._scale

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of ``text`` no wider than ``width`` (CJK rules; long Latin words are split)."""
        lines: list[str] = []
        for para in text.split("\n"):
            if len(para) * self._max_em <= width or self.width(para) <= width:
                lines.append(para)
                continue
            units = self._units(para)
            line, line_w = "", 0.0
            for unit in units:
                uw = self.width(unit)
                if line and line_w + self.width(unit.rstrip()) > width:
                    lines.append(line.rstrip())
                    line, line_w = "", 0.0
                    if unit.isspace():
                        continue
                if uw > width and not line:
                    # A unit wider than the column (a long number or word): split it by character.
                    for ch in unit:
                        cw = self.width(ch)
                        if line and line_w + cw > width:
                            lines.append(line)
                            line, line_w = "", 0.0
                        line += ch
                        line_w += cw
                    continue
                line += unit
                line_w += uw
            lines.append(line.rstrip())
        return lines

    @staticmethod
    def _units(text: str) -> list[str]:
        """Break opportunities: CJK characters, Latin words; closing punctuation glued to the
        preceding unit and opening punctuation to the following one."""
        cannot_start = textsplit.ALL_CANNOT_START
        cannot_end = textsplit.ALL_CANNOT_END
        units: list[str] = []
        glue_next = False
        for token in _TOKEN.findall(text):
            if units and (glue_next or token[0] in cannot_start):
                units[-1] += token
            else:
                units.append(token)
            glue_next = token[-1] in cannot_end
        return units

    def __call__(self, value: Any, width: float, align: str = "left",
                 max_chars: int | None = None) -> Any:
        """A cell for ``value`` in a column ``width`` points wide (padding included)."""
        if value is None:
            return ""
        text = value if isinstance(value, str) else str(value)
        key = (text, width, max_chars)
        cached = self._plain.get(key)
        if cached is not None:
            return cached
        if not text.isprintable():  # newlines, tabs, control characters, U+3000...
            text = clean_text(text)
        if max_chars and len(text) > max_chars:
            text = text[:max_chars] + T.TRUNCATED
        inner = width - 2 * CELL_PAD - 0.5
        if self.fonts.covers(text):
            cell = "\n".join(self.wrap(text, inner))
            if len(self._plain) < 100_000:  # names, units, dates repeat: wrap each once
                self._plain[key] = cell
            return cell
        style = {"left": self.styles.cell, "center": self.styles.cell_center,
                 "right": self.styles.cell_right}[align]
        return Paragraph(self.fonts.markup(text), style)


def col_widths(total: float, weights: Sequence[float]) -> list[float]:
    s = float(sum(weights))
    return [total * w / s for w in weights]


@dataclass(frozen=True)
class Column:
    """A table column: its header (a key of texts.COL), share of the free width, alignment, how
    much text a cell shows, and for fixed-format values (dates, masked IDs) a sample that sets
    the column's width exactly so such values never wrap."""

    key: str
    weight: float = 1.0
    align: str = "left"
    max_chars: int | None = 120
    sample: str | tuple[str, ...] | None = None

    @property
    def header(self) -> str:
        return T.COL[self.key]


HEADER_MIN_CHARS = 4  # a fixed column is at least this many CJK characters wide for its header


def column_widths(cells: CellMaker, total: float, columns: Sequence[Column]) -> list[float]:
    """Widths of ``columns`` filling ``total``: sampled columns exactly as wide as their sample
    (or a short header), the rest sharing what is left by weight."""
    pad = 2 * CELL_PAD + 1
    fixed: dict[int, float] = {}
    for i, col in enumerate(columns):
        if col.sample is not None:
            head = min(cells.width(col.header), HEADER_MIN_CHARS * cells.size)
            samples = (col.sample,) if isinstance(col.sample, str) else col.sample
            fixed[i] = max(max(cells.width(x) for x in samples), head) + pad
    free = total - sum(fixed.values())
    weights = sum(c.weight for i, c in enumerate(columns) if i not in fixed) or 1.0
    if free < total * 0.25:  # too many fixed columns: fall back to weights for all
        return col_widths(total, [c.weight for c in columns])
    return [fixed[i] if i in fixed else free * c.weight / weights
            for i, c in enumerate(columns)]


# Samples of fixed-format values (the widest likely text).
S_SEQ = "00000"
S_DATE = "2026-10-01"
S_DATETIME = "2026-10-01 08:37"
S_PHONE = "0872-1234567"
S_ID = ("5329**********1234", "53292319800101123X")  # masked or in full
S_MONEY = "100000.00"
S_SMALL = "000"


def data_table(fonts: ReportFonts, styles: Styles, header: Sequence[str],
               rows: list[list[Any]], widths: Sequence[float], aligns: Sequence[str],
               total_rows: int = 0, min_row_height: float | None = None,
               zebra: bool = True) -> Table:
    """A grid table with a header row repeated on every page.

    ``rows`` already hold cells (strings or Paragraphs). The last ``total_rows`` rows are totals
    (shaded). A table has no spanned cells: ReportLab recomputes spans over every remaining row at
    each page break, which made a 10,000-row ledger ten times slower (see :func:`totals_box`).
    """
    cells = CellMaker(fonts, styles)
    head = [Paragraph(fonts.markup(h), styles.head) if not fonts.covers(h)
            else "\n".join(cells.wrap(h, w - 2 * CELL_PAD - 0.5))
            for h, w in zip(header, widths, strict=True)]
    data = [head, *rows]
    n = len(data)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.body, CELL_SIZE, CELL_LEADING),
        ("FONT", (0, 0), (-1, 0), fonts.heading, CELL_SIZE, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    for i, align in enumerate(aligns):
        if align != "left":
            cmds.append(("ALIGN", (i, 1), (i, -1), align.upper()))
    body_end = n - 1 - total_rows
    if zebra and body_end >= 2:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, body_end),
                     [colors.white, colors.Color(0.975, 0.975, 0.975)]))
    if total_rows:
        cmds += [("BACKGROUND", (0, n - total_rows), (-1, -1), TOTAL_BG),
                 ("FONT", (0, n - total_rows), (-1, -1), fonts.heading, CELL_SIZE, CELL_LEADING)]
    heights = None
    if min_row_height:
        heights = [None] + [min_row_height] * (n - 1 - total_rows) + [None] * total_rows
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1,
                  style=TableStyle(cmds), hAlign="CENTER")
    return table


def totals_box(fonts: ReportFonts, styles: Styles, lines: Sequence[str], width: float) -> Table:
    """Totals lines the full width of the table above, joined to it (a separate table, so the
    long table above has no spanned row)."""
    cells = CellMaker(fonts, styles)
    rows = [[cells(line, width)] for line in lines]
    return Table(rows, colWidths=[width], hAlign="CENTER", style=TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.heading, CELL_SIZE, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("BACKGROUND", (0, 0), (-1, -1), TOTAL_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]))


def key_value_table(fonts: ReportFonts, styles: Styles, pairs: Sequence[tuple[str, str]],
                    width: float, columns: int = 3) -> Table:
    """Headline figures as a compact grid of label / value pairs."""
    cells = CellMaker(fonts, styles)
    per = width / columns
    lw, vw = per * 0.58, per * 0.42
    rows, row = [], []
    for label, value in pairs:
        row += [cells(label, lw), cells(value, vw)]
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    cmds = [
        ("FONT", (0, 0), (-1, -1), fonts.body, 9.5, 12),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]
    for c in range(columns):
        cmds += [("BACKGROUND", (2 * c, 0), (2 * c, -1), HEAD_BG),
                 ("ALIGN", (2 * c + 1, 0), (2 * c + 1, -1), "RIGHT"),
                 ("FONT", (2 * c + 1, 0), (2 * c + 1, -1), fonts.heading, 10, 12)]
    return Table(rows, colWidths=[lw, vw] * columns, style=TableStyle(cmds), hAlign="CENTER")


def fill_in_line(fonts: ReportFonts, styles: Styles, width: float,
                 fields: Sequence[tuple[str, str]], row_height: float = 26,
                 stamp: str | None = None, h_align: str = "CENTER") -> Table:
    """Labels followed by lines to write on: 填报人：______ 审核人：______ 日期：____年__月__日,
    and optionally a space for the unit's stamp below the last field."""
    gap = 14  # between one field's line and the next label
    label_w = [pdfmetrics.stringWidth(label, fonts.body, styles.sign.fontSize) + 6
               + (gap if i else 0) for i, (label, _) in enumerate(fields)]
    free = width - sum(label_w)
    blank_weights = [0.9 if blank else 1.0 for _, blank in fields]
    blank_w = [free * w / sum(blank_weights) for w in blank_weights]
    row: list = []
    widths: list[float] = []
    cmds: list[tuple] = [("FONT", (0, 0), (-1, -1), fonts.body, styles.sign.fontSize),
                         ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 2),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    right = ParagraphStyle("sign_r", parent=styles.sign, alignment=TA_RIGHT)
    for i, ((label, blank), lw, bw) in enumerate(zip(fields, label_w, blank_w, strict=False)):
        row += [Paragraph(fonts.markup(label), styles.sign),
                Paragraph(fonts.markup(blank), right) if blank else ""]
        widths += [lw, bw]
        cmds.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), 0.6, colors.black))
        if i:
            cmds.append(("LEFTPADDING", (2 * i, 0), (2 * i, 0), 2 + gap))
    rows = [row]
    heights = [row_height]
    if stamp:
        centered = ParagraphStyle("sign_c", parent=styles.sign, alignment=TA_CENTER)
        rows.append([""] * (len(row) - 2) + [Paragraph(fonts.markup(stamp), centered), ""])
        heights.append(64)
        cmds += [("SPAN", (-2, 1), (-1, 1)), ("VALIGN", (0, 1), (-1, 1), "MIDDLE")]
    return Table(rows, colWidths=widths, rowHeights=heights, style=TableStyle(cmds),
                 hAlign=h_align)


def signature_block(fonts: ReportFonts, styles: Styles, width: float,
                    labels: Sequence[str] = (T.SIGN_FILLED_BY, T.SIGN_REVIEWED_BY),
                    stamp: str | None = T.SIGN_STAMP) -> Table:
    """填报人 / 审核人 / 日期, and a space for the unit's stamp."""
    fields = [(label, "") for label in labels] + [(T.SIGN_DATE, T.SIGN_DATE_BLANK)]
    return fill_in_line(fonts, styles, width, fields, row_height=34, stamp=stamp)


def title_block(fonts: ReportFonts, styles: Styles, meta: ReportMeta,
                extra: Sequence[str] = ()) -> list:
    lines = [T.STATION.format(station=meta.station)]
    if meta.period_range:
        lines.append(T.PERIOD.format(period=meta.period_range))
    lines.append(T.GENERATED_AT.format(when=meta.generated_at.strftime("%Y-%m-%d %H:%M")))
    out: list = [Paragraph(fonts.markup(meta.title, fonts.heading), styles.title),
                 Paragraph(fonts.markup("　　".join(lines)), styles.subtitle)]
    out += [Paragraph(fonts.markup(line), styles.subtitle) for line in extra]
    return out


def no_records(fonts: ReportFonts, styles: Styles) -> list:
    return [Spacer(1, 6), Paragraph(fonts.markup(T.NO_RECORDS), styles.body)]


# ---- document ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportMeta:
    """What the header and footer of every page say."""

    station: str
    title: str
    period_label: str = ""
    period_range: str = ""
    generated_at: dt.datetime = dt.datetime(2000, 1, 1)
    landscape: bool = False

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    def frame_width(self) -> float:
        return self.pagesize[0] - 2 * MARGIN_X


def _canvas_class(meta: ReportMeta, fonts: ReportFonts, job: Job):
    """A canvas that keeps its pages until the end, then draws the header and footer of every
    page knowing the page count ("第 X 页 / 共 Y 页")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # No Helvetica: every font in the file is an embedded TrueType font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.body
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
            kwargs["initialLeading"] = kwargs.get("initialLeading") or 12
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                Canvas.showPage(self)
                if number % 20 == 0:
                    job.check()
            Canvas.save(self)

        def _decorate(self, page: int, pages: int) -> None:
            w, h = meta.pagesize
            self.saveState()
            self.setStrokeColor(colors.Color(0.3, 0.3, 0.3))
            self.setLineWidth(0.6)
            top = h - 12 * mm
            fonts.draw(self, MARGIN_X, top, meta.station, 9, fonts.heading)
            fonts.draw(self, w / 2, top, meta.title, 9, fonts.heading, align="center")
            if meta.period_label:
                fonts.draw(self, w - MARGIN_X, top, meta.period_label, 9, align="right")
            self.line(MARGIN_X, top - 2.5 * mm, w - MARGIN_X, top - 2.5 * mm)
            bottom = 9 * mm
            self.line(MARGIN_X, bottom + 4 * mm, w - MARGIN_X, bottom + 4 * mm)
            fonts.draw(self, MARGIN_X, bottom, T.GENERATED_AT.format(
                when=meta.generated_at.strftime("%Y-%m-%d %H:%M")), 8)
            fonts.draw(self, w / 2, bottom, T.PAGE_OF.format(page=page, pages=pages), 9,
                       align="center")
            fonts.draw(self, w - MARGIN_X, bottom, T.PROGRAM, 8, align="right")
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):
    """One-pass document that reports progress by table rows placed and can be cancelled."""

    def __init__(self, target, meta: ReportMeta, job: Job, units: int, **kw):
        w, h = meta.pagesize
        super().__init__(target, pagesize=meta.pagesize, leftMargin=MARGIN_X,
                         rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         title=meta.title, author=meta.station, subject=meta.period_label,
                         creator=T.PROGRAM, **kw)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, w - 2 * MARGIN_X, h - MARGIN_TOP - MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._job = job
        self._units = units

    def handle_pageBegin(self):  # noqa: N802
        self._job.check()
        super().handle_pageBegin()

    def afterFlowable(self, flowable):  # noqa: N802
        if isinstance(flowable, Table):
            rows = flowable._nrows - (flowable.repeatRows or 0)
            self._job.advance(max(1, rows))
        else:
            self._job.advance(1)


def flowable_units(story: Sequence) -> int:
    """Progress steps of laying out ``story`` (a table's rows, one per other flowable)."""
    return sum(max(1, f._nrows - 1) if isinstance(f, Table) else 1 for f in story)


def write_pdf(out_path: Path, meta: ReportMeta, story: list, fonts: ReportFonts, job: Job,
              layout_from: float = 0.3) -> Path:
    """Lay out ``story`` into ``out_path`` atomically: a temporary file in the same folder,
    renamed into place only when complete. On error or cancel nothing is left behind."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Reports", "The folder {folder} does not exist."), folder=str(folder)))
    if out_path.is_dir():
        raise ReportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Reports", "{path} is a folder; choose a file name ending in .pdf."),
            path=str(out_path)))
    saver = AtomicFile(out_path)
    try:
        with saver, saver.open("wb") as fh:
            units = flowable_units(story)
            job.phase(layout_from, 0.98, units)
            doc = _Doc(fh, meta, job, units)
            doc.build(story, canvasmaker=_canvas_class(meta, fonts, job))
            job.check()
    except Exception as exc:
        fault = saver.fault(exc)  # a full, write-protected or pulled-out stick: what to do
        if fault is None:
            raise
        raise ReportError(fault.message) from exc
    job.finish()
    return out_path
