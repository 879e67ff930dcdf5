"""What `minbar run` prints: the links a newcomer opens first."""
from __future__ import annotations

import click
from sqlalchemy import select

from conference.models import Conference


def print_links(base_url: str, role_links: bool = True) -> None:
    from flask import current_app

    database = current_app.extensions["minbar.db"]
    with database.session_scope() as db:
        conferences = list(db.scalars(select(Conference).order_by(Conference.slug)))
        click.echo("")
        click.echo(f"Minbar is serving on {base_url}")
        for conf in conferences:
            click.echo(f"  Agenda ({conf.slug}):  {base_url}/conferences/{conf.slug}")
            for language in ("ar", "fr"):
                click.echo(f"     in {language}:  {base_url}/conferences/{conf.slug}?lang={language}")
            for line in (extra_links(db, conf, base_url) if role_links else ()):
                click.echo(line)
        click.echo("Press Ctrl+C to stop.\n")


def extra_links(db, conf, base_url: str) -> list[str]:
    """Role links: a chair console per session."""
    from speakers.links import startup_links

    return startup_links(db, conf, base_url)
