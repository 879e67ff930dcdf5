"""Building the live pages: who may open them, and what the console, the stage view and the
participant live view show on first paint (the browser then follows the session's STATE).

Who may open them is decided before `build` runs, by the route's guard (`conference.guard`: 404
for an unknown session, then a 401 page when nobody is signed in, 403 when the link may not open
the page). Pages never carry a token: the browser's session cookie signs in their Socket.IO
connection.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import make_response, render_template
from sqlalchemy import select

from conference import i18n, presenters, queries
from conference.web import N_, _, get_db, lang, now, rehearsal
from sessions.live import operations
from sessions.live import speaking
from sessions.models import AgendaItem, LiveStateRow
from speakers import policy
from speakers.identity import ANONYMOUS, Identity
from timing import timer
from timing.clock import to_ms
from timing.drift import PlannedItem, project, project_slots
from timing.timer import format_clock

# Items nobody runs from a console: they absorb delay (timing.drift.project) and keep their times.
ABSORBING_KINDS = frozenset({"break", "registration"})


# -- what the pages show -------------------------------------------------------------------

@dataclass
class LivePage:
    """Everything a live page renders; `config` goes to the browser as JSON."""

    conference: object
    item: AgendaItem
    identity: Identity
    state: dict
    slots: list[dict]
    moment: datetime
    day: list[dict] = field(default_factory=list)
    config: dict = field(default_factory=dict)

    def slot(self, key: str | None) -> dict | None:
        return next((s for s in self.slots if s["id"] == key), None)

    @property
    def current(self) -> dict | None:
        return self.slot(self.state.get("slot"))

    @property
    def next_speakers(self) -> list[dict]:
        """Who speaks after the current speaker, as every live page shows it (STATE `speakers`,
        sessions/live/next_speakers.py; static/js/live-rules.js describeSpeaker says it the same way):
        each {kind, role, speaker, language, language_name}."""
        return [self.describe(entry) for entry in (self.state.get("speakers") or {}).get("next", ())]

    @property
    def next(self) -> dict | None:
        upcoming = self.next_speakers
        return upcoming[0] if upcoming else None

    def describe(self, entry: dict) -> dict:
        if entry["kind"] == "request":
            role = _(REQUEST_LABELS.get(entry.get("priority"), REQUEST_LABELS["ordinary"]))
            name = entry["name"] + (f" ({entry['delegation']})" if entry.get("delegation") else "")
            language = entry.get("language")
        else:
            slot = self.slot(entry["slot"]) or {}
            role, language = slot.get("role", ""), slot.get("language")
            name = slot.get("speaker") or (_("to be determined") if slot.get("tbd") else "")
        tbd = entry["kind"] == "slot" and not slot.get("speaker") and bool(slot.get("tbd"))
        return {"kind": entry["kind"], "role": role, "speaker": name, "language": language, "tbd": tbd,
                "language_name": i18n.LANGUAGE_NAMES.get(language or "", language or "")}

    # First paint follows the timer's own rules (timing.timer, the ones the shared cases test);
    # the STATE was made for `moment`, so its timer is read back as of that instant.
    @property
    def timer(self) -> timer.Timer:
        return timer.from_contract(self.state["timer"], self.moment)

    @property
    def remaining_ms(self) -> int:
        return timer.remaining_ms(self.timer, self.moment)

    @property
    def remaining(self) -> str:
        return format_clock(self.remaining_ms)

    @property
    def phase(self) -> str:
        return timer.phase(self.timer, self.moment, self.state["timer"]["warn_s"])

    @property
    def session_clock(self) -> dict:
        """The console's session clock on first paint: time to the scheduled end, and where the
        remaining slots take the session (timing.drift.project_slots, as Minbar.projectSlots)."""
        now, ends = to_ms(self.moment), to_ms(self.item.ends_at)
        keys = [s["id"] for s in self.slots]
        current, later = None, []
        if self.state.get("slot") in keys:
            index = keys.index(self.state["slot"])
            current = {"status": self.state["timer"]["status"], "limit_s": self.state["timer"]["limit_s"],
                       "remaining_ms": self.remaining_ms}
            later = [s["limit_s"] for s in self.slots[index + 1:]]
        over = project_slots(now, to_ms(self.item.starts_at), ends, current, later)["over_ms"]
        labels = self.config.get("labels", LABELS)
        if abs(over) < 1000:
            text = labels["on_time"]
        else:
            text = labels["over" if over > 0 else "spare"] % {"time": format_clock(abs(over))}
        return {"left": format_clock(ends - now), "overrun": text, "over": over >= 1000}

    @property
    def toggle_key(self) -> str:
        """The label of the start/pause/resume button for the timer's status."""
        return {"idle": "start", "running": "pause", "paused": "resume"}[self.state["timer"]["status"]]

    @property
    def message(self) -> dict | None:
        """The chair's message while it is meant for the current slot (see sessions.live.messages)."""
        message = self.state.get("message")
        if not message or message.get("slot") not in (None, self.state.get("slot")):
            return None
        return message


