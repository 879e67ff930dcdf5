"""Migrations: an empty database and one made by release 0.1 (create_all, before Alembic) are both
brought to the models' schema in place, keeping their rows; `minbar db check` says when the database
and the models differ. On SQLite, and on PostgreSQL when DATABASE_URL points at it.

The release-0.1 fixtures under tests/data/release-0.1/ are dumps of that release's `minbar init`
(rebuild.sh remakes them from its commit)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import inspect, text

from conference import migrate
from conference.db import Database
from conftest import DATA, ROOT, database_url

RELEASE = DATA / "release-0.1"


@pytest.fixture
def database(tmp_path):
    database = Database(database_url(tmp_path))
    database.drop_all()  # a shared PostgreSQL database starts empty, like the other fixtures
    yield database
    database.engine.dispose()


def load_release_0_1(database: Database) -> None:
    """The database exactly as release 0.1's `minbar init` left it (bundled conference loaded)."""
    if database.engine.dialect.name == "sqlite":
        connection = sqlite3.connect(database.engine.url.database)
        connection.executescript((RELEASE / "minbar.sqlite.sql").read_text(encoding="utf-8"))
        connection.close()
    else:
        with database.engine.connect() as connection:
            connection.exec_driver_sql((RELEASE / "minbar.postgresql.sql").read_text(encoding="utf-8"))
            connection.commit()
        database.engine.dispose()  # the dump set search_path on that connection


def counts(database: Database) -> dict:
    tables = ("conferences", "days", "agenda_items", "slots", "people", "objectives", "principles")
    with database.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


def minbar(database: Database, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database.url, "SECRET_KEY": "test-secret"}
    return subprocess.run([sys.executable, "-m", "conference.cli", *args], env=env, cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120)


def test_an_empty_database_is_created_by_the_migrations_and_matches_the_models(database):
    assert migrate.differences(database)  # nothing there yet
    report = migrate.upgrade(database)
    assert (report.before, report.after, report.adopted) == (None, migrate.head(), False)
    assert migrate.differences(database) == []
    assert migrate.upgrade(database).describe() == f"already at {migrate.head()}"


def test_a_release_0_1_database_is_upgraded_in_place_keeping_its_rows(database):
    load_release_0_1(database)
    before = counts(database)
    assert before["conferences"] == 1 and before["slots"] > 10
    assert "alembic_version" not in inspect(database.engine).get_table_names()
    checked = minbar(database, "db", "check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "minbar db upgrade" in checked.stderr

    upgraded = minbar(database, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "adopted a database made before migrations" in upgraded.stdout
    assert migrate.current(database) == migrate.head()
    assert migrate.differences(database) == []
    assert counts(database) == before
    assert minbar(database, "db", "check").returncode == 0


def test_init_goes_through_the_migrations_on_a_release_0_1_database(database):
    load_release_0_1(database)
    before = counts(database)
    done = minbar(database, "init")
    assert done.returncode == 0, done.stderr
    # The conference it held is the bundled one, kept and brought up to the bundled file's text.
    assert "Conference gcm-arab-2021:" in done.stdout
    assert migrate.current(database) == migrate.head()
    assert counts(database) == before
    assert minbar(database, "db", "check").returncode == 0


def test_check_fails_when_the_database_lacks_a_column_the_models_have(database):
    migrate.upgrade(database)
    assert minbar(database, "db", "check").returncode == 0
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE access_tokens DROP COLUMN person_key")
    checked = minbar(database, "db", "check")
    assert checked.returncode == 1
    assert "access_tokens.person_key" in checked.stderr


def test_check_fails_when_the_database_has_a_table_the_models_lack(database):
    migrate.upgrade(database)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE leftovers (id INTEGER PRIMARY KEY)")
    checked = minbar(database, "db", "check")
    assert checked.returncode == 1
    assert "remove table leftovers" in checked.stderr
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE leftovers")


def test_the_revisions_ship_with_the_package():
    from importlib.resources import files

    versions = files("conference") / "migrations" / "versions"
    assert any(p.name.startswith("0001_") for p in versions.iterdir())
    assert (files("conference") / "migrations" / "script.py.mako").is_file()


def test_a_database_made_by_create_all_from_the_current_models_is_stamped_not_altered(database):
    database.create_all()  # what the test fixtures and a developer's scratch database do
    report = migrate.upgrade(database)
    assert report.adopted and report.after == migrate.head()
    assert migrate.differences(database) == []
