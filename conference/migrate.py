"""Schema migrations: Alembic driven from code, over the app's own engine.

- `upgrade(database)` brings any database to the models' schema in place: an empty one, one
  already under Alembic, or one made by `create_all` without a revision: release 0.1's (the
  first revision adopts it, creating only the tables that are missing, then the later ones apply)
  or one made from the current models (stamped at the latest revision).
- `differences(database)` lists what differs between the database and the models (Alembic's
  autogenerate comparison); `minbar db check` exits non-zero when the list is not empty.
- `revision(database, message)` writes the next revision from that comparison.

The revisions live in `conference/migrations/versions/` and install with the package.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from conference.db import Base, Database, import_models

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None      # the revision the database was at (None: empty or made before migrations)
    after: str | None       # the revision it is at now
    adopted: bool           # it held Minbar's tables without a revision (made by `create_all`)

    def describe(self) -> str:
        if self.adopted:
            return f"adopted a database made before migrations; now at {self.after}"
        if self.before == self.after:
            return f"already at {self.after}"
        return f"upgraded from {self.before or 'empty'} to {self.after}"


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


@contextmanager
def _connection(database: Database) -> Iterator[Connection]:
    with database.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # A batch migration rebuilds a table (copy, drop, rename): with foreign keys on, the
            # drop would cascade to the rows referring to it. Off for the migration (it must be
            # set outside a transaction), checked after it, on again for the pool's next user.
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            yield connection
        finally:
            if connection.dialect.name == "sqlite":
                if connection.in_transaction():
                    connection.rollback()
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def current(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _has_minbar_tables(connection: Connection) -> bool:
    import_models()
    existing = set(inspect(connection).get_table_names())
    return bool(existing & set(Base.metadata.tables))


def upgrade(database: Database, revision: str = "head") -> UpgradeReport:
    with _connection(database) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        adopted = before is None and _has_minbar_tables(connection)
        current_models = adopted and revision == "head" and not compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
        if connection.in_transaction():
            connection.commit()
        with connection.begin():
            if current_models:
                # Made by create_all from the models as they are now (a test or development
                # database): it is at the latest revision already.
                command.stamp(config(connection), "head")
            else:
                command.upgrade(config(connection), revision)
            if connection.dialect.name == "sqlite":
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows whose foreign keys point nowhere: {broken[:5]}")
        after = MigrationContext.configure(connection).get_current_revision()
    return UpgradeReport(before=before, after=after, adopted=adopted)


def differences(database: Database) -> list:
    """What differs between the database and the models, in Alembic's diff form ([] when equal)."""
    import_models()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        found = compare_metadata(context, Base.metadata)
        at = context.get_current_revision()
    if at != head():
        found = [("revision", at, head()), *found]
    return found


def describe(difference) -> str:
    if isinstance(difference, list):  # column modifications come grouped
        return "; ".join(describe(item) for item in difference)
    kind, *rest = difference
    if kind == "revision":
        return f"database at revision {rest[0] or 'none'}, code at {rest[1]}: run `minbar db upgrade`"
    if kind in ("add_table", "remove_table"):
        return f"{kind.replace('_', ' ')} {rest[0].name}"
    if kind in ("add_column", "remove_column"):
        return f"{kind.replace('_', ' ')} {rest[1]}.{rest[2].name}"
    if kind in ("add_index", "remove_index", "add_constraint", "remove_constraint"):
        item = rest[0]
        table = getattr(item, "table", None)
        return f"{kind.replace('_', ' ')} {getattr(item, 'name', None) or item} on {getattr(table, 'name', '?')}"
    if kind.startswith("modify_"):
        return f"{kind.replace('_', ' ')} {rest[1]}.{rest[2]}: {rest[-2]!r} -> {rest[-1]!r}"
    return repr(difference)


def revision(database: Database, message: str, autogenerate: bool = True) -> str:
    """Write the next revision file (compared against `database`, which must be at head)."""
    with _connection(database) as connection:
        scripts = command.revision(config(connection), message=message, autogenerate=autogenerate,
                                   rev_id=_next_id())
    scripts = scripts if isinstance(scripts, list) else [scripts]
    return ", ".join(script.path for script in scripts if script is not None)


def stamp(database: Database, revision: str) -> None:
    with _connection(database) as connection, connection.begin():
        command.stamp(config(connection), revision)


def _next_id() -> str:
    """Revisions are numbered 0001, 0002, ... so that their order reads from the file names."""
    numbers = [int(p.name[:4]) for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")]
    return f"{max(numbers, default=0) + 1:04d}"
