"""The /live protocol end to end: real python-socketio clients against real server processes.

Each test starts `minbar run` (threading, Werkzeug) on a free port of 127.0.0.1 on the test's
own database, on the real clock (elapsed times are compared with the test's own clock; the
rehearsal clock across a restart is tests/live/test_rehearsal_restart.py). What is checked here cannot be seen in-process: the websocket
transport, a kill -9 and restart, revocation by another process (the CLI), the rate limit under a
real burst, and two processes sharing Redis.
"""
from __future__ import annotations

import queue
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

from conftest import ROOT, ServerProcess, free_port
from live_socket import NS, SESSION, LiveClient, now_ms, settled  # noqa: F401  (NS: for the modules importing it)


@pytest.fixture
def env(server_env):
    """The server environment on the real clock (see the module docstring)."""
    return {key: value for key, value in server_env.items() if key != "MINBAR_AT"}


@pytest.fixture
def servers(env):
    """start(port=None, **extra_env) -> a running ServerProcess; all are stopped at the end and
    their logs are checked for tracebacks (a handler that crashed)."""
    started: list[ServerProcess] = []

    def start(port: int | None = None, **extra) -> ServerProcess:
        process = ServerProcess({**env, **extra}, port or free_port()).start()
        started.append(process)
        return process

    yield start
    logs = []
    for process in started:
        running = process.process
        if running.poll() is None:
            running.terminate()
            running.wait(10)
        process.stop()
        if process.log.exists():     # the server's stdout and stderr (ServerProcess)
            logs.append(process.log.read_text(errors="replace"))
    assert not any("Traceback" in log for log in logs), "\n".join(logs)[-4000:]


@pytest.fixture
def clients():
    """connect(server, token=None) -> a connected Client on /live (websocket only); all closed at the end."""
    made: list[Client] = []

    def connect(server: ServerProcess, token: str | None = None, **options) -> "Client":
        client = Client(server.url, token, **options)
        made.append(client)
        return client

    yield connect
    for client in made:
        client.close()


class Client(LiveClient):
    """The shared client, waiting 5 s at most: `minbar run` on this machine answers in milliseconds."""

    def __init__(self, url: str, token: str | None = None, **options):
        super().__init__(url, token, **{"timeout": 5, **options})


def healthy(server: ServerProcess) -> bool:
    with urllib.request.urlopen(server.url + "/healthz", timeout=3) as response:
        return response.status == 200


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "conference.cli", *args], env=env, cwd=str(ROOT),
                          capture_output=True, text=True, timeout=60)


# -- the timer across clients ---------------------------------------------------------------

