"""The full-text index behind the registers' search boxes (SQLite FTS5).

A register's search matches the typed text as a substring of the record's ``search_key`` (name,
pinyin initials, phone, ID tail, employer, ...; see domain.search). ``LIKE '%text%'`` does that by
reading every row — over a second at a million rows. The index answers the same question from a
posting list:

- Each field of the key (split where a typed search can never match across: whitespace, the
  field separator and "-", which the search box strips) becomes one token per character
  position: the three characters starting there, padded at the end of the field with U+3000
  (whitespace, so never part of a typed search). ``张伟`` gives ``张伟␣ 伟␣␣``.
- A search of three or more characters is the phrase of its consecutive trigrams; one or two
  characters are a prefix query (``"zs" *``) — every 1- or 2-character substring is the start
  of some padded trigram. Pinyin initials (``zs``) and single surnames (``张``) are such short
  searches, which is why the FTS5 ``trigram`` tokenizer (no matches under three characters) is
  not used. Matches are exactly those of ``search_key LIKE '%text%'``.
- Tokens are built in Python (:func:`search_grams`, registered on every connection the program
  opens as the SQL function ``xyd_search_grams``; storage.db). Triggers only note which rows
  changed, with the key the index holds for them, in ``search_pending`` (plain SQL: any writer,
  even a bare ``sqlite3`` connection, can write the registers). The index is brought up to date
  from that list in a few set-based statements (:func:`flush`) just before every commit made
  through the program's engine, so a committed change is searchable at once; a search first
  flushes what other writers left. (The first version, migration 0002, had the triggers write the
  index row by row: FTS5 writes its pending data out at every statement's savepoint, which made
  each ``executemany`` row three times dearer and made writers without the function fail.)
- The FTS tables are contentless (``content=''``): only the index is stored.
- The token layout is versioned (:data:`GRAMS_VERSION`); changing :func:`search_grams` needs a
  migration that rebuilds the indexes (:func:`rebuild`), because deleting a contentless entry
  needs the exact tokens it was inserted with.
"""

from __future__ import annotations

GRAMS_VERSION = 1
FUNCTION = "xyd_search_grams"
# The registers that grow to hundreds of thousands of rows get an index. The others are small
# (job fairs, volunteers) or always listed within one fair (employers, seekers), where
# ``LIKE`` over their rows takes a few ms; they need no index and no function for writing.
TABLES = ("visit", "relief_visit")
PAD = "\u3000"
GRAM = 3
# The 'ascii' tokenizer treats every non-ASCII character as part of a token and every ASCII
# character that is not a letter or digit as a separator: map the latter into the private-use
# area so that "a_b" or "(" stay searchable, in the index and in queries alike.
_ASCII_PUNCT = {i: 0xE000 + i for i in range(128) if not chr(i).isalnum()}


def index_name(table: str) -> str:
    return f"{table}_search"


def _fields(key: str):
    for chunk in key.split():  # the same whitespace the search box strips (str.split)
        for f in chunk.split("-"):
            if f:
                yield f.translate(_ASCII_PUNCT)


def search_grams(key: str | None) -> str:
    """The tokens indexed for a search key (space-separated)."""
    if not key:
        return ""
    out: list[str] = []
    tail = PAD * (GRAM - 1)
    for f in _fields(key.lower()):
        padded = f + tail
        out.extend(padded[i:i + GRAM] for i in range(len(f)))
    return " ".join(out)


def match_expression(normalized: str) -> str | None:
    """The FTS5 query for a normalised search text (domain.search.normalize_query), or None
    when the text cannot occur in any key (it holds a character that separates fields)."""
    if not normalized:
        return None
    fields = list(_fields(normalized))
    if len(fields) != 1 or len(fields[0]) != len(normalized):
        return None
    text = fields[0]
    if len(text) < GRAM:
        return f'"{text}" *'
    return '"' + " ".join(text[i:i + GRAM] for i in range(len(text) - GRAM + 1)) + '"'


def match_all(terms) -> str | None:
    """The FTS5 query for several normalised words that must all occur (AND), or None when one
    of them cannot occur in any key."""
    parts = [match_expression(term) for term in terms]
    if not parts or any(p is None for p in parts):
        return None
    return " AND ".join(parts)


def register_functions(dbapi_connection) -> None:
    """Make ``xyd_search_grams`` available on a sqlite3 connection (the triggers call it)."""
    dbapi_connection.create_function(FUNCTION, 1, search_grams, deterministic=True)


