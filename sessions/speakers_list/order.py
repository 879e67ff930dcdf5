"""The order of a list of speakers, as United Nations practice orders it. Pure: no Flask, no database.

The rule (`order`):

1. **Tiers of speakers**: Member States first; then observer States and intergovernmental bodies;
   then United Nations entities; then every other stakeholder (civil society, migrants, trade
   unions, academia, ...).
2. **Within a tier, the level of representation**: Head of State or Government, Vice-President or
   Deputy Prime Minister, Minister, Vice-Minister, Head of Delegation, other (`LEVELS`, highest first).
3. **Then the order of inscription** (`seq`, the inscription's number in the list: first come,
   first served); equal keys keep the order the entries are given in.

**The secretariat's manual moves are kept.** Moving an entry places it *after the entry shown
just before it* (`after`, or `HEAD` for the top of the list): the entry is then `placed`, and the
rule no longer sorts it. When the list is recomputed (a new inscription, a withdrawal, a change of
level) every entry the rule sorts (not placed) is sorted again, and each placed entry is shown
right after its anchor, so:
- manually placed entries keep their place relative to the entry they were put after, whatever
  comes in around them; several placed after the same entry keep the order they were shown in;
- new inscriptions go where the rule puts them, among the entries the rule sorts;
- withdrawing, merging away or moving an entry re-anchors the placed entries that followed it
  to the entry before it, so what the secretariat sees does not jump (`withdraw`, `move`).
A move or a withdrawal never reorders anything else: the list after it is the list before it with
that one change (tests/unit/sessions/test_speakers_order.py checks it on random lists).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from conference.errors import MinbarError

# Levels of representation, highest first.
LEVELS = ("head_of_state", "deputy_head", "minister", "vice_minister", "head_of_delegation", "other")
# Tiers of speakers by stakeholder group; a group not named here is one of the other stakeholders.
TIERS = {"member_state": 0, "observer_state": 1, "observer": 1, "intergovernmental": 1, "un_entity": 2}
OTHER_TIER = 3
HEAD = ""   # `after` of an entry placed at the top of the list


@dataclass(frozen=True)
class Entry:
    """One inscription as the order sees it. `seq` is its number of inscription in the list;
    `after` is the key of the entry it was placed after (HEAD: at the top) when `placed`."""

    key: str
    group: str
    level: str
    seq: int
    placed: bool = False
    after: str = HEAD


def tier(group: str) -> int:
    return TIERS.get(group, OTHER_TIER)


def level_rank(level: str) -> int:
    """0 for a Head of State or Government ... 5 for other; an unknown level counts as other."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1


def rule_key(entry: Entry) -> tuple[int, int, int]:
    return (tier(entry.group), level_rank(entry.level), entry.seq)


def order(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """The list in speaking order (see the module's rule). `entries` come in their stored (last
    shown) order, which breaks ties between entries placed after the same one. Always a
    permutation of `entries`: a placed entry whose anchor is absent goes to the top, and entries
    caught in a cycle of anchors (which the commands never make) go to the end in stored order."""
    entries = tuple(entries)
    keys = {e.key for e in entries}
    followers: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.placed:
            anchor = entry.after if entry.after in keys and entry.after != entry.key else HEAD
            followers.setdefault(anchor, []).append(entry)
    out: list[Entry] = []
    seen: set[str] = set()

    def emit(entry: Entry) -> None:
        stack = [entry]
        while stack:
            current = stack.pop()
            if current.key in seen:
                continue
            seen.add(current.key)
            out.append(current)
            stack.extend(reversed(followers.get(current.key, [])))

    for entry in followers.get(HEAD, []):
        emit(entry)
    for entry in sorted((e for e in entries if not e.placed), key=rule_key):
        emit(entry)
    out.extend(e for e in entries if e.key not in seen)
    return tuple(out)


def _index(shown: Sequence[Entry], key: str) -> int:
    for i, entry in enumerate(shown):
        if entry.key == key:
            return i
    raise MinbarError("not_found", f"There is no entry '{key}' in the list of speakers.")


def _reanchor(shown: list[Entry], gone: str, to: str) -> list[Entry]:
    return [replace(e, after=to) if e.placed and e.after == gone else e for e in shown]


def withdraw(entries: Iterable[Entry], key: str) -> tuple[Entry, ...]:
    """The list without `key` (withdrawn, or merged into another entry); the placed entries that
    followed it now follow the entry shown before it."""
    shown = list(order(entries))
    i = _index(shown, key)
    before = shown[i - 1].key if i > 0 else HEAD
    del shown[i]
    return order(_reanchor(shown, key, before))


def move(entries: Iterable[Entry], key: str, position: int) -> tuple[Entry, ...]:
    """Move `key` to `position` (0 = first) of the shown list and place it there: it now follows
    the entry shown before it. Nothing else moves."""
    shown = list(order(entries))
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(shown):
        raise MinbarError("bad_request", f"'position' should be a whole number from 0 to {len(shown) - 1}.")
    i = _index(shown, key)
    moving = shown.pop(i)
    shown = _reanchor(shown, key, shown[i - 1].key if i > 0 else HEAD)
    anchor = shown[position - 1].key if position > 0 else HEAD
    shown.insert(position, replace(moving, placed=True, after=anchor))
    return order(shown)


def unplace(entries: Iterable[Entry], key: str) -> tuple[Entry, ...]:
    """Give `key` back to the rule (its manual place is forgotten); the placed entries that
    followed it keep following it."""
    shown = list(order(entries))
    i = _index(shown, key)
    shown[i] = replace(shown[i], placed=False, after=HEAD)
    return order(shown)
