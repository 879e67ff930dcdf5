"""The production stack as real processes for the end-to-end tests: a private redis-server, a
private PostgreSQL cluster, Minbar under gunicorn (deploy/gunicorn.conf.py) and Debian's nginx with
deploy/nginx-minbar.conf rendered for the test's ports. Everything listens on 127.0.0.1 on free
ports, in the test's own folders, and is stopped by the test.

A missing program (nginx, redis-server, PostgreSQL's initdb) skips the test with a plain reason,
except where MINBAR_REQUIRE_STACK=1 (CI), where it is a failure: `make stack-deps` installs them.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from bench.serving import free_port, wait_healthy
from conftest import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
from render import render  # noqa: E402  (deploy/render.py)

from live_socket import LiveClient  # noqa: E402


def require(program: str, *candidates: str) -> str:
    """The program's path, or skip (fail under MINBAR_REQUIRE_STACK=1)."""
    found = shutil.which(program) or next((c for c in candidates if os.path.exists(c)), None)
    if found:
        return found
    message = f"{program} is not installed (make stack-deps installs nginx, redis-server and PostgreSQL)"
    if os.environ.get("MINBAR_REQUIRE_STACK") == "1":
        pytest.fail(message)
    pytest.skip(message)


def wait_for_port(port: int, timeout: float = 20, process: subprocess.Popen | None = None, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout} s")


def http_get(url: str, timeout: float = 5, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Redis:
    """A private redis-server (no persistence) that can be stopped and started on the same port."""

    def __init__(self, folder: Path):
        self.binary = require("redis-server")
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "redis.log", "ab") as log:
            self.process = subprocess.Popen(
                [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(self.folder)], stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, process=self.process, what="redis-server")
        return self

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    stop = kill


