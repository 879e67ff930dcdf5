"""Rapporteurs' key messages: revisioned, append-only, never silently overwritten.

A key message is the list of its revisions; the last one is what the message says now. Every
change appends a revision and none is ever rewritten, so the history shows who wrote what and when,
and an old wording can be brought back with `restore` (which appends a copy).

Two rapporteurs may edit the same message at once. Each save names the revision it was based on;
a save based on anything but the current revision raises `Conflict`, which carries the message as it
now stands and the refused changes, so the second rapporteur can merge by hand and nothing is lost.

Languages. A message is written in one language, its *original* (`KeyMessage.language`); each other
conference language may have a *version* (`Version`), a translation with its own revisions, author
and status (draft, agreed) and the same conflict rule (`save_version`, `VersionConflict`). Each
version revision remembers the revision of the original it was made from (`source_revision`); when
the original's text changes after that, the version is *out of date* (`out_of_date`). Changing only
the tags, group, position or status of the original leaves its versions as they are.

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
LANGUAGES = ("ar", "en", "fr")
VERSION_FIELDS = ("text", "status")
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
    language: str = "en"                # the original's language, one of LANGUAGES

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

    @property
    def text_revision(self) -> int:
        """The revision at which the current text was first saved: versions made from an earlier
        revision are out of date. Restoring an older wording counts as a change of text."""
        number = self.revision
        while number > 1 and self.revisions[number - 2].text == self.current.text:
            number -= 1
        return number


def create(id: str, session: str, fields: dict[str, Any], author: str, now: datetime,
           language: str = "en") -> KeyMessage:
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
    if language not in LANGUAGES:
        raise InvalidEdit(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}.", field="language")
    return KeyMessage(id, session, (_revision(1, values, author, now),), language)


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
    return KeyMessage(msg.id, msg.session, msg.revisions + (revision,), msg.language)


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


# -- versions (translations) -------------------------------------------------------------------


@dataclass(frozen=True)
class VersionRevision:
    number: int                         # 1, 2, 3 ... within this version
    text: str                           # the markup subset, like the original's
    status: Status
    source_revision: int                # the original's revision this wording was made from
    author: str
    saved_at: datetime                  # aware, UTC

    def fields(self) -> dict[str, Any]:
        return {"text": self.text, "status": self.status}


@dataclass(frozen=True)
class Version:
    message: str                        # the key message's id
    language: str                       # one of LANGUAGES, never the original's
    revisions: tuple[VersionRevision, ...]  # oldest first, numbered 1..n, at least one

    def __post_init__(self) -> None:
        numbers = [revision.number for revision in self.revisions]
        if not numbers or numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"version {self.message}/{self.language}: revisions must be numbered 1..n")

    @property
    def current(self) -> VersionRevision:
        return self.revisions[-1]

    @property
    def revision(self) -> int:
        return self.current.number


def out_of_date(version: Version, text_revision: int) -> bool:
    """True when the original's text changed after the revision this version was made from."""
    return version.current.source_revision < text_revision


def complete(version: Version | None, text_revision: int) -> bool:
    """A version that may stand in the outcome: agreed, and made from the original's current text."""
    return version is not None and version.current.status == "agreed" and not out_of_date(version, text_revision)


class VersionConflict(KeyMessageError):
    """A version's save was based on a revision that is no longer its current one (or on none,
    when another translator saved the first revision meanwhile). Nothing changed."""

    code = "conflict"

    def __init__(self, current: Version, yours: dict[str, Any], base_revision: int,
                 original_language: str, text_revision: int) -> None:
        latest = current.current
        super().__init__(
            f"Your changes were based on revision {base_revision} of the {current.language} version, but it "
            f"is now at revision {latest.number} (saved by {latest.author}); nothing was saved. Merge your "
            "changes into the current text and save again."
        )
        self.current = current
        self.yours = yours
        self.base_revision = base_revision
        self.original_language = original_language
        self.text_revision = text_revision

    def to_error(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "current": version_contract(self.current, self.original_language, self.text_revision),
            "yours": self.yours,
        }


