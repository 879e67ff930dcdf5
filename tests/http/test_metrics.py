"""/metrics: who may read it, and the figures moving with live commands (in-process Socket.IO
clients here; tests/production/test_metrics.py scrapes gunicorn processes behind nginx)."""
from __future__ import annotations

import pytest

from conference.app import create_app
from conftest import ack
from prometheus_text import sample

SESSION = "plenary-1"


def scrape(client) -> str:
    response = client.get("/metrics")
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "text/plain"
    return response.get_data(as_text=True)


def test_metrics_answer_loopback_and_404_to_anyone_else(client):
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"}).status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200
    for outsider in ("203.0.113.9", "10.1.2.3", "::ffff:203.0.113.9", "2001:db8::1", ""):
        response = client.get("/metrics", environ_base={"REMOTE_ADDR": outsider})
        assert response.status_code == 404, outsider
        assert b"minbar_" not in response.data


def test_metrics_allow_names_addresses_and_networks(loaded_app, monkeypatch, tmp_path):
    monkeypatch.setenv("MINBAR_METRICS_ALLOW", "203.0.113.0/24, 2001:db8::7")
    app = create_app({"DATABASE_URL": loaded_app.config["DATABASE_URL"], "SECRET_KEY": "test-secret",
                      "INSTANCE_PATH": str(tmp_path / "other"), "REDIS_URL": None})
    client = app.test_client()
    for address, status in (("203.0.113.9", 200), ("::ffff:203.0.113.200", 200), ("2001:db8::7", 200),
                            ("203.0.114.1", 404), ("2001:db8::8", 404)):
        assert client.get("/metrics", environ_base={"REMOTE_ADDR": address}).status_code == status, address
    app.extensions["minbar.db"].engine.dispose()


def test_a_wrong_metrics_allow_value_stops_the_start_naming_it(monkeypatch, tmp_path):
    monkeypatch.setenv("MINBAR_METRICS_ALLOW", "10.0.0.0/8 everyone")
    with pytest.raises(ValueError, match="MINBAR_METRICS_ALLOW: 'everyone'"):
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "test-secret",
                    "INSTANCE_PATH": str(tmp_path), "REDIS_URL": None})


def test_counters_move_with_live_commands(client, live_client, issue_token):
    before = scrape(client)
    chair = live_client(issue_token("chair", session=SESSION))
    viewer = live_client()
    assert ack(chair, "join", {"session": SESSION})["ok"]
    assert ack(viewer, "join", {"session": SESSION})["ok"]
    assert ack(chair, "timer", {"session": SESSION, "action": "start"})["ok"]
    assert ack(chair, "timer", {"session": SESSION, "action": "pause"})["ok"]
    refused = ack(viewer, "timer", {"session": SESSION, "action": "start"})
    assert refused["error"]["code"] == "unauthorized"
    assert ack(chair, "timer", {"session": SESSION, "action": "pause"})["error"]["code"] == "invalid_state"
    during = scrape(client)

    def moved(name, **labels):
        return sample(during, name, **labels) - sample(before, name, **labels)

    assert moved("minbar_commands_total", family="timer", code="ok") == 2
    assert moved("minbar_commands_total", family="timer", code="unauthorized") == 1
    assert moved("minbar_commands_total", family="timer", code="invalid_state") == 1
    assert moved("minbar_commands_total", family="join", code="ok") == 2
    assert moved("minbar_command_seconds_count", family="timer") == 4
    assert moved("minbar_command_seconds_sum", family="timer") > 0
    # Two changes, each broadcast by the command that made it; refusals broadcast nothing.
    assert moved("minbar_broadcast_lag_seconds_count", family="timer") == 2
    assert moved("minbar_connections") == 2
    assert moved("minbar_session_connections", conference="gcm-arab-2021", session=SESSION) == 2
    assert sample(during, "minbar_up", part="database") == 1

    assert ack(viewer, "join", {"session": "plenary-2"})["ok"]   # a connection moves to another room
    chair.disconnect(namespace="/live")
    after = scrape(client)
    assert sample(after, "minbar_session_connections", conference="gcm-arab-2021", session=SESSION) == \
        sample(before, "minbar_session_connections", conference="gcm-arab-2021", session=SESSION)
    assert sample(after, "minbar_session_connections", conference="gcm-arab-2021", session="plenary-2") == \
        sample(before, "minbar_session_connections", conference="gcm-arab-2021", session="plenary-2") + 1
    assert sample(after, "minbar_connections") == sample(before, "minbar_connections") + 1
