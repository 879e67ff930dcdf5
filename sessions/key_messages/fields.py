"""The fields of a key message and of its versions: what each may hold, validated and normalised.

Every bad value is refused with the house's `MinbarError("bad_request", ..., field=<its name>)`
and nothing changes. Pure Python.
"""
from __future__ import annotations

from typing import Any

from conference.errors import MinbarError
from sessions.key_messages import markup

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


def invalid(message: str, field: str | None = None, code: str = "bad_request") -> MinbarError:
    """A refused edit; `field` names the offending field when there is one."""
    return MinbarError(code, message, **({"field": field} if field else {}))


def clean(fields: dict[str, Any], allowed: tuple[str, ...] = FIELDS) -> dict[str, Any]:
    """Validate and normalise the given fields (each one of `allowed`); refuses the first bad one."""
    if not isinstance(fields, dict):
        raise invalid("The changes must be an object of fields.")
    unknown = sorted(str(name) for name in fields if name not in allowed)
    if unknown:
        what = ("a version has text and status" if allowed == VERSION_FIELDS
                else f"a key message has {', '.join(FIELDS)}")
        raise invalid(f"Unknown field {', '.join(unknown)}; {what}.", field=unknown[0])
    return {name: _CLEANERS[name](value) for name, value in fields.items()}


def _clean_text(value: Any) -> str:
    try:
        return markup.validate_text(value)
    except ValueError as error:
        raise invalid(str(error), field="text") from None


def _clean_objectives(value: Any) -> tuple[int, ...]:
    if not isinstance(value, (list, tuple)):
        raise invalid("objectives must be a list of objective numbers.", field="objectives")
    for number in value:
        if not isinstance(number, int) or isinstance(number, bool) or number not in OBJECTIVES:
            raise invalid(
                f"{number!r} is not a GCM objective; objectives are numbered 1 to 23.",
                field="objectives",
            )
    return tuple(sorted(set(value)))


def _clean_principles(value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise invalid(
            "principles must be a list of guiding principle keys.", field="principles"
        )
    for key in value:
        if key not in PRINCIPLES:
            raise invalid(
                f"{key!r} is not a guiding principle; use one of {', '.join(PRINCIPLES)}.",
                field="principles",
            )
    return tuple(key for key in PRINCIPLES if key in value)


def _clean_status(value: Any) -> str:
    if value not in STATUSES:
        raise invalid(f"status must be draft or agreed, not {value!r}.", field="status")
    return value


def _clean_group(value: Any) -> str | None:
    # An empty group clears it: None and "" mean the same, so they must compare the same.
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid("group must be a string or null.", field="group")
    value = " ".join(value.split())
    if len(value) > MAX_GROUP_LENGTH or markup.INVALID_CHARS.search(value):
        raise invalid(
            f"group must be at most {MAX_GROUP_LENGTH} printable characters.", field="group"
        )
    return value or None


def _clean_position(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_POSITION:
        raise invalid(
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
