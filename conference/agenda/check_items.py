"""An agenda's checks of one item: its id, kind, times and lengths, chair, slots and what is TBD."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytz

from conference.agenda.report import (
    ID, OBJECTIVES, Report, bad_id_message, hhmm, item_where, minutes_between, names_have, plural, span,
)
from conference.agenda.schema import CHAIR_TITLES, SESSION_KINDS, SLOT_KINDS, ItemSpec


def check_item(item: ItemSpec, report: Report) -> None:
    label = f"item {item.id}"
    if not ID.match(item.id):
        report.error("bad_id", item_where(item, "id"), bad_id_message(label, item.id), "item", id=item.id)
    if item.kind not in SESSION_KINDS:
        report.error("unknown_kind", item_where(item, "kind"),
                     f"{label}: '{item.kind}' is not a kind of item; use one of {', '.join(SESSION_KINDS)}",
                     "item", item=item.id, value=item.kind)
    length = minutes_between(item.start, item.end)
    if length <= 0:
        report.error("end_before_start", item_where(item, "end"),
                     f"{label}: it ends at {hhmm(item.end)}, which is not after its start at "
                     f"{hhmm(item.start)}", item=item.id, end=hhmm(item.end), start=hhmm(item.start))
    check_wall_times(item, report)
    for name in ("stated_minutes", "intervention_minutes"):
        value = getattr(item, name)
        if value is not None and value < 1:
            report.error("bad_value", item_where(item, name),
                         f"{label}: {name} is {value}; it should be 1 or more")
    if item.stated_minutes and length > 0 and item.stated_minutes != length:
        report.warning("stated_length_mismatch", item_where(item, "stated_minutes"),
                       f"{label}: the agenda calls it {plural(item.stated_minutes, 'minute')} long "
                       f"but its time slot ({span(item)}) lasts {plural(length, 'minute')}")
    wrong = [n for n in item.objectives if n not in OBJECTIVES]
    if wrong:
        report.error("objective_out_of_range", item_where(item, "objectives"),
                     f"{label}: GCM objectives are numbered 1 to 23, so "
                     f"{', '.join(map(str, wrong))} cannot be one")
    report.texts(item.title, "the title", label, item_where(item, "title"), required=True)
    report.texts(item.description, "the description", label, item_where(item, "description"),
                 required=False)
    check_chair(item, report)
    check_slots(item, length, report)
    check_tbd(item, report)


def check_wall_times(item: ItemSpec, report: Report) -> None:
    """Start and end must each name exactly one instant in the zone (pytz is_dst=None)."""
    if report.zone is None:
        return
    zone_name = report.zone.zone
    for name, wall in (("start", item.start), ("end", item.end)):
        try:
            report.zone.localize(datetime.combine(item.day, wall), is_dst=None)
        except pytz.NonExistentTimeError:
            report.error("nonexistent_time", item_where(item, name),
                         f"item {item.id}: its {name} time, {hhmm(wall)} on {item.day}, does not "
                         f"exist in {zone_name}: the clocks skip it when daylight saving time starts",
                         item=item.id, time=hhmm(wall), day=item.day, zone=zone_name)
        except pytz.AmbiguousTimeError:
            report.error("ambiguous_time", item_where(item, name),
                         f"item {item.id}: its {name} time, {hhmm(wall)} on {item.day}, happens "
                         f"twice in {zone_name} (the clocks go back when daylight saving time "
                         "ends), so it is not clear which one is meant",
                         item=item.id, time=hhmm(wall), day=item.day, zone=zone_name)


def check_chair(item: ItemSpec, report: Report) -> None:
    chair = item.chair
    if chair is None:
        return
    label = f"item {item.id}"
    where = replace(chair.where, item=item.id, field="chair")
    if chair.title not in CHAIR_TITLES:
        report.error("unknown_kind", where,
                     f"{label}: '{chair.title}' is not a chair title; use one of {', '.join(CHAIR_TITLES)}",
                     "chair", item=item.id, value=chair.title)
    if chair.person is not None and chair.person not in report.people:
        report.error("unknown_person", where,
                     f"{label}: the chair '{chair.person}' is not declared in [[people]]",
                     "chair", item=item.id, person=chair.person)
    report.texts(chair.role, "the chair's role", label, where, required=False)


def check_slots(item: ItemSpec, length: int, report: Report) -> None:
    label = f"item {item.id}"
    for position, slot in enumerate(item.slots, 1):
        slot_label = f"{label}, slot {slot.id}"
        # A default id built from a bad item id is bad too; the item's finding covers it.
        if not ID.match(slot.id) and (ID.match(item.id) or slot.id != f"{item.id}-{position}"):
            report.error("bad_id", item_where(item, "id", slot), bad_id_message(slot_label, slot.id),
                         "slot", id=slot.id)
        if slot.kind not in SLOT_KINDS:
            report.error("unknown_kind", item_where(item, "kind", slot),
                         f"{slot_label}: '{slot.kind}' is not a kind of slot; use one of "
                         f"{', '.join(SLOT_KINDS)}", "slot", item=item.id, slot=slot.id, value=slot.kind)
        if slot.speaker is not None and slot.speaker not in report.people:
            report.error("unknown_person", item_where(item, "speaker", slot),
                         f"{slot_label}: the speaker '{slot.speaker}' is not declared in [[people]]",
                         "speaker", item=item.id, slot=slot.id, person=slot.speaker)
        if slot.speaker is not None and slot.tbd:
            report.warning("tbd_conflict", item_where(item, "tbd", slot),
                           f"{slot_label}: it names the speaker '{slot.speaker}' but is still "
                           "marked tbd = true; remove one of the two")
        if slot.language is not None:
            problem = report.language_problem(slot.language)
            if problem:
                report.error("unknown_language", item_where(item, "language", slot),
                             f"{slot_label}: {problem}")
        if slot.minutes is not None and slot.minutes < 1:
            report.error("bad_value", item_where(item, "minutes", slot),
                         f"{slot_label}: {slot.minutes} minutes is not a speaking time; use 1 or more",
                         "slot_minutes", item=item.id, slot=slot.id, value=slot.minutes)
        report.texts(slot.role, "the role", slot_label, item_where(item, "role", slot), required=False)
    if length > 0:
        check_slot_minutes(item, length, report)


def check_slot_minutes(item: ItemSpec, length: int, report: Report) -> None:
    """The slots' minutes against the item's length, and slots without a limit.

    Limits: a discussion without minutes takes what is left of the item, so it needs none. A
    speaking slot (statement, presentation) without minutes is reported when other slots of the
    item have a limit, or when two or more speakers share an item with no limit at all; a single
    speaker alone is bounded by the item's own length.
    """
    label = f"item {item.id}"
    timed = [s.minutes for s in item.slots if s.minutes is not None]
    total = sum(timed)
    if total > length:
        report.error("slots_exceed_item", item_where(item, "slots"),
                     f"{label}: the slots add up to {total} minutes but the item lasts "
                     f"{length} minutes ({span(item)})",
                     item=item.id, total=total, length=length, item_span=span(item))
    elif item.slots and len(timed) == len(item.slots) and total < length:
        report.warning("slots_underfill", item_where(item, "slots"),
                       f"{label}: the slots add up to {total} minutes but the item lasts "
                       f"{length} minutes ({span(item)}); {length - total} minutes are unplanned")
    speaking = [s for s in item.slots if s.kind != "discussion"]
    unlimited = [s for s in speaking if s.minutes is None]
    if timed and unlimited:
        report.warning("no_limit", item_where(item, "minutes", unlimited[0]),
                       f"{label}: {names_have('slot', [s.id for s in unlimited])} no speaking "
                       "limit (minutes) although other slots of the item have one")
    elif not timed and len(speaking) >= 2:
        report.warning("no_limit", item_where(item, "slots"),
                       f"{label}: none of its {len(speaking)} speakers has a speaking limit "
                       "(minutes), so the timer has nothing to count down")


def check_tbd(item: ItemSpec, report: Report) -> None:
    open_slots = [s for s in item.slots if s.tbd and s.speaker is None]
    chair_open = item.chair is not None and item.chair.person is None
    parts = []
    if open_slots:
        parts.append("the speaker of 1 slot" if len(open_slots) == 1
                     else f"the speakers of {len(open_slots)} slots")
    if chair_open:
        parts.append(f"the {item.chair.title}")
    if parts:
        report.warning("tbd", item_where(item),
                       f"item {item.id}: still to be determined (TBD): {' and '.join(parts)}")
