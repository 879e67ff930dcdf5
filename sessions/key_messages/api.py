"""The key-messages HTTP API, with each message's versions in the other languages.

API (docs/key-messages.md), JSON errors per the contract:
- `GET    /api/v1/conferences/<slug>/sessions/<id>/key-messages`            the session's messages
- `POST   the same`                                                          create (201; 200 on a replayed `client_key`)
- `GET    .../key-messages/<mid>`, `PUT .../key-messages/<mid>`             one message; save with `base_revision`
- `GET    .../key-messages/<mid>/history`, `POST .../key-messages/<mid>/restore`
- `PUT    .../key-messages/order`                                            reorder
- `GET|PUT .../key-messages/<mid>/versions/<lang>`, `GET .../versions/<lang>/history`   one language's version
- `GET    /api/v1/conferences/<slug>/key-messages`                           the whole conference's, agenda order
Writers sign in with `Authorization: Bearer TOKEN` (or the session cookie of their opened link). Anyone reads agreed messages; drafts need a
rapporteur's, the session chair's or an organiser's token. Each route's guard (`conference.guard`)
loads what it names (404) and asks `speakers.policy` (401/403): "messages.write" for the
originals, "messages.translate" for a version in another language, "messages.read_drafts" for
histories and, on the public reads, for whether drafts are shown.

After every write that changed something, the event `key_messages` goes to the session's room on
/live (`{"session", "message", "version"}`; a draft's text is left out, see `_public`), and the
presentation sessions whose list moved get their new STATE.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from conference import guard
from conference.errors import MinbarError
from conference.guard import guarded, public
from conference.publishing import publisher
from conference.web import get_db, now
from sessions.key_messages import ops

bp = Blueprint("key_message_api", __name__)
API = "/api/v1/conferences/<slug>/sessions/<key>/key-messages"


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return body


# -- broadcasting ----------------------------------------------------------------------------

def _public(message: dict) -> dict:
    # The session's room holds everyone watching it, anonymous viewers too: a draft travels as a
    # notice that it changed, and the rapporteurs' pages fetch it signed in.
    if message["status"] == "agreed":
        return message
    return {"id": message["id"], "session": message["session"], "status": message["status"],
            "revision": message["revision"], "position": message["position"], "redacted": True}


def _announce(slug: str, key: str, written: ops.Written, language: str | None = None) -> None:
    """After the commit: one `key_messages` event per changed message, versions one apart; a
    version's save also names its `language`."""
    if not written.changed:
        return
    first = written.version - len(written.messages) + 1
    port = publisher()
    for offset, message in enumerate(written.messages):
        event = {"session": key, "message": _public(message), "version": first + offset}
        if language is not None:
            event["language"] = language
        port.publish_event(slug, key, "key_messages", event)
    for session_key, state in written.presentations:
        port.publish_state(slug, session_key, state)


def _write(slug: str, key: str, written: ops.Written, status: int = 200):
    get_db().commit()
    _announce(slug, key, written)
    return jsonify(written.message), status


# -- what a route is about ------------------------------------------------------------------

def message_language(slug: str, key: str, mid: str, language: str) -> guard.Scope:
    """`<language>` of message `<mid>`: 404 for a language the conference does not have or an
    unknown message; `loaded` names the language asked and the message's own."""
    scope = guard.session(slug, key)
    original = ops.original_language(get_db(), scope.conference, key, mid, language)
    return guard.Scope(slug, scope.conference, scope.item, loaded={"language": language, "original": original})


def version_action(scope: guard.Scope) -> str:
    """Saving in the message's own language saves the original; any other is a translation."""
    return "messages.write" if scope.loaded["language"] == scope.loaded["original"] else "messages.translate"


# -- the API ---------------------------------------------------------------------------------

@bp.get(API)
@public(load=guard.session)
def list_messages(slug: str, key: str, access):
    return jsonify(ops.list_messages(get_db(), slug, key, drafts=access.may("messages.read_drafts")))


