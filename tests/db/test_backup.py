"""`minbar backup` then `minbar restore` into a fresh database and instance, through the real
commands and a real server: links issued before still sign in (HTTP and Socket.IO), the running
timer counts on from its started_at, the queue and the channels are where they were, every
key-message revision and version is there; a backup of an older revision is upgraded; a
`--with-secrets` archive carries the key. The refusals are in test_backup_refusals.py.

On SQLite by default; on PostgreSQL when DATABASE_URL says so, where every restore goes into a
database the test creates beside DATABASE_URL's and drops afterwards (and a SQLite backup is
restored into PostgreSQL too).
"""
from __future__ import annotations

import gzip
import json
import os
import tarfile
import time
import uuid

import requests

from conference import migrate
from conftest import ServerProcess, free_port
from db.backup_kit import (  # noqa: F401  (fixtures)
    ON_POSTGRES, SLUG, across_kinds, cli, embedded, empty, fresh, source,
)
from live_socket import SESSION, LiveClient, now_ms

KEY_MESSAGES = f"/api/v1/conferences/{SLUG}/sessions/{SESSION}/key-messages"


def live_state(state: dict) -> dict:
    """What a restore must bring back exactly (listener counts belong to connections, the
    elapsed time to the moment of asking)."""
    return {"version": state["version"], "slot": state["slot"],
            "timer": {k: v for k, v in state["timer"].items() if k != "elapsed_ms"},
            "queue": {k: state["queue"][k] for k in ("open", "policy", "entries", "speaking")},
            "channels": {k: state["channels"][k] for k in ("floor", "booths")}}


# -- the whole round trip ------------------------------------------------------------------------

