"""`minbar restore` refuses, with a plain sentence and changing nothing: another secret key
(unless --force, which warns), a database or instance that is not empty, a damaged, truncated or
foreign archive, a newer schema revision, a PostgreSQL backup into SQLite, a SQLite backup that
does not fit PostgreSQL; and `minbar backup` never overwrites a file."""
from __future__ import annotations

import io
import json
import os
import tarfile

import pytest

from db.backup_kit import (  # noqa: F401  (fixtures)
    SLUG, across_kinds, archive, cli, contents, embedded, empty, fresh, in_process, source, tables,
)


def test_another_secret_key_is_refused_and_forced_with_a_warning(archive, fresh):
    target = fresh(SECRET_KEY="another-key-another-key-another-key")
    refused = cli(target, "restore", str(archive))
    assert refused.returncode == 1
    assert "secret key differs" in refused.stderr and "401" in refused.stderr
    assert empty(target)

    forced = cli(target, "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert "WARNING" in forced.stderr and "401" in forced.stderr
    assert tables(target["DATABASE_URL"])


def test_a_database_or_instance_that_is_not_empty_is_refused_and_unchanged(source, archive, fresh):
    before = contents(source["DATABASE_URL"])
    agenda = os.path.join(source["MINBAR_INSTANCE"], "agendas", f"{SLUG}.toml")
    os.makedirs(os.path.dirname(agenda), exist_ok=True)
    with open(agenda, "w", encoding="utf-8") as handle:
        handle.write("# the installation's own file\n")

    refused = cli(source, "restore", str(archive))
    assert refused.returncode == 1
    assert "database is not empty" in refused.stderr and "Nothing was changed" in refused.stderr
    assert contents(source["DATABASE_URL"]) == before
    with open(agenda, encoding="utf-8") as handle:
        assert handle.read() == "# the installation's own file\n"

    target = fresh()
    os.makedirs(os.path.join(target["MINBAR_INSTANCE"], "agendas"))
    with open(os.path.join(target["MINBAR_INSTANCE"], "agendas", "other.toml"), "w") as handle:
        handle.write("")
    refused = cli(target, "restore", str(archive))
    assert refused.returncode == 1 and "instance folder" in refused.stderr
    assert not tables(target["DATABASE_URL"])


def _rewritten(archive, path, change):
    """A copy of `archive` with its members passed through change(name, data) -> data or None."""
    with tarfile.open(archive) as source, tarfile.open(path, "w:gz") as out:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            if data is not None:
                member.size = len(data)
                out.addfile(member, io.BytesIO(data))
    return path


def test_a_damaged_or_truncated_archive_is_refused_with_a_clear_error(archive, fresh, tmp_path):
    whole = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    flipped = tmp_path / "flipped.tar.gz"
    middle = len(whole) // 2
    flipped.write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1:])
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("minutes of the meeting")
    tampered = _rewritten(archive, tmp_path / "tampered.tar.gz",
                          lambda name, data: data if name == "manifest.json" else data[:-1] + bytes([data[-1] ^ 1]))
    no_manifest = _rewritten(archive, tmp_path / "no-manifest.tar.gz",
                             lambda name, data: None if name == "manifest.json" else data)
    def manifest_with(change):
        def rewrite(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            change(manifest)
            return json.dumps(manifest).encode()
        return rewrite

    newer = _rewritten(archive, tmp_path / "newer.tar.gz",
                       manifest_with(lambda m: m["database"].update(revision="9999")))
    garbled = _rewritten(archive, tmp_path / "garbled.tar.gz",
                         manifest_with(lambda m: m.update(format_version="one", members=[])))
    cases = {newer: "revision 9999 is unknown to this release", garbled: "its manifest is unreadable",
             truncated: "damaged or truncated", flipped: "damaged", not_an_archive: "damaged or truncated",
             tampered: "does not match its checksum", no_manifest: "has no manifest.json",
             tmp_path / "missing.tar.gz": "is not a file"}

    target = fresh()
    for path, message in cases.items():
        refused = in_process(target, "restore", str(path))
        assert refused.exit_code == 1, (path, refused.output)
        assert message in refused.stderr, (path, refused.stderr)
        assert isinstance(refused.exception, SystemExit) and "Traceback" not in refused.output
        assert empty(target)


@across_kinds
def test_a_sqlite_backup_that_does_not_fit_postgresql_leaves_it_empty(source, fresh, tmp_path):
    import sqlite3

    on_sqlite = embedded(source, tmp_path)
    with sqlite3.connect(tmp_path / "embedded" / "minbar.sqlite3") as connection:   # SQLite ignores lengths
        connection.execute("UPDATE conferences SET timezone = ?", ("Asia/" + "Beirut" * 20,))
    connection.close()
    path = tmp_path / "embedded.tar.gz"
    assert in_process(on_sqlite, "backup", str(path)).exit_code == 0

    target = fresh()
    refused = in_process(target, "restore", str(path))
    assert refused.exit_code == 1, refused.output
    assert "does not fit into PostgreSQL" in refused.stderr and "left empty" in refused.stderr
    assert empty(target)


@pytest.mark.postgresql_only   # needs a PostgreSQL backup
def test_a_postgresql_backup_is_refused_by_sqlite(archive, source, tmp_path):
    target = {**source, "DATABASE_URL": f"sqlite:///{tmp_path / 'other' / 'minbar.sqlite3'}",
              "MINBAR_INSTANCE": str(tmp_path / "other" / "instance")}
    refused = in_process(target, "restore", str(archive))
    assert refused.exit_code == 1 and "restore it into postgresql" in refused.stderr
    assert empty(target)


def test_a_backup_never_overwrites_a_file(archive, source):
    before = archive.read_bytes()
    refused = cli(source, "backup", str(archive))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert archive.read_bytes() == before
