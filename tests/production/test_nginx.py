"""The tested deployment (deploy/): Debian's nginx with deploy/nginx-minbar.conf in front of two
Minbar processes under gunicorn (deploy/gunicorn.conf.py, gevent), Redis as the message queue, one
database. A chair and participants go through nginx over WebSocket and over long-polling, spread
over both processes by the route cookie; every participant sees the chair's change."""
from __future__ import annotations

import json
import time

import pytest

from live_socket import now_ms
from stack import http_get, served_by_all, stack, start_reaches_everyone  # noqa: F401  (stack: the fixture)

SESSION = "plenary-1"


def test_pages_health_and_route_cookie_through_nginx(stack):
    status, headers, body = http_get(stack.nginx.url + "/healthz")
    assert status == 200
    health = json.loads(body)
    assert health["status"] == "ok"
    assert health["checks"] == {"database": "ok", "message_queue": "ok"}

    status, headers, body = http_get(stack.nginx.url + "/conferences/gcm-arab-2021")
    assert status == 200 and b"<html" in body
    assert headers.get("Set-Cookie", "").startswith("minbar_route=")
    # Once a browser has its key, pages do not hand it another (its connections would move).
    status, headers, _ = http_get(stack.nginx.url + "/conferences/gcm-arab-2021",
                                  headers={"Cookie": "minbar_route=abc"})
    assert status == 200 and "Set-Cookie" not in headers
    status, headers, body = http_get(stack.nginx.url + "/static/js/live.js")
    assert status == 200 and len(body) > 100


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_chair_and_participants_over_both_processes(stack, server_token, transport):
    chair = stack.client(server_token("chair", session=SESSION), transport="websocket")
    participants = [stack.client(transport=transport, route=f"delegate-{i}") for i in range(8)]
    assert chair.join(SESSION)["timer"]["status"] == "idle"
    for participant in participants:
        assert participant.join(SESSION)["version"] == 0

    answer = start_reaches_everyone(chair, participants, SESSION)

    if transport == "polling":
        # Long-polling holds: several polling cycles later, every request of a connection still
        # reaches the process that has it (a non-sticky proxy answers "Invalid session").
        time.sleep(1.5)
        answer = chair.call("timer", {"session": SESSION, "action": "pause"})
        for participant in participants:
            state = participant.next_state(where=lambda s: s["version"] == answer["state"]["version"])
            assert state["timer"]["status"] == "paused"
            assert participant.connected
    assert abs(answer["state"]["server_time"] - now_ms()) < 5000

    # The route keys spread the participants over both processes (nginx logs a WebSocket when
    # it closes).
    for participant in participants:
        participant.close()
    assert served_by_all(stack.nginx, {p.port for p in stack.processes}) == {p.port for p in stack.processes}


def test_a_running_timer_sends_nothing_while_nobody_touches_it(stack, server_token):
    """Clients compute the clock from STATE; the server sends no tick (docs/performance.md)."""
    chair = stack.client(server_token("chair", session=SESSION))
    participants = [stack.client(transport=t, route=f"p-{t}") for t in ("websocket", "polling")]
    events = []
    for participant in participants:
        participant.sio.on("*", lambda event, *data: events.append(event), namespace="/live")
        participant.join(SESSION)
    chair.join(SESSION)
    started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]
    for participant in participants:
        participant.next_state(where=lambda s: s["version"] == started["version"])
    time.sleep(0.5)
    before = (len(events), [p.states.qsize() for p in participants])
    time.sleep(6)
    assert (len(events), [p.states.qsize() for p in participants]) == before == (0, [0, 0])
