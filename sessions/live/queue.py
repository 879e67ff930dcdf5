"""The open-discussion list of speakers: who asked for the floor, in which order they are called.

A `Queue` is an immutable value; every command is a pure function that returns a new Queue or raises
`QueueRefused(code, message)` and changes nothing. `entries` is always stored in display order, so
`entries[0]` is the next speaker the list proposes (the chair may still grant any entry).

The order, computed by `ordered()` alone:

1. Priority bands, fixed: point of order, then right of reply, then ordinary requests.
2. Inside a band, the policy:
   - `by_request`: order of request (`requested_at`);
   - `states_first`: Member States, then observers (`un_entity`, `intergovernmental`), then every
     other stakeholder group; among Member States a protocol `rank` comes first, lower number first,
     unranked after ranked; then order of request;
   - `first_turns_first`: nobody takes the floor a second time while someone waits for a first
     turn: requesters who already spoke in this session (`spoken`) go after those who have not
     (a third turn counts like a second), then order of request.
   Equal keys keep the order in which the entries were stored, so ties go to the earlier arrival.
3. Pins. A chair's manual move (`move`, and `skip`) pins an entry to an index. Pins are placed after
   sorting and are honoured literally, ahead of the bands: the chair's explicit decision outranks
   the automatic order (a point of order arriving while an entry is pinned at 0 is shown at 1; the
   chair sees it and can grant it at once).
   - A new request or a policy change leaves every pin where it is; only unpinned entries re-sort
     around the pinned ones.
   - A change *to the list itself* (an entry leaves by grant, withdraw or remove, or is moved or
     skipped) behaves like editing a shown list: the pinned entries shift with it and are re-pinned
     at their new index, so a speaker pinned third becomes second when the first one is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import StrEnum

from conference.errors import MinbarError


class Priority(StrEnum):
    POINT_OF_ORDER = "point_of_order"
    RIGHT_OF_REPLY = "right_of_reply"
    ORDINARY = "ordinary"


class Policy(StrEnum):
    BY_REQUEST = "by_request"
    STATES_FIRST = "states_first"
    FIRST_TURNS_FIRST = "first_turns_first"


_BAND = {Priority.POINT_OF_ORDER: 0, Priority.RIGHT_OF_REPLY: 1, Priority.ORDINARY: 2}
# states_first tiers; any group not named here (civil society, academia, ...) is tier 2.
_GROUP_TIER = {"member_state": 0, "observer_state": 1, "un_entity": 1, "intergovernmental": 1}


# A refused command: `code` is a contract error code, `message` a plain English sentence. The one
# refusal type of the live core and the wire (`conference.errors.MinbarError`).
QueueRefused = MinbarError


@dataclass(frozen=True)
class Entry:
    """One request for the floor. `requester` is a stable participant key (one waiting entry each);
    `rank` is the protocol rank of a Member State; `pinned` is the index a chair's move fixed."""

    id: str
    requester: str
    name: str
    delegation: str
    group: str
    language: str | None
    priority: Priority
    requested_at: datetime
    rank: int | None = None
    pinned: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "priority", Priority(self.priority))
        at = self.requested_at
        if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"requested_at must be an aware datetime, got {at!r}")


@dataclass(frozen=True)
class Queue:
    """The list of one session. `spoken` holds the requester keys that already had the floor in this
    session, in order, with repeats (first_turns_first reads it; time balances can too).

    The commands keep `entries` in display order; the constructor does not sort, so a loader passes
    the entries in their stored order or through `ordered()` first."""

    open: bool = True
    policy: Policy = Policy.BY_REQUEST
    entries: tuple[Entry, ...] = ()
    speaking: Entry | None = None
    spoken: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "policy", Policy(self.policy))
        object.__setattr__(self, "entries", tuple(self.entries))
        object.__setattr__(self, "spoken", tuple(self.spoken))


@dataclass(frozen=True)
class Budget:
    """Whether the waiting list fits the discussion block at the per-intervention limit."""

    needed_s: int
    remaining_s: int
    fits: bool


