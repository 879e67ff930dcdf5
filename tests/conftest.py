"""Shared fixtures: an app on a real database (SQLite in a temporary folder, or DATABASE_URL),
a fixed clock the tests move, and the bundled conference loaded on demand."""
from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bench.serving import free_port, wait_healthy  # noqa: F401  (free_port: for the modules importing it)
from conference.app import create_app
from timing.clock import FixedClock

# Markers that deselect by database, and no skipped test under CI (tests/suite_rules.py).
pytest_plugins = ("suite_rules",)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# 2021-02-24 10:30 Beirut: the opening session is running.
OPENING_DAY = datetime(2021, 2, 24, 8, 30, tzinfo=timezone.utc)

# The system catalogs a suite run churns: on PostgreSQL every test drops and creates the schema.
CATALOGS = ("pg_attribute", "pg_class", "pg_type", "pg_depend", "pg_index", "pg_constraint",
            "pg_attrdef", "pg_sequence")


def pytest_sessionstart(session):
    """On PostgreSQL, clear the dead catalog rows earlier runs left (a run leaves about a million
    in pg_attribute, faster than autovacuum takes them, and every later DDL and lookup slows):
    a plain VACUUM, which blocks nobody. A database that does not answer is left to the tests."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM " + ", ".join(f"pg_catalog.{name}" for name in CATALOGS))
    except SQLAlchemyError:
        pass
    finally:
        engine.dispose()


def database_url(tmp_path: Path) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'minbar.sqlite3'}"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(OPENING_DAY)


@pytest.fixture
def app(tmp_path, clock):
    app = create_app({
        "DATABASE_URL": database_url(tmp_path),
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret",
        "REDIS_URL": None,
        "TESTING": True,
    })
    app.extensions["minbar.clock"] = clock
    database = app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    yield app
    database.engine.dispose()


@pytest.fixture
def db(app):
    with app.extensions["minbar.db"].session_scope() as session:
        yield session


@pytest.fixture
def loaded_app(app, clock):
    """The app with the GCM reference data and the bundled 2021 conference loaded."""
    from conference.agenda import validate
    from conference.agenda.load import load
    from conference.paths import bundled_agenda
    from conference.reference import load_reference

    spec, findings = validate.check_file(bundled_agenda())
    assert not validate.has_errors(findings), [str(f) for f in findings]
    with app.extensions["minbar.db"].session_scope() as session:
        load_reference(session)
        load(spec, session, clock.now())
    return app


@pytest.fixture
def client(loaded_app):
    return loaded_app.test_client()


def load_agenda_file(app, path, now) -> None:
    """Validate and load an agenda file into `app`'s database (fails the test on errors)."""
    from conference.agenda import validate
    from conference.agenda.load import load
    from conference.reference import load_reference

    spec, findings = validate.check_file(path)
    assert not validate.has_errors(findings), [str(f) for f in findings]
    with app.extensions["minbar.db"].session_scope() as session:
        load_reference(session)
        load(spec, session, now)


def without(text: str, key: str) -> str:
    """The agenda text without the item `key` (its block up to the next item)."""
    start = text.index(f'id = "{key}"')
    start = text.rindex("[[days.items]]", 0, start)
    end = text.find("[[days.items]]", start + 1)
    end = text.rfind("\n[[days]]", start, end) if "\n[[days]]" in text[start:end] else end
    return text[:start] + text[end:]


# -- access links and Socket.IO clients ------------------------------------------------------

@pytest.fixture
def issue_token(loaded_app, clock):
    """issue_token(role, session=None, **fields) -> a signed token for the bundled conference."""
    from conference import queries
    from speakers import access

    def issue(role: str, session: str | None = None, conference: str = "gcm-arab-2021", **fields) -> str:
        with loaded_app.extensions["minbar.db"].session_scope() as db:
            conf = queries.conference(db, conference)
            token, _row = access.issue(db, conference=conf, role=role, session=session, now=clock.now(),
                                       secret=loaded_app.config["SECRET_KEY"], **fields)
        return token

    return issue


@pytest.fixture
def live_client(loaded_app):
    """live_client(token=None) -> a Flask-SocketIO test client connected to /live (in-process)."""
    from conference.extensions import socketio

    clients = []

    def connect(token: str | None = None):
        client = socketio.test_client(loaded_app, namespace="/live", auth={"token": token} if token else None)
        clients.append(client)
        return client

    yield connect
    for client in clients:
        if client.is_connected("/live"):
            client.disconnect(namespace="/live")


