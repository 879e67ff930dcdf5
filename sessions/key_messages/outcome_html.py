"""The outcome document (`sessions.key_messages.outcome.Outcome`) as HTML: the helpers its template
(`templates/sessions/_outcome_document.html`, included by the page `sessions/outcome.html`) needs
beyond the document's fields. The template is rendered by the application's own Jinja environment
(autoescaping, as every page), never by one of its own."""
from __future__ import annotations

from markupsafe import Markup

from sessions.key_messages import markup
from sessions.key_messages import outcome as doc
from sessions.key_messages.outcome import CoverageRow, CoverageSession, LanguageRow, ObjectiveSection, Outcome, OutcomeMessage


class Helpers:
    """What the template needs beyond the document's fields: wording shared with the other formats."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def body(self, message: OutcomeMessage) -> Markup:
        return Markup(markup.render_html(message.text))     # sanitised by sessions.key_messages.markup (nh3)

    def pending(self, message: OutcomeMessage) -> str:
        return doc.pending_label(message, self.outcome)

    def tags(self, message: OutcomeMessage) -> str:
        return doc.tags(message, self.outcome)

    def objective_heading(self, objective: ObjectiveSection) -> str:
        return doc.objective_heading(objective.number, objective.title, self.outcome)

    def coverage_label(self, row: CoverageRow) -> str:
        return doc.coverage_label(row.number, row.title, self.outcome)

    def session_name(self, entry: CoverageSession) -> str:
        return doc.session_name(entry, self.outcome)

    def separators(self, count: int) -> list[str]:
        return doc.list_separators(count, self.outcome)

    def language_name(self, code: str) -> str:
        return self.outcome.labels.get(f"language_{code}", code)

    def message_label(self, row: LanguageRow) -> str:
        return doc.message_label(row, self.outcome)

    def state(self, state: str) -> str:
        return self.outcome.labels.get(f"state_{state}", state)