def issue(env: dict, role: str, session: str | None = None, **fields) -> str:
    """A link's token, issued through the real CLI."""
    args = ["access", "issue", "--conference", SLUG, "--role", role, "--token-only"]
    args += ["--session", session] if session else []
    for name, value in fields.items():
        args += [f"--{name.replace('_', '-')}", str(value)]
    done = cli(env, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def run_a_session(env: dict, tmp_path) -> tuple[dict, dict]:
    """Links issued, a session run on a real server (slot moved, two requests queued, the floor in
    French, the timer started), a key message with three revisions and a French version with two,
    a conference cloned by the workspace, then `minbar backup` while the server runs. Returns the
    links and what the restore must bring back."""
    tokens = {"chair": issue(env, "chair", session=SESSION),
              "rapporteur": issue(env, "rapporteur", session=SESSION, name="Rapporteur A", language="ar"),
              "translator": issue(env, "translator", name="Traductrice", language="fr")}
    delegates = [issue(env, "participant", name=name, delegation=name) for name in ("Tunisia", "Jordan")]
    server = ServerProcess(env, free_port()).start()
    live: list[LiveClient] = []
    try:
        chair = LiveClient(server.url, tokens["chair"])
        live.append(chair)
        chair.join()
        assert chair.call("slot", {"session": SESSION, "action": "next"})["ok"]
        for token in delegates:
            live.append(LiveClient(server.url, token))
            live[-1].join()
            assert live[-1].call("queue", {"session": SESSION, "action": "request"})["ok"]
        assert chair.call("channel", {"session": SESSION, "action": "floor", "language": "fr"})["ok"]
        started = chair.call("timer", {"session": SESSION, "action": "start"})["state"]

        http = requests.Session()
        rapporteur = {"Authorization": f"Bearer {tokens['rapporteur']}"}
        translator = {"Authorization": f"Bearer {tokens['translator']}"}
        message = http.post(server.url + KEY_MESSAGES, json={"text": "نؤكد على أهمية الهجرة الآمنة."},
                            headers=rapporteur).json()
        url = f"{server.url}{KEY_MESSAGES}/{message['id']}"
        for revision, words in ((1, "نؤكد على أهمية الهجرة الآمنة والمنظمة."), (2, "نؤكد مجددا.")):
            saved = http.put(url, json={"base_revision": revision, "text": words}, headers=rapporteur)
            assert saved.status_code == 200, saved.text
        for base, words in ((0, "Nous soulignons."), (1, "Nous soulignons encore.")):
            saved = http.put(f"{url}/versions/fr", json={"base_revision": base, "text": words}, headers=translator)
            assert saved.status_code in (200, 201), saved.text
        recorded = {"message": message["id"], "started_at": started["timer"]["started_at"],
                    "history": http.get(f"{url}/history", headers=rapporteur).json(),
                    "versions": http.get(f"{url}/versions/fr/history", headers=rapporteur).json(),
                    "state": chair.join()}
        assert len(recorded["history"]) == 3 and len(recorded["versions"]) == 2
        assert recorded["state"]["timer"]["status"] == "running"
        assert len(recorded["state"]["queue"]["entries"]) == 2 and recorded["state"]["channels"]["floor"] == "fr"

        cloned = cli(env, "agenda", "clone", SLUG, "gcm-arab-2022", "--first-day", "2022-02-23")
        assert cloned.returncode == 0, cloned.stderr   # the workspace writes the clone's agenda file
        with open(os.path.join(env["MINBAR_INSTANCE"], "agendas", "gcm-arab-2022.toml"), encoding="utf-8") as f:
            recorded["agenda_file"] = f.read()

        path = tmp_path / f"minbar-live-{uuid.uuid4().hex[:6]}.tar.gz"
        done = cli(env, "backup", str(path))   # online: the server is running
        assert done.returncode == 0, done.stderr
        assert "secret key is not in the archive" in done.stdout
        recorded["archive"] = path
    finally:
        for client in live:
            client.close()
        server.stop()
    return tokens, recorded


def check_restored(target: dict, tokens: dict, recorded: dict) -> None:
    """A server on the restored database: the links issued before sign in (Socket.IO and HTTP),
    the session is where it was with the timer still counting, every revision is there."""
    with open(os.path.join(target["MINBAR_INSTANCE"], "agendas", "gcm-arab-2022.toml"), encoding="utf-8") as f:
        assert f.read() == recorded["agenda_file"]
    restored = ServerProcess(target, free_port()).start()
    chair = LiveClient(restored.url, tokens["chair"])
    try:
        after = chair.join()
        assert live_state(after) == live_state(recorded["state"])
        assert after["timer"]["started_at"] == recorded["started_at"]
        assert abs(after["timer"]["elapsed_ms"] - (now_ms() - recorded["started_at"])) < 1500
        time.sleep(0.3)
        assert chair.join()["timer"]["elapsed_ms"] > after["timer"]["elapsed_ms"]   # still counting
        assert chair.call("timer", {"session": SESSION, "action": "pause"})["ok"]

        browser = requests.Session()
        console = f"{restored.url}/conferences/{SLUG}/sessions/{SESSION}/console"
        page = browser.get(f"{console}?token={tokens['chair']}")
        assert page.status_code == 200 and "token=" not in page.url, (page.status_code, page.url)
        assert browser.get(console).status_code == 200   # the link's session cookie
        rapporteur = {"Authorization": f"Bearer {tokens['rapporteur']}"}
        url = f"{restored.url}{KEY_MESSAGES}/{recorded['message']}"
        assert browser.get(f"{url}/history", headers=rapporteur).json() == recorded["history"]
        assert browser.get(f"{url}/versions/fr/history", headers=rapporteur).json() == recorded["versions"]
        assert browser.get(f"{restored.url}/api/v1/conferences/gcm-arab-2022").status_code == 200
    finally:
        chair.close()
        restored.stop()
    assert "Traceback" not in restored.log.read_text(errors="replace")


def test_a_restored_backup_carries_on_the_session_the_links_and_every_revision(source, fresh, tmp_path):
    tokens, recorded = run_a_session(source, tmp_path)
    path = recorded["archive"]
    with tarfile.open(path) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["database"] == {"kind": "postgresql" if ON_POSTGRES else "sqlite", "revision": migrate.head(),
                                    "member": "database.pgdump" if ON_POSTGRES else "database.sqlite3"}
    assert manifest["minbar_version"] and manifest["created_at"].endswith("+00:00")
    assert manifest["secret_key"]["included"] is False
    assert "instance/agendas/gcm-arab-2022.toml" in manifest["members"]
    assert source["SECRET_KEY"].encode() not in gzip.decompress(path.read_bytes())

    target = fresh()
    done = cli(target, "restore", str(path))
    assert done.returncode == 0, done.stderr
    assert "Restored the backup" in done.stdout
    check_restored(target, tokens, recorded)


@across_kinds
def test_a_sqlite_backup_goes_into_postgresql(source, fresh, tmp_path):
    on_sqlite = embedded(source, tmp_path)
    tokens, recorded = run_a_session(on_sqlite, tmp_path)

    target = fresh()
    done = cli(target, "restore", str(recorded["archive"]))
    assert done.returncode == 0, done.stderr
    assert cli(target, "db", "check").returncode == 0
    check_restored(target, tokens, recorded)
    restored = ServerProcess(target, free_port()).start()   # new rows get new ids past the copied ones
    try:
        rapporteur = {"Authorization": f"Bearer {tokens['rapporteur']}"}
        created = requests.post(restored.url + KEY_MESSAGES, json={"text": "رسالة جديدة."}, headers=rapporteur)
        assert created.status_code == 201, created.text
    finally:
        restored.stop()
    assert issue(target, "participant", name="Oman")


def test_with_secrets_the_archive_carries_the_key_and_restores_it(source, fresh, tmp_path):
    path = tmp_path / "with-secrets.tar.gz"
    done = cli(source, "backup", "--with-secrets", str(path))
    assert done.returncode == 0, done.stderr
    assert "CONTAINS THE SECRET KEY" in done.stderr
    with tarfile.open(path) as opened:
        assert json.load(opened.extractfile("manifest.json"))["secret_key"]["included"] is True
        assert opened.extractfile("secret_key").read() == source["SECRET_KEY"].encode()

    target = {key: value for key, value in fresh().items() if key != "SECRET_KEY"}   # the instance's own key
    restored = cli(target, "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "restored-1" / "instance" / "secret_key").read_text() == source["SECRET_KEY"]

    elsewhere = fresh(SECRET_KEY="another-key-another-key-another-key")   # set in the environment: not replaced
    refused = cli(elsewhere, "restore", str(path))
    assert refused.returncode == 1 and "set SECRET_KEY to it" in refused.stderr
    assert empty(elsewhere)


def test_an_older_revision_is_restored_then_upgraded(source, fresh, tmp_path):
    older = fresh()
    assert cli(older, "db", "upgrade", "--to", "0004").returncode == 0
    path = tmp_path / "older.tar.gz"
    assert cli(older, "backup", str(path)).returncode == 0

    target = fresh()
    done = cli(target, "restore", str(path))
    assert done.returncode == 0, done.stderr
    assert f"upgraded from 0004 to {migrate.head()}" in done.stdout
    assert f"database: {migrate.head()}" in cli(target, "db", "current").stdout
    assert cli(target, "db", "check").returncode == 0
