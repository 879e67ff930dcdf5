"""Hostile clients against a real `minbar run` process: client-sent reserved events, malformed
packets written by hand on a raw WebSocket, foreign origins, lone surrogates.

Each test is an attack that worked before the server checked packets before dispatch
(`conference.live_guard`); the `servers` fixture fails any test whose server log holds a traceback.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest
import websocket

from live.test_real_server import NS, SESSION, Client, clients, env, healthy, servers  # noqa: F401

BASE = "/conferences/gcm-arab-2021/sessions"


class Raw:
    """A hand-written Engine.IO v4 / Socket.IO v5 client on a WebSocket: sends packets verbatim."""

    def __init__(self, url: str, token: str | None = None, origin: str | None = None):
        address = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        options = {"origin": origin} if origin else {"suppress_origin": True}
        self.ws = websocket.create_connection(address, timeout=5, **options)
        assert self.ws.recv().startswith("0{")
        self.ws.send(f"40{NS}," + (json.dumps({"token": token}) if token else ""))
        reply = self.recv()
        assert reply.startswith(f"40{NS},"), reply
        self.sid = json.loads(reply[len(f"40{NS},"):])["sid"]
        self.next_id = 1

    def recv(self, timeout: float = 5.0) -> str:
        self.ws.settimeout(timeout)
        while True:
            message = self.ws.recv()
            if message == "2":           # Engine.IO ping
                self.ws.send("3")
                continue
            return message

    def send(self, body: str) -> None:
        self.ws.send(body)

    def call(self, payload_json: str, kind: str = "2", timeout: float = 5.0) -> dict:
        """Sends `4<kind>/live,<id><payload_json>` and returns the acknowledgement's first value."""
        ident, self.next_id = self.next_id, self.next_id + 1
        self.ws.send(f"4{kind}{NS},{ident}{payload_json}")
        return self.ack(ident, timeout)

    def ack(self, ident: int, timeout: float = 5.0) -> dict:
        deadline = time.monotonic() + timeout
        prefix = f"43{NS},{ident}["
        while True:
            message = self.recv(max(0.05, deadline - time.monotonic()))
            if message.startswith(prefix):
                return json.loads(message[len(prefix) - 1:])[0]

    def close(self) -> None:
        try:
            self.ws.close(timeout=0.2)
        except Exception:
            pass


@pytest.fixture
def raw():
    made: list[Raw] = []

    def connect(server, **options) -> Raw:
        client = Raw(server.url, **options)
        made.append(client)
        return client

    yield connect
    for client in made:
        client.close()


def log_of(server) -> str:
    return server.log.read_text(errors="replace")


# -- reserved events (issue 10, item 2) --------------------------------------------------------

def test_a_client_sent_connect_does_not_refill_the_rate_limit(servers, clients, server_token):
    server = servers()
    flooder = clients(server, server_token("chair", session=SESSION))
    answers = [flooder.call("clock") for _ in range(40)]
    assert answers[-1]["error"]["code"] == "rate_limited"

    again = flooder.call("connect", {"token": "anything"})

    assert again["ok"] is False
    assert again["error"]["code"] in ("bad_request", "rate_limited")
    assert flooder.call("clock")["error"]["code"] == "rate_limited"
    timer = [flooder.call("timer", {"session": SESSION, "action": "adjust", "seconds": 1}) for _ in range(20)]
    assert sum(a["ok"] for a in timer) <= 3


def test_reserved_event_names_are_refused_and_reach_no_handler(servers, raw):
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    client = raw(server)
    for name in ("connect", "disconnect", "connect_error", "disconnecting", "newListener", "removeListener", "*"):
        answer = client.call(json.dumps([name, {"token": "x"}]))
        assert answer["ok"] is False and answer["error"]["code"] == "bad_request", (name, answer)
    # The connection is untouched: still in the namespace, still served.
    assert client.call(json.dumps(["clock", {}]))["ok"] is True


def test_a_star_event_cannot_act_in_another_connections_context(servers, clients, raw):
    server = servers()
    victim = clients(server)
    victim_sid = victim.sio.get_sid(NS)
    attacker = raw(server)

    answers = [attacker.call(json.dumps(["*", victim_sid, {}])) for _ in range(40)]

    assert {a["error"]["code"] for a in answers} <= {"bad_request", "rate_limited"}
    assert answers[0]["error"]["code"] == "bad_request"
    # The victim's rate limit was not drained by the attacker's events.
    assert all(victim.call("clock")["ok"] for _ in range(20))


# -- hostile packets (issue 10, item 5) --------------------------------------------------------

