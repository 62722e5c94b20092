"""Alembic environment: runs on the connection handed over by storage.db (or a URL)."""

from alembic import context
from sqlalchemy import create_engine, event

from xiangyun_desk.storage.models import Base
from xiangyun_desk.storage.search_index import PENDING, TABLES, index_name, register_functions

config = context.config
target_metadata = Base.metadata
# The FTS5 search indexes (and their shadow tables) are made by hand in migrations, not by the
# models: keep autogenerate from proposing to drop them.
_SEARCH_PREFIXES = (*(index_name(t) for t in TABLES), PENDING, "stats_")  # + summary.py


def include_name(name, type_, _parent_names) -> bool:
    return not (type_ == "table" and name and name.startswith(_SEARCH_PREFIXES))


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect",
                     lambda dbapi_conn, _record: register_functions(dbapi_conn))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()


run()
