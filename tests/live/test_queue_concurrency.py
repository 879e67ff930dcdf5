"""200 participants ask for the floor at the same instant: real python-socketio clients (one
thread each, websocket transport) against a real `minbar run` process. Every one must be in the
list exactly once, none lost, none doubled. With DATABASE_URL set this runs on PostgreSQL (the
row lock is SELECT ... FOR UPDATE there, BEGIN IMMEDIATE on SQLite).
"""
from __future__ import annotations

import functools
import threading
import time
from datetime import datetime, timezone

import pytest
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
    """A python-socketio client; when `in_room`, it joins the session and keeps the newest STATE.
    Made unconnected (`connect` connects), so whoever made it can always hang it up."""

    def __init__(self, url: str, token: str | None, in_room: bool):
        self.url, self.token, self.in_room = url, token, in_room
        self.newest: dict | None = None
        self.changed = threading.Condition()
        self.sio = socketio.Client(reconnection=False, handle_sigint=False)
        self.sio.on("state", self.accept, namespace=NS)

    def connect(self, timeout: float = 20) -> "Participant":
        self.sio.connect(self.url, namespaces=[NS], transports=["websocket"],
                         auth={"token": self.token} if self.token else None, wait_timeout=timeout)
        if self.in_room:
            self.accept(self.call("join", {"session": SESSION}, timeout)["state"])
        return self

    def call(self, event: str, payload: dict, timeout: float = 90) -> dict:
        return self.sio.call(event, payload, namespace=NS, timeout=max(1.0, timeout))

    def accept(self, state: dict) -> None:
        with self.changed:
            if self.newest is None or state["version"] > self.newest["version"]:
                self.newest = state
            self.changed.notify_all()

    def wait_for_version(self, version: int, timeout: float = 60) -> dict | None:
        with self.changed:
            self.changed.wait_for(lambda: self.newest is not None and self.newest["version"] >= version,
                                  max(0.0, timeout))
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


# The whole test, connections included, must finish within this; past it, it fails (it does not
# hang), and every socket is closed in any case.
BUDGET_S = 150


@pytest.fixture
def participants():
    """make(url, token, in_room) -> an unconnected Participant; all hung up at the end, even
    those still connecting when the test failed (they hang themselves up once connected)."""
    made: list[Participant] = []
    closing = threading.Event()

    def make(url: str, token: str | None, in_room: bool) -> Participant:
        participant = Participant(url, token, in_room)
        participant.closing = closing
        made.append(participant)
        return participant

    yield make
    closing.set()
    hang_ups = [threading.Thread(target=p.hang_up, daemon=True) for p in made]
    for thread in hang_ups:
        thread.start()
    for thread in hang_ups:
        thread.join(10)


def test_two_hundred_simultaneous_requests_are_all_queued_exactly_once(server, server_env, participants):
    deadline = time.monotonic() + BUDGET_S

    def left() -> float:
        return deadline - time.monotonic()

    tokens = issue_tokens(server_env, PARTICIPANTS)
    clients = [participants(server.url, tokens[n], in_room=n < IN_ROOM) for n in range(PARTICIPANTS)]
    acks: list[dict | None] = [None] * PARTICIPANTS
    failures: list[tuple] = []
    connected = threading.Semaphore(0)
    go = threading.Event()

    def participant(n: int) -> None:
        client = clients[n]
        try:
            client.connect(timeout=min(30, left()))
        except BaseException as error:  # reported below
            failures.append(("connect", n, repr(error)))
            return
        finally:
            connected.release()
        if client.closing.is_set():     # the test gave up meanwhile: do not leave a socket open
            client.hang_up()
            return
        if not go.wait(left()):
            return
        try:
            acks[n] = client.call("queue", {"session": SESSION, "action": "request"}, timeout=left())
        except BaseException as error:
            failures.append(("request", n, repr(error)))

    watcher = participants(server.url, None, in_room=True).connect()
    threads = [threading.Thread(target=participant, args=(n,), daemon=True) for n in range(PARTICIPANTS)]
    for thread in threads:
        thread.start()
    for _ in range(PARTICIPANTS):       # everyone connected (the first IN_ROOM in the room) ...
        assert connected.acquire(timeout=max(0.0, left())), "connections did not finish within the budget"
    assert failures == []
    go.set()                            # ... and now all at once
    for thread in threads:
        thread.join(max(0.0, left()))
    assert not any(thread.is_alive() for thread in threads), "requests did not finish within the budget"
    assert failures == []
    seen = [watcher.wait_for_version(PARTICIPANTS, left())] + [
        c.wait_for_version(PARTICIPANTS, left()) for c in clients[:IN_ROOM]]
    state = watcher.call("join", {"session": SESSION}, timeout=left())["state"]

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
