"""The search index on PostgreSQL: what search_index.py (SQLite FTS5) does, with a GIN index.

A search matches the typed text as a substring of ``search_key`` (``LIKE '%text%'``). PostgreSQL's
pg_trgm finds no trigram in a one- or two-character pattern and then reads the whole index, and
pinyin initials (``zs``) and single surnames (``张``) are exactly such searches. So the index is
a GIN index over an expression: the array of every substring of one, two and three characters of
the key (:data:`GRAMS_SQL`, an IMMUTABLE SQL function; no Python runs in the server).

- A search of one to three characters is the containment of that one gram (``@>``): exact.
- A longer search needs every trigram of the text in the row's array (the index narrows the
  candidates), and ``LIKE`` rechecks the order. The key is taken whole (fields not split), so the
  array is a superset of what any substring needs: the result is exactly that of ``LIKE``.
- The server keeps the index current at every write (no pending list, no commit hook).

Matching is the same as on SQLite (a property test checks it, tests/test_search_pg.py): keys and
searches are lower-cased in Python (domain.search), so LIKE's case rules do not differ.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal, type_coerce
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Text

FUNCTION = "xyd_search_grams"
GRAM = 3

GRAMS_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(key, i, n)), '{{}}')
  FROM generate_series(1, length(key)) AS i, generate_series(1, {GRAM}) AS n
  WHERE i + n - 1 <= length(key)
$$
"""


def index_name(table: str) -> str:
    return f"{table}_search"


def create_statements(table: str) -> list[str]:
    """The gram function (idempotent) and the GIN index of ``table``."""
    return [GRAMS_SQL,
            f"CREATE INDEX {index_name(table)} ON {table} USING gin ({FUNCTION}(search_key))"]


def drop_statements(table: str) -> list[str]:
    return [f"DROP INDEX IF EXISTS {index_name(table)}"]


def query_grams(normalized: str) -> list[str]:
    """The grams a key must hold to contain ``normalized`` (a normalised, non-empty search)."""
    if len(normalized) <= GRAM:
        return [normalized]
    return sorted({normalized[i:i + GRAM] for i in range(len(normalized) - GRAM + 1)})


def contains(search_key_column, normalized: str) -> ColumnElement:
    """The indexable condition: the row's grams contain those of the search."""
    grams = type_coerce(literal(query_grams(normalized), ARRAY(Text)), ARRAY(Text))
    return func.xyd_search_grams(search_key_column, type_=ARRAY(Text)).contains(grams)