def create_statements(table: str) -> list[str]:
    """The index table and the row-by-row triggers of migration 0002 (kept as they were: a
    migration's effect must not change; perf_0002 replaces the triggers)."""
    idx = index_name(table)
    grams_old = f"{FUNCTION}(old.search_key)"
    grams_new = f"{FUNCTION}(new.search_key)"
    return [
        # detail=full: positions, for phrase queries; prefix='1': fast one-character searches.
        f"CREATE VIRTUAL TABLE {idx} USING fts5(grams, content='', detail=full, "
        f"tokenize='ascii', prefix='1')",
        f"CREATE TRIGGER {idx}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {idx}(rowid, grams) VALUES (new.rowid, {grams_new}); END",
        f"CREATE TRIGGER {idx}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {idx}({idx}, rowid, grams) VALUES ('delete', old.rowid, {grams_old}); END",
        f"CREATE TRIGGER {idx}_au AFTER UPDATE OF search_key ON {table} BEGIN "
        f"INSERT INTO {idx}({idx}, rowid, grams) VALUES ('delete', old.rowid, {grams_old}); "
        f"INSERT INTO {idx}(rowid, grams) VALUES (new.rowid, {grams_new}); END",
    ]


def drop_statements(table: str) -> list[str]:
    """The index and its triggers."""
    return drop_trigger_statements(table) + [f"DROP TABLE IF EXISTS {index_name(table)}"]


def drop_trigger_statements(table: str) -> list[str]:
    idx = index_name(table)
    return [f"DROP TRIGGER IF EXISTS {idx}_{suffix}" for suffix in ("ai", "ad", "au")]


PENDING = "search_pending"
# One row per changed row since the last flush: ``indexed`` says whether the index holds tokens
# for it, made from ``old_key``. The first change wins (INSERT OR IGNORE): later ones do not
# change what the index holds.
PENDING_TABLE = (f"CREATE TABLE {PENDING} (tbl TEXT NOT NULL, row INTEGER NOT NULL, "
                 "indexed INTEGER NOT NULL, old_key TEXT, PRIMARY KEY (tbl, row)) WITHOUT ROWID")


def pending_trigger_statements(table: str) -> list[str]:
    """Triggers that note changed rows in ``search_pending`` (no function needed)."""
    idx = index_name(table)
    note = f"INSERT OR IGNORE INTO {PENDING}(tbl, row, indexed, old_key) VALUES ('{table}', "
    return [
        f"CREATE TRIGGER {idx}_ai AFTER INSERT ON {table} BEGIN "
        f"{note}new.rowid, 0, NULL); END",
        f"CREATE TRIGGER {idx}_ad AFTER DELETE ON {table} BEGIN "
        f"{note}old.rowid, 1, old.search_key); END",
        f"CREATE TRIGGER {idx}_au AFTER UPDATE OF search_key ON {table} BEGIN "
        f"{note}old.rowid, 1, old.search_key); END",
    ]


def has_pending(cursor) -> bool:
    """Whether rows wait to be indexed (``cursor``: a sqlite3 connection or cursor)."""
    return cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {PENDING})").fetchone()[0] == 1


def flush(execute, tables: tuple[str, ...] = TABLES) -> None:
    """Bring the indexes up to date with ``search_pending`` (``execute(sql)`` runs one statement
    on a connection that has :func:`register_functions`, inside the caller's transaction).
    Set-based: one statement per step, whatever the number of rows."""
    for table in tables:
        idx = index_name(table)
        execute(f"INSERT INTO {idx}({idx}, rowid, grams) SELECT 'delete', row, "
                f"{FUNCTION}(old_key) FROM {PENDING} WHERE tbl = '{table}' AND indexed = 1")
        execute(f"INSERT INTO {idx}(rowid, grams) SELECT t.rowid, {FUNCTION}(t.search_key) "
                f"FROM {PENDING} p JOIN {table} t ON t.rowid = p.row WHERE p.tbl = '{table}'")
    execute(f"DELETE FROM {PENDING}")


def rebuild(execute, table: str) -> None:
    """Refill the index of ``table`` from its rows (``execute(sql)`` runs one statement on a
    connection that has :func:`register_functions`)."""
    idx = index_name(table)
    execute(f"INSERT INTO {idx}({idx}) VALUES ('delete-all')")
    execute(f"INSERT INTO {idx}(rowid, grams) SELECT rowid, {FUNCTION}(search_key) FROM {table}")
    execute(f"INSERT INTO {idx}({idx}) VALUES ('optimize')")
