"""The `minbar` command line: a Flask CLI group over the app factory."""
from __future__ import annotations

import os
import sys

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from conference.app import create_app

# Commands that sign nothing: run in any folder without SECRET_KEY, they must not leave an
# instance folder with a new key behind (a key made there would never be the deployment's).
SIGNS_NOTHING = {(), ("agenda", "check"), ("db", "current"), ("db", "check"), ("config", "check")}


def _command_app():
    from conference import config

    names, ctx = [], click.get_current_context(silent=True)
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name)
        ctx = ctx.parent
    if tuple(names) in SIGNS_NOTHING:
        return create_app({"SECRET_KEY": config.from_environment(make_key=False)["SECRET_KEY"]})
    return create_app()


@click.group(cls=FlaskGroup, create_app=_command_app, add_default_commands=False)
def cli():
    """Minbar: run a virtual intergovernmental conference."""


def _db():
    return current_app.extensions["minbar.db"]


def _now():
    return current_app.extensions["minbar.clock"].now()


@cli.command("init")
@with_appcontext
def init_command():
    """Create or upgrade the database (migrations) and load the bundled conference (safe to run twice)."""
    from conference.agenda import validate
    from conference.agenda.load import load
    from conference.paths import bundled_agenda
    from conference.reference import load_reference

    database = _db()
    database.upgrade()
    from conference.workspace.agenda_file import copy_path

    # The conference's own file, once the workspace has written one, is what the database is
    # rebuilt from (it carries every change and the calendar SEQUENCE reached).
    path = bundled_agenda()
    copy = copy_path(current_app.instance_path, "gcm-arab-2021")
    path = copy if copy.is_file() else path
    spec, findings = validate.check_file(path)
    if validate.has_errors(findings):
        _print_findings(findings)
        raise click.ClickException(f"the bundled agenda {path} has errors; nothing was loaded")
    with database.session_scope() as db:
        load_reference(db)
        report = load(spec, db, _now(), source_text=path.read_text(encoding="utf-8"))
        reports = [report] + _load_workspace_files(db, copy.parent, exclude=copy)
    click.echo(f"Database ready ({_safe_url(database.url)}).")
    for report in reports:
        click.echo(f"Conference {report.slug}: " + ("loaded." if report.changed else "already up to date."))


def _load_workspace_files(db, folder, exclude) -> list:
    """The other conferences the workspace created (imported, cloned), from their files."""
    from conference.agenda import validate
    from conference.agenda.load import load

    reports = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        if path == exclude:
            continue
        spec, findings = validate.check_file(path)
        if validate.has_errors(findings):
            _print_findings(findings)
            continue
        reports.append(load(spec, db, _now(), source_text=path.read_text(encoding="utf-8")))
    return reports


@cli.group("agenda")
def agenda_group():
    """Check and load agenda files."""


@agenda_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def agenda_check(file):
    """Validate an agenda file: errors and warnings, each with where it is. Exit 1 on errors."""
    from conference.agenda import validate

    _spec, findings = validate.check_file(file)
    _print_findings(findings)
    errors = sum(1 for f in findings if f.level == "error")
    warnings = len(findings) - errors
    click.echo(f"{errors} error(s), {warnings} warning(s).")
    sys.exit(1 if errors else 0)


@agenda_group.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
@with_appcontext
def agenda_load(file):
    """Validate, then load or update the conference an agenda file describes; the file becomes
    its current agenda (`minbar init` keeps it)."""
    from pathlib import Path

    from conference import queries
    from conference.agenda import validate
    from conference.agenda.load import load
    from conference.reference import load_reference
    from conference.workspace.agenda_file import spec_from_db, write_copy

    spec, findings = validate.check_file(file)
    _print_findings(findings)
    if validate.has_errors(findings):
        click.echo("The file has errors: nothing was loaded.", err=True)
        sys.exit(1)
    database = _db()
    database.upgrade()
    with database.session_scope() as db:
        load_reference(db)
        report = load(spec, db, _now(), source_text=Path(file).read_text(encoding="utf-8"))
        # The file is now the conference's agenda: written back as its own file (with the
        # SEQUENCEs reached), which `minbar init` rebuilds from, so no init undoes it.
        db.flush()
        write_copy(current_app.instance_path, spec_from_db(db, queries.conference(db, report.slug)))
    click.echo(f"Conference {report.slug}: {len(report.created)} created, {len(report.updated)} updated, "
               f"{len(report.removed)} removed.")


@cli.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--at", "at", default=None, help="Rehearse: run the clock from this ISO 8601 instant "
              "(a time without an offset is in the conference's zone).")
@click.option("--links/--no-links", default=False, help="Also print a chair console link per session "
              "(working links: do not show them on a shared screen).")
def run_command(host, port, at, links):
    """Serve the app (Socket.IO included)."""
    from conference.clock import parse_instant
    from conference.extensions import socketio

    if at:
        try:
            parse_instant(at)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--at") from None
        os.environ["MINBAR_AT"] = at
    from conference.config import ConfigError, refuse_to_serve

    app = create_app()
    try:
        refuse_to_serve(app.config)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    from conference.startup import start_clock
    from speakers.cli import remember_base_url

    start_clock(app)
    remember_base_url(app, app.config.get("MINBAR_BASE_URL") or f"http://{host}:{port}")
    from conference.startup import print_links

    with app.app_context():
        print_links(f"http://{host}:{port}", role_links=links)
    # FlaskGroup marks the process as "run from the CLI", and Flask then ignores app.run(), which
    # Flask-SocketIO's threading server calls: without this the command returns at once.
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True, use_reloader=False, log_output=False)


def _print_findings(findings) -> None:
    for finding in findings:
        click.echo(str(finding))


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _register_subcommands() -> None:
    # Each package contributes its own commands (e.g. `minbar access`).
    from conference.workspace.cli import register
    from speakers.cli import access_group

    cli.add_command(access_group)
    from conference.backup_cli import register as register_backup

    register_backup(cli)
    from conference.db_cli import db_group

    cli.add_command(db_group)
    from conference.config_check import config_group

    cli.add_command(config_group)
    from conference.registration.cli import registrations_group

    cli.add_command(registrations_group)
    register(cli, agenda_group)


_register_subcommands()


if __name__ == "__main__":  # `python -m conference.cli ...`, as the tests' server processes run it
    cli()