class Minbar:
    """One Minbar process as deployed: gunicorn -c deploy/gunicorn.conf.py wsgi:app (gevent)."""

    cwd = str(ROOT)

    def command(self) -> list[str]:
        """The server's command line (an installed Minbar's differs: tests/production/test_install.py)."""
        return [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "wsgi:app"]

    def __init__(self, env: dict, port: int | None = None):
        self.env, self.port, self.process = env, port or free_port(), None
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(env["MINBAR_INSTANCE"]) / f"gunicorn-{self.port}.log"

    def start(self, timeout: float = 30) -> "Minbar":
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command(), env={**self.env, "MINBAR_BIND": f"127.0.0.1:{self.port}"}, cwd=self.cwd,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_healthy(self.url, self.process, timeout, "gunicorn", self.log)
        return self

    def kill(self) -> None:
        """kill -9 of the whole process (gunicorn's master and its worker), as in a crash."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def tracebacks(self) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return text if "Traceback" in text else ""


class Nginx:
    """Debian's nginx with deploy/nginx-minbar.conf, rendered for these ports and this checkout."""

    def __init__(self, folder: Path, upstreams: list[int], static: Path = ROOT / "static", **site):
        """`site`: render()'s keywords (tls=render.Tls(...), health_allow=...)."""
        self.binary = require("nginx", "/usr/sbin/nginx")
        self.folder, self.port, self.process = folder, free_port(), None
        self.upstreams, self.static, self.site = upstreams, static, site
        self.url = f"{'https' if site.get('tls') else 'http'}://127.0.0.1:{self.port}"
        self.access_log = folder / "access.log"

    def start(self) -> "Nginx":
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        site = render(f"127.0.0.1:{self.port}", [f"127.0.0.1:{p}" for p in self.upstreams], str(self.static),
                      access_log=str(self.access_log), **self.site)
        (folder / "minbar.conf").write_text(site, encoding="utf-8")
        temp = "\n".join(f"    {name}_temp_path {folder / name};" for name in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (folder / "nginx.conf").write_text(f"""
user {"root" if os.geteuid() == 0 else os.environ.get("USER", "nobody")};
worker_processes 1;
daemon off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} info;
events {{ worker_connections 4096; }}
http {{
    # What Debian's nginx.conf logs for sites that say nothing (deploy's site says: access.log).
    access_log {folder / "http-default.log"} combined;
{temp}
    include {folder / "minbar.conf"};
}}
""", encoding="utf-8")
        test = subprocess.run([self.binary, "-t", "-e", str(folder / "error.log"), "-p", str(folder),
                               "-c", str(folder / "nginx.conf")], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        with open(folder / "stdout.log", "ab") as log:
            self.process = subprocess.Popen([self.binary, "-e", str(folder / "error.log"), "-p", str(folder),
                                             "-c", str(folder / "nginx.conf")], stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, process=self.process, what="nginx")
        return self

    def served_by(self, prefix: str = "/socket.io/") -> set[int]:
        """The upstream ports that served requests under `prefix` (from the access log)."""
        used = set()
        for record in self.log_records():
            if record["uri"].startswith(prefix):
                for address in record["upstream"].replace(",", " ").replace(":", " ").split():
                    if address.isdigit() and int(address) in self.upstreams:
                        used.add(int(address))
        return used

    def log_records(self) -> list[dict]:
        """deploy's access log (one JSON object per request)."""
        import json

        text = self.access_log.read_text() if self.access_log.exists() else ""
        return [json.loads(line) for line in text.splitlines()]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class Postgres:
    """A private PostgreSQL cluster (initdb + pg_ctl, as the `postgres` user when run as root)."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = require("initdb", *found)
        self.bin = Path(found[-1]).parent if found else Path(initdb).parent
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="minbar-pg-"))
        self.data = self.folder / "data"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.as_user = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            require("runuser")
            shutil.chown(self.folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120, check=check)

    def init(self) -> "Postgres":
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--no-sync", "-E", "UTF8")
        return self.start()

    def start(self) -> "Postgres":
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                  "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_reaches_everyone(chair: LiveClient, participants: list[LiveClient], session: str) -> dict:
    """The chair starts the timer; every participant receives that STATE. Returns the chair's ack."""
    answer = chair.call("timer", {"session": session, "action": "start"})
    assert answer["ok"], answer
    for participant in participants:
        received = participant.next_state(where=lambda s: s["version"] == answer["state"]["version"])
        assert received["timer"]["status"] == "running"
        assert received["timer"]["started_at"] == answer["state"]["timer"]["started_at"]
    return answer


def served_by_all(nginx: "Nginx", ports: set[int], timeout: float = 5) -> set[int]:
    """The upstream ports nginx has logged under /socket.io/, once all of `ports` are there or
    `timeout` has passed (nginx logs a WebSocket when it closes)."""
    deadline = time.monotonic() + timeout
    while nginx.served_by() != ports and time.monotonic() < deadline:
        time.sleep(0.1)
    return nginx.served_by()


# -- one process on a private PostgreSQL, for the database faults -------------------------------

@pytest.fixture
def postgres():
    cluster = Postgres()
    try:
        cluster.init()
        yield cluster
    finally:
        cluster.remove()


def postgres_env(postgres: Postgres, folder: Path) -> dict:
    """A server environment on `postgres`, without Redis, on the real clock."""
    env = {**os.environ, "DATABASE_URL": postgres.url, "MINBAR_INSTANCE": str(folder / "instance"),
           "SECRET_KEY": "test-secret-of-a-server-process-0123456789", "MINBAR_CHANNEL": f"minbar-test-{folder.name}", "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)
    env.pop("MINBAR_AT", None)
    return env


def cli(env: dict, *args: str) -> str:
    """`minbar ARGS` in `env`; its output."""
    return subprocess.run([sys.executable, "-m", "conference.cli", *args], env=env, cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120, check=True).stdout


# -- the whole stack as a fixture (import it into a test module: `from stack import stack`) ----

@pytest.fixture
def stack(server_env, tmp_path):
    """redis-server, two gunicorn processes and nginx; everything stopped at the end and the
    processes' logs checked for tracebacks."""
    redis = Redis(tmp_path / "redis")
    env = {k: v for k, v in server_env.items() if k != "MINBAR_AT"}  # the real clock
    env["REDIS_URL"] = redis.url
    processes = [Minbar(env), Minbar(env)]
    nginx = Nginx(tmp_path / "nginx", [p.port for p in processes])
    made: list[LiveClient] = []

    class Stack:
        tracebacks_allowed = False   # a fault test that breaks a service on purpose may log some

    stack = Stack()
    stack.redis, stack.processes, stack.nginx, stack.env = redis, processes, nginx, env

    def client(*args, url: str | None = None, **kwargs) -> LiveClient:
        made.append(LiveClient(url or nginx.url, *args, **kwargs))
        return made[-1]

    stack.client = client
    try:
        redis.start()
        for process in processes:
            process.start()
        nginx.start()
        yield stack
    finally:
        for c in made:
            c.close()
        nginx.stop()
        for process in processes:
            process.stop()
        redis.stop()
    for process in processes:
        assert stack.tracebacks_allowed or not process.tracebacks(), process.tracebacks()[-4000:]
