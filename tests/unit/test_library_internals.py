"""The canary for the library internals Minbar leans on.

conference/shared_frames.py (one WebSocket frame per broadcast) and conference/live_guard.py (the
Socket.IO front door) use parts of python-engineio, python-socketio, simple-websocket, wsproto and
gevent that those libraries do not promise to keep. setup.cfg holds each library to the releases
tested; this file names every such part and, when an upgrade moves one, fails saying which part,
of which library, and what of Minbar's depends on it — before a server fails to start or, worse,
starts and quietly sends the wrong bytes.

Why permessage-deflate is declined by removing the offer from the request: no supported path
exists. simple-websocket's Server accepts every permessage-deflate offer (its handshake answers with
`extensions=[PerMessageDeflate()]`, no option to refuse), and python-engineio builds the WebSocket
object with no options at all (`_async['websocket'](handler, server)`). The last test here fails
the day either grows an option, so the header stripping can give way to it.
"""
from __future__ import annotations

import base64
import configparser
import importlib.metadata
import inspect
import os
import re
import socket
from pathlib import Path

import engineio
import pytest
import simple_websocket
import socketio
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
TESTED = ("python-engineio", "python-socketio", "simple-websocket", "wsproto", "gevent")


def moved(library: str, part: str, used_by: str) -> str:
    version = importlib.metadata.version(library)
    return (f"{library} {version} moved `{part}`, which {used_by} relies on: adapt that module (and "
            f"this canary) before widening setup.cfg's range for {library}")


# -- python-engineio ---------------------------------------------------------------------------

def test_engineio_keeps_its_simple_websocket_wrapper():
    try:
        from engineio.async_drivers._websocket_wsgi import SimpleWebSocketWSGI
    except ImportError:
        pytest.fail(moved("python-engineio", "engineio.async_drivers._websocket_wsgi.SimpleWebSocketWSGI",
                          "conference/shared_frames.py (it subclasses it, imported at start-up)"))
    assert list(inspect.signature(SimpleWebSocketWSGI.__init__).parameters)[:3] == ["self", "handler", "server"], \
        moved("python-engineio", "SimpleWebSocketWSGI(handler, server)", "conference/shared_frames.py")
    for method in ("__call__", "send", "wait", "close"):
        assert callable(getattr(SimpleWebSocketWSGI, method, None)), \
            moved("python-engineio", f"SimpleWebSocketWSGI.{method}", "conference/shared_frames.py")


@pytest.mark.parametrize("mode", ["threading", "gevent"])
def test_engineio_servers_keep_the_websocket_class_in_async(mode):
    from engineio.async_drivers._websocket_wsgi import SimpleWebSocketWSGI

    eio = engineio.Server(async_mode=mode)
    table = getattr(eio, "_async", None)
    assert isinstance(table, dict) and "websocket" in table, \
        moved("python-engineio", "Server._async['websocket']", "conference/shared_frames.py (install)")
    assert isinstance(table["websocket"], type) and issubclass(table["websocket"], SimpleWebSocketWSGI), \
        moved("python-engineio", f"the {mode} driver's WebSocket class (a SimpleWebSocketWSGI)",
              "conference/shared_frames.py")
    assert isinstance(eio.sockets, dict) and eio.async_mode == mode, \
        moved("python-engineio", "Server.sockets / Server.async_mode", "conference/shared_frames.py")


def test_engineio_sockets_build_their_websocket_from_the_table_with_a_bound_handler():
    source = inspect.getsource(engineio.socket.Socket._upgrade_websocket)
    assert "_async['websocket'](" in source and "self._websocket_handler" in source, moved(
        "python-engineio", "Socket._upgrade_websocket: _async['websocket'](self._websocket_handler, server)",
        "conference/shared_frames.py (the handler's __self__ is the Engine.IO socket)")
    sock = engineio.socket.Socket(engineio.Server(async_mode="threading"), "sid")
    for name in ("upgraded", "upgrading", "closed", "queue", "check_ping_timeout"):
        assert hasattr(sock, name), moved("python-engineio", f"Socket.{name}", "conference/shared_frames.py")


def test_engineio_packets_keep_their_fields_and_decoder():
    pkt = engineio.packet.Packet(engineio.packet.MESSAGE, data="x")
    for name in ("packet_type", "data", "binary", "encode"):
        assert hasattr(pkt, name), moved("python-engineio", f"packet.Packet.{name}", "conference/shared_frames.py")
    assert isinstance(getattr(engineio.packet, "packet_names", None), list), \
        moved("python-engineio", "packet.packet_names", "conference/live_guard.py (tolerant decode)")


