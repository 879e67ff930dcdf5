"""/healthz: `ok`, or `degraded` naming the part that failed; cheap and bounded in time when a part
does not answer. The parts fail for real: a closed port, a server that accepts and never answers,
a Redis stopped mid-test (tests/production/test_faults.py has the whole stack's outages)."""
from __future__ import annotations

import socket
import threading
import time

from conference import health
from conference.app import create_app


def app_with(tmp_path, **config):
    return create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}", "SECRET_KEY": "test-secret",
                       "INSTANCE_PATH": str(tmp_path / "instance"), "REDIS_URL": None, **config})


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Silent:
    """A TCP server that accepts connections and never says a word (a hung database host)."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self):
        self.listener.close()
        for s in self.held:
            s.close()


def test_ok_keeps_the_contract(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "checks": {"database": "ok"}}


def test_an_unreachable_message_queue_is_degraded_and_named(tmp_path):
    app = app_with(tmp_path, REDIS_URL=f"redis://127.0.0.1:{closed_port()}/3")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "degraded", "failed": ["message_queue"],
                                   "checks": {"database": "ok", "message_queue": "unavailable"}}


def test_an_unreachable_database_is_degraded_and_named(tmp_path):
    url = f"postgresql+psycopg://minbar@127.0.0.1:{closed_port()}/minbar"
    response = app_with(tmp_path, DATABASE_URL=url).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["failed"] == ["database"]


def test_a_database_that_never_answers_fails_the_check_within_three_seconds(tmp_path):
    silent = Silent()
    try:
        app = app_with(tmp_path, DATABASE_URL=f"postgresql+psycopg://minbar@127.0.0.1:{silent.port}/minbar")
        started = time.monotonic()
        response = app.test_client().get("/healthz")
        assert response.status_code == 503 and response.get_json()["failed"] == ["database"]
        assert time.monotonic() - started < 3.0
    finally:
        silent.close()


def test_a_storm_of_checks_costs_one_round_trip_a_second(tmp_path, monkeypatch):
    app = app_with(tmp_path)
    rounds = []
    original = health.Health._database
    monkeypatch.setattr(health.Health, "_database", lambda self: rounds.append(1) or original(self))
    client = app.test_client()
    started = time.monotonic()
    for _ in range(200):
        assert client.get("/healthz").status_code == 200
    assert time.monotonic() - started < health.TTL_S   # all within one cached answer's life
    assert len(rounds) == 1
    time.sleep(health.TTL_S + 0.05)
    client.get("/healthz")
    assert len(rounds) == 2


def test_a_message_queue_that_stops_is_seen_at_a_failure_or_after_the_cache_life(tmp_path):
    from stack import Redis

    redis = Redis(tmp_path / "redis").start()
    try:
        client = app_with(tmp_path, REDIS_URL=redis.url).test_client()
        assert client.get("/healthz").status_code == 200
        redis.kill()
        assert client.get("/healthz").status_code == 200     # the answer of a moment ago
        health.invalidate()   # what a refused publish or a lost subscription does
        assert client.get("/healthz").get_json()["failed"] == ["message_queue"]
        redis.start()
        assert client.get("/healthz").status_code == 200     # a failing answer is not kept
        redis.kill()
        time.sleep(health.TTL_S + 0.05)   # nobody noticed: the healthy answer runs out
        response = client.get("/healthz")
        assert response.status_code == 503 and response.get_json()["failed"] == ["message_queue"]
    finally:
        redis.stop()


def test_the_checks_connection_lost_with_a_restarted_database_is_replaced(tmp_path):
    from stack import Postgres

    postgres = Postgres()
    try:
        client = app_with(tmp_path, DATABASE_URL=postgres.init().url).test_client()
        assert client.get("/healthz").status_code == 200
        postgres.stop("immediate")   # restarted between two checks
        postgres.start()
        health.invalidate()
        assert client.get("/healthz").status_code == 200   # not the dead connection's error
        postgres.stop("immediate")
        health.invalidate()
        assert client.get("/healthz").status_code == 503
    finally:
        postgres.remove()


def test_a_storm_during_an_outage_shares_each_check(tmp_path, monkeypatch):
    silent = Silent()
    try:
        app = app_with(tmp_path, DATABASE_URL=f"postgresql+psycopg://minbar@127.0.0.1:{silent.port}/minbar")
        rounds = []
        original = health.Health._database
        monkeypatch.setattr(health.Health, "_database", lambda self: rounds.append(1) or original(self))
        answers = []

        def ask():
            answers.append(app.test_client().get("/healthz").status_code)

        callers = [threading.Thread(target=ask) for _ in range(20)]
        started = time.monotonic()
        for caller in callers:
            caller.start()
        for caller in callers:
            caller.join(30)
        assert answers == [503] * 20
        assert len(rounds) <= 2 and time.monotonic() - started < 6   # not 20 checks of 2 s in a row
        assert app.test_client().get("/healthz").status_code == 503 and len(rounds) <= 3   # asked afresh
    finally:
        silent.close()
