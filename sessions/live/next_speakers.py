"""One answer to "who speaks now, and who next": STATE `speakers`.

Stage, console, booth, live view and the list of speakers all show this one answer, so a booth
never lists the floor requests first while the stage says "Next: State B". It is read from the
current slot and the list of speakers, never stored (a part with a view only).

The rule, on contract-shaped data so the browser's kit (static/js/live-rules.js `nextSpeakers`)
mirrors it exactly and both run the same cases (tests/data/next_speakers_cases.json):
- current: the request that has the floor (`queue.speaking`), else the current slot (`kind`
  "discussion" for an open-discussion block, "slot" otherwise);
- next, at most NEXT of them, in this order:
  1. priority requests (a point of order, then a right of reply: the queue already keeps them at
     its head), whatever the slot: they interrupt;
  2. during an open-discussion block, the waiting requests in the list's order;
  3. the planned slots after the current one, in order; an open-discussion block among them is
     followed by the requests waiting for it (outside a discussion a request waits for the next one).

Each entry: `{"kind": "slot" | "discussion", "slot": ID}` or `{"kind": "request", "entry": ID,
"name", "delegation", "language", "priority"}`; the pages take a slot's role and speaker in their
reader's language from their own list of slots.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sessions.live import queue as queue_core
from sessions.live.state import Feature, LiveSession, Part, SessionInfo

NEXT = 3
PRIORITIES = frozenset({"point_of_order", "right_of_reply"})


def _slot_entry(slot: Mapping) -> dict:
    return {"kind": "discussion" if slot.get("kind") == "discussion" else "slot", "slot": slot["id"]}


def _request_entry(entry: Mapping) -> dict:
    return {"kind": "request", "entry": entry["id"], "name": entry.get("name") or "",
            "delegation": entry.get("delegation") or "", "language": entry.get("language"),
            "priority": entry.get("priority") or "ordinary"}


def next_speakers(slots: Sequence[Mapping], current: str | None, queue: Mapping | None) -> dict:
    """`{"current": entry or None, "next": [up to NEXT entries]}` for slots `[{"id", "kind"}]` in
    order, the current slot id and the queue as STATE publishes it (or None)."""
    queue = queue or {}
    waiting = list(queue.get("entries") or ())
    ids = [s["id"] for s in slots]
    index = ids.index(current) if current in ids else None
    here = slots[index] if index is not None else None
    speaking = queue.get("speaking")
    if speaking:
        current_entry = _request_entry(speaking)
    else:
        current_entry = _slot_entry(here) if here is not None else None
    ordinary = [_request_entry(e) for e in waiting if e.get("priority") not in PRIORITIES]
    upcoming = [_request_entry(e) for e in waiting if e.get("priority") in PRIORITIES]
    in_discussion = here is not None and here.get("kind") == "discussion"
    if in_discussion:
        upcoming += ordinary
    for slot in slots[(index + 1) if index is not None else 0:]:
        if len(upcoming) >= NEXT:
            break
        upcoming.append(_slot_entry(slot))
        if slot.get("kind") == "discussion" and not in_discussion:
            upcoming += ordinary
            ordinary = []
    return {"current": current_entry, "next": upcoming[:NEXT]}


def view(live: LiveSession, info: SessionInfo, _now: datetime) -> dict:
    slots = [{"id": s.key, "kind": s.kind} for s in info.slots]
    queue = live.parts.get("queue")
    return next_speakers(slots, live.slot, queue_core.to_contract(queue) if queue is not None else None)


PART = Part(name="speakers", initial=lambda info: None, dump=lambda value: None, load=lambda data, info: None,
            contract=lambda value, info, now: None, view=view, undoable=False)

FEATURE = Feature("next_speakers", parts=(PART,))