# --- the order -------------------------------------------------------------------------------

def _policy_key(entry: Entry, policy: Policy, spoken: frozenset[str]) -> tuple:
    if policy is Policy.STATES_FIRST:
        tier = _GROUP_TIER.get(entry.group, 2)
        ranked = tier == 0 and entry.rank is not None
        return (tier, 0 if ranked else 1, entry.rank if ranked else 0, entry.requested_at)
    if policy is Policy.FIRST_TURNS_FIRST:
        return (entry.requester in spoken, entry.requested_at)
    return (entry.requested_at,)


def ordered(entries: Iterable[Entry], policy: Policy,
            spoken: Iterable[str] = ()) -> tuple[Entry, ...]:
    """The display order: unpinned entries sorted by (priority band, policy key), stable; then each
    pinned entry inserted at its pin, lowest pin first. A pin past the end (or a duplicate pin,
    which the commands never produce) lands at the first free index after the previous pin."""
    policy, spoken = Policy(policy), frozenset(spoken)
    entries = tuple(entries)
    out = sorted((e for e in entries if e.pinned is None),
                 key=lambda e: (_BAND[e.priority], _policy_key(e, policy, spoken)))
    previous = -1
    for entry in sorted((e for e in entries if e.pinned is not None), key=lambda e: e.pinned):
        index = min(max(entry.pinned, previous + 1), len(out))
        out.insert(index, entry)
        previous = index
    return tuple(out)


def _settled(q: Queue, entries: Iterable[Entry], **changes) -> Queue:
    """A new queue whose entries are stored in the order `ordered` gives."""
    q = replace(q, **changes)
    return replace(q, entries=ordered(entries, q.policy, q.spoken))


def _as_shown(shown: list[Entry]) -> list[Entry]:
    """Re-pin every pinned entry at the index it has in `shown` (a list the chair just edited)."""
    return [replace(e, pinned=i) if e.pinned is not None else e for i, e in enumerate(shown)]


def _index(q: Queue, entry_id: str) -> int:
    for i, entry in enumerate(q.entries):
        if entry.id == entry_id:
            return i
    raise QueueRefused("not_found", "There is no such request in the list of speakers.")


def _without(q: Queue, index: int) -> list[Entry]:
    shown = list(q.entries)
    del shown[index]
    return _as_shown(shown)


# --- commands --------------------------------------------------------------------------------

def request(q: Queue, entry: Entry) -> Queue:
    """Add a request. A closed list refuses it ("closed") except a point of order, which is always
    receivable; a requester already waiting is refused ("already_queued"). A requester who is
    speaking now may ask again. A `pinned` on the new entry is ignored: pins come from the chair."""
    if not q.open and entry.priority is not Priority.POINT_OF_ORDER:
        raise QueueRefused("closed", "The list of speakers is closed.")
    if any(e.requester == entry.requester for e in q.entries):
        raise QueueRefused("already_queued", "You are already on the list of speakers.")
    if any(e.id == entry.id for e in q.entries) or (q.speaking and q.speaking.id == entry.id):
        raise QueueRefused("bad_request", "That request id is already in use.")
    return _settled(q, q.entries + (replace(entry, pinned=None),))


def withdraw(q: Queue, requester: str) -> Queue:
    """The requester takes back their waiting request ("not_queued" if they have none)."""
    for i, entry in enumerate(q.entries):
        if entry.requester == requester:
            return _settled(q, _without(q, i))
    raise QueueRefused("not_queued", "You are not on the list of speakers.")


def grant(q: Queue, entry_id: str) -> Queue:
    """Give the floor to a waiting entry (any one, not only the first). Whoever was speaking yields
    the floor; the new speaker's requester is appended to `spoken`."""
    i = _index(q, entry_id)
    speaker = replace(q.entries[i], pinned=None)
    return _settled(q, _without(q, i), speaking=speaker, spoken=q.spoken + (speaker.requester,))