# -- python-socketio ---------------------------------------------------------------------------

def test_socketio_sends_every_packet_through_send_eio_packet():
    server = socketio.Server(async_mode="threading")
    sent = []
    assert callable(getattr(server, "_send_eio_packet", None)), \
        moved("python-socketio", "Server._send_eio_packet", "conference/shared_frames.py (install)")
    server._send_eio_packet = lambda eio_sid, pkt: sent.append((eio_sid, pkt))
    sid = server.manager.connect("eio-1", "/live")
    server.enter_room(sid, "plenary-1", namespace="/live")

    server.emit("state", {"version": 1}, to="plenary-1", namespace="/live")

    assert [eio_sid for eio_sid, _ in sent] == ["eio-1"], \
        moved("python-socketio", "Server._send_eio_packet(eio_sid, pkt) on a room emit", "conference/shared_frames.py")
    pkt = sent[0][1]
    assert pkt.packet_type == engineio.packet.MESSAGE and isinstance(pkt.data, str) and not pkt.binary


# The private parts of socketio.Server that GuardedServer overrides or calls, with the arguments
# it passes them.
GUARDED_METHODS = {
    "_handle_eio_connect": ["eio_sid", "environ"],
    "_handle_eio_message": ["eio_sid", "data"],
    "_handle_eio_disconnect": ["eio_sid", "reason"],
    "_handle_connect": ["eio_sid", "namespace", "data"],
    "_handle_disconnect": ["eio_sid", "namespace", "reason"],
    "_handle_event": ["eio_sid", "namespace", "id", "data"],
    "_send_packet": ["eio_sid", "pkt"],
    "handle_request": ["environ", "start_response"],
}


@pytest.mark.parametrize("name", sorted(GUARDED_METHODS))
def test_socketio_server_keeps_what_the_guard_overrides(name):
    method = getattr(socketio.Server, name, None)
    assert callable(method), moved("python-socketio", f"Server.{name}", "conference/live_guard.py (GuardedServer)")
    parameters = list(inspect.signature(method).parameters)[1:]
    assert parameters[:len(GUARDED_METHODS[name])] == GUARDED_METHODS[name], \
        moved("python-socketio", f"Server.{name}{tuple(GUARDED_METHODS[name])}", "conference/live_guard.py")


def test_the_server_flask_socketio_builds_can_become_a_guarded_server(tmp_path):
    """live_guard.guard swaps the server's __class__: Flask-SocketIO must build a plain
    socketio.Server (GuardedServer's base), whose state the guard's methods find."""
    from conference.app import create_app
    from conference.extensions import socketio as extension
    from conference.live_guard import GuardedServer

    create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'm.sqlite3'}", "INSTANCE_PATH": str(tmp_path / "i"),
                "SECRET_KEY": "k", "REDIS_URL": None, "TESTING": True})
    server = extension.server

    assert type(server) is GuardedServer and GuardedServer.__bases__ == (socketio.Server,), \
        moved("Flask-SocketIO", "SocketIO.server (a socketio.Server)", "conference/live_guard.py (__class__ swap)")
    for name in ("_binary_packet", "environ", "manager", "packet_class", "reason", "eio"):
        assert hasattr(server, name), moved("python-socketio", f"Server.{name}", "conference/live_guard.py")
    assert hasattr(server.reason, "CLIENT_DISCONNECT") and callable(server.manager.sid_from_eio_sid), \
        moved("python-socketio", "Server.reason.CLIENT_DISCONNECT / manager.sid_from_eio_sid", "conference/live_guard.py")
    assert server.eio.handlers["message"] == server._handle_eio_message and \
        server.eio.handlers["message"].__func__ is GuardedServer._handle_eio_message, \
        moved("python-engineio", "Server.handlers / Server.on", "conference/live_guard.py (guard)")


# -- simple-websocket and wsproto --------------------------------------------------------------

def _handshake(extensions: str | None):
    """A real server-side handshake over a socket pair: simple_websocket.Server reads the request
    from a WSGI environ, as engineio's wrapper hands it."""
    server_end, client_end = socket.socketpair()
    environ = {"werkzeug.socket": server_end, "HTTP_HOST": "127.0.0.1", "HTTP_UPGRADE": "websocket",
               "HTTP_CONNECTION": "Upgrade", "HTTP_SEC_WEBSOCKET_VERSION": "13",
               "HTTP_SEC_WEBSOCKET_KEY": base64.b64encode(os.urandom(16)).decode()}
    if extensions:
        environ["HTTP_SEC_WEBSOCKET_EXTENSIONS"] = extensions
    return simple_websocket.Server(environ), client_end


