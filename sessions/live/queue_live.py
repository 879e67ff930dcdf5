"""The open-discussion queue, live: the `queue` and `interventions` parts and the `queue` commands.

The ordering rules are the pure core's (`sessions.live.queue`); this module wires them into the
session's live state, gives the floor (the intervention timer), keeps the record of interventions
and computes the discussion's time budget.

Commands (`queue` event, `{"session": ID, "action": ..., ...}`; docs/queue.md has the full table):
- anyone with a link (`can_request_floor`): `request` (optional `priority`: `point_of_order`,
  `right_of_reply`), `withdraw`, and `mine` (changes nothing). Their acks also carry the actor's
  `entry`, `position` (0-based), `wait_s` and `speaking` (see `place_of`).
- the chair (`can_manage_queue`): `grant` {entry} (ends the current intervention, starts the
  timer at the intervention limit), `finish` (ends it, pauses the timer), `remove` {entry}, `move`
  {entry, position}, `skip` {entry}, `close`, `open`, `policy` {policy}.

Refusals change nothing: `unauthorized` (no link), `forbidden` (a participant granting or
reordering), `already_queued`, `not_queued`, `closed`, `not_found` (unknown entry), `invalid_state`
(`finish` with nobody speaking), `bad_request` (anything malformed).

Entry ids are `q<version>`: the session's state version the request created, unique in a session
and the same on every process. An entry's requester is the link (`Identity.key`), so one link has
one waiting request; name, delegation, group and language come from the link; the protocol rank
(for `states_first`) from the person the link names, if any (`SessionInfo.ranks`), else none.

The time budget (STATE `queue.budget`, null outside a discussion block): the block is the current
slot when its kind is `discussion` (its `minutes`). `spent_s` is the speaking time of every
intervention given while that slot was current (their timers' elapsed time, pauses excluded; the
running one counted up to `server_time`); `remaining_s = block_s - spent_s` (not below 0);
`needed_s = waiting entries x intervention_s` (the current speaker's rest is not counted); `fits`
is `needed_s <= remaining_s`. Time between interventions (the chair speaking) is not counted.

An intervention ends with `finish`, the next `grant`, or the chair leaving the slot it was given
in; resetting the timer during an intervention banks the time it had run.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sessions.live import queue as core
from sessions.live.state import Command, Family, Feature, LiveSession, Part, Refused, SessionInfo
from sessions.live.queue import Entry, Policy, Priority, Queue
from speakers import policy
from timing import timer as timers
from timing.clock import from_ms, to_ms
from timing.timer import Timer, TimerStatus

MAX_INTERVENTIONS = 200          # the record kept per session (a 60-minute block holds about 20)
MAX_ID = 120
PARTICIPANT_ACTIONS = frozenset({"request", "withdraw", "mine"})
CHAIR_ACTIONS = frozenset({"grant", "finish", "remove", "move", "skip", "close", "open", "policy"})


# -- storage ---------------------------------------------------------------------------------

def _dump_entry(e: Entry) -> dict:
    return {"id": e.id, "requester": e.requester, "name": e.name, "delegation": e.delegation,
            "group": e.group, "language": e.language, "priority": e.priority.value,
            "requested_at": to_ms(e.requested_at), "rank": e.rank, "pinned": e.pinned}


def _load_entry(d: dict) -> Entry:
    return Entry(id=d["id"], requester=d["requester"], name=d["name"], delegation=d["delegation"],
                 group=d["group"], language=d.get("language"), priority=Priority(d["priority"]),
                 requested_at=from_ms(d["requested_at"]), rank=d.get("rank"), pinned=d.get("pinned"))


def dump_queue(q: Queue) -> dict:
    return {"open": q.open, "policy": q.policy.value, "entries": [_dump_entry(e) for e in q.entries],
            "speaking": _dump_entry(q.speaking) if q.speaking else None, "spoken": list(q.spoken)}


def load_queue(data: dict, _info: SessionInfo | None = None) -> Queue:
    # Stored in display order: no re-sorting on load, so pins and ties stay exactly as they were.
    return Queue(open=data["open"], policy=Policy(data["policy"]),
                 entries=tuple(_load_entry(e) for e in data["entries"]),
                 speaking=_load_entry(data["speaking"]) if data.get("speaking") else None,
                 spoken=tuple(data.get("spoken", ())))


# -- what STATE publishes --------------------------------------------------------------------

def _open_intervention(live: LiveSession) -> dict | None:
    record = live.part("interventions")[-1] if live.part("interventions") else None
    return record if record is not None and record["ended_at"] is None else None


def _running_ms(record: dict, timer: Timer, now: datetime) -> int:
    """What the open intervention has used so far: banked time plus the timer's elapsed time."""
    return record.get("banked_ms", 0) + timers.elapsed_ms(timer, now)


