"""The workspace API's records and conferences: the audit log, the speaking balance, an agenda
imported, a conference cloned, the agenda file exported."""
from __future__ import annotations

from datetime import date, datetime

from flask import jsonify, make_response, request

from conference import audit, contract, queries
from conference.errors import MinbarError
from conference.guard import Scope, guarded
from conference.web import get_db, now, query_day
from conference.workspace import agenda_file, operations
from conference.workspace.access import actor
from conference.workspace.api_base import API, _body, _instance, bp
from timing.zones import get_zone

def _instant(name: str, conf) -> datetime | None:
    value = (request.args.get(name) or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise MinbarError("bad_request", f"'{name}' is not an ISO 8601 instant.") from None
    if moment.tzinfo is None:
        moment = get_zone(conf.timezone).localize(moment)
    return moment


@bp.get(f"{API}/audit")
@guarded("workspace.audit")
def audit_log(slug: str, access):
    db, conf = get_db(), access.conference
    found = audit.entries(db, conf, session=request.args.get("session") or None,
                          person=request.args.get("person") or None,
                          action=request.args.get("action") or None,
                          since=_instant("since", conf), until=_instant("until", conf))

    def iso(moment):
        return contract.iso(moment, conf.timezone)

    if request.args.get("format") == "csv":
        response = make_response(audit.to_csv(found, iso))
        response.headers["Content-Type"] = "text/csv; charset=utf-8"
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-audit.csv"'
        response.headers["Cache-Control"] = "no-store"
        return response
    return jsonify([e.to_contract(iso) for e in found])


@bp.get(f"{API}/balance")
@guarded("workspace.balance")
def balance_figures(slug: str, access):
    from sessions.reports import balance
    from sessions.reports.balance_query import turns

    db, conf = get_db(), access.conference
    session = request.args.get("session") or None
    day = query_day()
    if session:
        queries.item(db, conf, session)
    result = balance.compute(balance.select(turns(db, conf, now()), session=session, day=day))
    if request.args.get("format") == "csv":
        response = make_response(balance.to_csv(result))
        response.headers["Content-Type"] = "text/csv; charset=utf-8"
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-balance.csv"'
        response.headers["Cache-Control"] = "no-store"
        return response
    return jsonify({"session": session, "day": day.isoformat() if day else None,
                    **{dim: [line.to_contract() for line in lines] for dim, lines in result.items()}})


# -- conferences: import, clone, export -----------------------------------------------------

def uploaded_agenda(**_rest) -> Scope:
    """The body, an agenda file (400 when it is not UTF-8); the policy is asked about its slug
    (None when the file does not parse: the import then answers with the findings)."""
    from conference.agenda.parse import parse_text

    try:
        text = request.get_data(cache=False, as_text=False).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MinbarError("bad_request", "The agenda file is not UTF-8 text.") from None
    spec, _findings = parse_text(text, "<upload>")
    return Scope(spec.slug if spec is not None else None, loaded={"text": text})


@bp.post("/api/v1/conferences")
@guarded("conference.create", load=uploaded_agenda)
def import_conference(access):
    db = get_db()
    conf = operations.import_agenda(db, access.scope.loaded["text"], now=now(), actor=actor(access.who),
                                    instance=_instance())
    _grant_clone(access.who, conf.slug)
    db.commit()
    return jsonify(contract.conference_summary(conf)), 201


@bp.post(f"{API}/clone")
@guarded("workspace.conferences")
def clone_conference(slug: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    new_slug, first = body.get("slug"), body.get("first_day")
    if not isinstance(new_slug, str) or not isinstance(first, str):
        raise MinbarError("bad_request", "Send {\"slug\": NEW, \"first_day\": \"YYYY-MM-DD\"}.")
    try:
        first_day = date.fromisoformat(first)
    except ValueError:
        raise MinbarError("bad_request", "'first_day' should be a date written YYYY-MM-DD.") from None
    created = operations.clone_conference(db, conf, slug=new_slug.strip(), first_day=first_day, now=now(),
                                          actor=actor(who), instance=_instance())
    _grant_clone(who, created.slug)
    db.commit()
    return jsonify(contract.conference_summary(created)), 201


def _grant_clone(who, slug: str) -> None:
    """The account that imported or cloned a conference organises it."""
    from conference.workspace.access import signed_in_account
    from speakers.organiser_models import OrganiserAccount

    account = signed_in_account()
    if account is not None and not account.all_conferences:
        row = get_db().get(OrganiserAccount, account.id)
        row.conferences = sorted(set(row.conferences or []) | {slug})


@bp.get("/conferences/<slug>/agenda.toml")
@guarded("workspace.conferences")
def agenda_toml(slug: str, access):
    db, conf = get_db(), access.conference
    response = make_response(agenda_file.export(db, conf))
    response.headers["Content-Type"] = "application/toml; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}.toml"'
    response.headers["Cache-Control"] = "no-store"
    return response
