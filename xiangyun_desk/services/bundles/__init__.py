"""Sync bundles: stations export (signed, encrypted to the county), the county imports
(idempotent, order-tolerant, all-or-nothing per bundle), reference data flows back.

The file format is described in docs/bundle-format.md (manifest schema:
docs/bundle-manifest.schema.json).
"""

from __future__ import annotations

from .export import (
    ExportCancelled,
    ExportFailed,
    ExportPlan,
    ExportResult,
    export_bundle,
    export_history,
    preview_export,
)
from .format import BUNDLE_SUFFIX, REFERENCE_SUFFIX, BundleRejected
from .importer import (
    BundleImporter,
    ImportResult,
    import_bundle,
    import_history,
    missing_numbers,
    reenrol_station,
    result_from_history,
    station_received,
)
from .keys import (
    KeyCard,
    KeyProblem,
    KeyStore,
    county_card,
    ensure_keys,
    load_county_card,
    renew_station_key,
    save_county_card,
    station_county_card,
    station_key_fingerprint,
)
from .reference import (
    PublishResult,
    ReferenceResult,
    import_reference,
    publish_reference,
    reference_history,
    set_code_item,
)

__all__ = [
    "BUNDLE_SUFFIX", "REFERENCE_SUFFIX", "BundleImporter", "BundleRejected", "ExportCancelled",
    "ExportFailed", "ExportPlan", "ExportResult", "ImportResult", "KeyCard", "KeyProblem",
    "KeyStore", "PublishResult", "ReferenceResult", "county_card", "ensure_keys",
    "export_bundle", "export_history", "import_bundle", "import_history", "import_reference",
    "load_county_card", "missing_numbers", "preview_export", "publish_reference",
    "reenrol_station", "reference_history", "renew_station_key", "result_from_history",
    "save_county_card",
    "set_code_item", "station_county_card", "station_key_fingerprint", "station_received",
]
