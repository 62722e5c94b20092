"""Plain-language import reports (the CLI prints them; the window shows the same lines)."""

from __future__ import annotations

from ...domain.i18n import QT_TRANSLATE_NOOP, Message, msg
from .format import COUNT_KEYS
from .importer import ImportResult, gap_message

CTX = "Bundles"

TABLE_LABELS = {
    "visit": QT_TRANSLATE_NOOP("Bundles", "Visitor log"),
    "relief_visit": QT_TRANSLATE_NOOP("Bundles", "Relief visits"),
    "job_fair": QT_TRANSLATE_NOOP("Bundles", "Job fairs"),
    "fair_employer": QT_TRANSLATE_NOOP("Bundles", "Fair employers"),
    "job_seeker": QT_TRANSLATE_NOOP("Bundles", "Job seekers"),
    "intention": QT_TRANSLATE_NOOP("Bundles", "Intentions"),
    "volunteer": QT_TRANSLATE_NOOP("Bundles", "Volunteers"),
    "service_record": QT_TRANSLATE_NOOP("Bundles", "Service records"),
    "staff": QT_TRANSLATE_NOOP("Bundles", "Staff"),
    "code_item": QT_TRANSLATE_NOOP("Bundles", "Code lists"),
}
# Columns without a label in services/people.py (the person lookup's field labels).
FIELD_NAMES = {
    "change_seq": QT_TRANSLATE_NOOP("Bundles", "change number"),
    "created_at": QT_TRANSLATE_NOOP("Bundles", "created"),
    "updated_at": QT_TRANSLATE_NOOP("Bundles", "changed"),
    "phone_norm": QT_TRANSLATE_NOOP("Bundles", "phone (normalised)"),
    "source": QT_TRANSLATE_NOOP("Bundles", "source"),
    "held_on": QT_TRANSLATE_NOOP("Bundles", "date of the fair"),
    "place": QT_TRANSLATE_NOOP("Bundles", "place"),
    "organiser": QT_TRANSLATE_NOOP("Bundles", "organiser"),
    "credit_code": QT_TRANSLATE_NOOP("Bundles", "unified social credit code"),
    "contact": QT_TRANSLATE_NOOP("Bundles", "contact"),
    "positions": QT_TRANSLATE_NOOP("Bundles", "positions"),
    "job_titles": QT_TRANSLATE_NOOP("Bundles", "job titles"),
    "pay_range": QT_TRANSLATE_NOOP("Bundles", "pay range"),
    "seeker_id": QT_TRANSLATE_NOOP("Bundles", "job seeker"),
    "employer_id": QT_TRANSLATE_NOOP("Bundles", "employer"),
    "agreed_on": QT_TRANSLATE_NOOP("Bundles", "date of the intention"),
    "volunteer_id": QT_TRANSLATE_NOOP("Bundles", "volunteer"),
    "served_on": QT_TRANSLATE_NOOP("Bundles", "date of service"),
    "activity": QT_TRANSLATE_NOOP("Bundles", "activity"),
    "half_hours": QT_TRANSLATE_NOOP("Bundles", "hours"),
}
STATUS_LABELS = {
    "applied": QT_TRANSLATE_NOOP("Bundles", "applied"),
    "duplicate": QT_TRANSLATE_NOOP("Bundles", "already imported (duplicate)"),
    "stale": QT_TRANSLATE_NOOP("Bundles", "older than what the county has (stale)"),
    "held": QT_TRANSLATE_NOOP("Bundles", "awaiting confirmation of the station's key"),
    "rejected": QT_TRANSLATE_NOOP("Bundles", "refused"),
    "undone": QT_TRANSLATE_NOOP("Bundles", "undone"),
}
DRY_STATUS_LABELS = {
    "applied": QT_TRANSLATE_NOOP("Bundles", "would be applied"),
    "duplicate": QT_TRANSLATE_NOOP("Bundles", "already imported (duplicate)"),
    "stale": QT_TRANSLATE_NOOP("Bundles", "older than what the county has (stale)"),
    "held": QT_TRANSLATE_NOOP("Bundles", "awaiting confirmation of the station's key"),
    "rejected": QT_TRANSLATE_NOOP("Bundles", "refused"),
}
KIND_LABELS = {"incremental": QT_TRANSLATE_NOOP("Bundles", "incremental"),
               "full": QT_TRANSLATE_NOOP("Bundles", "full")}
