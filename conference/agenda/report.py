"""What every check of an agenda shares: the `Report` that collects findings and knows the
conference's languages, people and zone, and the wording of places, times and counts."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time

import pytz

from conference.agenda.schema import LANGUAGES, ConferenceSpec, Finding, ItemSpec, SlotSpec, Text, Where

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OBJECTIVES = range(1, 24)
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


class Report:
    """The findings so far, plus what every check needs to know about the conference."""

    def __init__(self, spec: ConferenceSpec) -> None:
        self.findings: list[Finding] = []
        self.languages = tuple(lang for lang in spec.languages if lang in LANGUAGES)
        self.people = {p.id for p in spec.people}
        self.zone = zone_of(spec.timezone)

    def error(self, code: str, where: Where, message: str, variant: str = "", **params) -> None:
        """`params`: the values the sentence names, to say it in another language."""
        self.findings.append(Finding("error", code, where, message, tuple(params.items()), variant))

    def warning(self, code: str, where: Where, message: str, variant: str = "", **params) -> None:
        self.findings.append(Finding("warning", code, where, message, tuple(params.items()), variant))

    def language_problem(self, language: str) -> str | None:
        """Why `language` cannot be used for a person, slot or booth; None when it can."""
        if language not in LANGUAGES:
            return f"'{language}' is not a language Minbar knows ({', '.join(LANGUAGES)})"
        if language not in self.languages:
            return (f"'{language}' is not one of the conference's languages "
                    f"({', '.join(self.languages)})")
        return None

    def texts(self, text: Text, what: str, label: str, where: Where, required: bool) -> None:
        """Text keys must be known languages; a text, once given, needs every conference language."""
        for key in text:
            if key not in LANGUAGES:
                self.error("unknown_language", where,
                           f"{label}: {what} has a text in '{key}', which is not a language "
                           f"Minbar knows ({', '.join(LANGUAGES)})")
        if not (required or text):
            return
        missing = [lang for lang in self.languages if not text.get(lang, "").strip()]
        if missing:
            names = " or ".join(f"{LANGUAGE_NAMES[lang]} ({lang})" for lang in missing)
            self.warning("missing_translation", where, f"{label}: {what} has no {names} text")


def zone_of(name: str):
    try:
        return pytz.timezone(name)
    except (pytz.UnknownTimeZoneError, AttributeError, TypeError):
        return None


def item_where(item: ItemSpec, field: str | None = None, slot: SlotSpec | None = None) -> Where:
    """Where to point for `item` (or its `slot`): its place in the file, named by id."""
    if slot is not None:
        return replace(slot.where, item=item.id, slot=slot.id, field=field)
    return replace(item.where, item=item.id, field=field)


def hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def minutes_between(start: time, end: time) -> int:
    day = date(2000, 1, 1)
    return int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() // 60)


def span(item: ItemSpec) -> str:
    return f"{hhmm(item.start)}-{hhmm(item.end)}"


def line_note(where: Where) -> str:
    return f" (line {where.line})" if where.line is not None else ""


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def bad_id_message(label: str, value: str) -> str:
    return (f"{label}: the id '{value}' may contain only lowercase letters, digits and single "
            "hyphens between them, such as plenary-1")


def names_have(word: str, ids: list[str]) -> str:
    return f"{word} {ids[0]} has" if len(ids) == 1 else f"{word}s {', '.join(ids)} have"


def numbered(word: str, numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"{word} {numbers[0]}"
    return f"{word}s {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
