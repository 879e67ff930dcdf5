"""A rehearsal survives a restart: `minbar run --at …` killed with -9 and started again with the
same command continues the rehearsal clock where it was (the offset is kept with the instance);
a different `--at` starts a new rehearsal, and says so."""
from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import ROOT, free_port, wait_healthy
from live.test_real_server import Client

SESSION = "plenary-1"
AT = "2021-02-24T11:14"


class Rehearsal:
    """`minbar run --port P --no-links --at AT` as its own process; its output kept in a file."""

    def __init__(self, env: dict, tmp_path, at: str, port: int):
        self.env, self.at, self.port = env, at, port
        self.url = f"http://127.0.0.1:{port}"
        self.log = tmp_path / f"run-{port}-{time.monotonic_ns()}.log"
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "conference.cli", "run", "--port", str(port), "--no-links", "--at", at],
                env=env, cwd=str(ROOT), stdout=out, stderr=subprocess.STDOUT)
        try:      # a minute on a loaded machine, as the suite's other servers; none left behind
            wait_healthy(self.url, self.process, 60, "minbar run --at", self.log)
        except RuntimeError:
            self.kill()
            raise

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        self.process.kill()   # SIGKILL: nothing is saved on the way out
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def rehearsals(server_env, tmp_path):
    env = {key: value for key, value in server_env.items() if key != "MINBAR_AT"}
    started: list[Rehearsal] = []

    def start(at: str = AT, port: int | None = None) -> Rehearsal:
        server = Rehearsal(env, tmp_path, at, port or free_port())
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    assert not any("Traceback" in server.output() for server in started)


def server_now(client: Client) -> datetime:
    return datetime.fromtimestamp(client.call("clock")["server_time"] / 1000, timezone.utc)


def test_killed_rehearsal_resumes_the_timer_where_it_was(rehearsals, server_token):
    first = rehearsals()
    assert "New rehearsal" in first.output()
    chair = Client(first.url, server_token("chair", session=SESSION))
    try:
        chair.join()
        started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
        assert started["timer"]["status"] == "running"
        started_real = time.monotonic()
        time.sleep(3)
    finally:
        chair.close()
    first.kill()

    second = rehearsals(port=first.port)   # the same command again
    viewer = Client(second.url)
    try:
        state = viewer.join()
        real_elapsed_ms = (time.monotonic() - started_real) * 1000
        assert state["timer"]["status"] == "running"
        assert state["timer"]["elapsed_ms"] >= 3000
        assert abs(state["timer"]["elapsed_ms"] - real_elapsed_ms) < 1000, (state["timer"], real_elapsed_ms)
        # The clock itself went on: about the rehearsal's real running time past 11:14 Beirut.
        begun = datetime(2021, 2, 24, 9, 14, tzinfo=timezone.utc)
        assert server_now(viewer) - begun >= timedelta(seconds=3)
    finally:
        viewer.close()
    assert "Rehearsal continued" in second.output()


def test_a_different_at_starts_a_new_rehearsal_and_says_so(rehearsals):
    first = rehearsals()
    first.stop()
    second = rehearsals(at="2021-02-24T09:00")
    assert "New rehearsal" in second.output() and "is over" in second.output()
    viewer = Client(second.url)
    try:
        now = server_now(viewer)
    finally:
        viewer.close()
    assert abs(now - datetime(2021, 2, 24, 7, 0, tzinfo=timezone.utc)) < timedelta(seconds=10)
