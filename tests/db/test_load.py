"""Loading agendas into a real database: idempotent, updates in place, ids kept."""
from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

from sqlalchemy import func, select

from conference.agenda import validate
from conference.agenda.load import load
from conference.paths import bundled_agenda
from sessions.models import AgendaItem, Slot


def _spec():
    spec, findings = validate.check_file(bundled_agenda())
    assert not validate.has_errors(findings)
    return spec


def _snapshot(session):
    return sorted((i.key, i.id, i.sequence, i.starts_at) for i in session.scalars(select(AgendaItem)))


def test_load_twice_changes_nothing(app, clock):
    database = app.extensions["minbar.db"]
    with database.session_scope() as session:
        first = load(_spec(), session, clock.now())
    with database.session_scope() as session:
        before = _snapshot(session)
    clock.advance(seconds=60)
    with database.session_scope() as session:
        second = load(_spec(), session, clock.now())
    with database.session_scope() as session:
        after = _snapshot(session)
    assert first.changed and not second.changed
    assert before == after


def test_reload_of_an_edited_file_updates_in_place_and_bumps_sequence(app, clock):
    database = app.extensions["minbar.db"]
    spec = _spec()
    with database.session_scope() as session:
        load(spec, session, clock.now())
        original = session.scalar(select(AgendaItem).where(AgendaItem.key == "plenary-5"))
        original_id, original_start = original.id, original.starts_at
    moved = tuple(replace(i, start=time(15, 0), end=time(15, 35)) if i.id == "plenary-5" else i for i in spec.items)
    clock.advance(seconds=3600)
    with database.session_scope() as session:
        report = load(replace(spec, items=moved), session, clock.now())
    with database.session_scope() as session:
        row = session.scalar(select(AgendaItem).where(AgendaItem.key == "plenary-5"))
        untouched = session.scalar(select(AgendaItem).where(AgendaItem.key == "plenary-4"))
        assert report.updated == ["session plenary-5"]
        assert (row.id, row.sequence) == (original_id, 1)
        assert row.starts_at == original_start + timedelta(minutes=5)
        assert row.modified_at == clock.now()
        assert untouched.sequence == 0


def test_reload_without_a_slot_removes_only_that_slot(app, clock):
    database = app.extensions["minbar.db"]
    spec = _spec()
    with database.session_scope() as session:
        load(spec, session, clock.now())
        count = session.scalar(select(func.count()).select_from(Slot))
    items = tuple(replace(i, slots=i.slots[:-1]) if i.id == "plenary-1" else i for i in spec.items)
    with database.session_scope() as session:
        report = load(replace(spec, items=items), session, clock.now())
    with database.session_scope() as session:
        assert report.removed == ["slot plenary-1-discussion"]
        assert session.scalar(select(func.count()).select_from(Slot)) == count - 1
