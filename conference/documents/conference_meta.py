"""What a conference's circulated documents say about themselves (`DocumentMeta`), from the
conference: its organisers as author, made now (the app's clock), issued today in the
conference's time zone, and its document symbol in the document's language when it has one (as
the programme's, `conference.documents.programme.build`)."""
from __future__ import annotations

from datetime import datetime

import pytz

from conference import i18n
from conference.documents.meta import DocumentMeta


def document_meta(conf, language: str, title: str, subject: str, made: datetime) -> DocumentMeta:
    return DocumentMeta(language=language, title=title, subject=subject,
                        author=i18n.pick(conf.organisers, language) or i18n.pick(conf.title, language),
                        created=made, issued=made.astimezone(pytz.timezone(conf.timezone)).date(),
                        symbol=(conf.symbol or {}).get(language, ""), keywords=(conf.slug,))
