"""The documents' routes: the programme as PDF and Word (docs/http-api.md).

Public like the agenda page it prints. The language is the request's (`?lang=`, else the cookie,
else Accept-Language); a download never sets the language cookie (conference/web.py). A rendered
document is kept per agenda state (conference/feed_cache.py's stamps), language and day of issue,
so a second download does not lay it out again.
"""
from __future__ import annotations

import time

from flask import Blueprint, Response, current_app, request

from conference import feed_cache, queries
from conference.documents import pdf, programme, programme_docx
from conference.errors import MinbarError
from conference.guard import public
from conference.web import get_db, lang, now, rehearsal
from timing.zones import to_zone

bp = Blueprint("documents", __name__)
FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
CACHE_ENTRIES = 24      # documents are larger than pages: a few per language and format


def render_programme(db, conf, language: str, fmt: str, moment) -> bytes:
    """The programme of `conf` in `language` as `fmt` ("pdf" or "docx") bytes."""
    data = programme.build(conf, queries.agenda(db, conf), queries.people(db, conf), language, moment)
    if fmt == "pdf":
        return pdf.render_pdf("documents/programme.html", data.meta, programme=data)
    return programme_docx.to_docx(data)


@bp.get("/conferences/<slug>/programme.<fmt>")
@public
def programme_document(slug: str, fmt: str):
    """The programme; `?lang=ar|en|fr` (default: the request's language)."""
    if fmt not in FORMATS:
        raise MinbarError("not_found", "The programme comes as .pdf or .docx.")
    db, language, moment = get_db(), lang(), now()
    conf = queries.conference(db, slug)
    stamps = feed_cache.read_stamps(db, slug)
    issued = to_zone(moment, conf.timezone).date().isoformat()
    key = None if rehearsal() or stamps is None else ("programme", slug, fmt, language, issued, stamps.key())
    cache = feed_cache.cache_for(current_app, "documents", max_entries=CACHE_ENTRIES)
    entry = cache.get(key) if key is not None else None
    if entry is None:
        started = time.perf_counter()
        body = render_programme(db, conf, language, fmt, moment)
        current_app.logger.info("programme %s %s rendered in %.2f s", fmt, language, time.perf_counter() - started)
        entry = feed_cache.Entry.of(body, moment)
        if key is not None:
            cache.put(key, entry)
    response = Response(entry.body, mimetype=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}-programme-{language}.{fmt}"'
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "no-cache"
    response.set_etag(entry.etag)
    return response.make_conditional(request)
