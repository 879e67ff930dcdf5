"""The workspace's operations without HTTP: rescheduling through the engine, people and roles,
export/import/clone and the audit log entries they write."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from conference import audit, queries
from conference.agenda import parse, validate
from conference.errors import MinbarError
from conference.paths import bundled_agenda
from conference.workspace import agenda_file, edits, operations
from sessions.models import AgendaItem

SLUG = "gcm-arab-2021"


@pytest.fixture
def ops(loaded_app, clock, tmp_path):
    """change(edit, action=..., session=...) in one committed transaction; returns the new spec."""
    database = loaded_app.extensions["minbar.db"]

    def change(edit, action="workspace.test", session=None):
        with database.session_scope() as db:
            conf = queries.conference(db, SLUG)
            return operations.change(db, conf, now=clock.now(), actor="organiser:test", action=action,
                                     edit=edit, instance=tmp_path / "instance", session=session)

    change.database = database
    return change


def _item(database, key):
    with database.session_scope() as db:
        return db.scalar(select(AgendaItem).where(AgendaItem.key == key))


def _wall(spec, key):
    item = next(i for i in spec.items if i.id == key)
    return item.start.strftime("%H:%M"), item.end.strftime("%H:%M")


def test_export_then_import_then_export_gives_an_equivalent_file(loaded_app, clock, tmp_path):
    database = loaded_app.extensions["minbar.db"]
    original, _ = validate.check_file(bundled_agenda())
    with database.session_scope() as db:
        first = agenda_file.export(db, queries.conference(db, SLUG))
    with database.session_scope() as db:
        operations.import_agenda(db, first, now=clock.now(), actor="test", instance=None, slug="gcm-copy")
    with database.session_scope() as db:
        second = agenda_file.export(db, queries.conference(db, "gcm-copy"))
    assert second == first.replace('slug = "gcm-arab-2021"', 'slug = "gcm-copy"')
    spec, findings = parse.parse_text(first)
    assert not validate.has_errors(findings)
    assert replace(spec, source="") == replace(original, source="")


def test_resize_with_shift_following_moves_the_rest_of_the_day(ops):
    spec = ops(lambda s: edits.move_item(s, "plenary-1", end=time(12, 30), shift_following=True),
               session="plenary-1")
    assert _wall(spec, "plenary-1") == ("11:15", "12:30")
    assert _wall(spec, "break-1") == ("12:30", "13:15")
    assert _wall(spec, "plenary-2") == ("13:15", "14:15")
    assert _wall(spec, "opening") == ("10:00", "11:00")          # earlier items stay
    assert _item(ops.database, "break-1").sequence == 1


def test_an_overlap_is_refused_with_the_reason_and_nothing_changes(ops):
    with pytest.raises(MinbarError) as refused:
        ops(lambda s: edits.move_item(s, "plenary-1", end=time(12, 30)))
    error = refused.value
    assert error.code == "conflict" and error.status == 409
    overlap = [f for f in error.extra["findings"] if f["code"] == "overlap"]
    assert overlap and "overlaps item plenary-1" in overlap[0]["message"]
    assert overlap[0]["where"]["item"] == "break-1" and overlap[0]["where"]["field"] == "start"
    row = _item(ops.database, "plenary-1")
    assert row.sequence == 0 and row.minutes == 60


def test_sequence_never_goes_back_after_the_database_is_rebuilt_from_the_file(ops, loaded_app, tmp_path, clock):
    ops(lambda s: edits.move_item(s, "opening", start=time(10, 0), end=time(10, 45)))
    assert _item(ops.database, "opening").sequence == 1
    copy = agenda_file.copy_path(tmp_path / "instance", SLUG)
    spec, findings = validate.check_file(copy)
    assert not validate.has_errors(findings)
    # A fresh database, rebuilt from the conference's file: the sequence stays where it was.
    from conference.agenda.load import load

    database = loaded_app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    with database.session_scope() as db:
        load(spec, db, clock.now() + timedelta(days=1))
    row = _item(database, "opening")
    assert row.sequence >= 1 and row.minutes == 45


def test_fill_a_tbd_reorder_and_name_a_chair_rapporteur_and_interpreter(ops):
    ops(lambda s: edits.put_person(s, "amira", {"name": {"ar": "أميرة", "en": "Amira", "fr": "Amira"},
                                                 "delegation": "Lebanon", "group": "member_state",
                                                 "language": "ar", "rank": 3, "gender": "female"},
                                   create=True))
    spec = ops(lambda s: edits.set_slot(s, "plenary-1", "plenary-1-state-a", speaker="amira"))
    slot = next(sl for i in spec.items for sl in i.slots if sl.id == "plenary-1-state-a")
    assert (slot.speaker, slot.tbd) == ("amira", False)
    spec = ops(lambda s: edits.set_slot(s, "plenary-1", "plenary-1-state-a", position=2))
    order = [sl.id for sl in next(i for i in spec.items if i.id == "plenary-1").slots]
    assert order[:3] == ["plenary-1-state-b", "plenary-1-state-c", "plenary-1-state-a"]
    spec = ops(lambda s: edits.set_chair(s, "plenary-1", "amira"))
    spec = ops(lambda s: edits.set_rapporteurs(s, "plenary-1", ["amira"]))
    spec = ops(lambda s: edits.set_interpreters(s, "en", ["amira"]))
    item = next(i for i in spec.items if i.id == "plenary-1")
    assert item.chair.person == "amira" and item.rapporteurs == ("amira",)
    assert next(b for b in spec.booths if b.language == "en").interpreters == ("amira",)
    with ops.database.session_scope() as db:
        log = audit.entries(db, queries.conference(db, SLUG), person="amira")
    assert len(log) == 6
    assert log[1].before["slot:plenary-1-state-a"]["tbd"] is True
    assert log[1].after["slot:plenary-1-state-a"]["speaker"] == "amira"


def test_a_person_with_a_bad_group_or_an_unknown_speaker_is_refused(ops):
    with pytest.raises(MinbarError) as refused:
        ops(lambda s: edits.put_person(s, "x", {"name": "X", "group": "aliens"}, create=True))
    assert refused.value.extra["findings"][0]["code"] == "unknown_kind"
    with pytest.raises(MinbarError) as refused:
        ops(lambda s: edits.set_slot(s, "plenary-1", "plenary-1-state-a", speaker="nobody"))
    assert refused.value.code == "not_found"
    with pytest.raises(MinbarError) as refused:
        ops(lambda s: edits.set_slot(s, "plenary-1", "plenary-1-state-a", minutes=50))
    assert refused.value.extra["findings"][0]["code"] == "slots_exceed_item"


def test_a_clone_keeps_wall_times_across_daylight_saving(loaded_app, clock, tmp_path):
    database = loaded_app.extensions["minbar.db"]
    with database.session_scope() as db:
        operations.clone_conference(db, queries.conference(db, SLUG), slug="gcm-arab-2022",
                                    first_day=date(2022, 7, 6), now=clock.now(), actor="test",
                                    instance=None)
    with database.session_scope() as db:
        conf = queries.conference(db, "gcm-arab-2022")
        item = queries.item(db, conf, "plenary-1")
        assert (conf.first_day, conf.last_day) == (date(2022, 7, 6), date(2022, 7, 7))
        assert item.starts_at.isoformat() == "2022-07-06T08:15:00+00:00"   # 11:15 at UTC+3
        assert item.sequence == 0
