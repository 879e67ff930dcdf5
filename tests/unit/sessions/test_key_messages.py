"""Key messages: revisions are appended, never overwritten; a stale save is a conflict."""
from datetime import datetime, timedelta, timezone

import pytest
import pytz

from sessions.key_messages import core as km
from conference.errors import MinbarError
from sessions.key_messages.core import KeyMessage, Revision

T0 = datetime(2021, 2, 24, 12, 20, tzinfo=timezone.utc)
T1 = T0 + timedelta(minutes=1)
T2 = T0 + timedelta(minutes=2)
T3 = T0 + timedelta(minutes=3)
ARABIC = "تؤكد الدول على أهمية البيانات المصنفة كأساس للسياسات."


def revision(number, text, author, at, **fields):
    values = {"objectives": (), "principles": (), "status": "draft", "group": None, "position": 0}
    values.update(fields)
    return Revision(number=number, text=text, author=author, saved_at=at, **values)


@pytest.fixture
def first():
    return km.create("km-1", "plenary-1", {"text": "States shared data."}, "Rapporteur A", T0)


# --- create ------------------------------------------------------------------------------------

def test_create_applies_defaults(first):
    assert first == KeyMessage("km-1", "plenary-1", (revision(1, "States shared data.", "Rapporteur A", T0),))
    assert (first.revision, first.current) == (1, first.revisions[0])


def test_create_normalises_fields():
    msg = km.create(
        "km-2",
        "roundtable-1",
        {
            "text": f"  {ARABIC}\r\n",
            "objectives": [18, 2, 5, 2],
            "principles": ["human_rights", "people_centred"],
            "status": "agreed",
            "group": "  Member   States ",
            "position": 3,
        },
        "مقرر",
        T0,
    )
    assert msg.current == revision(
        1, ARABIC, "مقرر", T0, objectives=(2, 5, 18), principles=("people_centred", "human_rights"),
        status="agreed", group="Member States", position=3,
    )


def test_create_stores_time_as_utc():
    beirut = pytz.timezone("Asia/Beirut").localize(datetime(2021, 2, 24, 14, 20))
    msg = km.create("km-3", "plenary-3", {"text": "t"}, "A", beirut)
    assert msg.current.saved_at == T0
    assert msg.current.saved_at.tzinfo == timezone.utc


def test_create_without_text_is_refused():
    with pytest.raises(MinbarError) as caught:
        km.create("km-4", "plenary-1", {"status": "agreed"}, "A", T0)
    assert (caught.value.code, caught.value.extra.get("field"), caught.value.message) == (
        "bad_request", "text", "A key message needs a text."
    )


def test_create_with_naive_time_is_refused():
    with pytest.raises(ValueError) as caught:
        km.create("km-5", "plenary-1", {"text": "t"}, "A", datetime(2021, 2, 24, 12, 0))
    assert str(caught.value) == "the time of a revision must be an aware datetime"


def test_key_message_with_misnumbered_revisions_is_refused():
    with pytest.raises(ValueError):
        KeyMessage("km-6", "plenary-1", (revision(2, "t", "A", T0),))


# --- save and conflicts ------------------------------------------------------------------------

def test_save_appends_revision_when_base_is_current(first):
    second = km.save(first, 1, {"text": "States shared *data*.", "status": "agreed"}, "Rapporteur B", T1)
    assert second == KeyMessage("km-1", "plenary-1", (
        revision(1, "States shared data.", "Rapporteur A", T0),
        revision(2, "States shared *data*.", "Rapporteur B", T1, status="agreed"),
    ))
    assert first.revision == 1  # the input is never modified


