import copy
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from sessions.live.queue import (
    Budget, Entry, Policy, Priority, Queue, QueueRefused, budget, close, estimated_wait_s, finish,
    grant, move, open_, ordered, position_of, remove, request, set_policy, skip, to_contract,
    withdraw,
)

UTC = timezone.utc
T0 = datetime(2021, 2, 24, 8, 0, tzinfo=UTC)
ORDER, REPLY, ORDINARY = Priority.POINT_OF_ORDER, Priority.RIGHT_OF_REPLY, Priority.ORDINARY
BY_REQUEST, STATES_FIRST, FIRST_TURNS = (
    Policy.BY_REQUEST, Policy.STATES_FIRST, Policy.FIRST_TURNS_FIRST)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def entry(key: str, t: float = 0, *, id: str | None = None, group: str = "member_state",
          priority: Priority = ORDINARY, rank: int | None = None) -> Entry:
    """An entry for requester `key`, asked at T0 + t seconds."""
    return Entry(id=id or f"e-{key}", requester=key, name=f"Speaker {key}",
                 delegation=f"Delegation {key}", group=group, language="ar", priority=priority,
                 requested_at=at(t), rank=rank)


def pin(e: Entry, index: int) -> Entry:
    return replace(e, pinned=index)


def queue_of(*entries: Entry, policy: Policy = BY_REQUEST, spoken: tuple[str, ...] = ()) -> Queue:
    q = Queue(policy=policy, spoken=spoken)
    for e in entries:
        q = request(q, e)
    return q


def refused(command, q: Queue, *args) -> tuple[str, str]:
    """Run a command that must be refused; check it left the queue as it was."""
    before = copy.deepcopy(q)
    with pytest.raises(QueueRefused) as info:
        command(q, *args)
    assert q == before
    return info.value.code, info.value.message


a, b, c, d = entry("a", 1), entry("b", 2), entry("c", 3), entry("d", 4)
p = entry("p", 9, priority=ORDER)


# --- priority bands --------------------------------------------------------------------------

def test_request_point_of_order_goes_before_earlier_requests():
    assert queue_of(a, b, p) == Queue(entries=(p, a, b))


def test_request_right_of_reply_goes_after_point_of_order_and_before_ordinary():
    r = entry("r", 5, priority=REPLY)

    assert queue_of(a, r, p) == Queue(entries=(p, r, a))


@pytest.mark.parametrize("policy", list(Policy))
def test_ordered_point_of_order_first_under_every_policy(policy):
    state = entry("s", 0, rank=1)
    ngo = entry("n", 9, group="civil_society", priority=ORDER)

    assert ordered((state, ngo), policy, spoken=("n",)) == (ngo, state)


@pytest.mark.parametrize("policy", list(Policy))
def test_ordered_right_of_reply_before_ordinary_under_every_policy(policy):
    state = entry("s", 0, rank=1)
    ngo = entry("n", 9, group="civil_society", priority=REPLY)

    assert ordered((state, ngo), policy, spoken=("n",)) == (ngo, state)


def test_request_point_of_order_on_closed_list_is_received():
    q = close(queue_of(a))

    assert request(q, p) == Queue(open=False, entries=(p, a))


@pytest.mark.parametrize("priority", [ORDINARY, REPLY])
def test_request_other_priority_on_closed_list_refused_closed(priority):
    q = close(queue_of(a))

    assert refused(request, q, entry("b", 2, priority=priority)) == (
        "closed", "The list of speakers is closed.")


# --- by_request ------------------------------------------------------------------------------

def test_ordered_by_request_follows_request_time_not_arrival():
    assert queue_of(c, a, b) == Queue(entries=(a, b, c))


def test_ordered_by_request_equal_times_keep_arrival_order():
    first, second = entry("y", 5), entry("x", 5)

    assert queue_of(first, second) == Queue(entries=(first, second))


def test_ordered_by_request_ignores_turns_already_taken():
    assert ordered((a, b), BY_REQUEST, spoken=("a",)) == (a, b)


# --- states_first ----------------------------------------------------------------------------

def test_ordered_states_first_member_states_then_observers_then_others():
    ngo = entry("ngo", 0, group="civil_society")
    igo = entry("igo", 1, group="intergovernmental")
    state = entry("state", 2, group="member_state")
    un = entry("un", 3, group="un_entity")
    academia = entry("uni", 4, group="academia")
    observer = entry("obs", 5, group="observer_state")     # an observer State: with the observers

    assert ordered((ngo, igo, state, un, academia, observer), STATES_FIRST) == (
        state, igo, un, observer, ngo, academia)


