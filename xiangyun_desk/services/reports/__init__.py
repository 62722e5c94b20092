"""PDF reports that a station head signs and the county files (ReportLab; no Qt here).

The one entry point is :func:`generate_report`::

    from xiangyun_desk.services.reports import ReportRequest, ReportPeriod, generate_report

    request = ReportRequest("summary", ReportPeriod.parse("2026-Q4"))
    generate_report(desk, request, "report.pdf",
                    progress=lambda done, total: ...,   # done in 0..total (total = 1000)
                    cancelled=lambda: flag.is_set())     # polled often; True stops the work

It runs in the calling thread (the GUI calls it from a worker thread), writes to a temporary file
beside the target and renames it into place only when complete: on an error or a cancel
(:class:`ReportCancelled`) nothing is left behind. Bad input raises :class:`ReportError` (a
DomainError with a translatable message); call :func:`check_request` first to validate the
choices of a dialog without making anything.

Kinds: ``summary`` (工作报表), ``ledger`` (台账; ``register`` in :data:`LEDGER_REGISTERS`),
``roster`` (慰问金发放签收表; ``campaign``), ``jobfair`` (招聘会情况报告; ``event_id``), ``blank``
(空白登记表; ``forms``). ``full_ids=True`` prints ID numbers and phones in full (the GUI asks for
confirmation first); otherwise they are masked (5329**********1234, 138****5678).

The desk's session is checked here, not only in the dialog: full IDs need ``print_full`` (a
read-only account is refused with PermissionDenied before anything is read), and a report that
lists people is recorded in the audit log with who made it (``print`` / ``print_full``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from ...domain.i18n import QT_TRANSLATE_NOOP, msg
from ...domain.permissions import Perm
from ...storage import models as M
from . import blank, jobfair, ledger, roster, summary
from . import texts as T
from .common import Ctx
from .fonts import report_fonts
from .layout import (
    CTX,
    PROGRESS_TOTAL,
    CancelledFn,
    CellMaker,
    Job,
    ProgressFn,
    ReportCancelled,
    ReportError,
    ReportMeta,
    make_styles,
    write_pdf,
)
from .period import PeriodInvalid, ReportPeriod

__all__ = [
    "KINDS", "LEDGER_REGISTERS", "BLANK_FORMS", "PROGRESS_TOTAL", "ReportRequest", "ReportPeriod",
    "ReportError", "ReportCancelled", "PeriodInvalid", "generate_report", "check_request",
    "default_filename", "fairs_in", "campaigns", "make_context", "PERSONAL_KINDS",
]

KINDS = ("summary", "ledger", "roster", "jobfair", "blank")
# Ledger registers -> Chinese name (for a dialog's combo box).
LEDGER_REGISTERS = {key: T.REGISTER_NAMES[key] for key in ledger.LEDGERS}
BLANK_FORMS = {"visits": T.TITLE_BLANK_VISITS, "fair": T.TITLE_BLANK_FAIR}


@dataclass(frozen=True)
class ReportRequest:
    """What to make. ``period`` is required except for ``blank`` (and optional for ``jobfair``,
    where it only narrows the choice of event when ``event_id`` is not given)."""

    kind: str
    period: ReportPeriod | None = None
    register: str | None = None
    campaign: str | None = None
    event_id: str | None = None
    forms: tuple[str, ...] = ("visits", "fair")
    full_ids: bool = False


def campaigns(desk) -> dict[str, str]:
    """Campaign codes -> Chinese labels (for the roster's choice)."""
    return desk.code_labels("zh").get("campaign", {})


def fairs_in(desk, period: ReportPeriod | None = None) -> list[dict]:
    """Live job fairs (id, name, held_on, source), newest first, optionally within a period."""
    f = M.JobFair.__table__.c
    stmt = select(f.id, f.name, f.held_on, f.source).where(f.deleted_at.is_(None))
    if period is not None:
        stmt = stmt.where(*period.stats_period().on(f.held_on))
    with desk.db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt.order_by(f.held_on.desc(), f.name))]


def _fail(text: str, **params) -> ReportError:
    return ReportError(msg(CTX, text, **params))


