"""SQLite: reads never take the write lock. A write scope begins IMMEDIATE (it holds the lock from
its first read); a read scope begins deferred, so it neither waits for a writer nor blocks one."""
from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import select, text

from conference.models import Conference

pytestmark = pytest.mark.sqlite_only   # SQLite's locking; deselected on PostgreSQL


@pytest.fixture
def writer(loaded_app):
    """Another process's connection holding SQLite's write lock (an open BEGIN IMMEDIATE)."""
    database = loaded_app.extensions["minbar.db"]
    other = sqlite3.connect(database.engine.url.database, timeout=0.2, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE conferences SET source_digest = source_digest")
    yield other
    other.execute("ROLLBACK")
    other.close()


def lock_free(database):
    """True when no connection holds the write lock (a BEGIN IMMEDIATE succeeds at once)."""
    probe = sqlite3.connect(database.engine.url.database, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def test_a_read_scope_reads_while_another_process_holds_the_write_lock(loaded_app, writer):
    database = loaded_app.extensions["minbar.db"]
    started = time.monotonic()
    with database.read_scope() as db:
        assert db.scalar(select(Conference.slug)) == "gcm-arab-2021"
    assert time.monotonic() - started < 1


def test_a_read_scope_does_not_hold_the_write_lock(loaded_app):
    database = loaded_app.extensions["minbar.db"]
    with database.read_scope() as db:
        db.scalar(select(Conference.slug))
        assert lock_free(database)
    with database.session_scope() as db:
        db.execute(text("SELECT 1"))
        assert not lock_free(database)  # a write scope holds it from its first statement


def test_join_reads_the_state_while_a_writer_holds_the_lock(loaded_app, live_client, writer):
    from conftest import ack

    client = live_client()
    started = time.monotonic()
    reply = ack(client, "join", {"conference": "gcm-arab-2021", "session": "opening"})
    assert reply["ok"], reply
    assert time.monotonic() - started < 2  # before: waited for the writer (busy_timeout 30 s)
