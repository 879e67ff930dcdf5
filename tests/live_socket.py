"""A python-socketio client on /live for the tests against real server processes (`minbar run`,
gunicorn behind nginx), and the check that none of them outlives its test."""
from __future__ import annotations

import functools
import queue
import sys
import time

NS = "/live"
SESSION = "plenary-1"


class LiveClient:
    """Queues every `state` it receives, every disconnection (its monotonic time) and every
    connect_error. `route` sets the nginx route cookie (which process it sticks to), `transport`
    is "websocket" or "polling"; `timeout` bounds connecting and each acknowledgement."""

    def __init__(self, url: str, token: str | None = None, transport: str = "websocket",
                 route: str | None = None, reconnection: bool = False, connect: bool = True,
                 timeout: float = 10):
        import requests
        import socketio

        self.url, self.token, self.transport, self.timeout = url, token, transport, timeout
        # The cookie goes in the client's HTTP session: sent with every long-polling request and
        # with the WebSocket handshake, as a browser does.
        http = requests.Session()
        if route:
            http.cookies.set("minbar_route", route)
        self.states: queue.Queue = queue.Queue()
        self.disconnects: queue.Queue = queue.Queue()
        self.refusals: queue.Queue = queue.Queue()
        self.sio = socketio.Client(reconnection=reconnection, reconnection_delay=0.2, http_session=http,
                                   reconnection_delay_max=0.5, randomization_factor=0.1, handle_sigint=False)
        self.sio.on("state", self.states.put, namespace=NS)
        self.sio.on("connect_error", self.refusals.put, namespace=NS)
        self.sio.on("disconnect", lambda *reason: self.disconnects.put(time.monotonic()), namespace=NS)
        if connect:
            self.connect()

    def connect(self) -> None:
        self.sio.connect(self.url, namespaces=[NS], transports=[self.transport],
                         auth={"token": self.token} if self.token else None, wait_timeout=self.timeout)

    @classmethod
    def refused(cls, url: str, token: str, **options) -> dict:
        """Connect with a token that must be refused; returns the connect_error data."""
        client = cls(url, token, connect=False, **options)
        client.sio.connect(url, namespaces=[NS], transports=[client.transport], auth={"token": token},
                           wait=False)
        try:
            return client.refusals.get(timeout=client.timeout)
        finally:
            assert not client.connected
            client.close()

    def call(self, event: str, payload=None, timeout: float | None = None) -> dict:
        return self.sio.call(event, payload if payload is not None else {}, namespace=NS,
                             timeout=timeout or self.timeout)

    def join(self, session: str = SESSION) -> dict:
        answer = self.call("join", {"session": session})
        assert answer["ok"], answer
        return answer["state"]

    def next_state(self, timeout: float = 5.0, where=lambda state: True) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            state = self.states.get(timeout=max(0.01, deadline - time.monotonic()))
            if where(state):
                return state

    def drain(self) -> list[dict]:
        got = []
        while not self.states.empty():
            got.append(self.states.get_nowait())
        return got

    @property
    def connected(self) -> bool:
        return self.sio.connected and NS in self.sio.namespaces

    def wait_connected(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not self.connected:
            if time.monotonic() > deadline:
                raise AssertionError(f"not reconnected within {timeout} s")
            time.sleep(0.05)

    def close(self) -> None:
        """Hang up for good: a reconnection loop left behind would go on retrying, and drawing on
        `random`, during later tests (Hypothesis fails a test in which something else does)."""
        # Reconnection off first, so that a connection dropping while this runs starts no loop;
        # one already running stops at its next attempt even if it misses the abort.
        self.sio.reconnection = False
        self.sio.reconnection_attempts = 1
        # websocket-client waits up to 3 s for the server's closing frame, which Werkzeug's
        # websocket often never sends; a test need not wait that long to hang up.
        ws = getattr(self.sio.eio, "ws", None)
        if ws is not None:
            ws.close = functools.partial(type(ws).close, ws, timeout=0.2)
        try:
            self.sio.shutdown()        # disconnects, or stops a reconnection loop
            if self.sio.connected:     # the loop's last attempt got through meanwhile
                self.sio.disconnect()
        except Exception:  # already gone with its server
            pass


def clients_left_reconnecting() -> list:
    """python-socketio clients that are retrying a connection, or would on losing theirs."""
    base = sys.modules.get("socketio.base_client")
    engines = sys.modules.get("engineio.base_client")
    if base is None or engines is None:
        return []
    left = list(base.reconnecting_clients)
    for engine in list(engines.connected_clients):
        owner = getattr(engine.handlers.get("disconnect"), "__self__", None)   # its socketio.Client
        if getattr(owner, "reconnection", False) and owner not in left:
            left.append(owner)
    return left


def settled(state: dict) -> dict:
    """STATE without the instant it was read at: what must not change after a refusal."""
    return {key: value for key, value in state.items() if key != "server_time"}


def now_ms() -> int:
    return time.time_ns() // 1_000_000
