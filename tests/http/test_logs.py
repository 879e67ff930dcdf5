"""Structured logs (conference/logs.py): one JSON line per record, the request id on each, one
record per refusal, a traceback inside its record, no credential anywhere. The same through a
real gunicorn behind nginx: tests/production/test_observability.py."""
from __future__ import annotations

import io
import json
import logging
import re

import pytest

from conference import logs
from conftest import ack
from speakers import organisers

SESSION = "plenary-1"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def records():
    """Every record of the process during the test, as the JSON lines production writes."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.json_formatter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)   # setLevel, not `.level =`: loggers cache what their level allows
    lines = []

    def read() -> list[dict]:
        text = stream.getvalue()
        lines[:] = text.splitlines()
        return [json.loads(line) for line in lines]

    read.text = lambda: stream.getvalue()
    yield read
    root.removeHandler(handler)
    root.setLevel(level)


def refusals(records) -> list[dict]:
    return [r for r in records() if r.get("event") == "refusal"]


def test_a_refusal_is_one_record_with_the_request_id_from_nginx(client, records):
    response = client.get("/conferences/gcm-arab-2021/sessions/nowhere/console?lang=fr",
                          headers={"X-Request-ID": "4f2a9c0e1b7d4e55a1c3b2d4e6f80911"})
    assert response.status_code == 404
    assert response.headers["X-Request-ID"] == "4f2a9c0e1b7d4e55a1c3b2d4e6f80911"
    [record] = refusals(records)
    assert record["request_id"] == "4f2a9c0e1b7d4e55a1c3b2d4e6f80911"
    assert record["transport"] == "http" and record["status"] == 404 and record["code"] == "not_found"
    assert record["path"] == "/conferences/gcm-arab-2021/sessions/nowhere/console"   # no query string
    assert record["method"] == "GET" and record["client"] == "127.0.0.1"
    assert record["level"] == "INFO" and record["logger"] == "minbar.refusal" and record["time"].endswith("+00:00")


def test_a_request_without_a_usable_id_gets_one_made_and_returned(client, records):
    for sent in (None, "x" * 200, "a b", "id;X-Evil=1", "<script>"):
        headers = {"X-Request-ID": sent} if sent is not None else {}
        response = client.get("/api/v1/conferences/nowhere", headers=headers)
        assert response.status_code == 404
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"]), sent
    found = refusals(records)
    assert len(found) == 5 and len({r["request_id"] for r in found}) == 5
    assert {r["code"] for r in found} == {"not_found"}


def test_successful_requests_write_no_refusal(client, records):
    assert client.get("/api/v1/conferences").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert refusals(records) == []


def test_a_refused_live_command_is_one_record_with_its_connections_request_id(live_client, records):
    viewer = live_client()
    assert ack(viewer, "join", {"session": SESSION})["ok"]
    assert ack(viewer, "timer", {"session": SESSION, "action": "start"})["error"]["code"] == "unauthorized"
    assert ack(viewer, "timer", {"session": "no such session!"})["error"]["code"] == "bad_request"
    found = refusals(records)
    assert [(r["transport"], r["family"], r["code"]) for r in found] == [
        ("socket.io", "timer", "unauthorized"), ("socket.io", "timer", "bad_request")]
    assert found[0]["request_id"] == found[1]["request_id"] and found[0]["connection"]


def test_a_traceback_is_one_line(records):
    try:
        raise RuntimeError("boom\nsecond line")
    except RuntimeError:
        logging.getLogger("minbar.test").exception("it failed")
    text = records.text()
    assert text.count("\n") == 1
    [record] = records()
    assert record["message"] == "it failed" and "Traceback (most recent call last)" in record["exc_info"]
    assert "RuntimeError: boom\nsecond line" in record["exc_info"]


def test_no_token_or_password_in_any_record(loaded_app, client, issue_token, clock, records, live_client):
    token = issue_token("chair", session=SESSION)
    assert client.get(f"/conferences/gcm-arab-2021/sessions/{SESSION}/console?token={token}").status_code == 303
    assert client.get(f"/conferences/gcm-arab-2021/sessions/{SESSION}/console?token={token}x").status_code == 401
    assert client.get("/api/v1/conferences/gcm-arab-2021/people",
                      headers={"Authorization": f"Bearer {token}x"}).status_code == 401
    chair = live_client(token)
    assert ack(chair, "timer", {"session": "plenary-2", "action": "start", "token": token})["ok"] is False
    logging.getLogger("minbar.test").warning("opened %s?token=%s", "/x", token)   # even a careless line

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        organisers.create(db, "sec@example.org", PASSWORD, clock.now(), conferences=("gcm-arab-2021",))
    page = client.get("/signin").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    wrong = client.post("/signin", data={"email": "sec@example.org", "password": PASSWORD + "!", "csrf_token": csrf})
    assert wrong.status_code == 401

    text = records.text()
    assert [(r["transport"], r["code"]) for r in refusals(records)] == [
        ("http", "unauthorized"), ("http", "unauthorized"), ("socket.io", "forbidden"), ("http", "unauthorized")]
    assert token not in text and PASSWORD not in text