def budget_of(live: LiveSession, info: SessionInfo, now: datetime) -> dict | None:
    """The discussion block's budget (see the module docstring), or None outside one."""
    slot = info.slot(live.slot)
    if slot is None or slot.kind != "discussion" or not slot.minutes:
        return None
    spent_ms = sum(r["spoken_ms"] or 0 for r in live.part("interventions")
                   if r["slot"] == slot.key and r["ended_at"] is not None)
    current = _open_intervention(live)
    if current is not None and current["slot"] == slot.key:
        spent_ms += _running_ms(current, live.part("timer"), now)
    block_s, spent_s = slot.minutes * 60, spent_ms // 1000
    b = core.budget(live.part("queue"), now, block_s - spent_s, info.intervention_s)
    return {"slot": slot.key, "block_s": block_s, "spent_s": spent_s,
            "needed_s": b.needed_s, "remaining_s": b.remaining_s, "fits": b.fits}


def queue_view(live: LiveSession, info: SessionInfo, now: datetime) -> dict:
    """STATE `queue`: the contract's shape (`queue.to_contract`: `open`, `policy`, `entries` with
    `id`, `name`, `delegation`, `group`, `priority`, `requested_at`, `language`, and `speaking`),
    plus `pinned` per waiting entry (the chair moved it: the automatic order leaves it where it
    is), `intervention_s` and `budget`. Requester keys and ranks are never published."""
    q: Queue = live.part("queue")
    out = core.to_contract(q)
    for shown, entry in zip(out["entries"], q.entries):
        shown["pinned"] = entry.pinned is not None
    out["intervention_s"] = info.intervention_s
    out["budget"] = budget_of(live, info, now)
    return out


QUEUE = Part(
    name="queue",
    initial=lambda info: Queue(),
    dump=dump_queue, load=load_queue,
    contract=lambda q, info, now: core.to_contract(q),
    view=queue_view,
)

# The record of interventions, oldest first: who had the floor, from which delegation, in which
# slot, with what limit, from when to when and how long they spoke (`spoken_ms`, null while open).
# It feeds the planned-versus-actual record and the rapporteurs' view. Plain JSON dicts.
INTERVENTIONS = Part(
    name="interventions",
    initial=lambda info: (),
    dump=list, load=lambda data, info: tuple(dict(r) for r in data),
    contract=lambda value, info, now: [{k: v for k, v in r.items() if k != "banked_ms"} for r in value],
)


# -- interventions -----------------------------------------------------------------------------

def _closed(live: LiveSession, timer: Timer, now: datetime) -> LiveSession:
    """The open intervention (if any) ended now, having used what `timer` shows."""
    record = _open_intervention(live)
    if record is None:
        return live
    done = {**record, "ended_at": to_ms(now), "spoken_ms": _running_ms(record, timer, now)}
    done.pop("banked_ms", None)
    return live.with_part("interventions", live.part("interventions")[:-1] + (done,))


def _started(live: LiveSession, speaker: Entry, info: SessionInfo, now: datetime) -> LiveSession:
    record = {"entry": speaker.id, "name": speaker.name, "delegation": speaker.delegation,
              "group": speaker.group, "language": speaker.language, "priority": speaker.priority.value,
              "slot": live.slot, "limit_s": info.intervention_s, "started_at": to_ms(now),
              "ended_at": None, "spoken_ms": None}
    record_list = (live.part("interventions") + (record,))[-MAX_INTERVENTIONS:]
    # A fresh running timer at the intervention limit; `replace` keeps the session's own timer
    # settings (the chair's amber threshold) that the timer part may carry.
    old = live.part("timer")
    fresh = replace(old, status=TimerStatus.RUNNING, limit_s=info.intervention_s, accumulated_ms=0,
                    started_at=now, added_s=0)
    return live.with_part("interventions", record_list).with_part("timer", fresh)


def _block_actual(live: LiveSession, slot_key: str | None) -> LiveSession:
    """A slot left after interventions were given in it: its actual time (the `actuals` part) is
    the sum of those interventions, not the last intervention timer's run."""
    spoken = [r["spoken_ms"] for r in live.part("interventions")
              if r["slot"] == slot_key and r["spoken_ms"] is not None]
    if not spoken or "actuals" not in live.parts:
        return live
    return live.with_part("actuals", {**live.part("actuals"), slot_key: sum(spoken)})


def follow_slot_and_timer(before: LiveSession, after: LiveSession, command: Command,
                          info: SessionInfo, now: datetime) -> LiveSession:
    """After any other feature's command. Leaving a slot ends the intervention given in it (the
    speaker leaves the floor; its time is what the timer showed before the move) and records the
    slot's actual time from its interventions. A timer reset during an intervention banks the
    time it had run, so the budget does not forget it."""
    if command.family == "queue":
        return after
    record = _open_intervention(after)
    if after.slot != before.slot:
        if record is not None:
            after = _closed(after, before.part("timer"), now)
            q = after.part("queue")
            after = after.with_part("queue", core.finish(q)) if q.speaking is not None else after
        return _block_actual(after, before.slot)
    if record is not None and command.family == "timer" and command.action == "reset":
        banked = {**record, "banked_ms": _running_ms(record, before.part("timer"), now)}
        return after.with_part("interventions", after.part("interventions")[:-1] + (banked,))
    return after