def ack(client, event: str, payload: dict | None = None) -> dict:
    """Emit `event` on /live and return its acknowledgement."""
    return client.emit(event, payload or {}, namespace="/live", callback=True)


@pytest.fixture(autouse=True)
def no_socketio_client_left_reconnecting():
    """Fails the test that leaves a python-socketio client retrying, or ready to retry, once it is
    over: its reconnection loop draws on `random`, which Hypothesis refuses to see happen during a
    later property test. (LiveClient.close hangs up for good.)"""
    yield
    from live_socket import clients_left_reconnecting

    left = clients_left_reconnecting()
    for client in left:   # stop them at their next attempt, so that the next test is not disturbed
        client.reconnection, client.reconnection_attempts = False, 1
    assert not left, f"{len(left)} Socket.IO client(s) left connected with reconnection on, or reconnecting"


# -- a real server process (python-socketio clients, browsers, restarts) ---------------------

class ServerProcess:
    """`minbar run` in its own process on a free port, on the test's database."""

    def __init__(self, env: dict, port: int):
        self.env, self.port, self.process = env, port, None
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> "ServerProcess":
        import subprocess
        import sys

        # The server's output goes to a file (a pipe nobody reads could fill and block it).
        self.log = Path(self.env["MINBAR_INSTANCE"]) / f"server-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "conference.cli", "run", "--port", str(self.port), "--no-links"],
                env=self.env, cwd=str(ROOT), stdout=log, stderr=subprocess.STDOUT)
        # A loaded machine (CI's two shared cores) can take more than 20 s to import and serve;
        # a start that fails anyway leaves no server behind to fail the next test.
        try:
            wait_healthy(self.url, self.process, 60, "minbar run", self.log)
        except RuntimeError:
            self.kill()
            raise
        return self

    def kill(self) -> None:
        """Kill -9: no shutdown handlers run, as in a crash."""
        import signal

        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except Exception:
                self.kill()



@pytest.fixture
def server_env(tmp_path):
    """Environment for server processes sharing one database with the test (bundled conference loaded)."""
    import subprocess
    import sys

    env = {**os.environ,
           "DATABASE_URL": database_url(tmp_path),
           "MINBAR_INSTANCE": str(tmp_path / "instance"),
           # Serving refuses a key shorter than 32 characters (conference.config.refuse_to_serve).
           "SECRET_KEY": "test-secret-of-a-server-process-0123456789",
           "MINBAR_AT": "2021-02-24T11:14:00",
           # Servers of one test share a message-queue channel; other tests' servers don't hear them.
           "MINBAR_CHANNEL": f"minbar-test-{tmp_path.name}",
           "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None) if not os.environ.get("REDIS_URL") else None
    if os.environ.get("DATABASE_URL"):
        # A shared server database: start from empty tables like the in-process fixtures do.
        from conference.db import Database

        database = Database(env["DATABASE_URL"])
        database.drop_all()
        database.engine.dispose()
    subprocess.run([sys.executable, "-m", "conference.cli", "init"], env=env, cwd=str(ROOT), check=True,
                   stdout=subprocess.DEVNULL)
    return env


@pytest.fixture
def server(server_env):
    """A running server process; `server.kill()` and `ServerProcess(...).start()` simulate a crash."""
    process = ServerProcess(server_env, free_port()).start()
    yield process
    process.stop()


@pytest.fixture
def server_token(server_env):
    """server_token(role, session=None, **fields) -> a token issued through the real CLI."""
    import subprocess
    import sys

    def issue(role: str, session: str | None = None, **fields) -> str:
        args = [sys.executable, "-m", "conference.cli", "access", "issue", "--conference", "gcm-arab-2021",
                "--role", role, "--token-only"]
        if session:
            args += ["--session", session]
        for name, value in fields.items():
            args += [f"--{name.replace('_', '-')}", str(value)]
        done = subprocess.run(args, env=server_env, cwd=str(ROOT), check=True, capture_output=True, text=True)
        return done.stdout.strip().splitlines()[-1]

    return issue


# -- browsers ----------------------------------------------------------------------------------
# Browser tests: Playwright driving Debian's Chromium (never a downloaded browser). Without
# /usr/bin/chromium they are skipped with a plain reason, unless MINBAR_REQUIRE_BROWSER=1 (CI),
# where a missing browser is a failure. (One conftest for the whole suite, so that test modules
# can `from conftest import ...` unambiguously.)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("MINBAR_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"browser tests are required but Chromium is missing ({CHROMIUM}): "
                                "apt-get install chromium")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium): browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
