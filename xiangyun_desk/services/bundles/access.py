"""Who may do what with bundles and keys, and what goes into the audit log about it.

Every bundle service checks ``desk.session`` (domain/permissions.py) before it does anything and
writes its audit entry with ``desk.audit.record`` (services/audit.py), inside the transaction of
the change it records wherever there is one:

- ``export_bundle`` (station): export permission; ``export`` entry with the bundle number,
  kind, change range, record counts and file.
- ``BundleImporter.import_files`` / ``import_bundle`` (county): import permission, the dry run
  too (it decrypts the records); one ``import`` entry per file of a real import: status, reason,
  station, bundle number, change range, counts.
- ``publish_reference`` (county): export; ``export`` entry (reference number, counts, receipts).
- ``import_reference`` (station): import, the dry run too; ``import`` entry per real import.
- ``load_county_card`` (station): administrator; ``county_key`` entry (county, fingerprint, the
  fingerprint it replaced). At set-up (``Desk.initialize(..., county_card=)``) nobody can be
  signed in yet: that one is recorded as the trusted system, like ``xiangyun-desk init``.
- ``renew_station_key`` (station): administrator; ``renew_key`` (new and retired fingerprint).
- ``reenrol_station`` (county): administrator; ``reenrol_station`` (station, retired key).
- ``set_code_item`` (county): administrator; ``settings`` (list, code, labels, active).
- histories, the export preview, the county's figures, writing the key card: read.

An import's entry is written in the same transaction as the import itself and its history row,
so a bundle that was applied always has its entry. A bundle refused or rolled back leaves no
"applied" entry: the rollback takes the entry with it, and the refusal is then recorded on its own
(status ``rejected`` with the reason code), exactly like the import history keeps every attempt.
A dry run changes nothing and is not recorded. The command line acts as the trusted ``SYSTEM``
principal, so it may do all of this and is recorded as "(system)".

Details hold no personal data: numbers, codes, file names, fingerprints; the reason text of an
unexpected error (which might quote a record) is left out, its code is kept.
"""

from __future__ import annotations

from typing import Any

from ...domain.permissions import Perm, Principal
from . import format as F

__all__ = ["Perm", "counts_detail", "reason_detail", "require"]


def require(desk, perm: Perm) -> Principal:
    """The acting principal, or PermissionDenied (also when nobody is signed in)."""
    return desk.session.require(perm)


def counts_detail(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Totals per kind of change, and the non-zero counts per register."""
    totals = {k: sum(c.get(k, 0) for c in counts.values()) for k in F.COUNT_KEYS}
    per = {}
    for table, c in counts.items():
        shown = {k: v for k, v in c.items() if v}
        if shown:
            per[F.REGISTER_OF.get(table, table)] = shown
    return {**totals, "counts": per}


def reason_detail(reason_code: str, reason) -> dict[str, Any]:
    """The refusal as the audit entry keeps it (the text only for the program's own reasons)."""
    if not reason_code:
        return {}
    out: dict[str, Any] = {"reason_code": reason_code}
    if reason is not None and reason_code != "error":
        out["reason"] = reason.render()[:500]
    return out