def test_save_from_same_revision_second_raises_conflict_with_both_texts(first):
    mine = km.save(first, 1, {"text": "Text of rapporteur A."}, "Rapporteur A", T1)
    with pytest.raises(MinbarError) as caught:
        km.save(mine, 1, {"text": "Text of rapporteur B.", "objectives": [1]}, "Rapporteur B", T2)
    conflict = caught.value
    assert (conflict.code, conflict.extra) == ("conflict", {
        "current": km.to_contract(mine), "yours": {"text": "Text of rapporteur B.", "objectives": [1]},
        "base_revision": 1,
    })
    assert conflict.message == (
        "Your changes were based on revision 1, but the key message is now at revision 2 "
        "(saved by Rapporteur A); nothing was saved. Merge your changes into the current text "
        "and save again."
    )
    # B merges by hand on top of revision 2: every version is still in the history.
    merged = km.save(mine, 2, {"text": "Text of A and of B.", "objectives": [1]}, "Rapporteur B", T3)
    assert [(r.number, r.text, r.author) for r in merged.revisions] == [
        (1, "States shared data.", "Rapporteur A"),
        (2, "Text of rapporteur A.", "Rapporteur A"),
        (3, "Text of A and of B.", "Rapporteur B"),
    ]


def test_conflict_to_error_carries_current_and_yours(first):
    mine = km.save(first, 1, {"text": "A"}, "Rapporteur A", T1)
    with pytest.raises(MinbarError) as caught:
        km.save(mine, 1, {"text": "B"}, "Rapporteur B", T2)
    error = caught.value.to_contract()
    assert (error["code"], error["current"], error["yours"]) == ("conflict", km.to_contract(mine), {"text": "B"})


def test_save_with_base_from_the_future_is_a_conflict(first):
    with pytest.raises(MinbarError):
        km.save(first, 7, {"text": "x"}, "A", T1)


def test_save_without_change_returns_message_unchanged(first):
    assert km.save(first, 1, {}, "B", T1) is first
    assert km.save(first, 1, {"text": " States shared data.\n", "group": ""}, "B", T1) is first


def test_save_without_change_on_stale_base_returns_current_message(first):
    second = km.save(first, 1, {"status": "agreed"}, "A", T1)
    assert km.save(second, 1, {"status": "agreed"}, "B", T2) is second


_INVALID = [
    ({"colour": "red"}, "colour", "Unknown field colour; a key message has text, objectives, "
                                  "principles, status, group, position."),
    ({"text": ""}, "text", "The text is empty; write the key message first."),
    ({"text": "x" * 4001}, "text", "The text is 4001 characters long; the limit is 4000."),
    ({"text": 5}, "text", "The text must be a string."),
    ({"objectives": [0]}, "objectives", "0 is not a GCM objective; objectives are numbered 1 to 23."),
    ({"objectives": [24]}, "objectives", "24 is not a GCM objective; objectives are numbered 1 to 23."),
    ({"objectives": ["5"]}, "objectives", "'5' is not a GCM objective; objectives are numbered 1 to 23."),
    ({"objectives": [True]}, "objectives", "True is not a GCM objective; objectives are numbered 1 to 23."),
    ({"objectives": 5}, "objectives", "objectives must be a list of objective numbers."),
    ({"principles": ["free_trade"]}, "principles",
     "'free_trade' is not a guiding principle; use one of " + ", ".join(km.PRINCIPLES) + "."),
    ({"principles": "human_rights"}, "principles", "principles must be a list of guiding principle keys."),
    ({"status": "final"}, "status", "status must be draft or agreed, not 'final'."),
    ({"group": 3}, "group", "group must be a string or null."),
    ({"group": "g" * 201}, "group", "group must be at most 200 printable characters."),
    ({"position": -1}, "position", "position must be a whole number from 0 to 1000000."),
    ({"position": False}, "position", "position must be a whole number from 0 to 1000000."),
]


@pytest.mark.parametrize(("changes", "field", "message"), _INVALID)
def test_save_invalid_edit_is_refused_and_changes_nothing(first, changes, field, message):
    before = km.history(first)
    with pytest.raises(MinbarError) as caught:
        km.save(first, 1, {"text": "A valid new text.", **changes}, "B", T1)
    assert (caught.value.code, caught.value.extra.get("field"), caught.value.message) == ("bad_request", field, message)
    assert km.history(first) == before


