"""Revoking a link withdraws its waiting floor requests: the chair's list loses the entry at once,
the withdrawal is in the event log, and granting the entry afterwards is refused `not_found`."""
from __future__ import annotations

import json
import urllib.request

import pytest

from live.test_real_server import SESSION, cli, clients, env, servers  # noqa: F401  (fixtures)
from live.test_stale_and_undo import log_actions

pytestmark = pytest.mark.live_server


def api(server, token: str, method: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"{server.url}/api/v1/conferences/gcm-arab-2021{path}", method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_revoking_a_link_withdraws_its_request_from_the_chairs_list_at_once(servers, clients, server_token, env):
    server = servers()
    organiser = server_token("organiser")
    link = api(server, organiser, "POST", "/links", {"role": "participant", "name": "Mr Omar Said",
                                                     "delegation": "Egypt"})
    chair = clients(server, server_token("chair", session=SESSION))
    delegate = clients(server, link["token"])
    chair.join(), delegate.join()
    asked = delegate.call("queue", {"session": SESSION, "action": "request"})
    entry = asked["entry"]["id"] if isinstance(asked.get("entry"), dict) else asked["entry"]
    chair.next_state(where=lambda state: [e["id"] for e in state["queue"]["entries"]] == [entry])

    api(server, organiser, "DELETE", f"/links/{link['id']}")

    state = chair.next_state(timeout=3, where=lambda state: not state["queue"]["entries"])
    assert state["queue"]["entries"] == []
    granted = chair.call("queue", {"session": SESSION, "action": "grant", "entry": entry})
    assert not granted["ok"] and granted["error"]["code"] == "not_found"
    assert log_actions(env)[-3:] == ["queue.request", "workspace.link.revoke", "queue.withdraw"]


def _waiting_request(server, clients, server_token):
    organiser = server_token("organiser")
    link = api(server, organiser, "POST", "/links", {"role": "participant", "name": "Ms Nour Haddad"})
    chair = clients(server, server_token("chair", session=SESSION))
    delegate = clients(server, link["token"])
    chair.join(), delegate.join()
    asked = delegate.call("queue", {"session": SESSION, "action": "request"})
    entry = asked["entry"]["id"] if isinstance(asked.get("entry"), dict) else asked["entry"]
    chair.next_state(where=lambda state: [e["id"] for e in state["queue"]["entries"]] == [entry])
    return link, chair


@pytest.mark.redis   # the CLI reaches the running server through Redis: deselected without REDIS_URL
def test_the_cli_revoke_tells_the_running_servers_rooms_through_the_message_queue(servers, clients,
                                                                                  server_token, env):
    server = servers()
    link, chair = _waiting_request(server, clients, server_token)

    done = cli(env, "access", "revoke", link["id"])

    assert done.returncode == 0, done.stderr
    assert "Live rooms told through the message queue: plenary-1." in done.stdout
    state = chair.next_state(timeout=3, where=lambda state: not state["queue"]["entries"])
    assert state["queue"]["entries"] == []


def test_the_cli_revoke_without_a_message_queue_says_it_cannot_reach_the_servers(servers, clients,
                                                                                 server_token, env):
    quiet = {k: v for k, v in env.items() if k != "REDIS_URL"}
    server = servers()
    link, chair = _waiting_request(server, clients, server_token)

    done = cli(quiet, "access", "revoke", link["id"])

    assert done.returncode == 0, done.stderr
    assert f"Withdrew its waiting floor requests in: {SESSION}." in done.stdout
    assert "cannot reach the running servers" in done.stdout
    assert log_actions(env)[-2:] == ["queue.request", "queue.withdraw"]
