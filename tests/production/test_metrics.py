"""Metrics, health and logs of the deployed stack (tests/stack.py): each gunicorn process scraped on
its own port while a chair and participants work through nginx; /metrics never through nginx; the
message queue and the database stopped for real; gunicorn's JSON log and nginx's access log read
back, the same request id in both, no token in either."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time

from live_socket import LiveClient
from prometheus_text import sample
from stack import ROOT, Minbar, Postgres, http_get, stack  # noqa: F401  (stack: the fixture)

SESSION = "plenary-1"


def scrape(process) -> str:
    status, headers, body = http_get(process.url + "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    return body.decode()


def total(texts, name, **labels) -> float:
    return sum(sample(text, name, **labels) for text in texts)


def json_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_a_scrape_of_each_process_moves_with_live_commands(stack, server_token):
    before = [scrape(p) for p in stack.processes]
    chair = stack.client(server_token("chair", session=SESSION), route="chair")
    participants = [stack.client(route=f"delegate-{i}", transport="websocket" if i % 2 else "polling")
                    for i in range(6)]
    chair.join(SESSION)
    for participant in participants:
        participant.join(SESSION)
    for action in ("start", "pause", "resume"):
        answer = chair.call("timer", {"session": SESSION, "action": action})
        assert answer["ok"], answer
        for participant in participants:
            participant.next_state(where=lambda s: s["version"] == answer["state"]["version"])
    assert participants[0].call("timer", {"session": SESSION, "action": "pause"})["error"]["code"] == "unauthorized"
    after = [scrape(p) for p in stack.processes]

    def moved(name, **labels):
        return total(after, name, **labels) - total(before, name, **labels)

    assert moved("minbar_commands_total", family="timer", code="ok") == 3
    assert moved("minbar_commands_total", family="timer", code="unauthorized") == 1
    assert moved("minbar_commands_total", family="join", code="ok") == 7
    assert moved("minbar_command_seconds_count", family="timer") == 4
    assert moved("minbar_broadcast_lag_seconds_count", family="timer") == 3
    assert moved("minbar_connections") == 7
    assert moved("minbar_session_connections", conference="gcm-arab-2021", session=SESSION) == 7
    # Per process: the participants are spread over both, each process counts its own.
    assert all(sample(a, "minbar_connections") > sample(b, "minbar_connections") for a, b in zip(after, before))
    assert all(sample(text, "minbar_up", part="message_queue") == 1 for text in after)
    assert all(sample(text, "process_open_fds") > 0 for text in after)


def test_metrics_never_through_nginx_and_health_only_from_loopback(stack):
    status, _, body = http_get(stack.nginx.url + "/metrics")
    assert status == 404 and b"minbar_" not in body
    assert http_get(stack.nginx.url + "/healthz")[0] == 200     # the monitor on this machine
    # From another address (127.0.0.2 is loopback to the machine, not to nginx's `allow`).
    connection = http.client.HTTPConnection("127.0.0.1", stack.nginx.port, timeout=5,
                                            source_address=("127.0.0.2", 0))
    connection.request("GET", "/healthz")
    assert connection.getresponse().status == 403
    connection.close()
    stack.nginx.stop()   # flush the access log
    [record] = [r for r in stack.nginx.log_records() if r["uri"] == "/metrics"]
    assert record["status"] == 404 and record["upstream"] == ""  # answered by nginx: no process asked


def test_message_queue_down_counts_publish_failures_and_health_names_it(stack, server_token):
    stack.tracebacks_allowed = True
    chair = LiveClient(stack.processes[0].url, server_token("chair", session=SESSION))
    try:
        chair.join(SESSION)
        before = scrape(stack.processes[0])
        stack.redis.kill()
        assert chair.call("timer", {"session": SESSION, "action": "start"})["ok"]   # stored, not shared
        time.sleep(1.1)   # past the cached health answer
        status, _, body = http_get(stack.processes[0].url + "/healthz")
        assert status == 503
        assert json.loads(body)["status"] == "degraded" and json.loads(body)["failed"] == ["message_queue"]
        after = scrape(stack.processes[0])
        assert sample(after, "minbar_message_queue_publish_failures_total") > \
            sample(before, "minbar_message_queue_publish_failures_total")
        assert sample(after, "minbar_up", part="message_queue") == 0
        assert sample(after, "minbar_up", part="database") == 1
    finally:
        chair.close()


def test_gunicorn_logs_json_with_nginx_request_ids_and_no_token(stack, server_token):
    token = server_token("chair", session=SESSION)
    console = f"/conferences/gcm-arab-2021/sessions/{SESSION}/console"
    status, headers, _ = http_get(stack.nginx.url + f"{console}?token={token}x")   # a broken link: 401
    assert status == 401
    request_id = headers["X-Request-ID"]
    status, _, _ = http_get(stack.nginx.url + f"/conferences/gcm-arab-2021?token={token}")
    assert status == 200   # followed the 303 to the page
    chair = stack.client(token, route="chair")
    chair.join(SESSION)
    assert chair.call("timer", {"session": SESSION, "action": "pause"})["error"]["code"] == "invalid_state"
    chair.close()
    stack.nginx.stop()
    for process in stack.processes:
        process.stop()

    records = [r for p in stack.processes for r in json_lines(p.log)]   # every line is JSON
    assert any(r.get("logger") == "gunicorn.error" for r in records)
    [refusal] = [r for r in records if r.get("event") == "refusal" and r.get("transport") == "http"]
    assert refusal["request_id"] == request_id and refusal["status"] == 401 and refusal["path"] == console
    [live] = [r for r in records if r.get("event") == "refusal" and r.get("transport") == "socket.io"]
    assert live["code"] == "invalid_state" and live["family"] == "timer"
    [line] = [r for r in stack.nginx.log_records() if r["request_id"] == request_id]
    assert line["uri"] == console and line["status"] == 401
    texts = [p.log.read_text() for p in stack.processes] + [f.read_text() for f in stack.nginx.folder.glob("*.log")]
    assert not [t for t in texts if token in t]


def test_database_down_is_degraded_and_counted(server_env):
    # One process on a PostgreSQL of its own, the real clock, no message queue.
    postgres = Postgres()
    server = viewer = None
    try:
        env = {k: v for k, v in server_env.items() if k not in ("MINBAR_AT", "REDIS_URL")}
        env["DATABASE_URL"] = postgres.init().url
        subprocess.run([sys.executable, "-m", "conference.cli", "init"], env=env, cwd=str(ROOT), check=True,
                       capture_output=True, timeout=120)
        server = Minbar(env).start()
        viewer = LiveClient(server.url)
        before = scrape(server)
        postgres.stop("immediate")
        assert viewer.call("join", {"session": SESSION})["error"]["code"] == "unavailable"
        time.sleep(1.1)
        started = time.monotonic()
        status, _, body = http_get(server.url + "/healthz")
        assert time.monotonic() - started < 3
        assert status == 503 and json.loads(body) == {
            "status": "degraded", "failed": ["database"], "checks": {"database": "unavailable"}}
        after = scrape(server)
        assert sample(after, "minbar_database_unavailable_total") > sample(before, "minbar_database_unavailable_total")
        assert sample(after, "minbar_commands_total", family="join", code="unavailable") == 1
        assert sample(after, "minbar_up", part="database") == 0
        postgres.start()
        time.sleep(1.1)
        assert http_get(server.url + "/healthz")[0] == 200
    finally:
        if viewer is not None:
            viewer.close()
        if server is not None:
            server.stop()
        postgres.remove()
