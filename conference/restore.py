"""`minbar restore FILE`: an archive of `minbar backup` into an empty database and instance.

Everything is checked before anything is written: the archive (readable to its end, every member
named in the manifest with its SHA-256, nothing else in it), the database kind, the schema revision
(one this release knows: an older one is restored, then upgraded), that the database holds no
table and the instance no agenda file, and the secret key's fingerprint (another key would make
every link issued before answer 401). PostgreSQL restores in one transaction (`pg_restore
--single-transaction`), SQLite through its online backup API, so a failure leaves the database
empty. A SQLite backup also goes into PostgreSQL (conference.restore_across: the move from the
embedded default to a server); a PostgreSQL backup goes into PostgreSQL only.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect

from conference.backup import (
    DATABASE_MEMBERS, FORMAT, FORMAT_VERSION, MANIFEST, SECRET_MEMBER, BackupError, database_kind,
    fingerprint, instance_files, pg_connection, pg_tool, run_pg, sha256, sqlite_path,
)

MEMBER_NAMES = re.compile(r"^(manifest\.json|database\.sqlite3|database\.pgdump|secret_key|"
                          r"instance/rehearsal\.json|instance/agendas/[a-z0-9][a-z0-9-]{0,399}\.toml)$")


@dataclass
class RestoreReport:
    manifest: dict
    upgrade: str = ""
    notes: list[str] = field(default_factory=list)      # what the operator must know
    warnings: list[str] = field(default_factory=list)   # what they chose to go past (--force)


def read_archive(path: str | Path, work: Path) -> tuple[dict, dict[str, Path]]:
    """The manifest and the members unpacked under `work`, each checked against the manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    files: dict[str, Path] = {}
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            for number, member in enumerate(archive):
                if not member.isfile() or not MEMBER_NAMES.match(member.name) or member.name in files:
                    raise BackupError(f"{path} is not a Minbar backup: unexpected member {member.name!r}")
                target = work / f"{number:04d}-{member.name.rsplit('/', 1)[-1]}"
                with archive.extractfile(member) as source, open(target, "wb") as out:
                    for block in iter(lambda: source.read(1 << 20), b""):
                        out.write(block)
                files[member.name] = target
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"{path} is damaged or truncated (not a complete tar.gz): {error}. "
                          "Nothing was restored; use another backup.") from None
    if MANIFEST not in files:
        raise BackupError(f"{path} is not a Minbar backup: it has no {MANIFEST}")
    try:
        manifest = _checked(json.loads(files.pop(MANIFEST).read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"{path} is not a Minbar backup: its manifest is unreadable ({error})") from None
    kind, listed = manifest["database"]["kind"], manifest["members"]
    if manifest["format_version"] > FORMAT_VERSION:
        raise BackupError(f"{path} was written by a newer Minbar ({manifest.get('minbar_version')}): restore it "
                          "with that version")
    if set(listed) != set(files) or DATABASE_MEMBERS[kind] not in files:
        raise BackupError(f"{path} is incomplete: the manifest lists {sorted(listed)}, the archive holds "
                          f"{sorted(files)}")
    for name, file in files.items():
        if sha256(file) != listed[name]["sha256"]:
            raise BackupError(f"{path} is damaged: {name} does not match its checksum. Nothing was restored.")
    return manifest, files


def _checked(manifest: dict) -> dict:
    """The manifest if every field a restore reads has its type (else ValueError)."""
    database, members, key = manifest["database"], manifest["members"], manifest["secret_key"]
    if manifest["format"] != FORMAT or not isinstance(manifest["format_version"], int):
        raise ValueError("not a Minbar backup manifest")
    if database["kind"] not in DATABASE_MEMBERS or not isinstance(database["revision"], (str, type(None))):
        raise ValueError("the database's kind or revision")
    if not isinstance(key["fingerprint"], str) or not all(isinstance(m["sha256"], str) for m in members.values()):
        raise ValueError("the key's fingerprint or a member's checksum")
    return manifest


def restore(database, instance: str | Path, secret: str, path: str | Path, *, key_from_environment: bool,
            force: bool = False) -> RestoreReport:
    from conference import migrate

    instance = Path(instance)
    with tempfile.TemporaryDirectory(prefix=".minbar-restore-") as work:
        manifest, files = read_archive(path, Path(work))
        report = RestoreReport(manifest)
        kind, revision = manifest["database"]["kind"], manifest["database"]["revision"]
        here = database_kind(database.url)
        if kind != here and (kind, here) != ("sqlite", "postgresql"):
            raise BackupError(f"this is a backup of a {kind} database and DATABASE_URL is {here}: restore it into "
                              f"{kind} (only a SQLite backup goes into the other kind, PostgreSQL)")
        _refuse_unknown_revision(revision, manifest)
        _refuse_unless_empty(database, instance)
        new_key = _check_key(manifest, files, secret, key_from_environment, force, report)
        if kind == "sqlite":
            _check_sqlite(files[DATABASE_MEMBERS[kind]])
        if (kind, here) == ("sqlite", "postgresql"):
            from conference.restore_across import sqlite_into_postgresql

            sqlite_into_postgresql(files[DATABASE_MEMBERS[kind]], database, revision)
        elif kind == "sqlite":
            _restore_sqlite(files[DATABASE_MEMBERS[kind]], database)
        else:
            _restore_postgresql(files[DATABASE_MEMBERS[kind]], database)
        database.engine.dispose()   # pooled connections may have seen the empty database
        for name, file in files.items():
            if name.startswith("instance/"):
                target = instance / name.removeprefix("instance/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.read_bytes())
        if new_key is not None:
            _write_key(instance / "secret_key", new_key)
            report.notes.append(f"The backup's secret key was written to {instance / 'secret_key'}: links issued "
                                "before the backup sign in again.")
        try:
            report.upgrade = migrate.upgrade(database).describe()
        except Exception as error:
            raise BackupError(f"the backup was restored at revision {revision}, but upgrading it failed: {error}. "
                              "Fix the cause, then run `minbar db upgrade`.") from error
    return report


def _refuse_unknown_revision(revision: str | None, manifest: dict) -> None:
    from alembic.script import ScriptDirectory

    from conference import migrate

    known = {script.revision for script in ScriptDirectory.from_config(migrate.config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise BackupError(f"the backup's schema revision {revision} is unknown to this release (it was written by "
                          f"Minbar {manifest.get('minbar_version')}): install that release or a later one, then "
                          "restore")


def _refuse_unless_empty(database, instance: Path) -> None:
    tables = inspect(database.engine).get_table_names()
    database.engine.dispose()
    if tables:
        raise BackupError(f"the database is not empty ({len(tables)} tables, e.g. {', '.join(sorted(tables)[:3])}): "
                          "restore only into a new, empty database. Nothing was changed.")
    present = [name for name, _path in instance_files(instance)]
    if present:
        raise BackupError(f"the instance folder {instance} already holds {', '.join(present)}: restore into an "
                          "empty instance (MINBAR_INSTANCE). Nothing was changed.")


def _check_key(manifest: dict, files: dict, secret: str, key_from_environment: bool, force: bool,
               report: RestoreReport) -> str | None:
    """None, or the archive's key to install in the instance (a `--with-secrets` backup, and the
    key here comes from the instance's file rather than SECRET_KEY)."""
    marker = manifest["secret_key"]["fingerprint"]
    if marker == fingerprint(secret):
        return None
    archived = files[SECRET_MEMBER].read_text(encoding="utf-8") if SECRET_MEMBER in files else None
    if archived is not None and fingerprint(archived) == marker and not key_from_environment:
        return archived
    problem = ("the secret key differs from the one this backup was taken with: every link issued before would "
               "answer 401 and every organiser would be signed out.")
    if archived is not None:
        problem += " The archive carries its key (--with-secrets): set SECRET_KEY to it."
    else:
        problem += (" Set SECRET_KEY to the key kept with this installation's secrets (or, without SECRET_KEY, "
                    "put it in the instance folder's secret_key file).")
    if not force:
        raise BackupError(problem + " Or pass --force to restore anyway and issue new links. Nothing was changed.")
    report.warnings.append(problem[0].upper() + problem[1:] + " Restored anyway (--force): issue new links.")
    return None


def _check_sqlite(dump: Path) -> None:
    source = sqlite3.connect(str(dump))
    try:
        check = source.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"the backup's database is unreadable: {error}. Nothing was restored.") from None
    finally:
        source.close()
    if not check or check[0] != "ok":
        raise BackupError(f"the backup's database is damaged ({check}). Nothing was restored.")


def _restore_sqlite(dump: Path, database) -> None:
    source = sqlite3.connect(str(dump))
    try:
        target_path = sqlite_path(database.url)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(target_path), timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"the backup's database is unreadable: {error}. Nothing was restored.") from None
    finally:
        source.close()


def _restore_postgresql(dump: Path, database) -> None:
    conninfo, env = pg_connection(database.url)
    pg_tool("pg_restore")
    run_pg("pg_restore", ["--list", str(dump)], env)   # reads the whole table of contents first
    # One transaction: an error part way leaves the database as empty as it was.
    run_pg("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges",
                          f"--dbname={conninfo}", str(dump)], env)


def _write_key(path: Path, key: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".restoring")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    os.replace(temporary, path)
