"""IndexedRooms answers exactly as python-socketio's own manager does, without walking every room
of the namespace when a connection leaves."""
from __future__ import annotations

import socketio as python_socketio
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.rooms import IndexedManager

NS = "/live"


class FakeServer:
    """What a manager asks of its server: fresh ids, the packet class."""

    packet_class = python_socketio.packet.Packet

    def __init__(self):
        self.count = 0
        self.eio = self

    def generate_id(self):
        self.count += 1
        return f"s{self.count}"


def managers():
    made = []
    for cls in (python_socketio.Manager, IndexedManager):
        manager = cls()
        manager.set_server(FakeServer())
        manager.initialize()
        made.append(manager)
    return made


def snapshot(manager, sids):
    rooms = {room: dict(members) for room, members in manager.rooms.get(NS, {}).items()}
    return rooms, {sid: sorted(manager.get_rooms(sid, NS), key=str) for sid in sids}


operation = st.tuples(st.sampled_from(["connect", "enter", "leave", "disconnect", "close"]),
                      st.integers(0, 5), st.sampled_from(["a/1", "a/2", "b/1"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(operation, max_size=40))
def test_every_sequence_of_joins_leaves_and_disconnects_gives_the_same_rooms(operations):
    plain, indexed = managers()
    sids: list[list[str]] = [[], []]
    for name, which, room in operations:
        for manager, known in ((plain, sids[0]), (indexed, sids[1])):
            sid = known[which % len(known)] if known else None
            if name == "connect":
                known.append(manager.connect(f"e{len(known)}", NS))
            elif sid is None:
                continue
            elif name == "enter" and manager.is_connected(sid, NS):
                manager.enter_room(sid, NS, room)
            elif name == "leave":
                manager.leave_room(sid, NS, room)
            elif name == "disconnect":
                manager.disconnect(sid, NS)
            elif name == "close":
                manager.close_room(room, NS)
        assert sids[0] == sids[1]
        assert snapshot(plain, sids[0]) == snapshot(indexed, sids[1])


class NoWalk(dict):
    """A namespace's rooms that refuse to be copied or walked whole."""

    def copy(self):
        raise AssertionError("the disconnect walked every room of the namespace")

    def items(self):
        raise AssertionError("the disconnect walked every room of the namespace")


def test_a_disconnect_touches_only_the_connections_own_rooms():
    _, manager = managers()
    sids = [manager.connect(f"e{i}", NS) for i in range(1000)]
    for sid in sids:
        manager.enter_room(sid, NS, "gcm-arab-2021/plenary-1")
    manager.rooms[NS] = NoWalk(manager.rooms[NS])

    for sid in sids[:500]:
        manager.disconnect(sid, NS)

    assert len(manager.rooms[NS]["gcm-arab-2021/plenary-1"]) == 500
    assert not any(sid in manager.rooms[NS] for sid in sids[:500])
    assert manager.get_rooms(sids[500], NS) and set(manager.get_rooms(sids[500], NS)) == {
        sids[500], "gcm-arab-2021/plenary-1"}


def test_the_plain_manager_walks_them_which_is_what_the_index_avoids():
    plain, _ = managers()
    sid = plain.connect("e0", NS)
    plain.rooms[NS] = NoWalk(plain.rooms[NS])
    try:
        plain.disconnect(sid, NS)
    except AssertionError:
        return
    raise AssertionError("python-socketio's manager no longer walks the rooms: conference.rooms may go")
