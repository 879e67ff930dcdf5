"""What the backup tests share: the installation they back up, fresh empty targets (a SQLite file,
or a PostgreSQL database created beside DATABASE_URL's and dropped afterwards), the commands run
as a process or in the test's, and what "empty" and "unchanged" mean."""
from __future__ import annotations

import glob
import os
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from conftest import ROOT

SLUG = "gcm-arab-2021"
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


# A SQLite backup restored into PostgreSQL: runs when DATABASE_URL is PostgreSQL (deselected
# elsewhere, tests/suite_rules.py).
across_kinds = pytest.mark.postgresql_only


def embedded(source: dict, tmp_path) -> dict:
    """An installation on SQLite beside the PostgreSQL one, initialised."""
    on_sqlite = {**source, "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded' / 'minbar.sqlite3'}",
                 "MINBAR_INSTANCE": str(tmp_path / "embedded" / "instance")}
    assert cli(on_sqlite, "init").returncode == 0
    return on_sqlite


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
