"""Socket.IO rooms that know, for each connection, which rooms it is in.

python-socketio keeps rooms as `{namespace: {room: {sid: eio_sid}}}` only. Asked which rooms a
connection is in (on every disconnect, and by `rooms()`), it copies and walks every room of the
namespace, and every connection has a room of its own: O(N) per disconnect, about a million
membership tests when a session of 1000 ends. `IndexedRooms` keeps the reverse index beside the
rooms, so a disconnect touches only the connection's own rooms. It is mixed into both client
managers Minbar uses: `IndexedManager` for one process, and the Redis one of several
(`conference.resync`).
"""
from __future__ import annotations

import socketio as python_socketio


class IndexedRooms:
    """A mixin for python-socketio's managers (before the manager class in the bases)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._rooms_of: dict[tuple, set] = {}    # (namespace, sid) -> the rooms it is in

    def basic_enter_room(self, sid, namespace, room, eio_sid=None):
        super().basic_enter_room(sid, namespace, room, eio_sid=eio_sid)
        self._rooms_of.setdefault((namespace, sid), set()).add(room)

    def basic_leave_room(self, sid, namespace, room):
        super().basic_leave_room(sid, namespace, room)
        rooms = self._rooms_of.get((namespace, sid))
        if rooms is not None:
            rooms.discard(room)
            if not rooms:
                del self._rooms_of[(namespace, sid)]

    def basic_disconnect(self, sid, namespace, **kwargs):
        # The library's, without the walk over every room of the namespace.
        if namespace not in self.rooms:
            return
        for room in list(self._rooms_of.get((namespace, sid), ())):
            self.basic_leave_room(sid, namespace, room)
        self.callbacks.pop(sid, None)
        for pending in (self.pending_connect, self.pending_disconnect):
            waiting = pending.get(namespace)
            if waiting and sid in waiting:
                waiting.remove(sid)
                if not waiting:
                    del pending[namespace]

    def get_rooms(self, sid, namespace):
        return [room for room in self._rooms_of.get((namespace, sid), ()) if room is not None]


class IndexedManager(IndexedRooms, python_socketio.Manager):
    """One process's rooms."""
