"""Logs an operator can search: one line per record, a request id on each, one record per refusal.

- `MINBAR_LOG_FORMAT=json` (deploy/gunicorn.conf.py sets it): every record of the process,
  gunicorn's own included, is one JSON object on one line (python-json-logger): `time`, `level`,
  `logger`, `message`, `request_id` and the record's fields; a traceback is the `exc_info` string
  of its record, never lines of its own. `text` (the default, `minbar run`): one readable line per
  record, the request id in brackets.
- The request id is nginx's `X-Request-ID` (deploy/nginx-minbar.conf sets it to `$request_id`)
  when it looks like one, else made here; every response carries it back in `X-Request-ID`. A
  Socket.IO connection keeps the id of the request that opened it, so its commands' records
  can be found with that request's nginx line.
- One record per refusal: an HTTP answer of 4xx or 503 (`refusal`, with status, code, method,
  path without the query string, client address), a live event refused (its event and code).
- No token, password or query string in any record: `conference.web.install_log_redaction`
  rewrites messages, and the records made here carry paths only.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import uuid
from datetime import datetime, timezone

ENVIRON_KEY = "minbar.request_id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
FORMATS = ("text", "json")

refusals = logging.getLogger("minbar.refusal")


def log_format() -> str:
    value = (os.environ.get("MINBAR_LOG_FORMAT") or "text").strip().lower()
    if value not in FORMATS:
        raise ValueError(f"MINBAR_LOG_FORMAT: {value!r} is not one of {', '.join(FORMATS)}")
    return value


# -- the request id -------------------------------------------------------------------------

def request_id_of(environ: dict) -> str:
    """The request's id, fixed at first use: nginx's X-Request-ID, else a new one."""
    rid = environ.get(ENVIRON_KEY)
    if rid is None:
        sent = environ.get("HTTP_X_REQUEST_ID", "")
        rid = sent if _REQUEST_ID.match(sent) else uuid.uuid4().hex
        environ[ENVIRON_KEY] = rid
    return rid


def current_request_id() -> str | None:
    from flask import has_request_context, request

    if not has_request_context():
        return None
    return request_id_of(request.environ)


# -- formatters -----------------------------------------------------------------------------

def _iso(created: float) -> str:
    return datetime.fromtimestamp(created, timezone.utc).isoformat(timespec="milliseconds")


def json_formatter() -> logging.Formatter:
    from pythonjsonlogger.core import RESERVED_ATTRS
    from pythonjsonlogger.json import JsonFormatter

    class Json(JsonFormatter):
        def formatTime(self, record, datefmt=None):   # noqa: N802 (logging's name)
            return _iso(record.created)

        def add_fields(self, log_record, record, message_dict):
            super().add_fields(log_record, record, message_dict)
            _access_fields(log_record, record)
            for key in [k for k, v in log_record.items() if v is None]:
                del log_record[key]

    return Json("%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                reserved_attrs=[*RESERVED_ATTRS, "_minbar_redacted", "taskName"],
                json_ensure_ascii=False)


def _access_fields(log_record: dict, record: logging.LogRecord) -> None:
    """gunicorn's access records carry their atoms as `args`: named fields, the path without
    its query string (whatever access_log_format says), the request id nginx sent."""
    atoms = record.args if record.name == "gunicorn.access" and isinstance(record.args, dict) else None
    if atoms is None:
        return
    log_record.update(message="access", client=atoms.get("h"), method=atoms.get("m"),
                      path=atoms.get("U"), status=atoms.get("s"), bytes=atoms.get("B"),
                      duration_ms=round(int(atoms.get("D") or 0) / 1000, 1),
                      request_id=atoms.get("{x-request-id}i"))


class TextFormatter(logging.Formatter):
    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(rid)s] %(message)s")

    def formatTime(self, record, datefmt=None):   # noqa: N802
        return _iso(record.created)

    def format(self, record):
        record.rid = getattr(record, "request_id", None) or "-"
        return super().format(record)


def formatter(kind: str | None = None) -> logging.Formatter:
    return json_formatter() if (kind or log_format()) == "json" else TextFormatter()


class _Stderr(logging.StreamHandler):
    """stderr as it is when a record is written (a test may have replaced it since)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


_INSTALLED = False


def install(kind: str | None = None) -> None:
    """Once per process: request ids on every record, and a stderr handler on the root logger
    in the chosen format, unless something (a test runner, a logging config) already put one."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        if not hasattr(record, "request_id"):
            try:
                record.request_id = current_request_id()
            except Exception:   # outside Flask entirely (gunicorn's master): no id
                record.request_id = None
        return record

    logging.setLogRecordFactory(factory)
    root = logging.getLogger()
    if not root.handlers:
        handler = _Stderr()
        handler.setFormatter(formatter(kind))
        root.addHandler(handler)
        # Minbar's own records from INFO (refusals among them); the libraries' from WARNING
        # (alembic would narrate every `minbar db upgrade`), unless MINBAR_LOG_LEVEL says more.
        level = os.environ.get("MINBAR_LOG_LEVEL", "").upper()
        root.setLevel(level or logging.WARNING)
        for name in ("minbar", "conference", "sessions", "speakers", "timing"):
            logging.getLogger(name).setLevel(level or logging.INFO)


# -- refusals -------------------------------------------------------------------------------

def refused(transport: str, code: str, **fields) -> None:
    """One record for one refusal."""
    from flask import has_request_context, request

    if has_request_context():
        fields.setdefault("client", request.remote_addr)
        sid = getattr(request, "sid", None)
        if sid:
            fields.setdefault("connection", sid)
    refusals.info("refused %s %s", transport, code,
                  extra={"event": "refusal", "transport": transport, "code": code, **fields})


def _http_refusal(response) -> None:
    from flask import request

    status = response.status_code
    if status < 400 or status == 500:   # a 500 is its exception's record already
        return
    code = None
    if response.is_json:
        error = (response.get_json(silent=True) or {}).get("error")
        code = error.get("code") if isinstance(error, dict) else None
    if not isinstance(code, str):   # an HTML page: the code its status stands for
        from conference.errors import HTTP_STATUS

        code = next((c for c, s in HTTP_STATUS.items() if s == status), str(status))
    refused("http", code, status=status,
            method=request.method, path=request.path)


def init_app(app) -> None:
    from flask import request
    from flask.logging import default_handler

    app.config.setdefault("MINBAR_LOG_FORMAT", log_format())
    install(app.config["MINBAR_LOG_FORMAT"])
    if logging.getLogger().handlers:   # records reach the root's handler: none of Flask's own
        app.logger.removeHandler(default_handler)

    @app.after_request
    def request_id_and_refusals(response):
        response.headers["X-Request-ID"] = request_id_of(request.environ)
        _http_refusal(response)
        return response


def gunicorn_logger():
    """gunicorn's Logger with this module's format on its error and access handlers (the access
    log stays as gunicorn's `accesslog` setting says: off unless MINBAR_ACCESS_LOG names a file
    or `-`)."""
    from gunicorn.glogging import Logger

    class MinbarGunicornLogger(Logger):
        def setup(self, cfg):
            super().setup(cfg)
            if log_format() != "json":   # text: gunicorn's own lines, as they always were
                return
            for log in (self.error_log, self.access_log):
                for handler in log.handlers:
                    handler.setFormatter(formatter())

    return MinbarGunicornLogger
