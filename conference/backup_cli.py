"""`minbar backup FILE` and `minbar restore FILE` (conference.backup, conference.restore;
docs/deploy.md, "Backups and restore")."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import click
from flask import current_app
from flask.cli import with_appcontext

from conference.backup import BackupError


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--with-secrets", is_flag=True, help="Also put the secret key in the archive (then keep the "
              "archive as safe as the key itself).")
@with_appcontext
def backup_command(file, with_secrets):
    """Write one archive: a consistent snapshot of the database, the conferences' agenda files and
    a fingerprint of the secret key (never the key itself without --with-secrets)."""
    from conference.backup import backup

    try:
        # The archive's time is the real one, whatever a rehearsal clock says.
        report = backup(current_app.extensions["minbar.db"], current_app.instance_path,
                        current_app.config["SECRET_KEY"], file, now=datetime.now(timezone.utc),
                        with_secrets=with_secrets)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    database = report.manifest["database"]
    click.echo(f"Backup written to {report.path}: {database['kind']} database at revision "
               f"{database['revision'] or 'none'}, {len(report.manifest['members']) - 1} other file(s).")
    if with_secrets:
        click.echo("The archive CONTAINS THE SECRET KEY: whoever reads it can sign in as anyone. Keep it "
                   "encrypted and apart from ordinary backups.", err=True)
    else:
        click.echo("The secret key is not in the archive: keep it separately; a restore needs it.")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Restore even when the secret key differs from the backup's "
              "(every link issued before will then answer 401).")
@with_appcontext
def restore_command(file, force):
    """Restore an archive of `minbar backup` into an empty database and instance, then upgrade it
    to this release's schema. Stop the servers first."""
    from conference.restore import restore

    try:
        report = restore(current_app.extensions["minbar.db"], current_app.instance_path,
                         current_app.config["SECRET_KEY"], file, force=force,
                         key_from_environment=bool(os.environ.get("SECRET_KEY")))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    for warning in report.warnings:
        click.echo(f"WARNING: {warning}", err=True)
    manifest = report.manifest
    click.echo(f"Restored the backup of {manifest['created_at']} (Minbar {manifest['minbar_version']}): "
               f"database {report.upgrade}.")
    for note in report.notes:
        click.echo(note)


def register(cli) -> None:
    cli.add_command(backup_command)
    cli.add_command(restore_command)
