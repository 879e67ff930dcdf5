"""The JSON API: health, conferences, the whole agenda (docs/http-api.md)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from conference import contract, queries
from conference.guard import public
from conference.web import get_db

bp = Blueprint("api", __name__)


@bp.get("/healthz")
@public
def healthz():
    checks = {"database": "ok"}
    try:  # a read scope, closed before the broker is asked: no lock is held across the wait
        with current_app.extensions["minbar.db"].read_scope() as db:
            db.execute(text("SELECT 1"))
    except Exception:  # any failure of the database means "not healthy", said plainly
        checks["database"] = "unavailable"
    redis_url = current_app.config.get("REDIS_URL")
    if redis_url:
        checks["message_queue"] = _redis_status(redis_url)
    healthy = all(value == "ok" for value in checks.values())
    return jsonify({"status": "ok" if healthy else "unavailable", "checks": checks}), 200 if healthy else 503


def _redis_status(url: str) -> str:
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
        return "ok"
    except redis.RedisError:
        return "unavailable"


@bp.get("/api/v1/conferences")
@public
def conferences():
    return jsonify([contract.conference_summary(c) for c in queries.conferences(get_db())])


@bp.get("/api/v1/conferences/<slug>")
@public
def conference(slug: str):
    db = get_db()
    conf = queries.conference(db, slug)
    return jsonify(contract.agenda(conf, queries.agenda(db, conf)))
