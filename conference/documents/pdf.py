"""Print templates (`templates/documents/`) rendered to PDF by WeasyPrint.

A Jinja environment of its own, per language (no Flask: the data builders give plain values, and
a command or a test renders without an app), with `_`/`ngettext`, the UN date filters
(`timing/un_dates.py`) and the document's `meta`. The stylesheet `static/css/print.css` is loaded
from disk (base URL: the static folder) and sets A4, the margins, the running header and footer and
the typefaces from Debian's Noto fonts (fontconfig names); anything but a local file under the
static folder or the system's fonts is refused, so rendering never reaches the network.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import jinja2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import default_url_fetcher

from conference import i18n, paths
from conference.documents.meta import DocumentMeta
from timing import un_dates

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
STYLESHEET = "css/print.css"


class RefusedFetch(ValueError):
    """A print template or stylesheet named something other than a local static file or font."""


def local_only(url: str, *args, **kwargs):
    """WeasyPrint's URL fetcher, for `file:` URLs under the static folder or the fonts only."""
    if not url.startswith("file://"):
        raise RefusedFetch(f"refused (not a local file): {url}")
    path = Path(url[len("file://"):].split("?", 1)[0]).resolve()
    allowed = (paths.static_dir().resolve(), *FONT_DIRS)
    if not any(path.is_relative_to(root) for root in allowed):
        raise RefusedFetch(f"refused (outside the static files and fonts): {url}")
    return default_url_fetcher(url, *args, **kwargs)


@lru_cache(maxsize=None)
def environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates_dir())),
        autoescape=True, extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined)
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(
        lambda message, **values: i18n.gettext(language, message, **values),
        lambda singular, plural, n, **values: i18n.ngettext(language, singular, plural, n, **values),
        newstyle=True)
    env.filters.update(
        date=lambda day, weekday=False: un_dates.date(day, language, weekday=weekday),
        date_range=lambda first, last: un_dates.date_range(first, last, language),
        time=lambda moment, zone: un_dates.time(moment, language, zone),
        time_range=lambda start, end, zone: un_dates.time_range(start, end, language, zone),
    )
    env.globals.update(lang=language, dir=i18n.direction(language), rtl=i18n.is_rtl(language))
    return env


def render_html(template: str, meta: DocumentMeta, **context) -> str:
    """The print template as HTML, in `meta.language` (what `render_pdf` lays out)."""
    return environment(meta.language).get_template(template).render(meta=meta, **context)


@lru_cache(maxsize=1)
def _stylesheet(static: str) -> tuple[CSS, FontConfiguration]:
    fonts = FontConfiguration()
    css = CSS(filename=str(Path(static) / STYLESHEET), font_config=fonts, url_fetcher=local_only)
    return css, fonts


def render_pdf(template: str, meta: DocumentMeta, **context) -> bytes:
    """The print template rendered to PDF bytes: A4, header, footer, fonts embedded; the PDF's
    title, author, subject, keywords and dates are the document's own (`meta`)."""
    html = render_html(template, meta, **context)
    static = paths.static_dir()
    css, fonts = _stylesheet(str(static))
    document = HTML(string=html, base_url=str(static) + "/", url_fetcher=local_only).render(
        stylesheets=[css], font_config=fonts)
    document.metadata.created = document.metadata.modified = meta.created.isoformat(timespec="seconds")
    document.metadata.lang = meta.language
    return document.write_pdf()


# WeasyPrint reports CSS it ignores at WARNING; the print stylesheet is the house's own and tested.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
