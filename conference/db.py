"""The database: declarative base, an aware-UTC datetime type, engine and sessions.

SQLite under instance/ by default, PostgreSQL (or anything SQLAlchemy speaks) via DATABASE_URL.
Web requests get one session each (`get_db()`, closed at teardown); Socket.IO handlers, the CLI and
background work use `session_scope()`, which commits or rolls back as one unit.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from sqlalchemy import JSON, DateTime, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session, sessionmaker
from sqlalchemy.types import TypeDecorator

# Modules whose models must be imported before create_all: every table lives in one of these.
MODEL_MODULES = (
    "conference.models",
    "sessions.models",
    "speakers.models",
    "sessions.key_message_models",
    "sessions.speech_text_models",
    "sessions.listener_store",       # listener counts per server process (not versioned state)
)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


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
        self.factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        self.scoped = scoped_session(self.factory)

    def create_all(self) -> None:
        import_models()
        Base.metadata.create_all(self.engine)

    def drop_all(self) -> None:
        import_models()
        Base.metadata.drop_all(self.engine)

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        session = self.factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


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
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def import_models() -> None:
    import importlib

    for module in MODEL_MODULES:
        importlib.import_module(module)
