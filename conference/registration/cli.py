"""`minbar registrations purge`: delete the declined and unconfirmed registrations older than each
conference's retention period (30 days unless the secretariat set another). Run it daily
(docs/deploy.md, "Daily: the registrations purge"); it is safe to run any number of times."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.group("registrations")
def registrations_group():
    """Registrations of participants."""


@registrations_group.command("purge")
@with_appcontext
def purge_command():
    """Delete declined and unconfirmed registrations past their conference's retention period."""
    from conference.registration import store

    now = current_app.extensions["minbar.clock"].now()
    with current_app.extensions["minbar.db"].session_scope() as db:
        done = store.purge(db, now)
    for slug, count in done.items():
        click.echo(f"{slug}: {count} registration(s) deleted")
