"""The workspace API's bulk links: `POST /links/bulk` gives every speaker of a session, every
interpreter of a booth or every chair an active link, and with `"mail": true` e-mails each of
them through the invitation path (docs/http-api.md, "Links in bulk"). Who has no e-mail address
is reported in the answer and in the audit log (`workspace.link.bulk`)."""
from __future__ import annotations

from flask import current_app, jsonify

from conference import audit, queries
from conference.errors import MinbarError
from conference.guard import guarded
from conference.web import get_db, now
from conference.workspace import bulk_links
from conference.workspace.access import actor
from conference.workspace.api_base import API, _body, bp
from conference.workspace.api_links import base_url, link_json, send_invitation


@bp.post(f"{API}/links/bulk")
@guarded("workspace.links")
def issue_bulk(slug: str, access):
    from speakers.links import link_for
    from speakers.tokens import sign

    db, conf, who = get_db(), access.conference, access.who
    wanted = bulk_links.check(_body())
    if wanted["mail"] and not current_app.config.get("MINBAR_SMTP_URL"):
        raise MinbarError("bad_request", "E-mail is not configured on this server (MINBAR_SMTP_URL); "
                                         "nothing was issued.", field="mail")
    moment, by = now(), actor(who)
    targets = bulk_links.plan(db, conf, wanted["group"], session=wanted["session"], booth=wanted["booth"])
    issued = bulk_links.issue(db, conf, targets, now=moment, secret=current_app.config["SECRET_KEY"],
                              actor=by, expires=wanted["expires"])
    db.commit()     # the links exist whatever happens to the mail
    if wanted["mail"]:
        items = queries.agenda(db, conf)
        for one in issued:
            person = one.target.person
            if not person.email:
                one.mail = "no_email"
                continue
            try:
                send_invitation(db, conf, one.row, person.email, None, by, person=person, items=items)
                one.mail = "sent"
            except MinbarError:
                one.mail = "failed"
            db.commit()
    audit.record(db, conf, actor=by, action="workspace.link.bulk", now=moment, session=wanted["session"],
                 target=f"links:{wanted['group']}", before=None, after=bulk_links.summary(wanted, issued))
    db.commit()
    secret = current_app.config["SECRET_KEY"]
    answer = []
    for one in issued:
        row = one.row
        entry = link_json(row, conf.timezone)
        entry.update(new=one.token is not None, mail=one.mail, email=one.target.person.email,
                     url=link_for(base_url(), slug, row.role, row.session_key, sign(row.id, secret)))
        answer.append(entry)
    summary = bulk_links.summary(wanted, issued)
    return jsonify({"links": answer, "issued": len(summary["issued"]), "held": len(summary["held"]),
                    "mailed": summary["mailed"], "without_email": summary["without_email"],
                    "failed": summary["failed"]}), 201 if summary["issued"] else 200
