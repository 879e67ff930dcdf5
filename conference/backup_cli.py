"""`minbar backup FILE` and `minbar restore FILE` (conference.backup, conference.restore;
docs/deploy.md, "Backups and restore")."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import click
from flask import current_app
from flask.cli import with_appcontext

from conference.backup import BackupError


def archive_command(name: str):
    """`minbar NAME FILE [options]` in the app's context: the two commands take one archive."""
    def decorate(function):
        return click.command(name)(click.argument("file", type=click.Path(dir_okay=False))(
            with_appcontext(function)))
    return decorate


def run(operation, file, **options):
    """`operation` on this app's database, instance folder and key; a refusal is the command's error."""
    try:
        return operation(current_app.extensions["minbar.db"], current_app.instance_path,
                         current_app.config["SECRET_KEY"], file, **options)
    except BackupError as error:
        raise click.ClickException(str(error)) from None


@archive_command("backup")
@click.option("--with-secrets", is_flag=True, help="Also put the secret key in the archive (then keep the "
              "archive as safe as the key itself).")
def backup_command(file, with_secrets):
    """Write one archive: a consistent snapshot of the database, the conferences' agenda files and
    a fingerprint of the secret key (never the key itself without --with-secrets)."""
    from conference.backup import backup

    # The archive's time is the real one, whatever a rehearsal clock says.
    report = run(backup, file, now=datetime.now(timezone.utc), with_secrets=with_secrets)
    database = report.manifest["database"]
    click.echo(f"Backup written to {report.path}: {database['kind']} database at revision "
               f"{database['revision'] or 'none'}, {len(report.manifest['members']) - 1} other file(s).")
    if with_secrets:
        click.echo("The archive CONTAINS THE SECRET KEY: whoever reads it can sign in as anyone. Keep it "
                   "encrypted and apart from ordinary backups.", err=True)
    else:
        click.echo("The secret key is not in the archive: keep it separately; a restore needs it.")


@archive_command("restore")
@click.option("--force", is_flag=True, help="Restore even when the secret key differs from the backup's "
              "(every link issued before will then answer 401).")
def restore_command(file, force):
    """Restore an archive of `minbar backup` into an empty database and instance, then upgrade it
    to this release's schema. Stop the servers first."""
    from conference.restore import restore

    report = run(restore, file, force=force, key_from_environment=bool(os.environ.get("SECRET_KEY")))
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
