"""A confirmed list of speakers as the session's statement slots: a pure edit of an `ItemSpec`.

Which slots the list replaces: the session's statements still to be determined (`tbd`) and the
slots an earlier confirmation made (`<session>-los-<entry>`); named statements, presentations and
discussions stay as they are. The list's statements take the place of the first replaced slot (or,
with none, go before the first discussion, else at the end), in the list's order, one slot per
entry with the list's minutes each (else the minutes of the first replaced slot, else
`DEFAULT_MINUTES`). A list that does not fit the session's time is refused with the figure:
"12 speakers × 5 min = 60 min > 45 min", the minutes being what the other timed slots leave.
The agenda engine then validates the whole agenda as for any edit.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from conference.agenda.schema import ItemSpec, SlotSpec
from conference.errors import MinbarError

DEFAULT_MINUTES = 5
MARK = "-los-"


@dataclass(frozen=True)
class Statement:
    """One entry of the confirmed list, as its slot needs it."""

    entry: str             # the entry's id
    speaker: str           # a person key
    language: str | None
    role: dict             # per language: who speaks (the delegation, with those merged into it)


def slot_id(session: str, entry: str) -> str:
    return f"{session}{MARK}{entry}"


def made_by_list(session: str, slot: SlotSpec) -> bool:
    return slot.id.startswith(f"{session}{MARK}")


def _length(item: ItemSpec) -> int:
    start = datetime.combine(item.day, item.start)
    end = datetime.combine(item.day, item.end)
    return int((end - start).total_seconds() // 60)


def replaced(item: ItemSpec, slot: SlotSpec) -> bool:
    return made_by_list(item.id, slot) or (slot.kind == "statement" and slot.tbd and slot.speaker is None)


def minutes_for(item: ItemSpec, minutes: int | None) -> int:
    if minutes is not None:
        return minutes
    first = next((s for s in item.slots if replaced(item, s) and s.minutes), None)
    return first.minutes if first is not None else DEFAULT_MINUTES


def with_statements(item: ItemSpec, statements: Sequence[Statement], minutes: int | None) -> ItemSpec:
    """`item` with `statements` as its list's slots (see the module). Refuses (`conflict`, with
    `needed` and `available` minutes) a list longer than the session's time."""
    each = minutes_for(item, minutes)
    kept = [s for s in item.slots if not replaced(item, s)]
    available = _length(item) - sum(s.minutes for s in kept if s.minutes is not None)
    needed = len(statements) * each
    if needed > available:
        raise MinbarError("conflict", f"{len(statements)} speakers × {each} min = {needed} min > {available} min",
                          needed=needed, available=available, speakers=len(statements), minutes=each)
    first = next((n for n, s in enumerate(item.slots) if replaced(item, s)), None)
    if first is not None:
        at = sum(1 for s in item.slots[:first] if not replaced(item, s))
    else:
        at = next((n for n, s in enumerate(kept) if s.kind == "discussion"), len(kept))
    made = [SlotSpec(id=slot_id(item.id, s.entry), kind="statement", role=dict(s.role), minutes=each,
                     speaker=s.speaker, language=s.language) for s in statements]
    return replace(item, slots=tuple(kept[:at] + made + kept[at:]))
