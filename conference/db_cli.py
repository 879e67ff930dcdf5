"""`minbar db ...`: the schema's migrations (conference.migrate, docs/deploy.md)."""
from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext


@click.group("db")
def db_group():
    """Upgrade and check the database schema."""


def _database():
    return current_app.extensions["minbar.db"]


@db_group.command("upgrade")
@click.option("--to", "revision", default="head", show_default=True, help="The revision to reach.")
@with_appcontext
def upgrade_command(revision):
    """Create or upgrade the database in place (an empty one, or one made by any earlier release)."""
    from conference import migrate

    report = migrate.upgrade(_database(), revision)
    click.echo(f"Database {report.describe()}.")
    if revision == "head":
        _report_differences(migrate.differences(_database()))


@db_group.command("check")
@with_appcontext
def check_command():
    """Exit 1 when the database and the models differ (a missing upgrade or a missing revision)."""
    from conference import migrate

    if not _database().exists():   # checking is not creating: an SQLite file not made stays unmade
        click.echo(f"No database at {_database().url}: run `minbar db upgrade`.", err=True)
        sys.exit(1)
    sys.exit(1 if _report_differences(migrate.differences(_database())) else 0)


@db_group.command("current")
@with_appcontext
def current_command():
    """Print the database's revision and the code's."""
    from conference import migrate

    database = _database()
    # An SQLite file not made yet stays unmade: asking is not creating.
    click.echo(f"database: {(migrate.current(database) if database.exists() else None) or 'none'}")
    click.echo(f"code:     {migrate.head()}")


@db_group.command("revision")
@click.option("-m", "--message", required=True, help="What the revision changes, in a few words.")
@click.option("--empty", is_flag=True, help="An empty revision to fill by hand (data migrations).")
@with_appcontext
def revision_command(message, empty):
    """Write the next revision from the difference between the models and the database (at head)."""
    from conference import migrate

    database = _database()
    if migrate.current(database) != migrate.head():
        raise click.ClickException("the database is not at the latest revision: run `minbar db upgrade` first")
    click.echo(f"Wrote {migrate.revision(database, message, autogenerate=not empty)}")
    click.echo("Read it, adjust it (SQLite needs batch operations; data moves are yours), then commit it.")


def _report_differences(found: list) -> bool:
    from conference import migrate

    if not found:
        click.echo("The database matches the models.")
        return False
    click.echo("The database and the models differ:", err=True)
    for difference in found:
        click.echo(f"  {migrate.describe(difference)}", err=True)
    return True
