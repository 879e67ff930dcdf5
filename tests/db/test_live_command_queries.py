"""A live command's own work stays small and does not grow with the session: every chair's click
runs it before the broadcast (docs/performance.md, "Minbar's own share"). Counted in SQL
statements against the real database, not timed."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event, select

from sessions.live import operations
from sessions.live.state import Command
from sessions.models import AgendaItem, Slot
from speakers.identity import Identity

SLUG = "gcm-arab-2021"


@contextmanager
def counted(engine):
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def timer(database, clock, key, action):
    actor = Identity(role="chair", conference=SLUG, session=key, name="Chair", token_id="t-chair")
    with counted(database.engine) as statements:
        with database.session_scope() as db:
            state, changed = operations.apply(db, SLUG, key, Command("timer", action, {"session": key}, actor),
                                              clock.now())
    assert changed
    return [s for s in statements if s.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE"))]


@pytest.mark.parametrize("key", ["opening", "roundtable-1"])
def test_a_command_reads_the_session_in_two_queries_whatever_its_size(loaded_app, clock, key):
    database = loaded_app.extensions["minbar.db"]
    with database.session_scope() as db:
        slots = db.scalars(select(Slot).join(Slot.item).where(AgendaItem.key == key)).all()
    assert slots, "the bundled conference has speakers in this session"

    timer(database, clock, key, "start")      # the session's first command creates its live row
    statements = timer(database, clock, key, "pause")

    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    writes = [s for s in statements if not s.lstrip().upper().startswith("SELECT")]
    # The item with its conference, its slots with their speakers, the live row under its lock.
    assert len(reads) <= 3, reads
    # The live row and the event log.
    assert len(writes) <= 2, writes
