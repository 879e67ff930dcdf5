"""The house's one refusal type, on the ground floor so the pure core can raise it.

`timing` imports nothing from the other packages, and the timer refuses commands; so the refusal
lives here and `conference.errors` (where everyone else imports it from) names this very class.
A refusal changes nothing: `code` is a contract error code, `message` a plain sentence, `extra`
travels with it in the error object. `HTTP_STATUS` is the one code -> status table.
"""
from __future__ import annotations

HTTP_STATUS = {
    "bad_request": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not_found": 404,
    "conflict": 409,
    "invalid_state": 409,
    "already_queued": 409,
    "not_queued": 409,
    "closed": 409,
    "stale": 409,
    "just_changed": 409,   # another console moved the slot or the timer a moment ago
    "rate_limited": 429,
    "unavailable": 503,   # the database is away (restarting): nothing was written, try again
}


class MinbarError(Exception):
    """A refusal that changes nothing. `extra` travels with it in the error object."""

    def __init__(self, code: str, message: str, **extra):
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra

    @property
    def status(self) -> int:
        return HTTP_STATUS.get(self.code, 400)

    def to_contract(self) -> dict:
        return {"code": self.code, "message": self.message, **self.extra}
