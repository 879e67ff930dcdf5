"""Configuration from the environment, with safe defaults.

| variable        | default                                   |
|-----------------|-------------------------------------------|
| DATABASE_URL    | sqlite:///<instance>/minbar.sqlite3       |
| REDIS_URL       | unset: one process, no message queue      |
| MINBAR_CHANNEL  | minbar: the message-queue channel name    |
| SECRET_KEY      | generated once into <instance>/secret_key (by the first command that signs: serving, `minbar access issue`...) |
| MINBAR_INSTANCE | ./instance: the folder of the SQLite file, the generated key, the rehearsal clock and the workspace's agenda files |
| MINBAR_AT       | unset: the real clock; ISO 8601 instant for a rehearsal clock (kept in <instance>/rehearsal.json) |
| MINBAR_ASYNC_MODE | threading (tests, `minbar run`); wsgi.py uses gevent |
| MINBAR_BASE_URL | unset: links are built from the request   |
| MINBAR_SMTP_URL | unset: no e-mail; smtp://[user:pass@]host:port[?starttls=1] or smtps://... |
| MINBAR_MAIL_FROM | minbar@localhost: the sender of invitations |
| MINBAR_ORGANISER_SESSION_MINUTES | 480: an organiser's signed-in session lasts this long |
| MINBAR_ALLOWED_ORIGINS | unset: Socket.IO accepts browsers of the app's own origin only; comma-separated origins to add |
| MINBAR_LIVE_RATE_LIMIT | 10: Socket.IO events per second per connection (burst 3x); 0 switches the limit off (tests) |
| MINBAR_BOOTH_TURN_WARN_S | 300: the booth's turn clock turns amber this many seconds before the turn ends; 0 never |
| MINBAR_HANDOVER_S | 1.5: another console's slot move or timer start this soon after one is refused `just_changed`; 0 never |
| MINBAR_WEBSOCKET_DEFLATE | 0: WebSockets decline permessage-deflate (one shared frame per broadcast); 1 accepts it |
| MINBAR_METRICS_ALLOW | unset: /metrics answers loopback only; addresses or networks to add (conference/metrics.py) |
| MINBAR_REGISTRATION_PER_ADDRESS | 10: registrations accepted from one client address in an hour (form and API); 0 no limit |
| MINBAR_REGISTRATION_PER_EMAIL | 3: registrations accepted for one e-mail address in a day; 0 no limit |
| MINBAR_REGISTRATION_MIN_FILL_S | 3: the registration form sent sooner than this after it was served is refused |
| MINBAR_LOG_FORMAT | text (`minbar run`); json under deploy/gunicorn.conf.py (conference/logs.py) |

Serving (`minbar run`, conference.wsgi) refuses a SECRET_KEY that is deploy/minbar.env.example's
placeholder or shorter than MIN_SECRET_LENGTH (`refuse_to_serve`): it signs every access link and
every session cookie, so a guessable one opens every console. Reading the configuration has no side
effect unless asked (`make_key`): `minbar --help` or `minbar agenda check` run in any folder leave
no instance folder behind.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

# deploy/minbar.env.example's values to replace all contain this; so does nothing generated.
PLACEHOLDER = "CHANGE-ME"
MIN_SECRET_LENGTH = 32
KEY_ADVICE = 'python3 -c "import secrets; print(secrets.token_urlsafe(48))"'


class ConfigError(ValueError):
    """A configuration Minbar will not serve with; the message says why and what to do."""


def instance_path() -> Path:
    return Path(os.environ.get("MINBAR_INSTANCE", Path.cwd() / "instance")).resolve()


def secret_key_problem(key: str | None) -> str | None:
    """Why `key` must not sign anything served, or None."""
    if not key:
        return "SECRET_KEY is not set"
    if PLACEHOLDER.lower() in key.lower():
        return ("SECRET_KEY is still the placeholder of deploy/minbar.env.example: replace it with "
                f"the output of {KEY_ADVICE}")
    if len(key) < MIN_SECRET_LENGTH:
        return (f"SECRET_KEY has {len(key)} characters, fewer than {MIN_SECRET_LENGTH}: a short key "
                f"can be guessed, and with it every access link forged; use the output of {KEY_ADVICE}")
    return None


def refuse_to_serve(config) -> None:
    """Raises ConfigError when `config` must not serve (the WSGI app, `minbar run`)."""
    problem = secret_key_problem(config.get("SECRET_KEY"))
    if problem:
        raise ConfigError(f"refusing to serve: {problem}")


def _secret_key(instance: Path, make_key: bool = True) -> str | None:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance / "secret_key"
    if not make_key:
        return key_file.read_text().strip() if key_file.is_file() else None
    instance.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        # Written once and kept: tokens signed with it stay valid across restarts.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return key_file.read_text().strip()


def from_environment(overrides: dict | None = None, make_key: bool = True) -> dict:
    """The configuration; `make_key=False` leaves SECRET_KEY None rather than generating one into
    the instance folder when neither the environment nor the folder has one."""
    overrides = dict(overrides or {})
    instance = Path(overrides.pop("INSTANCE_PATH", None) or instance_path())
    config = {
        "INSTANCE_PATH": str(instance),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'minbar.sqlite3'}",
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        # The message-queue channel: processes of one deployment share it, others stay apart.
        "MINBAR_CHANNEL": os.environ.get("MINBAR_CHANNEL", "minbar"),
        "MINBAR_AT": os.environ.get("MINBAR_AT") or None,
        "MINBAR_ASYNC_MODE": os.environ.get("MINBAR_ASYNC_MODE", "threading"),
        "MINBAR_BASE_URL": os.environ.get("MINBAR_BASE_URL") or None,
        "MINBAR_SMTP_URL": os.environ.get("MINBAR_SMTP_URL") or None,
        "MINBAR_MAIL_FROM": os.environ.get("MINBAR_MAIL_FROM") or "minbar@localhost",
        "MINBAR_ORGANISER_SESSION_MINUTES": os.environ.get("MINBAR_ORGANISER_SESSION_MINUTES") or None,
        "MINBAR_ALLOWED_ORIGINS": os.environ.get("MINBAR_ALLOWED_ORIGINS", ""),
        "MINBAR_LIVE_RATE_LIMIT": float(os.environ.get("MINBAR_LIVE_RATE_LIMIT") or 10),
        # The booth's turn clock turns amber this many seconds before a turn ends (0: never).
        "MINBAR_BOOTH_TURN_WARN_S": int(os.environ.get("MINBAR_BOOTH_TURN_WARN_S") or 300),
        # Two consoles' slot moves or timer starts closer than this: the second is refused (sessions.live.handover).
        "MINBAR_HANDOVER_S": float(os.environ.get("MINBAR_HANDOVER_S") or 1.5),
        "MINBAR_WEBSOCKET_DEFLATE": os.environ.get("MINBAR_WEBSOCKET_DEFLATE", "0").lower() in ("1", "true", "yes", "on"),
        # Registration's abuse controls (conference/registration/core.py, docs/registration.md).
        "MINBAR_REGISTRATION_PER_ADDRESS": int(os.environ.get("MINBAR_REGISTRATION_PER_ADDRESS") or 10),
        "MINBAR_REGISTRATION_PER_EMAIL": int(os.environ.get("MINBAR_REGISTRATION_PER_EMAIL") or 3),
        "MINBAR_REGISTRATION_MIN_FILL_S": float(os.environ.get("MINBAR_REGISTRATION_MIN_FILL_S") or 3),
        "DEFAULT_CONFERENCE": os.environ.get("MINBAR_DEFAULT_CONFERENCE", "gcm-arab-2021"),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    }
    config.update(overrides)
    if "SECRET_KEY" not in config:
        config["SECRET_KEY"] = _secret_key(instance, make_key)
    return config