def test_ordered_states_first_lower_rank_first_then_unranked_by_request():
    unranked = entry("u", 0)
    third = entry("r3", 1, rank=3)
    first = entry("r1", 2, rank=1)
    unranked_later = entry("v", 3)

    assert ordered((unranked, third, first, unranked_later), STATES_FIRST) == (
        first, third, unranked, unranked_later)


def test_ordered_states_first_ignores_rank_outside_member_states():
    igo = entry("igo", 0, group="intergovernmental")
    un = entry("un", 1, group="un_entity", rank=1)

    assert ordered((un, igo), STATES_FIRST) == (igo, un)


def test_set_policy_states_first_resorts_waiting_list():
    ngo = entry("ngo", 0, group="civil_society")
    state = entry("state", 1)

    assert set_policy(queue_of(ngo, state), STATES_FIRST) == Queue(
        policy=STATES_FIRST, entries=(state, ngo))


# --- first_turns_first -----------------------------------------------------------------------

def test_ordered_first_turns_first_puts_requesters_who_spoke_after():
    assert ordered((a, b, c), FIRST_TURNS, spoken=("a",)) == (b, c, a)


def test_ordered_first_turns_first_second_and_third_turns_rank_alike():
    assert ordered((a, b), FIRST_TURNS, spoken=("a", "a", "b")) == (a, b)


def test_request_under_first_turns_first_second_turn_waits_behind_later_first_turn():
    q = grant(queue_of(a, b, policy=FIRST_TURNS), "e-a")
    again = entry("a", 5, id="e-a2")
    late = entry("c", 6)

    assert request(request(q, again), late) == Queue(
        policy=FIRST_TURNS, entries=(b, late, again), speaking=a, spoken=("a",))


# --- request and withdraw --------------------------------------------------------------------

def test_request_on_empty_list_adds_entry():
    assert request(Queue(), a) == Queue(entries=(a,))


@pytest.mark.parametrize("priority", list(Priority))
def test_request_requester_already_waiting_refused_already_queued(priority):
    q = queue_of(a, b)

    assert refused(request, q, entry("a", 5, id="e-a2", priority=priority)) == (
        "already_queued", "You are already on the list of speakers.")


def test_request_by_current_speaker_is_received():
    q = grant(queue_of(a), "e-a")
    again = entry("a", 5, id="e-a2")

    assert request(q, again) == Queue(entries=(again,), speaking=a, spoken=("a",))


@pytest.mark.parametrize("holder", ["waiting", "speaking"])
def test_request_reused_entry_id_refused_bad_request(holder):
    q = queue_of(a, b) if holder == "waiting" else grant(queue_of(a, b), "e-a")

    assert refused(request, q, entry("z", 5, id="e-a")) == (
        "bad_request", "That request id is already in use.")


def test_request_drops_pin_carried_by_new_entry():
    assert queue_of(a, b, pin(c, 0)) == Queue(entries=(a, b, c))


def test_withdraw_waiting_requester_leaves_list():
    assert withdraw(queue_of(a, b, c), "b") == Queue(entries=(a, c))


def test_withdraw_not_waiting_refused_not_queued():
    assert refused(withdraw, queue_of(a), "z") == (
        "not_queued", "You are not on the list of speakers.")


def test_withdraw_current_speaker_refused_not_queued():
    q = grant(queue_of(a, b), "e-a")

    assert refused(withdraw, q, "a") == ("not_queued", "You are not on the list of speakers.")


# --- grant, finish, remove -------------------------------------------------------------------

def test_grant_moves_entry_to_speaking_and_records_turn():
    assert grant(queue_of(a, b), "e-a") == Queue(entries=(b,), speaking=a, spoken=("a",))


def test_grant_any_waiting_entry_not_only_first():
    assert grant(queue_of(a, b, c), "e-c") == Queue(entries=(a, b), speaking=c, spoken=("c",))


def test_grant_while_someone_speaks_replaces_the_speaker():
    q = grant(queue_of(a, b), "e-a")

    assert grant(q, "e-b") == Queue(speaking=b, spoken=("a", "b"))


def test_grant_unknown_entry_refused_not_found():
    assert refused(grant, queue_of(a), "e-z") == (
        "not_found", "There is no such request in the list of speakers.")


def test_grant_speaking_entry_again_refused_not_found():
    q = grant(queue_of(a, b), "e-a")

    assert refused(grant, q, "e-a") == (
        "not_found", "There is no such request in the list of speakers.")


def test_finish_clears_speaker_and_keeps_turns():
    q = grant(queue_of(a, b), "e-a")

    assert finish(q) == Queue(entries=(b,), spoken=("a",))