def finish(q: Queue) -> Queue:
    """The speaker ends ("invalid_state" when nobody has the floor)."""
    if q.speaking is None:
        raise QueueRefused("invalid_state", "Nobody has the floor.")
    return replace(q, speaking=None)


def remove(q: Queue, entry_id: str) -> Queue:
    """The chair strikes a waiting entry from the list ("not_found" if it is not waiting)."""
    return _settled(q, _without(q, _index(q, entry_id)))


def move(q: Queue, entry_id: str, position: int) -> Queue:
    """Put a waiting entry at `position` (0-based, within the list) and pin it there. The other
    entries keep their order, as in a dragged list; pinned ones are re-pinned where they land."""
    i = _index(q, entry_id)
    last = len(q.entries) - 1
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= last:
        raise QueueRefused("bad_request", f"The position must be between 0 and {last}.")
    shown = list(q.entries)
    entry = shown.pop(i)
    shown.insert(position, replace(entry, pinned=position))
    return _settled(q, _as_shown(shown))


def skip(q: Queue, entry_id: str) -> Queue:
    """Pass over a waiting entry for now: it goes just after the last entry of its own priority band
    as the list stands, pinned there; it is a move like any other. Like any pin it then keeps that
    index, so a later request that sorts to the end of the list comes after it: it stepped to the
    back of the line as it stood, it did not leave it. Skipping the last of a band pins it there."""
    i = _index(q, entry_id)
    band = q.entries[i].priority
    last = max(k for k, e in enumerate(q.entries) if e.priority is band)
    return move(q, entry_id, last)


def close(q: Queue) -> Queue:
    """Close the list to new requests (points of order stay receivable). Closing a closed list is a
    no-op, so a repeated command is harmless."""
    return replace(q, open=False)


def open_(q: Queue) -> Queue:
    """Reopen the list (a no-op when it is open). Named with `_` because `open` is a builtin."""
    return replace(q, open=True)


def set_policy(q: Queue, policy: Policy | str) -> Queue:
    """Change the ordering policy: unpinned entries re-sort, pinned ones keep their index."""
    try:
        policy = Policy(policy)
    except ValueError:
        raise QueueRefused("bad_request", f"Unknown ordering policy {policy!r}.") from None
    return _settled(q, q.entries, policy=policy)


# --- derived views ---------------------------------------------------------------------------

def budget(q: Queue, now: datetime, block_remaining_s: int, intervention_s: int) -> Budget:
    """What the waiting list needs if everyone speaks for the full `intervention_s`, against the
    time left in the discussion block (negative time left counts as none). The current speaker's
    rest is not counted: the timer knows it, the queue does not. `now` must be aware; the result
    does not depend on it yet: the signature leaves room for counting the current speaker's rest."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    needed = len(q.entries) * intervention_s
    remaining = max(0, block_remaining_s)
    return Budget(needed_s=needed, remaining_s=remaining, fits=needed <= remaining)


def position_of(q: Queue, requester: str) -> int | None:
    """The requester's 0-based index in the waiting list, or None if they are not waiting."""
    for i, entry in enumerate(q.entries):
        if entry.requester == requester:
            return i
    return None


def estimated_wait_s(q: Queue, requester: str, intervention_s: int) -> int | None:
    """Seconds until the requester's turn if everyone ahead takes the full limit (the current
    speaker's rest excluded, as in `budget`); None if they are not waiting."""
    position = position_of(q, requester)
    return None if position is None else position * intervention_s


def _entry_contract(e: Entry) -> dict:
    return {
        "id": e.id, "name": e.name, "delegation": e.delegation, "group": e.group,
        "priority": e.priority.value,
        "requested_at": e.requested_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "language": e.language,
    }


def to_contract(q: Queue) -> dict:
    """The queue as the live contract's STATE publishes it; requester keys and pins stay private."""
    return {
        "open": q.open,
        "policy": q.policy.value,
        "entries": [_entry_contract(e) for e in q.entries],
        "speaking": _entry_contract(q.speaking) if q.speaking is not None else None,
    }
