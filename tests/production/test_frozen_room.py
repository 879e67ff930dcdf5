"""A room that knows it is frozen, with real processes: Redis stopped under two gunicorn processes
behind nginx (the chair's acknowledgement says `"delivered": "local"`, then "all" again, and the
chair's process tells its clients `delivery` when the queue is back), and PostgreSQL stopped under
one process (a participant who joins gets the last STATE the process holds, marked
`"current": false`; a key-message save answers the API's JSON 503, never an HTML 500)."""
from __future__ import annotations

import json
import queue
import time
import urllib.error
import urllib.request

from live_socket import NS, LiveClient
from stack import Minbar, cli, postgres, postgres_env, stack  # noqa: F401

SESSION = "plenary-1"


def test_redis_down_the_ack_says_local_and_the_return_is_announced(stack, server_token):
    stack.tracebacks_allowed = True   # the processes log the lost queue
    chair = stack.client(server_token("chair", session=SESSION), route="chair")
    deliveries: queue.Queue = queue.Queue()
    chair.sio.on("delivery", deliveries.put, namespace=NS)
    chair.join(SESSION)
    before = chair.call("timer", {"session": SESSION, "action": "start"})
    assert before["ok"] and before["delivered"] == "all", before

    stack.redis.kill()
    during = chair.call("timer", {"session": SESSION, "action": "adjust", "seconds": 60})
    assert during["ok"], during                     # stored and acknowledged all the same
    assert during["delivered"] == "local", during
    again = chair.call("timer", {"session": SESSION, "action": "pause"})
    assert again["ok"] and again["delivered"] == "local", again

    stack.redis.start()
    # On its return the chair's process says so to its clients, with the latest STATE.
    assert deliveries.get(timeout=5) == {"delivered": "all"}
    assert chair.next_state(where=lambda s: s["version"] == again["state"]["version"])
    after = chair.call("timer", {"session": SESSION, "action": "resume"})
    assert after["ok"] and after["delivered"] == "all", after


def _put(url: str, body: dict, token: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_postgres_down_a_join_gets_the_last_state_marked_and_the_api_answers_json_503(postgres, tmp_path):
    env = postgres_env(postgres, tmp_path)

    def issue(role):
        return cli(env, "access", "issue", "--conference", "gcm-arab-2021", "--role", role, "--session", SESSION,
                   "--token-only").strip().splitlines()[-1]

    cli(env, "init")
    chair_token, rapporteur = issue("chair"), issue("rapporteur")
    server = Minbar(env).start()
    clients = []
    try:
        chair = LiveClient(server.url, chair_token)
        clients.append(chair)
        chair.join(SESSION)
        started = chair.call("timer", {"session": SESSION, "action": "start"})
        assert started["ok"], started
        base = f"{server.url}/api/v1/conferences/gcm-arab-2021/sessions/{SESSION}/key-messages"
        created = urllib.request.urlopen(urllib.request.Request(
            base, data=json.dumps({"text": "States shared data."}).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": "Bearer " + rapporteur}), timeout=10)
        message = json.loads(created.read())

        postgres.stop("immediate")
        newcomer = LiveClient(server.url)
        clients.append(newcomer)
        answer = newcomer.call("join", {"session": SESSION})
        assert answer["ok"], answer
        assert answer["current"] is False
        assert answer["state"]["version"] == started["state"]["version"]
        assert answer["state"]["timer"]["started_at"] == started["state"]["timer"]["started_at"]

        status, kind, body = _put(f"{base}/{message['id']}", {"base_revision": message["revision"],
                                                              "text": "Saved during the outage."}, rapporteur)
        assert status == 503 and kind.startswith("application/json"), (status, kind, body[:300])
        assert json.loads(body)["error"]["code"] == "unavailable"

        postgres.start()
        deadline = time.monotonic() + 15
        while True:
            fresh = newcomer.call("join", {"session": SESSION})
            if fresh["ok"] and fresh["current"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert fresh["ok"] and fresh["current"] is True, fresh
    finally:
        for client in clients:
            client.close()
        server.stop()
