"""The JSON API: health, conferences, the whole agenda (docs/http-api.md)."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import NotFound

from conference import contract, health, metrics, queries
from conference.guard import public
from conference.web import get_db

bp = Blueprint("api", __name__)


@bp.get("/healthz")
@public
def healthz():
    body, status = health.answer(current_app)
    return jsonify(body), status


@bp.get("/metrics")
@public
def metrics_page():
    """Prometheus text format, to loopback and MINBAR_METRICS_ALLOW only: 404 to anyone else, as
    if there were nothing here (docs/http-api.md)."""
    if not metrics.may_read(request.remote_addr, current_app.extensions["minbar.metrics_allow"]):
        raise NotFound()
    health.of(current_app).checks()   # minbar_up{part} as of this second
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})


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
