"""Key-message operations against a real database: revisions appended, stale saves refused,
the presentation list kept in step. Who may is not theirs to ask (each route's guard has asked
before they run): tests/http/test_key_messages_api.py."""
from __future__ import annotations

import threading
import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from conference.errors import MinbarError
from sessions.key_messages import ops
from sessions.live import operations
from sessions.key_messages.models import KeyMessageRevisionRow, KeyMessageRow
from sessions.live.state import Command
from sessions.models import EventLog
from speakers.identity import ANONYMOUS, Identity

SLUG = "gcm-arab-2021"
ARABIC = "تؤكد الدول الأعضاء أهمية البيانات المصنفة أساساً للسياسات القائمة على الأدلة."


def who(role, session=None, name="", token="t"):
    return Identity(role=role, conference=SLUG, session=session, name=name, token_id=f"{token}-{role}-{session}")


RAPPORTEUR_A = who("rapporteur", "plenary-1", "Rapporteur A", "a")
RAPPORTEUR_B = who("rapporteur", "plenary-1", "Rapporteur B", "b")
ORGANISER = who("organiser", name="Secretariat")


@pytest.fixture
def database(loaded_app):
    return loaded_app.extensions["minbar.db"]


@pytest.fixture
def db(database):
    with database.session_scope() as session:
        yield session


def create(db, clock, text="States shared data.", actor=RAPPORTEUR_A, key="plenary-1", **fields):
    return ops.create(db, SLUG, key, {"text": text, **fields}, actor=actor, now=clock.now())


# -- create, save, conflict ------------------------------------------------------------------

def test_create_gives_readable_ids_and_appends_positions(db, clock):
    first = create(db, clock)
    second = create(db, clock, "Second.")
    assert (first.message["id"], first.message["position"], first.message["revision"]) == ("plenary-1-km-1", 0, 1)
    assert (second.message["id"], second.message["position"], second.version) == ("plenary-1-km-2", 1, 2)
    assert [m["id"] for m in ops.list_messages(db, SLUG, "plenary-1", drafts=True)] == ["plenary-1-km-1", "plenary-1-km-2"]


def test_save_from_stale_base_is_a_conflict_and_stores_nothing(db, clock):
    create(db, clock)
    ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"text": "A's wording."}, actor=RAPPORTEUR_A, now=clock.now())
    with pytest.raises(MinbarError) as caught:
        ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"text": "B's wording."}, actor=RAPPORTEUR_B, now=clock.now())
    error = caught.value.to_contract()
    assert (caught.value.status, error["code"], error["current"]["text"], error["current"]["revision"], error["yours"]) == (
        409, "conflict", "A's wording.", 2, {"text": "B's wording."})
    assert db.scalars(select(KeyMessageRevisionRow.text).order_by(KeyMessageRevisionRow.number)).all() == [
        "States shared data.", "A's wording."]


def test_save_of_what_is_already_there_adds_no_revision(db, clock):
    create(db, clock)
    written = ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"text": "States shared data."},
                       actor=RAPPORTEUR_B, now=clock.now())
    assert (written.changed, written.message["revision"], written.version) == (False, 1, 1)


def test_two_concurrent_saves_from_the_same_base_land_once(database, clock):
    with database.session_scope() as db:
        create(db, clock)
    barrier = threading.Barrier(2)
    outcomes = {}

    def save(actor, text):
        try:
            with database.session_scope() as db:
                barrier.wait(5)
                outcomes[actor.name] = ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"text": text},
                                                actor=actor, now=clock.now()).message["revision"]
        except MinbarError as error:
            outcomes[actor.name] = error.code

    threads = [threading.Thread(target=save, args=(RAPPORTEUR_A, "A")), threading.Thread(target=save, args=(RAPPORTEUR_B, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes.values(), key=str) == [2, "conflict"]
    with database.session_scope() as db:
        assert db.scalars(select(KeyMessageRevisionRow.number).order_by(KeyMessageRevisionRow.number)).all() == [1, 2]


def test_revision_numbers_are_unique_per_message(db, clock):
    create(db, clock)
    pk = db.scalar(select(KeyMessageRow.pk))
    db.add(KeyMessageRevisionRow(message_pk=pk, number=1, text="x", objectives=[], principles=[], status="draft",
                                 group=None, position=0, author="intruder", saved_at=clock.now()))
    with pytest.raises(IntegrityError):
        db.flush()
    db.rollback()


def test_invalid_fields_are_bad_request_naming_the_field(db, clock):
    with pytest.raises(MinbarError) as caught:
        create(db, clock, objectives=[24])
    assert (caught.value.code, caught.value.extra["field"]) == ("bad_request", "objectives")
    assert db.scalar(select(KeyMessageRow.pk)) is None


def test_create_with_the_same_client_key_makes_one_message(db, clock):
    first = ops.create(db, SLUG, "plenary-1", {"text": "Once."}, actor=RAPPORTEUR_A, now=clock.now(), client_key="device-123")
    again = ops.create(db, SLUG, "plenary-1", {"text": "Once."}, actor=RAPPORTEUR_A, now=clock.now(), client_key="device-123")
    assert (first.changed, again.changed, again.message["id"], len(ops.list_messages(db, SLUG, "plenary-1", drafts=True))) == (
        True, False, "plenary-1-km-1", 1)


# -- restore, history, reorder ---------------------------------------------------------------

def test_restore_appends_a_copy_and_history_shows_every_revision(db, clock):
    create(db, clock, ARABIC, objectives=[1])
    clock.advance(seconds=60)
    ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"text": "Rewritten.", "status": "agreed"},
             actor=RAPPORTEUR_B, now=clock.now())
    clock.advance(seconds=60)
    restored = ops.restore(db, SLUG, "plenary-1", "plenary-1-km-1", 1, 2, actor=RAPPORTEUR_A, now=clock.now())
    history = ops.history(db, SLUG, "plenary-1", "plenary-1-km-1")
    assert [(h["revision"], h["text"], h["status"], h["author"]) for h in history] == [
        (1, ARABIC, "draft", "Rapporteur A"),
        (2, "Rewritten.", "agreed", "Rapporteur B"),
        (3, ARABIC, "draft", "Rapporteur A"),
    ]
    assert (restored.message["revision"], restored.message["text"]) == (3, ARABIC)