COUNT_LABELS = {"new": QT_TRANSLATE_NOOP("Bundles", "new"),
                "updated": QT_TRANSLATE_NOOP("Bundles", "updated"),
                "deleted": QT_TRANSLATE_NOOP("Bundles", "deleted"),
                "unchanged": QT_TRANSLATE_NOOP("Bundles", "unchanged"),
                "rejected": QT_TRANSLATE_NOOP("Bundles", "rejected")}


def _t(translate, text: str) -> str:
    return translate(CTX, text) if translate else text


def render(message: Message | None, translate=None) -> str:
    return message.render(translate) if message else ""


def table_label(table: str, translate=None) -> str:
    return _t(translate, TABLE_LABELS.get(table, table))


def field_label(column: str, translate=None) -> str:
    """A column's label as the forms show it (the column name when it has none)."""
    from ..people import FIELD_LABELS

    if not column:
        return ""
    if column in FIELD_LABELS:
        label = FIELD_LABELS[column]
        return translate("People", label) if translate else label
    return _t(translate, FIELD_NAMES[column]) if column in FIELD_NAMES else column


def counts_line(counts: dict[str, int], translate=None) -> str:
    sep = "，" if translate else ", "
    return sep.join(f"{_t(translate, COUNT_LABELS[k])} {counts.get(k, 0)}" for k in COUNT_KEYS)


def headline(result: ImportResult, translate=None) -> str:
    labels = DRY_STATUS_LABELS if result.dry_run else STATUS_LABELS
    status = _t(translate, labels.get(result.status, result.status))
    if result.station_code is None:
        return msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{file}: {status}"), file=result.file,
                   status=status).render(translate)
    if result.relay:
        return msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{file}: {name} ({code}), relay bundle No. {seq} ({kind}): {status}"),
                   file=result.file, name=result.station_name or "", code=result.station_code,
                   seq=result.bundle_seq, kind=_t(translate, KIND_LABELS.get(result.kind or "", result.kind or "")),
                   status=status).render(translate)
    return msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{file}: {name} ({code}), bundle No. {seq} ({kind}): {status}"),
               file=result.file, name=result.station_name or "", code=result.station_code,
               seq=result.bundle_seq, kind=_t(translate, KIND_LABELS.get(result.kind or "", result.kind or "")),
               status=status).render(translate)


def report_lines(result: ImportResult, translate=None) -> list[str]:
    """The report of one bundle, one line each: headline, reason, per register, refusals, gaps."""
    lines = [headline(result, translate)]
    if result.reason:
        lines.append("  " + render(result.reason, translate))
    for table, counts in result.counts.items():
        if any(counts.values()):
            lines.append(f"  {table_label(table, translate)}: {counts_line(counts, translate)}")
    for warning in result.warnings:
        lines.append("  " + render(warning, translate))
    for item in result.rejected_records:
        field = field_label(item.get("field", ""), translate)
        lines.append(f"  × {table_label(item['table'], translate)} {item['id']}: "
                     + (f"{field}: " if field else "") + render(item["reason"], translate))
    if result.relay:  # per station bundle it carried; its gaps are among the warnings
        for item in result.relayed:
            status = _t(translate, STATUS_LABELS.get(item.get("status", ""), item.get("status", "")))
            changed = {k: sum(c.get(k, 0) for c in item.get("counts", {}).values())
                       for k in COUNT_KEYS}
            lines.append("  · " + msg(CTX, QT_TRANSLATE_NOOP("Bundles", "{code} {name}, bundle No. {seq}: {status}"),
                                      code=item.get("station", ""), name=item.get("name", ""),
                                      seq=item.get("bundle_seq", ""), status=status).render(translate)
                         + ("" if not any(changed.values())
                            else " — " + counts_line(changed, translate)))
        return lines
    if result.missing and result.station_code:
        lines.append("  " + gap_message(result.station_code, result.missing).render(translate))
    return lines
