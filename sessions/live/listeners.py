"""Who listens to which interpretation channel: one server process's board.

Plain Python (layer 1). Listener counts are not part of a session's versioned live state: a
choice of channel changes no version, writes no event log and takes no lock on the session's
row. Each process keeps its own connections' choices here, in memory:

- one entry per connection for anonymous viewers (the Socket.IO connection id; whatever id a
  client declares, one connection counts once), one per link for token holders (two tabs with
  the same link count once);
- a connection listens to one channel of one session at a time: choosing again moves it, and its
  disconnection removes it, so the board is bounded by the number of open connections.

`sessions.live.listener_store` shares each process's counts with the others (one row per process and
session); `conference.live` publishes the totals to the session's room at most every
PUBLISH_S seconds.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable

FLOOR = "floor"
SessionKey = tuple[str, str]          # (conference slug, session key)


class Board:
    """Thread-safe; every method is O(1) but `counts`, which is O(listeners of the session)."""

    def __init__(self):
        self._lock = threading.Lock()
        # session -> listener key -> (channel, the connections holding it)
        self._sessions: dict[SessionKey, dict[str, tuple[str, set[str]]]] = {}
        self._connections: dict[str, tuple[SessionKey, str]] = {}    # connection -> (session, listener)
        self._dirty: set[SessionKey] = set()

    def select(self, connection: str, session: SessionKey, listener: str, channel: str) -> bool:
        """`connection` (as `listener`) now listens to `channel` of `session`; True if anything changed."""
        with self._lock:
            previous = self._connections.get(connection)
            entries = self._sessions.get(session, {})
            if previous == (session, listener) and entries.get(listener, ("", ()))[0] == channel:
                return False
            if previous is not None:
                self._remove(connection, *previous)
            entries = self._sessions.setdefault(session, {})
            _channel, holders = entries.get(listener, (channel, set()))
            holders.add(connection)
            entries[listener] = (channel, holders)
            self._connections[connection] = (session, listener)
            self._dirty.add(session)
            return True

    def drop(self, connection: str) -> SessionKey | None:
        """The connection is gone; the session it listened to (now changed), if any."""
        with self._lock:
            held = self._connections.pop(connection, None)
            if held is None:
                return None
            self._remove(connection, *held)
            return held[0]

    def _remove(self, connection: str, session: SessionKey, listener: str) -> None:
        self._connections.pop(connection, None)
        entries = self._sessions.get(session, {})
        channel, holders = entries.get(listener, ("", set()))
        holders.discard(connection)
        if not holders:
            entries.pop(listener, None)
        if not entries:
            self._sessions.pop(session, None)
        self._dirty.add(session)

    def counts(self, session: SessionKey, channels: Iterable[str] | None = None) -> dict[str, int]:
        """Listeners per channel of `session` on this board (every name in `channels` present)."""
        with self._lock:
            found = {name: 0 for name in channels or ()}
            for channel, _holders in self._sessions.get(session, {}).values():
                found[channel] = found.get(channel, 0) + 1
            return found

    def sessions(self) -> set[SessionKey]:
        with self._lock:
            return set(self._sessions)

    def mark_dirty(self, sessions: Iterable[SessionKey]) -> None:
        with self._lock:
            self._dirty.update(sessions)

    def take_dirty(self) -> set[SessionKey]:
        """The sessions whose counts changed since the last call."""
        with self._lock:
            dirty, self._dirty = self._dirty, set()
            return dirty

    def __len__(self) -> int:
        with self._lock:
            return len(self._connections)


def add_counts(*parts: dict[str, int]) -> dict[str, int]:
    total: dict[str, int] = {}
    for part in parts:
        for channel, n in part.items():
            total[channel] = total.get(channel, 0) + int(n)
    return total
