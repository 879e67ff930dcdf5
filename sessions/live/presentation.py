"""Presentation mode: the projector view that pages through the agreed key messages.

The `presentation` part of a session's live state says which agreed key message is on screen:
STATE carries `presentation: {"index", "count", "message", "digest"}`: `index` (0-based) into the
conference's agreed messages in agenda order (then by their order within the session), `count` of
them, `message` the id at `index` (null when there are none), and `digest`, which changes whenever
the list or any message on it changes, so followers know to fetch the list again.

The `presentation` command family (event `presentation`):
- `goto` `{"index": N}`, `next`, `prev`: the session's chair or rapporteur, or an organiser. Moving
  past either end is `invalid_state`; an index outside the list is `bad_request`. Nothing changes.
- `sync` `{"ids": [...], "digest": "..."}`: only the server itself (role "system", which no access
  link can have) after key messages change. The message on screen stays on screen when it is still
  in the list (its index follows it); otherwise the index is kept, clamped to the new list.

Pure: the ids come in with the `sync` command; nothing here reads the database.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sessions.live.state import Command, Family, Feature, LiveSession, Part, Refused, SessionInfo
from speakers import policy

SYSTEM_ROLE = policy.SYSTEM_ROLE
MAX_IDS = 5000
MAX_DIGEST = 64


def _initial(_info: SessionInfo) -> dict:
    return {"index": 0, "ids": [], "digest": ""}


def _load(data: Any, _info: SessionInfo) -> dict:
    ids = [i for i in data.get("ids", []) if isinstance(i, str)] if isinstance(data, dict) else []
    index = data.get("index", 0) if isinstance(data, dict) else 0
    index = index if isinstance(index, int) and 0 <= index < max(len(ids), 1) else 0
    return {"index": index, "ids": ids, "digest": str(data.get("digest", "")) if isinstance(data, dict) else ""}


def _contract(value: dict, _info: SessionInfo, _now: datetime) -> dict:
    ids = value["ids"]
    return {"index": value["index"], "count": len(ids),
            "message": ids[value["index"]] if ids else None, "digest": value["digest"]}


PRESENTATION = Part(
    name="presentation", initial=_initial,
    dump=lambda value: {"index": value["index"], "ids": list(value["ids"]), "digest": value["digest"]},
    load=_load, contract=_contract,
)


def _index(payload) -> int:
    index = payload.get("index")
    if not isinstance(index, int) or isinstance(index, bool):
        raise Refused("bad_request", "'index' must be a whole number (0 is the first message).")
    return index


def _sync(value: dict, payload) -> dict:
    ids, digest = payload.get("ids"), payload.get("digest", "")
    if (not isinstance(ids, list) or len(ids) > MAX_IDS or not all(isinstance(i, str) for i in ids)
            or not isinstance(digest, str) or len(digest) > MAX_DIGEST):
        raise Refused("bad_request", "'ids' must be a list of key message ids and 'digest' a short string.")
    shown = value["ids"][value["index"]] if value["ids"] else None
    if shown in ids:
        index = ids.index(shown)
    else:
        index = min(value["index"], max(len(ids) - 1, 0))
    return {"index": index, "ids": list(ids), "digest": digest}


def handle(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    value = live.part("presentation")
    if command.action == "sync":
        return live.with_part("presentation", _sync(value, command.payload))
    count, index = len(value["ids"]), value["index"]
    if count == 0:
        raise Refused("invalid_state", "There are no agreed key messages to present yet.")
    if command.action == "next":
        if index + 1 >= count:
            raise Refused("invalid_state", "This is already the last key message.")
        index += 1
    elif command.action == "prev":
        if index == 0:
            raise Refused("invalid_state", "This is already the first key message.")
        index -= 1
    else:  # goto
        index = _index(command.payload)
        if not 0 <= index < count:
            raise Refused("bad_request", f"'index' must be from 0 to {count - 1}.")
    return live.with_part("presentation", {**value, "index": index})


def authorise(actor, info: SessionInfo, command: Command) -> bool:
    action = "presentation.sync" if command.action == "sync" else "presentation.drive"
    return policy.may(actor, action, info.conference, info.key)


PRESENTATION_FAMILY = Family(
    name="presentation",
    actions=frozenset({"goto", "next", "prev", "sync"}),
    handle=handle,
    authorise=authorise,
)


FEATURE = Feature("presentation", parts=(PRESENTATION,), families=(PRESENTATION_FAMILY,))
