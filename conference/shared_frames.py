"""One WebSocket frame per broadcast, the same bytes written to every participant's socket.

A STATE sent to a room of 1000 reaches python-socketio once: it encodes the Socket.IO packet once
and hands the same Engine.IO packet to every member. Each member's writer then turned it into a
WebSocket frame of its own (wsproto: the text encoded to UTF-8 again, the header built in Python),
which was most of the per-recipient cost. Node's socket.io adapter builds the frame once per
broadcast and writes it to every socket; this module does the same:

- `SharedPacket` is an Engine.IO MESSAGE packet whose encoding is a `FramedText`: the text as
  before, carrying the finished frame (`frame`), built once, at the first recipient that wants it;
- `FramedWebSocket` (around the async driver's WebSocket class) writes that frame as it is when
  the connection negotiated no extension. Browsers offer permessage-deflate and simple-websocket
  accepts it whenever offered; a compressing connection needs frames of its own (its own zlib
  context, ~150 KB of memory, a compression per recipient per broadcast), so by default the offer
  is declined (`install(..., deflate=False)`, MINBAR_WEBSOCKET_DEFLATE): a STATE is a few kB and
  every participant's screen is what has to be fast. Where deflate is accepted, those connections
  take the ordinary path; so does every packet that is not shared (pings, acknowledgements,
  one-off emits).

Under gevent the broadcasting greenlet writes the frame itself to each member whose queue is empty
and whose writer is not in the middle of a write (`install`): a non-blocking `send()`, no turn of
the member's writer greenlet. Nothing else runs between the check and the write (greenlets switch
only where they wait), so no other frame can come between; whatever the socket does not take is
queued (`_Rest`) before anything that follows, and the writer finishes it. Under threads, shared
frames still go through the connection's queue and its one writer.
"""
from __future__ import annotations

import struct

from engineio import packet as eio_packet
from engineio.async_drivers._websocket_wsgi import SimpleWebSocketWSGI
from wsproto.connection import ConnectionState


class FramedText(str):
    """An encoded Engine.IO packet that also carries its finished WebSocket frame."""

    _frame: bytes | None = None

    @property
    def frame(self) -> bytes:
        if self._frame is None:
            self._frame = text_frame(str(self).encode("utf-8"))
        return self._frame


def text_frame(payload: bytes) -> bytes:
    """A final, unmasked text frame (RFC 6455 §5.2), as a server sends it."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + payload


class SharedPacket(eio_packet.Packet):
    """A MESSAGE packet sent to many: encoded once, as a FramedText."""

    def __init__(self, data: str):
        super().__init__(eio_packet.MESSAGE, data=data)
        self.encode_cache = FramedText(str(self.packet_type) + data)


def shared(pkt: eio_packet.Packet) -> eio_packet.Packet:
    """The packet to hand to each recipient of one broadcast: the same SharedPacket for the same
    text packet (remembered on the packet python-socketio passes for every member), the packet
    itself otherwise."""
    if isinstance(pkt, SharedPacket) or pkt.packet_type != eio_packet.MESSAGE \
            or pkt.binary or not isinstance(pkt.data, str):
        return pkt
    twin = pkt.__dict__.get("_shared")
    if twin is None:
        twin = pkt.__dict__["_shared"] = SharedPacket(pkt.data)
    return twin


def framed_websocket(base: type, deflate: bool = False) -> type:
    """The driver's WebSocket class, writing shared frames as they are; declining
    permessage-deflate unless `deflate`."""

    class FramedWebSocket(base):
        plain = False   # the connection negotiated no extension: shared frames fit it as they are
        busy = False    # a write of this connection's own is under way (it may be waiting)
        accepts_deflate = deflate

        def __call__(self, environ, start_response):
            if not deflate:   # simple-websocket answers the offer from the request's headers
                environ = {k: v for k, v in environ.items() if k != "HTTP_SEC_WEBSOCKET_EXTENSIONS"}
            return super().__call__(environ, start_response)

        def __init__(self, handler, server, **kwargs):
            super().__init__(handler, server, **kwargs)
            # simple-websocket runs the handshake in __call__, then the Engine.IO handler: that is
            # when the connection's extensions are known and its Engine.IO socket can learn of it.
            def opened(ws):
                connection = ws.ws.ws.connection
                ws.plain = connection is not None and not any(
                    ext.enabled() for ext in connection._proto.extensions)
                eio_socket = getattr(handler, "__self__", None)
                if eio_socket is not None:
                    eio_socket.framed_ws = ws
                return handler(ws)

            self.app = opened

        def send(self, message):
            self.busy = True
            try:
                frame = getattr(message, "frame", None)
                if frame is None or not self.plain:
                    return super().send(message)
                if not self.ws.connected or self.ws.ws.state is not ConnectionState.OPEN:
                    raise OSError("the WebSocket is closed")
                self.ws.sock.sendall(frame)
            finally:
                self.busy = False

        def write_now(self, frame: bytes) -> int:
            """Writes as much of the frame as the socket takes without waiting (cooperative drivers
            only: nothing else runs meanwhile); the caller queues the rest."""
            if not self.plain or self.busy or not self.ws.connected:
                return 0
            raw = getattr(self.ws.sock, "_sock", None)   # gevent's socket: the non-blocking one
            if raw is None:
                return 0
            try:
                return raw.send(frame)
            except (BlockingIOError, InterruptedError):
                return 0
            except OSError:
                return 0     # the ordinary path finds the connection closed and says so

    FramedWebSocket.__name__ = FramedWebSocket.__qualname__ = "Framed" + base.__name__
    return FramedWebSocket


class _Rest(eio_packet.Packet):
    """The end of a frame the socket took only part of, queued before anything that follows."""

    def __init__(self, rest: bytes):
        super().__init__(eio_packet.NOOP)
        self.rest = FramedText("")
        self.rest._frame = rest

    def encode(self, b64=False):
        return self.rest    # (an empty text: Packet.encode would not take it from its cache)


# Drivers whose tasks switch only where they wait: a broadcast may write to a socket between its
# writer's turns. Under threads the writer alone writes.
COOPERATIVE = frozenset({"gevent", "eventlet"})


def install(server, deflate: bool = False) -> None:
    """Makes a python-socketio Server hand shared packets to its members and write their frames
    once encoded (only where the driver serves WebSockets through simple-websocket); under a
    cooperative driver, a member whose queue is empty gets the frame written at once, without a
    turn of its writer. `deflate`: accept permessage-deflate where a client offers it."""
    eio = server.eio
    base = eio._async.get("websocket")
    if not (isinstance(base, type) and issubclass(base, SimpleWebSocketWSGI)):
        return
    base = getattr(base, "unframed", base)
    framed = framed_websocket(base, deflate)
    framed.unframed = base
    # The driver's table is shared by every server of the process: this one gets its own.
    eio._async = dict(eio._async, websocket=framed)
    send_packet = server._send_eio_packet
    sockets = eio.sockets
    direct = eio.async_mode in COOPERATIVE

    def _send_eio_packet(eio_sid, pkt):
        pkt = shared(pkt)
        if direct and isinstance(pkt, SharedPacket):
            sock = sockets.get(eio_sid)
            ws = getattr(sock, "framed_ws", None)
            if ws is not None and sock.upgraded and not sock.upgrading and not sock.closed \
                    and sock.queue.empty() and sock.check_ping_timeout():
                frame = pkt.encode_cache.frame
                written = ws.write_now(frame)
                if written == len(frame):
                    return
                if written:
                    sock.queue.put(_Rest(frame[written:]))
                    return
        send_packet(eio_sid, pkt)

    server._send_eio_packet = _send_eio_packet
