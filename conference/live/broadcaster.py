"""Publishing: the port's implementation (`Publisher`) and the coalescing `Broadcaster` behind it.

HTTP views and Socket.IO handlers publish alike, through `app.extensions["minbar.publisher"]`
(`conference.publishing` is the port they see).
"""
from __future__ import annotations

import threading

from conference import metrics
from conference.live import NAMESPACE, room


class Broadcaster:
    """Sends each room its newest STATE, coalescing bursts.

    One emit per change, encoded once for the whole room. While an emit to a room is under way
    (a large room takes a while), further changes to that room wait and only the newest is sent
    next: clients render from the latest STATE anyway, and 200 simultaneous requests do not turn
    into 200 full broadcasts to 200 people. A single change is sent at once, by the handler that
    made it.
    """

    def __init__(self, emit):
        self._emit = emit                  # emit(target, state)
        self._lock = threading.Lock()
        self._sending: set[str] = set()
        self._pending: dict[str, dict] = {}

    def publish(self, target: str, state: dict) -> None:
        with self._lock:
            if target in self._sending:
                queued = self._pending.get(target)
                if queued is None or queued["version"] < state["version"]:
                    self._pending[target] = state
                return
            self._sending.add(target)
        try:
            while state is not None:
                self._emit(target, state)
                metrics.emitted()
                with self._lock:
                    state = self._pending.pop(target, None)
                    if state is None:
                        self._sending.discard(target)
        except BaseException:
            with self._lock:
                self._sending.discard(target)
                self._pending.pop(target, None)
            raise


class Publisher:
    """Publishes a session's STATE (coalesced, listener counts filled in) and events to its room.

    `delivered()` says whether the last publication reached the other processes: "all" (or no
    message queue configured), or "local" while the message queue cannot be reached, when only
    this process's clients had it (docs/socketio.md, "delivered")."""

    def __init__(self, app, socketio, hub, features):
        self._app = app
        self._socketio = socketio
        self._hub = hub
        self._features = features
        self._broadcaster = Broadcaster(self._emit_state)

    def _emit_state(self, target: str, state: dict) -> None:
        self._socketio.emit("state", state, to=target, namespace=NAMESPACE)

    def for_clients(self, conference: str, session: str, state: dict) -> dict:
        """STATE as clients get it: with the listener counts of `channels.listeners`."""
        return self._hub.fill(conference, session, state)

    def publish_state(self, conference: str, session: str, state: dict | None = None) -> None:
        if state is None:
            from sessions.live import operations

            with self._app.app_context(), self._app.extensions["minbar.db"].read_scope() as db:
                state = operations.current(db, conference, session, self._app.extensions["minbar.clock"].now(),
                                           features=self._features)
        self._broadcaster.publish(room(conference, session), self.for_clients(conference, session, state))

    def publish_event(self, conference: str, session: str, event: str, payload: dict) -> None:
        self._socketio.emit(event, payload, to=room(conference, session), namespace=NAMESPACE)

    def delivered(self) -> str:
        manager = getattr(self._socketio.server, "manager", None)
        reachable = getattr(manager, "queue_reachable", None)
        return "local" if reachable is not None and not reachable() else "all"
