"""The application factory: a short list of named steps."""
from __future__ import annotations

from flask import Flask, g, jsonify, request

from conference import config as config_module
from conference.clock import clock_from_config
from conference.db import Database
from conference.errors import MinbarError
from conference.extensions import socketio
from conference.paths import static_dir, templates_dir


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(templates_dir()),
        static_folder=str(static_dir()),
        instance_relative_config=False,
    )
    configure(app, overrides)
    init_database(app)
    init_clock(app)
    init_i18n(app)
    init_edge(app)
    init_observability(app)
    init_socketio(app)
    init_proxies(app)
    register_blueprints(app)
    register_errors(app)
    return app


def configure(app: Flask, overrides: dict | None) -> None:
    app.config.from_mapping(config_module.from_environment(overrides))
    app.instance_path = app.config["INSTANCE_PATH"]
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    # Served over https (docs/deploy.md, "TLS"): the session cookie never travels in clear.
    if str(app.config.get("MINBAR_BASE_URL") or "").startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True


def init_database(app: Flask) -> None:
    database = Database(app.config["DATABASE_URL"])
    app.extensions["minbar.db"] = database

    @app.teardown_appcontext
    def close_session(_exc):
        session = g.pop("db", None)
        if session is not None:
            session.close()


def init_clock(app: Flask) -> None:
    app.extensions["minbar.clock"] = clock_from_config(app.config)


def init_i18n(app: Flask) -> None:
    from conference import web

    web.init_app(app)


def init_edge(app: Flask) -> None:
    from conference import edge

    edge.init_app(app)


def init_observability(app: Flask) -> None:
    """Request ids, JSON or text logs, a record per refusal (conference.logs); who may read
    /metrics (conference.metrics, MINBAR_METRICS_ALLOW)."""
    import os

    from conference import logs, metrics

    logs.init_app(app)
    app.config.setdefault("MINBAR_METRICS_ALLOW", os.environ.get("MINBAR_METRICS_ALLOW", ""))
    app.extensions["minbar.metrics_allow"] = metrics.allowed_networks(app.config["MINBAR_METRICS_ALLOW"])


def init_socketio(app: Flask) -> None:
    # Handlers must be registered before the first init_app: Flask-SocketIO replays its list of
    # handlers onto each new server, but a handler added while a server exists goes only to that one.
    import conference.live.events  # noqa: F401
    from conference import live
    from conference.resync import client_manager_options
    from conference.live_guard import SafePacket
    from conference.untrusted import StrictJSON

    rate = float(app.config["MINBAR_LIVE_RATE_LIMIT"])
    socketio.init_app(
        app,
        **client_manager_options(app),  # Redis: resend STATEs when the queue comes back
        async_mode=app.config["MINBAR_ASYNC_MODE"],
        message_queue=app.config["REDIS_URL"],
        channel=app.config["MINBAR_CHANNEL"],
        cors_allowed_origins=allowed_origins(app.config),
        serializer=SafePacket,
        json=StrictJSON,
        rate_per_s=rate,
        burst=3 * rate,
        deflate=app.config["MINBAR_WEBSOCKET_DEFLATE"],
        max_http_buffer_size=256 * 1024,
        ping_interval=20,
        ping_timeout=20,
    )
    from sessions.live.features import LIVE

    live.init_app(app, socketio, LIVE)   # the publisher, listener hub and revocations of this app


def init_proxies(app: Flask) -> None:
    """MINBAR_TRUSTED_PROXIES (conference/proxy.py): the client's address, scheme and host from
    trusted proxies' X-Forwarded-* headers. Outermost, after Socket.IO's middleware, so pages, API
    and Socket.IO all see the same client; then the security headers of long-polling answers."""
    import os

    from conference import edge, proxy

    app.config.setdefault("MINBAR_TRUSTED_PROXIES", os.environ.get("MINBAR_TRUSTED_PROXIES", ""))
    trusted = proxy.parse(app.config["MINBAR_TRUSTED_PROXIES"])   # a wrong value stops the start, named
    app.wsgi_app = edge.PollingHeaders(app.wsgi_app)
    if trusted:
        app.wsgi_app = proxy.TrustedProxies(app.wsgi_app, trusted)


