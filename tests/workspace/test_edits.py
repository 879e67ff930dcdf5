"""Pure edits of an agenda spec."""
from __future__ import annotations

from datetime import date, time

import pytest

from conference.agenda import validate
from conference.errors import MinbarError
from conference.paths import bundled_agenda
from conference.workspace import edits

SPEC, _ = validate.check_file(bundled_agenda())


def _item(spec, key):
    return next(i for i in spec.items if i.id == key)


def test_a_move_keeps_the_length_and_a_resize_keeps_the_start():
    moved = edits.move_item(SPEC, "plenary-1", start=time(11, 30))
    assert (_item(moved, "plenary-1").start, _item(moved, "plenary-1").end) == (time(11, 30), time(12, 30))
    resized = edits.move_item(SPEC, "plenary-1", end=time(12, 0))
    assert (_item(resized, "plenary-1").start, _item(resized, "plenary-1").end) == (time(11, 15), time(12, 0))


def test_shift_following_moves_only_the_later_items_of_that_day():
    shifted = edits.move_item(SPEC, "plenary-1", end=time(12, 0), shift_following=True)
    assert _item(shifted, "break-1").start == time(12, 0)
    assert _item(shifted, "opening").start == _item(SPEC, "opening").start
    day2 = [i for i in SPEC.items if i.day != _item(SPEC, "plenary-1").day]
    assert all(_item(shifted, i.id) == i for i in day2)


def test_shifting_past_midnight_is_refused():
    with pytest.raises(MinbarError):
        edits.move_item(SPEC, "plenary-1", end=time(23, 59), shift_following=True)


def test_unknown_references_are_not_found():
    for call in (lambda: edits.move_item(SPEC, "nope", end=time(12, 0)),
                 lambda: edits.set_slot(SPEC, "plenary-1", "nope", minutes=3),
                 lambda: edits.set_chair(SPEC, "plenary-1", "nobody"),
                 lambda: edits.set_interpreters(SPEC, "de", [])):
        with pytest.raises(MinbarError) as refused:
            call()
        assert refused.value.code == "not_found"


def test_reorder_and_clone():
    order = [s.id for s in _item(SPEC, "plenary-1").slots][::-1]
    assert [s.id for s in _item(edits.reorder_slots(SPEC, "plenary-1", order), "plenary-1").slots] == order
    with pytest.raises(MinbarError):
        edits.reorder_slots(SPEC, "plenary-1", order[1:])
    clone = edits.clone(SPEC, "next", date(2022, 7, 6))
    assert clone.days == (date(2022, 7, 6), date(2022, 7, 7))
    assert _item(clone, "plenary-1").start == _item(SPEC, "plenary-1").start