def slot_views(item: AgendaItem, language: str) -> list[dict]:
    """The session's slots as pages and scripts show them, in the reader's language."""
    info = operations.session_info(item.conference, item)
    views = []
    for slot, slot_info in zip(item.slots, info.slots):
        views.append({
            "id": slot.key,
            "kind": slot.kind,
            "kind_label": _(presenters.SLOT_KIND_LABELS.get(slot.kind, slot.kind)),
            "role": presenters.role_label(slot, language) or (_("Open discussion") if slot.kind == "discussion" else ""),
            "speaker": slot.speaker.name_in(language) if slot.speaker else None,
            "tbd": slot.speaker is None and slot.kind != "discussion",
            "language": slot_info.language,
            "language_name": i18n.LANGUAGE_NAMES.get(slot_info.language or "", slot_info.language or ""),
            "limit_s": speaking.limit_for(info, slot.key),
        })
    return views


def build(access) -> LivePage:
    """The first paint of the session `access` (a `conference.guard.Access`) was let in to."""
    db = get_db()
    conf, item, identity = access.conference, access.item, access.who
    slug, key = conf.slug, item.key
    if access.action in policy.PUBLIC and not policy.in_scope(identity, slug, key):
        identity = ANONYMOUS       # a public page: a link of another session or conference is a viewer here
    moment = now()
    state = operations.current(db, slug, key, moment)
    language = lang()
    page = LivePage(conference=conf, item=item, identity=identity, state=state,
                    slots=slot_views(item, language), moment=moment)
    page.config = {
        "conference": slug,
        "session": key,
        "lang": language,
        "dir": i18n.direction(language),
        "zone": conf.timezone,
        "server_time": to_ms(moment),
        "rehearsal": rehearsal(),
        "role": identity.role,
        "item": {"title": i18n.pick(item.title, language), "starts_at": to_ms(item.starts_at),
                 "ends_at": to_ms(item.ends_at)},
        "slots": page.slots,
        "labels": {name: _(text) for name, text in LABELS.items()},
        "errors": {code: _(text) for code, text in ERRORS.items()},
    }
    return page


def render(template: str, page: LivePage, **extra):
    """Render a live page; it shows what its signed-in caller may do, so it is never cached."""
    response = make_response(render_template(template, page=page, conference=page.conference, item=page.item,
                                             identity=page.identity,
                                             live_config=page.config, presenters=presenters,
                                             format_clock=format_clock, **extra))
    response.headers["Cache-Control"] = "no-store"
    return response


# -- the rest of the day -------------------------------------------------------------------

def day_items(db, conf, item: AgendaItem) -> list[AgendaItem]:
    return [i for i in queries.agenda(db, conf) if i.day == item.day]


def actual_starts(db, items: list[AgendaItem]) -> dict[str, datetime]:
    """Each item's actual start: the `started` part of its stored live state (see sessions.live.speaking)."""
    ids = {i.id: i.key for i in items}
    rows = db.execute(select(LiveStateRow.item_id, LiveStateRow.data).where(LiveStateRow.item_id.in_(list(ids))))
    found = {ids[item_id]: speaking.stored_started_at(data) for item_id, data in rows}
    return {key: moment for key, moment in found.items() if moment is not None}


def planned_items(items: list[AgendaItem], starts: dict[str, datetime]) -> list[PlannedItem]:
    """The items that run from a console, with actual starts; an item has ended when a later one
    of the day has started (sessions run one after another; nothing else says an item is over).
    Breaks and registration are left out so that they absorb delay."""
    run = [i for i in items if i.kind not in ABSORBING_KINDS]
    planned = []
    for index, item in enumerate(run):
        start = starts.get(item.key)
        end = None
        if start is not None:
            later = next((starts[i.key] for i in run[index + 1:] if i.key in starts), None)
            end = max(later, start) if later is not None else None
        planned.append(PlannedItem(item.key, item.starts_at, item.ends_at, start, end))
    return planned


