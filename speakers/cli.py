"""`minbar access`: issue and revoke sign-in links."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from conference.errors import MinbarError
from speakers.identity import ROLES


@click.group("access")
def access_group():
    """Issue and revoke sign-in links for chairs, rapporteurs, interpreters, speakers, participants."""


@access_group.command("issue")
@click.option("--conference", "slug", required=True, help="The conference's slug.")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--session", default=None, help="The session id the link is bound to (chairs must have one).")
@click.option("--name", default="", help="Who the link is for, as shown to others.")
@click.option("--delegation", default="", help="Country or organisation.")
@click.option("--group", default="other", help="Stakeholder group, e.g. member_state, civil_society.")
@click.option("--language", default=None, help="The language the holder speaks (ar, en, fr).")
@click.option("--booth", default=None, help="An interpreter's booth language.")
@click.option("--person", default=None, help="A people id of the agenda file: the link speaks for that person "
              "(name, delegation, group, language and protocol rank).")
@click.option("--token-only", is_flag=True, help="Print the bare token instead of the link.")
@click.option("--base-url", default=None, help="Where the app is served (default MINBAR_BASE_URL, else the address `minbar run` was last given, else http://127.0.0.1:5000).")
@with_appcontext
def issue_command(slug, role, session, name, delegation, group, language, booth, person, token_only, base_url):
    """Print a sign-in link for ROLE."""
    from conference import queries
    from speakers import access
    from speakers.links import link_for

    if role == "interpreter" and not booth:
        raise click.UsageError("An interpreter's link needs its booth: --booth ar|en|fr.")
    database = current_app.extensions["minbar.db"]
    try:
        with database.session_scope() as db:
            conf = queries.conference(db, slug)
            token, row = access.issue(db, conference=conf, role=role, session=session, name=name,
                                      delegation=delegation, group=group, language=language, booth=booth, person=person,
                                      now=current_app.extensions["minbar.clock"].now(),
                                      secret=current_app.config["SECRET_KEY"])
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    from conference.workspace.cli import served_base_url

    base = (base_url or current_app.config.get("MINBAR_BASE_URL")
            or served_base_url(current_app.instance_path) or "http://127.0.0.1:5000")
    click.echo(token if token_only else link_for(base, slug, role, session, token))


@access_group.command("revoke")
@click.argument("token")
@with_appcontext
def revoke_command(token):
    """Revoke a link at once (the printed link, its token or its id): new connections are refused
    and open ones disconnected."""
    from urllib.parse import parse_qs, urlsplit

    from speakers import access

    if "?" in token:   # the link as printed: take its ?token=
        token = (parse_qs(urlsplit(token).query).get("token") or [token])[0]

    database = current_app.extensions["minbar.db"]
    try:
        with database.session_scope() as db:
            row = access.revoke(db, token, current_app.config["SECRET_KEY"],
                                current_app.extensions["minbar.clock"].now())
            label = f"{row.role} link {row.id}"
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Revoked the {label}.")
