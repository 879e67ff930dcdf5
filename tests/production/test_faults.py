"""Faults that heal by themselves, each with real processes: a Minbar process killed -9 mid-speech
behind nginx, Redis restarted, PostgreSQL restarted, a client's connection cut and restored."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from live_socket import LiveClient, now_ms
from stack import Minbar, cli, free_port, http_get, postgres, postgres_env, stack  # noqa: F401

SESSION = "plenary-1"


def spread(stack, count: int, **options) -> list[LiveClient]:
    """`count` participants with distinct route keys (so over both processes), half on each transport."""
    return [stack.client(transport="websocket" if i % 2 else "polling", route=f"delegate-{i}", **options)
            for i in range(count)]


def test_kill_9_of_one_process_mid_speech_clients_move_to_the_other_with_the_right_timer(stack, server_token):
    stack.tracebacks_allowed = True   # the killed process's clients are cut mid-request
    chair = stack.client(server_token("chair", session=SESSION), route="chair", reconnection=True)
    participants = spread(stack, 10, reconnection=True)
    chair.join(SESSION)
    for participant in participants:
        participant.join(SESSION)
    started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
    for participant in participants:
        participant.next_state(where=lambda s: s["version"] == started["version"])
    time.sleep(1.0)  # the speaker is speaking

    disconnected_before = {id(p): p.sio.eio.sid for p in participants}
    stack.processes[0].kill()

    moved = 0
    deadline = time.monotonic() + 20
    for participant in participants:
        while time.monotonic() < deadline:
            # A client of the killed process gets a new Engine.IO session once it is back.
            if participant.connected and participant.sio.eio.sid != disconnected_before[id(participant)]:
                moved += 1
                break
            if participant.connected and time.monotonic() > deadline - 17:  # untouched: on the survivor
                break
            time.sleep(0.05)
        participant.wait_connected()
        state = participant.join(SESSION)  # a client joins again on every connect, as live.js does
        expected = now_ms() - started["timer"]["started_at"]
        assert state["version"] == started["version"]
        assert state["timer"]["status"] == "running"
        assert state["timer"]["started_at"] == started["timer"]["started_at"]
        assert abs(state["timer"]["elapsed_ms"] - expected) < 1500, (state["timer"], expected)
    assert moved >= 1, "no participant was on the killed process"

    # The chair goes on through the survivor, and everyone hears it.
    chair.wait_connected()
    chair.join(SESSION)
    paused = chair.call("timer", {"session": SESSION, "action": "pause"})
    assert paused["ok"], paused
    for participant in participants:
        got = participant.next_state(where=lambda s: s["version"] == paused["state"]["version"])
        assert got["timer"]["status"] == "paused"


def test_redis_restarted_every_client_has_the_latest_state_within_2_s_without_a_new_change(stack, server_token):
    stack.tracebacks_allowed = True
    chair = stack.client(server_token("chair", session=SESSION), route="chair")
    participants = spread(stack, 8)
    chair.join(SESSION)
    for participant in participants:
        participant.join(SESSION)

    stack.redis.kill()
    status, _, body = http_get(stack.nginx.url + "/healthz")
    assert status == 503 and json.loads(body)["checks"]["message_queue"] == "unavailable"
    # Changes during the outage are made (the database is there) but cannot be broadcast.
    changed = chair.call("timer", {"session": SESSION, "action": "start"})
    assert changed["ok"], changed
    changed = chair.call("timer", {"session": SESSION, "action": "adjust", "seconds": 60})
    latest = changed["state"]
    time.sleep(1.0)

    stack.redis.start()
    back = time.monotonic()
    for participant in participants:
        remaining = 2.0 - (time.monotonic() - back)
        got = participant.next_state(timeout=max(0.01, remaining), where=lambda s: s["version"] == latest["version"])
        assert got["timer"]["limit_s"] == latest["timer"]["limit_s"]
        assert got["timer"]["started_at"] == latest["timer"]["started_at"]
    assert time.monotonic() - back <= 2.0
    assert http_get(stack.nginx.url + "/healthz")[0] == 200

    # And the queue works again for the next change.
    paused = chair.call("timer", {"session": SESSION, "action": "pause"})
    for participant in participants:
        participant.next_state(where=lambda s: s["version"] == paused["state"]["version"])


class Relay:
    """A TCP relay between a client and nginx whose connections can be cut and then let through again."""

    def __init__(self, target_port: int):
        self.target, self.port = target_port, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.blocked = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.listener.settimeout(0.2)
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            if self.blocked:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=2)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        self.blocked = True
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self.sockets.clear()

    def restore(self) -> None:
        self.blocked = False

    def close(self) -> None:
        self.running = False
        self.cut()
        self.listener.close()


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_cut_connection_comes_back_by_itself_with_what_changed_meanwhile(stack, server_token, transport):
    relay = Relay(stack.nginx.port)
    try:
        chair = stack.client(server_token("chair", session=SESSION))
        viewer = stack.client(url=relay.url, transport=transport, route="delegate-x", reconnection=True)
        chair.join(SESSION)
        viewer.join(SESSION)
        first_sid = viewer.sio.eio.sid

        relay.cut()
        deadline = time.monotonic() + 30
        while viewer.connected and time.monotonic() < deadline:  # polling notices at its next request
            time.sleep(0.05)
        assert not viewer.connected
        started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
        adjusted = chair.call("timer", {"session": SESSION, "action": "adjust", "seconds": 30})["state"]
        time.sleep(0.5)
        relay.restore()

        viewer.wait_connected(timeout=15)
        assert viewer.sio.eio.sid != first_sid
        state = viewer.join(SESSION)
        assert state["version"] == adjusted["version"]
        assert state["timer"]["started_at"] == started["timer"]["started_at"]
        assert state["timer"]["limit_s"] == adjusted["timer"]["limit_s"]
        paused = chair.call("timer", {"session": SESSION, "action": "pause"})["state"]
        assert viewer.next_state(where=lambda s: s["version"] == paused["version"])["timer"]["status"] == "paused"
    finally:
        relay.close()


# -- PostgreSQL restarted ------------------------------------------------------------------------

def test_postgres_restarted_commands_are_refused_cleanly_then_service_resumes(postgres, tmp_path):
    env = postgres_env(postgres, tmp_path)
    cli(env, "init")
    token = cli(env, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair", "--session", SESSION,
                "--token-only").strip().splitlines()[-1]
    server = Minbar(env).start()
    chair = viewer = None
    try:
        chair = LiveClient(server.url, token)
        viewer = LiveClient(server.url)
        chair.join(SESSION)
        viewer.join(SESSION)
        started = chair.call("timer", {"session": SESSION, "action": "start"})
        assert started["ok"] and started["state"]["version"] == 1

        postgres.stop("immediate")  # a crash: connections cut, no shutdown handshake
        refused = chair.call("timer", {"session": SESSION, "action": "pause"})
        assert refused["ok"] is False and refused["error"]["code"] == "unavailable", refused
        rejoined = viewer.call("join", {"session": SESSION})   # the last STATE the process holds, marked
        assert rejoined["ok"] and rejoined["current"] is False, rejoined
        assert rejoined["state"]["version"] == 1
        status, _, body = http_get(server.url + "/healthz")
        assert status == 503 and json.loads(body)["checks"]["database"] == "unavailable"
        assert chair.connected and viewer.connected  # live connections do not depend on the database

        postgres.start()
        deadline = time.monotonic() + 15
        while True:  # no restart of Minbar: the pool reconnects by itself
            answer = chair.call("timer", {"session": SESSION, "action": "pause"})
            if answer["ok"] or time.monotonic() > deadline:
                break
            assert answer["error"]["code"] == "unavailable", answer
            time.sleep(0.2)
        assert answer["ok"], answer
        # Nothing half-written: the refused pause left no trace, this one is the next version.
        assert answer["state"]["version"] == 2
        assert answer["state"]["timer"]["status"] == "paused"
        assert viewer.next_state(where=lambda s: s["version"] == 2)["timer"]["status"] == "paused"
        assert http_get(server.url + "/healthz")[0] == 200
    finally:
        for c in (chair, viewer):
            if c is not None:
                c.close()
        server.stop()
