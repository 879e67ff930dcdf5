"""The order of a list of speakers (sessions/speakers_list/order.py): the UN rule, the
secretariat's manual places kept across recomputations, and properties on random lists."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.errors import MinbarError
from sessions.speakers_list.order import (
    HEAD, LEVELS, Entry, level_rank, move, order, tier, unplace, withdraw,
)


def e(key, group="member_state", level="other", seq=0, **kw) -> Entry:
    return Entry(key=key, group=group, level=level, seq=seq, **kw)


def keys(entries) -> list[str]:
    return [x.key for x in entries]


# -- the rule ------------------------------------------------------------------------------------

def test_member_states_then_observers_then_un_entities_then_other_stakeholders():
    entries = [e("ngo", "civil_society", seq=1), e("un", "un_entity", seq=2),
               e("igo", "intergovernmental", seq=3), e("obs", "observer_state", seq=4),
               e("ms", "member_state", seq=5), e("aca", "academia", seq=6)]
    assert keys(order(entries)) == ["ms", "igo", "obs", "un", "ngo", "aca"]


def test_within_a_tier_the_level_of_representation_comes_first():
    entries = [e(level, level=level, seq=n) for n, level in enumerate(reversed(LEVELS))]
    assert keys(order(entries)) == list(LEVELS)


def test_a_minister_of_a_member_state_precedes_a_head_of_state_of_an_observer():
    entries = [e("obs-hos", "observer_state", "head_of_state", 1), e("ms-min", "member_state", "minister", 2)]
    assert keys(order(entries)) == ["ms-min", "obs-hos"]


def test_same_tier_and_level_go_by_order_of_inscription():
    entries = [e("c", seq=3), e("a", seq=1), e("b", seq=2)]
    assert keys(order(entries)) == ["a", "b", "c"]


def test_unknown_group_and_level_count_as_other():
    assert tier("somebody") == tier("civil_society") == 3
    assert level_rank("emperor") == level_rank("other") == len(LEVELS) - 1
    assert tier("member_state") < tier("observer") == tier("intergovernmental") < tier("un_entity")


def test_an_empty_list_is_empty():
    assert order([]) == ()


# -- manual places -------------------------------------------------------------------------------

def test_a_move_places_the_entry_after_the_one_shown_before_it():
    listed = order([e("min", level="minister", seq=1), e("hod", level="head_of_delegation", seq=2),
                    e("oth", seq=3)])
    moved = move(listed, "oth", 0)
    assert keys(moved) == ["oth", "min", "hod"]
    assert moved[0].placed and moved[0].after == HEAD
    moved = move(listed, "min", 2)
    assert keys(moved) == ["hod", "oth", "min"]
    assert moved[2].after == "oth"


def test_a_new_inscription_goes_by_the_rule_and_placed_entries_keep_their_anchor():
    listed = move(order([e("a", level="minister", seq=1), e("b", level="other", seq=2),
                         e("c", level="other", seq=3)]), "c", 1)   # c now right after a
    assert keys(listed) == ["a", "c", "b"]
    # A head of State inscribed later goes first; c still follows a.
    grown = order(list(listed) + [e("hos", level="head_of_state", seq=4)])
    assert keys(grown) == ["hos", "a", "c", "b"]
    # Another minister goes after a by the rule, and c stays right after a.
    grown = order(list(grown) + [e("min2", level="minister", seq=5)])
    assert keys(grown) == ["hos", "a", "c", "min2", "b"]


def test_two_entries_placed_after_the_same_one_keep_their_shown_order():
    listed = order([e("a", seq=1), e("b", seq=2), e("c", seq=3), e("d", seq=4)])
    listed = move(listed, "d", 1)         # a d b c
    listed = move(listed, "c", 1)         # a c d b: c follows a, d still follows c
    assert keys(listed) == ["a", "c", "d", "b"]
    assert keys(order(list(listed) + [e("new", level="minister", seq=5)])) == ["new", "a", "c", "d", "b"]


def test_withdrawing_an_anchor_keeps_its_followers_where_they_were_shown():
    listed = move(order([e("a", seq=1), e("b", seq=2), e("c", seq=3)]), "c", 1)   # a c b
    after = withdraw(listed, "a")
    assert keys(after) == ["c", "b"]
    assert after[0].after == HEAD


def test_moving_an_anchor_leaves_its_followers_in_place():
    listed = move(order([e("a", seq=1), e("b", seq=2), e("c", seq=3)]), "c", 1)   # a c b
    assert keys(move(listed, "a", 2)) == ["c", "b", "a"]


def test_unplace_gives_the_entry_back_to_the_rule():
    listed = move(order([e("min", level="minister", seq=1), e("oth", seq=2)]), "oth", 0)
    assert keys(listed) == ["oth", "min"]
    back = unplace(listed, "oth")
    assert keys(back) == ["min", "oth"] and not back[1].placed


def test_refusals_name_what_is_wrong():
    listed = order([e("a", seq=1), e("b", seq=2)])
    with pytest.raises(MinbarError) as missing:
        move(listed, "zz", 0)
    assert missing.value.code == "not_found"
    for bad in (-1, 2, True, "1"):
        with pytest.raises(MinbarError) as out_of_range:
            move(listed, "a", bad)
        assert out_of_range.value.code == "bad_request" and "0 to 1" in str(out_of_range.value)
    with pytest.raises(MinbarError):
        withdraw(listed, "zz")


def test_an_anchor_that_is_absent_puts_the_entry_first_and_a_cycle_loses_nobody():
    assert keys(order([e("a", seq=1), e("b", seq=2, placed=True, after="gone")])) == ["b", "a"]
    cycle = [e("a", seq=1, placed=True, after="b"), e("b", seq=2, placed=True, after="a"), e("c", seq=3)]
    assert sorted(keys(order(cycle))) == ["a", "b", "c"]


# -- properties ------------------------------------------------------------------------------------

GROUPS = ["member_state", "observer_state", "intergovernmental", "un_entity", "civil_society", "migrants"]


@st.composite
def lists(draw, min_size=0):
    n = draw(st.integers(min_value=min_size, max_value=9))
    entries = [e(f"k{i}", draw(st.sampled_from(GROUPS)), draw(st.sampled_from(LEVELS)), seq=i)
               for i in range(n)]
    shown = list(order(entries))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):   # a few manual moves
        if shown:
            key = draw(st.sampled_from(keys(shown)))
            shown = list(move(shown, key, draw(st.integers(min_value=0, max_value=len(shown) - 1))))
    return shown


@settings(max_examples=300, deadline=None)
@given(lists())
def test_order_is_a_permutation_and_stable_once_ordered(shown):
    again = order(shown)
    assert sorted(keys(again)) == sorted(keys(shown))
    assert again == tuple(shown)


@settings(max_examples=300, deadline=None)
@given(lists(min_size=1), st.data())
def test_a_move_changes_only_the_moved_entry(shown, data):
    key = data.draw(st.sampled_from(keys(shown)))
    position = data.draw(st.integers(min_value=0, max_value=len(shown) - 1))
    expected = [k for k in keys(shown) if k != key]
    expected.insert(position, key)
    assert keys(move(shown, key, position)) == expected


@settings(max_examples=300, deadline=None)
@given(lists(min_size=1), st.data())
def test_a_withdrawal_changes_only_the_withdrawn_entry(shown, data):
    key = data.draw(st.sampled_from(keys(shown)))
    assert keys(withdraw(shown, key)) == [k for k in keys(shown) if k != key]


@settings(max_examples=300, deadline=None)
@given(lists(), st.sampled_from(GROUPS), st.sampled_from(LEVELS))
def test_a_new_inscription_keeps_every_other_entry_in_its_order(shown, group, level):
    new = e("new", group, level, seq=100)
    grown = order(list(shown) + [new])
    assert [k for k in keys(grown) if k != "new"] == keys(shown)
    # Among the entries the rule sorts, the new one stands where the rule puts it.
    ruled = [x for x in grown if not x.placed]
    assert ruled == sorted(ruled, key=lambda x: (tier(x.group), level_rank(x.level), x.seq))


@settings(max_examples=300, deadline=None)
@given(lists())
def test_pinned_entries_follow_their_anchor_and_keep_their_order(shown):
    positions = {k: i for i, k in enumerate(keys(shown))}
    for x in shown:
        if x.placed and x.after != HEAD:
            assert positions[x.after] < positions[x.key]
    placed = [x.key for x in shown if x.placed]
    regrown = order(list(shown) + [e("late", "member_state", "head_of_state", seq=99)])
    assert [k for k in keys(regrown) if k in placed] == placed
