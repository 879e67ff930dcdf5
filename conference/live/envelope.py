"""The envelope of every /live event: acknowledgement shapes, payload checks, the handler decorator.

Every client-to-server event is answered `{"ok": true, ...}` or `{"ok": false, "error": {...}}`
(docs/socketio.md). The rate limit and the checks of the packets themselves (reserved event
names, malformed JSON, lone surrogates) run before any handler: `conference.live_guard`.
"""
from __future__ import annotations

import json

from flask import current_app, session as connection

from conference import metrics, untrusted
from conference.errors import MinbarError
from conference.live import ID, NAMESPACE
from speakers.identity import ANONYMOUS, Identity

MAX_PAYLOAD_BYTES = 16 * 1024


def ok(**values) -> dict:
    return {"ok": True, **values}


def refuse(code: str, message: str, **extra) -> dict:
    return {"ok": False, "error": {"code": code, "message": message, **extra}}


def identity() -> Identity:
    return connection.get("identity", ANONYMOUS)


def extension(name: str):
    """This application's transport object `minbar.<name>` (see `conference.live.init_app`)."""
    return current_app.extensions[f"minbar.{name}"]


def now():
    return extension("clock").now()


def handler(socketio, event: str):
    """Registers `fn(payload) -> ack` for `event` with payload checks and refusals."""
    def register(fn):
        def wrapped(payload=None, *extra):
            try:
                return fn(parse(payload))
            except MinbarError as error:
                return refuse(**error.to_contract())
        wrapped.__name__ = f"on_{event}"
        socketio.on(event, namespace=NAMESPACE)(metrics.observed(event, wrapped))
        return fn
    return register


def parse(payload) -> dict:
    if payload is None:
        payload = {}
    if not isinstance(payload, dict):
        raise MinbarError("bad_request", "The payload must be an object.")
    reason = untrusted.problem(payload)
    if reason is not None:
        raise MinbarError("bad_request", reason)
    try:
        size = len(json.dumps(payload))
    except (TypeError, ValueError):
        raise MinbarError("bad_request", "The payload is not plain JSON.") from None
    if size > MAX_PAYLOAD_BYTES:
        raise MinbarError("bad_request", "The payload is too large.")
    return payload


def session_of(payload: dict) -> tuple[str, str]:
    key = payload.get("session")
    if not isinstance(key, str) or not ID.match(key):
        raise MinbarError("bad_request", "'session' must be a session id.")
    slug = payload.get("conference") or identity().conference or current_app.config["DEFAULT_CONFERENCE"]
    if not isinstance(slug, str) or not ID.match(slug):
        raise MinbarError("bad_request", "'conference' must be a conference slug.")
    return slug, key
