"""`minbar backup FILE`: one archive holding everything a restore needs (docs/deploy.md).

The archive is a tar.gz with
- `manifest.json`: the format, the Minbar version, the creation time, the database's kind and
  schema revision, the SHA-256 of every other member, and the secret key's fingerprint;
- `database.sqlite3` (SQLite's online backup API: a consistent copy of a live database, never a
  file copy, which can catch a half-written page or miss the WAL) or `database.pgdump`
  (`pg_dump --format=custom`, taken in the same snapshot the schema revision is read in);
- `instance/agendas/*.toml`, the conferences' own agenda files the workspace rewrites (what
  `minbar init` rebuilds from), and `instance/rehearsal.json` when a rehearsal clock is kept;
- `secret_key` only with `--with-secrets`: otherwise the key stays out of the archive, to be kept
  apart from it, and the manifest carries an HMAC of a fixed text under the key, which tells a
  restore whether the key it runs with is the one the links were signed with, and reveals nothing.

The restore side is `conference.restore`.
"""
from __future__ import annotations

import glob
import hashlib
import hmac
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

FORMAT = "minbar-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SECRET_MEMBER = "secret_key"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MARKER_TEXT = b"minbar backup: secret key marker v1"


class BackupError(Exception):
    """A backup or restore that cannot go on; nothing was changed."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    manifest: dict


def fingerprint(secret: str) -> str:
    return "hmac-sha256:" + hmac.new(secret.encode("utf-8"), MARKER_TEXT, hashlib.sha256).hexdigest()


def database_kind(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in DATABASE_MEMBERS:
        raise BackupError(f"cannot back up a {backend} database: Minbar backs up SQLite and PostgreSQL")
    return backend


def sqlite_path(url: str) -> Path:
    name = make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        raise BackupError("the SQLite database must be a file (DATABASE_URL=sqlite:////path/to/minbar.sqlite3)")
    return Path(name).expanduser().resolve()


def instance_files(instance: str | Path) -> list[tuple[str, Path]]:
    """(name in the archive, path) of the instance's own files a restore needs."""
    folder = Path(instance)
    found = [(f"instance/agendas/{p.name}", p) for p in sorted((folder / "agendas").glob("*.toml"))]
    if (folder / "rehearsal.json").is_file():
        found.append(("instance/rehearsal.json", folder / "rehearsal.json"))
    return found


# -- PostgreSQL's own programs ----------------------------------------------------------------

def pg_tool(name: str) -> str:
    """The newest of PostgreSQL's client programs found (a newer pg_dump reads older servers; an
    older one refuses a newer server): Debian's versioned folders, then PATH."""
    def major(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/bin/", path)
        return int(match.group(1)) if match else 0

    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=major, reverse=True):
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name) or next((p for p in (f"/usr/local/pgsql/bin/{name}",) if os.access(p, os.X_OK)), None)
    if not found:
        raise BackupError(f"{name} was not found: install PostgreSQL's client programs of the server's major "
                          "version or newer (Debian: apt-get install postgresql-client)")
    return found


def pg_connection(url: str) -> tuple[str, dict]:
    """A libpq connection string for the programs, and their environment: the password goes in
    PGPASSWORD, never on a command line other users can read."""
    parts = make_url(url)
    fields = {"host": parts.host, "port": parts.port, "user": parts.username, "dbname": parts.database}
    fields.update({k: v for k, v in parts.query.items() if isinstance(v, str)})
    conninfo = " ".join(f"{key}={_libpq_quote(str(value))}" for key, value in fields.items() if value)
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = str(parts.password)
    return conninfo, env


def _libpq_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def run_pg(program: str, args: list[str], env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run([pg_tool(program), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()[-2000:] or done.returncode}")
    return done


# -- taking the snapshot ----------------------------------------------------------------------

def _snapshot_sqlite(url: str, target: Path) -> str | None:
    source_path = sqlite_path(url)
    if not source_path.is_file():
        raise BackupError(f"there is no database at {source_path}")
    source = sqlite3.connect(str(source_path), timeout=30)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)   # in one step: one read transaction, so one consistent state
        copy.execute("PRAGMA journal_mode=DELETE")   # one self-contained file in the archive
        return _sqlite_revision(copy)
    finally:
        copy.close()
        source.close()


def _sqlite_revision(connection: sqlite3.Connection) -> str | None:
    if not connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone():
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _snapshot_postgresql(database, target: Path) -> str | None:
    """pg_dump inside a snapshot exported from the transaction the revision is read in."""
    from sqlalchemy import inspect, text

    conninfo, env = pg_connection(database.url)
    pg_tool("pg_dump")   # before opening anything: a clear error where it is missing
    with database.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar()
            revision = None
            if inspect(connection).has_table("alembic_version"):
                revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            run_pg("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                               f"--file={target}", f"--dbname={conninfo}"], env)
    return revision


def backup(database, instance: str | Path, secret: str, path: str | Path, *, now: datetime,
           with_secrets: bool = False) -> BackupReport:
    """Write the archive to `path` (refused if it exists: an older backup is never overwritten)."""
    from importlib.metadata import PackageNotFoundError, version

    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists: give a new file name (an existing backup is never overwritten)")
    if not path.parent.is_dir():
        raise BackupError(f"the folder {path.parent} does not exist")
    kind = database_kind(database.url)
    try:
        minbar_version = version("minbar")
    except PackageNotFoundError:
        minbar_version = "unknown"
    with tempfile.TemporaryDirectory(prefix=".minbar-backup-", dir=path.parent) as work:
        dump = Path(work) / DATABASE_MEMBERS[kind]
        revision = _snapshot_sqlite(database.url, dump) if kind == "sqlite" else _snapshot_postgresql(database, dump)
        members = [(DATABASE_MEMBERS[kind], dump), *instance_files(instance)]
        if with_secrets:
            key_file = Path(work) / SECRET_MEMBER
            key_file.write_text(secret, encoding="utf-8")
            members.append((SECRET_MEMBER, key_file))
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "minbar_version": minbar_version,
            "created_at": now.isoformat(timespec="seconds"),
            "database": {"kind": kind, "revision": revision, "member": DATABASE_MEMBERS[kind]},
            "secret_key": {"fingerprint": fingerprint(secret), "included": with_secrets},
            "members": {name: {"sha256": sha256(file), "size": file.stat().st_size} for name, file in members},
        }
        partial = Path(work) / "archive.tar.gz"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)   # personal data: owner only
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
            archive.addfile(info, io.BytesIO(data))
            for name, file in members:
                archive.add(str(file), arcname=name, recursive=False, filter=_plain)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)   # the file appears whole or not at all
    return BackupReport(path=path, manifest=manifest)


def _plain(member: tarfile.TarInfo) -> tarfile.TarInfo:
    member.uid = member.gid = 0
    member.uname = member.gname = ""
    member.mode = 0o600
    return member


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
