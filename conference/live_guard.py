"""The Socket.IO server's front door: every packet a client sends passes here before any handler.

python-socketio dispatches an EVENT packet `[name, *args]` by its name, and the names it uses for
its own purposes are handled there too: a client that sends an event named `connect` re-runs the
connect handler, one named `*` reaches the catch-all handler with arguments the client chose (the
first taken as the connection's id). `GuardedServer` decides before dispatch:

- an EVENT must be a list whose first item is a string of at most MAX_EVENT_NAME characters and
  not a reserved name (RESERVED: the protocol's own and python-socketio's `*`); anything else is
  refused (`bad_request` in the acknowledgement when the packet asked for one) and never reaches a
  handler;
- the rate limit is a token bucket per Engine.IO connection, kept here and nowhere a client event
  can reach (a client-sent `connect` cannot refill it); `rate_per_s` 0 switches it off (tests);
- a connection that goes on sending after its bucket is empty (SHED_AFTER refusals in a row) is
  disconnected, and its client address may not open a new connection for a while (PENALTY_S,
  doubling for each repeat up to PENALTY_MAX_S): a flood costs a refusal at connect, not a decode
  and an acknowledgement per packet;
- malformed packets (broken JSON, integers too long, nesting too deep, lone surrogates: see
  `conference.untrusted`), binary packets (the protocol has none), acknowledgements the server
  never asked for: refused or dropped, and logged as one bounded line per connection at most
  every WARN_EVERY_S seconds, never a traceback.
"""
from __future__ import annotations

import io
import logging
import threading
import time

import engineio.packet
import socketio
from socketio import packet

from conference.untrusted import StrictJSON, Untrusted, problem

RESERVED = frozenset({"connect", "connect_error", "disconnect", "disconnecting", "newListener",
                      "removeListener", "*"})
MAX_EVENT_NAME = 64
WARN_EVERY_S = 60.0
MAX_REASON = 120

SHED_AFTER = 50                 # rate_limited refusals in a row before the connection is dropped (a
                                # client that waits for its answers sees about 30 at most)
PENALTY_S, PENALTY_MAX_S = 5.0, 120.0
LOOPBACK = ("127.", "::1")

log = logging.getLogger("minbar.live")


def client_address(environ: dict) -> str:
    """The client's address: behind a proxy on this machine (nginx, which appends the address it
    saw to X-Forwarded-For), the last entry of X-Forwarded-For; otherwise the peer's."""
    peer = str(environ.get("REMOTE_ADDR") or "?")
    forwarded = environ.get("HTTP_X_FORWARDED_FOR")
    if forwarded and peer.startswith(LOOPBACK):
        return forwarded.split(",")[-1].strip()[:64] or peer
    return peer[:64]


def refusal(code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}}


RATE_LIMITED = refusal("rate_limited", "Too many requests; slow down.")


class SafePacket(packet.Packet):
    """A Socket.IO packet that decodes with `StrictJSON` and, instead of raising, notes why a
    packet is malformed (`malformed`), keeping the header it could read (type, namespace, id)."""

    json = StrictJSON
    malformed: str | None = None

    def decode(self, encoded_packet):
        try:
            return super().decode(encoded_packet)
        except (Untrusted, ValueError, TypeError, IndexError, RecursionError) as error:
            self.malformed = str(error)[:MAX_REASON] or type(error).__name__
            self.data = None
            return 0


_engineio_decode = engineio.packet.Packet.decode


def _tolerant_engineio_decode(self, encoded_packet):
    """Engine.IO's own framing (`engineio.packet.Packet.decode`) raises on an empty frame or an
    unknown type character, outside any handler of the library's receive loop (a traceback and a
    half-closed socket per frame). Such a frame becomes a packet of an unknown type instead, which
    Engine.IO ignores on a WebSocket and answers 400 on long-polling."""
    try:
        return _engineio_decode(self, encoded_packet)
    except (ValueError, TypeError, IndexError, UnicodeError, RecursionError):
        self.packet_type, self.data, self.binary = len(engineio.packet.packet_names), None, False


engineio.packet.Packet.decode = _tolerant_engineio_decode


def _polling_problem(body: bytes) -> str | None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "a long-polling body that is not UTF-8"
    # Engine.IO v4 payload: packets separated by \x1e, each a type digit (or "b" for base64).
    if not all(part and part[0] in "0123456b" for part in text.split("\x1e")):
        return "a long-polling body that is not Engine.IO framing"
    return None