def test_reorder_moves_messages_with_new_revisions(db, clock):
    for text in ("One.", "Two.", "Three."):
        create(db, clock, text)
    written = ops.reorder(db, SLUG, "plenary-1", ["plenary-1-km-3"], actor=RAPPORTEUR_A, now=clock.now())
    listed = ops.list_messages(db, SLUG, "plenary-1", drafts=True)
    assert [(m["text"], m["position"], m["revision"]) for m in listed] == [("Three.", 0, 2), ("One.", 1, 2), ("Two.", 2, 2)]
    assert (len(written.messages), written.version) == (3, 6)


def test_reorder_with_an_unknown_id_changes_nothing(db, clock):
    create(db, clock)
    with pytest.raises(MinbarError) as caught:
        ops.reorder(db, SLUG, "plenary-1", ["plenary-1-km-9"], actor=RAPPORTEUR_A, now=clock.now())
    assert caught.value.code == "not_found"
    assert [m["revision"] for m in ops.list_messages(db, SLUG, "plenary-1", drafts=True)] == [1]


def test_every_write_is_in_the_event_log(db, clock):
    create(db, clock)
    ops.save(db, SLUG, "plenary-1", "plenary-1-km-1", 1, {"status": "agreed"}, actor=RAPPORTEUR_A, now=clock.now())
    logged = db.scalars(select(EventLog.action).where(EventLog.action.like("key_message.%")).order_by(EventLog.id)).all()
    assert logged == ["key_message.create", "key_message.save"]


# -- who may is the route's, not the operation's ----------------------------------------------

def test_operations_do_not_authorise_the_actor_they_are_given(db, clock):
    """The guard of each route has asked the policy; an operation records whoever it is given."""
    written = create(db, clock, actor=who("participant", name="Delegate"))
    assert written.message["author"] == "Delegate"


def test_reads_show_drafts_only_when_told(db, clock):
    create(db, clock, "A draft.")
    create(db, clock, "Agreed text.", status="agreed")
    assert ([m["text"] for m in ops.list_messages(db, SLUG, "plenary-1", drafts=False)],
            [m["text"] for m in ops.list_messages(db, SLUG, "plenary-1", drafts=True)]) == (
        ["Agreed text."], ["A draft.", "Agreed text."])
    with pytest.raises(MinbarError) as caught:
        ops.get_message(db, SLUG, "plenary-1", "plenary-1-km-1", drafts=False)
    assert caught.value.code == "not_found"


# -- presentation ----------------------------------------------------------------------------

def test_agreeing_a_message_updates_the_presentation_list(db, clock):
    create(db, clock, "Draft only.")
    agreed = create(db, clock, "From plenary 2.", key="plenary-2", actor=ORGANISER, status="agreed")
    first = create(db, clock, "From plenary 1.", status="agreed")
    state = operations.current(db, SLUG, "key-messages", clock.now())
    assert [key for key, _state in first.presentations] == ["key-messages"]
    assert (agreed.presentations[0][1]["presentation"]["count"], state["presentation"]["count"],
            state["presentation"]["message"]) == (1, 2, "plenary-2-km-1")
    # The message on screen stays on screen when an earlier one is agreed: its index follows it.
    assert state["presentation"]["index"] == 1


def test_presentation_driver_pages_through_and_stops_at_the_ends(db, clock):
    for text in ("One.", "Two."):
        create(db, clock, text, status="agreed")
    chair = who("chair", "key-messages")

    def send(action, actor=chair, **payload):
        return operations.apply(db, SLUG, "key-messages", Command("presentation", action, payload, actor), clock.now())

    assert send("next")[0]["presentation"]["index"] == 1
    with pytest.raises(MinbarError) as at_end:
        send("next")
    assert send("goto", index=0)[0]["presentation"]["message"] == "plenary-1-km-1"
    with pytest.raises(MinbarError) as beyond:
        send("goto", index=5)
    with pytest.raises(MinbarError) as outsider:
        send("next", actor=who("rapporteur", "plenary-1"))
    with pytest.raises(MinbarError) as spoofed:
        send("sync", actor=chair, ids=[], digest="")
    assert (at_end.value.code, beyond.value.code, outsider.value.code, spoofed.value.code) == (
        "invalid_state", "bad_request", "forbidden", "forbidden")


def test_presentation_of_an_empty_list_is_invalid_state(db, clock):
    with pytest.raises(MinbarError) as caught:
        operations.apply(db, SLUG, "key-messages", Command("presentation", "next", {}, ORGANISER), clock.now())
    assert caught.value.code == "invalid_state"
