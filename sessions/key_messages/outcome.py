"""The conference's outcome document, compiled from the rapporteurs' key messages.

`build` turns plain data (`OutcomeInput`, which the web layer fills from the database and the
message catalogues) into an `Outcome`, the document's structure, with the wording every format
shares (tags, headings, list joins, "translation pending"). One module per format renders it:
`sessions.key_messages.outcome_markdown`, `sessions.key_messages.outcome_html` (helpers for the page's Jinja template) and
`sessions.key_messages.outcome_docx`.
The document has three parts:

1. key messages by session, sessions in the order given (agenda order), inside a session the
   ungrouped messages first, then each group under its heading in order of first appearance;
2. key messages by objective, for each of the 23 GCM objectives that has any;
3. the coverage table: every objective 1-23 against the sessions that produced messages on it.

In a conference with several languages (`OutcomeInput.languages`), each message is shown in the
document's language when that version is complete (agreed and made from the original's present
text); otherwise its original is shown, in its own language and direction, marked "original in
Arabic — translation pending" (in the document's language). A fourth part, the language coverage
table, says for every message which languages are complete.

Only agreed messages appear unless `include_drafts`; drafts are then marked with the "draft"
label everywhere they appear. Sessions without any message to show are left out of part 1.

Every string that comes from a person (titles, labels, groups, message text) is escaped for the
format it lands in; message bodies go through `sessions.key_messages.markup`. HTML is rendered by the
application's Jinja environment (autoescaping, as every page) from
`templates/sessions/_outcome_document.html`; a message whose language
is known carries its own `lang` and `dir`, the rest take the page's. In DOCX, which has no page
around it, language "ar" makes every paragraph, run and table right-to-left, and a message in a
language of the other direction gets its own paragraph direction (`w:bidi` on or off, `w:rtl` on
its runs). No Flask, no database.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from babel.lists import format_list
from babel.numbers import format_decimal

from sessions.key_messages.core import OBJECTIVES

LANGUAGES = ("ar", "en", "fr")
RTL = frozenset({"ar"})
# How a message stands in one language, for the language coverage table.
STATES = ("original", "complete", "draft", "out_of_date", "missing")

# The keys of `OutcomeInput.labels`, with the English used when a key is missing.
DEFAULT_LABELS = {
    "by_session": "Key messages by session",
    "by_objective": "Key messages by objective",
    "coverage": "Coverage of the 23 objectives",
    "objective": "Objective",
    "objectives": "Objectives",
    "principles": "Guiding principles",
    "sessions": "Sessions",
    "draft": "Draft",
    "none": "No key message yet",
    "pending_ar": "Original in Arabic — translation pending",
    "pending_en": "Original in English — translation pending",
    "pending_fr": "Original in French — translation pending",
    "languages": "Key messages in each language",
    "message": "Key message",
    "language_ar": "Arabic",
    "language_en": "English",
    "language_fr": "French",
    "state_original": "Original",
    "state_complete": "Agreed translation",
    "state_draft": "Translation in progress",
    "state_out_of_date": "Translation out of date",
    "state_missing": "Not translated",
}


# --- input --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageBlock:
    text: str                           # the key message, in the markup subset
    objectives: Sequence[int] = ()
    principles: Sequence[str] = ()      # keys of key_messages.PRINCIPLES
    group: str | None = None            # display text of the heading it is gathered under
    status: str = "agreed"              # "agreed" or "draft"
    language: str | None = None         # the language `text` is in (None: the document's)
    pending_from: str | None = None     # the original's language when `text` is the original standing
                                        # in for a translation not complete yet
    coverage: dict[str, str] = field(default_factory=dict)  # language -> one of STATES


@dataclass(frozen=True)
class SessionBlock:
    id: str
    title: str                          # in the document's language
    starts_label: str = ""              # when, already formatted ("Wednesday 24 February, 11:15")
    messages: Sequence[MessageBlock] = ()   # in order (by position)


@dataclass(frozen=True)
class OutcomeInput:
    conference_title: str
    dates_label: str
    language: str                       # "ar", "en" or "fr"
    sessions: Sequence[SessionBlock]    # in agenda order
    objective_titles: dict[int, str]    # 1-23, in the document's language
    principle_titles: dict[str, str]    # principle key -> title in the document's language
    labels: dict[str, str] = field(default_factory=dict)   # see DEFAULT_LABELS
    include_drafts: bool = False
    languages: Sequence[str] = ()       # the conference's languages: the language coverage table


# --- output -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutcomeMessage:
    text: str
    objectives: tuple[int, ...]
    principles: tuple[str, ...]         # titles, in the document's language
    draft: bool
    session_id: str
    session_title: str
    language: str | None = None
    pending_from: str | None = None

    @property
    def direction(self) -> str | None:
        return None if self.language is None else ("rtl" if self.language in RTL else "ltr")


@dataclass(frozen=True)
class MessageGroup:
    title: str | None                   # None for the session's ungrouped messages
    messages: tuple[OutcomeMessage, ...]


@dataclass(frozen=True)
class SessionSection:
    id: str
    title: str
    starts_label: str
    groups: tuple[MessageGroup, ...]


@dataclass(frozen=True)
class ObjectiveSection:
    number: int
    title: str
    messages: tuple[OutcomeMessage, ...]


@dataclass(frozen=True)
class CoverageSession:
    id: str
    title: str
    draft_only: bool                    # every message on the objective from it is a draft


@dataclass(frozen=True)
class CoverageRow:
    number: int
    title: str
    sessions: tuple[CoverageSession, ...]   # in agenda order; empty when nothing covers it


@dataclass(frozen=True)
class LanguageRow:
    session_title: str
    number: int                         # the message's number within its session, from 1
    states: tuple[tuple[str, str], ...]     # (language, one of STATES), in the conference's order


@dataclass(frozen=True)
class Outcome:
    title: str
    dates_label: str
    language: str
    labels: dict[str, str]              # DEFAULT_LABELS overlaid with the input's
    include_drafts: bool
    sessions: tuple[SessionSection, ...]
    objectives: tuple[ObjectiveSection, ...]
    coverage: tuple[CoverageRow, ...]   # always 23 rows
    languages: tuple[str, ...] = ()
    language_rows: tuple[LanguageRow, ...] = ()     # empty unless `languages`

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL else "ltr"


def build(data: OutcomeInput) -> Outcome:
    """Select, group and index the messages; raises ValueError on an unknown language or status,
    or an objective outside 1-23."""
    if data.language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {data.language!r}")
    by_objective: dict[int, list[OutcomeMessage]] = {n: [] for n in OBJECTIVES}
    covered: dict[int, dict[str, CoverageSession]] = {n: {} for n in OBJECTIVES}
    sections, language_rows = [], []
    for session in data.sessions:
        blocks = [block for block in session.messages if _included(block, data.include_drafts)]
        pairs = [(block.group or None, _message(block, session, data)) for block in blocks]
        if data.languages:
            for number, block in enumerate(blocks, start=1):
                states = tuple((code, block.coverage.get(code, "missing")) for code in data.languages)
                if any(state not in STATES for _code, state in states):
                    raise ValueError(f"unknown language state in {states}")
                language_rows.append(LanguageRow(session.title, number, states))
        if pairs:
            sections.append(
                SessionSection(session.id, session.title, session.starts_label, _grouped(pairs))
            )
        for _, message in pairs:
            for number in message.objectives:
                by_objective[number].append(message)
                seen = covered[number].get(session.id)
                draft_only = message.draft and (seen is None or seen.draft_only)
                covered[number][session.id] = CoverageSession(session.id, session.title, draft_only)
    return Outcome(
        title=data.conference_title,
        dates_label=data.dates_label,
        language=data.language,
        labels={**DEFAULT_LABELS, **data.labels},
        include_drafts=data.include_drafts,
        sessions=tuple(sections),
        objectives=tuple(
            ObjectiveSection(n, data.objective_titles.get(n, ""), tuple(by_objective[n]))
            for n in OBJECTIVES if by_objective[n]
        ),
        coverage=tuple(
            CoverageRow(n, data.objective_titles.get(n, ""), tuple(covered[n].values()))
            for n in OBJECTIVES
        ),
        languages=tuple(data.languages),
        language_rows=tuple(language_rows),
    )


def _included(block: MessageBlock, include_drafts: bool) -> bool:
    if block.status not in ("agreed", "draft"):
        raise ValueError(f"unknown key message status {block.status!r}")
    return block.status == "agreed" or include_drafts


def _message(block: MessageBlock, session: SessionBlock, data: OutcomeInput) -> OutcomeMessage:
    objectives = tuple(sorted(set(block.objectives)))
    if any(n not in OBJECTIVES for n in objectives):
        raise ValueError(f"objectives must be 1-23, got {list(objectives)}")
    return OutcomeMessage(
        text=block.text,
        objectives=objectives,
        principles=tuple(data.principle_titles.get(key, key) for key in block.principles),
        draft=block.status == "draft",
        session_id=session.id,
        session_title=session.title,
        language=block.language,
        pending_from=block.pending_from if block.pending_from != data.language else None,
    )


def _grouped(pairs: list[tuple[str | None, OutcomeMessage]]) -> tuple[MessageGroup, ...]:
    # The ungrouped messages come first so that none of them reads as part of a group above it.
    groups: dict[str | None, list[OutcomeMessage]] = {None: []}
    for group, message in pairs:
        groups.setdefault(group, []).append(message)
    return tuple(MessageGroup(title, tuple(ms)) for title, ms in groups.items() if ms)


# --- shared wording -----------------------------------------------------------------------------

def numeral(n: int, outcome: Outcome) -> str:
    return format_decimal(n, locale=outcome.language)


def objective_heading(n: int, title: str, outcome: Outcome) -> str:
    heading = f"{outcome.labels['objective']} {numeral(n, outcome)}"
    return f"{heading}: {title}" if title else heading


def coverage_label(n: int, title: str, outcome: Outcome) -> str:
    return f"{numeral(n, outcome)}. {title}" if title else numeral(n, outcome)


def tags(message: OutcomeMessage, outcome: Outcome) -> str:
    """`Objectives: 2, 5 · Guiding principles: Human rights`, or "" when untagged."""
    labels, parts = outcome.labels, []
    if message.objectives:
        # A bare list of tags, not prose: no "and" (CLDR's Arabic lists have only "و"), just commas.
        comma = "، " if outcome.language == "ar" else ", "
        numbers = comma.join(numeral(n, outcome) for n in message.objectives)
        parts.append(f"{labels['objectives']}: {numbers}")
    if message.principles:
        parts.append(f"{labels['principles']}: {join(list(message.principles), outcome)}")
    return " · ".join(parts)


def session_name(entry: CoverageSession, outcome: Outcome) -> str:
    return f"{entry.title} ({outcome.labels['draft']})" if entry.draft_only else entry.title


def join(items: list[str], outcome: Outcome) -> str:
    return format_list(items, locale=outcome.language) if items else ""


def pending_label(message: OutcomeMessage, outcome: Outcome) -> str:
    """"Original in Arabic — translation pending", or "" for a message in the document's language."""
    if not message.pending_from:
        return ""
    return outcome.labels.get(f"pending_{message.pending_from}", "")


def list_separators(count: int, outcome: Outcome) -> list[str]:
    """The `count + 1` pieces of text around `count` items of a list in the document's language
    (before the first, between each, after the last), so a template can put links between them."""
    if count == 0:
        return [""]
    marks = [f"\x00{i}\x00" for i in range(count)]
    return re.split(r"\x00\d+\x00", format_list(marks, locale=outcome.language))



def message_label(row: LanguageRow, outcome: Outcome) -> str:
    return f"{row.session_title} · {numeral(row.number, outcome)}"
