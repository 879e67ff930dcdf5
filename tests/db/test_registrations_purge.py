"""`minbar registrations purge` (docs/deploy.md, "Daily: the registrations purge"): declined and
unconfirmed registrations past their conference's retention period are deleted, the rest stay;
the audit log keeps the count, never a name or an address; a second run deletes nothing."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from conference import audit, queries
from conference.cli import cli
from conference.registration import core, store
from conference.registration.models import Registration

SLUG = "gcm-arab-2021"


def add(db, conf, *, status: str, created, decided=None, email="p@example.org") -> int:
    sub = core.submission({"name": "Amira Haddad", "delegation": "Lebanon", "group": "member_state",
                           "language": "en", "email": email})
    row = Registration(conference_id=conf.id, name=sub.name, name_latin=sub.name_latin, delegation=sub.delegation,
                       group=sub.group, email=sub.email, email_key=core.email_key(sub.email), language=sub.language,
                       status=status, created_at=created, decided_at=decided, source_key="", title="", function="",
                       needs="", decision_reason="")
    db.add(row)
    db.flush()
    return row.id


def test_the_purge_deletes_only_what_is_past_its_retention(loaded_app, clock):
    now = clock.now()
    database = loaded_app.extensions["minbar.db"]
    with database.session_scope() as db:
        conf = queries.conference(db, SLUG)
        store.put_settings(db, conf, opens_at=None, closes_at=None, retention_days=10, now=now, actor="t")
        old = now - timedelta(days=11)
        gone = {add(db, conf, status="unconfirmed", created=old, email="old-unconfirmed@example.org"),
                add(db, conf, status="declined", created=old, decided=now - timedelta(days=10),
                    email="old-declined@example.org")}
        kept = {add(db, conf, status="unconfirmed", created=now - timedelta(days=9)),
                add(db, conf, status="declined", created=old, decided=now - timedelta(days=9)),  # decided lately
                add(db, conf, status="pending", created=now - timedelta(days=400)),
                add(db, conf, status="approved", created=now - timedelta(days=400))}

    result = loaded_app.test_cli_runner().invoke(cli, ["registrations", "purge"])
    assert result.exit_code == 0, result.output
    assert f"{SLUG}: 2 registration(s) deleted" in result.output
    with database.read_scope() as db:
        left = set(db.scalars(select(Registration.id)))
        assert left == kept and not left & gone
        entries = [e for e in audit.entries(db, queries.conference(db, SLUG)) if e.action == "registration.purge"]
        assert [e.after for e in entries] == [{"deleted": 2, "retention_days": 10}]
        assert "old-declined@example.org" not in repr(entries) and "Amira" not in repr(entries)

    again = loaded_app.test_cli_runner().invoke(cli, ["registrations", "purge"])
    assert again.exit_code == 0 and f"{SLUG}: 0 registration(s) deleted" in again.output
    clock.advance(seconds=2 * 86400)       # two days on, the late decision's period is over too
    later = loaded_app.test_cli_runner().invoke(cli, ["registrations", "purge"])
    assert f"{SLUG}: 2 registration(s) deleted" in later.output   # the 9-day-old ones


def test_without_settings_the_default_is_thirty_days(loaded_app, clock):
    database = loaded_app.extensions["minbar.db"]
    with database.session_scope() as db:
        conf = queries.conference(db, SLUG)
        add(db, conf, status="unconfirmed", created=clock.now() - timedelta(days=29))
        add(db, conf, status="unconfirmed", created=clock.now() - timedelta(days=31))
    result = loaded_app.test_cli_runner().invoke(cli, ["registrations", "purge"])
    assert f"{SLUG}: 1 registration(s) deleted" in result.output
