"""Disconnects open connections whose link was revoked (by any process: the CLI included).

The revocation is in the database (whoever wrote it); each server process checks the links of
its own open connections every second and disconnects those revoked. One `Revocations` per
application (`app.extensions["minbar.revocations"]`).
"""
from __future__ import annotations

import threading

from conference.live import NAMESPACE
from conference.live.task import BackgroundTask
from speakers import access


class Revocations:
    def __init__(self, socketio):
        self._socketio = socketio
        self._sids: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self._task = BackgroundTask(socketio, self._watch)

    def track(self, token_id: str, sid: str) -> None:
        with self._lock:
            self._sids.setdefault(token_id, set()).add(sid)

    def untrack(self, token_id: str, sid: str) -> None:
        with self._lock:
            self._sids.get(token_id, set()).discard(sid)

    def ensure_running(self, app) -> None:
        self._task.ensure_running(app)

    def _watch(self, app) -> None:
        while True:
            self._socketio.sleep(1)
            with self._lock:
                tracked = [token_id for token_id, sids in self._sids.items() if sids]
            if not tracked:
                continue
            try:
                with app.app_context(), app.extensions["minbar.db"].read_scope() as db:
                    revoked = access.revoked_among(db, tracked, app.extensions["minbar.clock"].now())
            except Exception:  # the database may be briefly away; try again next second
                app.logger.exception("revocation check failed")
                continue
            for token_id in revoked:
                with self._lock:
                    sids = list(self._sids.pop(token_id, ()))
                for sid in sids:
                    self._socketio.server.disconnect(sid, namespace=NAMESPACE)