HOSTILE = {
    "integer of 120 digits": '["clock",{"n":' + "9" * 120 + "}]",
    "integer of 5,000 digits": '["clock",{"n":' + "1" * 5000 + "}]",
    "nesting 5,000 deep": '["clock",' + "[" * 5000 + "]" * 5000 + "]",
    "event name an object": '[{"a":1},{}]',
    "event name a list": '[["timer"],{"session":"plenary-1","action":"start"}]',
    "event name a number": "[7,{}]",
    "event name null": "[null]",
    "bare list": "[]",
    "not a list": '{"event":"clock"}',
    "malformed JSON": '["clock",{]',
    "truncated JSON": '["clock",{"a":',
    "NaN": '["clock",{"n":NaN}]',
    "lone surrogate": '["message",{"session":"plenary-1","action":"send","text":"hi \\ud800"}]',
    "surrogate in a key": '["clock",{"\\udfff":1}]',
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_packet_gets_a_bad_request_acknowledgement(servers, raw, name):
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    client = raw(server)

    answer = client.call(HOSTILE[name])

    assert answer["ok"] is False and answer["error"]["code"] == "bad_request", answer
    assert client.call('["clock",{}]')["ok"] is True
    assert "Traceback" not in log_of(server)


def test_binary_packets_are_refused_and_their_attachments_dropped(servers, raw):
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    client = raw(server)

    client.send(f'451-{NS},1["clock",{{"_placeholder":true,"num":0}}]')
    client.ws.send_binary(b"\x00\x01\x02")
    client.ws.send_binary(b"\xff" * 100)

    assert client.ack(1)["error"]["code"] == "bad_request"
    assert client.call('["clock",{}]')["ok"] is True


def test_two_thousand_hostile_packets_cost_a_few_log_lines_and_the_server_stays_healthy(servers, clients, raw, server_token):
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    attacker = raw(server)
    before = len(log_of(server))
    packets = list(HOSTILE.values()) + ["[", "]]", '["*","x"]']
    started = time.monotonic()

    for n in range(2000):
        attacker.send(f"42{NS},{n + 1}{packets[n % len(packets)]}")
    # Packets with no acknowledgement id, acknowledgements never asked for, unknown types.
    for body in (f"42{NS},[1]", f"43{NS},5[]", f"46{NS},1[]", f"47{NS},", "4x", f"44{NS},{{}}"):
        attacker.send(body)
    answers = [attacker.ack(n + 1, timeout=20) for n in range(2000)]

    assert all(a["ok"] is False and a["error"]["code"] == "bad_request" for a in answers)
    assert time.monotonic() - started < 30
    assert healthy(server)
    assert chair.call("timer", {"session": SESSION, "action": "start"})["ok"] is True
    grown = log_of(server)[before:]
    assert "Traceback" not in grown
    warnings = [line for line in grown.splitlines() if "refused a client packet" in line]
    assert 1 <= len(warnings) <= 3, grown[-2000:]
    assert all(len(line) < 400 for line in warnings)
    assert len(grown.encode()) < 4096, grown[-2000:]


def test_engine_io_garbage_closes_only_that_connection(servers, clients, raw):
    server = servers()
    viewer = clients(server)
    viewer.join()
    for body in ("", "x", "9", "4", "\u0000"):
        attacker = raw(server)
        try:
            attacker.send(body)
            attacker.recv(timeout=0.5)
        except Exception:
            pass
    # The same on long-polling, bodies that are not UTF-8 included.
    with urllib.request.urlopen(server.url + "/socket.io/?EIO=4&transport=polling", timeout=5) as response:
        sid = json.loads(response.read().decode()[1:])["sid"]
    for body in (b"\xff\xfe\xed\xa0\x80", b"x", b"", b"4" + b"[" * 5000, b"\x1e\x1e"):
        request = urllib.request.Request(f"{server.url}/socket.io/?EIO=4&transport=polling&sid={sid}",
                                         data=body, method="POST", headers={"Content-Type": "text/plain"})
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except urllib.error.HTTPError as error:
            assert error.code == 400
    assert healthy(server)
    assert viewer.call("clock")["ok"] is True
    assert "Traceback" not in log_of(server)


# -- lone surrogates everywhere text comes in (issue 10, item 6) -------------------------------

def test_a_chair_message_with_a_lone_surrogate_is_refused_and_pages_keep_working(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()

    answer = chair.call("message", {"session": SESSION, "action": "send", "text": "hi \ud800"})

    assert answer["ok"] is False and answer["error"]["code"] == "bad_request"
    assert chair.join()["message"] is None
    with urllib.request.urlopen(f"{server.url}{BASE}/{SESSION}/live", timeout=5) as response:
        assert response.status == 200


@pytest.mark.parametrize("body", ['{"text": "hi \\ud800"}', '{"text": "x", "\\ud800": 1}',
                                  '{"text": ' + "[" * 5000 + "]" * 5000 + "}"])
def test_http_json_bodies_with_lone_surrogates_or_deep_nesting_are_bad_request(servers, body):
    server = servers()
    request = urllib.request.Request(
        f"{server.url}/api/v1/conferences/gcm-arab-2021/sessions/{SESSION}/slots/x/speech-text",
        data=body.encode(), method="PUT", headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 400
    assert json.loads(refused.value.read())["error"]["code"] == "bad_request"


# -- origins (issue 10, item 8) ----------------------------------------------------------------

def polling_handshake(url: str, origin: str | None) -> int:
    request = urllib.request.Request(url + "/socket.io/?EIO=4&transport=polling",
                                     headers={"Origin": origin} if origin else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_socketio_refuses_a_foreign_origin_and_accepts_its_own_and_none(servers):
    server = servers()
    assert polling_handshake(server.url, "https://evil.example") == 400
    with pytest.raises(websocket.WebSocketException):
        Raw(server.url, origin="https://evil.example")
    assert polling_handshake(server.url, server.url) == 200
    assert polling_handshake(server.url, None) == 200          # python clients send no Origin
    Raw(server.url, origin=server.url).close()


def test_allowed_origins_are_configurable(servers):
    server = servers(MINBAR_ALLOWED_ORIGINS="https://stage.example.org, https://other.example")
    assert polling_handshake(server.url, "https://stage.example.org") == 200
    assert polling_handshake(server.url, "https://other.example") == 200
    assert polling_handshake(server.url, "https://evil.example") == 400
    assert polling_handshake(server.url, server.url) == 200
