"""The conference's outcome document, compiled from the rapporteurs' key messages.

`build` turns plain data (`OutcomeInput`, which the web layer fills from the database and the
message catalogues) into an `Outcome`; `to_markdown`, `to_docx` and `to_html_fragment` render it.
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
format it lands in; message bodies go through `sessions.markup`. HTML is rendered from the Jinja
template `templates/sessions/_outcome_document.html` with autoescaping; a message whose language
is known carries its own `lang` and `dir`, the rest take the page's. In DOCX, which has no page
around it, language "ar" makes every paragraph, run and table right-to-left, and a message in a
language of the other direction gets its own paragraph direction (`w:bidi` on or off, `w:rtl` on
its runs). No Flask, no database.
"""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import docx
import jinja2
from babel.lists import format_list
from babel.numbers import format_decimal
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from markupsafe import Markup

from sessions import markup
from sessions.key_messages import OBJECTIVES

LANGUAGES = ("ar", "en", "fr")
RTL = frozenset({"ar"})
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
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

def _number(n: int, outcome: Outcome) -> str:
    return format_decimal(n, locale=outcome.language)


def _objective_heading(n: int, title: str, outcome: Outcome) -> str:
    heading = f"{outcome.labels['objective']} {_number(n, outcome)}"
    return f"{heading}: {title}" if title else heading


def _coverage_label(n: int, title: str, outcome: Outcome) -> str:
    return f"{_number(n, outcome)}. {title}" if title else _number(n, outcome)


def _tags(message: OutcomeMessage, outcome: Outcome) -> str:
    """`Objectives: 2, 5 · Guiding principles: Human rights`, or "" when untagged."""
    labels, parts = outcome.labels, []
    if message.objectives:
        # A bare list of tags, not prose: no "and" (CLDR's Arabic lists have only "و"), just commas.
        comma = "، " if outcome.language == "ar" else ", "
        numbers = comma.join(_number(n, outcome) for n in message.objectives)
        parts.append(f"{labels['objectives']}: {numbers}")
    if message.principles:
        parts.append(f"{labels['principles']}: {_join(list(message.principles), outcome)}")
    return " · ".join(parts)


def _session_name(entry: CoverageSession, outcome: Outcome) -> str:
    return f"{entry.title} ({outcome.labels['draft']})" if entry.draft_only else entry.title


def _join(items: list[str], outcome: Outcome) -> str:
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


# --- Markdown -----------------------------------------------------------------------------------

def _md(text: str) -> str:
    return markup.escape_markdown(text)


def _md_cell(text: str) -> str:
    return markup.escape_markdown(text, table_cell=True)


def _md_item(body: str, extra: list[str]) -> list[str]:
    """A bullet item whose content is `body` (Markdown) and then each of `extra` (paragraphs)."""
    lines = body.split("\n")
    for paragraph in extra:
        lines += ["", paragraph]
    return ["- " + lines[0]] + [("    " + line) if line else "" for line in lines[1:]] + [""]


def _md_message(message: OutcomeMessage, outcome: Outcome, extra: list[str]) -> list[str]:
    body = markup.to_markdown(message.text)
    pending = pending_label(message, outcome)
    if pending:
        extra = [f"*{_md(pending)}*"] + extra
    if message.draft:
        body = f"**{_md(outcome.labels['draft'])}**\n\n{body}"
    return _md_item(body, extra)


