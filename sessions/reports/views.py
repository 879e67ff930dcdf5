"""Planned versus actual, as a page and as a CSV download (docs/http-api.md, "Planned versus actual").

| route | answers |
|---|---|
| `GET /conferences/<slug>/actuals` | the page: every day, session and slot, planned against actual |
| `GET /conferences/<slug>/actuals.csv` | the same rows as CSV (UTF-8 with a byte-order mark, so Excel reads Arabic) |

Both take `?lang=` (the role and title column's language; the page's), and `?session=ID` for one
session (with its day's row). Readable signed in with an organiser's link or any session chair's
link of the conference ("page.actuals" in `speakers.policy`): nobody signed in or an invalid,
revoked or expired link is 401, another role or conference 403,
an unknown session 404 (error pages, as for every page). The rows are computed by
`sessions.reports.actuals` from the event log and the live states (`sessions.reports.actuals_query`).
"""
from __future__ import annotations

import csv
import io
from itertools import groupby

from flask import Blueprint, make_response, render_template, request, url_for

from conference.guard import conference, guarded
from conference.web import N_, _, get_db, lang, now
from sessions.reports import actuals
from sessions.reports.actuals_query import report

bp = Blueprint("actuals", __name__)

WHOLE_DAY = N_("Whole day")
# Text cells a spreadsheet would run as a formula are written with a leading apostrophe (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _rows(conf):
    db = get_db()
    session = (request.args.get("session") or "").strip() or None
    return conf, session, report(db, conf, now(), session, lang())


def _links(slug: str, session: str | None, **extra) -> dict:
    args = {"slug": slug, "lang": lang(), **extra}
    if session:
        args["session"] = session
    return args


@bp.get("/conferences/<slug>/actuals")
@guarded("page.actuals", load=conference)
def actuals_page(slug: str, access):
    conf, session, rows = _rows(access.conference)
    days = []
    for _day, group in groupby(rows, key=lambda r: r.day):
        group = list(group)
        sessions = []
        for row in group[1:]:
            if row.level == "session":
                sessions.append((row, []))
            else:
                sessions[-1][1].append(row)
        days.append((group[0], sessions))
    response = make_response(render_template(
        "sessions/actuals.html", conference=conf, days=days, session=session,
        duration=actuals.format_duration,
        csv_url=url_for("actuals.actuals_csv", **_links(slug, session)),
        all_url=url_for("actuals.actuals_page", **_links(slug, None)),
    ))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/conferences/<slug>/actuals.csv")
@guarded("page.actuals", load=conference)
def actuals_csv(slug: str, access):
    conf, session, rows = _rows(access.conference)
    out = io.StringIO()
    out.write("\ufeff")   # Excel takes a CSV for UTF-8 only with the byte-order mark
    writer = csv.DictWriter(out, fieldnames=actuals.COLUMNS)
    writer.writeheader()
    for record in actuals.records(rows, lang(), conf.timezone, _(WHOLE_DAY)):
        writer.writerow({k: _safe_cell(k, v) for k, v in record.items()})
    response = make_response(out.getvalue())
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    name = f"{conf.slug}-{session}-actuals.csv" if session else f"{conf.slug}-actuals.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe_cell(column: str, value: str) -> str:
    if column in ("role", "speaker") and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
