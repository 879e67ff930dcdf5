"""`expect`/`stale` and `undo` over the real protocol: python-socketio clients against a real
server process (websocket), and, for the 60-second limit, in-process against the injected clock."""
from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from conftest import ack
from live.test_real_server import Client, clients, env, servers, settled  # noqa: F401  (fixtures)

SESSION = "plenary-1"


def log_actions(env: dict) -> list[str]:
    from conference.db import Database
    from sessions.models import EventLog

    database = Database(env["DATABASE_URL"])
    try:
        with database.session_scope() as db:
            return list(db.scalars(select(EventLog.action).order_by(EventLog.id)))
    finally:
        database.engine.dispose()


def call(client: Client, event: str, **payload) -> dict:
    return client.call(event, {"session": SESSION, **payload})


# -- expect / stale --------------------------------------------------------------------------

def test_two_consoles_pressing_next_together_move_once_and_the_other_is_told(servers, clients, server_token, env):
    server = servers()
    token = server_token("chair", session=SESSION)
    a, b = clients(server, token), clients(server, token)
    seen = a.join()["version"]
    assert b.join()["version"] == seen
    answers: dict[str, dict] = {}
    go = threading.Barrier(2)

    def press(name: str, console: Client) -> None:
        go.wait()
        answers[name] = call(console, "slot", action="next", expect=seen)

    threads = [threading.Thread(target=press, args=(n, c)) for n, c in (("a", a), ("b", b))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    moved = [x for x in answers.values() if x["ok"]]
    refused = [x for x in answers.values() if not x["ok"]]
    assert len(moved) == 1 and len(refused) == 1, answers
    assert moved[0]["state"]["slot"] == "plenary-1-state-b"            # B -> C, never B -> D
    error = refused[0]["error"]
    assert error["code"] == "stale"
    assert settled(error["state"]) == settled(moved[0]["state"])
    assert settled(clients(server).join()) == settled(moved[0]["state"])
    assert log_actions(env) == ["slot.next"]


def test_stale_command_changes_nothing_and_is_not_logged(servers, clients, server_token, env):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(server)
    viewer.join()
    started = call(chair, "timer", action="start", expect=0)
    assert started["ok"] and started["state"]["version"] == 1
    viewer.next_state()

    for event, payload in (("timer", {"action": "reset"}), ("slot", {"action": "next"}),
                           ("message", {"action": "send", "text": "Please conclude"}),
                           ("queue", {"action": "close"}), ("channel", {"action": "floor", "language": "en"}),
                           ("presentation", {"action": "next"}), ("undo", {})):
        answer = call(chair, event, expect=0, **payload)
        assert answer["ok"] is False and answer["error"]["code"] == "stale", (event, answer)
        assert answer["error"]["state"]["version"] == 1
        assert answer["error"]["state"]["timer"]["status"] == "running"

    assert viewer.drain() == []
    assert clients(server).join()["version"] == 1
    assert log_actions(env) == ["timer.start"]


def test_malformed_expect_is_bad_request(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    for bad in (-1, 1.5, "0", True, [0]):
        answer = call(chair, "timer", action="start", expect=bad)
        assert answer["error"]["code"] == "bad_request", (bad, answer)
    assert clients(server).join()["version"] == 0


def test_participants_own_actions_need_no_expect(servers, clients, server_token):
    server = servers()
    participant = clients(server, server_token("participant", name="Delegate of Oman"))
    participant.join()
    assert call(participant, "queue", action="request")["ok"]
    assert call(participant, "channel", action="select", language="floor")["ok"]


# -- undo ------------------------------------------------------------------------------------

def test_reset_then_undo_restores_the_running_timer(servers, clients, server_token, env):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    viewer = clients(server)
    viewer.join()
    started = call(chair, "timer", action="start", expect=0)["state"]
    time.sleep(1.5)
    reset = call(chair, "timer", action="reset", expect=1)["state"]
    elapsed_at_reset = reset["server_time"] - started["timer"]["started_at"]
    assert reset["timer"]["status"] == "idle"
    assert reset["undo"] == {"action": "timer.reset", "version": 2, "until": reset["server_time"] + 60000}
    time.sleep(1.0)

    undone = call(chair, "undo", expect=2)

    assert undone["ok"] is True, undone
    state = undone["state"]
    assert state["version"] == 3 and state["undo"] is None
    assert state["timer"]["status"] == "running"
    assert abs(state["timer"]["elapsed_ms"] - elapsed_at_reset) < 300, (state, elapsed_at_reset)
    assert viewer.next_state(where=lambda s: s["version"] == 3)["timer"]["status"] == "running"
    assert log_actions(env) == ["timer.start", "timer.reset", "undo"]


def test_undo_of_next_goes_back_to_the_speaker(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    first = chair.join()
    call(chair, "timer", action="start")
    moved = call(chair, "slot", action="next")["state"]
    assert moved["slot"] == "plenary-1-state-b" and moved["timer"]["status"] == "idle"

    back = call(chair, "undo", expect=moved["version"])["state"]

    assert back["slot"] == first["slot"] and back["timer"]["status"] == "running"
    assert back["actuals"] == first["actuals"]


def test_undo_is_refused_after_another_change(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    participant = clients(server, server_token("participant", name="Delegate of Jordan"))
    chair.join()
    participant.join()
    moved = call(chair, "slot", action="next")["state"]
    asked = call(participant, "queue", action="request")["state"]
    assert asked["version"] == moved["version"] + 1 and asked["undo"] is None

    answer = call(chair, "undo", expect=asked["version"])

    assert answer["error"]["code"] == "invalid_state"
    assert clients(server).join()["slot"] == "plenary-1-state-b"


def test_undo_twice_is_refused_the_second_time(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    call(chair, "slot", action="next")
    moved = call(chair, "slot", action="next")["state"]
    once = call(chair, "undo", expect=moved["version"])
    assert once["ok"] and once["state"]["slot"] == "plenary-1-state-b"

    twice = call(chair, "undo", expect=once["state"]["version"])

    assert twice["error"]["code"] == "invalid_state"
    assert clients(server).join()["slot"] == "plenary-1-state-b"


def test_undo_is_for_the_chair_only(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()
    moved = call(chair, "slot", action="next")["state"]
    participant = clients(server, server_token("participant", name="Delegate"))
    other_chair = clients(server, server_token("chair", session="plenary-2"))
    anonymous = clients(server)

    assert call(participant, "undo", expect=moved["version"])["error"]["code"] == "forbidden"
    assert call(other_chair, "undo", expect=moved["version"])["error"]["code"] == "forbidden"
    assert call(anonymous, "undo", expect=moved["version"])["error"]["code"] == "unauthorized"
    assert call(chair, "undo", expect=moved["version"])["ok"] is True


def test_undo_is_refused_after_sixty_seconds_by_the_servers_clock(issue_token, live_client, clock):
    chair = live_client(issue_token("chair", session=SESSION))
    ack(chair, "join", {"session": SESSION})
    moved = ack(chair, "slot", {"session": SESSION, "action": "next"})["state"]
    clock.advance(seconds=60, ms=1)

    answer = ack(chair, "undo", {"session": SESSION, "expect": moved["version"]})

    assert answer["ok"] is False and answer["error"]["code"] == "invalid_state"
    after = ack(chair, "join", {"session": SESSION})["state"]
    assert after["slot"] == "plenary-1-state-b" and after["version"] == moved["version"]
    assert after["undo"] is None


def test_undo_within_sixty_seconds_by_the_servers_clock(issue_token, live_client, clock):
    chair = live_client(issue_token("chair", session=SESSION))
    ack(chair, "join", {"session": SESSION})
    moved = ack(chair, "slot", {"session": SESSION, "action": "next"})["state"]
    clock.advance(seconds=59)
    answer = ack(chair, "undo", {"session": SESSION, "expect": moved["version"]})
    assert answer["ok"] is True and answer["state"]["slot"] == "plenary-1-state-a"


def test_planned_versus_actual_agrees_with_the_timer_after_an_undo(loaded_app, issue_token, live_client, clock):
    from conference import queries
    from sessions.reports import actuals_query

    chair = live_client(issue_token("chair", session=SESSION))
    ack(chair, "join", {"session": SESSION})
    ack(chair, "timer", {"session": SESSION, "action": "start"})
    clock.advance(seconds=40)
    moved = ack(chair, "slot", {"session": SESSION, "action": "next"})["state"]
    clock.advance(seconds=5)                       # the slip is in force for 5 s
    assert ack(chair, "undo", {"session": SESSION, "expect": moved["version"]})["ok"]
    clock.advance(seconds=20)
    state = ack(chair, "join", {"session": SESSION})["state"]
    assert state["timer"]["elapsed_ms"] == 60_000  # 40 s before the slip, 20 s after the undo

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        rows = actuals_query.report(db, queries.conference(db, "gcm-arab-2021"), clock.now(), session=SESSION)
    [first] = [r for r in rows if r.slot == state["slot"]]
    assert first.actual_ms == 60_000 and first.running
