"""Prometheus metrics of this process, served at `/metrics` (docs/deploy.md, "Monitoring and alerts").

Every gunicorn process keeps its own figures and answers its own scrape on its own port: the
scraper names each port as a target, so "per process" is the target's `instance` label.

The transports call the small functions below at their dispatch points (connect, disconnect,
join, a command answered, an emit); nothing here imports Flask-SocketIO or the live module, so
those may move without this module changing.
"""
from __future__ import annotations

import contextvars
import ipaddress
import logging
import re
import time
from functools import wraps

from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram,
                               PlatformCollector, ProcessCollector, generate_latest)

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)     # CPU, memory, open file descriptors (one per socket)
PlatformCollector(registry=REGISTRY)

# The latency buckets bracket the product's target (a chair's command seen by everyone within
# 150 ms at p95, docs/performance.md) finely, and the outage timeouts coarsely.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

CONNECTIONS = Gauge("minbar_connections", "Open Socket.IO connections (/live) in this process.",
                    registry=REGISTRY)
SESSION_CONNECTIONS = Gauge("minbar_session_connections",
                            "Open connections of this process that joined each session's room.",
                            ["conference", "session"], registry=REGISTRY)
COMMANDS = Counter("minbar_commands", "Live events answered, by family (event) and outcome code "
                   "(ok, or the refusal's code; `error` for an unexpected failure).",
                   ["family", "code"], registry=REGISTRY)
COMMAND_SECONDS = Histogram("minbar_command_seconds", "Time from receiving a live event to its "
                            "acknowledgement.", ["family"], buckets=LATENCY_BUCKETS, registry=REGISTRY)
BROADCAST_LAG = Histogram("minbar_broadcast_lag_seconds", "Time from receiving a command to the end "
                          "of the last STATE emit it made (handed to every local client, or published "
                          "to the message queue).", ["family"], buckets=LATENCY_BUCKETS, registry=REGISTRY)
QUEUE_PUBLISH_FAILURES = Counter("minbar_message_queue_publish_failures", "Broadcasts the message "
                                 "queue (Redis) refused after a retry: other processes' clients did not "
                                 "get them.", registry=REGISTRY)
DATABASE_UNAVAILABLE = Counter("minbar_database_unavailable", "Requests and commands refused with "
                               "`unavailable` because the database could not be reached.",
                               registry=REGISTRY)
UP = Gauge("minbar_up", "1 when the part answered this process's last health check (at most a "
           "second old at a scrape), 0 when it did not.", ["part"], registry=REGISTRY)

log = logging.getLogger("minbar.live")


# -- Socket.IO connections ------------------------------------------------------------------

def connected() -> None:
    CONNECTIONS.inc()


def disconnected(room: str | None) -> None:
    CONNECTIONS.dec()
    _room_gauge(room, -1)


def joined(previous: str | None, room: str) -> None:
    """A connection entered `room` (`<conference>/<session>`), leaving `previous` if another."""
    if previous == room:
        return
    _room_gauge(previous, -1)
    _room_gauge(room, +1)


def _room_gauge(room: str | None, step: int) -> None:
    if not room or room.count("/") != 1:
        return
    conference, session = room.split("/")
    SESSION_CONNECTIONS.labels(conference, session).inc(step)


# -- commands, their latency and their broadcasts --------------------------------------------

_command = contextvars.ContextVar("minbar_command", default=None)


def observed(family: str, handler):
    """`handler(payload, ...) -> ack` counted by outcome code and timed; a refusal is also one log
    record (`conference.logs.refused`). Registered in place of the handler itself."""
    from conference import logs

    @wraps(handler)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        mark = {"started": started, "emitted": None}
        token = _command.set(mark)
        code = "error"
        try:
            answer = handler(*args, **kwargs)
            code = _code_of(answer)
            if code != "ok":
                logs.refused("socket.io", code, family=family)
            return answer
        finally:
            _command.reset(token)
            COMMANDS.labels(family, code).inc()
            COMMAND_SECONDS.labels(family).observe(time.perf_counter() - started)
            if mark["emitted"] is not None:
                BROADCAST_LAG.labels(family).observe(mark["emitted"] - started)
    return timed


def _code_of(answer) -> str:
    if isinstance(answer, dict) and answer.get("ok") is False:
        error = answer.get("error")
        code = error.get("code") if isinstance(error, dict) else None
        return code if isinstance(code, str) and re.fullmatch(r"[a-z_]{1,32}", code) else "error"
    return "ok"


def emitted() -> None:
    """A STATE emit has just finished; the command being handled (if any) notes when."""
    mark = _command.get()
    if mark is not None:
        mark["emitted"] = time.perf_counter()


# -- the parts the process depends on ---------------------------------------------------------

def queue_publish_failed() -> None:
    QUEUE_PUBLISH_FAILURES.inc()
    queue_unreachable()


def queue_unreachable() -> None:
    """The message queue failed this process (a publish, the subscription): /healthz checks again."""
    from conference import health

    health.invalidate()


def database_unavailable() -> None:
    from conference import health

    DATABASE_UNAVAILABLE.inc()
    health.invalidate()


def health(checks: dict[str, str]) -> None:
    for part, status in checks.items():
        UP.labels(part).set(1 if status == "ok" else 0)


# -- who may read /metrics ------------------------------------------------------------------

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


def allowed_networks(value: str | None) -> tuple:
    """MINBAR_METRICS_ALLOW: addresses or networks (CIDR), separated by spaces or commas, added to
    loopback. ValueError naming the first entry that is neither."""
    from conference.proxy import networks_of

    parts = [part for part in re.split(r"[\s,]+", (value or "").strip()) if part]
    return LOOPBACK + tuple(networks_of("MINBAR_METRICS_ALLOW", parts,
                                        "not an address or a network (write 10.0.0.5 or 10.0.0.0/24)"))


def may_read(remote_addr: str | None, networks: tuple) -> bool:
    """Judged on the request's client address (`request.remote_addr`): the real one behind a
    trusted proxy, nginx's own (loopback) otherwise, which is why deploy's nginx never passes
    /metrics on."""
    try:
        address = ipaddress.ip_address((remote_addr or "").split("%")[0])
    except ValueError:
        return False
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def exposition() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
