"""The publishing port: how HTTP views and operations tell live clients that something changed.

Views never import the transport (`conference.live`) or the Socket.IO server. They ask
`publisher()` for the application's publisher and say what changed:

- `publish_state(conference, session, state=None)`: the session's room gets its newest STATE
  (read from the database when `state` is not given);
- `publish_event(conference, session, event, payload)`: one event to the session's room.

The transport provides the implementation (`conference.live.broadcaster.Publisher`), made by the
application factory and kept in `app.extensions["minbar.publisher"]`.
"""
from __future__ import annotations

import re
from typing import Protocol

from flask import current_app

# What a conference slug or a session id looks like (the names of the transport's rooms).
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


class Publisher(Protocol):
    def publish_state(self, conference: str, session: str, state: dict | None = None) -> None: ...

    def publish_event(self, conference: str, session: str, event: str, payload: dict) -> None: ...


def publisher() -> Publisher:
    """The current application's publisher."""
    return current_app.extensions["minbar.publisher"]
