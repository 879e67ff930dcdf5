"""Pure edits of a `ConferenceSpec`: what an organiser changes, before the engine validates it.

Each function takes a spec and returns a new one; nothing here touches the database or Flask.
A reference to something that does not exist raises `MinbarError("not_found", ...)`; a value of
the wrong shape raises `MinbarError("bad_request", ...)` (the house's one refusal type). Whether the result makes sense (overlaps,
unknown people, slots longer than their session) is left to `conference.agenda.validate`.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from conference.agenda import guard
from conference.agenda.schema import ChairSpec, ConferenceSpec, ItemSpec, PersonSpec, SlotSpec
from conference.errors import MinbarError

UNSET = object()


def _item_index(spec: ConferenceSpec, item_id: str) -> int:
    for n, item in enumerate(spec.items):
        if item.id == item_id:
            return n
    raise MinbarError("not_found", f"There is no session '{item_id}' in {spec.slug}.")


def _with_item(spec: ConferenceSpec, n: int, item: ItemSpec) -> ConferenceSpec:
    items = list(spec.items)
    items[n] = item
    return replace(spec, items=tuple(items))


def _person_known(spec: ConferenceSpec, key: str | None) -> None:
    if key is not None and key not in {p.id for p in spec.people}:
        raise MinbarError("not_found", f"There is no person '{key}' in {spec.slug}.")


def _minutes_of(t: time) -> int:
    return t.hour * 60 + t.minute


def _at(day: date, minutes: int) -> tuple[date, time]:
    moment = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return moment.date(), moment.time()


# -- rescheduling ---------------------------------------------------------------------------

def move_item(spec: ConferenceSpec, item_id: str, *, day: date | None = None,
              start: time | None = None, end: time | None = None,
              shift_following: bool = False) -> ConferenceSpec:
    """Move or resize an item (wall times in the conference's zone). With `shift_following`, the
    items of the same day that started at or after its old end move by as much as its end did."""
    n = _item_index(spec, item_id)
    item = spec.items[n]
    new_day = day or item.day
    new_start = start or item.start
    new_end = end or item.end
    if start is not None and end is None:   # a move keeps the length
        length = _minutes_of(item.end) - _minutes_of(item.start)
        end_day, new_end = _at(new_day, _minutes_of(new_start) + length)
        if end_day != new_day:
            raise MinbarError("bad_request", f"Session {item_id} would run past midnight.",
                              reason="past_midnight", params={"item": item_id})
    moved = replace(item, day=new_day, start=new_start, end=new_end)
    spec = _with_item(spec, n, moved)
    if shift_following and new_day == item.day:
        delta = _minutes_of(new_end) - _minutes_of(item.end)
        if delta:
            items = list(spec.items)
            for k, other in enumerate(items):
                if k == n or other.day != item.day or other.start < item.end:
                    continue
                start_day, s = _at(other.day, _minutes_of(other.start) + delta)
                end_day, e = _at(other.day, _minutes_of(other.end) + delta)
                if start_day != other.day or end_day != other.day:
                    raise MinbarError("bad_request",
                                    f"Shifting session {other.id} would move it to another day.",
                                    reason="shift_off_day", params={"item": other.id})
                items[k] = replace(other, start=s, end=e)
            spec = replace(spec, items=tuple(items))
    if new_day not in spec.days and spec.days:
        spec = replace(spec, days=tuple(sorted(set(spec.days) | {new_day})))
    return spec


# -- roles ----------------------------------------------------------------------------------

def set_chair(spec: ConferenceSpec, item_id: str, person: str | None, title: str | None = None) -> ConferenceSpec:
    """Name (or, with None, clear back to TBD) the chair or facilitator of a session."""
    n = _item_index(spec, item_id)
    item = spec.items[n]
    _person_known(spec, person)
    chair = item.chair or ChairSpec(title=title or "chair", role={})
    chair = replace(chair, person=person, title=title or chair.title)
    return _with_item(spec, n, replace(item, chair=chair))


def set_rapporteurs(spec: ConferenceSpec, item_id: str, people: list[str]) -> ConferenceSpec:
    n = _item_index(spec, item_id)
    for key in people:
        _person_known(spec, key)
    return _with_item(spec, n, replace(spec.items[n], rapporteurs=tuple(dict.fromkeys(people))))


def set_interpreters(spec: ConferenceSpec, booth: str, people: list[str]) -> ConferenceSpec:
    for key in people:
        _person_known(spec, key)
    booths = list(spec.booths)
    for k, b in enumerate(booths):
        if b.language == booth:
            booths[k] = replace(b, interpreters=tuple(dict.fromkeys(people)))
            return replace(spec, booths=tuple(booths))
    raise MinbarError("not_found", f"There is no '{booth}' booth in {spec.slug}.")


def find_slot(spec: ConferenceSpec, slot_id: str, item_id: str | None = None) -> tuple[int, int]:
    for n, item in enumerate(spec.items):
        if item_id is not None and item.id != item_id:
            continue
        for k, slot in enumerate(item.slots):
            if slot.id == slot_id:
                return n, k
    raise MinbarError("not_found", f"There is no slot '{slot_id}'" +
                    (f" in session {item_id}." if item_id else "."))


def set_slot(spec: ConferenceSpec, item_id: str, slot_id: str, *, speaker=UNSET, minutes=UNSET,
             position=UNSET, language=UNSET) -> ConferenceSpec:
    """Assign a slot's speaker (None puts it back to TBD), its minutes, its place in the session."""
    n, k = find_slot(spec, slot_id, item_id)
    item = spec.items[n]
    slot: SlotSpec = item.slots[k]
    if speaker is not UNSET:
        _person_known(spec, speaker)
        slot = replace(slot, speaker=speaker, tbd=speaker is None and slot.kind != "discussion")
    if minutes is not UNSET:
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)):
            raise MinbarError("bad_request", "'minutes' should be a whole number or null.")
        slot = replace(slot, minutes=minutes)
    if language is not UNSET:
        slot = replace(slot, language=language)
    slots = list(item.slots)
    slots[k] = slot
    if position is not UNSET:
        if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(slots):
            raise MinbarError("bad_request",
                            f"'position' should be a whole number from 0 to {len(slots) - 1}.")
        slots.insert(position, slots.pop(k))
    return _with_item(spec, n, replace(item, slots=tuple(slots)))


