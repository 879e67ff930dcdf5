"""The outcome document (`sessions.key_messages.outcome.Outcome`) as Markdown: headings, bullet items, the
coverage tables as pipe tables. Every string from a person is escaped for Markdown; message bodies
go through `sessions.key_messages.markup`."""
from __future__ import annotations

from sessions.key_messages import markup
from sessions.key_messages import outcome as doc
from sessions.key_messages.outcome import Outcome, OutcomeMessage

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
    pending = doc.pending_label(message, outcome)
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
                tags = doc.tags(message, outcome)
                lines += _md_message(message, outcome, [f"*{_md(tags)}*"] if tags else [])
    lines += [f"## {_md(outcome.labels['by_objective'])}", ""]
    for objective in outcome.objectives:
        lines += [f"### {_md(doc.objective_heading(objective.number, objective.title, outcome))}", ""]
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
        names = [_md_cell(doc.session_name(s, outcome)) for s in row.sessions]
        sessions = doc.join(names, outcome) or f"*{_md_cell(labels['none'])}*"
        lines.append(f"| {_md_cell(doc.coverage_label(row.number, row.title, outcome))} | {sessions} |")
    if outcome.languages:
        names = [_md_cell(labels.get(f"language_{code}", code)) for code in outcome.languages]
        lines += ["", f"## {_md(labels['languages'])}", "",
                  f"| {_md_cell(labels['message'])} | " + " | ".join(names) + " |",
                  "|---|" + "---|" * len(names)]
        for row in outcome.language_rows:
            cells = [_md_cell(labels.get(f"state_{state}", state)) for _code, state in row.states]
            lines.append(f"| {_md_cell(doc.message_label(row, outcome))} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
