"""Property tests: random command sequences against a small model of who is waiting.

The model only remembers which requests were received and which left (withdrawn, removed or
granted), and predicts which commands must be refused; the queue must agree after every command,
keep its display order, and leave itself unchanged when it refuses.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from sessions.live.queue import (
    Entry, Policy, Priority, Queue, QueueRefused, close, finish, grant, move, open_, ordered,
    remove, request, set_policy, skip, withdraw,
)

T0 = datetime(2021, 2, 24, 8, 0, tzinfo=timezone.utc)
SETTINGS = settings(max_examples=300, deadline=None, database=None)
REQUESTERS = "abcdef"
GROUPS = ("member_state", "un_entity", "intergovernmental", "civil_society")

requester = st.sampled_from(REQUESTERS)
pick = st.integers(0, 7)          # an index into the waiting list, taken modulo its length
command = st.one_of(
    st.tuples(st.just("request"), requester, st.sampled_from(list(Priority)),
              st.integers(0, 50), st.sampled_from(GROUPS), st.none() | st.integers(1, 3)),
    st.tuples(st.just("withdraw"), requester),
    st.tuples(st.just("grant"), pick),
    st.tuples(st.just("finish")),
    st.tuples(st.just("remove"), pick),
    st.tuples(st.just("skip"), pick),
    st.tuples(st.just("move"), pick, st.integers(-1, 8)),
    st.tuples(st.just("close")),
    st.tuples(st.just("open")),
    st.tuples(st.just("policy"), st.sampled_from(list(Policy))),
)


@dataclass
class Model:
    waiting: set[str] = field(default_factory=set)      # entry ids
    grants: int = 0
    serial: int = 0


def _target(q: Queue, index: int) -> str:
    # An empty list gets an id nobody has, so the not_found path is exercised too.
    return q.entries[index % len(q.entries)].id if q.entries else "missing"


def _entry(model: Model, who: str, priority: Priority, t: int, group: str, rank) -> Entry:
    return Entry(id=f"e{model.serial}", requester=who, name=who, delegation=who, group=group,
                 language=None, priority=priority, requested_at=T0 + timedelta(seconds=t),
                 rank=rank)


def _invoke(q: Queue, model: Model, cmd: tuple) -> Queue:
    """The real command."""
    name, *args = cmd
    if name == "request":
        return request(q, _entry(model, *args))
    if name == "withdraw":
        return withdraw(q, args[0])
    if name == "finish":
        return finish(q)
    if name == "close":
        return close(q)
    if name == "open":
        return open_(q)
    if name == "policy":
        return set_policy(q, args[0])
    if name == "move":
        return move(q, _target(q, args[0]), args[1])
    return {"grant": grant, "remove": remove, "skip": skip}[name](q, _target(q, args[0]))


def _predict(q: Queue, model: Model, cmd: tuple) -> str | None:
    """The refusal the model expects, or None; on None, the model takes the command in."""
    name, *args = cmd
    if name == "request":
        who, priority = args[0], args[1]
        if not q.open and priority is not Priority.POINT_OF_ORDER:
            return "closed"
        if any(e.requester == who for e in q.entries):
            return "already_queued"
        model.waiting.add(f"e{model.serial}")
    elif name == "withdraw":
        mine = {e.id for e in q.entries if e.requester == args[0]}
        if not mine:
            return "not_queued"
        model.waiting -= mine
    elif name == "finish":
        if q.speaking is None:
            return "invalid_state"
    elif name in ("grant", "remove", "skip", "move"):
        entry_id = _target(q, args[0])
        if entry_id not in model.waiting:
            return "not_found"
        if name == "move" and not 0 <= args[1] < len(q.entries):
            return "bad_request"
        if name in ("grant", "remove"):
            model.waiting.discard(entry_id)
        model.grants += name == "grant"
    return None


def _run(q: Queue, model: Model, cmd: tuple) -> Queue:
    """Apply `cmd`: the queue must refuse exactly when the model says so, and then stay as is."""
    model.serial += 1
    expected = _predict(q, model, cmd)
    before = q
    try:
        after = _invoke(q, model, cmd)
    except QueueRefused as refused:
        assert (refused.code, q) == (expected, before)
        return q
    assert expected is None, f"{cmd} should have been refused with {expected}"
    return after


def _check(q: Queue, model: Model) -> None:
    ids = [e.id for e in q.entries]
    requesters = [e.requester for e in q.entries]
    # Each requester waits at most once; the speaker is not also waiting.
    assert len(set(requesters)) == len(requesters)
    assert q.speaking is None or q.speaking.id not in ids
    # The waiting list is exactly the requests received and not withdrawn, removed or granted.
    assert sorted(ids) == sorted(model.waiting)
    assert len(q.spoken) == model.grants
    # Stored in display order; every pin honoured; the unpinned follow the policy among themselves.
    assert q.entries == ordered(q.entries, q.policy, q.spoken)
    assert all(e.pinned is None or q.entries[e.pinned] == e for e in q.entries)
    unpinned = tuple(e for e in q.entries if e.pinned is None)
    assert unpinned == ordered(unpinned, q.policy, q.spoken)


@SETTINGS
@given(st.lists(command, max_size=40))
def test_queue_random_commands_keep_invariants(commands):
    q, model = Queue(), Model()

    for cmd in commands:
        q = _run(q, model, cmd)
        _check(q, model)


@SETTINGS
@given(st.lists(command, max_size=40))
def test_queue_without_pins_points_of_order_always_lead(commands):
    q, model = Queue(), Model()

    for cmd in commands:
        if cmd[0] in ("move", "skip"):
            continue
        q = _run(q, model, cmd)
        bands = [e.priority is Priority.POINT_OF_ORDER for e in q.entries]
        assert bands == sorted(bands, reverse=True)
