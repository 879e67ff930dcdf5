"""The conference's outcome document, compiled from the rapporteurs' key messages.

`build` turns plain data (`OutcomeInput`, which the web layer fills from the database and the
message catalogues) into an `Outcome`; `to_markdown`, `to_docx` and `to_html_fragment` render it.
The document has three parts:

1. key messages by session, sessions in the order given (agenda order), inside a session the
   ungrouped messages first, then each group under its heading in order of first appearance;
2. key messages by objective, for each of the 23 GCM objectives that has any;
3. the coverage table: every objective 1-23 against the sessions that produced messages on it.

Only agreed messages appear unless `include_drafts`; drafts are then marked with the "draft"
label everywhere they appear. Sessions without any message to show are left out of part 1.

Every string that comes from a person (titles, labels, groups, message text) is escaped for the
format it lands in; message bodies go through `sessions.markup`. The renderers set no text
direction except in DOCX, which has no page around it: there, language "ar" makes every paragraph,
run and table right-to-left. No Flask, no database.
"""
from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from typing import Sequence

import docx
from babel.lists import format_list
from babel.numbers import format_decimal
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from sessions import markup
from sessions.key_messages import OBJECTIVES

LANGUAGES = ("ar", "en", "fr")

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
}


# --- input --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageBlock:
    text: str                           # the key message, in the markup subset
    objectives: Sequence[int] = ()
    principles: Sequence[str] = ()      # keys of key_messages.PRINCIPLES
    group: str | None = None            # display text of the heading it is gathered under
    status: str = "agreed"              # "agreed" or "draft"


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


# --- output -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutcomeMessage:
    text: str
    objectives: tuple[int, ...]
    principles: tuple[str, ...]         # titles, in the document's language
    draft: bool
    session_id: str
    session_title: str


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
class Outcome:
    title: str
    dates_label: str
    language: str
    labels: dict[str, str]              # DEFAULT_LABELS overlaid with the input's
    include_drafts: bool
    sessions: tuple[SessionSection, ...]
    objectives: tuple[ObjectiveSection, ...]
    coverage: tuple[CoverageRow, ...]   # always 23 rows


def build(data: OutcomeInput) -> Outcome:
    """Select, group and index the messages; raises ValueError on an unknown language or status,
    or an objective outside 1-23."""
    if data.language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {data.language!r}")
    by_objective: dict[int, list[OutcomeMessage]] = {n: [] for n in OBJECTIVES}
    covered: dict[int, dict[str, CoverageSession]] = {n: {} for n in OBJECTIVES}
    sections = []
    for session in data.sessions:
        pairs = [
            (block.group or None, _message(block, session, data))
            for block in session.messages
            if _included(block, data.include_drafts)
        ]
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
    return "\n".join(lines) + "\n"


# --- HTML ---------------------------------------------------------------------------------------

def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_message(message: OutcomeMessage, outcome: Outcome, footer: str) -> str:
    classes = "outcome-message outcome-message-draft" if message.draft else "outcome-message"
    parts = [f'<li class="{classes}">']
    if message.draft:
        draft = _h(outcome.labels["draft"])
        parts.append(f'<p class="outcome-draft-mark"><strong>{draft}</strong></p>')
    parts.append(f'<div class="outcome-text">{markup.render_html(message.text)}</div>')
    if footer:
        parts.append(footer)
    parts.append("</li>")
    return "".join(parts)


def _session_anchor(session_id: str) -> str:
    return _h(f"outcome-session-{session_id}")


def to_html_fragment(outcome: Outcome) -> str:
    """The outcome document as an HTML fragment (an <article>) for a page that sets lang and dir."""
    out = ['<article class="outcome">', f"<h1>{_h(outcome.title)}</h1>"]
    if outcome.dates_label:
        out.append(f'<p class="outcome-dates">{_h(outcome.dates_label)}</p>')
    out += ['<section class="outcome-by-session">', f"<h2>{_h(outcome.labels['by_session'])}</h2>"]
    for section in outcome.sessions:
        out += [
            f'<section class="outcome-session" id="{_session_anchor(section.id)}">',
            f"<h3>{_h(section.title)}</h3>",
        ]
        if section.starts_label:
            out.append(f'<p class="outcome-when">{_h(section.starts_label)}</p>')
        for group in section.groups:
            if group.title:
                out.append(f'<h4 class="outcome-group">{_h(group.title)}</h4>')
            out.append('<ul class="outcome-messages">')
            for message in group.messages:
                tags = _tags(message, outcome)
                footer = f'<p class="outcome-tags">{_h(tags)}</p>' if tags else ""
                out.append(_html_message(message, outcome, footer))
            out.append("</ul>")
        out.append("</section>")
    out += ["</section>", '<section class="outcome-by-objective">',
            f"<h2>{_h(outcome.labels['by_objective'])}</h2>"]
    for objective in outcome.objectives:
        out += [
            f'<section class="outcome-objective" id="outcome-objective-{objective.number}">',
            f"<h3>{_h(_objective_heading(objective.number, objective.title, outcome))}</h3>",
            '<ul class="outcome-messages">',
        ]
        for message in objective.messages:
            source = (f'<p class="outcome-source"><a href="#{_session_anchor(message.session_id)}">'
                      f"{_h(message.session_title)}</a></p>")
            out.append(_html_message(message, outcome, source))
        out += ["</ul>", "</section>"]
    out += [
        "</section>",
        '<section class="outcome-coverage">',
        f"<h2>{_h(outcome.labels['coverage'])}</h2>",
        '<table class="outcome-coverage-table">',
        f'<thead><tr><th scope="col">{_h(outcome.labels["objective"])}</th>'
        f'<th scope="col">{_h(outcome.labels["sessions"])}</th></tr></thead>',
        "<tbody>",
    ]
    for row in outcome.coverage:
        links = [
            f'<a href="#{_session_anchor(s.id)}">{_h(_session_name(s, outcome))}</a>'
            for s in row.sessions
        ]
        cell = _join(links, outcome) or f"<em>{_h(outcome.labels['none'])}</em>"
        css = "" if row.sessions else ' class="outcome-uncovered"'
        out.append(
            f'<tr{css}><th scope="row">{_h(_coverage_label(row.number, row.title, outcome))}</th>'
            f"<td>{cell}</td></tr>"
        )
    out += ["</tbody>", "</table>", "</section>", "</article>"]
    return "\n".join(out) + "\n"


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


# Elements that may follow <w:bidi/> inside <w:pPr> and <w:sectPr>, in schema order: Word rejects
# a document whose property elements are out of order.
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


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