def test_chair_starts_timer_and_participant_receives_running_state(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    participant = clients(server, server_token("participant", name="Delegate of Tunisia"))
    assert chair.join()["timer"]["status"] == "idle"
    assert participant.join()["version"] == 0

    answer = chair.call("timer", {"session": SESSION, "action": "start"})

    assert answer["ok"] is True
    received = participant.next_state()
    assert received == answer["state"]
    assert received["version"] == 1 and received["slot"] == "plenary-1-state-a"
    assert received["timer"] == {"status": "running", "limit_s": 300, "elapsed_ms": 0,
                                 "started_at": received["server_time"], "warn_s": 60}
    assert abs(received["server_time"] - now_ms()) < 2000


def test_participants_start_is_forbidden_and_changes_nothing(servers, clients, server_token):
    server = servers()
    participant = clients(server, server_token("participant", name="Delegate"))
    watcher = clients(server)
    before = watcher.join()

    answer = participant.call("timer", {"session": SESSION, "action": "start"})

    assert answer == {"ok": False, "error": {"code": "forbidden",
                                             "message": "Your role may not do this in this session."}}
    assert settled(watcher.join()) == settled(before)
    assert watcher.drain() == []
    assert participant.connected


def test_killed_server_restarts_with_the_timer_running_and_elapsed_right(servers, clients, server_token, env):
    first = servers()
    chair = clients(first, server_token("chair", session=SESSION))
    chair.join()
    chair.call("slot", {"session": SESSION, "action": "next"})
    started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
    time.sleep(1.5)
    chair.call("timer", {"session": SESSION, "action": "adjust", "seconds": 60})

    first.kill()
    time.sleep(1.0)   # the speaker goes on speaking while nothing is serving
    second = servers(first.port)   # same database, same port
    third = servers()              # and a fresh process on another port
    for server in (second, third):
        viewer = clients(server)
        state = viewer.join()
        expected_elapsed = now_ms() - started["timer"]["started_at"]
        assert state["version"] == 3
        assert state["slot"] == "plenary-1-state-b"
        assert state["timer"]["status"] == "running"
        assert state["timer"]["started_at"] == started["timer"]["started_at"]
        assert state["timer"]["limit_s"] == 300 + 60
        assert abs(state["timer"]["elapsed_ms"] - expected_elapsed) < 1000, (state, expected_elapsed)
        assert state["timer"]["elapsed_ms"] >= 2500


def test_client_reconnects_by_itself_after_a_restart_and_gets_the_full_state(servers, clients, server_token):
    first = servers()
    chair = clients(first, server_token("chair", session=SESSION))
    chair.join()
    state = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
    viewer = clients(first, reconnection=True)
    viewer.join()

    first.kill()
    viewer.disconnects.get(timeout=5)
    servers(first.port)
    deadline = time.monotonic() + 10
    while not viewer.connected and time.monotonic() < deadline:
        time.sleep(0.05)

    again = viewer.join()
    assert settled(again)["timer"]["started_at"] == state["timer"]["started_at"]
    assert again["version"] == state["version"] and again["timer"]["status"] == "running"


# -- revocation -----------------------------------------------------------------------------

def test_revoked_link_is_refused_at_connect(servers, server_token, env):
    server = servers()
    token = server_token("participant", name="Revoked delegate")
    done = cli(env, "access", "revoke", token)
    assert done.returncode == 0, done.stderr

    refusal = Client.refused(server.url, token)

    message = "This access link has been revoked or does not exist."
    assert refusal == {"message": message, "data": {"code": "unauthorized", "message": message}}


def test_forged_token_is_refused_at_connect_with_a_readable_reason(servers):
    server = servers()
    refusal = Client.refused(server.url, "not-a-token")
    assert refusal["data"]["code"] == "unauthorized"
    assert refusal["message"] == refusal["data"]["message"] and "{" not in refusal["message"]


def test_open_connection_is_disconnected_within_two_seconds_of_revocation(servers, clients, server_token, env):
    server = servers()
    chair_token = server_token("chair", session=SESSION)
    chair = clients(server, chair_token)
    chair.join()
    bystander = clients(server, server_token("participant", name="Bystander"))
    bystander.join()

    done = cli(env, "access", "revoke", chair_token)
    revoked_at = time.monotonic()

    assert done.returncode == 0, done.stderr
    gone_at = chair.disconnects.get(timeout=3)
    assert gone_at - revoked_at < 2.0
    assert not chair.connected
    # Everyone else stays, and the server goes on serving.
    assert bystander.connected and bystander.call("clock")["ok"]
    assert Client.refused(server.url, chair_token)["data"]["code"] == "unauthorized"


def test_revoked_chair_cannot_act_through_another_open_connection(servers, clients, server_token, env):
    # Two tabs with the same link: both are cut off.
    server = servers()
    token = server_token("chair", session=SESSION)
    tabs = [clients(server, token), clients(server, token)]
    for tab in tabs:
        tab.join()
    assert cli(env, "access", "revoke", token).returncode == 0
    for tab in tabs:
        tab.disconnects.get(timeout=3)
    watcher = clients(server)
    assert watcher.join()["version"] == 0


# -- reconnect, rate limit, robustness ---------------------------------------------------------

def test_reconnect_gets_the_full_current_state_at_once(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(server)
    viewer.join()
    viewer.close()

    for payload in ({"action": "start"}, {"action": "adjust", "seconds": -30}, {"action": "pause"}):
        last = chair.call("timer", {"session": SESSION, **payload})["state"]
    back = clients(server)
    joined_at = time.monotonic()
    state = back.join()

    assert time.monotonic() - joined_at < 1.0
    assert settled(state) == settled(last)
    assert state["version"] == 3
    assert state["timer"]["status"] == "paused" and state["timer"]["limit_s"] == 270


def test_a_burst_from_one_connection_is_rate_limited_without_affecting_another(servers, clients, server_token):
    server = servers()
    flooder = clients(server, server_token("participant", name="Flooder"))
    chair = clients(server, server_token("chair", session=SESSION))
    viewer = clients(server)
    viewer.join()

    answers = [flooder.call("clock") for _ in range(60)]
    codes = [a["error"]["code"] for a in answers if not a["ok"]]

    assert 20 <= sum(a["ok"] for a in answers) <= 45   # a burst of 30, then about 10 a second
    assert codes and set(codes) == {"rate_limited"}
    # The others are untouched: the chair acts and the viewer hears it.
    started = chair.call("timer", {"session": SESSION, "action": "start"})
    assert started["ok"] is True
    assert viewer.next_state()["version"] == started["state"]["version"]
    assert all(viewer.call("clock")["ok"] for _ in range(10))
    # The flooder is still connected and is served again once it slows down.
    assert flooder.connected
    time.sleep(0.5)
    assert flooder.call("clock")["ok"] is True


def test_garbage_of_every_shape_never_drops_anyone_or_crashes_the_server(servers, clients, server_token):
    # The rate limit is off, so that every payload is validated (a rate_limited answer would say
    # nothing about it); the limit itself is tested above.
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(server)
    viewer.join()
    garbage = [None, 0, "x", [], [1, {"a": 2}], {"session": None}, {"session": "plenary-1", "action": None},
               {"session": "plenary-1", "action": "goto"}, {"session": "plenary-1", "action": "adjust", "seconds": 1e300},
               {"session": "plenary-1", "action": "start", "pad": "x" * 40_000}, {"session": "\u0000", "action": "start"}]

    answers = [chair.call(event, payload) for event in ("timer", "slot", "join", "clock", "queue", "no-such-event")
               for payload in garbage[:4]]
    answers += [chair.call("timer", payload) for payload in garbage] + [chair.call("slot", payload) for payload in garbage]

    assert all(isinstance(a, dict) and a["ok"] in (True, False) for a in answers)
    assert {a["error"]["code"] for a in answers if not a["ok"]} <= {"bad_request", "not_found"}
    # Every garbage payload of a command was refused; only the well-formed ones were applied.
    refused = [a for a in answers[24:] if not a["ok"]]
    assert len(refused) >= 2 * len(garbage) - 4, answers[24:]
    assert chair.connected and viewer.connected
    assert healthy(server)
    time.sleep(1.0)   # 46 events in a burst: let the rate limit's bucket refill
    assert chair.call("timer", {"session": SESSION, "action": "start"})["ok"]
    assert viewer.next_state(where=lambda s: s["timer"]["status"] == "running")


# -- several processes on Redis ----------------------------------------------------------------

@pytest.mark.redis   # two processes sharing Redis as the message queue: deselected without REDIS_URL
def test_command_on_one_process_reaches_a_client_on_another_through_redis(servers, clients, server_token):
    # A channel of this test's own, so other servers on the same Redis cannot talk into it.
    channel = f"minbar-test-{uuid.uuid4().hex}"
    a = servers(MINBAR_CHANNEL=channel)
    b = servers(MINBAR_CHANNEL=channel)
    chair = clients(a, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(b)
    viewer.join()

    answer = chair.call("timer", {"session": SESSION, "action": "start"})
    received = viewer.next_state()

    assert received == answer["state"]
    # And back: a command through B is heard by a client of A.
    chair_b = clients(b, server_token("chair", session=SESSION))
    listener_a = clients(a)
    listener_a.join()
    paused = chair_b.call("timer", {"session": SESSION, "action": "pause"})
    assert listener_a.next_state() == paused["state"]
    assert paused["state"]["version"] == 2


@pytest.mark.redis   # two processes sharing Redis as the message queue: deselected without REDIS_URL
def test_processes_on_different_channels_do_not_hear_each_other(servers, clients, server_token):
    a = servers(MINBAR_CHANNEL=f"minbar-test-{uuid.uuid4().hex}")
    b = servers(MINBAR_CHANNEL=f"minbar-test-{uuid.uuid4().hex}")
    chair = clients(a, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(b)
    viewer.join()
    assert chair.call("timer", {"session": SESSION, "action": "start"})["ok"]
    with pytest.raises(queue.Empty):
        viewer.next_state(timeout=1.0)
