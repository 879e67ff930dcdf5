"""Registration's HTTP API (docs/http-api.md, "Registration").

- `POST /api/v1/conferences/<slug>/registrations` (anyone): 202, the same answer whether or not
  the address is known; the confirmation link goes to the address.
- `POST …/registrations/confirm` (anyone, `{"token": …}`): what the e-mailed link's page does.
- `GET …/registrations` (organisers; `?status=`, `?format=csv`), `POST …/registrations/<id>/approve`
  and `…/decline` (`{"reason": …}`), `POST …/registrations/decisions` (several at once),
  `GET`/`PUT …/registration-settings`.
Guarded by `registration.submit` and `registration.decide` (speakers/policy.py).
"""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, jsonify, request

from conference import contract
from conference.errors import MinbarError
from conference.guard import guarded
from conference.registration import core, flows, store
from conference.web import get_db, now

bp = Blueprint("registration_api", __name__)
API = "/api/v1/conferences/<slug>"
FIELDS = ("name", "name_latin", "title", "function", "rank", "delegation", "group", "email", "language",
          "gender", "needs")
COLUMNS = ("id", "status", "duplicate", "name", "name_latin", "title", "function", "rank", "delegation", "group",
           "email", "language", "gender", "needs", "created_at", "confirmed_at", "decided_at",
           "decision_reason", "person")
RECEIVED = "Thank you. If the address is right, a message with a confirmation link is on its way to it."


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return body


def registration_json(row, zone: str, flagged: dict) -> dict:
    def iso(moment):
        return contract.iso(moment, zone) if moment else None

    return {"id": row.id, "status": row.status, "duplicate": flagged.get(row.id, []), "name": row.name,
            "name_latin": row.name_latin, "title": row.title, "function": row.function, "rank": row.rank,
            "delegation": row.delegation, "group": row.group, "email": row.email, "language": row.language,
            "gender": row.gender, "needs": row.needs, "created_at": iso(row.created_at),
            "confirmed_at": iso(row.confirmed_at), "decided_at": iso(row.decided_at),
            "decision_reason": row.decision_reason, "person": row.person_key}


@bp.post(f"{API}/registrations")
@guarded("registration.submit")
def register(slug: str, access):
    body = _body()
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    flows.submit(access.conference, body)
    return jsonify({"status": "received", "message": RECEIVED}), 202


@bp.post(f"{API}/registrations/confirm")
@guarded("registration.submit")
def confirm(slug: str, access):
    row = flows.confirm(access.conference, _body().get("token"))
    return jsonify({"status": row.status})


@bp.get(f"{API}/registrations")
@guarded("registration.decide")
def registrations(slug: str, access):
    conf = access.conference
    rows, flagged = store.listing(get_db(), conf, request.args.get("status") or None)
    shaped = [registration_json(r, conf.timezone, flagged) for r in rows]
    if request.args.get("format") == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for item in shaped:
            writer.writerow([core.csv_cell(" ".join(item[c]) if c == "duplicate" else item[c]) for c in COLUMNS])
        return Response(out.getvalue(), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="{slug}-registrations.csv"', "Cache-Control": "no-store"})
    if request.args.get("format") not in (None, "", "json"):
        raise MinbarError("bad_request", "'format' should be json or csv.")
    return jsonify(shaped), 200, {"Cache-Control": "no-store"}


def _decided(conf, results: list[dict]):
    """One decision's answer: the registration, or its refusal as the API's error."""
    result = results[0]
    if "error" in result:
        error = result["error"]
        raise MinbarError(error.pop("code"), error.pop("message"), **error)
    rows, flagged = store.listing(get_db(), conf)
    row = next(r for r in rows if r.id == result["id"])
    return jsonify(registration_json(row, conf.timezone, flagged))


@bp.post(f"{API}/registrations/<registration_id>/approve")
@guarded("registration.decide")
def approve(slug: str, registration_id: str, access):
    return _decided(access.conference, flows.decide(access.conference, access.who, [registration_id],
                                                    approve=True))


@bp.post(f"{API}/registrations/<registration_id>/decline")
@guarded("registration.decide")
def decline(slug: str, registration_id: str, access):
    body = request.get_json(silent=True) or {}
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object.")
    return _decided(access.conference, flows.decide(access.conference, access.who, [registration_id],
                                                    approve=False, reason=body.get("reason")))


@bp.post(f"{API}/registrations/decisions")
@guarded("registration.decide")
def decisions(slug: str, access):
    """Several at once: `{"approve": [ids]}` or `{"decline": [ids], "reason": …}`; each result in order."""
    body = _body()
    kinds = [k for k in ("approve", "decline") if k in body]
    if len(kinds) != 1 or not isinstance(body[kinds[0]], list) or not body[kinds[0]] \
            or not all(isinstance(i, int) and not isinstance(i, bool) for i in body[kinds[0]]):
        raise MinbarError("bad_request", "Send either 'approve' or 'decline', a list of registration ids.")
    results = flows.decide(access.conference, access.who, body[kinds[0]], approve=kinds[0] == "approve",
                           reason=body.get("reason"))
    return jsonify({"results": results})


def settings_json(row, zone: str) -> dict:
    def iso(moment):
        return contract.iso(moment, zone) if moment else None

    return {"opens_at": iso(row.opens_at), "closes_at": iso(row.closes_at), "retention_days": row.retention_days,
            "open": core.window(row.opens_at, row.closes_at, now()) == "open"}


@bp.get(f"{API}/registration-settings")
@guarded("registration.decide")
def get_settings(slug: str, access):
    conf = access.conference
    return jsonify(settings_json(store.settings(get_db(), conf), conf.timezone))


@bp.put(f"{API}/registration-settings")
@guarded("registration.decide")
def put_settings(slug: str, access):
    from conference.workspace.access import actor

    conf, db = access.conference, get_db()
    body = _body()
    unknown = sorted(set(body) - {"opens_at", "closes_at", "retention_days"})
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    current = store.settings(db, conf)
    row = store.put_settings(
        db, conf, opens_at=flows.instant(body, "opens_at", conf.timezone, current.opens_at),
        closes_at=flows.instant(body, "closes_at", conf.timezone, current.closes_at),
        retention_days=body.get("retention_days", current.retention_days), now=now(), actor=actor(access.who))
    db.commit()
    return jsonify(settings_json(row, conf.timezone))