@pytest.mark.parametrize("offer, enabled", [("permessage-deflate; client_max_window_bits", True), (None, False)])
def test_simple_websocket_exposes_the_negotiated_extensions(offer, enabled):
    from wsproto.connection import ConnectionState

    ws, client = _handshake(offer)
    try:
        reply = client.recv(4096).decode("latin-1")
        assert reply.startswith("HTTP/1.1 101")
        path = "ws.ws.ws.connection._proto.extensions (simple_websocket.Server.ws -> wsproto.WSConnection.connection -> Connection._proto.extensions)"
        connection = getattr(getattr(ws, "ws", None), "connection", None)
        extensions = getattr(getattr(connection, "_proto", None), "extensions", None)
        assert isinstance(extensions, list), moved("simple-websocket", path, "conference/shared_frames.py")
        assert any(e.enabled() for e in extensions) is enabled, \
            moved("wsproto", "Extension.enabled()", "conference/shared_frames.py")
        assert ("permessage-deflate" in reply.lower()) is enabled
        assert ws.ws.state is ConnectionState.OPEN and ws.connected and ws.sock is not None, \
            moved("simple-websocket", "Server.connected / Server.sock / Server.ws.state", "conference/shared_frames.py")
    finally:
        client.close()
        ws.thread.join(5)


def test_gevent_sockets_keep_their_non_blocking_socket():
    import gevent.socket

    sock = gevent.socket.socket()
    try:
        raw = getattr(sock, "_sock", None)
        assert raw is not None and callable(raw.send), \
            moved("gevent", "socket._sock", "conference/shared_frames.py (write_now)")
        assert raw.gettimeout() == 0.0, moved("gevent", "socket._sock being non-blocking", "conference/shared_frames.py")
    finally:
        sock.close()


def test_no_supported_way_to_decline_deflate_has_appeared():
    """When one appears, conference/shared_frames.py should decline through it (see the module
    docstring above) rather than hide the client's offer."""
    options = set(inspect.signature(simple_websocket.Server.__init__).parameters)
    assert not options & {"extensions", "compression", "permessage_deflate", "deflate"}, \
        f"simple-websocket {importlib.metadata.version('simple-websocket')} can now decline compression: {options}"
    source = inspect.getsource(simple_websocket.ws.Base._handle_events)
    assert "extensions=[PerMessageDeflate()]" in source, \
        f"simple-websocket {importlib.metadata.version('simple-websocket')} changed how it answers extension offers"
    assert re.search(r"_async\['websocket'\]\(\s*self\._websocket_handler, self\.server\)",
                     inspect.getsource(engineio.socket.Socket._upgrade_websocket)), \
        "python-engineio now passes options to its WebSocket class: look for a compression option"


# -- the ranges ---------------------------------------------------------------------------------

def _requirements() -> dict[str, Requirement]:
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = parser["options"]["install_requires"].splitlines()
    lines += parser["options.extras_require"]["production"].splitlines()
    found = [Requirement(line) for line in lines if line.strip() and not line.strip().startswith("#")]
    return {re.sub(r"[-_.]+", "-", r.name).lower(): r for r in found}


def _pins() -> dict[str, str]:
    text = (ROOT / "deploy" / "constraints.txt").read_text(encoding="utf-8")
    return {re.sub(r"[-_.]+", "-", n).lower(): v for n, v in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


@pytest.mark.parametrize("name", TESTED)
def test_each_fenced_library_has_a_closed_range_that_holds_the_pin_and_the_installed_version(name):
    requirement = _requirements().get(name)
    assert requirement is not None, f"setup.cfg does not name {name}"
    assert any(spec.operator == "<" for spec in requirement.specifier), f"{name} has no upper bound in setup.cfg"
    assert requirement.specifier.contains(_pins()[name]), \
        f"deploy/constraints.txt pins {name} {_pins()[name]}, outside setup.cfg's {requirement}: run `make constraints`"
    installed = importlib.metadata.version(name)
    assert requirement.specifier.contains(installed), f"{name} {installed} is installed, outside {requirement}"


def test_the_constraints_pin_every_requirement_within_its_range():
    pins = _pins()
    for name, requirement in _requirements().items():
        assert name in pins, f"deploy/constraints.txt does not pin {name}: run `make constraints`"
        assert requirement.specifier.contains(pins[name]), \
            f"deploy/constraints.txt pins {name} {pins[name]}, outside setup.cfg's {requirement}: run `make constraints`"
