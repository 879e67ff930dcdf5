"""Listeners: who listens to which interpretation channel, outside the versioned state.

One `ListenerHub` per application (`app.extensions["minbar.listeners"]`).
"""
from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone

from conference.live import NAMESPACE, room
from conference.live.task import BackgroundTask
from sessions.live import listener_store
from sessions.live import listeners
from timing.clock import to_ms

LISTENERS_PUBLISH_S = 2.0     # counts go out to the room at most this often
WATCH_S = 30.0                # a session asked about this recently has its totals kept fresh
NAMES_TTL_S = 30.0            # how long a session's channel names are cached


class ListenerHub:
    """This process's listeners (`sessions.live.listeners.Board`), shared with the other processes
    through `sessions.live.listener_store`, published as `listeners` events to each session's room at
    most every LISTENERS_PUBLISH_S, and filled into every STATE this process sends.

    A `select` costs a dictionary update: no database, no lock on the session's row, no version.
    A background task (running while there is something to do) writes this process's counts,
    reads the other processes' and publishes totals that changed."""

    def __init__(self, socketio):
        self._socketio = socketio
        self.board = listeners.Board()
        self.process = uuid.uuid4().hex
        self._others: dict = {}           # session -> other processes' counts
        self._published: dict = {}        # session -> totals last published
        self._watched: dict = {}          # session -> monotonic instant last asked about
        self._names: dict = {}            # session -> (channel names, cached until)
        self._states: dict = {}           # session -> newest STATE this process saw
        self._task = BackgroundTask(socketio, self._run)
        self._heartbeat = 0.0

    # -- what handlers call ------------------------------------------------------------------

    def names(self, session, load) -> tuple[str, ...]:
        cached = self._names.get(session)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        names = load()
        self._names[session] = (names, time.monotonic() + NAMES_TTL_S)
        return names

    def select(self, app, sid: str, session, listener: str, channel: str) -> None:
        if self.board.select(sid, session, listener, channel):
            self.ensure_running(app)

    def drop(self, sid: str) -> None:
        self.board.drop(sid)

    def totals(self, session, names=()) -> dict[str, int]:
        self._watched[session] = time.monotonic()
        return listeners.add_counts({name: 0 for name in names}, self.board.counts(session),
                                    self._others.get(session, {}))

    def remember(self, session, state: dict) -> None:
        known = self._states.get(session)
        if known is None or known.get("version", -1) <= state.get("version", -1):
            self._states[session] = state

    def state(self, session) -> dict | None:
        return self._states.get(session)

    def fill(self, slug: str, key: str, state: dict) -> dict:
        """`state` with `channels.listeners` filled in from the listener counts (not versioned)."""
        self.remember((slug, key), state)
        channels = state.get("channels")
        if not isinstance(channels, dict):
            return state
        names = ["floor"] + [b.get("language") for b in channels.get("booths", ())]
        return {**state, "channels": {**channels, "listeners": self.totals((slug, key), names)}}

    # -- the background task -------------------------------------------------------------------

    def ensure_running(self, app) -> None:
        self._task.ensure_running(app)

    def _run(self, app) -> None:
        while True:
            self._socketio.sleep(LISTENERS_PUBLISH_S)
            if not self.cycle(app):
                return

    def cycle(self, app) -> bool:
        """Write, read, publish; False when there is nothing left to watch."""
        now_mono = time.monotonic()
        dirty = self.board.take_dirty()
        mine = self.board.sessions()
        watched = {s for s, at in list(self._watched.items()) if now_mono - at < WATCH_S}
        for session in [s for s in self._watched if s not in watched]:
            self._watched.pop(session, None)
        sessions = mine | dirty | watched
        if not sessions:
            return False
        heartbeat = now_mono - self._heartbeat >= listener_store.HEARTBEAT_S
        writes = (dirty | mine) if heartbeat else dirty
        wall = datetime.now(timezone.utc)
        try:
            with app.app_context(), app.extensions["minbar.db"].session_scope() as db:
                for session in writes:
                    listener_store.save(db, self.process, session, self.board.counts(session), wall)
                others = listener_store.others(db, self.process, sessions, wall)
                if heartbeat:
                    listener_store.forget_stale(db, wall)
        except Exception as error:   # the database may be briefly away: try again next cycle
            app.logger.warning("listener counts not shared: %s", str(error)[:200])
            self.board.mark_dirty(writes)
            return True
        if heartbeat:
            self._heartbeat = now_mono
        self._others = others
        for session in sessions:
            names = self._names.get(session, ((),))[0]
            total = listeners.add_counts({name: 0 for name in names}, self.board.counts(session),
                                         others.get(session, {}))
            if self._published.get(session) != total:
                self._published[session] = total
                self._socketio.emit("listeners", {"conference": session[0], "session": session[1],
                                            "listeners": total, "server_time": to_ms(datetime.now(timezone.utc))},
                              to=room(*session), namespace=NAMESPACE)
        return True
