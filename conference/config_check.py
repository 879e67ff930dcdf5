"""`minbar config check`: the configuration a process started here would run with (secrets
masked) and every problem found in it; exit 1 on any.

It reads the environment exactly as a serving process does (conference.config) and creates
nothing: no instance folder, no key, no database file. A deployment is judged as one (stricter)
when it has the shape docs/deploy.md gives it: a database other than SQLite, or Redis.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import click

from conference import config as config_module

# Values that are URLs which may carry a password: shown with the password replaced.
URLS = ("DATABASE_URL", "REDIS_URL", "MINBAR_SMTP_URL")
LOOPBACK = ("localhost", "127.0.0.1", "::1")
TIMEOUT_S = 3


def masked(name: str, value) -> str:
    if value is None or value == "":
        return "(unset)"
    if name == "SECRET_KEY":
        return f"(set: {len(value)} characters)"
    if name in URLS:
        parts = urlsplit(str(value))
        if parts.password is not None:
            host = parts.netloc.rsplit("@", 1)[1]
            return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    return str(value)


def is_deployment(config: dict) -> bool:
    return bool(config.get("REDIS_URL")) or not str(config["DATABASE_URL"]).startswith("sqlite")


def problems(config: dict) -> list[str]:
    """Every problem found, each a sentence saying what to do."""
    deployment = is_deployment(config)
    found = []
    key = config.get("SECRET_KEY")
    if key is None:
        if deployment:
            found.append("SECRET_KEY is not set: every process of a deployment must sign with the same "
                         f"key; set it to the output of {config_module.KEY_ADVICE}")
    else:
        problem = config_module.secret_key_problem(key)
        if problem:
            found.append(problem + " (serving refuses to start with it)")
    for name in URLS:
        if config_module.PLACEHOLDER.lower() in str(config.get(name) or "").lower():
            found.append(f"{name} still holds the placeholder {config_module.PLACEHOLDER} of deploy/minbar.env.example")
    found += _instance_problems(Path(config["INSTANCE_PATH"]))
    found += _database_problems(config["DATABASE_URL"])
    if config.get("REDIS_URL"):
        found += _redis_problems(config["REDIS_URL"])
    found += _base_url_problems(config.get("MINBAR_BASE_URL"), deployment)
    if deployment and config.get("MINBAR_AT"):
        found.append("MINBAR_AT is set: every process runs on a rehearsal clock, not the real one")
    if deployment and not config.get("MINBAR_LIVE_RATE_LIMIT"):
        found.append("MINBAR_LIVE_RATE_LIMIT is 0: live commands are not rate-limited (for tests only)")
    return found


def _instance_problems(instance: Path) -> list[str]:
    # The nearest folder that exists must let this user write: the instance folder itself, or
    # the parent in which the first command that needs it will make it.
    existing = instance
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return [f"the instance folder {instance} cannot be made: {existing} is not a folder"]
    if not os.access(existing, os.W_OK | os.X_OK):
        what = "is not writable" if existing == instance else f"cannot be made ({existing} is not writable)"
        return [f"the instance folder {instance} {what} by this user (MINBAR_INSTANCE)"]
    return []


def _database_problems(url: str) -> list[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    try:
        parsed = make_url(url)
    except Exception as error:  # noqa: BLE001 (whatever SQLAlchemy finds wrong, said plainly)
        return [f"DATABASE_URL cannot be read: {error}"]
    arguments = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not Path(parsed.database).expanduser().exists():
            return [f"the database {parsed.database} does not exist yet: run `minbar init` (or `minbar db upgrade`)"]
    elif parsed.get_backend_name() == "postgresql":
        arguments = {"connect_timeout": TIMEOUT_S}
    try:
        engine = create_engine(url, poolclass=NullPool, connect_args=arguments)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # noqa: BLE001
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        return [f"the database does not answer ({masked('DATABASE_URL', url)}): {first_line}"]
    return []


def _redis_problems(url: str) -> list[str]:
    try:
        import redis
    except ImportError:
        return ["REDIS_URL is set but the redis package is missing: pip install 'minbar[production]'"]
    try:
        redis.Redis.from_url(url, socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S).ping()
    except (redis.RedisError, OSError, ValueError) as error:
        return [f"Redis does not answer ({masked('REDIS_URL', url)}): {str(error)[:200]}"]
    return []


def _base_url_problems(base: str | None, deployment: bool) -> list[str]:
    if not base:
        return ["MINBAR_BASE_URL is not set: printed and mailed links would point at this machine"] \
            if deployment else []
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [f"MINBAR_BASE_URL {base!r} is not an http(s) address"]
    if parts.scheme != "https" and (deployment or parts.hostname not in LOOPBACK):
        return [f"MINBAR_BASE_URL {base} is not https: sign-in links and session cookies would cross "
                "the network in clear"]
    return []


@click.group("config")
def config_group():
    """Check the configuration."""


@config_group.command("check")
def check_command():
    """Print the effective configuration (secrets masked) and every problem; exit 1 on any."""
    try:
        config = config_module.from_environment(make_key=False)
    except (ValueError, OSError) as error:
        click.echo(f"The configuration cannot be read: {error}", err=True)
        sys.exit(1)
    kind = "a deployment (PostgreSQL or Redis)" if is_deployment(config) else "a single process on SQLite"
    click.echo(f"Effective configuration, {kind}:")
    width = max(len(name) for name in config)
    for name in sorted(config):
        click.echo(f"  {name.ljust(width)}  {masked(name, config[name])}")
    found = problems(config)
    if not found:
        click.echo("No problem found.")
        return
    click.echo(f"{len(found)} problem(s):", err=True)
    for problem in found:
        click.echo(f"  - {problem}", err=True)
    sys.exit(1)
