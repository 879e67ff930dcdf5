"""Registrations in the database: settings, submit, confirm, list, approve, decline, purge.

Operations in the house's way (docs/architecture.md, layer 3): they take the SQLAlchemy session,
the time and the actor, never Flask's request; they do not commit. Every change is written to the
audit log without the e-mail address (the registration's id, its status, delegation and group).
Approval creates the person through the workspace's one path for agenda changes
(`conference.workspace.operations.change`: validated, audited; the agenda file is written by the
caller after the commit) and issues their participant link.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from conference import audit
from conference.errors import MinbarError
from conference.i18n import N_
from conference.models import Conference
from conference.registration import core
from conference.registration.models import DEFAULT_RETENTION_DAYS, Registration, RegistrationSettings
from speakers.models import Person

PUBLIC_ACTOR = "registration form"


def settings(db: Session, conf: Conference) -> RegistrationSettings:
    """The conference's settings (unsaved defaults, registration closed, when none were set)."""
    row = db.get(RegistrationSettings, conf.id)
    return row or RegistrationSettings(conference_id=conf.id, opens_at=None, closes_at=None,
                                       retention_days=DEFAULT_RETENTION_DAYS)


def window_at(db: Session, conference_id: int, now: datetime) -> str:
    """The conference's registration window at `now`: "open", "not_yet" or "closed" (`core.window`)."""
    row = db.get(RegistrationSettings, conference_id)
    return core.window(row.opens_at, row.closes_at, now) if row is not None else "not_yet"


def put_settings(db: Session, conf: Conference, *, opens_at: datetime | None, closes_at: datetime | None,
                 retention_days: int, now: datetime, actor: str) -> RegistrationSettings:
    if isinstance(retention_days, bool) or not isinstance(retention_days, int) or not 1 <= retention_days <= 3650:
        raise MinbarError("bad_request", N_("The number of days should be a whole number from 1 to 3650."),
                          field="retention_days")
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise MinbarError("bad_request", N_("Registration should close after it opens."), field="closes_at")
    row = db.get(RegistrationSettings, conf.id)
    before = _settings_json(row) if row else None
    if row is None:
        row = RegistrationSettings(conference_id=conf.id)
        db.add(row)
    row.opens_at, row.closes_at, row.retention_days, row.modified_at = opens_at, closes_at, retention_days, now
    audit.record(db, conf, actor=actor, action="registration.settings", now=now, target="registration",
                 before=before, after=_settings_json(row))
    return row


def _settings_json(row: RegistrationSettings) -> dict:
    def iso(moment):
        return moment.isoformat() if moment else None
    return {"opens_at": iso(row.opens_at), "closes_at": iso(row.closes_at), "retention_days": row.retention_days}


def _audited(row: Registration) -> dict:
    """What the audit log keeps of a registration: never the e-mail address or the name."""
    return {"status": row.status, "delegation": row.delegation, "group": row.group}


def submit(db: Session, conf: Conference, sub: core.Submission, *, now: datetime, source: str,
           per_address: int, per_email: int) -> tuple[Registration, str] | None:
    """A new unconfirmed registration and its confirmation token (for the e-mail, once); None,
    with nothing kept, when the e-mail address reached its limit (the caller answers as usual)."""
    conf_settings = settings(db, conf)
    core.require_open(conf_settings.opens_at, conf_settings.closes_at, now)
    key = core.email_key(sub.email)
    from_address = db.scalar(select(func.count(Registration.id)).where(
        Registration.source_key == source, Registration.created_at > now - core.LIMIT_WINDOW_ADDRESS))
    core.check_address_limit(from_address, per_address)
    for_email = db.scalar(select(func.count(Registration.id)).where(
        Registration.email_key == key, Registration.created_at > now - core.LIMIT_WINDOW_EMAIL))
    if core.email_limited(for_email, per_email):
        return None
    token, hashed = core.new_token()
    row = Registration(conference_id=conf.id, name=sub.name, name_latin=sub.name_latin, title=sub.title,
                       function=sub.function, rank=sub.rank, delegation=sub.delegation, group=sub.group,
                       email=sub.email, email_key=key, language=sub.language, gender=sub.gender,
                       needs=sub.needs, status="unconfirmed", token_hash=hashed,
                       token_expires_at=core.confirmation_expiry(now), source_key=source, created_at=now,
                       decision_reason="")
    db.add(row)
    db.flush()
    audit.record(db, conf, actor=PUBLIC_ACTOR, action="registration.submit", now=now,
                 target=f"registration:{row.id}", before=None, after=_audited(row))
    return row, token