class _Connection:
    __slots__ = ("tokens", "last", "warned_at", "suppressed", "refused", "address")

    def __init__(self, burst: float):
        self.tokens, self.last = burst, time.monotonic()
        self.warned_at: float | None = None
        self.suppressed = 0
        self.refused = 0              # rate_limited refusals since the last accepted packet
        self.address = "?"


class GuardedServer(socketio.Server):
    """socketio.Server with the checks above. Made by `guard(server, ...)` from the server
    Flask-SocketIO built (Flask-SocketIO has no option for the server class)."""

    rate_per_s: float = 10.0
    burst: float = 30.0

    # -- per connection ---------------------------------------------------------------------

    def _guard_state(self, eio_sid) -> _Connection:
        with self._guard_lock:
            state = self._guard_connections.get(eio_sid)
            if state is None:
                state = self._guard_connections[eio_sid] = _Connection(self.burst)
            return state

    def waiting(self, address: str) -> bool:
        """True while `address` may not open a connection (it was shed recently)."""
        penalty = self._guard_penalties.get(address)
        return penalty is not None and penalty[0] > time.monotonic()

    def _handle_eio_connect(self, eio_sid, environ):
        address = client_address(environ)
        if self.waiting(address):
            return False      # (handle_request refuses most before this) Engine.IO answers 401
        self._guard_state(eio_sid).address = address
        return super()._handle_eio_connect(eio_sid, environ)

    def shed(self, eio_sid) -> None:
        """Drop a connection that floods past its refusals; its address waits before reconnecting."""
        state = self._guard_state(eio_sid)
        now = time.monotonic()
        with self._guard_lock:
            until, offences = self._guard_penalties.get(state.address, (0.0, 0))
            offences = offences + 1 if until > now - PENALTY_MAX_S else 1
            self._guard_penalties[state.address] = (now + min(PENALTY_MAX_S, PENALTY_S * 2 ** (offences - 1)), offences)
            if len(self._guard_penalties) > 10_000:   # bounded: forget the expired ones
                self._guard_penalties = {a: p for a, p in self._guard_penalties.items() if p[0] > now}
        log.warning("disconnected a connection from %s that kept sending after rate_limited", state.address)
        self.start_background_task(self.eio.disconnect, eio_sid)

    def _handle_eio_disconnect(self, eio_sid, reason=None):
        try:
            return super()._handle_eio_disconnect(eio_sid, reason)
        finally:
            with self._guard_lock:
                self._guard_connections.pop(eio_sid, None)

    def allow(self, eio_sid) -> bool:
        """One token from the connection's bucket; False when it is empty."""
        if self.rate_per_s <= 0:
            return True
        state = self._guard_state(eio_sid)
        with self._guard_lock:
            now = time.monotonic()
            state.tokens = min(self.burst, state.tokens + (now - state.last) * self.rate_per_s)
            state.last = now
            if state.tokens < 1:
                state.refused += 1
                return False
            state.tokens -= 1
            state.refused = 0
            return True

    def hostile(self, eio_sid, reason: str, environ: dict | None = None) -> None:
        """One warning line per connection per WARN_EVERY_S at most, however much it sends
        (requests outside a connection share one allowance)."""
        state = self._guard_state(eio_sid)
        now = time.monotonic()
        with self._guard_lock:
            if state.warned_at is not None and now - state.warned_at < WARN_EVERY_S:
                state.suppressed += 1
                return
            state.warned_at, suppressed, state.suppressed = now, state.suppressed, 0
        environ = environ or self.environ.get(eio_sid) or {}
        address = str(environ.get("REMOTE_ADDR", "?"))[:64]
        more = f" ({suppressed} more since the last warning)" if suppressed else ""
        reason = " ".join(str(reason).split())[:MAX_REASON]
        log.warning("refused a client packet from %s (connection %s): %s%s",
                    address, str(eio_sid)[:12], reason.encode("unicode_escape").decode("ascii"), more)

    # -- requests and packets ---------------------------------------------------------------

    def handle_request(self, environ, start_response):
        """A long-polling POST body that is not UTF-8 or not Engine.IO framing is refused here
        (400): Engine.IO would decode it outside any handler of its own (a traceback) or close
        the connection while another request of it is under way. A new connection from an
        address that must wait (`shed`) is refused 429 before Engine.IO does anything."""
        if "sid=" not in environ.get("QUERY_STRING", "") and self.waiting(client_address(environ)):
            start_response("429 TOO MANY REQUESTS", [("Content-Type", "text/plain"), ("Retry-After", "5")])
            return [b"Too many requests"]
        if environ.get("REQUEST_METHOD") == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if 0 <= length <= self.eio.max_http_buffer_size:
                body = environ["wsgi.input"].read(length)
                reason = _polling_problem(body)
                if reason is not None:
                    self.hostile(None, reason, environ)
                    start_response("400 BAD REQUEST", [("Content-Type", "text/plain")])
                    return [b"Bad request"]
                environ["wsgi.input"] = io.BytesIO(body)
            elif length < 0:
                start_response("400 BAD REQUEST", [("Content-Type", "text/plain")])
                return [b"Bad request"]
        return super().handle_request(environ, start_response)


    def _answer(self, eio_sid, pkt, answer: dict) -> None:
        """Acknowledge `pkt` with `answer` when it asked for one on a namespace it is connected to."""
        namespace = pkt.namespace or "/"
        if pkt.id is None or not self.manager.sid_from_eio_sid(eio_sid, namespace):
            return
        self._send_packet(eio_sid, self.packet_class(packet.ACK, namespace=namespace, id=pkt.id,
                                                     data=[answer]))

    def _refuse(self, eio_sid, pkt, reason: str) -> None:
        self.hostile(eio_sid, reason)
        if pkt is not None and pkt.packet_type in (packet.EVENT, packet.BINARY_EVENT):
            self._answer(eio_sid, pkt, refusal("bad_request", "The request is malformed: " + reason))

    def _handle_eio_message(self, eio_sid, data):
        state = self._guard_connections.get(eio_sid)
        if state is not None and state.refused >= SHED_AFTER:
            return            # shed, closing: what it still sends is not even decoded
        if not isinstance(data, str):
            # Binary frames: the attachments of a binary packet, which is refused below.
            self._binary_packet.pop(eio_sid, None)
            self.hostile(eio_sid, "binary data")
            return
        pkt = self.packet_class(encoded_packet=data)
        kind = pkt.packet_type
        if kind == packet.EVENT or kind == packet.BINARY_EVENT or pkt.malformed:
            if not self.allow(eio_sid):
                refused = self._guard_state(eio_sid).refused
                if refused == SHED_AFTER:
                    self.shed(eio_sid)
                elif refused < SHED_AFTER:
                    self._answer(eio_sid, pkt, RATE_LIMITED)
                return
        if pkt.malformed:
            self._refuse(eio_sid, pkt, pkt.malformed)
            return
        if kind == packet.CONNECT:
            if pkt.data is not None and not isinstance(pkt.data, dict):
                self.hostile(eio_sid, "connect data is not an object")
                pkt.data = None
            self._handle_connect(eio_sid, pkt.namespace, pkt.data)
        elif kind == packet.DISCONNECT:
            self._handle_disconnect(eio_sid, pkt.namespace, self.reason.CLIENT_DISCONNECT)
        elif kind == packet.EVENT:
            reason = self._event_problem(pkt.data)
            if reason is not None:
                self._refuse(eio_sid, pkt, reason)
                return
            self._handle_event(eio_sid, pkt.namespace, pkt.id, pkt.data)
        elif kind == packet.BINARY_EVENT:
            self._refuse(eio_sid, pkt, "binary events are not accepted")
        else:
            # ACK and BINARY_ACK (the server never asks a client for one), CONNECT_ERROR, unknown.
            self.hostile(eio_sid, f"unexpected packet type {kind!r}"[:MAX_REASON])

    @staticmethod
    def _event_problem(data) -> str | None:
        if not isinstance(data, list) or not data:
            return "an event must be a list starting with its name"
        name = data[0]
        if not isinstance(name, str):
            return "the event name must be a string"
        if len(name) > MAX_EVENT_NAME:
            return "the event name is too long"
        if name in RESERVED:
            return f"the event name {name!r} is reserved"
        return problem(data)


def guard(server: socketio.Server, rate_per_s: float, burst: float) -> GuardedServer:
    """Turns the server Flask-SocketIO built into a GuardedServer (same object, same state) and
    points Engine.IO's callbacks at the guarded methods."""
    server.__class__ = GuardedServer
    server._guard_lock = threading.Lock()
    server._guard_connections = {}
    server._guard_penalties = {}      # client address -> (monotonic instant it may connect again, offences)
    server.rate_per_s, server.burst = float(rate_per_s), float(max(burst, 1))
    server.eio.on("connect", server._handle_eio_connect)
    server.eio.on("message", server._handle_eio_message)
    server.eio.on("disconnect", server._handle_eio_disconnect)
    return server