def to_markdown(outcome: Outcome) -> str:
    """The outcome document as Markdown (the coverage as a pipe table)."""
    lines = [f"# {_md(outcome.title)}", ""]
    if outcome.dates_label:
        lines += [_md(outcome.dates_label), ""]
    lines += [f"## {_md(outcome.labels['by_session'])}", ""]
    for section in outcome.sessions:
        lines += [f"### {_md(section.title)}", ""]
        if section.starts_label:
            lines += [f"*{_md(section.starts_label)}*", ""]
        for group in section.groups:
            if group.title:
                lines += [f"#### {_md(group.title)}", ""]
            for message in group.messages:
                tags = _tags(message, outcome)
                lines += _md_message(message, outcome, [f"*{_md(tags)}*"] if tags else [])
    lines += [f"## {_md(outcome.labels['by_objective'])}", ""]
    for objective in outcome.objectives:
        lines += [f"### {_md(_objective_heading(objective.number, objective.title, outcome))}", ""]
        for message in objective.messages:
            lines += _md_message(message, outcome, [f"*{_md(message.session_title)}*"])
    labels = outcome.labels
    lines += [
        f"## {_md(labels['coverage'])}",
        "",
        f"| {_md_cell(labels['objective'])} | {_md_cell(labels['sessions'])} |",
        "|---|---|",
    ]
    for row in outcome.coverage:
        names = [_md_cell(_session_name(s, outcome)) for s in row.sessions]
        sessions = _join(names, outcome) or f"*{_md_cell(labels['none'])}*"
        lines.append(f"| {_md_cell(_coverage_label(row.number, row.title, outcome))} | {sessions} |")
    if outcome.languages:
        names = [_md_cell(labels.get(f"language_{code}", code)) for code in outcome.languages]
        lines += ["", f"## {_md(labels['languages'])}", "",
                  f"| {_md_cell(labels['message'])} | " + " | ".join(names) + " |",
                  "|---|" + "---|" * len(names)]
        for row in outcome.language_rows:
            cells = [_md_cell(labels.get(f"state_{state}", state)) for _code, state in row.states]
            lines.append(f"| {_md_cell(message_label(row, outcome))} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def message_label(row: LanguageRow, outcome: Outcome) -> str:
    return f"{row.session_title} · {_number(row.number, outcome)}"


# --- HTML ---------------------------------------------------------------------------------------

class Helpers:
    """What the template needs beyond the document's fields: wording shared with the other formats."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def body(self, message: OutcomeMessage) -> Markup:
        return Markup(markup.render_html(message.text))     # sanitised by sessions.markup (nh3)

    def pending(self, message: OutcomeMessage) -> str:
        return pending_label(message, self.outcome)

    def tags(self, message: OutcomeMessage) -> str:
        return _tags(message, self.outcome)

    def objective_heading(self, objective: ObjectiveSection) -> str:
        return _objective_heading(objective.number, objective.title, self.outcome)

    def coverage_label(self, row: CoverageRow) -> str:
        return _coverage_label(row.number, row.title, self.outcome)

    def session_name(self, entry: CoverageSession) -> str:
        return _session_name(entry, self.outcome)

    def separators(self, count: int) -> list[str]:
        return list_separators(count, self.outcome)

    def language_name(self, code: str) -> str:
        return self.outcome.labels.get(f"language_{code}", code)

    def message_label(self, row: LanguageRow) -> str:
        return message_label(row, self.outcome)

    def state(self, state: str) -> str:
        return self.outcome.labels.get(f"state_{state}", state)


def _escape(value):
    # Autoescaping, with html.escape's entities (&quot; &#x27;) rather than markupsafe's numeric ones.
    if isinstance(value, Markup) or value is None:
        return value
    return Markup(html.escape(str(value), quote=True))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              finalize=_escape, undefined=jinja2.StrictUndefined)


DOCUMENT_TEMPLATE = "sessions/_outcome_document.html"


def to_html_fragment(outcome: Outcome) -> str:
    """The outcome document as an HTML fragment (an <article>) for a page that sets lang and dir,
    rendered from DOCUMENT_TEMPLATE (the page, templates/sessions/outcome.html, includes the same)."""
    rendered = _environment().get_template(DOCUMENT_TEMPLATE).render(outcome=outcome, h=Helpers(outcome))
    return rendered.strip("\n") + "\n"


# --- DOCX ---------------------------------------------------------------------------------------

MESSAGE_STYLE = "Key Message"
DETAILS_STYLE = "Key Message Details"   # tags, the source session, the session's time


def to_docx(outcome: Outcome) -> bytes:
    """The outcome document as a Word file. Message bodies are plain text (`markup.plain_text`),
    one paragraph per block; for Arabic every paragraph, run and table is right-to-left."""
    document = docx.Document()
    document.core_properties.title = _x(outcome.title)
    document.core_properties.language = outcome.language
    styles = document.styles
    styles.add_style(MESSAGE_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
    details = styles.add_style(DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = styles["Normal"]
    details.font.size = Pt(9)
    details.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    document.add_heading(_x(outcome.title), level=0)
    if outcome.dates_label:
        document.add_paragraph(_x(outcome.dates_label))

    document.add_heading(_x(outcome.labels["by_session"]), level=1)
    for section in outcome.sessions:
        document.add_heading(_x(section.title), level=2)
        if section.starts_label:
            document.add_paragraph(_x(section.starts_label), style=DETAILS_STYLE)
        for group in section.groups:
            if group.title:
                document.add_heading(_x(group.title), level=3)
            for message in group.messages:
                _docx_message(document, message, outcome)
                tags = _tags(message, outcome)
                if tags:
                    document.add_paragraph(_x(tags), style=DETAILS_STYLE)

    document.add_heading(_x(outcome.labels["by_objective"]), level=1)
    for objective in outcome.objectives:
        heading = _objective_heading(objective.number, objective.title, outcome)
        document.add_heading(_x(heading), level=2)
        for message in objective.messages:
            _docx_message(document, message, outcome)
            document.add_paragraph(_x(message.session_title), style=DETAILS_STYLE)

    document.add_heading(_x(outcome.labels["coverage"]), level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = styles["Table Grid"]
    header = table.rows[0].cells
    for cell, label in zip(header, (outcome.labels["objective"], outcome.labels["sessions"])):
        cell.paragraphs[0].add_run(_x(label)).bold = True
    for row in outcome.coverage:
        cells = table.add_row().cells
        cells[0].text = _x(_coverage_label(row.number, row.title, outcome))
        names = [_session_name(s, outcome) for s in row.sessions]
        if names:
            cells[1].text = _x(_join(names, outcome))
        else:
            cells[1].paragraphs[0].add_run(_x(outcome.labels["none"])).italic = True

    if outcome.language == "ar":
        _right_to_left(document)
    _own_direction(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _x(text: str) -> str:
    # Characters XML cannot hold would make python-docx raise; titles come from files and forms.
    return markup.INVALID_CHARS.sub("", text)


def _docx_message(document, message: OutcomeMessage, outcome: Outcome) -> None:
    blocks = markup.plain_text(message.text).split("\n\n")
    for index, block in enumerate(blocks):
        paragraph = document.add_paragraph(style=MESSAGE_STYLE)
        if index == 0 and message.draft:
            paragraph.add_run(_x(outcome.labels["draft"]) + ": ").bold = True
        paragraph.add_run(_x(block))  # "\n" inside a block becomes a line break
        if message.direction is not None and message.direction != outcome.direction:
            # A message in the other direction than the document: its own paragraph direction,
            # set after the whole document is made right-to-left (see `_own_direction`).
            paragraph._p.set(_OWN_DIRECTION, message.direction)
    pending = pending_label(message, outcome)
    if pending:
        document.add_paragraph(style=DETAILS_STYLE).add_run(_x(pending)).italic = True


# Elements that may follow <w:bidi/> inside <w:pPr> and <w:sectPr>, in schema order: Word rejects
# a document whose property elements are out of order.
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


# A marker attribute on the message paragraphs whose direction differs from the document's; it is
# replaced by the paragraph's real properties before saving and never reaches the file.
_OWN_DIRECTION = "{urn:minbar}direction"


def _own_direction(document) -> None:
    """Right-to-left paragraphs (`w:bidi`) and runs (`w:rtl`) for Arabic messages in an English or
    French document; explicitly left-to-right ones (`w:bidi w:val="0"`, no `w:rtl`) for English or
    French messages in an Arabic document, whose defaults are right-to-left."""
    for p in list(document.element.body.iter(qn("w:p"))):
        direction = p.attrib.pop(_OWN_DIRECTION, None)
        if direction is None:
            continue
        ppr = p.get_or_add_pPr()
        bidi = ppr.find(qn("w:bidi"))
        if bidi is None:
            bidi = OxmlElement("w:bidi")
            ppr.insert_element_before(bidi, *_PPR_AFTER_BIDI)
        runs = [r.get_or_add_rPr() for r in p.iter(qn("w:r"))]
        if direction == "rtl":
            bidi.attrib.pop(qn("w:val"), None)
            for rpr in runs:
                rpr.get_or_add_rtl()
        else:
            bidi.set(qn("w:val"), "0")
            for rpr in runs:
                rpr._remove_rtl()
                rtl = OxmlElement("w:rtl")
                rtl.set(qn("w:val"), "0")
                rpr._insert_rtl(rtl)


def _right_to_left(document) -> None:
    """Paragraph `w:bidi`, run `w:rtl`, table `w:bidiVisual`, section `w:bidi`, everywhere; and
    the document defaults too, so that what someone adds in Word later is right-to-left as well."""
    body = document.element.body
    defaults = document.styles.element.find(qn("w:docDefaults"))
    ppr_defaults = [] if defaults is None else defaults.iter(qn("w:pPr"))
    rpr_defaults = [] if defaults is None else defaults.iter(qn("w:rPr"))
    for ppr in [*(p.get_or_add_pPr() for p in body.iter(qn("w:p"))), *ppr_defaults]:
        if ppr.find(qn("w:bidi")) is None:
            ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
    for rpr in [*(r.get_or_add_rPr() for r in body.iter(qn("w:r"))), *rpr_defaults]:
        rpr.get_or_add_rtl()
    for table in body.iter(qn("w:tbl")):
        table.bidiVisual_val = WD_TABLE_DIRECTION.RTL
    for sect_pr in body.iter(qn("w:sectPr")):
        if sect_pr.find(qn("w:bidi")) is None:
            sect_pr.insert_element_before(OxmlElement("w:bidi"), *_SECTPR_AFTER_BIDI)
