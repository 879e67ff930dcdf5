"""A confirmed list of speakers as statement slots (sessions/speakers_list/slots.py), pure."""
from __future__ import annotations

from datetime import date, time

import pytest

from conference.agenda.schema import ItemSpec, SlotSpec
from conference.errors import MinbarError
from sessions.speakers_list.slots import Statement, slot_id, with_statements


def item(*slots, start=time(11, 15), end=time(12, 15)) -> ItemSpec:
    return ItemSpec(id="plenary-1", kind="plenary", day=date(2021, 2, 24), start=start, end=end,
                    title={"en": "Plenary"}, slots=tuple(slots))


def tbd(n, minutes=5):
    return SlotSpec(id=f"plenary-1-state-{n}", kind="statement", role={"en": "TBD"}, minutes=minutes, tbd=True)


KEYNOTE = SlotSpec(id="plenary-1-keynote", kind="statement", role={"en": "Keynote"}, minutes=10, speaker="amal")
DISCUSSION = SlotSpec(id="plenary-1-discussion", kind="discussion", role={"en": "Discussion"}, minutes=30)


def statements(n):
    return [Statement(entry=str(k), speaker=f"p{k}", language="ar", role={"en": f"D{k}"}) for k in range(n)]


def test_the_list_replaces_the_tbd_statements_where_they_stood():
    out = with_statements(item(KEYNOTE, tbd("a"), tbd("b"), DISCUSSION), statements(2), None)
    assert [s.id for s in out.slots] == ["plenary-1-keynote", slot_id("plenary-1", "0"), slot_id("plenary-1", "1"),
                                         "plenary-1-discussion"]
    assert [s.speaker for s in out.slots] == ["amal", "p0", "p1", None]
    assert [s.minutes for s in out.slots] == [10, 5, 5, 30]


def test_a_second_confirmation_replaces_the_first_ones_slots():
    first = with_statements(item(tbd("a"), DISCUSSION), statements(3), None)
    second = with_statements(first, statements(1), None)
    assert [s.id for s in second.slots] == [slot_id("plenary-1", "0"), "plenary-1-discussion"]


def test_without_tbd_slots_the_list_goes_before_the_discussion_and_takes_the_lists_minutes():
    out = with_statements(item(KEYNOTE, DISCUSSION), statements(1), 4)
    assert [s.id for s in out.slots] == ["plenary-1-keynote", slot_id("plenary-1", "0"), "plenary-1-discussion"]
    assert out.slots[1].minutes == 4
    assert [s.id for s in with_statements(item(KEYNOTE), statements(1), None).slots][-1] == slot_id("plenary-1", "0")


def test_a_list_longer_than_the_time_left_is_refused_with_the_figure():
    with pytest.raises(MinbarError) as refused:
        with_statements(item(KEYNOTE, tbd("a"), DISCUSSION), statements(5), None)   # 60 - 40 = 20 min
    assert refused.value.code == "conflict"
    assert str(refused.value) == "5 speakers × 5 min = 25 min > 20 min"
    assert with_statements(item(KEYNOTE, tbd("a"), DISCUSSION), statements(4), None).slots[-1] == DISCUSSION
    with pytest.raises(MinbarError) as long_list:
        with_statements(item(end=time(12, 0)), statements(12), 5)
    assert str(long_list.value) == "12 speakers × 5 min = 60 min > 45 min"