@bp.post(API)
@guarded("messages.write", load=guard.session)
def create_message(slug: str, key: str, access):
    actor = access.who
    body = _body()
    client_key = body.pop("client_key", None)
    written = ops.create(get_db(), slug, key, body, actor=actor, now=now(), client_key=client_key)
    return _write(slug, key, written, 201 if written.changed else 200)


@bp.put(API + "/order")
@guarded("messages.write", load=guard.session)
def reorder_messages(slug: str, key: str, access):
    actor = access.who
    body = _body()
    written = ops.reorder(get_db(), slug, key, body.get("order"), actor=actor, now=now())
    db = get_db()
    db.commit()
    _announce(slug, key, written)
    return jsonify(ops.list_messages(db, slug, key, drafts=access.may("messages.read_drafts")))


@bp.get(API + "/<mid>")
@public(load=guard.session)
def get_message(slug: str, key: str, mid: str, access):
    return jsonify(ops.get_message(get_db(), slug, key, mid, drafts=access.may("messages.read_drafts")))


@bp.put(API + "/<mid>")
@guarded("messages.write", load=guard.session)
def save_message(slug: str, key: str, mid: str, access):
    actor = access.who
    body = _body()
    base = body.pop("base_revision", None)
    written = ops.save(get_db(), slug, key, mid, base, body, actor=actor, now=now())
    return _write(slug, key, written)


@bp.get(API + "/<mid>/history")
@guarded("messages.read_drafts", load=guard.session)
def message_history(slug: str, key: str, mid: str, access):
    return jsonify(ops.history(get_db(), slug, key, mid))


@bp.post(API + "/<mid>/restore")
@guarded("messages.write", load=guard.session)
def restore_message(slug: str, key: str, mid: str, access):
    actor = access.who
    body = _body()
    unknown = sorted(set(body) - {"revision", "base_revision"})
    if unknown:
        raise MinbarError("bad_request", f"Unknown field {', '.join(unknown)}; send revision and base_revision.")
    written = ops.restore(get_db(), slug, key, mid, body.get("revision"), body.get("base_revision"),
                          actor=actor, now=now())
    return _write(slug, key, written)


@bp.get(API + "/<mid>/versions/<language>")
@public(load=guard.session)
def get_version(slug: str, key: str, mid: str, language: str, access):
    return jsonify(ops.get_version(get_db(), slug, key, mid, language, drafts=access.may("messages.read_drafts")))


@bp.put(API + "/<mid>/versions/<language>")
@guarded(version_action, load=message_language)
def save_version(slug: str, key: str, mid: str, language: str, access):
    """A version's save: `text`, `status`, `base_revision` (0 or null for its first save)."""
    actor = access.who
    body = _body()
    base = body.pop("base_revision", None)
    written = ops.save_version(get_db(), slug, key, mid, language, base, body, actor=actor, now=now())
    get_db().commit()
    _announce(slug, key, written, language)
    return jsonify(written.translation), 201 if written.changed and written.translation["revision"] == 1 else 200


@bp.get(API + "/<mid>/versions/<language>/history")
@guarded("messages.read_drafts", load=message_language)
def version_history(slug: str, key: str, mid: str, language: str, access):
    return jsonify(ops.version_history(get_db(), slug, key, mid, language))


@bp.get("/api/v1/conferences/<slug>/key-messages")
@public(load=guard.conference)
def conference_messages(slug: str, access):
    """Every message of the conference in agenda order; `?status=agreed` for agreed ones only."""
    db = get_db()
    conf = access.conference
    wanted = request.args.get("status")
    if wanted not in (None, "agreed", "draft"):
        raise MinbarError("bad_request", "'status' must be agreed or draft.")
    drafts = wanted != "agreed" and access.may("messages.read_drafts")
    messages = [m for _item, ms in ops.by_session(db, conf, include_drafts=drafts) for m in ms]
    return jsonify([m for m in messages if wanted is None or m["status"] == wanted])
