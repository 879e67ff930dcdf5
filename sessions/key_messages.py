"""Rapporteurs' key messages: revisioned, append-only, never silently overwritten.

A key message is the list of its revisions; the last one is what the message says now. Every
change appends a revision and none is ever rewritten, so the history shows who wrote what and when,
and an old wording can be brought back with `restore` (which appends a copy).

Two rapporteurs may edit the same message at once. Each save names the revision it was based on;
a save based on anything but the current revision raises `Conflict`, which carries the message as it
now stands and the refused changes, so the second rapporteur can merge by hand and nothing is lost.

Pure Python: no Flask, no database. The caller loads a `KeyMessage`, calls `create`, `save` or
`restore`, and stores the revisions the result has beyond the ones it loaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from sessions import markup

OBJECTIVES = range(1, 24)  # the 23 objectives of the Global Compact for Migration

# The ten guiding principles of the GCM, in the order the Compact lists them.
PRINCIPLES = (
    "people_centred",
    "international_cooperation",
    "national_sovereignty",
    "rule_of_law",
    "sustainable_development",
    "human_rights",
    "gender_responsive",
    "child_sensitive",
    "whole_of_government",
    "whole_of_society",
)

STATUSES = ("draft", "agreed")
FIELDS = ("text", "objectives", "principles", "status", "group", "position")
MAX_GROUP_LENGTH = 200
MAX_POSITION = 1_000_000

Status = Literal["draft", "agreed"]


class KeyMessageError(Exception):
    """Base of the refusals below; `code` is the API error code, `message` is for a person."""

    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidEdit(KeyMessageError, ValueError):
    """The edit is malformed (code "bad_request") or names a revision that does not exist
    (code "not_found"); `field` names the offending field when there is one. Nothing changed."""

    def __init__(self, message: str, code: str = "bad_request", field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class Conflict(KeyMessageError):
    """The save was based on a revision that is no longer the current one. Nothing changed.

    `current` is the message as it now stands; `yours` is the refused changes, validated and in
    the contract's JSON shape (lists, not tuples), so both can be shown side by side.
    """

    code = "conflict"

    def __init__(self, current: KeyMessage, yours: dict[str, Any], base_revision: int) -> None:
        latest = current.current
        super().__init__(
            f"Your changes were based on revision {base_revision}, but the key message is now at "
            f"revision {latest.number} (saved by {latest.author}); nothing was saved. Merge your "
            "changes into the current text and save again."
        )
        self.current = current
        self.yours = yours
        self.base_revision = base_revision

    def to_error(self) -> dict[str, Any]:
        """The body of the 409 answer: ``{"code", "message", "current", "yours"}``."""
        return {
            "code": self.code,
            "message": self.message,
            "current": to_contract(self.current),
            "yours": self.yours,
        }


@dataclass(frozen=True)
class Revision:
    number: int                         # 1, 2, 3 ... in the order they were saved
    text: str                           # the safe Markdown subset of `sessions.markup`
    objectives: tuple[int, ...]         # GCM objective numbers, ascending, no repeats
    principles: tuple[str, ...]         # keys of PRINCIPLES, in PRINCIPLES order, no repeats
    status: Status
    group: str | None                   # a heading to gather messages under, or None
    position: int                       # order within the session (then by id), 0 first
    author: str                         # who saved this revision
    saved_at: datetime                  # aware, UTC

    def fields(self) -> dict[str, Any]:
        """The editable fields of this revision, as `create` and `save` take them."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class KeyMessage:
    id: str
    session: str                        # the session (agenda item) id
    revisions: tuple[Revision, ...]     # oldest first, numbered 1..n

    def __post_init__(self) -> None:
        numbers = [revision.number for revision in self.revisions]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(
                f"key message {self.id!r}: revisions must be numbered 1..n, got {numbers}"
            )

    @property
    def current(self) -> Revision:
        return self.revisions[-1]

    @property
    def revision(self) -> int:
        return self.current.number


def create(id: str, session: str, fields: dict[str, Any], author: str, now: datetime) -> KeyMessage:
    """A new key message at revision 1.

    `fields` must hold `text` and may hold any other of FIELDS; the rest default to status
    "draft", no objectives, no principles, no group, position 0. Raises InvalidEdit when a field
    is unknown or invalid.
    """
    if not isinstance(id, str) or not id or not isinstance(session, str) or not session:
        raise ValueError("a key message needs a non-empty id and session id")
    if not isinstance(fields, dict):
        raise InvalidEdit("The key message must be an object of fields.")
    if "text" not in fields:
        raise InvalidEdit("A key message needs a text.", field="text")
    values = {"objectives": (), "principles": (), "status": "draft", "group": None, "position": 0}
    values.update(_clean(fields))
    return KeyMessage(id, session, (_revision(1, values, author, now),))


def save(
    msg: KeyMessage, base_revision: int, changes: dict[str, Any], author: str, now: datetime
) -> KeyMessage:
    """Append a revision with `changes` (any of FIELDS) applied to the current one.

    Order of checks: malformed changes or base raise InvalidEdit; then, when the changes are
    already what the current revision says (including an empty `changes`), `msg` is returned as it
    is, with no new revision, whatever the base: nothing would be overwritten and a revision that
    changes nothing would only clutter the history. Otherwise a `base_revision` other than the
    current revision number raises Conflict. `msg` itself is never modified.
    """
    if not isinstance(base_revision, int) or isinstance(base_revision, bool) or base_revision < 1:
        raise InvalidEdit(
            "base_revision must be a revision number (1 or more).", field="base_revision"
        )
    if not isinstance(changes, dict):
        raise InvalidEdit("The changes must be an object of fields.")
    cleaned = _clean(changes)
    current = msg.current.fields()
    values = {**current, **cleaned}
    if values == current:
        return msg
    if base_revision != msg.revision:
        raise Conflict(msg, _json_shaped(cleaned), base_revision)
    revision = _revision(msg.revision + 1, values, author, now)
    return KeyMessage(msg.id, msg.session, msg.revisions + (revision,))


