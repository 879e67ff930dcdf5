"""Spreading connections again after a process comes back (docs/socketio.md, `rebalance`).

Behind nginx, a connection stays on the process that took it: after one process of two was
killed, its clients reconnect to the survivor, and when it returns they stay there. Each process
writes its number of /live connections to Redis every BALANCE_S (a hash per channel, one field per
process, with the time) and reads the others'. A process carrying clearly more than its share asks
a portion of its idle participants (the role `participant` or anonymous viewers: never a chair, an
interpreter, a rapporteur, a speaker or an organiser) to reconnect, each after a random delay
(`rebalance`, `{"after_ms": N}`), so they do not all come at once. nginx sends a fresh WebSocket
to the process with the fewest connections (deploy/nginx-minbar.conf, `least_conn`), so they
land on the returned process. A client asked to move rejoins its session and
gets the latest STATE, as after any reconnect; nobody is asked twice within COOLDOWN_S.
"""
from __future__ import annotations

import json
import logging
import math
import random
import threading
import time

from conference.live import NAMESPACE
from conference.live.task import BackgroundTask

BALANCE_S = 5.0            # how often counts are written and compared
STALE_S = 20.0             # a process silent this long is gone
COOLDOWN_S = 20.0          # after asking, let the moves land before asking again
TOLERANCE = 0.1            # more than 10 % over the fair share (and at least MIN_EXCESS) is too many
MIN_EXCESS = 3
JITTER_MS = 8000           # a moved client reconnects after a random delay up to this
MOVABLE = frozenset({"participant", "anonymous"})

log = logging.getLogger("minbar.live")


def excess(own: int, counts: list[int]) -> int:
    """How many connections to ask to move: those above the fair share (nginx sends a fresh
    WebSocket to the process with the fewest connections); 0 when balanced."""
    alive = len(counts)
    if alive < 2:
        return 0
    share = sum(counts) / alive
    over = own - share
    if over < max(MIN_EXCESS, TOLERANCE * share):
        return 0
    return min(own, math.ceil(over))


class Balancer:
    def __init__(self, socketio, redis_url: str, channel: str, process: str):
        self._socketio = socketio
        self._url, self._key, self.process = redis_url, f"minbar:{channel}:connections", process
        self._lock = threading.Lock()
        self._roles: dict[str, str] = {}        # sid -> role, of this process's /live connections
        self._asked_at = 0.0
        self._task = BackgroundTask(socketio, self._run)
        self._redis = None
        self.asked = 0                          # connections asked to move (logs, tests)

    def connected(self, sid: str, role: str) -> None:
        with self._lock:
            self._roles[sid] = role

    def disconnected(self, sid: str) -> None:
        with self._lock:
            self._roles.pop(sid, None)

    def ensure_running(self, app) -> None:
        self._task.ensure_running(app)

    def _run(self, app) -> None:
        while True:
            self._socketio.sleep(BALANCE_S)
            try:
                self.cycle()
            except Exception as error:   # Redis away: the counts wait for its return
                app.logger.warning("connection counts not shared: %s", str(error)[:200])
                self._redis = None

    def _client(self):
        if self._redis is None:
            import redis

            self._redis = redis.Redis.from_url(self._url, socket_timeout=1, socket_connect_timeout=1)
        return self._redis

    def cycle(self) -> int:
        """Share this process's count, read the others', ask some to move; returns how many."""
        with self._lock:
            own = len(self._roles)
        client, wall = self._client(), time.time()
        client.hset(self._key, self.process, json.dumps({"n": own, "at": wall}))
        counts, gone = [], []
        for field, value in client.hgetall(self._key).items():
            entry = json.loads(value)
            if wall - entry.get("at", 0) > STALE_S:
                gone.append(field)
            else:
                counts.append(int(entry.get("n", 0)))
        if gone:
            client.hdel(self._key, *gone)
        if time.monotonic() - self._asked_at < COOLDOWN_S:
            return 0
        wanted = excess(own, counts)
        if not wanted:
            return 0
        with self._lock:
            movable = [sid for sid, role in self._roles.items() if role in MOVABLE]
        chosen = random.sample(movable, min(wanted, len(movable)))
        for sid in chosen:
            self._socketio.emit("rebalance", {"after_ms": random.randint(0, JITTER_MS)}, to=sid,
                                namespace=NAMESPACE, ignore_queue=True)
        self._asked_at = time.monotonic()
        self.asked += len(chosen)
        log.warning("asked %d idle participants to reconnect: this process carries %d of %d connections on %d processes",
                    len(chosen), own, sum(counts), len(counts))
        return len(chosen)
