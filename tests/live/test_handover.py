"""Two consoles cannot overrun each other (sessions.live.handover), over the real protocol:
python-socketio clients against a real server process."""
from __future__ import annotations

import time

from live.test_real_server import Client, clients, env, servers  # noqa: F401  (fixtures)
from live.test_stale_and_undo import log_actions

SESSION = "plenary-1"


def call(client: Client, event: str, **payload) -> dict:
    return client.call(event, {"session": SESSION, **payload})


def test_a_second_console_pressing_next_right_after_the_first_is_refused_naming_who(servers, clients,
                                                                                    server_token, env):
    server = servers()
    token = server_token("chair", session=SESSION, name="Chair Hana")
    a, b = clients(server, token), clients(server, token)
    a.join(), b.join()

    moved = call(a, "slot", action="next", expect=0)
    seen = b.next_state(where=lambda state: state["version"] == moved["state"]["version"])
    refused = call(b, "slot", action="next", expect=seen["version"])     # its expect matches

    assert moved["ok"] and moved["state"]["slot"] == "plenary-1-state-b"
    assert not refused["ok"], refused
    error = refused["error"]
    assert error["code"] == "just_changed"
    assert (error["by"], error["role"], error["action"]) == ("Chair Hana", "chair", "slot.next")
    assert 0 <= error["ago_ms"] < 1500
    assert error["state"]["slot"] == "plenary-1-state-b"                # B stays: C was not reached
    assert error["state"]["handover"]["action"] == "slot.next"
    assert log_actions(env) == ["slot.next"]


def test_do_it_anyway_with_force_moves(servers, clients, server_token, env):
    server = servers()
    token = server_token("chair", session=SESSION)
    a, b = clients(server, token), clients(server, token)
    a.join(), b.join()
    moved = call(a, "slot", action="next")

    refused = call(b, "slot", action="next", expect=moved["state"]["version"])
    forced = call(b, "slot", action="next", expect=moved["state"]["version"], force=True)

    assert refused["error"]["code"] == "just_changed"
    assert forced["ok"] and forced["state"]["slot"] == "plenary-1-state-c"
    assert log_actions(env) == ["slot.next", "slot.next"]


def test_a_timer_start_right_after_another_consoles_move_is_refused_but_a_pause_is_not(servers, clients,
                                                                                        server_token):
    server = servers()
    token = server_token("chair", session=SESSION)
    a, b = clients(server, token), clients(server, token)
    a.join(), b.join()

    call(a, "slot", action="next")
    start = call(b, "timer", action="start")
    call(a, "timer", action="start")
    pause = call(b, "timer", action="pause")

    assert start["error"]["code"] == "just_changed" and start["error"]["action"] == "slot.next"
    assert pause["ok"] and pause["state"]["timer"]["status"] == "paused"


def test_the_same_console_is_never_refused_and_another_after_the_window_is_not(servers, clients, server_token):
    server = servers()
    token = server_token("chair", session=SESSION)
    a, b = clients(server, token), clients(server, token)
    a.join(), b.join()

    first, again = call(a, "slot", action="next"), call(a, "slot", action="next")
    time.sleep(1.6)
    later = call(b, "slot", action="next")

    assert first["ok"] and again["ok"] and again["state"]["slot"] == "plenary-1-state-c"
    assert later["ok"] and later["state"]["slot"] == "plenary-1-state-d"


def test_the_window_comes_from_configuration(servers, clients, server_token):
    server = servers(MINBAR_HANDOVER_S="0")
    token = server_token("chair", session=SESSION)
    a, b = clients(server, token), clients(server, token)
    a.join(), b.join()

    call(a, "slot", action="next")
    second = call(b, "slot", action="next")

    assert second["ok"] and second["state"]["slot"] == "plenary-1-state-c"


def test_a_force_that_is_not_a_boolean_is_bad_request(servers, clients, server_token):
    server = servers()
    chair = clients(server, server_token("chair", session=SESSION))
    chair.join()

    answer = call(chair, "slot", action="next", force="yes")

    assert answer["error"]["code"] == "bad_request"
