"""Balance after failover, measured through nginx with two gunicorn processes and Redis: kill -9 of
one process moves its participants to the other; once it is back, the survivor asks a portion of
its idle participants to reconnect (`rebalance`) and within 60 s each process carries 40-60 % of
the connections, with every participant on the final STATE version.

The participants here do what the client kit does (static/js/rebalance.js, live.js): on
`rebalance` they reconnect after the given delay, and they join their session on every connect."""
from __future__ import annotations

import json
import os
import threading
import time

from live_socket import NS
from stack import stack  # noqa: F401

SESSION = "plenary-1"
PARTICIPANTS = int(os.environ.get("MINBAR_REBALANCE_N", "120"))   # what 2 shared cores allow


class Participant:
    """A participant whose route key (nginx's `minbar_route` cookie) stays with it across
    reconnections, as a browser's does (python-engineio's client forgets its HTTP session's cookies
    when it disconnects, so the key goes in the connection's headers)."""

    def __init__(self, stack, route: str):
        client = stack.client(route=route, reconnection=True, connect=False)
        self.url, self.route = stack.nginx.url, route
        self.client, self.latest, self.moves, self.asked, self.failed = client, -1, 0, 0, []
        self.lock = threading.Lock()
        client.sio.on("state", self._seen, namespace=NS)
        client.sio.on("connect", lambda: threading.Thread(target=self._join, daemon=True).start(), namespace=NS)
        client.sio.on("rebalance", self._asked, namespace=NS)
        self.connect()

    def connect(self):
        self.client.sio.connect(self.url, namespaces=[NS], transports=["websocket"], wait_timeout=10,
                                headers={"Cookie": f"minbar_route={self.route}"})

    def _seen(self, state):
        with self.lock:
            self.latest = max(self.latest, state["version"])

    def _join(self):
        try:
            answer = self.client.call("join", {"session": SESSION})
        except Exception:   # disconnected again meanwhile: the next connect joins
            return
        if answer.get("ok"):
            self._seen(answer["state"])

    def _asked(self, message):
        self.asked += 1

        def move():
            time.sleep(message["after_ms"] / 1000)
            self.client.sio.disconnect()
            deadline = time.monotonic() + 5
            while self.client.sio.connected and time.monotonic() < deadline:
                time.sleep(0.05)
            try:
                self.connect()
                self.moves += 1
            except Exception as error:   # said in the assertion below
                self.failed.append(repr(error))
        threading.Thread(target=move, daemon=True).start()


def counts(stack) -> list[int]:
    import redis

    client = redis.Redis.from_url(stack.redis.url)
    now = time.time()
    entries = [json.loads(v) for v in client.hgetall(f"minbar:{stack.env['MINBAR_CHANNEL']}:connections").values()]
    return [e["n"] for e in entries if now - e["at"] < 12]


def test_after_a_process_comes_back_connections_spread_again_within_a_minute(stack, server_token):
    stack.tracebacks_allowed = True   # the killed process's clients are cut mid-request
    chair = stack.client(server_token("chair", session=SESSION), route="chair", reconnection=True)
    chair.join(SESSION)
    people = [Participant(stack, f"delegate-{i}") for i in range(PARTICIPANTS)]
    for person in people:
        person._join()
    started = chair.call("timer", {"session": SESSION, "action": "start"})   # a speech under way
    assert started["ok"], started

    stack.processes[0].kill()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(p.client.connected for p in people):
        time.sleep(0.2)
    assert all(p.client.connected for p in people), "participants not back on the survivor"
    time.sleep(6)   # the survivor writes its count; the killed one's goes stale
    assert max(counts(stack)) >= PARTICIPANTS * 0.9, counts(stack)

    stack.processes[0].start()
    back, spread = time.monotonic(), None
    while time.monotonic() - back < 60:
        found = counts(stack)
        total = sum(found)
        if len(found) == 2 and total >= PARTICIPANTS and all(0.4 * total <= n <= 0.6 * total for n in found):
            spread = time.monotonic() - back
            break
        time.sleep(1)
    logs = "".join(line for p in stack.processes for line in p.log.read_text(errors="replace").splitlines(True)
                   if "reconnect" in line)
    assert spread is not None, (f"not spread within 60 s: {counts(stack)}; asked {sum(p.asked for p in people)}, "
                                f"moved {sum(p.moves for p in people)}, failed {[f for p in people for f in p.failed][:3]}",
                                logs[-2000:], stack.nginx.served_by())

    # Nobody was dropped: every participant is connected and has the final STATE.
    chair.wait_connected()
    chair.join(SESSION)
    final = chair.call("timer", {"session": SESSION, "action": "pause"})
    assert final["ok"], final
    version = final["state"]["version"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(p.latest < version for p in people):
        time.sleep(0.2)
    behind = [i for i, p in enumerate(people) if p.latest < version or not p.client.connected]
    assert not behind, f"{len(behind)} participants without the final STATE"
    assert sum(p.moves for p in people) > 0
