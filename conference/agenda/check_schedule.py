"""An agenda's checks across items: unique ids, numbering, each day's timeline (overlaps, order,
gaps) and the roundtables' coverage of the GCM objectives."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from conference.agenda.report import (
    OBJECTIVES, Report, hhmm, item_where, line_note, minutes_between, numbered, plural, span,
)
from conference.agenda.schema import NUMBERED_KINDS, ConferenceSpec, ItemSpec, Where


def check_item_ids(spec: ConferenceSpec, report: Report) -> None:
    items: dict[str, Where] = {}
    slots: dict[str, tuple[str, Where]] = {}
    for item in spec.items:
        if item.id in items:
            report.error("duplicate_id", item_where(item, "id"),
                         f"item {item.id}: another item already has the id '{item.id}'"
                         f"{line_note(items[item.id])}", "item", id=item.id)
        else:
            items[item.id] = item.where
        for slot in item.slots:
            if slot.id in slots:
                owner, first = slots[slot.id]
                report.error("duplicate_id", item_where(item, "id", slot),
                             f"item {item.id}, slot {slot.id}: a slot of item {owner} already has "
                             f"the id '{slot.id}'{line_note(first)}; slot ids are unique across "
                             "the conference", "slot", item=item.id, slot=slot.id, other=owner)
            else:
                slots[slot.id] = (item.id, slot.where)


def check_numbers(spec: ConferenceSpec, report: Report) -> None:
    seen: dict[tuple[str, int], str] = {}
    for item in spec.items:
        label = f"item {item.id}"
        where = item_where(item, "number")
        if item.kind in NUMBERED_KINDS:
            if item.number is None:
                report.error("bad_number", where, f"{label}: a {item.kind} needs a number")
            elif item.number < 1:
                report.error("bad_number", where,
                             f"{label}: {item.kind} number {item.number} should be 1 or more")
            elif (item.kind, item.number) in seen:
                report.error("bad_number", where,
                             f"{label}: {item.kind} number {item.number} is already used by item "
                             f"{seen[item.kind, item.number]}")
            else:
                seen[item.kind, item.number] = item.id
        elif item.number is not None:
            report.error("bad_number", where,
                         f"{label}: only plenaries and roundtables are numbered, but this "
                         f"item of kind {item.kind} has number {item.number}")


def check_timeline(spec: ConferenceSpec, report: Report) -> None:
    """Within each day: overlaps (errors), items out of order and gaps (warnings)."""
    by_day: dict[date, list[ItemSpec]] = defaultdict(list)
    for item in spec.items:
        if minutes_between(item.start, item.end) > 0:
            by_day[item.day].append(item)
    for items in by_day.values():
        for n, later in enumerate(items):
            for earlier in items[:n]:
                overlap = minutes_between(max(earlier.start, later.start), min(earlier.end, later.end))
                if overlap > 0:
                    report.error("overlap", item_where(later, "start"),
                                 f"item {later.id} ({span(later)}) overlaps item {earlier.id} "
                                 f"({span(earlier)}) on {later.day} by {plural(overlap, 'minute')}",
                                 item=later.id, item_span=span(later), other=earlier.id,
                                 other_span=span(earlier), day=later.day, minutes=overlap)
            before = items[n - 1] if n else None
            if before and later.start < before.start and later.end <= before.start:
                report.warning("out_of_order", item_where(later, "start"),
                               f"item {later.id} ({span(later)}) is listed after item "
                               f"{before.id} ({span(before)}), which starts later; the agenda "
                               "shows items in the order of the file")
        check_gaps(sorted(items, key=lambda i: i.start), report)


def check_gaps(items: list[ItemSpec], report: Report) -> None:
    latest = None  # the item that ends last so far: a long item can contain shorter ones
    for item in items:
        if latest is not None and item.start > latest.end:
            report.warning("gap", item_where(item, "start"),
                           f"item {item.id}: nothing is scheduled for "
                           f"{plural(minutes_between(latest.end, item.start), 'minute')} between the end "
                           f"of item {latest.id} at {hhmm(latest.end)} and its start at "
                           f"{hhmm(item.start)}")
        if latest is None or item.end > latest.end:
            latest = item


def check_objective_coverage(spec: ConferenceSpec, report: Report) -> None:
    """The roundtables together should review each of the 23 GCM objectives exactly once.

    Only checked when some roundtable names objectives: a conference without them is not a
    GCM review and has nothing to cover.
    """
    roundtables = [i for i in spec.items if i.kind == "roundtable"]
    if not any(rt.objectives for rt in roundtables):
        return
    holders: dict[int, list[str]] = defaultdict(list)
    for rt in roundtables:
        for n in rt.objectives:
            holders[n].append(rt.id)
    missing = [n for n in OBJECTIVES if n not in holders]
    repeated = {n: ids for n, ids in sorted(holders.items()) if n in OBJECTIVES and len(ids) > 1}
    if not (missing or repeated):
        return
    parts = []
    if missing:
        parts.append(f"no roundtable covers {numbered('objective', missing)}")
    for n, ids in repeated.items():
        parts.append(f"objective {n} is covered {len(ids)} times ({', '.join(ids)})")
    names = ", ".join(rt.id for rt in roundtables)
    report.warning("objective_coverage", item_where(roundtables[0], "objectives"),
                   f"item {roundtables[0].id}: the roundtables ({names}) should cover GCM "
                   f"objectives 1-23 exactly once each, but {'; '.join(parts)}")
