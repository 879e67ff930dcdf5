"""The list of speakers of a session and the list of participants of the conference, as documents
(docs/http-api.md, "Lists of speakers and participants"; docs/documents.md).

| route | who | answers |
|---|---|---|
| `GET /conferences/<slug>/sessions/<id>/speakers.pdf` | `document.speakers`: every link whose scope covers the session (delegations, interpreters, the chair), organisers | the list of speakers, A4 PDF |
| `GET /conferences/<slug>/sessions/<id>/speakers.docx` | the same | the same as a Word file |
| `GET /conferences/<slug>/participants.pdf` | `workspace.participants`: organisers | the list of participants, A4 PDF |
| `GET /conferences/<slug>/participants.docx` | the same | the same as a Word file |
| `GET /conferences/<slug>/participants.csv` | the same | one row per person, UTF-8 with a byte-order mark |

Each takes `?lang=ar|en|fr` (the document's language; it sets no cookie). An unknown format,
conference or session is 404; nobody signed in 401, a link that may not 403 (error pages).
The lists are built by `sessions.reports.speakers_list` and `speakers.participants` (plain
Python) and laid out by the document kit (`conference.documents`), one print template per list
(`templates/documents/speakers.html`, `templates/documents/participants.html`) for the PDF and
`sessions.reports.lists_docx` for Word. Responses are `private, no-store`: they name people.
"""
from __future__ import annotations

import csv
import io

import pytz
from flask import Blueprint, Response
from sqlalchemy import select

from conference import guard, i18n
from conference.documents.conference_meta import document_meta
from conference.errors import MinbarError
from conference.guard import Scope, guarded
from conference.web import N_, _, get_db, lang, now
from sessions.key_messages.rapporteur_views import GROUP_LABELS
from sessions.reports import lists_docx, lists_pdf
from sessions.reports.lists_pdf import ListHead
from sessions.reports.speakers_list_query import speakers_of
from speakers import participants as plist
from speakers.models import Person
from timing import un_dates

bp = Blueprint("lists_views", __name__)

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}

SPEAKERS_LABELS = {
    "title": N_("List of speakers"),
    "order": N_("No."),
    "party": N_("State or organisation"),
    "speaker": N_("Speaker and title"),
    "language": N_("Language"),
    "allotted": N_("Time allotted"),
    "used": N_("Time used"),
    "did_not_speak": N_("Did not take the floor"),
    "tbd": N_("To be determined"),
    "total": N_("Total"),
    "provisional": N_("Provisional: times used are added once the session has ended."),
    "final": N_("As the session ran: the time each speaker used, as the timer recorded it."),
}
PARTICIPANTS_LABELS = {
    "title": N_("List of participants"),
    "part": N_("Group"),
    "delegation": N_("State or organisation"),
    "name": N_("Name"),
    "person_title": N_("Function"),
    "empty": N_("No participant is registered yet."),
}
PART_LABELS = {
    plist.MEMBER_STATES: GROUP_LABELS["member_state"],
    plist.OBSERVERS: N_("Observers"),
    plist.UN_ENTITIES: GROUP_LABELS["un_entity"],
    **{key: label for key, label in GROUP_LABELS.items() if key in plist.PART_ORDER},
}


def _format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise MinbarError("not_found", f"This document comes as {', '.join('.' + f for f in allowed)}.")


def speakers_scope(slug: str, key: str, fmt: str) -> Scope:
    _format(fmt, ("pdf", "docx"))
    return guard.session(slug, key)


def participants_scope(slug: str, fmt: str) -> Scope:
    _format(fmt, ("pdf", "docx", "csv"))
    return guard.conference(slug)


def _download(body: bytes, fmt: str, name: str, language: str) -> Response:
    response = Response(body, mimetype=MIMETYPES[fmt].split(";")[0])
    response.headers["Content-Type"] = MIMETYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{language}.{fmt}"'
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "private, no-store"
    return response


def list_head(conf, language: str, item=None) -> ListHead:
    dates = un_dates.date_range(conf.first_day, conf.last_day, language) if conf.first_day else ""
    when = ""
    if item is not None:
        day = un_dates.date(item.starts_at.astimezone(pytz.timezone(conf.timezone)), language, weekday=True)
        comma = "، " if language == "ar" else ", "
        when = day + comma + un_dates.time_range(item.starts_at, item.ends_at, language, conf.timezone)
    return ListHead(conference=i18n.pick(conf.title, language), dates=dates, place=i18n.pick(conf.venue, language),
                    session=i18n.pick(item.title, language) if item is not None else "", when=when)


@bp.get("/conferences/<slug>/sessions/<key>/speakers.<fmt>")
@guarded("document.speakers", load=speakers_scope)
def speakers_document(slug: str, key: str, fmt: str, access):
    conf, item, language = access.conference, access.item, lang()
    listed = speakers_of(get_db(), conf, item, now(), language)
    labels = {k: _(v) for k, v in SPEAKERS_LABELS.items()}
    head = list_head(conf, language, item)
    meta = document_meta(conf, language, f"{labels['title']}: {head.session}", head.conference, now())
    render = lists_pdf.speakers_pdf if fmt == "pdf" else lists_docx.speakers_docx
    return _download(render(meta, head, listed, labels), fmt, f"{slug}-{key}-speakers", language)


@bp.get("/conferences/<slug>/participants.<fmt>")
@guarded("workspace.participants", load=participants_scope)
def participants_document(slug: str, fmt: str, access):
    conf, language = access.conference, lang()
    people = get_db().scalars(select(Person).where(Person.conference_id == conf.id)).all()
    parts = plist.build(people, language)
    part_labels = {k: _(v) for k, v in PART_LABELS.items()}
    labels = {k: _(v) for k, v in PARTICIPANTS_LABELS.items()}
    if fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")   # Excel takes a CSV for UTF-8 only with the byte-order mark
        writer = csv.DictWriter(out, fieldnames=plist.COLUMNS, lineterminator="\r\n")
        writer.writerow({"part": labels["part"], "delegation": labels["delegation"], "name": labels["name"],
                         "title": labels["person_title"]})
        writer.writerows(plist.records(parts, part_labels))
        body = out.getvalue().encode("utf-8")
    else:
        head = list_head(conf, language)
        meta = document_meta(conf, language, labels["title"], head.conference, now())
        render = lists_pdf.participants_pdf if fmt == "pdf" else lists_docx.participants_docx
        body = render(meta, head, parts, part_labels, labels)
    return _download(body, fmt, f"{slug}-participants", language)
