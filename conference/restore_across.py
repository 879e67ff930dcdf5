"""A SQLite backup restored into PostgreSQL: the move from the embedded default to a server.

A PostgreSQL dump cannot be read by SQLite, but a SQLite file can be read row by row: the target
gets the backup's schema revision through the migrations (the same schema PostgreSQL gets from
any upgrade), then every table's rows are copied in foreign-key order in one transaction, values
passing through SQLAlchemy's types (JSON decoded and encoded, SQLite's naive UTC timestamps written
with the session's zone set to UTC), and the id sequences are moved past the copied ids. On a
failure the tables are dropped again: the database is left empty, as it was found.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from conference.backup import BackupError

BATCH = 1000


def sqlite_into_postgresql(sqlite_file: Path, database, revision: str | None) -> None:
    from conference import migrate

    source = create_engine(f"sqlite:///{sqlite_file}")
    try:
        source_tables = MetaData()
        source_tables.reflect(source)
        try:
            migrate.upgrade(database, revision or "head")
            target_tables = MetaData()
            target_tables.reflect(database.engine)
            with source.connect() as read, database.engine.begin() as write:
                write.execute(text("SET LOCAL TIME ZONE 'UTC'"))
                for table in target_tables.sorted_tables:
                    if table.name == "alembic_version" or table.name not in source_tables.tables:
                        continue
                    _copy(read, write, source_tables.tables[table.name], table)
        except SQLAlchemyError as error:
            _empty(database)   # as it was: no half-copied database is left behind
            reason = getattr(error, "orig", None) or error
            raise BackupError(f"the SQLite backup does not fit into PostgreSQL: {str(reason).strip()[:500]}. "
                              "The database was left empty.") from None
        except BaseException:
            _empty(database)
            raise
    finally:
        source.dispose()


def _copy(read, write, source, target) -> None:
    names = [column.name for column in target.columns if column.name in source.columns]
    order = [source.c[column.name] for column in target.primary_key.columns if column.name in source.columns]
    result = read.execute(select(*[source.c[name] for name in names]).order_by(*order))
    while batch := result.fetchmany(BATCH):
        write.execute(target.insert(), [dict(zip(names, row)) for row in batch])
    for column in target.primary_key.columns:
        sequence = write.execute(text("SELECT pg_get_serial_sequence(:table, :column)"),
                                 {"table": target.name, "column": column.name}).scalar()
        if sequence:
            write.execute(text(f'SELECT setval(:sequence, COALESCE(MAX("{column.name}"), 1), '
                               f'MAX("{column.name}") IS NOT NULL) FROM "{target.name}"'), {"sequence": sequence})


def _empty(database) -> None:
    tables = MetaData()
    tables.reflect(database.engine)
    tables.drop_all(database.engine)