def check_request(desk, request: ReportRequest) -> ReportRequest:
    """Validate a request against the database; returns it completed (campaign label -> code,
    event id prefix -> full id, the only fair of the period when none is given) or raises
    :class:`ReportError`."""
    if desk.identity is None:
        raise _fail(QT_TRANSLATE_NOOP(
            "Reports", "This data directory is not set up yet: run xiangyun-desk init first."))
    kind = request.kind
    if kind not in KINDS:
        raise _fail(QT_TRANSLATE_NOOP(
            "Reports", "Unknown report kind {kind}; choose one of {kinds}."),
                    kind=kind, kinds=", ".join(KINDS))
    if kind in ("summary", "ledger", "roster") and request.period is None:
        raise _fail(QT_TRANSLATE_NOOP("Reports", "This report needs a period (e.g. 2026-10)."))
    if kind == "ledger":
        if request.register not in ledger.LEDGERS:
            raise _fail(QT_TRANSLATE_NOOP(
                "Reports", "Choose the register of the ledger: {registers}."),
                registers=", ".join(ledger.LEDGERS))
    if kind == "roster":
        labels = campaigns(desk)
        code = request.campaign
        if code not in labels:
            by_label = {label: c for c, label in labels.items()}
            if code in by_label:
                return replace(request, campaign=by_label[code])
            raise _fail(QT_TRANSLATE_NOOP(
                "Reports", "Choose the campaign of the roster: {campaigns}."),
                campaigns=", ".join(f"{c} ({label})" for c, label in labels.items()))
    if kind == "jobfair":
        return replace(request, event_id=_resolve_fair(desk, request))
    if kind == "blank":
        bad = [f for f in request.forms if f not in BLANK_FORMS]
        if bad or not request.forms:
            raise _fail(QT_TRANSLATE_NOOP("Reports", "Unknown blank form {form}; choose {forms}."),
                        form=", ".join(bad), forms=", ".join(BLANK_FORMS))
    return request


_FAIR_DATE = re.compile(r"^(.*?)[\s@]*(\d{4}-\d{1,2}-\d{1,2})$")


def _fairs_by_name(desk, text: str) -> list[dict] | None:
    """Fairs named by their name and/or date ("春风行动 2026-02-20", "2026-02-20", "春风行动");
    None when ``text`` names no date and looks like an id."""
    name, day = text.strip(), None
    if m := _FAIR_DATE.match(name):
        try:
            y, mo, d = (int(x) for x in m.group(2).split("-"))
            day = dt.date(y, mo, d)
        except ValueError:
            return []
        name = m.group(1).strip()
    elif re.fullmatch(r"[0-9a-f-]{4,36}", name):
        return None
    fairs = [x for x in fairs_in(desk) if day is None or x["held_on"] == day]
    if name:
        exact = [x for x in fairs if x["name"] == name]
        fairs = exact or [x for x in fairs if name in x["name"]]
    return fairs


def _resolve_fair(desk, request: ReportRequest) -> str:
    def listing(fairs):
        return "; ".join(f"{x['id'][:8]} {x['held_on']} {x['name']}" for x in fairs[:20]) or "-"

    event = (request.event_id or "").strip()
    if not event:
        fairs = fairs_in(desk, request.period)
        if len(fairs) == 1:
            return fairs[0]["id"]
        raise _fail(QT_TRANSLATE_NOOP(
            "Reports", "Choose the job fair with --event (the start of its id, or its name and "
                       "date): {fairs}"),
            fairs=listing(fairs))
    named = _fairs_by_name(desk, event)
    if named is not None:
        if len(named) == 1:
            return named[0]["id"]
        if not named:
            raise _fail(QT_TRANSLATE_NOOP("Reports", "No job fair is called {event}."),
                        event=event[:60])
        raise _fail(QT_TRANSLATE_NOOP(
            "Reports", "Several job fairs match {event}; add the date or use the id: {fairs}"),
            event=event[:60], fairs=listing(named))
    event = event.lower()
    matches = [x for x in fairs_in(desk) if x["id"].startswith(event)]
    if len(matches) == 1:
        return matches[0]["id"]
    if not matches:
        raise _fail(QT_TRANSLATE_NOOP("Reports", "No job fair has the id {event}."), event=event)
    raise _fail(QT_TRANSLATE_NOOP(
        "Reports", "Several job fairs have ids starting with {event}: {fairs}"),
                event=event, fairs=listing(matches))


