"""Spreadsheets in and out of every register (Excel/WPS .xlsx, CSV in UTF-8 or GBK).

* :func:`export_view` – the current view of a register to .xlsx (masked IDs and phones unless
  asked otherwise); :func:`write_template` – a blank import sheet with drop-down lists.
* :class:`SheetImporter` – read a file safely (:mod:`.reader`), match headings, preview every row
  (ready / refused with the reason / duplicate), then :meth:`SheetImporter.commit` the ready rows
  in one transaction; :func:`save_report` writes the report as JSON or CSV.
"""

from .exporter import ExportResult, default_filename, export_view, write_template
from .importer import (
    DUPLICATE,
    MERGED,
    POSSIBLE,
    READY,
    REFUSED,
    CellProblem,
    ColumnMatch,
    ImportPreview,
    RowResult,
    SheetCancelled,
    SheetImporter,
    import_error,
    missing_message,
    report_dict,
    resolve_fair,
    save_report,
    status_text,
)
from .layout import FAIR_CHILDREN, REGISTERS, SHEETS, SheetColumn, SheetDef
from .reader import SheetError, Table, read_bytes, read_table

__all__ = [
    "DUPLICATE", "FAIR_CHILDREN", "MERGED", "POSSIBLE", "READY", "REFUSED", "REGISTERS", "SHEETS",
    "CellProblem", "ColumnMatch", "ExportResult", "ImportPreview", "RowResult", "SheetCancelled",
    "SheetColumn", "SheetDef", "SheetError", "SheetImporter", "Table", "default_filename",
    "export_view", "import_error", "missing_message", "read_bytes", "read_table", "report_dict",
    "resolve_fair", "save_report", "status_text", "write_template",
]
