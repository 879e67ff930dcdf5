"""Links issued in bulk: every speaker of a session, every interpreter of a booth, every chair.

`plan(...)` names who a group is (people assigned in the agenda, in agenda order, each once);
`issue(...)` gives each of them an active link of the group's role, issuing one
(`conference.workspace.links.issue`, audited one by one) only where they hold none yet, so
running it twice issues nothing twice. Mailing the links is the caller's (the invitation path,
`conference.workspace.invitations`); who has no e-mail address is reported, never dropped in
silence. Plain Python over SQLAlchemy, no Flask.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from conference import queries
from conference.errors import MinbarError
from conference.models import Conference
from conference.workspace import links as link_ops
from speakers.models import AccessToken, Person

GROUPS = {"speakers": "speaker", "interpreters": "interpreter", "chairs": "chair"}
FIELDS = ("group", "session", "booth", "expires", "mail")


@dataclass(frozen=True)
class Target:
    person: Person
    role: str
    session: str | None = None
    booth: str | None = None


@dataclass
class Issued:
    target: Target
    row: AccessToken
    token: str | None      # None: the person already held this link
    mail: str | None = None   # "sent", "no_email", "failed"; None when not mailed


def check(body: dict) -> dict:
    """The request's fields, checked (400 names the wrong one)."""
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    if body.get("group") not in GROUPS:
        raise MinbarError("bad_request", f"'group' should be one of {', '.join(GROUPS)}.", field="group")
    for name in ("session", "booth", "expires"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise MinbarError("bad_request", f"'{name}' should be a text.", field=name)
    if body.get("mail") not in (None, True, False):
        raise MinbarError("bad_request", "'mail' should be true or false.", field="mail")
    return {"group": body["group"], "session": body.get("session") or None, "booth": body.get("booth") or None,
            "expires": body.get("expires") or None, "mail": body.get("mail") is True}


def plan(db: Session, conf: Conference, group: str, *, session: str | None = None,
         booth: str | None = None) -> list[Target]:
    """Who `group` is: each person once, in agenda order. Refuses a group that names no one."""
    role = GROUPS[group]
    people = {p.key: p for p in db.scalars(select(Person).where(Person.conference_id == conf.id))}
    found: dict[tuple, Target] = {}
    if group == "speakers":
        if not session:
            raise MinbarError("bad_request", "Speakers' links are issued for one session: give 'session'.",
                              field="session")
        item = queries.item(db, conf, session)
        for slot in sorted(item.slots, key=lambda s: s.position):
            if slot.speaker is not None:
                found.setdefault((slot.speaker.key, item.key), Target(slot.speaker, role, item.key))
    elif group == "interpreters":
        booths = {b.get("language"): b for b in conf.booths or []}
        if booth not in booths:
            raise MinbarError("bad_request", f"'booth' should be one of {', '.join(booths) or 'none'}.",
                              field="booth")
        for key in booths[booth].get("interpreters") or []:
            if key in people:
                found.setdefault((key, booth), Target(people[key], role, booth=booth))
    else:
        items = [queries.item(db, conf, session)] if session else queries.agenda(db, conf)
        for item in items:
            if item.chair_person is not None:
                found.setdefault((item.chair_person.key, item.key), Target(item.chair_person, role, item.key))
    if not found:
        where = {"speakers": f"session {session}", "interpreters": f"the {booth} booth",
                 "chairs": f"session {session}" if session else "the agenda"}[group]
        raise MinbarError("conflict", f"Nobody is assigned as {role} in {where} yet: no link was issued.",
                          field="group")
    return list(found.values())


def _held(db: Session, conf: Conference, target: Target, now: datetime) -> AccessToken | None:
    # The same kind of link (role, session, booth) for the same person: data matched, not "who may".
    return db.scalar(select(AccessToken).filter_by(conference_id=conf.id, role=target.role).where(
        AccessToken.person_key == target.person.key, AccessToken.revoked_at.is_(None),
        AccessToken.session_key.is_(None) if target.session is None else AccessToken.session_key == target.session,
        AccessToken.booth.is_(None) if target.booth is None else AccessToken.booth == target.booth,
        or_(AccessToken.expires_at.is_(None), AccessToken.expires_at > now)).order_by(AccessToken.issued_at.desc()))


def issue(db: Session, conf: Conference, targets: list[Target], *, now: datetime, secret: str, actor: str,
          expires: str | None = None) -> list[Issued]:
    """An active link for every target: the one they hold, else a new one (audited)."""
    out = []
    for target in targets:
        held = _held(db, conf, target, now)
        if held is not None:
            out.append(Issued(target, held, None))
            continue
        body = {"role": target.role, "person": target.person.key, "session": target.session,
                "booth": target.booth, "expires": expires}
        token, row = link_ops.issue(db, conf, {k: v for k, v in body.items() if v is not None},
                                    now=now, secret=secret, actor=actor)
        db.flush()
        out.append(Issued(target, row, token))
    return out


def summary(request: dict, issued: list[Issued]) -> dict:
    """What the audit log keeps of one bulk issue (`workspace.link.bulk`)."""
    return {"group": request["group"], "session": request["session"], "booth": request["booth"],
            "issued": [i.target.person.key for i in issued if i.token is not None],
            "held": [i.target.person.key for i in issued if i.token is None],
            "mailed": [i.target.person.key for i in issued if i.mail == "sent"],
            "without_email": [i.target.person.key for i in issued if i.mail == "no_email"],
            "failed": [i.target.person.key for i in issued if i.mail == "failed"]}
