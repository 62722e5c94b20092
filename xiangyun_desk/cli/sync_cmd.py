"""Sync-bundle commands:

station: ``load-county-key FILE``, ``export-bundle --out DIR [--full]``, ``export-history``,
``import-reference FILE``, ``renew-station-key``, ``station-key`` (the fingerprint to read out);
county: ``county-key --out FILE``, ``import-bundle FILE|DIR... [--dry-run] [--json]
[--confirm CODE=FINGERPRINT]``, ``import-history``, ``undo-import``, ``stations``, ``station-add CODE NAME``,
``station-edit CODE``, ``confirm-station-key CODE --fingerprint FP`` (alias ``reenrol-station``),
``publish-reference --out DIR``, ``code-item LIST CODE --zh 中文 [--en English] [--inactive]``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.permissions import Perm
from ._common import (EXIT_FAILED, EXIT_USAGE, bundle_files, fail, open_desk, parse_confirm,
                      require_setup, say, translator)

CTX = "Cli"  # the translation context of the command line's messages


def _translate():
    return translator()


def _with_desk(args, role: str | None, body) -> int:
    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        tiers = ("county", "prefecture", "province")
        if role == "tier" and desk.identity.role in tiers:  # any tier above the station
            return body(desk)
        if role and desk.identity.role != role:
            text = QT_TRANSLATE_NOOP("Cli", "This command is for the county installation.") \
                if role in ("county", "tier") else QT_TRANSLATE_NOOP("Cli", "This command is for a station installation.")
            return fail(msg(CTX, text))
        return body(desk)
    except DomainError as exc:
        return fail(exc.message)
    finally:
        desk.close()


def cmd_county_key(args) -> int:
    from ..services.bundles import save_county_card

    def body(desk):
        out = Path(args.out)
        card = save_county_card(desk, out)
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Wrote the key card of {name} to {path}. Fingerprint: {fp}"),
                name=card.county_name, path=str(out), fp=card.fingerprint))
        return 0

    return _with_desk(args, "tier", body)


def cmd_load_county_key(args) -> int:
    from ..services.bundles import load_county_card

    def body(desk):
        try:
            data = Path(args.file).read_bytes()
        except OSError:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=args.file))
        card = load_county_card(desk, data)
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Loaded the key card of {name} ({code}). Fingerprint: {fp} — compare it with the county by phone."),
                name=card.county_name, code=card.county_code, fp=card.fingerprint))
        return 0

    return _with_desk(args, "station", body)


def cmd_export_bundle(args) -> int:
    from ..services.bundles import export_bundle

    def body(desk):
        result = export_bundle(desk, Path(args.out), full=args.full)
        if args.json:
            print(json.dumps({"path": str(result.path), "seq": result.seq, "kind": result.kind,
                              "change_seq": [result.from_seq, result.to_seq],
                              "counts": result.counts, "size": result.size,
                              "sha256": result.sha256}, ensure_ascii=False, indent=2))
        else:
            print(result.path)
        return 0

    return _with_desk(args, "station", body)


def cmd_export_history(args) -> int:
    from ..services.bundles import export_history

    def body(desk):
        rows = export_history(desk)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        else:
            from ..services.bundles.report import KIND_LABELS

            translate = _translate()
            for r in rows:
                confirmed = r["confirmed_at"].strftime("%Y-%m-%d") if r["confirmed_at"] else "-"
                kind = KIND_LABELS.get(r["kind"], r["kind"])
                say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "No. {seq}  {created}  {kind}  {records} records  county receipt {confirmed}  {file}"),
                        seq=r["seq"], created=f"{r['created_at']:%Y-%m-%d %H:%M}",
                        kind=translate("Bundles", kind) if translate else kind,
                        records=r["records"], confirmed=confirmed, file=r["file_name"]))
        return 0

    return _with_desk(args, "station", body)


def cmd_import_bundle(args) -> int:
    from ..services.bundles import BundleImporter
    from ..services.bundles.report import report_lines

    def body(desk):
        from ..services.bundles import BUNDLE_SUFFIX

        files = bundle_files(args.files, BUNDLE_SUFFIX)
        if not files:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "No bundle files (*.xyb) were given or found.")), EXIT_USAGE)
        confirm = parse_confirm(args.confirm)
        if confirm is None:
            return EXIT_USAGE
        results = BundleImporter(desk).import_files(files, dry_run=args.dry_run,
                                                    confirm=confirm, note=args.note or "")
        translate = _translate()
        if args.json:
            print(json.dumps([r.to_json(translate) for r in results], ensure_ascii=False,
                             indent=2))
        else:
            for r in results:
                for line in report_lines(r, translate):
                    print(line)
                if r.held:
                    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "  Not applied. After checking the fingerprint with the station by phone: xiangyun-desk import-bundle \"{file}\" --confirm \"{code}={fp}\""),
                            file=r.file, code=r.station_code, fp=r.fingerprint))
        return EXIT_FAILED if any(r.status in ("rejected", "held") for r in results) else 0

    return _with_desk(args, "county", body)


def cmd_import_history(args) -> int:
    from ..services.bundles import import_history, result_from_history
    from ..services.bundles.report import report_lines

    def body(desk):
        rows = import_history(desk, args.limit)
        if args.json:
            print(json.dumps([{**{k: v for k, v in r.items() if k != "report"},
                               "report": json.loads(r["report"])} for r in rows],
                             ensure_ascii=False, indent=2, default=str))
        else:
            translate = _translate()
            for r in rows:
                print(f"[{r['imported_at']:%Y-%m-%d %H:%M}]")
                for line in report_lines(result_from_history(r["report"]), translate):
                    print(line)
        return 0

    return _with_desk(args, "tier", body)


def cmd_undo_import(args) -> int:
    from ..services.bundles.undo import undo_import, undoable

    def body(desk):
        newest = undoable(desk)
        if newest is None:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "There is no import to undo.")))
        counts = undo_import(desk, newest)
        say(msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "The newest import was undone: {removed} record(s) it added were removed, "
                   "{restored} it changed were put back."),
            removed=sum(c["removed"] for c in counts.values()),
            restored=sum(c["restored"] for c in counts.values())))
        return 0

    return _with_desk(args, "county", body)


def cmd_stations(args) -> int:
    from ..services.county import CountyService
    from ..services.stations import HELD_LABEL, KEY_STATE_LABELS

    def body(desk):
        rows = CountyService(desk).stations()
        if args.json:
            print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        else:
            translate = _translate()
            for r in rows:
                last = msg(CTX, QT_TRANSLATE_NOOP("Cli", "No. {seq} ({date})"), seq=r.last_seq,
                           date=f"{r.last_created:%Y-%m-%d}").render(translate) \
                    if r.last_created else "-"
                missing = ("、" if translate else ",").join(map(str, r.missing)) or "-"
                state = HELD_LABEL if r.offered_fingerprint else \
                    KEY_STATE_LABELS.get(r.key_state or "", "-")
                state = translate("Stations", state) if translate and state != "-" else state
                say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "{code}  {name}  last bundle {last}  missing {missing}  {late} days late  key {fp} [{state}]  {records} records"),
                        code=r.code, name=r.name, last=last, missing=missing, late=r.days_late,
                        fp=r.fingerprint or "-", state=state, records=r.total_records))
                if r.offered_fingerprint:
                    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "       a bundle brought key {fp}: check it with the station, then confirm-station-key {code} --fingerprint \"{fp}\""),
                            fp=r.offered_fingerprint, code=r.code))
        return 0

    return _with_desk(args, "tier", body)


def _yes_no(text: str | None) -> bool | None:
    if text is None:
        return None
    return text.strip().lower() in {"1", "yes", "y", "true", "是"}


def cmd_station_add(args) -> int:
    from ..services.stations import StationRegistry

    def body(desk):
        station = StationRegistry(desk).add(args.code, args.name, args.township or "",
                                            not args.no_monthly, args.fingerprint, args.note or "")
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Station {code} {name} added."), code=station.code, name=station.name))
        if station.fingerprint:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Station {code}: key fingerprint {fp} confirmed. Bundles signed with it are applied; any other key is held for confirmation."), code=station.code, fp=station.fingerprint))
        return 0

    return _with_desk(args, "county", body)


def cmd_station_edit(args) -> int:
    from ..services.stations import StationRegistry

    def body(desk):
        station = StationRegistry(desk).update(args.code, name=args.name, township=args.township,
                                               monthly_expected=_yes_no(args.monthly))
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Station {code} {name} saved."), code=station.code, name=station.name))
        return 0

    return _with_desk(args, "county", body)


def cmd_station_key(args) -> int:
    from ..services.bundles import station_key_fingerprint

    def body(desk):
        fp = station_key_fingerprint(desk)
        if args.json:
            print(json.dumps({"station_code": desk.identity.code, "station_name": desk.identity.name,
                              "fingerprint": fp}, ensure_ascii=False))
            return 0
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Key fingerprint of {name} ({code}):"), name=desk.identity.name, code=desk.identity.code))
        print(f"    {fp}")
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Read it out to the county office by phone: the county confirms it before it applies this station's bundles.")))
        return 0

    return _with_desk(args, "station", body)


def cmd_reenrol(args) -> int:
    from ..services.stations import StationRegistry

    def body(desk):
        registry = StationRegistry(desk)
        if registry.station(args.code) is None:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "No station {code} is known to this county."), code=args.code))
        station = registry.confirm_key(args.code, args.fingerprint, args.note or "")
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Station {code}: key fingerprint {fp} confirmed. Bundles signed with it are applied; any other key is held for confirmation."), code=station.code, fp=station.fingerprint))
        return 0

    return _with_desk(args, "county", body)


def cmd_publish_reference(args) -> int:
    from ..services.bundles import publish_reference

    def body(desk):
        result = publish_reference(desk, Path(args.out))
        print(result.path)
        return 0

    return _with_desk(args, "county", body)


def cmd_import_reference(args) -> int:
    from ..services.bundles import import_reference
    from ..services.bundles.report import STATUS_LABELS, counts_line, render, table_label

    def body(desk):
        translate = _translate()
        results = [import_reference(desk, Path(f), dry_run=args.dry_run) for f in args.files]
        if args.json:
            print(json.dumps([r.to_json(translate) for r in results], ensure_ascii=False, indent=2))
        else:
            for r in results:
                status = translate("Bundles", STATUS_LABELS[r.status]) if translate \
                    else STATUS_LABELS[r.status]
                print(f"{r.file}: {status}")
                if r.reason:
                    print("  " + render(r.reason, translate))
                for table, counts in r.counts.items():
                    print(f"  {table_label(table, translate)}: {counts_line(counts, translate)}")
                if r.confirmed:
                    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "  The county confirmed bundle(s) {numbers}."),
                            numbers=", ".join(map(str, r.confirmed))))
        return EXIT_FAILED if any(r.status == "rejected" for r in results) else 0

    return _with_desk(args, "station", body)


def cmd_code_item(args) -> int:
    from ..services.bundles import set_code_item

    def body(desk):
        set_code_item(desk, args.list, args.code, args.zh, args.en or "", not args.inactive,
                      args.sort)
        return 0

    return _with_desk(args, "county", body)


def cmd_renew_key(args) -> int:
    from ..services.bundles import renew_station_key
    from ..services.bundles.keys import fingerprint, public_key_b64

    def body(desk):
        key = renew_station_key(desk)
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "New signing key, fingerprint {fp}. Read it out to the county office by phone: until the county confirms it (confirm-station-key {code}), this station's bundles wait there for confirmation."),
                fp=fingerprint(public_key_b64(key)), code=desk.identity.code))
        return 0

    return _with_desk(args, "station", body)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("county-key", help="county: write the public key card for the stations")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_county_key)

    p = sub.add_parser("load-county-key", help="station: load the county's key card")
    p.add_argument("file")
    p.set_defaults(func=cmd_load_county_key, needs=Perm.ADMIN)

    p = sub.add_parser("export-bundle", help="station: write a sync bundle for the county")
    p.add_argument("--out", required=True, help="folder, e.g. the USB stick")
    p.add_argument("--full", action="store_true", help="every record, not only the changes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export_bundle, needs=Perm.EXPORT)

    p = sub.add_parser("export-history", help="station: bundles written so far")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export_history)

    p = sub.add_parser("import-bundle", help="county: import station bundles (files or folders)")
    p.add_argument("files", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    p.add_argument("--json", action="store_true")
    p.add_argument("--confirm", action="append", metavar="CODE=FINGERPRINT",
                   help="administrator: the key fingerprint of station CODE, checked with the "
                        "station by phone; its bundles held for that key are applied")
    p.add_argument("--note", default="", help="who confirmed the fingerprint, how (kept with "
                                              "the station, not in the audit log)")
    p.set_defaults(func=cmd_import_bundle,
                   needs=lambda a: Perm.ADMIN if a.confirm else Perm.IMPORT)

    p = sub.add_parser("import-history", help="county: every import with its report")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_history)

    p = sub.add_parser("undo-import", help="county: undo the newest applied import (what it "
                                           "added is removed, what it changed put back)")
    p.set_defaults(func=cmd_undo_import, needs=Perm.IMPORT)

    p = sub.add_parser("stations", help="county: every station, last bundle, gaps, lateness")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stations)

    for name in ("confirm-station-key", "reenrol-station"):
        p = sub.add_parser(name, help="county: confirm a station's (new) signing key by the "
                           "fingerprint the station reads out over the phone")
        p.add_argument("code")
        p.add_argument("--fingerprint", required=True,
                       help="the station's key fingerprint, 20 digits (spaces allowed)")
        p.add_argument("--note", default="")
        p.set_defaults(func=cmd_reenrol, needs=Perm.ADMIN)

    p = sub.add_parser("station-add", help="county: add a station to the list of stations")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--township", default="")
    p.add_argument("--no-monthly", action="store_true",
                   help="no monthly bundle is expected from this station")
    p.add_argument("--fingerprint", default=None,
                   help="the station's key fingerprint, read out by the station (station-key)")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_station_add, needs=Perm.ADMIN)

    p = sub.add_parser("station-edit", help="county: change a station in the list of stations")
    p.add_argument("code")
    p.add_argument("--name", default=None)
    p.add_argument("--township", default=None)
    p.add_argument("--monthly", choices=("yes", "no"), default=None,
                   help="whether a monthly bundle is expected")
    p.set_defaults(func=cmd_station_edit, needs=Perm.ADMIN)

    p = sub.add_parser("station-key", help="station: show this station's key fingerprint (to "
                                           "read out to the county by phone)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_station_key)

    p = sub.add_parser("publish-reference", help="county: write a reference bundle for stations")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_publish_reference, needs=Perm.EXPORT)

    p = sub.add_parser("import-reference", help="station: apply the county's reference bundle")
    p.add_argument("files", nargs="+")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_reference, needs=Perm.IMPORT)

    p = sub.add_parser("code-item", help="county: add or change a code-list entry")
    p.add_argument("list")
    p.add_argument("code")
    p.add_argument("--zh", required=True)
    p.add_argument("--en", default="")
    p.add_argument("--sort", type=int, default=None)
    p.add_argument("--inactive", action="store_true")
    p.set_defaults(func=cmd_code_item, needs=Perm.ADMIN)

    p = sub.add_parser("renew-station-key", help="station: replace a lost signing key")
    p.set_defaults(func=cmd_renew_key, needs=Perm.ADMIN)