@pytest.mark.parametrize("base", [0, "1", True, None])
def test_save_with_bad_base_revision_is_refused(first, base):
    with pytest.raises(MinbarError) as caught:
        km.save(first, base, {"text": "x"}, "B", T1)
    assert (caught.value.code, caught.value.extra.get("field")) == ("bad_request", "base_revision")


def test_save_invalid_edit_on_stale_base_is_bad_request_not_conflict(first):
    second = km.save(first, 1, {"text": "A"}, "A", T1)
    with pytest.raises(MinbarError):
        km.save(second, 1, {"status": "final"}, "B", T2)


def test_save_with_non_dict_changes_is_refused(first):
    with pytest.raises(MinbarError) as caught:
        km.save(first, 1, ["text"], "B", T1)
    assert caught.value.message == "The changes must be an object of fields."


# --- restore and history -----------------------------------------------------------------------

def test_restore_appends_copy_of_old_revision(first):
    second = km.save(first, 1, {"text": "Second", "objectives": [3], "status": "agreed"}, "B", T1)
    restored = km.restore(second, 1, 2, "C", T2)
    assert restored.revisions == (
        first.revisions[0],
        second.revisions[1],
        revision(3, "States shared data.", "C", T2),
    )


def test_restore_on_stale_base_is_a_conflict(first):
    second = km.save(first, 1, {"text": "Second"}, "B", T1)
    with pytest.raises(MinbarError) as caught:
        km.restore(second, 1, 1, "C", T2)
    assert caught.value.extra["yours"] == {
        "text": "States shared data.", "objectives": [], "principles": [], "status": "draft",
        "group": None, "position": 0,
    }


def test_restore_of_current_revision_changes_nothing(first):
    assert km.restore(first, 1, 1, "C", T1) is first


@pytest.mark.parametrize("number", [0, 2, "1", None])
def test_restore_unknown_revision_is_not_found(first, number):
    with pytest.raises(MinbarError) as caught:
        km.restore(first, number, 1, "C", T1)
    assert (caught.value.code, caught.value.extra.get("field")) == ("not_found", "revision")


def test_history_shows_every_revision(first):
    second = km.save(first, 1, {"text": "Second", "principles": ["human_rights"]}, "B", T1)
    third = km.save(second, 2, {"status": "agreed", "group": "States"}, "C", T2)
    assert km.history(third) == [
        {"revision": 1, "text": "States shared data.", "objectives": [], "principles": [],
         "status": "draft", "group": None, "position": 0, "author": "Rapporteur A",
         "saved_at": "2021-02-24T12:20:00+00:00"},
        {"revision": 2, "text": "Second", "objectives": [], "principles": ["human_rights"],
         "status": "draft", "group": None, "position": 0, "author": "B",
         "saved_at": "2021-02-24T12:21:00+00:00"},
        {"revision": 3, "text": "Second", "objectives": [], "principles": ["human_rights"],
         "status": "agreed", "group": "States", "position": 0, "author": "C",
         "saved_at": "2021-02-24T12:22:00+00:00"},
    ]


# --- the contract ------------------------------------------------------------------------------

def test_to_contract_shows_current_revision_with_html():
    msg = km.create(
        "km-9", "roundtable-2",
        {"text": f"**{ARABIC}** <script>x</script>", "objectives": [4, 8], "status": "agreed"},
        "مقرر", T0,
    )
    assert km.to_contract(msg) == {
        "id": "km-9",
        "session": "roundtable-2",
        "text": f"**{ARABIC}** <script>x</script>",
        "html": f"<p><strong>{ARABIC}</strong> &lt;script&gt;x&lt;/script&gt;</p>",
        "objectives": [4, 8],
        "principles": [],
        "status": "agreed",
        "group": None,
        "position": 0,
        "revision": 1,
        "author": "مقرر",
        "saved_at": "2021-02-24T12:20:00+00:00",
    }


def test_principles_are_the_ten_guiding_principles():
    assert km.PRINCIPLES == (
        "people_centred", "international_cooperation", "national_sovereignty", "rule_of_law",
        "sustainable_development", "human_rights", "gender_responsive", "child_sensitive",
        "whole_of_government", "whole_of_society",
    )