def confirm(db: Session, conf: Conference, token: str, *, now: datetime) -> Registration:
    """The e-mailed link, opened: the registration waits for the secretariat's decision."""
    row = None
    if isinstance(token, str) and token:
        row = db.scalar(select(Registration).where(Registration.conference_id == conf.id,
                                                   Registration.token_hash == core.token_hash(token)))
    if row is None:
        raise MinbarError("not_found", N_("This confirmation link is not valid, or it was already used."),
                          reason="unknown_token")
    if row.token_expires_at is None or now >= row.token_expires_at:
        raise MinbarError("invalid_state", N_("This confirmation link has expired. Please register again."),
                          reason="expired")
    before = _audited(row)
    row.status, row.confirmed_at, row.token_hash, row.token_expires_at = "pending", now, None, None
    audit.record(db, conf, actor=PUBLIC_ACTOR, action="registration.confirm", now=now,
                 target=f"registration:{row.id}", before=before, after=_audited(row))
    return row


def listing(db: Session, conf: Conference, status: str | None = None) -> tuple[list[Registration], dict]:
    """The conference's registrations (of `status`), oldest first, and the duplicates among all of
    them (`core.duplicates`: a duplicate of a declined registration is still worth a look)."""
    if status is not None and status not in core.STATUSES:
        raise MinbarError("bad_request", f"'status' should be one of {', '.join(core.STATUSES)}.")
    rows = list(db.scalars(select(Registration).where(Registration.conference_id == conf.id)
                           .order_by(Registration.created_at, Registration.id)))
    flagged = core.duplicates([r for r in rows if r.status != "unconfirmed"])
    chosen = [r for r in rows if status is None or r.status == status]
    return chosen, flagged


def get(db: Session, conf: Conference, registration_id) -> Registration:
    row = None
    if isinstance(registration_id, int) or (isinstance(registration_id, str) and registration_id.isdigit()):
        row = db.get(Registration, int(registration_id))
    if row is None or row.conference_id != conf.id:
        raise MinbarError("not_found", f"There is no registration '{registration_id}' in {conf.slug}.")
    return row


def person_fields(row: Registration) -> dict:
    state = row.group in ("member_state", "observer_state")
    return {"name": core.person_names(row.name, row.name_latin), "title": row.function or row.title,
            "organisation": "" if state else row.delegation, "delegation": row.delegation,
            "group": row.group, "language": row.language, "rank": row.rank, "gender": row.gender}


def approve(db: Session, conf: Conference, row: Registration, *, now: datetime, actor: str,
            secret: str) -> tuple[Person, str, object]:
    """Create the person (through the agenda's one change path) and their participant link. The
    conference's agenda file is not written here: the caller writes it once the approval is
    committed and its e-mail sent (`flows.decide`), so a refused approval leaves it as it was."""
    from conference.workspace import edits, operations
    from speakers import access

    core.decidable(row.status)
    taken = set(db.scalars(select(Person.key).where(Person.conference_id == conf.id)))
    key = core.person_key(row.name_latin, taken)
    operations.change(db, conf, now=now, actor=actor, action="registration.person",
                      edit=lambda s: edits.put_person(s, key, person_fields(row), create=True),
                      instance=None, target=f"person:{key}")
    person = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == key))
    person.email = row.email        # the workspace's bulk invitations reach the registrant too
    token, link = access.issue(db, conference=conf, role="participant", session=None, now=now, secret=secret,
                               name=row.name_latin, delegation=row.delegation, group=row.group,
                               language=row.language, person=key)
    before = _audited(row)
    row.status, row.decided_at, row.person_key, row.decision_reason = "approved", now, key, ""
    audit.record(db, conf, actor=actor, action="registration.approve", now=now,
                 target=f"registration:{row.id}", before=before,
                 after={**_audited(row), "person": key, "link": link.id})
    return person, token, link


def decline(db: Session, conf: Conference, row: Registration, *, now: datetime, actor: str,
            reason: str) -> Registration:
    core.decidable(row.status)
    before = _audited(row)
    row.status, row.decided_at, row.decision_reason = "declined", now, reason
    audit.record(db, conf, actor=actor, action="registration.decline", now=now,
                 target=f"registration:{row.id}", before=before, after={**_audited(row), "reason": reason})
    return row


def purge(db: Session, now: datetime, actor: str = "minbar registrations purge") -> dict[str, int]:
    """Delete, in every conference, the declined and unconfirmed registrations older than the
    conference's retention period; {slug: how many}. Audited per conference (counts only)."""
    done: dict[str, int] = {}
    for conf in db.scalars(select(Conference).order_by(Conference.id)):
        days = settings(db, conf).retention_days
        rows = db.scalars(select(Registration).where(
            Registration.conference_id == conf.id, Registration.status.in_(("declined", "unconfirmed")),
            Registration.created_at <= now - timedelta(days=days)))
        ids = [r.id for r in rows if core.purgeable(r.status, r.created_at, r.decided_at, now, days)]
        if ids:
            db.execute(delete(Registration).where(Registration.id.in_(ids)))
            audit.record(db, conf, actor=actor, action="registration.purge", now=now, target="registration",
                         before=None, after={"deleted": len(ids), "retention_days": days})
        done[conf.slug] = len(ids)
    return done
