"""The production install as docs/deploy.md makes it: `pip install -c deploy/constraints.txt
'.[production]'` into a bare virtualenv (no test extras: nothing the suite brings may hide a
missing requirement, as pytest once hid `packaging`, which gunicorn's gevent worker imports), then
two gunicorn gevent processes run from that virtualenv exactly as deploy/minbar@.service runs them
(the installed `conference.wsgi:app`, the gunicorn settings the install carries, started outside
any checkout), behind nginx with Redis; a chair starts a timer and participants on both processes
see it.

The virtualenv is built once per module from a copy of the source tree (pip builds in place, and
the checkout must stay as it is). The processes share PostgreSQL where the suite runs on it
(DATABASE_URL), else SQLite. Without nginx or redis-server the test skips (fails where
MINBAR_REQUIRE_STACK=1, as in CI); it needs the package index pip is configured with.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from live_socket import LiveClient
from stack import Minbar, Nginx, Redis, http_get, require, served_by_all, start_reaches_everyone

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "deploy" / "constraints.txt"
SESSION = "plenary-1"
KEY = "an-installed-deployment-key-0123456789abcdef"
# What pip builds the package from: the source tree without the checkout's own environments.
NOT_SHIPPED = shutil.ignore_patterns(".git", ".venv*", "node_modules", "instance", "build", "dist",
                                     "*.egg-info", "__pycache__", "test-results", "tests", "bench")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A bare virtualenv with `.[production]` installed under the committed constraints."""
    require("nginx", "/usr/sbin/nginx")
    require("redis-server")
    folder = tmp_path_factory.mktemp("install")
    source, venv = folder / "source", folder / "venv"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-c", str(CONSTRAINTS),
                           f"{source}[production]"], capture_output=True, text=True, timeout=900,
                          env=_clean_environment(venv))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return venv


def _clean_environment(venv: Path, **extra) -> dict:
    """The operator's environment: the virtualenv's bin first, nothing of the test's Python."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DATABASE_URL", "REDIS_URL", "MINBAR_AT", "SECRET_KEY",
                        "MINBAR_INSTANCE", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def _database_url(tmp_path: Path) -> str:
    """DATABASE_URL where the suite runs on PostgreSQL (emptied first, as tests/conftest.py does):
    the install's own psycopg then carries it; SQLite otherwise."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path / 'minbar.sqlite3'}"
    from conference.db import Database

    database = Database(url)
    database.drop_all()
    database.engine.dispose()
    return url


class InstalledMinbar(Minbar):
    """One process as deploy/minbar@.service starts it, from the installed package only."""

    def __init__(self, venv: Path, env: dict, workdir: Path):
        super().__init__(env)
        self.venv, self.cwd = venv, str(workdir)

    def command(self) -> list[str]:
        config = self.venv / "share" / "minbar" / "deploy" / "gunicorn.conf.py"
        return [str(self.venv / "bin" / "gunicorn"), "-c", str(config), "conference.wsgi:app"]


def _run(venv: Path, env: dict, cwd: Path, *args: str) -> str:
    done = subprocess.run([str(venv / "bin" / "minbar"), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_install_carries_nothing_of_the_tests_and_follows_the_constraints(installed, tmp_path):
    python = str(installed / "bin" / "python")
    env = _clean_environment(installed)
    probe = subprocess.run([python, "-c", "import conference, gunicorn.workers.ggevent; print(conference.__file__)"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip().startswith(str(installed)), probe.stdout   # the install, not the checkout
    for absent in ("pytest", "playwright", "hypothesis"):
        assert subprocess.run([python, "-c", f"import {absent}"], env=env, cwd=tmp_path,
                              capture_output=True).returncode != 0, f"{absent} is in the production install"

    frozen = subprocess.run([python, "-m", "pip", "freeze", "--exclude", "minbar"], env=env,
                            capture_output=True, text=True, timeout=60).stdout
    assert _pins(frozen) == _pins(CONSTRAINTS.read_text())


def _pins(text: str) -> dict:
    """name -> version of every `name==version` line, names normalised as PyPI does (PEP 503)."""
    return {re.sub(r"[-_.]+", "-", name).lower(): version
            for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def test_two_installed_processes_behind_nginx_carry_a_chair_and_participants(installed, tmp_path):
    workdir = tmp_path / "srv"
    workdir.mkdir()
    redis = Redis(tmp_path / "redis").start()
    env = _clean_environment(installed, SECRET_KEY=KEY, MINBAR_INSTANCE=str(tmp_path / "instance"),
                             DATABASE_URL=_database_url(tmp_path), REDIS_URL=redis.url,
                             MINBAR_CHANNEL=f"minbar-install-{tmp_path.name}",
                             PYTHONUNBUFFERED="1")
    processes, nginx, clients = [], None, []
    try:
        _run(installed, env, workdir, "init")
        assert "No problem found." in _run(installed, {**env, "MINBAR_BASE_URL": "https://minbar.example.org"},
                                           workdir, "config", "check")
        token = _run(installed, env, workdir, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair",
                     "--session", SESSION, "--token-only").strip().splitlines()[-1]
        processes = [InstalledMinbar(installed, env, workdir).start(timeout=60) for _ in range(2)]
        nginx = Nginx(tmp_path / "nginx", [p.port for p in processes],
                      static=installed / "share" / "minbar" / "static").start()

        status, _headers, body = http_get(nginx.url + "/conferences/gcm-arab-2021")
        assert status == 200 and b"<html" in body
        assert http_get(nginx.url + "/static/js/live.js")[0] == 200

        chair = LiveClient(nginx.url, token)
        clients.append(chair)
        participants = [LiveClient(nginx.url, route=f"delegate-{n}") for n in range(6)]
        clients += participants
        chair.join(SESSION)
        for participant in participants:
            participant.join(SESSION)
        start_reaches_everyone(chair, participants, SESSION)
        for client in clients:
            client.close()
        assert served_by_all(nginx, {p.port for p in processes}) == {p.port for p in processes}
    finally:
        for client in clients:
            client.close()
        if nginx:
            nginx.stop()
        for process in processes:
            process.stop()
        redis.stop()
    for process in processes:
        assert not process.tracebacks(), process.tracebacks()[-4000:]


def test_the_installed_server_refuses_the_example_key_and_stops(installed, tmp_path):
    example = (ROOT / "deploy" / "minbar.env.example").read_text(encoding="utf-8")
    placeholder = re.search(r"^SECRET_KEY=(.*)$", example, re.M).group(1)
    env = _clean_environment(installed, SECRET_KEY=placeholder, MINBAR_INSTANCE=str(tmp_path / "instance"),
                             MINBAR_BIND="127.0.0.1:0")
    server = InstalledMinbar(installed, env, tmp_path)
    done = subprocess.run(server.command(), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)

    assert done.returncode == 4   # "App failed to load": systemd does not restart it (RestartPreventExitStatus)
    assert "refusing to serve: SECRET_KEY is still the placeholder" in done.stdout + done.stderr
