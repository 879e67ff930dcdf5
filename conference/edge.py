"""What every HTTP request must satisfy before any view reads it: text that is valid Unicode
(no lone surrogates), JSON bodies nested at most `untrusted.MAX_DEPTH` deep with plain numbers.

The same check as Socket.IO payloads (`conference.untrusted.problem`), applied once per request
to the query string, the form fields and a JSON body; a failure is `bad_request` and nothing runs.
"""
from __future__ import annotations

from flask import Flask, request

from conference import untrusted
from conference.errors import MinbarError


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


def init_app(app: Flask) -> None:
    app.before_request(check_request)
