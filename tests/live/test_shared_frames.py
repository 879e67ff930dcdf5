"""One frame per broadcast, on a real gevent server (gunicorn -k gevent, as deployed): every kind of
recipient gets every message whole and in order.

- a plain WebSocket client (the shared frame written at once);
- a client that offers permessage-deflate, as browsers do: declined by default (it gets the shared
  frame), or, where the server accepts it, its own compressed frames;
- a client that stops reading while large messages pile up, so the socket takes only part of a
  frame and the rest goes through the connection's writer before anything else;
- a long-polling client (Engine.IO's own packets).
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import socketio
from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, Request, TextMessage

ROOT = Path(__file__).resolve().parents[2]
ROOM = "gcm-arab-2021/plenary-1"

APP = '''
from gevent import monkey
monkey.patch_all()
import os
import socketio
from conference import shared_frames
from conference.rooms import IndexedManager

sio = socketio.Server(async_mode="gevent", client_manager=IndexedManager())
shared_frames.install(sio, deflate=os.environ.get("FRAMES_DEFLATE") == "1")

# How often a socket took only part of a frame (the test makes sure it happens).
partial_writes = []
_queue_rest = shared_frames._Rest.__init__
def _counted(self, rest):
    partial_writes.append(len(rest))
    _queue_rest(self, rest)
shared_frames._Rest.__init__ = _counted


@sio.on("partial_writes")
def count_partial_writes(sid):
    return len(partial_writes)


@sio.on("plain")
def plain(sid):
    """Whether this connection takes shared frames as they are (no extension negotiated)."""
    return sio.eio.sockets[sio.manager.eio_sid_from_sid(sid, "/")].framed_ws.plain


@sio.on("join")
def join(sid, room):
    sio.enter_room(sid, room)
    return "joined"


@sio.on("burst")
def burst(sid, order):
    # Sent from a background task, as Minbar's broadcasts after a command are: the chair's
    # acknowledgement comes first.
    def send():
        for index in range(order["count"]):
            sio.emit("big", {"index": index, "text": order["text"] * order["repeat"]}, to=order["room"])
    sio.start_background_task(send)
    return "sending"


app = socketio.WSGIApp(sio)
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def deflate() -> bool:
    return False


@pytest.fixture
def server(tmp_path, deflate):
    (tmp_path / "frames_app.py").write_text(APP)
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "wb")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}", "FRAMES_DEFLATE": "1" if deflate else "0"}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "-b", f"127.0.0.1:{port}",
                                "--worker-connections", "100", "frames_app:app"],
                               cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
    log.close()
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()


def client(url: str, transport: str = "websocket") -> tuple[socketio.Client, list]:
    received: list = []
    sio = socketio.Client(reconnection=False, handle_sigint=False)
    sio.on("big", received.append)
    sio.connect(url, transports=[transport], wait_timeout=10)
    assert sio.call("join", ROOM, timeout=10) == "joined"
    return sio, received


class SlowReader:
    """A raw WebSocket (wsproto) Socket.IO client that joins the room, then reads nothing until told."""

    def __init__(self, url: str):
        host, port = url.removeprefix("http://").split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=10)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)   # fills sooner
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.sock.sendall(self.ws.send(Request(host=url.removeprefix("http://"),
                                                target="/socket.io/?EIO=4&transport=websocket")))
        self.pending: list[str] = []
        assert isinstance(self._event(), AcceptConnection)
        assert self.text().startswith("0{")            # Engine.IO open
        self.send("40")                                 # Socket.IO connect to /
        assert self.text().startswith("40")
        self.send('420["join","%s"]' % ROOM)
        assert self.text() == '430["joined"]'

    def send(self, text: str) -> None:
        self.sock.sendall(self.ws.send(TextMessage(data=text)))

    def _event(self):
        while True:
            for event in self.ws.events():
                return event
            data = self.sock.recv(65536)
            assert data, "the server closed the connection"
            self.ws.receive_data(data)

    def text(self) -> str:
        parts = []
        while True:
            event = self._event()
            if isinstance(event, TextMessage):
                parts.append(event.data)
                if event.message_finished:
                    text = "".join(parts)
                    if text == "2":                     # Engine.IO ping: answer, keep reading
                        self.send("3")
                        parts = []
                        continue
                    return text

    def close(self) -> None:
        self.sock.close()


def wait_for(received: list, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while len(received) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_every_recipient_gets_every_broadcast_whole_and_in_order(server):
    plain, plain_got = client(server)
    polling, polling_got = client(server, transport="polling")
    assert plain.call("plain") is True
    text, repeat, count = "منبر-é ", 2000, 12        # ~22 KB a message, multi-byte text

    assert plain.call("burst", {"room": ROOM, "count": count, "text": text, "repeat": repeat}) == "sending"
    wait_for(plain_got, count)
    wait_for(polling_got, count)

    for got in (plain_got, polling_got):
        assert [m["index"] for m in got] == list(range(count))
        assert all(m["text"] == text * repeat for m in got)
    plain.disconnect()
    polling.disconnect()


async def offering_deflate(server: str) -> tuple[bool, list]:
    """An aiohttp client offering permessage-deflate: whether the server took shared frames for
    it (declined the offer), and the messages of one burst."""
    got: list = []
    sio = socketio.AsyncClient(reconnection=False, handle_sigint=False, websocket_extra_options={"compress": 15})
    sio.on("big", got.append)
    await sio.connect(server, transports=["websocket"], wait_timeout=10)
    assert await sio.call("join", ROOM, timeout=10) == "joined"
    plain = await sio.call("plain")
    assert await sio.call("burst", {"room": ROOM, "count": 5, "text": "abc ", "repeat": 5000}) == "sending"
    deadline = time.monotonic() + 20
    while len(got) < 5 and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await sio.disconnect()
    return plain, got


def in_own_loop(coroutine_function, *args):
    """Runs an asyncio client in a thread of its own: the browser tests' Playwright keeps an event
    loop running in the test thread, where asyncio.run() is refused."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_function(*args))).result(timeout=60)


def test_a_browsers_offer_of_permessage_deflate_is_declined_so_it_gets_the_shared_frame(server):
    plain, got = in_own_loop(offering_deflate, server)

    assert plain is True
    assert [m["index"] for m in got] == list(range(5))
    assert all(m["text"] == "abc " * 5000 for m in got)


@pytest.mark.parametrize("deflate", [True])
def test_where_deflate_is_accepted_the_client_gets_its_own_frames(server):
    plain, got = in_own_loop(offering_deflate, server)

    assert plain is False
    assert [m["index"] for m in got] == list(range(5))
    assert all(m["text"] == "abc " * 5000 for m in got)


def test_a_reader_that_falls_behind_still_gets_whole_messages_in_order(server):
    slow = SlowReader(server)
    chair, chair_got = client(server)
    text, repeat, count = "x", 400_000, 30             # 12 MB in all: far beyond the socket buffers

    assert chair.call("burst", {"room": ROOM, "count": count, "text": text, "repeat": repeat}) == "sending"
    wait_for(chair_got, count)
    time.sleep(0.5)                                    # the slow reader's share is stuck in the server

    indexes = []
    for _ in range(count):
        message = slow.text()
        assert message.startswith('42["big",'), message[:40]
        body = json.loads(message[2:])[1]
        assert body["text"] == text * repeat
        indexes.append(body["index"])
    assert indexes == list(range(count))
    assert [m["index"] for m in chair_got] == list(range(count))
    assert chair.call("partial_writes") > 0
    slow.close()
    chair.disconnect()