def test_finish_nobody_speaking_refused_invalid_state():
    assert refused(finish, queue_of(a)) == ("invalid_state", "Nobody has the floor.")


def test_remove_waiting_entry_leaves_list():
    assert remove(queue_of(a, b, c), "e-a") == Queue(entries=(b, c))


def test_remove_unknown_entry_refused_not_found():
    assert refused(remove, queue_of(a), "e-z") == (
        "not_found", "There is no such request in the list of speakers.")


# --- move and pins ---------------------------------------------------------------------------

def test_move_puts_entry_at_position_and_pins_it():
    assert move(queue_of(a, b, c), "e-c", 0) == Queue(entries=(pin(c, 0), a, b))


def test_move_down_pins_entry_there():
    assert move(queue_of(a, b, c), "e-a", 2) == Queue(entries=(b, c, pin(a, 2)))


def test_move_shifts_other_pinned_entries_like_a_list():
    q = move(queue_of(a, b, c, d), "e-d", 1)          # a, d@1, b, c

    assert move(q, "e-c", 0) == Queue(entries=(pin(c, 0), a, pin(d, 2), b))


@pytest.mark.parametrize("position", [-1, 3, True, "1", 1.0, None])
def test_move_position_out_of_range_refused_bad_request(position):
    assert refused(move, queue_of(a, b, c), "e-a", position) == (
        "bad_request", "The position must be between 0 and 2.")


def test_move_unknown_entry_refused_not_found():
    assert refused(move, queue_of(a, b), "e-z", 0) == (
        "not_found", "There is no such request in the list of speakers.")


def test_pin_kept_across_policy_change_while_others_resort():
    ngo = entry("ngo", 1, group="civil_society")
    state = entry("state", 2)
    q = move(queue_of(ngo, state, c), "e-c", 0)       # c@0, ngo, state

    assert set_policy(q, STATES_FIRST) == Queue(policy=STATES_FIRST,
                                                entries=(pin(c, 0), state, ngo))


def test_pin_kept_when_earlier_request_arrives():
    q = move(queue_of(b, c, d), "e-d", 1)             # b, d@1, c

    assert request(q, a) == Queue(entries=(a, pin(d, 1), b, c))


def test_pin_at_head_stays_ahead_of_new_point_of_order():
    q = move(queue_of(a, b), "e-b", 0)                # b@0, a

    assert request(q, p) == Queue(entries=(pin(b, 0), p, a))


def test_pinned_entry_moves_up_when_entry_ahead_is_granted():
    q = move(queue_of(a, b, c), "e-c", 1)             # a, c@1, b

    assert grant(q, "e-a") == Queue(entries=(pin(c, 0), b), speaking=a, spoken=("a",))


def test_pinned_entry_moves_up_when_entry_ahead_withdraws():
    q = move(queue_of(a, b, c, d), "e-d", 2)          # a, b, d@2, c

    assert withdraw(q, "a") == Queue(entries=(b, pin(d, 1), c))


def test_pinned_entry_stays_when_entry_behind_is_removed():
    q = move(queue_of(a, b, c), "e-c", 1)             # a, c@1, b

    assert remove(q, "e-b") == Queue(entries=(a, pin(c, 1)))


def test_grant_pinned_entry_speaks_without_its_pin():
    q = move(queue_of(a, b), "e-b", 0)

    assert grant(q, "e-b") == Queue(entries=(a,), speaking=b, spoken=("b",))


def test_ordered_pin_past_end_goes_last():
    assert ordered((pin(a, 7), b, c), BY_REQUEST) == (b, c, pin(a, 7))


def test_ordered_duplicate_pins_keep_stored_order():
    assert ordered((pin(c, 0), pin(a, 0), b), BY_REQUEST) == (pin(c, 0), pin(a, 0), b)


# --- skip ------------------------------------------------------------------------------------

def test_skip_moves_entry_to_end_of_its_band():
    p2 = entry("p2", 10, priority=ORDER)

    assert skip(queue_of(a, b, p, p2), "e-p") == Queue(entries=(p2, pin(p, 1), a, b))


def test_skip_keeps_later_requests_of_its_band_behind_it():
    q = skip(queue_of(a, b, c), "e-a")                # b, c, a@2

    assert request(q, d) == Queue(entries=(b, c, pin(a, 2), d))


def test_skip_last_of_its_band_stays_in_place():
    assert skip(queue_of(a, b), "e-b") == Queue(entries=(a, pin(b, 1)))


def test_skip_unknown_entry_refused_not_found():
    assert refused(skip, queue_of(a), "e-z") == (
        "not_found", "There is no such request in the list of speakers.")


# --- open, close, policy ---------------------------------------------------------------------

