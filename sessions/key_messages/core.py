"""Rapporteurs' key messages: revisioned, append-only, never silently overwritten.

A key message is the list of its revisions; the last one is what the message says now. Every
change appends a revision and none is ever rewritten, so the history shows who wrote what and when,
and an old wording can be brought back with `restore` (which appends a copy).

Two rapporteurs may edit the same message at once. Each save names the revision it was based on;
a save based on anything but the current revision is refused with a `conflict` (a `MinbarError`
carrying the message as it now stands and the refused changes), so the second rapporteur can merge
by hand and nothing is lost. Originals and versions follow one rule for this, `sessions.key_messages.revisioned`.

Languages. A message is written in one language, its *original* (`KeyMessage.language`); each other
conference language may have a *version* (`Version`), a translation with its own revisions, author
and status (draft, agreed) and the same rule (`save_version`). Each
version revision remembers the revision of the original it was made from (`source_revision`); when
the original's text changes after that, the version is *out of date* (`out_of_date`). Changing only
the tags, group, position or status of the original leaves its versions as they are.

Refusals are the house's `MinbarError` (bad_request or not_found with `field`, conflict with
`current`, `yours` and `base_revision`). Pure Python: no Flask, no database. The caller loads a `KeyMessage`, calls `create`, `save` or
`restore`, and stores the revisions the result has beyond the ones it loaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from sessions.key_messages import markup
from sessions.key_messages import revisioned
from sessions.key_messages.fields import FIELDS, LANGUAGES, VERSION_FIELDS, clean, invalid
# The model's vocabulary, read by the pages and the outcome as `key_messages.OBJECTIVES` etc.
from sessions.key_messages.fields import OBJECTIVES, PRINCIPLES  # noqa: F401

Status = Literal["draft", "agreed"]


@dataclass(frozen=True)
class Revision:
    number: int                         # 1, 2, 3 ... in the order they were saved
    text: str                           # the safe Markdown subset of `sessions.key_messages.markup`
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

    def to_history(self) -> dict[str, Any]:
        return {"revision": self.number, **revisioned.json_shaped(self.fields()), "author": self.author,
                "saved_at": self.saved_at.isoformat()}


@dataclass(frozen=True)
class KeyMessage(revisioned.Revisions):
    id: str
    session: str                        # the session (agenda item) id
    revisions: tuple[Revision, ...]     # oldest first, numbered 1..n
    language: str = "en"                # the original's language, one of LANGUAGES

    def __post_init__(self) -> None:
        revisioned.numbered(self.revisions, f"key message {self.id!r}")

    @property
    def text_revision(self) -> int:
        """The revision at which the current text was first saved: versions made from an earlier
        revision are out of date. Restoring an older wording counts as a change of text."""
        number = self.revision
        while number > 1 and self.revisions[number - 2].text == self.current.text:
            number -= 1
        return number

    def subject(self, base_revision: int) -> str:
        return f"revision {base_revision}, but the key message is"

    def appended(self, revision: Revision) -> KeyMessage:
        return KeyMessage(self.id, self.session, self.revisions + (revision,), self.language)


def create(id: str, session: str, fields: dict[str, Any], author: str, now: datetime,
           language: str = "en") -> KeyMessage:
    """A new key message at revision 1.

    `fields` must hold `text` and may hold any other of FIELDS; the rest default to status
    "draft", no objectives, no principles, no group, position 0. Refuses (bad_request) a field
    that is unknown or invalid.
    """
    if not isinstance(id, str) or not id or not isinstance(session, str) or not session:
        raise ValueError("a key message needs a non-empty id and session id")
    if not isinstance(fields, dict):
        raise invalid("The key message must be an object of fields.")
    if "text" not in fields:
        raise invalid("A key message needs a text.", field="text")
    values = {"objectives": (), "principles": (), "status": "draft", "group": None, "position": 0}
    values.update(clean(fields))
    if language not in LANGUAGES:
        raise invalid(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}.", field="language")
    return KeyMessage(id, session, (_revision(1, values, author, now),), language)


def save(msg: KeyMessage, base_revision: int, changes: dict[str, Any], author: str, now: datetime) -> KeyMessage:
    """Append a revision with `changes` (any of FIELDS) applied to the current one.

    Malformed changes or base are refused (bad_request) first; then the rule of
    `sessions.key_messages.revisioned.save`: changes already in force return `msg` itself, a stale base is a
    conflict whose `current` is `to_contract` of the message. `msg` itself is never modified.
    """
    base = revisioned.base(base_revision)
    return revisioned.save(msg, base, clean(changes), lambda n, values: _revision(n, values, author, now),
                           to_contract)


def restore(msg: KeyMessage, revision_number: int, base_revision: int, author: str, now: datetime) -> KeyMessage:
    """Append a revision that copies every field of revision `revision_number`.

    History is never rewritten: restoring revision 2 of 5 makes revision 6, equal to 2 but for
    author and time. The rules of `save` apply. An unknown revision is not_found.
    """
    return revisioned.restore(msg, revision_number, base_revision, f"Key message {msg.id}",
                              lambda fields: save(msg, base_revision, fields, author, now))


def history(text: KeyMessage | Version) -> list[dict[str, Any]]:
    """Every revision of an original or a version, oldest first (`revision`, its fields, `author`,
    `saved_at` ISO; a version's also `source_revision`)."""
    return revisioned.history(text)


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

    def to_history(self) -> dict[str, Any]:
        return {"revision": self.number, "text": self.text, "status": self.status,
                "source_revision": self.source_revision, "author": self.author, "saved_at": self.saved_at.isoformat()}


@dataclass(frozen=True)
class Version(revisioned.Revisions):
    message: str                        # the key message's id
    language: str                       # one of LANGUAGES, never the original's
    revisions: tuple[VersionRevision, ...]  # oldest first, numbered 1..n, at least one

    def __post_init__(self) -> None:
        revisioned.numbered(self.revisions, f"version {self.message}/{self.language}", at_least_one=True)

    def subject(self, base_revision: int) -> str:
        return f"revision {base_revision} of the {self.language} version, but it is"

    def appended(self, revision: VersionRevision) -> Version:
        return Version(self.message, self.language, self.revisions + (revision,))


def out_of_date(version: Version, text_revision: int) -> bool:
    """True when the original's text changed after the revision this version was made from."""
    return version.current.source_revision < text_revision


def complete(version: Version | None, text_revision: int) -> bool:
    """A version that may stand in the outcome: agreed, and made from the original's current text."""
    return version is not None and version.current.status == "agreed" and not out_of_date(version, text_revision)


def save_version(
    version: Version | None, msg: KeyMessage, language: str, base_revision: int | None,
    changes: dict[str, Any], author: str, now: datetime,
) -> Version:
    """Append a revision to `msg`'s version in `language` (the first one when `version` is None).

    `base_revision` is the version's revision the changes were made on: 0 or None for a first save.
    `changes` holds any of VERSION_FIELDS; a first save needs `text` (status defaults to draft).
    The new revision records `msg.revision` as its source. The rule is the original's
    (`sessions.key_messages.revisioned.save`), but an out-of-date version saved unchanged on its current base is
    confirmed (a new revision made from the original's present text). Refuses a bad language,
    field or base.
    """
    if language not in LANGUAGES:
        raise invalid(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}.",
                      field="language", code="not_found")
    if language == msg.language:
        raise invalid(f"{language} is the original's language: save the key message itself.", field="language")
    base = revisioned.base(base_revision, first=True)
    cleaned = clean(changes, VERSION_FIELDS)

    def new_revision(number: int, values: dict) -> VersionRevision:
        return _version_revision(number, values, msg.revision, author, now)

    if version is None:
        if base != 0:
            raise invalid(f"There is no {language} version yet: its first save has base_revision 0.",
                          field="base_revision", code="not_found")
        if "text" not in cleaned:
            raise invalid("A version's first save needs a text.", field="text")
        return Version(msg.id, language, (new_revision(1, {"status": "draft", **cleaned}),))
    return revisioned.save(version, base, cleaned, new_revision,
                           lambda v: version_contract(v, msg.language, msg.text_revision),
                           confirm=out_of_date(version, msg.text_revision))


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


def _version_revision(number: int, values: dict[str, Any], source: int, author: str,
                      now: datetime) -> VersionRevision:
    return VersionRevision(number=number, text=values["text"], status=values["status"], source_revision=source,
                           author=author, saved_at=_stamp(author, now))


def _revision(number: int, values: dict[str, Any], author: str, now: datetime) -> Revision:
    return Revision(number=number, author=author, saved_at=_stamp(author, now), **values)


def _stamp(author: str, now: datetime) -> datetime:
    if not isinstance(author, str) or not author.strip():
        raise ValueError("a revision needs an author")
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise ValueError("the time of a revision must be an aware datetime")
    return now.astimezone(timezone.utc)
