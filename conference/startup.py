"""What `minbar run` does and says at start: the clock it runs on, the links a newcomer opens first."""
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


def start_clock(app) -> None:
    """Say plainly which clock this server runs on; a new rehearsal is kept with the instance, so
    a restart with the same `--at` continues it (`conference.clock`)."""
    from conference.clock import RehearsalClock, kept_rehearsal, keep_rehearsal, server_zone

    clock = app.extensions["minbar.clock"]
    zone = server_zone(app.config)
    instance = app.config["INSTANCE_PATH"]
    if not isinstance(clock, RehearsalClock):
        kept = kept_rehearsal(instance)
        if kept is not None:
            click.echo(f"Real clock. (A rehearsal from --at {_wall(kept[0], zone)} is kept in the "
                       f"instance; start with that --at to continue it.)")
        return
    rehearsal = clock.rehearsal
    now = _wall(clock.now(), zone)
    if rehearsal.continued:
        click.echo(f"Rehearsal continued: the clock began at {_wall(rehearsal.at, zone)} and now reads "
                   f"{now} ({zone}), where it was before the restart.")
        return
    keep_rehearsal(rehearsal, instance)
    if rehearsal.replaced is not None:
        click.echo(f"New rehearsal: the clock starts again at {now} ({zone}). The rehearsal from "
                   f"--at {_wall(rehearsal.replaced, zone)} is over.")
    else:
        click.echo(f"New rehearsal: the clock starts at {now} ({zone}). "
                   f"A restart with the same --at continues it.")


def _wall(moment, zone: str) -> str:
    from timing.zones import to_zone

    return to_zone(moment, zone).strftime("%Y-%m-%d %H:%M:%S")
