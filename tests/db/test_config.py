"""Configuration that refuses mistakes: serving refuses a placeholder or short SECRET_KEY, commands
that sign nothing leave no instance folder behind, and `minbar config check` says what is wrong
(secrets masked). Every command runs as an operator runs it: `python -m conference.cli` in a
folder of its own, with only the environment the test gives."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "minbar.env.example"
GOOD_KEY = "k" * 48
AGENDA = ROOT / "conference" / "agendas" / "gcm-arab-2021.toml"


def example_value(name: str) -> str:
    return re.search(rf"^{name}=(.*)$", EXAMPLE.read_text(encoding="utf-8"), re.M).group(1)


def minbar(cwd: Path, *args: str, timeout: float = 60, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SECRET_KEY", "MINBAR_INSTANCE", "DATABASE_URL", "REDIS_URL", "MINBAR_AT",
                          "MINBAR_BASE_URL")}
    return subprocess.run([sys.executable, "-m", "conference.cli", *args], cwd=cwd, env={**clean, **env},
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("key, reason", [
    (example_value("SECRET_KEY"), "placeholder of deploy/minbar.env.example"),
    ("short-key-of-31-characters-0123", "31 characters, fewer than 32"),
])
def test_minbar_run_refuses_a_placeholder_or_short_key_and_says_why(tmp_path, key, reason):
    done = minbar(tmp_path, "run", "--port", str(free_port()), "--no-links", SECRET_KEY=key,
                  MINBAR_INSTANCE=str(tmp_path / "instance"), timeout=30)

    assert done.returncode == 1
    assert "refusing to serve" in done.stderr and reason in done.stderr
    assert key not in done.stderr + done.stdout   # the key itself is never echoed


def test_the_wsgi_app_refuses_the_placeholder(tmp_path):
    env = {**os.environ, "SECRET_KEY": example_value("SECRET_KEY"), "MINBAR_ASYNC_MODE": "threading",
           "MINBAR_INSTANCE": str(tmp_path / "instance")}
    done = subprocess.run([sys.executable, "-c", "import conference.wsgi"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "refusing to serve: SECRET_KEY is still the placeholder" in done.stderr


@pytest.mark.parametrize("args", [("--help",), ("agenda", "check", str(AGENDA)), ("db", "current"),
                                  ("db", "check"), ("config", "check"), ()])
def test_commands_that_sign_nothing_leave_no_instance_folder(tmp_path, args):
    done = minbar(tmp_path, *args)

    assert "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "instance").exists(), (args, done.stdout, done.stderr)


def test_db_current_says_none_without_making_the_database(tmp_path):
    done = minbar(tmp_path, "db", "current")
    assert done.returncode == 0 and "database: none" in done.stdout and "code:" in done.stdout


def test_a_command_that_signs_makes_the_key_once(tmp_path):
    assert minbar(tmp_path, "init").returncode == 0
    key = (tmp_path / "instance" / "secret_key").read_text()
    issued = minbar(tmp_path, "access", "issue", "--conference", "gcm-arab-2021", "--role", "participant",
                    "--token-only")
    assert issued.returncode == 0, issued.stderr
    assert (tmp_path / "instance" / "secret_key").read_text() == key and len(key.strip()) >= 32


def test_config_check_of_a_sound_setup_prints_it_and_exits_0(tmp_path):
    env = {"SECRET_KEY": GOOD_KEY, "MINBAR_INSTANCE": str(tmp_path / "instance")}
    assert minbar(tmp_path, "init", **env).returncode == 0

    done = minbar(tmp_path, "config", "check", **env)

    assert done.returncode == 0, done.stderr
    assert "No problem found." in done.stdout
    assert re.search(r"SECRET_KEY\s+\(set: 48 characters\)", done.stdout)
    assert GOOD_KEY not in done.stdout
    assert re.search(r"INSTANCE_PATH\s+" + re.escape(str(tmp_path / "instance")), done.stdout)


def test_config_check_lists_every_problem_with_secrets_masked(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {"SECRET_KEY": example_value("SECRET_KEY"),
           "DATABASE_URL": f"postgresql+psycopg://minbar:hunter2-password@127.0.0.1:{free_port()}/minbar",
           "REDIS_URL": f"redis://:redis-password@127.0.0.1:{free_port()}/1",
           "MINBAR_INSTANCE": str(blocker / "instance"),
           "MINBAR_BASE_URL": "http://minbar.example.org"}

    done = minbar(tmp_path, "config", "check", **env)

    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert "hunter2-password" not in out and "redis-password" not in out and env["SECRET_KEY"] not in out
    assert "postgresql+psycopg://minbar:***@127.0.0.1" in done.stdout
    problems = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    expected = ["SECRET_KEY is still the placeholder", "instance folder", "the database does not answer",
                "Redis does not answer", "MINBAR_BASE_URL http://minbar.example.org is not https"]
    assert len(problems) == len(expected), problems
    for problem, words in zip(problems, expected):
        assert words in problem, (problem, words)
    assert "5 problem(s)" in done.stderr


def test_config_check_flags_a_short_key_and_a_placeholder_password(tmp_path):
    env = {"SECRET_KEY": "too-short", "MINBAR_INSTANCE": str(tmp_path / "instance"),
           "DATABASE_URL": example_value("DATABASE_URL")}
    done = minbar(tmp_path, "config", "check", **env)
    assert done.returncode == 1
    assert "SECRET_KEY has 9 characters, fewer than 32" in done.stderr
    assert "DATABASE_URL still holds the placeholder CHANGE-ME" in done.stderr
    assert "MINBAR_BASE_URL is not set" in done.stderr        # PostgreSQL: judged as a deployment
