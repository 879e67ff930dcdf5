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
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not os.path.exists(parsed.database):
        return []   # not even made
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


across_kinds = pytest.mark.skipif(not ON_POSTGRES, reason="a SQLite backup restored into PostgreSQL: runs "
                                  "when DATABASE_URL is PostgreSQL")


def embedded(source: dict, tmp_path) -> dict:
    """An installation on SQLite beside the PostgreSQL one, initialised."""
    on_sqlite = {**source, "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded' / 'minbar.sqlite3'}",
                 "MINBAR_INSTANCE": str(tmp_path / "embedded" / "instance")}
    assert cli(on_sqlite, "init").returncode == 0
    return on_sqlite


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
    assert manifest["database"] == {"kind": "postgresql" if ON_POSTGRES else "sqlite", "revision": "0005",
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
        assert opened.extractfile("secret_key").read() == source["SECRET_KEY"].encode()

    target = {key: value for key, value in fresh().items() if key != "SECRET_KEY"}   # the instance's own key
    restored = cli(target, "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "restored-1" / "instance" / "secret_key").read_text() == source["SECRET_KEY"]

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
    from flask.cli import ScriptInfo

    from conference.app import create_app
    from conference.cli import cli as minbar

    made = []

    def make():
        made.append(create_app())
        return made[-1]

    try:
        return CliRunner().invoke(minbar, list(args), env=env, obj=ScriptInfo(create_app=make))
    finally:
        for app in made:   # closed now rather than collected later
            app.extensions["minbar.db"].engine.dispose()


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


@across_kinds
def test_a_sqlite_backup_that_does_not_fit_postgresql_leaves_it_empty(source, fresh, tmp_path):
    import sqlite3

    on_sqlite = embedded(source, tmp_path)
    with sqlite3.connect(tmp_path / "embedded" / "minbar.sqlite3") as connection:   # SQLite ignores lengths
        connection.execute("UPDATE conferences SET timezone = ?", ("Asia/" + "Beirut" * 20,))
    connection.close()
    path = tmp_path / "embedded.tar.gz"
    assert in_process(on_sqlite, "backup", str(path)).exit_code == 0

    target = fresh()
    refused = in_process(target, "restore", str(path))
    assert refused.exit_code == 1, refused.output
    assert "does not fit into PostgreSQL" in refused.stderr and "left empty" in refused.stderr
    assert empty(target)


@pytest.mark.skipif(not ON_POSTGRES, reason="needs a PostgreSQL backup: runs when DATABASE_URL is PostgreSQL")
def test_a_postgresql_backup_is_refused_by_sqlite(archive, source, tmp_path):
    target = {**source, "DATABASE_URL": f"sqlite:///{tmp_path / 'other' / 'minbar.sqlite3'}",
              "MINBAR_INSTANCE": str(tmp_path / "other" / "instance")}
    refused = in_process(target, "restore", str(archive))
    assert refused.exit_code == 1 and "restore it into postgresql" in refused.stderr
    assert empty(target)


def test_a_backup_never_overwrites_a_file(archive, source):
    before = archive.read_bytes()
    refused = cli(source, "backup", str(archive))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert archive.read_bytes() == before
