"""Issue 10 over real server processes and real python-socketio clients: every command is
authorised against the current row of its link (attack 1: a client-sent `disconnect` no longer
switches revocation off), an interpreter acts only in its own session (attack 3), and `minbar run`
prints working links only when asked (attack 7)."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import pytest
import socketio

from conftest import ROOT, free_port, wait_healthy
from live.test_real_server import NS, SESSION, Client, clients, env, servers, settled  # noqa: F401 (fixtures)

from speakers.tokens import unsign


def revoke_in_database(env: dict, token: str) -> None:
    """Revoke as any other process would: one UPDATE of the link's row (milliseconds, so the next
    command is sent well inside the 1 s revocation watcher's period), on SQLite or PostgreSQL."""
    from sqlalchemy import create_engine, update
    from sqlalchemy.orm import Session

    from speakers.models import AccessToken

    engine = create_engine(env["DATABASE_URL"])
    try:
        with Session(engine) as db, db.begin():
            db.execute(update(AccessToken).where(AccessToken.id == unsign(token, env["SECRET_KEY"]))
                       .values(revoked_at=datetime.now(timezone.utc)))
    finally:
        engine.dispose()


def cut_seen(client: Client, timeout: float = 5) -> None:
    """Until the client has seen the server disconnect it (queue.Empty if it does not); the
    disconnection stays queued for the next look."""
    client.disconnects.put(client.disconnects.get(timeout=timeout))
    assert not client.connected


def refused_or_cut(client: Client, event: str, payload: dict) -> str:
    """"refused" when the server answered `unauthorized`, "cut" when it had disconnected the client
    (the client saw its disconnect). Silence is neither: a timeout fails the test."""
    try:
        answer = client.call(event, payload)
    except (socketio.exceptions.BadNamespaceError, socketio.exceptions.DisconnectedError):
        cut_seen(client)
        return "cut"
    assert answer == {"ok": False, "error": {"code": "unauthorized", "message": answer["error"]["message"]}}, answer
    return "refused"


def test_a_client_sent_disconnect_does_not_switch_revocation_off(servers, clients, server_token, env):
    server = servers()
    token = server_token("chair", session=SESSION)
    chair = clients(server, token)
    before = chair.join()
    # The attack: leave the revocation watcher while keeping the socket open. The event name is
    # reserved: refused, and the connection stays.
    assert chair.call("disconnect", {})["error"]["code"] == "bad_request"
    assert chair.connected

    revoke_in_database(env, token)
    answers = [refused_or_cut(chair, "timer", {"session": SESSION, "action": "start"}),
               refused_or_cut(chair, "slot", {"session": SESSION, "action": "next"})]
    # Then the watcher (every second) disconnects the revoked link: the client sees it happen.
    cut_seen(chair)
    answers.append(refused_or_cut(chair, "timer", {"session": SESSION, "action": "adjust", "seconds": 30}))

    assert set(answers) <= {"refused", "cut"} and answers[-1] == "cut", answers
    watcher = clients(server)
    assert settled(watcher.join()) == {**settled(before)}


def test_the_interpreter_of_plenary_2_is_refused_on_plenary_1(servers, clients, server_token):
    server = servers()
    interpreter = clients(server, server_token("interpreter", session="plenary-2", booth="fr", name="Anne"))
    watcher = clients(server)
    before = watcher.join(SESSION)

    for payload in ({"action": "floor", "language": "fr"},
                    {"action": "booth", "booth": "fr", "on": False},
                    {"action": "handover", "minutes": 30},
                    {"action": "slowdown"}):
        answer = interpreter.call("channel", {"session": SESSION, **payload})
        assert answer["ok"] is False and answer["error"]["code"] == "forbidden", (payload, answer)
    assert settled(watcher.join(SESSION)) == settled(before)

    # In its own session the same link works.
    assert interpreter.call("channel", {"session": "plenary-2", "action": "floor", "language": "fr"})["ok"]


def _run_output(env: dict, *extra: str) -> str:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "conference.cli", "run", "--port", str(port), *extra],
                               env=env, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process, 60, "minbar run")
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    return output.decode(errors="replace")


@pytest.mark.parametrize("extra, links", [((), False), (("--links",), True)])
def test_minbar_run_prints_working_links_only_when_asked(env, extra, links):
    output = _run_output(env, *extra)
    assert "/conferences/gcm-arab-2021" in output            # the agenda's address, always
    assert ("token=" in output) is links
    assert ("console?token=" in output) is links