def _title(desk, request: ReportRequest) -> tuple[str, bool]:
    """The report title and whether its pages are landscape."""
    kind = request.kind
    if kind == "summary":
        return T.TITLE_SUMMARY, False
    if kind == "ledger":
        d = ledger.LEDGERS[request.register]
        return T.TITLE_LEDGER.format(register=T.REGISTER_NAMES[request.register]), d.landscape
    if kind == "roster":
        return f"{campaigns(desk).get(request.campaign, request.campaign)}{T.TITLE_ROSTER}", False
    if kind == "jobfair":
        return T.TITLE_JOBFAIR, True
    if len(request.forms) == 1:
        return BLANK_FORMS[request.forms[0]], True
    return T.TITLE_BLANK, True


def default_filename(desk, request: ReportRequest) -> str:
    """A file name a person can read: 云南驿镇职工之家_工作报表_2026-Q4.pdf."""
    title, _ = _title(desk, check_request(desk, request))
    station = desk.identity.name if desk.identity else ""
    parts = [station, title]
    if request.period is not None and request.kind != "blank":
        parts.append(request.period.code.replace("..", "至"))
    name = "_".join(p for p in parts if p)
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name) + ".pdf"


def make_context(desk, request: ReportRequest, job: Job | None = None,
                 now: dt.datetime | None = None) -> Ctx:
    """Fonts, styles, labels and page header of a (checked) request."""
    fonts = report_fonts()
    styles = make_styles(fonts)
    title, landscape = _title(desk, request)
    period = request.period
    dated = period is not None and request.kind != "blank"
    meta = ReportMeta(station=desk.identity.name, title=title,
                      period_label=period.label if dated else "",
                      period_range=period.range_label if dated else "",
                      generated_at=(now or dt.datetime.now()).replace(microsecond=0),
                      landscape=landscape)
    if request.kind == "jobfair":
        fair = jobfair.fair_info(desk, request.event_id)
        day = fair["held_on"]
        meta = replace(meta, period_label=f"{day.year}年{day.month}月{day.day}日",
                       period_range="")
    return Ctx(desk=desk, fonts=fonts, styles=styles, cells=CellMaker(fonts, styles),
               job=job or Job(), meta=meta, period=period, full=request.full_ids,
               labels=desk.code_labels("zh"))


def generate_report(desk, request: ReportRequest, out_path: str | Path,
                    progress: ProgressFn | None = None, cancelled: CancelledFn | None = None,
                    now: dt.datetime | None = None) -> Path:
    """Make the report and write it atomically to ``out_path``; returns the path.

    ``progress(done, total)`` is called as the work advances (total is :data:`PROGRESS_TOTAL`);
    ``cancelled()`` is polled between steps and a True stops the work with ReportCancelled.
    Raises ReportError for bad input or an unwritable path. Safe to call from a worker thread
    (it touches no GUI and opens its own database connections).
    """
    _require(desk, request)
    request = check_request(desk, request)
    job = Job(progress, cancelled)
    job.check()
    ctx = make_context(desk, request, job, now)
    if request.kind == "summary":
        story = summary.build(ctx)
    elif request.kind == "ledger":
        story = ledger.build(ctx, request.register)
    elif request.kind == "roster":
        story = roster.build(ctx, request.campaign)
    elif request.kind == "jobfair":
        story = jobfair.build(ctx, request.event_id)
    else:
        story = blank.build(ctx, tuple(request.forms))
    path = write_pdf(Path(out_path), ctx.meta, story, ctx.fonts, job)
    _record(desk, request, path)
    return path


# Reports that list people (names, and ID numbers and phones masked or in full).
PERSONAL_KINDS = ("ledger", "roster", "jobfair")


def _require(desk, request: ReportRequest) -> None:
    """Anyone signed in may make a report; full ID numbers and phones need ``print_full``
    (PermissionDenied before anything is read). A desk object without a session (a script's
    own) is not checked."""
    session = getattr(desk, "session", None)
    if session is None:
        return
    session.require(Perm.PRINT_FULL if request.full_ids else Perm.READ)


def _record(desk, request: ReportRequest, path: Path) -> None:
    """The audit entry of a report that lists people, with the name of who made it."""
    audit = getattr(desk, "audit", None)
    if audit is None or request.kind not in PERSONAL_KINDS:
        return
    detail = {"report": request.kind, "file": path.name}
    if request.period is not None:
        detail["period"] = request.period.code
    for key in ("register", "campaign", "event_id"):
        if getattr(request, key):
            detail[key] = getattr(request, key)
    audit.record("print_full" if request.full_ids else "print", None, None, detail)
