"""`minbar access`: issue, list and revoke sign-in links."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import click
import pytz
from flask import current_app
from flask.cli import with_appcontext

from conference.errors import MinbarError
from speakers.identity import ROLES, binds_booth

BASE_URL_FILE = "base_url"   # in the instance folder: the address `minbar run` was last given
DEFAULT_BASE_URL = "http://127.0.0.1:5000"


def remember_base_url(app, base_url: str) -> None:
    """Called by `minbar run`: later `minbar access issue` prints links on this address."""
    folder = Path(app.instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BASE_URL_FILE).write_text(base_url + "\n", encoding="utf-8")


def base_url(app) -> str:
    """Where links point: MINBAR_BASE_URL, else the address `minbar run` was given, else the default."""
    if app.config.get("MINBAR_BASE_URL"):
        return app.config["MINBAR_BASE_URL"]
    remembered = Path(app.instance_path) / BASE_URL_FILE
    if remembered.exists():
        text = remembered.read_text(encoding="utf-8").strip()
        if text:
            return text
    return DEFAULT_BASE_URL


def issuing_clock(app):
    """The clock a link is stamped with: the app's, and on the real clock the rehearsal kept in
    the instance (`minbar run --at` keeps it there, `conference.clock`): a link issued from
    another shell during a rehearsal says the rehearsed day, as the workspace's links do. With
    no rehearsal kept (or none wanted: delete `<instance>/rehearsal.json`), the real clock."""
    from conference.clock import kept_rehearsal
    from timing.clock import ShiftedClock, SystemClock

    clock = app.extensions["minbar.clock"]
    kept = kept_rehearsal(app.config.get("INSTANCE_PATH")) if isinstance(clock, SystemClock) else None
    return ShiftedClock.with_offset(kept[1]) if kept else clock


def parse_expiry(text: str, zone: str) -> datetime:
    """`--expires`: a date is the end of that day in the conference's zone (the link stops at
    midnight that night); an ISO 8601 instant is taken as is (without an offset: the zone's
    wall time)."""
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    tz = pytz.timezone(zone)
    if day is not None and len(text) == 10:
        return tz.localize(datetime.combine(day + timedelta(days=1), time()), is_dst=None).astimezone(pytz.utc)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = tz.localize(moment, is_dst=None)
    return moment.astimezone(pytz.utc)


@click.group("access")
def access_group():
    """Issue, list and revoke sign-in links for chairs, rapporteurs, interpreters, speakers, participants."""


@access_group.command("issue")
@click.option("--conference", "slug", required=True, help="The conference's slug.")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--session", default=None, help="The session id the link is bound to (chairs must have one).")
@click.option("--name", default="", help="Who the link is for, as shown to others.")
@click.option("--delegation", default="", help="Country or organisation.")
@click.option("--group", default="other", help="Stakeholder group, e.g. member_state, civil_society.")
@click.option("--language", default=None, help="The language the holder speaks (ar, en, fr).")
@click.option("--booth", default=None, help="An interpreter's booth language (required for interpreters).")
@click.option("--person", default=None, help="A people id of the agenda file: the link speaks for that person "
              "(name, delegation, group, language and protocol rank).")
@click.option("--expires", default=None, help="When the link stops working: a date (the end of that day in "
              "the conference's time zone, e.g. 2021-02-26) or an ISO 8601 instant. Default: never.")
@click.option("--token-only", is_flag=True, help="Print the bare token instead of the link.")
@click.option("--base-url", "base_url_option", default=None, help="Where the app is served (default MINBAR_BASE_URL, else the "
              f"address `minbar run` was given, else {DEFAULT_BASE_URL}).")
@with_appcontext
def issue_command(slug, role, session, name, delegation, group, language, booth, person, expires, token_only,
                  base_url_option):
    """Print a sign-in link for ROLE."""
    from conference import queries
    from speakers import access
    from speakers.links import link_for

    if binds_booth(role) and not booth:
        raise click.UsageError("An interpreter's link needs its booth: add --booth LANG (e.g. --booth fr).")
    database = current_app.extensions["minbar.db"]
    try:
        with database.session_scope() as db:
            conf = queries.conference(db, slug)
            try:
                expires_at = parse_expiry(expires, conf.timezone) if expires else None
            except ValueError:
                raise MinbarError("bad_request", f"--expires: '{expires}' is neither a date (YYYY-MM-DD) "
                                                 "nor an ISO 8601 instant.") from None
            token, row = access.issue(db, conference=conf, role=role, session=session, name=name,
                                      delegation=delegation, group=group, language=language, booth=booth,
                                      person=person, expires_at=expires_at,
                                      now=issuing_clock(current_app).now(),
                                      secret=current_app.config["SECRET_KEY"])
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    base = base_url_option or base_url(current_app)
    click.echo(token if token_only else link_for(base, slug, role, session, token))


@access_group.command("list")
@click.option("--conference", "slug", default=None, help="Only this conference's links.")
@with_appcontext
def list_command(slug):
    """Who holds which link: role, session, issued, last used, expiry, revoked (never the token)."""
    from conference import queries
    from speakers import access

    database = current_app.extensions["minbar.db"]
    try:
        with database.session_scope() as db:
            conf = queries.conference(db, slug) if slug else None
            rows = [(slug_of, _row_fields(row)) for row, slug_of in access.links(db, conf)]
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    header = ("ID", "CONFERENCE", "WHO", "ROLE", "SESSION", "ISSUED", "LAST USED", "EXPIRES", "REVOKED")
    table = [header] + [(fields[0], slug_of, *fields[1:]) for slug_of, fields in rows]
    widths = [max(len(str(line[i])) for line in table) for i in range(len(header))]
    for line in table:
        click.echo("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
    click.echo(f"{len(rows)} link(s).")


def _when(moment) -> str:
    return moment.astimezone(pytz.utc).strftime("%Y-%m-%d %H:%MZ") if moment else "-"


def _row_fields(row) -> tuple:
    who = row.name or row.person_key or "-"
    if row.delegation:
        who = f"{who} ({row.delegation})"
    role = f"{row.role}:{row.booth}" if row.booth else row.role
    return (row.id, who, role, row.session_key or "-", _when(row.issued_at), _when(row.last_used_at),
            _when(row.expires_at), _when(row.revoked_at))


@access_group.command("revoke")
@click.argument("link")
@with_appcontext
def revoke_command(link):
    """Revoke a link at once (the printed link, its token or its id): new connections are refused,
    open ones disconnected, and their next command refused. Its waiting floor requests are
    withdrawn; with a message queue (REDIS_URL) the running servers' live rooms are told at once,
    without one they cannot be reached from here (see the output)."""
    from speakers import access

    database = current_app.extensions["minbar.db"]
    try:
        with database.session_scope() as db:
            row, withdrawn = access.revoke_withdrawing(db, link, current_app.config["SECRET_KEY"],
                                                       issuing_clock(current_app).now())
            label, slug = f"{row.role} link {row.id}", _slug_of(db, row)
    except MinbarError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Revoked the {label}.")
    if withdrawn:
        click.echo(f"Withdrew its waiting floor requests in: {', '.join(withdrawn)}.")
        click.echo(_announce(slug, withdrawn))
    return row


def _slug_of(db, row) -> str:
    from conference.models import Conference

    return db.get(Conference, row.conference_id).slug


def _announce(slug: str, sessions: list[str]) -> str:
    """Tell the live rooms through the publishing port: through the message queue, the running
    servers' rooms. Without one, this process reaches no server: say so, plainly."""
    if not current_app.config.get("REDIS_URL"):
        return ("No message queue (REDIS_URL) is configured, so this command cannot reach the running "
                "servers: the chair's list of speakers shows the withdrawal at the session's next change "
                "or when the page is reloaded. Revoke from the workspace (or set REDIS_URL) to update "
                "live rooms at once.")
    from conference.publishing import publisher

    for key in sessions:
        publisher().publish_state(slug, key)
    return f"Live rooms told through the message queue: {', '.join(sessions)}."