# -- commands ----------------------------------------------------------------------------------

def _priority(payload) -> Priority:
    value = payload.get("priority")
    if value is None:
        return Priority.ORDINARY
    if not isinstance(value, str) or value not in Priority.__members__.values():
        raise Refused("bad_request", "'priority' must be 'point_of_order' or 'right_of_reply'.")
    return Priority(value)


def _entry_id(payload) -> str:
    value = payload.get("entry")
    if not isinstance(value, str) or not value or len(value) > MAX_ID:
        raise Refused("bad_request", "'entry' must be the id of a request in the list of speakers.")
    return value


def _position(payload) -> int:
    value = payload.get("position")
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused("bad_request", "'position' must be a whole number (0 is the top of the list).")
    return value


def _policy(payload) -> str:
    value = payload.get("policy")
    if not isinstance(value, str) or value not in Policy.__members__.values():
        raise Refused("bad_request", "'policy' must be 'by_request', 'states_first' or 'first_turns_first'.")
    return value


def _request(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    actor = command.actor
    entry = Entry(id=f"q{live.version + 1}", requester=actor.key, name=actor.name,
                  delegation=actor.delegation, group=actor.group, language=actor.language,
                  priority=_priority(command.payload), requested_at=now,
                  rank=info.ranks.get(actor.person) if actor.person else None)
    return live.with_part("queue", core.request(live.part("queue"), entry))


def _grant(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    q = core.grant(live.part("queue"), _entry_id(command.payload))
    live = _closed(live, live.part("timer"), now)
    return _started(live.with_part("queue", q), q.speaking, info, now)


def _finish(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    q = core.finish(live.part("queue"))
    timer = live.part("timer")
    live = _closed(live, timer, now)
    halted, _elapsed = timers.halt(timer, now)
    return live.with_part("queue", q).with_part("timer", halted)


def _on_queue(change):
    """A command that only changes the queue: change(queue, command) -> queue."""
    def run(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
        return live.with_part("queue", change(live.part("queue"), command))
    return run


HANDLERS = {
    "request": _request,
    "withdraw": _on_queue(lambda q, c: core.withdraw(q, c.actor.key)),
    "mine": lambda live, command, info, now: live,
    "grant": _grant,
    "finish": _finish,
    "remove": _on_queue(lambda q, c: core.remove(q, _entry_id(c.payload))),
    "move": _on_queue(lambda q, c: core.move(q, _entry_id(c.payload), _position(c.payload))),
    "skip": _on_queue(lambda q, c: core.skip(q, _entry_id(c.payload))),
    "close": _on_queue(lambda q, c: core.close(q)),
    "open": _on_queue(lambda q, c: core.open_(q)),
    "policy": _on_queue(lambda q, c: core.set_policy(q, _policy(c.payload))),
}


def handle_queue(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    # The queue core's refusals are `Refused` already (one refusal type): they pass through.
    return HANDLERS[command.action](live, command, info, now)


def authorise_queue(actor, info: SessionInfo, command: Command) -> bool:
    if command.action in PARTICIPANT_ACTIONS:
        return policy.may(actor, "queue.request", info.conference, info.key)
    return policy.may(actor, "queue.manage", info.conference, info.key)


def place_of(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> dict[str, Any]:
    """The ack's extra fields for `request`, `withdraw` and `mine`: the actor's waiting `entry`
    id and `position` (0-based; both null when not waiting), their estimated `wait_s` at the
    intervention limit, and `speaking`, the id of the entry with which they have the floor now
    (or null). Chair commands add nothing."""
    if command.action not in PARTICIPANT_ACTIONS:
        return {}
    q: Queue = live.part("queue")
    key = command.actor.key
    position = core.position_of(q, key)
    return {
        "entry": q.entries[position].id if position is not None else None,
        "position": position,
        "wait_s": core.estimated_wait_s(q, key, info.intervention_s),
        "speaking": q.speaking.id if q.speaking is not None and q.speaking.requester == key else None,
    }


QUEUE_FAMILY = Family(
    name="queue",
    actions=PARTICIPANT_ACTIONS | CHAIR_ACTIONS,
    handle=handle_queue,
    authorise=authorise_queue,
    ack=place_of,
)


FEATURE = Feature("queue", parts=(QUEUE, INTERVENTIONS), families=(QUEUE_FAMILY,),
                  after_apply=(follow_slot_and_timer,))
