"""What every HTTP request must satisfy before any view reads it, and what every answer carries.

- Text that is valid Unicode (no lone surrogates), JSON bodies nested at most
  `untrusted.MAX_DEPTH` deep with plain numbers: the same check as Socket.IO payloads
  (`conference.untrusted.problem`), applied once per request to the query string, the form fields
  and a JSON body; a failure is `bad_request` and nothing runs.
- The API answers in its own JSON error (`{"error": {"code", "message"}}`) whatever went wrong,
  a body over the size limit (413) and a server fault (5xx) included, never an HTML page.
- Socket.IO's long-polling answers are made by the Engine.IO middleware, outside Flask, so the
  headers pages get in `after_request` are added to them here (`PollingHeaders`).
"""
from __future__ import annotations

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from conference import untrusted
from conference.errors import MinbarError

SOCKETIO_PATH = "/socket.io"


def check_request() -> None:
    values = [list(request.args.items(multi=True))]
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            values.append(list(request.form.items(multi=True)))
        if request.is_json:
            try:
                values.append(request.get_json(silent=True))
            except RecursionError:
                raise MinbarError("bad_request",
                                  f"The data is nested more than {untrusted.MAX_DEPTH} levels deep.") from None
    values.append(request.path)
    for value in values:
        reason = untrusted.problem(value)
        if reason is not None:
            raise MinbarError("bad_request", reason)


# The contract's code for an HTTP error raised below the views (Werkzeug's own, or a fault).
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict",
         413: "too_large", 429: "rate_limited", 503: "unavailable"}


def api_error(error: HTTPException):
    """Under /api/, any HTTP error Flask or Werkzeug raises (a body over the limit, a fault the
    views did not turn into a refusal: logged by Flask, nothing of it in the answer) is the API's
    JSON error; pages keep their error page."""
    if not request.path.startswith("/api/"):
        return error
    status = error.code or 500
    if status == 413:
        message = f"The request body is larger than {(request.max_content_length or 0) // 1024} KB."
    elif status >= 500:
        message = "The server could not answer this request; try again later."
    else:
        message = error.description or error.name
    code = CODES.get(status, "server_error" if status >= 500 else "bad_request")
    return jsonify({"error": {"code": code, "message": message}}), status


class PollingHeaders:
    """WSGI middleware: the security headers of pages (`conference.web.security_headers`) on
    Engine.IO's answers (long-polling, the handshake, refusals), which Flask never sees."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path != SOCKETIO_PATH and not path.startswith(SOCKETIO_PATH + "/"):
            return self.app(environ, start_response)
        from conference.web import content_security_policy

        extra = {"Content-Security-Policy": content_security_policy(environ.get("HTTP_HOST", "")),
                 "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
                 "Referrer-Policy": "same-origin"}

        def with_headers(status, headers, exc_info=None):
            present = {name.lower() for name, _ in headers}
            if not status.startswith("101"):   # a WebSocket's upgrade is not a document
                headers = list(headers) + [(k, v) for k, v in extra.items() if k.lower() not in present]
            return start_response(status, headers, exc_info)

        return self.app(environ, with_headers)


def init_app(app: Flask) -> None:
    app.before_request(check_request)
    app.register_error_handler(HTTPException, api_error)