def allowed_origins(config: dict):
    """Socket.IO's Origin check: the app's own origin (as the request reached it, or as
    MINBAR_BASE_URL says), plus MINBAR_ALLOWED_ORIGINS. Requests without an Origin header (not
    browsers) are not checked."""
    from urllib.parse import urlsplit

    extra = {o.strip().rstrip("/") for o in (config.get("MINBAR_ALLOWED_ORIGINS") or "").split(",") if o.strip()}
    if config.get("MINBAR_BASE_URL"):
        base = urlsplit(config["MINBAR_BASE_URL"])
        extra.add(f"{base.scheme}://{base.netloc}")

    def allowed(origin: str, environ: dict) -> bool:
        if origin in extra or "*" in extra:
            return True
        host = environ.get("HTTP_HOST", "")
        own = {f"{environ.get('wsgi.url_scheme', 'http')}://{host}"}
        if "HTTP_X_FORWARDED_PROTO" in environ or "HTTP_X_FORWARDED_HOST" in environ:
            scheme = environ.get("HTTP_X_FORWARDED_PROTO", environ.get("wsgi.url_scheme", "http")).split(",")[0].strip()
            own.add(f"{scheme}://{environ.get('HTTP_X_FORWARDED_HOST', host).split(',')[0].strip()}")
        return origin in own

    return allowed


# Each module defines `bp`, a Blueprint of its pages or API routes.
BLUEPRINT_MODULES = (
    "speakers.views",                 # first: resolves every request's caller (g.identity), sign-out
    "conference.api",
    "conference.views",
    "conference.feeds",               # iCalendar and schedule feeds
    "conference.documents.views",     # the programme as PDF and Word
    "sessions.views",                 # chair console, stage view, participant live view, actuals
    "sessions.booth.views",           # interpreter booth view, speech texts
    "sessions.key_messages.api",      # key messages and their versions (HTTP API)
    "sessions.key_messages.rapporteur_console",  # the rapporteur console
    "sessions.key_messages.outcome_views",  # the outcome document
    "sessions.key_messages.presentation_views",  # presentation mode
    "sessions.reports.views",         # planned versus actual: page and CSV
    "sessions.speakers_list.api",     # lists of speakers, inscriptions, focal points (HTTP API)
    "sessions.speakers_list.views",   # the focal point's page and the workspace's lists of speakers
    "sessions.reports.lists_views",   # the lists of speakers and participants (PDF, Word, CSV)
    "conference.workspace.api",       # the secretariat's workspace: people, links, audit, balance
    "conference.workspace.views",     # organiser sign-in and the workspace pages
    "conference.registration.api",    # registration: the public API and the secretariat's decisions
    "conference.registration.views",  # registration: the public page
    "conference.registration.workspace_views",  # registration: the workspace's page
    "speakers.session_views",         # an organiser's open sessions: list and end them
    "conference.navigation",          # the header of every page (context processor)
    "conference.live_kit",            # the live kit's strings (template global)
)


def register_blueprints(app: Flask) -> None:
    import importlib

    for name in BLUEPRINT_MODULES:
        app.register_blueprint(importlib.import_module(name).bp)


def register_errors(app: Flask) -> None:
    @app.errorhandler(MinbarError)
    def minbar_error(error: MinbarError):
        if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
            from conference import finding_text
            from conference.web import lang

            return jsonify({"error": finding_text.localise(error.to_contract(), lang())}), error.status
        from conference.web import render_error, translated_error

        return render_error(error.status, translated_error(error.code))

    from sqlalchemy.exc import InterfaceError, OperationalError

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_away(_error):
        # A request's own session lost its database (a save in flight at an outage): the API's
        # `unavailable` (503, JSON), never a traceback page; nothing was committed.
        return minbar_error(MinbarError("unavailable", "The database is unavailable for a moment; "
                                        "nothing was changed. Try again."))

    @app.errorhandler(404)
    def not_found(_error):
        if request.path.startswith("/api/"):
            return jsonify({"error": {"code": "not_found", "message": "Not found."}}), 404
        from conference.web import render_error, translated_error

        return render_error(404, translated_error("not_found"))

    @app.errorhandler(405)
    def not_allowed(_error):
        return jsonify({"error": {"code": "bad_request", "message": "Method not allowed."}}), 405