def test_close_open_list_closes_it():
    assert close(queue_of(a)) == Queue(open=False, entries=(a,))


def test_close_closed_list_is_a_no_op():
    q = close(queue_of(a))

    assert close(q) == Queue(open=False, entries=(a,))


def test_open_closed_list_receives_requests_again():
    q = open_(close(queue_of(a)))

    assert request(q, b) == Queue(entries=(a, b))


def test_set_policy_accepts_contract_string():
    assert set_policy(queue_of(a), "first_turns_first") == Queue(policy=FIRST_TURNS, entries=(a,))


@pytest.mark.parametrize("policy", ["loudest_first", "", None])
def test_set_policy_unknown_refused_bad_request(policy):
    assert refused(set_policy, queue_of(a), policy) == (
        "bad_request", f"Unknown ordering policy {policy!r}.")


# --- values ----------------------------------------------------------------------------------

def test_queue_policy_string_becomes_enum():
    assert Queue(policy="states_first") == Queue(policy=STATES_FIRST)


def test_entry_priority_string_becomes_enum():
    assert replace(a, priority="point_of_order").priority is ORDER


def test_entry_naive_requested_at_raises():
    with pytest.raises(ValueError):
        replace(a, requested_at=datetime(2021, 2, 24, 8, 0))


# --- budget, positions, waits ----------------------------------------------------------------

def test_budget_list_shorter_than_block_fits():
    assert budget(queue_of(a, b, c), T0, 1000, 300) == Budget(needed_s=900, remaining_s=1000,
                                                              fits=True)


def test_budget_list_exactly_filling_block_fits():
    assert budget(queue_of(a, b), T0, 600, 300) == Budget(needed_s=600, remaining_s=600, fits=True)


def test_budget_list_longer_than_block_does_not_fit():
    assert budget(queue_of(a, b, c), T0, 899, 300) == Budget(needed_s=900, remaining_s=899,
                                                             fits=False)


def test_budget_block_overrun_counts_as_no_time_left():
    assert budget(queue_of(a), T0, -120, 300) == Budget(needed_s=300, remaining_s=0, fits=False)


def test_budget_empty_list_fits_even_with_no_time_left():
    assert budget(Queue(), T0, 0, 300) == Budget(needed_s=0, remaining_s=0, fits=True)


def test_budget_current_speaker_not_counted():
    q = grant(queue_of(a, b), "e-a")

    assert budget(q, T0, 300, 300) == Budget(needed_s=300, remaining_s=300, fits=True)


def test_budget_naive_now_raises():
    with pytest.raises(ValueError):
        budget(queue_of(a), datetime(2021, 2, 24, 8, 0), 600, 300)


def test_position_of_waiting_requester_is_zero_based():
    q = queue_of(a, b, c)

    assert [position_of(q, key) for key in ("a", "b", "c")] == [0, 1, 2]


def test_position_of_speaker_or_stranger_is_none():
    q = grant(queue_of(a, b), "e-a")

    assert (position_of(q, "a"), position_of(q, "z")) == (None, None)


def test_estimated_wait_s_counts_everyone_ahead_at_full_limit():
    q = queue_of(a, b, c)

    assert [estimated_wait_s(q, key, 300) for key in ("a", "b", "c")] == [0, 300, 600]


def test_estimated_wait_s_not_waiting_is_none():
    assert estimated_wait_s(queue_of(a), "z", 300) is None


# --- to_contract -----------------------------------------------------------------------------

def test_to_contract_publishes_contract_shape():
    beirut = timezone(timedelta(hours=2))
    local = replace(b, requested_at=datetime(2021, 2, 24, 10, 5, 30, 250_000, tzinfo=beirut),
                    language=None, group="civil_society")
    q = close(grant(queue_of(a, local, policy=STATES_FIRST), "e-a"))

    assert to_contract(q) == {
        "open": False,
        "policy": "states_first",
        "entries": [{
            "id": "e-b", "name": "Speaker b", "delegation": "Delegation b",
            "group": "civil_society", "priority": "ordinary",
            "requested_at": "2021-02-24T08:05:30+00:00", "language": None,
        }],
        "speaking": {
            "id": "e-a", "name": "Speaker a", "delegation": "Delegation a",
            "group": "member_state", "priority": "ordinary",
            "requested_at": "2021-02-24T08:00:01+00:00", "language": "ar",
        },
    }


def test_to_contract_empty_queue():
    assert to_contract(Queue()) == {"open": True, "policy": "by_request", "entries": [],
                                    "speaking": None}


def test_to_contract_values_are_plain_strings():
    state = to_contract(queue_of(p))

    assert (type(state["policy"]), type(state["entries"][0]["priority"])) == (str, str)
