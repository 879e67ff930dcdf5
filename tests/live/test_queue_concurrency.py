"""200 participants ask for the floor at the same instant: real python-socketio clients (one
thread each, websocket transport) against a real `minbar run` process. Every one must be in the
list exactly once, none lost, none doubled. With DATABASE_URL set this runs on PostgreSQL (the
row lock is SELECT ... FOR UPDATE there, BEGIN IMMEDIATE on SQLite).
"""
from __future__ import annotations

import functools
import threading
from datetime import datetime, timezone

import socketio

NS = "/live"
SESSION = "plenary-1"
PARTICIPANTS = 200
# Requesters that also watch the room. Every change broadcasts the whole STATE (about 0.2 kB per
# waiting entry) to everyone in the room, so a burst costs requesters x room x list size; with all
# 200 in the room this one test process would have to decode some 800 MB. Ten watch, plus a watcher.
IN_ROOM = 10


def issue_tokens(env: dict, count: int) -> list[str]:
    """`count` participant links, issued in one transaction on the server's database (the CLI
    would take a process per link)."""
    from conference import queries
    from conference.db import Database
    from speakers import access

    database = Database(env["DATABASE_URL"])
    try:
        with database.session_scope() as db:
            conf = queries.conference(db, "gcm-arab-2021")
            now = datetime.now(timezone.utc)
            return [access.issue(db, conference=conf, role="participant", now=now, secret=env["SECRET_KEY"],
                                 name=f"Participant {n:03d}", delegation=f"Delegation {n:03d}",
                                 group="member_state", language="ar")[0]
                    for n in range(count)]
    finally:
        database.engine.dispose()


class Participant:
    """A python-socketio client; when `in_room`, it joins the session and keeps the newest STATE."""

    def __init__(self, url: str, token: str | None, in_room: bool):
        self.newest: dict | None = None
        self.changed = threading.Condition()
        self.sio = socketio.Client(reconnection=False, handle_sigint=False)
        self.sio.on("state", self.accept, namespace=NS)
        self.sio.connect(url, namespaces=[NS], transports=["websocket"],
                         auth={"token": token} if token else None, wait_timeout=20)
        if in_room:
            self.accept(self.call("join", {"session": SESSION})["state"])

    def call(self, event: str, payload: dict, timeout: float = 90) -> dict:
        return self.sio.call(event, payload, namespace=NS, timeout=timeout)

    def accept(self, state: dict) -> None:
        with self.changed:
            if self.newest is None or state["version"] > self.newest["version"]:
                self.newest = state
            self.changed.notify_all()

    def wait_for_version(self, version: int, timeout: float = 60) -> dict | None:
        with self.changed:
            self.changed.wait_for(lambda: self.newest is not None and self.newest["version"] >= version, timeout)
            return self.newest

    def hang_up(self) -> None:
        # websocket-client waits up to 3 s for a closing frame Werkzeug may never send.
        ws = getattr(self.sio.eio, "ws", None)
        if ws is not None:
            ws.close = functools.partial(type(ws).close, ws, timeout=0.2)
        try:
            self.sio.disconnect()
        except Exception:
            pass


def test_two_hundred_simultaneous_requests_are_all_queued_exactly_once(server, server_env):
    tokens = issue_tokens(server_env, PARTICIPANTS)
    clients: list[Participant | None] = [None] * PARTICIPANTS
    acks: list[dict | None] = [None] * PARTICIPANTS
    failures: list[tuple] = []
    ready = threading.Barrier(PARTICIPANTS + 1, timeout=120)
    go = threading.Event()

    def participant(n: int) -> None:
        try:
            clients[n] = Participant(server.url, tokens[n], in_room=n < IN_ROOM)
        except BaseException as error:  # reported below; the barrier must still be reached
            failures.append(("connect", n, repr(error)))
        ready.wait()
        go.wait(60)
        if clients[n] is not None:
            try:
                acks[n] = clients[n].call("queue", {"session": SESSION, "action": "request"})
            except BaseException as error:
                failures.append(("request", n, repr(error)))

    watcher = Participant(server.url, None, in_room=True)
    threads = [threading.Thread(target=participant, args=(n,), daemon=True) for n in range(PARTICIPANTS)]
    try:
        for thread in threads:
            thread.start()
        ready.wait()            # everyone connected (the first IN_ROOM in the room)
        go.set()                # ... and now all at once
        for thread in threads:
            thread.join(120)
        assert failures == []
        seen = [watcher.wait_for_version(PARTICIPANTS)] + [c.wait_for_version(PARTICIPANTS) for c in clients[:IN_ROOM]]
        state = watcher.call("join", {"session": SESSION})["state"]
    finally:
        hang_ups = [threading.Thread(target=c.hang_up) for c in [watcher, *clients] if c is not None]
        for thread in hang_ups:
            thread.start()
        for thread in hang_ups:
            thread.join(10)

    assert [a["ok"] for a in acks] == [True] * PARTICIPANTS, [a for a in acks if not a or not a["ok"]][:3]
    names = [e["name"] for e in state["queue"]["entries"]]
    assert sorted(names) == [f"Participant {n:03d}" for n in range(PARTICIPANTS)]
    # Each ack named the requester's own entry; the ids are all different and all in the list.
    ids = [e["id"] for e in state["queue"]["entries"]]
    assert sorted(a["entry"] for a in acks) == sorted(ids)
    assert state["version"] == PARTICIPANTS
    # The list is in order of request: requested_at never goes backwards.
    stamps = [e["requested_at"] for e in state["queue"]["entries"]]
    assert stamps == sorted(stamps)
    # Everyone in the room ended on the last STATE by broadcast alone, their own entry in it.
    assert [s["version"] if s else None for s in seen] == [PARTICIPANTS] * (IN_ROOM + 1)
    assert all(s["queue"] == state["queue"] for s in seen)
    assert all(acks[n]["entry"] in ids for n in range(IN_ROOM))
