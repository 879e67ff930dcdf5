"""`minbar backup` then `minbar restore` into a fresh database and instance, through the real
commands and a real server: links issued before still sign in (HTTP and Socket.IO), the running
timer counts on from its started_at, the queue and the channels are where they were, every
key-message revision and version is there. And the refusals: another secret key, a database or
instance that is not empty, a damaged or truncated archive, each changing nothing.

On SQLite by default; on PostgreSQL when DATABASE_URL says so, where every restore goes into a
database the test creates beside DATABASE_URL's and drops afterwards.
"""
from __future__ import annotations

import glob
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import time
import uuid

import pytest
import requests
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from conftest import ROOT, ServerProcess, free_port
from live_socket import SESSION, LiveClient, now_ms

SLUG = "gcm-arab-2021"
KEY_MESSAGES = f"/api/v1/conferences/{SLUG}/sessions/{SESSION}/key-messages"
ON_POSTGRES = (os.environ.get("DATABASE_URL") or "").startswith("postgresql")


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "conference.cli", *args], env=env, cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120)


def tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def contents(url: str) -> dict:
    """Every table's rows, to show that a refused restore changed nothing."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {name: sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"'))))
                    for name in inspect(connection).get_table_names()}
    finally:
        engine.dispose()


@pytest.fixture
def source(server_env):
    """The initialised database and instance of a running installation, on the real clock."""
    if ON_POSTGRES:
        from stack import require

        require("pg_dump", *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump")))
    return {key: value for key, value in server_env.items() if key != "MINBAR_AT"}


@pytest.fixture
def fresh(source, tmp_path):
    """fresh(**extra_env) -> the environment of a new, empty database and instance."""
    made: list[str] = []

    def make(**extra) -> dict:
        folder = tmp_path / f"restored-{len(made) + 1}"
        if ON_POSTGRES:
            base = make_url(source["DATABASE_URL"])
            name = f"{base.database}_restore_{uuid.uuid4().hex[:8]}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            made.append(name)
            url = base.set(database=name).render_as_string(hide_password=False)
        else:
            made.append(str(folder))
            url = f"sqlite:///{folder / 'minbar.sqlite3'}"
        return {**source, "DATABASE_URL": url, "MINBAR_INSTANCE": str(folder / "instance"), **extra}

    yield make
    if ON_POSTGRES:
        admin = create_engine(make_url(source["DATABASE_URL"]), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def archive(source, tmp_path):
    """A backup of the initialised installation (no session run)."""
    path = tmp_path / "minbar-backup.tar.gz"
    done = cli(source, "backup", str(path))
    assert done.returncode == 0, done.stderr
    return path


def empty(env: dict) -> bool:
    agendas = os.path.join(env["MINBAR_INSTANCE"], "agendas")
    return not tables(env["DATABASE_URL"]) and not (os.path.isdir(agendas) and os.listdir(agendas))


def live_state(state: dict) -> dict:
    """What a restore must bring back exactly (listener counts belong to connections, the
    elapsed time to the moment of asking)."""
    return {"version": state["version"], "slot": state["slot"],
            "timer": {k: v for k, v in state["timer"].items() if k != "elapsed_ms"},
            "queue": {k: state["queue"][k] for k in ("open", "policy", "entries", "speaking")},
            "channels": {k: state["channels"][k] for k in ("floor", "booths")}}


# -- the whole round trip ------------------------------------------------------------------------

def test_a_restored_backup_carries_on_the_session_the_links_and_every_revision(source, fresh, server_token,
                                                                               tmp_path):
    server = ServerProcess(source, free_port()).start()
    live: list[LiveClient] = []
    try:
        chair_token = server_token("chair", session=SESSION)
        rapporteur_token = server_token("rapporteur", session=SESSION, name="Rapporteur A", language="ar")
        translator_token = server_token("translator", name="Traductrice", language="fr")
        delegates = {name: server_token("participant", name=name, delegation=name) for name in ("Tunisia", "Jordan")}
        chair = LiveClient(server.url, chair_token)
        live.append(chair)
        chair.join()
        assert chair.call("slot", {"session": SESSION, "action": "next"})["ok"]
        for name, token in delegates.items():
            delegate = LiveClient(server.url, token)
            live.append(delegate)
            delegate.join()
            assert delegate.call("queue", {"session": SESSION, "action": "request"})["ok"]
        assert chair.call("channel", {"session": SESSION, "action": "floor", "language": "fr"})["ok"]
        before = chair.call("timer", {"session": SESSION, "action": "start"})["state"]

        http = requests.Session()
        rapporteur = {"Authorization": f"Bearer {rapporteur_token}"}
        translator = {"Authorization": f"Bearer {translator_token}"}
        message = http.post(server.url + KEY_MESSAGES, json={"text": "نؤكد على أهمية الهجرة الآمنة."},
                            headers=rapporteur).json()
        for revision, words in ((1, "نؤكد على أهمية الهجرة الآمنة والمنظمة."), (2, "نؤكد مجددا.")):
            saved = http.put(f"{server.url}{KEY_MESSAGES}/{message['id']}",
                             json={"base_revision": revision, "text": words}, headers=rapporteur)
            assert saved.status_code == 200, saved.text
        for base, words in ((0, "Nous soulignons."), (1, "Nous soulignons encore.")):
            saved = http.put(f"{server.url}{KEY_MESSAGES}/{message['id']}/versions/fr",
                             json={"base_revision": base, "text": words}, headers=translator)
            assert saved.status_code in (200, 201), saved.text
        history = http.get(f"{server.url}{KEY_MESSAGES}/{message['id']}/history", headers=rapporteur).json()
        versions = http.get(f"{server.url}{KEY_MESSAGES}/{message['id']}/versions/fr/history",
                            headers=rapporteur).json()
        assert len(history) == 3 and "نؤكد مجددا." in str(history)
        assert len(versions) == 2 and "encore" in str(versions)
        running = chair.join()
        assert running["timer"]["status"] == "running" and len(running["queue"]["entries"]) == 2
        assert running["channels"]["floor"] == "fr"

        cloned = cli(source, "agenda", "clone", SLUG, "gcm-arab-2022", "--first-day", "2022-02-23")
        assert cloned.returncode == 0, cloned.stderr   # the workspace writes the clone's agenda file
        agenda_file = tmp_path / "instance" / "agendas" / "gcm-arab-2022.toml"

        path = tmp_path / "minbar-live.tar.gz"
        done = cli(source, "backup", str(path))   # online: the server is running
        assert done.returncode == 0, done.stderr
        assert "secret key is not in the archive" in done.stdout
    finally:
        for client in live:
            client.close()
        server.stop()

    with tarfile.open(path) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["database"] == {"kind": "postgresql" if ON_POSTGRES else "sqlite", "revision": "0005",
                                    "member": "database.pgdump" if ON_POSTGRES else "database.sqlite3"}
    assert manifest["minbar_version"] and manifest["created_at"].endswith("+00:00")
    assert manifest["secret_key"]["included"] is False
    assert b"test-secret" not in gzip.decompress(path.read_bytes())
    assert "instance/agendas/gcm-arab-2022.toml" in manifest["members"]

    target = fresh()
    done = cli(target, "restore", str(path))
    assert done.returncode == 0, done.stderr
    assert "Restored the backup" in done.stdout
    restored_file = os.path.join(target["MINBAR_INSTANCE"], "agendas", "gcm-arab-2022.toml")
    with open(restored_file, encoding="utf-8") as handle:
        assert handle.read() == agenda_file.read_text(encoding="utf-8")

    restored = ServerProcess(target, free_port()).start()
    chair = LiveClient(restored.url, chair_token)   # a link issued before the backup, over Socket.IO
    try:
        after = chair.join()
        assert live_state(after) == live_state(running)
        assert after["timer"]["started_at"] == before["timer"]["started_at"]
        assert abs(after["timer"]["elapsed_ms"] - (now_ms() - before["timer"]["started_at"])) < 1500
        time.sleep(0.3)
        assert chair.join()["timer"]["elapsed_ms"] > after["timer"]["elapsed_ms"]   # still counting
        assert chair.call("timer", {"session": SESSION, "action": "pause"})["ok"]

        browser = requests.Session()   # and over HTTP: the link signs in and opens the console
        page = browser.get(f"{restored.url}/conferences/{SLUG}/sessions/{SESSION}/console?token={chair_token}")
        assert page.status_code == 200 and "token=" not in page.url, (page.status_code, page.url)
        assert browser.get(f"{restored.url}/conferences/{SLUG}/sessions/{SESSION}/console").status_code == 200
        rapporteur = {"Authorization": f"Bearer {rapporteur_token}"}
        assert browser.get(f"{restored.url}{KEY_MESSAGES}/{message['id']}/history", headers=rapporteur).json() \
            == history
        assert browser.get(f"{restored.url}{KEY_MESSAGES}/{message['id']}/versions/fr/history",
                           headers=rapporteur).json() == versions
        assert browser.get(f"{restored.url}/api/v1/conferences/gcm-arab-2022").status_code == 200
    finally:
        chair.close()
        restored.stop()
    assert "Traceback" not in restored.log.read_text(errors="replace")


# -- refusals: each changes nothing ----------------------------------------------------------

def test_another_secret_key_is_refused_and_forced_with_a_warning(archive, fresh):
    target = fresh(SECRET_KEY="another-key-another-key-another-key")
    refused = cli(target, "restore", str(archive))
    assert refused.returncode == 1
    assert "secret key differs" in refused.stderr and "401" in refused.stderr
    assert empty(target)

    forced = cli(target, "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert "WARNING" in forced.stderr and "401" in forced.stderr
    assert tables(target["DATABASE_URL"])


def test_with_secrets_the_archive_carries_the_key_and_restores_it(source, fresh, tmp_path):
    path = tmp_path / "with-secrets.tar.gz"
    done = cli(source, "backup", "--with-secrets", str(path))
    assert done.returncode == 0, done.stderr
    assert "CONTAINS THE SECRET KEY" in done.stderr
    with tarfile.open(path) as opened:
        assert json.load(opened.extractfile("manifest.json"))["secret_key"]["included"] is True
        assert opened.extractfile("secret_key").read() == b"test-secret"

    target = {key: value for key, value in fresh().items() if key != "SECRET_KEY"}   # the instance's own key
    restored = cli(target, "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "restored-1" / "instance" / "secret_key").read_text() == "test-secret"

    elsewhere = fresh(SECRET_KEY="another-key-another-key-another-key")   # set in the environment: not replaced
    refused = cli(elsewhere, "restore", str(path))
    assert refused.returncode == 1 and "set SECRET_KEY to it" in refused.stderr
    assert empty(elsewhere)


def test_a_database_or_instance_that_is_not_empty_is_refused_and_unchanged(source, archive, fresh):
    before = contents(source["DATABASE_URL"])
    agenda = os.path.join(source["MINBAR_INSTANCE"], "agendas", f"{SLUG}.toml")
    os.makedirs(os.path.dirname(agenda), exist_ok=True)
    with open(agenda, "w", encoding="utf-8") as handle:
        handle.write("# the installation's own file\n")

    refused = cli(source, "restore", str(archive))
    assert refused.returncode == 1
    assert "database is not empty" in refused.stderr and "Nothing was changed" in refused.stderr
    assert contents(source["DATABASE_URL"]) == before
    with open(agenda, encoding="utf-8") as handle:
        assert handle.read() == "# the installation's own file\n"

    target = fresh()
    os.makedirs(os.path.join(target["MINBAR_INSTANCE"], "agendas"))
    with open(os.path.join(target["MINBAR_INSTANCE"], "agendas", "other.toml"), "w") as handle:
        handle.write("")
    refused = cli(target, "restore", str(archive))
    assert refused.returncode == 1 and "instance folder" in refused.stderr
    assert not tables(target["DATABASE_URL"])


def _rewritten(archive, path, change):
    """A copy of `archive` with its members passed through change(name, data) -> data or None."""
    with tarfile.open(archive) as source, tarfile.open(path, "w:gz") as out:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            if data is not None:
                member.size = len(data)
                out.addfile(member, io.BytesIO(data))
    return path


def test_a_damaged_or_truncated_archive_is_refused_with_a_clear_error(archive, fresh, tmp_path):
    whole = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    flipped = tmp_path / "flipped.tar.gz"
    middle = len(whole) // 2
    flipped.write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1:])
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("minutes of the meeting")
    tampered = _rewritten(archive, tmp_path / "tampered.tar.gz",
                          lambda name, data: data if name == "manifest.json" else data[:-1] + bytes([data[-1] ^ 1]))
    no_manifest = _rewritten(archive, tmp_path / "no-manifest.tar.gz",
                             lambda name, data: None if name == "manifest.json" else data)
    def manifest_with(change):
        def rewrite(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            change(manifest)
            return json.dumps(manifest).encode()
        return rewrite

    newer = _rewritten(archive, tmp_path / "newer.tar.gz",
                       manifest_with(lambda m: m["database"].update(revision="9999")))
    garbled = _rewritten(archive, tmp_path / "garbled.tar.gz",
                         manifest_with(lambda m: m.update(format_version="one", members=[])))
    cases = {newer: "revision 9999 is unknown to this release", garbled: "its manifest is unreadable",
             truncated: "damaged or truncated", flipped: "damaged", not_an_archive: "damaged or truncated",
             tampered: "does not match its checksum", no_manifest: "has no manifest.json",
             tmp_path / "missing.tar.gz": "is not a file"}

    target = fresh()
    for path, message in cases.items():
        refused = in_process(target, "restore", str(path))
        assert refused.exit_code == 1, (path, refused.output)
        assert message in refused.stderr, (path, refused.stderr)
        assert isinstance(refused.exception, SystemExit) and "Traceback" not in refused.output
        assert empty(target)


def in_process(env: dict, *args: str):
    """The same command run in the test's process (a second each saved where many are run)."""
    from click.testing import CliRunner

    from conference.cli import cli as minbar

    return CliRunner().invoke(minbar, list(args), env=env)


def test_an_older_revision_is_restored_then_upgraded(source, fresh, tmp_path):
    older = fresh()
    assert cli(older, "db", "upgrade", "--to", "0004").returncode == 0
    path = tmp_path / "older.tar.gz"
    assert cli(older, "backup", str(path)).returncode == 0

    target = fresh()
    done = cli(target, "restore", str(path))
    assert done.returncode == 0, done.stderr
    assert "upgraded from 0004 to 0005" in done.stdout
    assert "database: 0005" in cli(target, "db", "current").stdout
    assert cli(target, "db", "check").returncode == 0


def test_a_backup_never_overwrites_a_file(archive, source):
    before = archive.read_bytes()
    refused = cli(source, "backup", str(archive))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert archive.read_bytes() == before
