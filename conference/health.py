"""`/healthz`'s checks, cheap enough for a reconnect storm (docs/http-api.md, "Health").

- The database is asked `SELECT 1` through an engine of its own, without a pool (a connection
  opened and closed per check, a 2 s connect timeout, a 1 s statement timeout on PostgreSQL): a
  storm that holds every connection of the application's pool does not make the health check
  wait for one, a database that does not answer makes it fail within about two seconds rather
  than hang, and no connection broken by a restart is ever reused.
- Redis is pinged with half-second timeouts on a client kept for the process.
- A healthy answer is kept for TTL_S: a thousand monitors, load balancers and reconnecting
  clients asking in one second cost one round trip to each part. Callers arriving during a check
  wait for it and take its answer rather than start another, so a storm while a part is failing
  costs one check at a time too; a failing answer is not kept beyond that, so a part that comes
  back shows at the next call. A failure the process meets meanwhile (a command refused
  `unavailable`, the message queue's subscription lost) makes the next call check again
  (`invalidate`), so an outage shows at once.
"""
from __future__ import annotations

import threading
import time

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from conference import metrics

TTL_S = 1.0   # a healthy answer is kept this long; a failing one only for those already waiting
_epoch = 0   # grows at each failure met elsewhere in the process


def invalidate() -> None:
    global _epoch
    _epoch += 1


class Health:
    def __init__(self, database_url: str, redis_url: str | None):
        self.database_url, self.redis_url = database_url, redis_url
        self._engine = None
        self._redis = None
        self._lock = threading.Lock()
        self._checks: dict | None = None
        self._at, self._epoch = 0.0, -1

    def checks(self) -> dict[str, str]:
        """{"database": "ok" | "unavailable", "message_queue": ... (with Redis only)}."""
        if self._fresh():
            return self._checks
        asked = time.monotonic()
        with self._lock:
            if self._fresh() or (self._checks is not None and self._at >= asked and self._epoch == _epoch):
                return self._checks   # a check finished while this caller waited: its answer
            epoch = _epoch
            checks = {"database": self._database()}
            if self.redis_url:
                checks["message_queue"] = self._message_queue()
            self._checks, self._at, self._epoch = checks, time.monotonic(), epoch
        metrics.health(checks)
        return checks

    def _fresh(self) -> bool:
        if self._checks is None or self._epoch != _epoch:
            return False
        healthy = all(status == "ok" for status in self._checks.values())
        return healthy and time.monotonic() - self._at < TTL_S

    def _database(self) -> str:
        try:
            with self._database_engine().connect() as connection:
                connection.execute(text("SELECT 1"))
            return "ok"
        except Exception:  # any failure of the database means "not healthy", said plainly
            return "unavailable"

    def _database_engine(self):
        if self._engine is None:
            url = self.database_url
            if url.startswith("sqlite"):   # a file: nothing to wait for but its lock
                self._engine = create_engine(url, connect_args={"timeout": 1, "check_same_thread": False})
            else:
                connect_args = ({"connect_timeout": 2, "options": "-c statement_timeout=1000"}
                                if url.startswith("postgresql") else {})
                # No pool: at most one check a second, and no connection outlives it (or the app).
                self._engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
        return self._engine

    def _message_queue(self) -> str:
        import redis

        try:
            if self._redis is None:
                self._redis = redis.Redis.from_url(self.redis_url, socket_connect_timeout=0.5,
                                                   socket_timeout=0.5)
            self._redis.ping()
            return "ok"
        except redis.RedisError:
            return "unavailable"


def of(app) -> Health:
    health = app.extensions.get("minbar.health")
    if health is None:
        health = app.extensions.setdefault(
            "minbar.health", Health(app.config["DATABASE_URL"], app.config.get("REDIS_URL")))
    return health


def answer(app) -> tuple[dict, int]:
    """The body and status of /healthz: `{"status": "ok", "checks": {...}}` (200) or
    `{"status": "degraded", "failed": [parts], "checks": {...}}` (503)."""
    checks = of(app).checks()
    failed = [part for part, status in checks.items() if status != "ok"]
    if not failed:
        return {"status": "ok", "checks": checks}, 200
    return {"status": "degraded", "failed": failed, "checks": checks}, 503