def reorder_slots(spec: ConferenceSpec, item_id: str, order: list[str]) -> ConferenceSpec:
    """The session's slots in `order`, which names each of them once (else `bad_request` saying
    which ids are unknown, missing or repeated)."""
    n = _item_index(spec, item_id)
    item = spec.items[n]
    by_id = {s.id: s for s in item.slots}
    if not isinstance(order, list) or not all(isinstance(i, str) for i in order):
        raise MinbarError("bad_request", "'slots' should be a list of the session's slot ids.")
    if sorted(order) != sorted(by_id):
        problems = []
        for label, ids in (("unknown", [i for i in order if i not in by_id]),
                           ("missing", [i for i in by_id if i not in order]),
                           ("repeated", sorted({i for i in order if order.count(i) > 1}))):
            if ids:
                problems.append(f"{label}: {', '.join(dict.fromkeys(ids))}")
        raise MinbarError("bad_request", f"The new order must name each slot of {item_id} once "
                                         f"({'; '.join(problems)}).")
    return _with_item(spec, n, replace(item, slots=tuple(by_id[i] for i in order)))


def times_changed(shown: tuple[time, time], sent: tuple[time | None, time | None]) -> tuple[time | None, time | None]:
    """What a form that always sends both times asks for: each time equal to the one the form
    showed counts as not sent, so a start changed alone moves the session keeping its length
    (`move_item`) and an end changed alone resizes it."""
    return tuple(None if new == old else new for old, new in zip(shown, sent))


# -- people ---------------------------------------------------------------------------------

PERSON_FIELDS = ("name", "title", "organisation", "delegation", "group", "language", "rank", "gender")


def put_person(spec: ConferenceSpec, key: str, fields: dict, *, create: bool) -> ConferenceSpec:
    """Add a person (`create`) or change some of their fields."""
    people = list(spec.people)
    found = next((k for k, p in enumerate(people) if p.id == key), None)
    if create and found is not None:
        raise MinbarError("conflict", f"There is already a person '{key}' in {spec.slug}.")
    if not create and found is None:
        raise MinbarError("not_found", f"There is no person '{key}' in {spec.slug}.")
    unknown = sorted(set(fields) - set(PERSON_FIELDS))
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    if len(key) > guard.MAX_ID["person"]:
        raise MinbarError("bad_request", f"A person's key has at most {guard.MAX_ID['person']} characters.")
    values = dict(fields)
    for field in ("name", "title", "organisation", "delegation"):
        texts = values.get(field)
        if not all(guard.single_line(v) for v in (texts.values() if isinstance(texts, dict) else [texts])):
            raise MinbarError("bad_request", f"person {key}: '{field}' contains a line break or another "
                                             "control character.")
    if "name" in values:
        name = values["name"]
        if isinstance(name, str):
            name = {"": name}
        if (not isinstance(name, dict) or not name
                or not all(isinstance(v, str) and v.strip() for v in name.values())):
            raise MinbarError("bad_request", "'name' should be a text, or texts per language.")
        values["name"] = {k: v.strip() for k, v in name.items()}
    for text_field in ("title", "organisation", "delegation", "group"):
        if text_field in values:
            if not isinstance(values[text_field], str):
                raise MinbarError("bad_request", f"'{text_field}' should be a text.")
            values[text_field] = values[text_field].strip()[:200]
    for optional in ("language", "gender"):
        if optional in values and values[optional] is not None and not isinstance(values[optional], str):
            raise MinbarError("bad_request", f"'{optional}' should be a text or null.")
        if values.get(optional) == "":
            values[optional] = None
    if "rank" in values and values["rank"] is not None and (
            isinstance(values["rank"], bool) or not isinstance(values["rank"], int)):
        raise MinbarError("bad_request", "'rank' should be a whole number or null.")
    if create:
        if "name" not in values:
            raise MinbarError("bad_request", "A person needs a 'name'.")
        people.append(PersonSpec(id=key, **values))
    else:
        people[found] = replace(people[found], **values)
    return replace(spec, people=tuple(people))


# -- another conference ---------------------------------------------------------------------

def clone(spec: ConferenceSpec, slug: str, first_day: date) -> ConferenceSpec:
    """The same agenda under `slug`, every day shifted so that the first is `first_day`. Wall
    times stay as they are: in the conference's zone, across any change of daylight saving."""
    days = list(spec.days) or sorted({i.day for i in spec.items})
    if not days:
        raise MinbarError("bad_request", "The conference has no days to shift.")
    delta = first_day - days[0]
    return replace(
        spec, slug=slug, days=tuple(d + delta for d in days),
        items=tuple(replace(i, day=i.day + delta, sequence=0) for i in spec.items),
        source="")
