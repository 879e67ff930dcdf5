"""One revisioned text: the rule every append-only, never-silently-overwritten text follows.

A text (a key message's original, or its version in another language) is the tuple of its
revisions, numbered 1..n; the last is what it says now. A save names the revision it was based
on and the fields it changes:

- changes that are already what the text says return the text itself, whatever the base: nothing
  would be overwritten, and a revision that changes nothing would only clutter the history
  (unless `confirm`, when a save on the current base must be recorded even so);
- otherwise a base other than the current revision raises a `conflict` refusal that carries the
  text as it now stands (`current`) and the refused changes (`yours`), so the writer can merge by
  hand and nothing is lost;
- otherwise one revision is appended; nothing is ever rewritten.

Restoring an old wording is a save of that revision's fields (a new revision, equal but for author
and time). Pure Python; refusals are the house's `MinbarError`.
"""
from __future__ import annotations

from typing import Any, Callable, Protocol, TypeVar

from conference.errors import MinbarError


class Text(Protocol):
    revisions: tuple

    @property
    def current(self) -> Any: ...

    @property
    def revision(self) -> int: ...

    def subject(self, base_revision: int) -> str: ...

    def appended(self, revision: Any) -> "Text": ...


T = TypeVar("T", bound=Text)


class Revisions:
    """What every revisioned text says now: its last revision (`current`) and that one's number."""

    revisions: tuple

    @property
    def current(self) -> Any:
        return self.revisions[-1]

    @property
    def revision(self) -> int:
        return self.current.number


def save(text: T, base_revision: int, changes: dict[str, Any], new_revision: Callable[[int, dict], Any],
         shown: Callable[[T], dict], confirm: bool = False) -> T:
    """Apply `changes` (already validated) on top of revision `base_revision` of `text` (see the
    module docstring). `new_revision(number, values)` makes the revision to append; `shown(text)`
    is the text as the API shows it, for the conflict refusal."""
    current = text.current.fields()
    values = {**current, **changes}
    if values == current and not (confirm and base_revision == text.revision):
        return text
    if base_revision != text.revision:
        raise conflict(text, json_shaped(changes), base_revision, shown(text))
    return text.appended(new_revision(text.revision + 1, values))


def restore(text: T, number: int, base_revision: int, what: str, save_fields: Callable[[dict], T]) -> T:
    """Save again the fields of revision `number` (`save_fields` applies the usual rule); an
    unknown revision is not_found."""
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= text.revision:
        raise MinbarError("not_found", f"{what} has no revision {number!r}.", field="revision")
    return save_fields(text.revisions[number - 1].fields())


def conflict(text: Text, yours: dict[str, Any], base_revision: int, current: dict) -> MinbarError:
    """The refusal of a save based on a revision that is no longer the current one."""
    latest = text.current
    return MinbarError(
        "conflict",
        f"Your changes were based on {text.subject(base_revision)} now at revision {latest.number} "
        f"(saved by {latest.author}); nothing was saved. Merge your changes into the current text and "
        "save again.",
        current=current, yours=yours, base_revision=base_revision)


def history(text: Text) -> list[dict[str, Any]]:
    """Every revision, oldest first, as the API shows it."""
    return [revision.to_history() for revision in text.revisions]


def numbered(revisions: tuple, what: str, at_least_one: bool = False) -> None:
    """Refuse (ValueError: a programming error, not a user's) revisions not numbered 1..n."""
    numbers = [revision.number for revision in revisions]
    if numbers != list(range(1, len(numbers) + 1)) or (at_least_one and not numbers):
        raise ValueError(f"{what}: revisions must be numbered 1..n, got {numbers}")


def base(value, *, first: bool = False) -> int:
    """A save's base revision: a revision number, or (where `first`) 0 or None for a first save."""
    if first and value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < (0 if first else 1):
        message = ("base_revision must be a revision number, or 0 (or null) for a version's first save." if first
                   else "base_revision must be a revision number (1 or more).")
        raise MinbarError("bad_request", message, field="base_revision")
    return value


def json_shaped(values: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
