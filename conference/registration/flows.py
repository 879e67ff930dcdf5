"""What the page and the API of registration share, inside a request: a submission stored and its
confirmation mailed, a confirmation, a decision mailed. Thin: the rules are `core`'s, the rows
`store`'s, the messages `mail`'s. Nothing is committed unless its e-mail was handed to the SMTP
server (a refusal there changes nothing), and an approval writes the conference's agenda file
only after its commit.

No account enumeration: a submission is answered the same way whether or not the address is
known (a new unconfirmed registration each time, its link mailed to the address). The limit per
client address is refused openly (429); an e-mail address past its limit gets the answer any
address gets, and nothing is kept or sent.
"""
from __future__ import annotations

from flask import current_app, request

from conference import queries
from conference.errors import MinbarError
from conference.registration import core, mail, store
from conference.web import get_db, now
from conference.workspace import agenda_file
from conference.workspace.access import actor
from conference.workspace.invitations import send


def base_url() -> str:
    return current_app.config.get("MINBAR_BASE_URL") or request.host_url.rstrip("/")


def _sender() -> str:
    return current_app.config.get("MINBAR_MAIL_FROM") or "minbar@localhost"


def _smtp():
    url = current_app.config.get("MINBAR_SMTP_URL")
    if not url:
        raise MinbarError("unavailable", "E-mail is not configured on this server (MINBAR_SMTP_URL).")
    return url


def instant(values: dict, field: str, zone: str, default):
    """`values[field]` as an aware instant: ISO 8601 with its offset, or a wall time in the
    conference's zone (a form's datetime-local); empty or null clears it; absent keeps `default`."""
    from datetime import datetime

    from timing.zones import get_zone

    if field not in values:
        return default
    value = values[field]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise MinbarError("bad_request", f"'{field}' should be an ISO 8601 instant.", field=field)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MinbarError("bad_request", f"'{field}' is not an ISO 8601 instant.", field=field) from None
    return moment if moment.tzinfo is not None else get_zone(zone).localize(moment)


def confirm_url(slug: str, token: str, language: str) -> str:
    from urllib.parse import quote

    return f"{base_url()}/conferences/{quote(slug)}/register/confirm?lang={language}&confirmation_token={quote(token)}"


def submit(conf, values: dict) -> None:
    """Check, store, mail the confirmation link, commit; a refusal (MinbarError) changes nothing."""
    db = get_db()
    sub = core.submission(values)
    source = core.source_key(request.remote_addr or "", current_app.config["SECRET_KEY"])
    try:
        kept = store.submit(
            db, conf, sub, now=now(), source=source,
            per_address=int(current_app.config.get("MINBAR_REGISTRATION_PER_ADDRESS", 10)),
            per_email=int(current_app.config.get("MINBAR_REGISTRATION_PER_EMAIL", 3)))
        if kept is None:            # the e-mail address's limit: answered as usual, nothing sent
            db.rollback()
            return
        row, token = kept
        message = mail.confirmation(conf, to=row.email, name=row.name, gender=row.gender, language=row.language,
                                    link=confirm_url(conf.slug, token, row.language),
                                    hours=core.CONFIRMATION_HOURS, sender=_sender())
        send(message, _smtp())
        db.commit()
    except BaseException:
        db.rollback()
        raise


def confirm(conf, token: str):
    db = get_db()
    try:
        row = store.confirm(db, conf, token, now=now())
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return row


def decide(conf, who, ids, *, approve: bool, reason: str = "") -> list[dict]:
    """Approve or decline each registration of `ids`, one after another, each committed with its
    e-mail sent; [{"id", "status"} or {"id", "error"}] in order. The approved get their
    participant link and the programme; the declined the reason."""
    db = get_db()
    reason = core.reason(reason)
    results = []
    for registration_id in ids:
        try:
            row = store.get(db, conf, registration_id)
            if approve:
                person, token, link = store.approve(
                    db, conf, row, now=now(), actor=actor(who), secret=current_app.config["SECRET_KEY"])
                from speakers.links import link_for

                message = mail.approved(conf, queries.agenda(db, conf), to=row.email, name=person.name_in(row.language),
                                        gender=row.gender, language=row.language,
                                        link=link_for(base_url(), conf.slug, "participant", None, token) + f"&lang={row.language}",
                                        base_url=base_url(), sender=_sender())
            else:
                store.decline(db, conf, row, now=now(), actor=actor(who), reason=reason)
                message = mail.declined(conf, to=row.email, name=row.name, gender=row.gender,
                                        language=row.language, reason=reason, sender=_sender())
            send(message, _smtp())
            db.commit()
            if approve:             # the agenda file names the person only once they are saved
                agenda_file.write_copy(current_app.instance_path, agenda_file.spec_from_db(db, conf))
            results.append({"id": row.id, "status": row.status, "person": row.person_key})
        except MinbarError as error:
            db.rollback()
            results.append({"id": registration_id, "error": error.to_contract()})
    return results