def restore(
    msg: KeyMessage, revision_number: int, base_revision: int, author: str, now: datetime
) -> KeyMessage:
    """Append a revision that copies every field of revision `revision_number`.

    History is never rewritten: restoring revision 2 of 5 makes revision 6, equal to 2 but for
    author and time. The rules of `save` apply (Conflict on a stale base; no new revision when the
    current one already says the same). An unknown revision raises InvalidEdit with code
    "not_found".
    """
    if (
        not isinstance(revision_number, int)
        or isinstance(revision_number, bool)
        or not 1 <= revision_number <= msg.revision
    ):
        raise InvalidEdit(
            f"Key message {msg.id} has no revision {revision_number!r}.",
            code="not_found",
            field="revision",
        )
    return save(msg, base_revision, msg.revisions[revision_number - 1].fields(), author, now)


def to_contract(msg: KeyMessage) -> dict[str, Any]:
    """The message as the API shows it: its current revision, with the text rendered to HTML."""
    return revision_contract(msg.id, msg.session, msg.current)


def revision_contract(id: str, session: str, latest: Revision) -> dict[str, Any]:
    """`to_contract` of a message whose current revision is `latest`, for readers (lists, the
    outcome) that load only the current revision of each message."""
    return {
        "id": id,
        "session": session,
        "text": latest.text,
        "html": markup.render_html(latest.text),
        "objectives": list(latest.objectives),
        "principles": list(latest.principles),
        "status": latest.status,
        "group": latest.group,
        "position": latest.position,
        "revision": latest.number,
        "author": latest.author,
        "saved_at": latest.saved_at.isoformat(),
    }


def history(msg: KeyMessage) -> list[dict[str, Any]]:
    """Every revision, oldest first: `revision`, the FIELDS, `author`, `saved_at` (ISO)."""
    return [
        {
            "revision": revision.number,
            **_json_shaped(revision.fields()),
            "author": revision.author,
            "saved_at": revision.saved_at.isoformat(),
        }
        for revision in msg.revisions
    ]


# --------------------------------------------------------------------------------------------------


def _revision(number: int, values: dict[str, Any], author: str, now: datetime) -> Revision:
    if not isinstance(author, str) or not author.strip():
        raise ValueError("a revision needs an author")
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise ValueError("the time of a revision must be an aware datetime")
    return Revision(number=number, author=author, saved_at=now.astimezone(timezone.utc), **values)


def _json_shaped(values: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the given fields; raises InvalidEdit at the first bad one."""
    unknown = sorted(str(name) for name in fields if name not in FIELDS)
    if unknown:
        raise InvalidEdit(
            f"Unknown field {', '.join(unknown)}; a key message has {', '.join(FIELDS)}.",
            field=unknown[0],
        )
    return {name: _CLEANERS[name](value) for name, value in fields.items()}


def _clean_text(value: Any) -> str:
    try:
        return markup.validate_text(value)
    except ValueError as error:
        raise InvalidEdit(str(error), field="text") from None


def _clean_objectives(value: Any) -> tuple[int, ...]:
    if not isinstance(value, (list, tuple)):
        raise InvalidEdit("objectives must be a list of objective numbers.", field="objectives")
    for number in value:
        if not isinstance(number, int) or isinstance(number, bool) or number not in OBJECTIVES:
            raise InvalidEdit(
                f"{number!r} is not a GCM objective; objectives are numbered 1 to 23.",
                field="objectives",
            )
    return tuple(sorted(set(value)))


def _clean_principles(value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise InvalidEdit(
            "principles must be a list of guiding principle keys.", field="principles"
        )
    for key in value:
        if key not in PRINCIPLES:
            raise InvalidEdit(
                f"{key!r} is not a guiding principle; use one of {', '.join(PRINCIPLES)}.",
                field="principles",
            )
    return tuple(key for key in PRINCIPLES if key in value)


def _clean_status(value: Any) -> str:
    if value not in STATUSES:
        raise InvalidEdit(f"status must be draft or agreed, not {value!r}.", field="status")
    return value


def _clean_group(value: Any) -> str | None:
    # An empty group clears it: None and "" mean the same, so they must compare the same.
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidEdit("group must be a string or null.", field="group")
    value = " ".join(value.split())
    if len(value) > MAX_GROUP_LENGTH or markup.INVALID_CHARS.search(value):
        raise InvalidEdit(
            f"group must be at most {MAX_GROUP_LENGTH} printable characters.", field="group"
        )
    return value or None


def _clean_position(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_POSITION:
        raise InvalidEdit(
            f"position must be a whole number from 0 to {MAX_POSITION}.", field="position"
        )
    return value


_CLEANERS = {
    "text": _clean_text,
    "objectives": _clean_objectives,
    "principles": _clean_principles,
    "status": _clean_status,
    "group": _clean_group,
    "position": _clean_position,
}