def day_projection(db, conf, item: AgendaItem, moment: datetime, language: str) -> list[dict]:
    """The day of `item`, each entry with its planned and projected times (timing.drift.project)."""
    items = day_items(db, conf, item)
    starts = actual_starts(db, items)
    planned = planned_items(items, starts)
    projected = {p.id: p for p in project(planned, moment)}
    by_key = {p.id: p for p in planned}
    entries = []
    for entry in items:
        projection = projected.get(entry.key)
        plan = by_key.get(entry.key)
        start = projection.projected_start if projection else entry.starts_at
        end = projection.projected_end if projection else entry.ends_at
        if plan is not None and plan.actual_start is not None and plan.actual_end is None:
            status = "running"
        elif end <= moment:
            status = "done"
        elif plan is None and start <= moment:
            status = "running"
        else:
            status = "upcoming"
        entries.append({
            "id": entry.key,
            "item": entry,
            "title": i18n.pick(entry.title, language),
            "kind": entry.kind,
            "absorbs": entry.kind in ABSORBING_KINDS,
            "planned_start": entry.starts_at,
            "planned_end": entry.ends_at,
            "projected_start": start,
            "projected_end": end,
            "delay_s": projection.delay_s if projection else 0,
            "actual_start": plan.actual_start if plan else None,
            "actual_end": plan.actual_end if plan else None,
            "status": status,
        })
    return entries


def day_config(entries: list[dict]) -> list[dict]:
    """The day's entries for the browser, which re-projects them as time passes."""
    def ms(moment):
        return to_ms(moment) if moment is not None else None
    return [{"id": e["id"], "absorbs": e["absorbs"], "planned_start": ms(e["planned_start"]),
             "planned_end": ms(e["planned_end"]), "actual_start": ms(e["actual_start"]),
             "actual_end": ms(e["actual_end"])} for e in entries]


# -- strings the scripts need, translated on the server -------------------------------------

LABELS = {
    "start": N_("Start"),
    "pause": N_("Pause"),
    "resume": N_("Resume"),
    "idle": N_("Ready"),
    "running": N_("Running"),
    "paused": N_("Paused"),
    "on_time": N_("On time"),
    "over": N_("%(time)s over"),
    "spare": N_("%(time)s to spare"),
    "actual": N_("actual %(time)s"),
    "conclude": N_("Please conclude"),
    "slow_down": N_("The interpreters ask you to slow down."),
    "no_message": N_("No message on the stage."),
    "earlier_slot": N_("Sent during an earlier slot: no longer shown on the stage."),
    "connecting": N_("Connecting…"),
    "connected": N_("Connected"),
    "disconnected": N_("Connection lost; reconnecting…"),
    "refused": N_("The server refused this link."),
    "not_started": N_("Not started yet"),
    "live": N_("Live now"),
    "expected": N_("expected %(time)s"),
    "tbd": N_("to be determined"),
    # Who speaks next (STATE `speakers`, sessions/live/next_speakers.py), on every live page.
    "open_discussion": N_("Open discussion"),
    "request": N_("Floor request"),
    "point_of_order": N_("Point of order"),
    "right_of_reply": N_("Right of reply"),
    "nobody_next": N_("Nobody else is planned."),
    # Another console moved a moment ago (sessions/live/handover.py); "Do it anyway" sends it again.
    "another_console": N_("Another console"),
    "jc_slot_next": N_("%(who)s moved to the next speaker a moment ago; nothing was done."),
    "jc_slot_prev": N_("%(who)s went back to the previous speaker a moment ago; nothing was done."),
    "jc_slot_goto": N_("%(who)s went to another speaker a moment ago; nothing was done."),
    "jc_timer_start": N_("%(who)s started the timer a moment ago; nothing was done."),
    "jc_timer": N_("%(who)s changed the timer a moment ago; nothing was done."),
    "floor": N_("On the floor"),
    "no_next": N_("This is the last slot."),
    "saved": N_("Saved."),
}

REQUEST_LABELS = {
    "ordinary": N_("Floor request"),
    "point_of_order": N_("Point of order"),
    "right_of_reply": N_("Right of reply"),
}

ERRORS = {
    "bad_request": N_("The request is not valid."),
    "unauthorized": N_("This needs a sign-in link."),
    "forbidden": N_("Your link does not allow this."),
    "not_found": N_("That no longer exists in this session."),
    "invalid_state": N_("That does not apply right now."),
    "rate_limited": N_("Too many requests; wait a moment."),
    "just_changed": N_("Another console changed this a moment ago; nothing was done."),
    "timeout": N_("No answer from the server."),
}
