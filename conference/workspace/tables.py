"""Search and filters of the workspace's people and links tables (server-side: the query
parameters of the page, so they work without JavaScript), and the names the audit page tells ids
by. Plain Python, no Flask.

People: `q` (name, key or delegation), `role` (what the agenda assigns them: chair, speaker,
rapporteur, interpreter), `session`, `delegation`. Links: the same, plus `status` (active,
revoked, expired).
"""
from __future__ import annotations

from datetime import datetime

PEOPLE_FILTERS = ("q", "role", "session", "delegation")
LINK_FILTERS = ("q", "role", "session", "delegation", "status")
STATUSES = ("active", "revoked", "expired")


def wanted(args, names) -> dict[str, str]:
    """The filters a request asks for (missing ones are empty)."""
    return {name: (args.get(name) or "").strip()[:200] for name in names}


def assignments(items, booths) -> dict[str, set[tuple[str, str | None]]]:
    """person key -> {(role, session key or None)} from the agenda: chairs, speakers, rapporteurs
    of each session; interpreters of a booth."""
    found: dict[str, set] = {}
    for item in items:
        if item.chair_person is not None:
            found.setdefault(item.chair_person.key, set()).add(("chair", item.key))
        for slot in item.slots:
            if slot.speaker is not None:
                found.setdefault(slot.speaker.key, set()).add(("speaker", item.key))
        for key in getattr(item, "rapporteurs", None) or []:
            found.setdefault(key, set()).add(("rapporteur", item.key))
    for booth in booths or []:
        for key in booth.get("interpreters") or []:
            found.setdefault(key, set()).add(("interpreter", None))
    return found


def _matches(text: str, *values) -> bool:
    needle = text.casefold()
    return any(needle in (v or "").casefold() for v in values)


def _same(wanted_value: str, value) -> bool:
    return wanted_value == value


def people(rows, filters: dict, assigned: dict, language: str) -> list:
    out = []
    for person in rows:
        mine = assigned.get(person.key, set())
        if filters.get("q") and not _matches(filters["q"], person.key, person.name, person.name_in(language),
                                             person.delegation, *(person.names or {}).values()):
            continue
        if filters.get("delegation") and not _matches(filters["delegation"], person.delegation):
            continue
        if filters.get("role") and not any(role == filters["role"] for role, _s in mine):
            continue
        if filters.get("session") and not any(session == filters["session"] for _r, session in mine):
            continue
        out.append(person)
    return out


def status(row, now: datetime) -> str:
    if row.revoked_at is not None:
        return "revoked"
    expires = getattr(row, "expires_at", None)
    return "expired" if expires is not None and expires <= now else "active"


def links(entries: list[dict], filters: dict, people_by_key: dict, now: datetime, language: str) -> list[dict]:
    """`entries` as the links page makes them ({"row": AccessToken, ...})."""
    out = []
    for entry in entries:
        row = entry["row"]
        person = people_by_key.get(row.person_key or "")
        if filters.get("q") and not _matches(filters["q"], row.name, row.person_key, row.delegation,
                                             person.name_in(language) if person else "",
                                             person.delegation if person else ""):
            continue
        if filters.get("delegation") and not _matches(filters["delegation"], row.delegation,
                                                      person.delegation if person else ""):
            continue
        if filters.get("role") and not _same(filters["role"], row.role):      # a filter, not "who may"
            continue
        if filters.get("session") and not _same(filters["session"], row.session_key):
            continue
        if filters.get("status") and status(row, now) != filters["status"]:
            continue
        out.append(entry)
    return out


def delegations(rows) -> list[str]:
    return sorted({(r.delegation or "").strip() for r in rows if (r.delegation or "").strip()}, key=str.casefold)
