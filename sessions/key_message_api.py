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
rapporteur's, the session chair's or an organiser's token (`sessions.key_message_ops`).

After every write that changed something, the event `key_messages` goes to the session's room on
/live (`{"session", "message", "version"}`; a draft's text is left out, see `_public`), and the
presentation sessions whose list moved get their new STATE.
"""
from __future__ import annotations

from flask import jsonify, request

from conference import queries
from conference.errors import MinbarError
from conference.publishing import publisher
from conference.web import get_db, now
from sessions import key_message_ops as ops
from sessions.rapporteur_views import API, bp, caller
from speakers import policy


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


# -- the API ---------------------------------------------------------------------------------

@bp.get(API)
def list_messages(slug: str, key: str):
    return jsonify(ops.list_messages(get_db(), slug, key, caller()))


@bp.post(API)
def create_message(slug: str, key: str):
    actor = caller()
    body = _body()
    client_key = body.pop("client_key", None)
    written = ops.create(get_db(), slug, key, body, actor=actor, now=now(), client_key=client_key)
    return _write(slug, key, written, 201 if written.changed else 200)


@bp.put(API + "/order")
def reorder_messages(slug: str, key: str):
    actor = caller()
    body = _body()
    written = ops.reorder(get_db(), slug, key, body.get("order"), actor=actor, now=now())
    db = get_db()
    db.commit()
    _announce(slug, key, written)
    return jsonify(ops.list_messages(db, slug, key, actor))


@bp.get(API + "/<mid>")
def get_message(slug: str, key: str, mid: str):
    return jsonify(ops.get_message(get_db(), slug, key, mid, caller()))


@bp.put(API + "/<mid>")
def save_message(slug: str, key: str, mid: str):
    actor = caller()
    body = _body()
    base = body.pop("base_revision", None)
    written = ops.save(get_db(), slug, key, mid, base, body, actor=actor, now=now())
    return _write(slug, key, written)


@bp.get(API + "/<mid>/history")
def message_history(slug: str, key: str, mid: str):
    return jsonify(ops.history(get_db(), slug, key, mid, caller()))


@bp.post(API + "/<mid>/restore")
def restore_message(slug: str, key: str, mid: str):
    actor = caller()
    body = _body()
    unknown = sorted(set(body) - {"revision", "base_revision"})
    if unknown:
        raise MinbarError("bad_request", f"Unknown field {', '.join(unknown)}; send revision and base_revision.")
    written = ops.restore(get_db(), slug, key, mid, body.get("revision"), body.get("base_revision"),
                          actor=actor, now=now())
    return _write(slug, key, written)


@bp.get(API + "/<mid>/versions/<language>")
def get_version(slug: str, key: str, mid: str, language: str):
    return jsonify(ops.get_version(get_db(), slug, key, mid, language, caller()))


@bp.put(API + "/<mid>/versions/<language>")
def save_version(slug: str, key: str, mid: str, language: str):
    """A version's save: `text`, `status`, `base_revision` (0 or null for its first save)."""
    actor = caller()
    body = _body()
    base = body.pop("base_revision", None)
    written = ops.save_version(get_db(), slug, key, mid, language, base, body, actor=actor, now=now())
    get_db().commit()
    _announce(slug, key, written, language)
    return jsonify(written.translation), 201 if written.changed and written.translation["revision"] == 1 else 200


@bp.get(API + "/<mid>/versions/<language>/history")
def version_history(slug: str, key: str, mid: str, language: str):
    return jsonify(ops.version_history(get_db(), slug, key, mid, language, caller()))


@bp.get("/api/v1/conferences/<slug>/key-messages")
def conference_messages(slug: str):
    """Every message of the conference in agenda order; `?status=agreed` for agreed ones only."""
    db = get_db()
    actor = caller()
    conf = queries.conference(db, slug)
    wanted = request.args.get("status")
    if wanted not in (None, "agreed", "draft"):
        raise MinbarError("bad_request", "'status' must be agreed or draft.")
    drafts = wanted != "agreed" and policy.may(actor, "messages.read_drafts", slug, None)
    messages = [m for _item, ms in ops.by_session(db, conf, include_drafts=drafts) for m in ms]
    return jsonify([m for m in messages if wanted is None or m["status"] == wanted])
