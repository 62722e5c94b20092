"""Relay commands, the tiers above the station (docs/federation.md):

county or prefecture: ``load-upper-key FILE`` (the next tier's key card), ``export-relay --out DIR
[--full]``; prefecture or province: ``tier-add CODE NAME --fingerprint FP`` (enrol the tier below
by its key card's fingerprint), ``confirm-tier-key CODE --fingerprint FP``, ``import-relay
FILE|DIR... [--dry-run] [--json] [--confirm CODE=FINGERPRINT]``, ``tiers``. Every tier writes its
key card with ``county-key --out FILE``.
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

CTX = "Cli"
FORWARDERS = ("county", "prefecture")
UPPER = ("prefecture", "province")


def _with_desk(args, roles: tuple[str, ...], body) -> int:
    desk = open_desk(args)
    try:
        if problem := require_setup(desk):
            return fail(problem)
        if desk.identity.role not in roles:
            text = QT_TRANSLATE_NOOP("Cli", "This command is for a county or prefecture installation.") \
                if roles == FORWARDERS else QT_TRANSLATE_NOOP("Cli", "This command is for a prefecture or province installation.")
            return fail(msg(CTX, text))
        return body(desk)
    except DomainError as exc:
        return fail(exc.message)
    finally:
        desk.close()


def cmd_load_upper_key(args) -> int:
    from ..services.bundles.relay import load_upper_card

    def body(desk):
        try:
            data = Path(args.file).read_bytes()
        except OSError:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Cannot read {path}."), path=args.file))
        card = load_upper_card(desk, data)
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Loaded the key card of the next tier, {name} ({code}). Fingerprint: {fp} — compare it with them by phone."),
                name=card.county_name, code=card.county_code, fp=card.fingerprint))
        return 0

    return _with_desk(args, FORWARDERS, body)


def cmd_export_relay(args) -> int:
    from ..services.bundles.relay_export import export_relay

    def body(desk):
        result = export_relay(desk, Path(args.out), full=args.full)
        if args.json:
            print(json.dumps({"path": str(result.path), "seq": result.seq, "kind": result.kind,
                              "range": [result.from_seq, result.to_seq],
                              "counts": result.counts, "size": result.size,
                              "sha256": result.sha256}, ensure_ascii=False, indent=2))
        else:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "Wrote relay bundle No. {seq}: {items} station bundle(s), {records} record(s)."),
                    seq=result.seq, items=result.counts["items"],
                    records=result.counts["records"]))
            print(result.path)
        return 0

    return _with_desk(args, FORWARDERS, body)


def cmd_import_relay(args) -> int:
    from ..services.bundles.relay_import import RelayImporter
    from ..services.bundles.report import report_lines

    def body(desk):
        from ..services.bundles.format import RELAY_SUFFIX

        files = bundle_files(args.files, RELAY_SUFFIX)
        if not files:
            return fail(msg(CTX, QT_TRANSLATE_NOOP("Cli", "No relay bundle files (*.xyf) were given or found.")), EXIT_USAGE)
        confirm = parse_confirm(args.confirm)
        if confirm is None:
            return EXIT_USAGE
        results = RelayImporter(desk).import_files(files, dry_run=args.dry_run,
                                                   confirm=confirm, note=args.note or "")
        translate = translator()
        if args.json:
            print(json.dumps([r.to_json(translate) for r in results], ensure_ascii=False,
                             indent=2))
        else:
            for r in results:
                for line in report_lines(r, translate):
                    print(line)
                if r.held:
                    say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "  Not applied. After checking the key card's fingerprint with {code} by phone: xiangyun-desk import-relay \"{file}\" --confirm \"{code}={fp}\""),
                            file=r.file, code=r.station_code, fp=r.fingerprint))
        return EXIT_FAILED if any(r.status in ("rejected", "held") for r in results) else 0

    return _with_desk(args, UPPER, body)


def cmd_tier_add(args) -> int:
    from ..services.stations import StationRegistry

    def body(desk):
        tier = StationRegistry(desk).add_tier(args.code, args.name, args.fingerprint,
                                              args.note or "")
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "{name} ({code}) enrolled."), code=tier.code, name=tier.name))
        if tier.fingerprint:
            say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "{code}: key card fingerprint {fp} confirmed. Relay bundles signed with it are applied; any other key is held for confirmation."), code=tier.code, fp=tier.fingerprint))
        return 0

    return _with_desk(args, UPPER, body)


def cmd_confirm_tier_key(args) -> int:
    from ..services.stations import StationRegistry

    def body(desk):
        tier = StationRegistry(desk).confirm_key(args.code, args.fingerprint, args.note or "")
        say(msg(CTX, QT_TRANSLATE_NOOP("Cli", "{code}: key card fingerprint {fp} confirmed. Relay bundles signed with it are applied; any other key is held for confirmation."), code=tier.code, fp=tier.fingerprint))
        return 0

    return _with_desk(args, UPPER, body)


def cmd_tiers(args) -> int:
    from ..services.bundles.relay import within
    from ..services.stations import StationRegistry

    def body(desk):
        registry = StationRegistry(desk)
        tiers, stations = registry.tiers(), registry.stations()
        if args.json:
            print(json.dumps({"tiers": [t.to_json() for t in tiers],
                              "stations": [s.to_json() for s in stations]},
                             ensure_ascii=False, indent=2))
            return 0
        translate = translator()
        for t in tiers:
            state = t.state_label().render(translate)
            print(f"{t.code:<8} {t.name:<16} {t.fingerprint or '-'} [{state}]")
            for s in stations:  # the stations it may speak for
                if within(t.tier, t.code, s.county_code):
                    print(f"    {s.qualified_code:<12} {s.name:<16} {s.fingerprint or '-'}")
        return 0

    return _with_desk(args, UPPER, body)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("load-upper-key", help="county or prefecture: load the next tier's key card")
    p.add_argument("file")
    p.set_defaults(func=cmd_load_upper_key, needs=Perm.ADMIN)

    p = sub.add_parser("export-relay", help="county or prefecture: write a relay bundle for the "
                                            "next tier (the station bundles applied here)")
    p.add_argument("--out", required=True, help="folder, e.g. the USB stick")
    p.add_argument("--full", action="store_true", help="every station bundle kept, not only "
                                                       "those since the last relay bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export_relay, needs=Perm.EXPORT)

    p = sub.add_parser("import-relay", help="prefecture or province: import relay bundles")
    p.add_argument("files", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    p.add_argument("--json", action="store_true")
    p.add_argument("--confirm", action="append", metavar="CODE=FINGERPRINT",
                   help="administrator: the key card fingerprint of the tier below, checked by "
                        "phone; its relay bundles held for that key are applied")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_import_relay,
                   needs=lambda a: Perm.ADMIN if a.confirm else Perm.IMPORT)

    p = sub.add_parser("tier-add", help="prefecture or province: enrol the tier below (a county, "
                                        "a prefecture) by its key card's fingerprint")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--fingerprint", default=None,
                   help="the fingerprint of its key card (county-key), read out by phone")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_tier_add, needs=Perm.ADMIN)

    p = sub.add_parser("confirm-tier-key", help="prefecture or province: confirm the key card "
                                                "fingerprint of the tier below")
    p.add_argument("code")
    p.add_argument("--fingerprint", required=True)
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_confirm_tier_key, needs=Perm.ADMIN)

    p = sub.add_parser("tiers", help="prefecture or province: the tiers below and their stations")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tiers)
