"""The outcome document in each language (`/conferences/<slug>/outcome.html|md|docx|pdf`, `?lang=`,
`?drafts=1` for a signed-in caller who may read drafts): each message in its agreed version in the
document's language, else its original marked as pending translation (`sessions.key_messages.outcome`)."""
from __future__ import annotations

import hashlib

from flask import Blueprint, Response, render_template, request

from conference import i18n, presenters, queries
from conference.errors import MinbarError
from conference.guard import Scope, guarded
from conference.documents.conference_meta import document_meta
from conference.web import N_, _, get_db, lang, now
from sessions.key_messages import ops
from sessions.key_messages import outcome
from sessions.key_messages import outcome_docx
from sessions.key_messages import outcome_html
from sessions.key_messages import outcome_markdown
from sessions.key_messages import outcome_pdf
from sessions.key_messages.rapporteur_views import OUTCOME_LABELS, group_label

bp = Blueprint("outcome_views", __name__)

OUTCOME_FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
OUTCOME_DOCUMENT = N_("Outcome document")       # what the cover says the document is


def _dates_label(conf, language: str) -> str:
    first, last = conf.first_day, conf.last_day
    if first is None:
        return ""
    return i18n.fmt_date_range(first, last or first, language)


def outcome_input(db, conf, language: str, include_drafts: bool) -> outcome.OutcomeInput:
    objectives = {n: i18n.pick(o.title, language) for n, o in queries.objectives(db).items()}
    principles = {p.key: i18n.pick(p.title, language) for p in queries.principles(db)}
    languages = list(conf.languages or i18n.LANGUAGES)
    sessions = []
    by_session = ops.by_session(db, conf, include_drafts)
    # The language coverage table once translation has begun (before, every message is its
    # original only, and each one shown in another language is already marked as pending).
    translating = len(languages) > 1 and any(m["versions"] for _item, ms in by_session for m in ms)
    for item, messages in by_session:
        comma = "،" if language == "ar" else ","
        when = f"{i18n.fmt_date(item.day, language, 'full')}{comma} {presenters.time_range(item, language, conf.timezone)}"
        sessions.append(outcome.SessionBlock(
            id=item.key, title=i18n.pick(item.title, language), starts_label=when,
            messages=[_message_block(m, language, languages) for m in messages]))
    return outcome.OutcomeInput(
        conference_title=i18n.pick(conf.title, language), dates_label=_dates_label(conf, language),
        language=language, sessions=sessions, objective_titles=objectives, principle_titles=principles,
        labels={k: _(v) for k, v in OUTCOME_LABELS.items()}, include_drafts=include_drafts,
        languages=tuple(languages) if translating else ())


def language_state(message: dict, code: str) -> str:
    """How `message` stands in language `code` (one of sessions.key_messages.outcome.STATES)."""
    if code == message["language"]:
        return "original"
    version = message["versions"].get(code)
    if version is None:
        return "missing"
    if version["out_of_date"]:
        return "out_of_date"
    return "complete" if version["status"] == "agreed" else "draft"


def _message_block(m: dict, language: str, languages: list[str]) -> outcome.MessageBlock:
    """The message in the document's language: its complete version there, else its original
    marked as pending translation."""
    state = language_state(m, language)
    if state == "complete":
        text, shown, pending = m["versions"][language]["text"], language, None
    else:
        text, shown, pending = m["text"], m["language"], (m["language"] if state != "original" else None)
    return outcome.MessageBlock(text, tuple(m["objectives"]), tuple(m["principles"]), group_label(m["group"]),
                                m["status"], language=shown, pending_from=pending,
                                coverage={code: language_state(m, code) for code in languages})


def outcome_scope(slug: str, fmt: str) -> Scope:
    """The format (404 for another) and the conference; `?drafts=1` asks for the drafts too."""
    if fmt not in ("html", "md", "docx", "pdf"):
        raise MinbarError("not_found", "The outcome document comes as .html, .md, .docx or .pdf.")
    drafts = request.args.get("drafts") in ("1", "true", "yes")
    return Scope(slug, queries.conference(get_db(), slug), loaded={"drafts": drafts})


def drafts_asked(scope: Scope) -> str | None:
    """The agreed messages are everyone's; with `?drafts=1`, the caller must be able to read drafts."""
    return "messages.read_drafts" if scope.loaded["drafts"] else None


@bp.get("/conferences/<slug>/outcome.<fmt>")
@guarded(drafts_asked, load=outcome_scope)
def outcome_document(slug: str, fmt: str, access):
    """The outcome document; `?drafts=1` needs a signed-in caller who may read drafts."""
    db, conf, drafts = get_db(), access.conference, access.scope.loaded["drafts"]
    language = lang()
    data = outcome_input(db, conf, language, drafts)
    meta = document_meta(conf, language, data.conference_title, _(OUTCOME_DOCUMENT), now())
    cover = outcome_pdf.Cover(document=meta.subject, place=i18n.pick(conf.venue, language),
                              organisers=meta.author)
    tag = hashlib.sha256(f"{fmt}|{repr(data)}|{meta.issued}|{meta.symbol}".encode()).hexdigest()[:32]
    document = outcome.build(data)
    if fmt == "html":
        response = Response(render_template(
            "sessions/outcome.html", conference=conf, outcome=document, h=outcome_html.Helpers(document),
            drafts=drafts, title=data.conference_title, cover=cover, symbol=meta.symbol))
    else:
        if fmt == "md":
            body = outcome_markdown.to_markdown(document).encode("utf-8")
        else:
            body = (outcome_docx.to_docx if fmt == "docx" else outcome_pdf.to_pdf)(document, meta, cover)
        response = Response(body, mimetype=OUTCOME_FORMATS[fmt].split(";")[0])
        response.headers["Content-Type"] = OUTCOME_FORMATS[fmt]
        suffix = "-drafts" if drafts else ""
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-outcome-{language}{suffix}.{fmt}"'
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "private, no-store" if drafts else "no-cache"
    response.set_etag(tag)
    return response.make_conditional(request)
