"""The database: declarative base, an aware-UTC datetime type, engine and sessions.

SQLite under instance/ by default, PostgreSQL (or anything SQLAlchemy speaks) via DATABASE_URL.
Web requests get one session each (`get_db()`, closed at teardown); Socket.IO handlers, the CLI and
background work use `session_scope()`, which commits or rolls back as one unit, or `read_scope()`
for work that only reads.

On SQLite a write scope begins with `BEGIN IMMEDIATE` (it holds the write lock from its first read,
so two processes cannot both read a version and then both write it); a read scope begins with a
plain deferred `BEGIN` and never takes the write lock, so readers (joins, pages, the revocation
watcher) neither wait for writers nor make them wait (WAL). PostgreSQL needs no such distinction.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from sqlalchemy import JSON, DateTime, ForeignKey, String, UniqueConstraint, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import (
    DeclarativeBase, Mapped, Session, declared_attr, mapped_column, scoped_session, sessionmaker,
)
from sqlalchemy.types import TypeDecorator

# Modules whose models must be imported before create_all: every table lives in one of these.
MODEL_MODULES = (
    "conference.models",
    "sessions.models",
    "speakers.models",
    "sessions.key_messages.models",
    "sessions.booth.models",
    "speakers.organiser_models",
    "sessions.live.listener_store",  # listener counts per server process (not versioned state)
    "conference.registration.models",
    "sessions.speakers_list.models",   # lists of speakers, their entries, focal points
)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class ConferenceKeyed:
    """The first columns of a row a conference owns under a stable key (`plenary-1`, a person's id
    in the agenda file): the key is unique within the conference, and goes with it."""

    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        return (UniqueConstraint("conference_id", "key"),)

    # sort_order: first in the table, as the migrations created them (mixin columns go last).
    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-3)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), sort_order=-2)
    key: Mapped[str] = mapped_column(String(80), sort_order=-1)


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and always hands back aware UTC ones.

    SQLite drops the offset of DateTime(timezone=True); re-attaching UTC here keeps
    "no naive datetime anywhere" true on every backend.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store aware UTC instants")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Database:
    """One engine and its session factory, made from a URL."""

    def __init__(self, url: str):
        self.url = url
        kwargs: dict = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_pre_ping=True, pool_size=10, max_overflow=20)
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            _configure_sqlite(self.engine)
            # At the first connection, not here: a command that never touches the database
            # (`minbar --help`) leaves no folder behind.
            event.listen(self.engine, "do_connect", lambda *_args: _make_parent_folder(url))
        self.factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        # The same pool, with its transactions begun deferred (SQLite) and never committed.
        self.read_factory = sessionmaker(bind=self.engine.execution_options(minbar_read_only=True),
                                         expire_on_commit=False)
        self.scoped = scoped_session(self.factory)

    def exists(self) -> bool:
        """False for an SQLite file not made yet (connecting would make it); True otherwise."""
        from pathlib import Path

        name = _sqlite_file(self.url)
        return name is None or Path(name).expanduser().exists()

    def create_all(self) -> None:
        """The models' tables as they are now, without a revision (tests, benchmarks)."""
        import_models()
        Base.metadata.create_all(self.engine)

    def upgrade(self):
        """Create or upgrade the schema in place through the migrations (conference.migrate)."""
        from conference import migrate

        return migrate.upgrade(self)

    def drop_all(self) -> None:
        import_models()
        Base.metadata.drop_all(self.engine)
        with self.engine.begin() as connection:  # and the migrations' bookkeeping with them
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        session = self.factory()
        try:
            yield session
            session.commit()
        except BaseException as error:
            _rollback(session)
            _raise_unavailable(error)
            raise
        finally:
            session.close()

    def request_session(self, method: str) -> Session:
        """A web request's session: GET and HEAD read (deferred, no write lock held while the
        request waits on anything else, which under gevent would stall the whole process on
        SQLite); other methods write."""
        return (self.read_factory if method in ("GET", "HEAD") else self.factory)()

    @contextmanager
    def read_scope(self) -> Iterator[Session]:
        """A session for reading only: it never takes SQLite's write lock and is rolled back."""
        session = self.read_factory()
        try:
            yield session
        except BaseException as error:
            _raise_unavailable(error)
            raise
        finally:
            _rollback(session)
            session.close()


def _rollback(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:  # the connection is gone with the server: nothing to roll back
        pass


def _raise_unavailable(error: BaseException) -> None:
    """A lost or refused database connection becomes the refusal `unavailable` (nothing was written:
    the transaction is rolled back or never committed); the pool reconnects on the next use."""
    from conference import metrics
    from conference.errors import MinbarError

    if isinstance(error, (OperationalError, InterfaceError)) or (
            isinstance(error, DBAPIError) and error.connection_invalidated):
        metrics.database_unavailable()
        raise MinbarError("unavailable", "The database is unavailable for a moment; nothing was changed. "
                          "Try again.") from error


def _sqlite_file(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return name


def _make_parent_folder(url: str) -> None:
    from pathlib import Path

    name = _sqlite_file(url)
    if name:
        Path(name).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # pysqlite's own transaction handling defers BEGIN; we issue it ourselves so that a
        # write transaction takes the lock at its start (BEGIN IMMEDIATE) and two processes
        # cannot both read a version and then both write it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        read_only = connection.get_execution_options().get("minbar_read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def import_models() -> None:
    import importlib

    for module in MODEL_MODULES:
        importlib.import_module(module)