def save_version(
    version: Version | None, msg: KeyMessage, language: str, base_revision: int | None,
    changes: dict[str, Any], author: str, now: datetime,
) -> Version:
    """Append a revision to `msg`'s version in `language` (the first one when `version` is None).

    `base_revision` is the version's revision the changes were made on: 0 or None for a first save.
    `changes` holds any of VERSION_FIELDS; a first save needs `text` (status defaults to draft).
    The new revision records `msg.revision` as its source. As with `save`: changes that are already
    what the version says return it unchanged, whatever the base, unless it is out of date and the
    base is current (saving it again then confirms it against the original's present text); a stale
    base raises VersionConflict. Raises InvalidEdit on a bad language, field or base.
    """
    if language not in LANGUAGES:
        raise InvalidEdit(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}.",
                          code="not_found", field="language")
    if language == msg.language:
        raise InvalidEdit(f"{language} is the original's language: save the key message itself.",
                          field="language")
    if base_revision is None:
        base_revision = 0
    if not isinstance(base_revision, int) or isinstance(base_revision, bool) or base_revision < 0:
        raise InvalidEdit("base_revision must be a revision number, or 0 (or null) for a version's first save.",
                          field="base_revision")
    if not isinstance(changes, dict):
        raise InvalidEdit("The changes must be an object of fields.")
    unknown = sorted(str(name) for name in changes if name not in VERSION_FIELDS)
    if unknown:
        raise InvalidEdit(f"Unknown field {', '.join(unknown)}; a version has text and status.", field=unknown[0])
    cleaned = {name: _CLEANERS[name](value) for name, value in changes.items()}
    source = msg.revision
    if version is None:
        if base_revision != 0:
            raise InvalidEdit(f"There is no {language} version yet: its first save has base_revision 0.",
                              code="not_found", field="base_revision")
        if "text" not in cleaned:
            raise InvalidEdit("A version's first save needs a text.", field="text")
        values = {"status": "draft", **cleaned}
        revision = _version_revision(1, values, source, author, now)
        return Version(msg.id, language, (revision,))
    current = version.current.fields()
    values = {**current, **cleaned}
    stale_source = out_of_date(version, msg.text_revision)
    if values == current and (base_revision != version.revision or not stale_source):
        return version
    if base_revision != version.revision:
        raise VersionConflict(version, cleaned, base_revision, msg.language, msg.text_revision)
    revision = _version_revision(version.revision + 1, values, source, author, now)
    return Version(version.message, language, version.revisions + (revision,))


def version_contract(version: Version, original_language: str, text_revision: int) -> dict[str, Any]:
    """A version as the API shows it."""
    latest = version.current
    return {
        "message": version.message,
        "language": version.language,
        "original": False,
        "original_language": original_language,
        "text": latest.text,
        "html": markup.render_html(latest.text),
        "status": latest.status,
        "revision": latest.number,
        "source_revision": latest.source_revision,
        "out_of_date": out_of_date(version, text_revision),
        "author": latest.author,
        "saved_at": latest.saved_at.isoformat(),
    }


def original_as_version(msg: KeyMessage) -> dict[str, Any]:
    """The original, in the shape of a version (`GET .../versions/<its language>`)."""
    latest = msg.current
    return {
        "message": msg.id,
        "language": msg.language,
        "original": True,
        "original_language": msg.language,
        "text": latest.text,
        "html": markup.render_html(latest.text),
        "status": latest.status,
        "revision": latest.number,
        "source_revision": latest.number,
        "out_of_date": False,
        "author": latest.author,
        "saved_at": latest.saved_at.isoformat(),
    }


def version_summary(version: Version, text_revision: int) -> dict[str, Any]:
    """What a message's `versions` field says of one version (no text: lists stay small)."""
    latest = version.current
    return {
        "revision": latest.number,
        "status": latest.status,
        "out_of_date": out_of_date(version, text_revision),
        "author": latest.author,
        "saved_at": latest.saved_at.isoformat(),
    }


def version_history(version: Version) -> list[dict[str, Any]]:
    return [
        {"revision": r.number, "text": r.text, "status": r.status, "source_revision": r.source_revision,
         "author": r.author, "saved_at": r.saved_at.isoformat()}
        for r in version.revisions
    ]


def _version_revision(number: int, values: dict[str, Any], source: int, author: str,
                      now: datetime) -> VersionRevision:
    if not isinstance(author, str) or not author.strip():
        raise ValueError("a revision needs an author")
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise ValueError("the time of a revision must be an aware datetime")
    return VersionRevision(number=number, text=values["text"], status=values["status"],
                           source_revision=source, author=author, saved_at=now.astimezone(timezone.utc))


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
