"""Writing many rows at once, the fastest way each dialect offers (a county or province import).

- SQLite: one ``executemany`` of the INSERT per batch (one prepared statement, no round trips).
- PostgreSQL: ``COPY ... FROM STDIN`` through psycopg, inside the caller's transaction (and
  savepoint): one statement for the whole batch instead of one per row. The summary triggers
  (storage/summary.py) are statement triggers there, so they run once per COPY.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert


def insert_rows(session, table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with every column of ``table``) in ``session``'s transaction."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(table), list(rows))
        return
    columns = [c.key for c in table.c]
    raw = connection.connection.driver_connection  # psycopg, same transaction
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(c) for c in columns])
