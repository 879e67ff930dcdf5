"""`minbar organiser create|grant|disable` and `minbar agenda export|import|clone`."""
from __future__ import annotations

import sys
from datetime import date

import click
from flask import current_app
from flask.cli import with_appcontext

from conference.errors import MinbarError


def _db():
    return current_app.extensions["minbar.db"]


def _now():
    return current_app.extensions["minbar.clock"].now()


@click.group("organiser")
def organiser_group():
    """Organiser accounts: sign in to the workspace with an e-mail and a password."""


@organiser_group.command("create")
@click.argument("email")
@click.option("--conference", "conferences", multiple=True, help="A conference they organise (repeatable).")
@click.option("--all-conferences", is_flag=True, help="Organise every conference of this server.")
@click.option("--name", default="", help="The name shown in the audit log.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_command(email, conferences, all_conferences, name, password_stdin):
    """Create an organiser account (the password is asked for, never shown or logged)."""
    from speakers import organisers

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    database = _db()
    database.create_all()
    try:
        with database.session_scope() as db:
            row = organisers.create(db, email, password, _now(), conferences=conferences,
                                    all_conferences=all_conferences, name=name)
            label = row.email
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    scope = "every conference" if all_conferences else (", ".join(conferences) or "no conference yet")
    click.echo(f"Organiser {label} created ({scope}).")


@organiser_group.command("grant")
@click.argument("email")
@click.argument("slug")
@with_appcontext
def grant_command(email, slug):
    """Let an organiser account organise conference SLUG."""
    from speakers import organisers

    try:
        with _db().session_scope() as db:
            organisers.grant(db, email, slug)
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"{email} now organises {slug}.")


@organiser_group.command("disable")
@click.argument("email")
@with_appcontext
def disable_command(email):
    """Stop an organiser account: no more sign-ins, and every browser signed in with it is signed out."""
    from speakers import organisers

    try:
        with _db().session_scope() as db:
            organisers.disable(db, email, _now())
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"{email} is disabled; its open sessions have ended.")


@click.command("export")
@click.argument("slug")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to a file (default: stdout).")
@with_appcontext
def export_command(slug, output):
    """Print conference SLUG as an agenda file (what `agenda load` reads back)."""
    from conference import queries
    from conference.workspace import agenda_file

    try:
        with _db().session_scope() as db:
            text = agenda_file.export(db, queries.conference(db, slug))
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--slug", default=None, help="Import under another slug than the file's.")
@with_appcontext
def import_command(file, slug):
    """Create a new conference from an agenda file (refused if its slug exists)."""
    from pathlib import Path

    from conference.workspace import operations

    database = _db()
    database.create_all()
    try:
        with database.session_scope() as db:
            conf = operations.import_agenda(db, Path(file).read_text(encoding="utf-8-sig"), now=_now(),
                                            actor="cli", instance=current_app.instance_path, slug=slug,
                                            source=file)
            created = conf.slug
    except MinbarError as error:
        for finding in error.extra.get("findings", []):
            click.echo(f"{file}: {finding['level']}: {finding['message']} [{finding['code']}]", err=True)
        raise click.ClickException(error.message) from None
    click.echo(f"Conference {created} imported.")


@click.command("clone")
@click.argument("slug")
@click.argument("new_slug")
@click.option("--first-day", required=True, help="The new conference's first day, YYYY-MM-DD.")
@with_appcontext
def clone_command(slug, new_slug, first_day):
    """Copy conference SLUG as NEW_SLUG, shifted to start on --first-day (wall times kept)."""
    from conference import queries
    from conference.workspace import operations

    try:
        day = date.fromisoformat(first_day)
    except ValueError:
        raise click.BadParameter("should be a date written YYYY-MM-DD", param_hint="--first-day") from None
    try:
        with _db().session_scope() as db:
            operations.clone_conference(db, queries.conference(db, slug), slug=new_slug, first_day=day,
                                        now=_now(), actor="cli", instance=current_app.instance_path)
    except MinbarError as error:
        for finding in error.extra.get("findings", []):
            click.echo(f"{finding['level']}: {finding['message']} [{finding['code']}]", err=True)
        raise click.ClickException(error.message) from None
    click.echo(f"Conference {new_slug} created from {slug}, starting {day}.")


def register(cli, agenda_group) -> None:
    cli.add_command(organiser_group)
    for command in (export_command, import_command, clone_command):
        agenda_group.add_command(command)

