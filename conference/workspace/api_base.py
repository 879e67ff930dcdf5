"""The workspace API's blueprint and what its route modules share: the JSON body, the change
through `conference.workspace.operations` (audited) and the fresh STATE of the changed sessions.

The routes live in `api.py` (people, slots, sessions, booths), `api_links.py` (links and
invitations) and `api_records.py` (audit, balance, import, clone, export); all join this blueprint so
their endpoint names stay `workspace_api.*`.
"""
from __future__ import annotations

from flask import Blueprint, current_app, request

from conference.errors import MinbarError
from conference.web import get_db, now
from conference.workspace import operations
from conference.workspace.access import actor
from timing.zones import to_zone

bp = Blueprint("workspace_api", __name__)
API = "/api/v1/conferences/<slug>"


@bp.record_once
def _setup(state) -> None:
    from conference.workspace import access

    access.init_app(state.app)
    # A wall-clock value for <input type="datetime-local">, in the conference's zone.
    state.app.jinja_env.filters["wall"] = lambda moment, zone: to_zone(moment, zone).strftime("%Y-%m-%dT%H:%M")


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return body


def _instance():
    return current_app.instance_path


def _commit_and_publish(db, slug: str, sessions: list[str]) -> None:
    db.commit()
    _publish(slug, sessions)


def _publish(slug: str, sessions: list[str]) -> None:
    """The live pages of the changed sessions get a fresh STATE (their projections follow)."""
    if not sessions:
        return
    from conference.publishing import publisher
    from sessions.live import operations as live_ops

    db = get_db()
    for key in sessions:
        try:
            publisher().publish_state(slug, key, live_ops.current(db, slug, key, now()))
        except MinbarError:
            continue


def _changed_sessions(before: dict) -> list[str]:
    keys = set()
    for label in before:
        kind, _sep, key = label.partition(":")
        if kind == "session":
            keys.add(key)
    return sorted(keys)


def _change(db, conf, who, action: str, edit, session: str | None = None, target: str = ""):
    spec = operations.change(db, conf, now=now(), actor=actor(who), action=action, edit=edit,
                             instance=_instance(), session=session, target=target)
    return spec
