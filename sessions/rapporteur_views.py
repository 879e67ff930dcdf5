"""Key messages over HTTP, the rapporteur console, the outcome document, presentation mode.

API (docs/key-messages.md), JSON errors per the contract:
- `GET    /api/v1/conferences/<slug>/sessions/<id>/key-messages`            the session's messages
- `POST   the same`                                                          create (201; 200 on a replayed `client_key`)
- `GET    .../key-messages/<mid>`, `PUT .../key-messages/<mid>`             one message; save with `base_revision`
- `GET    .../key-messages/<mid>/history`, `POST .../key-messages/<mid>/restore`
- `PUT    .../key-messages/order`                                            reorder
- `GET    /api/v1/conferences/<slug>/key-messages`                           the whole conference's, agenda order
Writers sign in with `Authorization: Bearer TOKEN` (or the session cookie of their opened link). Anyone reads agreed messages; drafts need a
rapporteur's, the session chair's or an organiser's token (`sessions.key_message_ops`).

After every write that changed something, the event `key_messages` goes to the session's room on
/live (`{"session", "message", "version"}`; a draft's text is left out, see `_public`), and the
presentation sessions whose list moved get their new STATE.

Pages: the rapporteur console, the outcome document (`.html`, `.md`, `.docx`; `?drafts=1` for a
signed-in caller who may read drafts; `?lang=`), the presentation view. Callers come from
`g.identity` (`speakers.credentials`); what they may do from `speakers.policy`.
"""
from __future__ import annotations

import hashlib

from babel.dates import format_interval
from flask import Blueprint, Response, g, jsonify, render_template, request

from conference import i18n, live, presenters, queries
from conference.agenda.schema import STAKEHOLDER_GROUPS
from conference.errors import MinbarError
from conference.extensions import socketio
from conference.web import N_, _, get_db, lang, now
from sessions import key_message_ops as ops
from sessions import markup, operations, outcome
from sessions.key_messages import PRINCIPLES
from speakers import policy
from speakers.identity import ANONYMOUS, Identity

bp = Blueprint("rapporteur_views", __name__)

API = "/api/v1/conferences/<slug>/sessions/<key>/key-messages"

GROUP_LABELS = {
    "member_state": N_("Member States"),
    "un_entity": N_("United Nations entities"),
    "intergovernmental": N_("Intergovernmental organisations"),
    "civil_society": N_("Civil society"),
    "migrants": N_("Migrants and diaspora"),
    "trade_union": N_("Trade unions"),
    "private_sector": N_("Private sector"),
    "academia": N_("Academia"),
    "nhri": N_("National human rights institutions"),
    "local_authority": N_("Local authorities"),
    "faith_based": N_("Faith-based organisations"),
    "media": N_("Media"),
    "red_cross_red_crescent": N_("Red Cross and Red Crescent"),
    "parliamentarian": N_("Parliamentarians"),
    "other": N_("Other stakeholders"),
}
assert set(GROUP_LABELS) == set(STAKEHOLDER_GROUPS)

OUTCOME_LABELS = {
    "by_session": N_("Key messages by session"),
    "by_objective": N_("Key messages by objective"),
    "coverage": N_("Coverage of the 23 objectives"),
    "objective": N_("Objective"),
    "objectives": N_("Objectives"),
    "principles": N_("Guiding principles"),
    "sessions": N_("Sessions"),
    "draft": N_("Draft"),
    "none": N_("No key message yet"),
}
OUTCOME_FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


# -- who is asking ---------------------------------------------------------------------------

def _caller() -> Identity:
    """Who is asking: the signed-in link (session cookie) or `Authorization: Bearer`, resolved
    once per request by `speakers.credentials`; ANONYMOUS without either."""
    return g.get("identity", ANONYMOUS)


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return body


# -- broadcasting ----------------------------------------------------------------------------

def _public(message: dict) -> dict:
    # The session's room holds everyone watching it, anonymous viewers too: a draft travels as a
    # notice that it changed, and the rapporteurs' pages fetch it signed in.
    if message["status"] == "agreed":
        return message
    return {"id": message["id"], "session": message["session"], "status": message["status"],
            "revision": message["revision"], "position": message["position"], "redacted": True}


def _announce(slug: str, key: str, written: ops.Written) -> None:
    """After the commit: one `key_messages` event per changed message, versions one apart."""
    if not written.changed:
        return
    first = written.version - len(written.messages) + 1
    for offset, message in enumerate(written.messages):
        socketio.emit("key_messages", {"session": key, "message": _public(message), "version": first + offset},
                      to=live.room(slug, key), namespace=live.NAMESPACE)
    for session_key, state in written.presentations:
        live.broadcast(slug, session_key, state)


def _write(slug: str, key: str, written: ops.Written, status: int = 200):
    get_db().commit()
    _announce(slug, key, written)
    return jsonify(written.message), status


# -- the API ---------------------------------------------------------------------------------

@bp.get(API)
def list_messages(slug: str, key: str):
    return jsonify(ops.list_messages(get_db(), slug, key, _caller()))


@bp.post(API)
def create_message(slug: str, key: str):
    actor = _caller()
    body = _body()
    client_key = body.pop("client_key", None)
    written = ops.create(get_db(), slug, key, body, actor=actor, now=now(), client_key=client_key)
    return _write(slug, key, written, 201 if written.changed else 200)


@bp.put(API + "/order")
def reorder_messages(slug: str, key: str):
    actor = _caller()
    body = _body()
    written = ops.reorder(get_db(), slug, key, body.get("order"), actor=actor, now=now())
    db = get_db()
    db.commit()
    _announce(slug, key, written)
    return jsonify(ops.list_messages(db, slug, key, actor))


@bp.get(API + "/<mid>")
def get_message(slug: str, key: str, mid: str):
    return jsonify(ops.get_message(get_db(), slug, key, mid, _caller()))


@bp.put(API + "/<mid>")
def save_message(slug: str, key: str, mid: str):
    actor = _caller()
    body = _body()
    base = body.pop("base_revision", None)
    written = ops.save(get_db(), slug, key, mid, base, body, actor=actor, now=now())
    return _write(slug, key, written)


@bp.get(API + "/<mid>/history")
def message_history(slug: str, key: str, mid: str):
    return jsonify(ops.history(get_db(), slug, key, mid, _caller()))


@bp.post(API + "/<mid>/restore")
def restore_message(slug: str, key: str, mid: str):
    actor = _caller()
    body = _body()
    unknown = sorted(set(body) - {"revision", "base_revision"})
    if unknown:
        raise MinbarError("bad_request", f"Unknown field {', '.join(unknown)}; send revision and base_revision.")
    written = ops.restore(get_db(), slug, key, mid, body.get("revision"), body.get("base_revision"),
                          actor=actor, now=now())
    return _write(slug, key, written)


@bp.get("/api/v1/conferences/<slug>/key-messages")
def conference_messages(slug: str):
    """Every message of the conference in agenda order; `?status=agreed` for agreed ones only."""
    db = get_db()
    actor = _caller()
    conf = queries.conference(db, slug)
    wanted = request.args.get("status")
    if wanted not in (None, "agreed", "draft"):
        raise MinbarError("bad_request", "'status' must be agreed or draft.")
    drafts = wanted != "agreed" and policy.may(actor, "messages.read_drafts", slug, None)
    messages = [m for _item, ms in ops.by_session(db, conf, include_drafts=drafts) for m in ms]
    return jsonify([m for m in messages if wanted is None or m["status"] == wanted])


# -- the rapporteur console ------------------------------------------------------------------

def _group_label(group: str | None) -> str | None:
    return _(GROUP_LABELS[group]) if group in GROUP_LABELS else group


def _reference(db) -> tuple[dict, dict]:
    objectives = {n: i18n.pick(o.title, lang()) for n, o in sorted(queries.objectives(db).items())}
    principles = {p.key: i18n.pick(p.title, lang()) for p in queries.principles(db)}
    return objectives, {key: principles.get(key, key) for key in PRINCIPLES}


@bp.get("/conferences/<slug>/sessions/<key>/rapporteur")
def console(slug: str, key: str):
    """The rapporteur console: the session's rapporteur or an organiser (signed in with their link)."""
    db = get_db()
    actor = _caller()
    if actor.anonymous:
        raise MinbarError("unauthorized", "This page needs a rapporteur's access link.")
    conf = queries.conference(db, slug)
    item = queries.item(db, conf, key)
    if not policy.may(actor, "page.rapporteur", slug, key):
        raise MinbarError("forbidden", "This access link does not open this session's rapporteur console.")
    objectives, principles = _reference(db)
    config = {
        "conference": slug,
        "session": key,
        "api": f"/api/v1/conferences/{slug}/sessions/{key}/key-messages",
        "messages": ops.list_messages(db, slug, key, actor),
        "version": ops.version(db, conf.id, key),
        "me": actor.name or actor.role,
        "max_length": markup.MAX_LENGTH,
        "objectives": objectives,
        "principles": principles,
        "groups": {g: _(label) for g, label in GROUP_LABELS.items()},
        "slots": {s.key: {"role": i18n.pick(s.role, lang()),
                          "speaker": s.speaker.name if s.speaker else "",
                          "delegation": s.speaker.delegation if s.speaker else "",
                          "group": _group_label(s.speaker.group) if s.speaker else ""}
                  for s in item.slots},
        "strings": _console_strings(),
    }
    response = Response(render_template(
        "sessions/rapporteur.html", conference=conf, item=item, config=config, objectives=objectives,
        principles=principles, groups=config["groups"], presenters=presenters))
    response.headers["Cache-Control"] = "no-store"
    return response


def _console_strings() -> dict:
    """What the console's script says, translated; `{n}`-style placeholders are filled in JS."""
    return {
        "saving": _("Saving…"),
        "saved": _("Saved: revision %(n)s", n="{n}"),
        "pending": _("Not saved yet: your changes are kept on this device and will be sent when the connection is back."),
        "conflict": _("Another rapporteur saved this message first. Compare both texts and merge them; nothing has been lost."),
        "refused": _("Not saved: %(reason)s", reason="{reason}"),
        "newer": _("Revision %(n)s was saved by %(author)s while you were editing.", n="{n}", author="{author}"),
        "revision_line": _("Revision %(n)s, %(author)s, %(time)s", n="{n}", author="{author}", time="{time}"),
        "restore": _("Restore this revision"),
        "restored": _("Restored as a new revision."),
        "current": _("Current"),
        "connected": _("Connected"),
        "disconnected": _("Connection lost: reconnecting…"),
        "nobody": _("No one has the floor."),
        "no_messages": _("No key messages yet."),
        "field_errors": {
            "text": _("The text must not be empty and may have at most %(n)s characters.", n=markup.MAX_LENGTH),
            "objectives": _("Choose objectives from 1 to 23."),
            "principles": _("Choose guiding principles from the list."),
            "status": _("The status must be draft or agreed."),
            "group": _("The stakeholder group is not valid."),
        },
    }


# -- the outcome document --------------------------------------------------------------------

def _dates_label(conf, language: str) -> str:
    first, last = conf.first_day, conf.last_day
    if first is None:
        return ""
    if first == last:
        return i18n.fmt_date(first, language, "long")
    return format_interval(first, last, "yMMMd", locale=language)


def outcome_input(db, conf, language: str, include_drafts: bool) -> outcome.OutcomeInput:
    objectives = {n: i18n.pick(o.title, language) for n, o in queries.objectives(db).items()}
    principles = {p.key: i18n.pick(p.title, language) for p in queries.principles(db)}
    sessions = []
    for item, messages in ops.by_session(db, conf, include_drafts):
        when = f"{i18n.fmt_date(item.day, language, 'full')}, {presenters.time_range(item, language, conf.timezone)}"
        sessions.append(outcome.SessionBlock(
            id=item.key, title=i18n.pick(item.title, language), starts_label=when,
            messages=[outcome.MessageBlock(m["text"], tuple(m["objectives"]), tuple(m["principles"]),
                                           _group_label(m["group"]), m["status"]) for m in messages]))
    return outcome.OutcomeInput(
        conference_title=i18n.pick(conf.title, language), dates_label=_dates_label(conf, language),
        language=language, sessions=sessions, objective_titles=objectives, principle_titles=principles,
        labels={k: _(v) for k, v in OUTCOME_LABELS.items()}, include_drafts=include_drafts)


@bp.get("/conferences/<slug>/outcome.<fmt>")
def outcome_document(slug: str, fmt: str):
    """The outcome document; `?drafts=1` needs a signed-in caller who may read drafts."""
    if fmt not in ("html", "md", "docx"):
        raise MinbarError("not_found", "The outcome document comes as .html, .md or .docx.")
    db = get_db()
    conf = queries.conference(db, slug)
    drafts = request.args.get("drafts") in ("1", "true", "yes")
    if drafts:
        actor = _caller()
        if actor.anonymous:
            raise MinbarError("unauthorized", "The outcome with drafts needs a rapporteur's or organiser's access link.")
        if not policy.may(actor, "messages.read_drafts", slug, None):
            raise MinbarError("forbidden", "This access link does not show draft key messages.")
    language = lang()
    data = outcome_input(db, conf, language, drafts)
    tag = hashlib.sha256(f"{fmt}|{repr(data)}".encode()).hexdigest()[:32]
    if fmt == "html":
        document = outcome.build(data)
        response = Response(render_template(
            "sessions/outcome.html", conference=conf, fragment=outcome.to_html_fragment(document),
            drafts=drafts, title=data.conference_title))
    else:
        document = outcome.build(data)
        body = outcome.to_markdown(document).encode("utf-8") if fmt == "md" else outcome.to_docx(document)
        response = Response(body, mimetype=OUTCOME_FORMATS[fmt].split(";")[0])
        response.headers["Content-Type"] = OUTCOME_FORMATS[fmt]
        suffix = "-drafts" if drafts else ""
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-outcome-{language}{suffix}.{fmt}"'
    response.headers["Content-Language"] = language
    response.headers["Cache-Control"] = "private, no-store" if drafts else "no-cache"
    response.set_etag(tag)
    return response.make_conditional(request)


# -- presentation mode -----------------------------------------------------------------------

@bp.get("/conferences/<slug>/presentation")
def presentation_page(slug: str):
    """The projector view: drivers (signed in as the session's chair or rapporteur, or an
    organiser) page through the agreed messages; everyone else follows, read-only."""
    db = get_db()
    actor = _caller()
    conf = queries.conference(db, slug)
    key = request.args.get("session") or next(
        (i.key for i in queries.agenda(db, conf) if i.kind == "key_messages"), None)
    if not key or not live.ID.match(key):
        raise MinbarError("not_found", "This conference has no key-messages session to present.")
    item = queries.item(db, conf, key)
    moment = now()
    moved = ops.sync_presentations(db, conf, moment, also=key)
    db.commit()
    for session_key, state in moved:
        live.broadcast(slug, session_key, state)
    driver = policy.may(actor, "presentation.drive", slug, key)
    objectives, _principles = _reference(db)
    state = operations.current(db, slug, key, moment)
    titles = {i.key: i18n.pick(i.title, lang()) for i in queries.agenda(db, conf)}
    config = {
        "conference": slug,
        "session": key,
        "driver": driver,
        "api": f"/api/v1/conferences/{slug}/key-messages?status=agreed",
        "messages": ops.agreed_in_conference(db, conf),
        "digest": state["presentation"]["digest"],
        "presentation": state["presentation"],
        "titles": titles,
        "objectives": objectives,
        "strings": {
            "empty": _("No key message has been agreed yet."),
            "counter": _("%(n)s of %(count)s", n="{n}", count="{count}"),
            "objectives": _("Objectives"),
            "disconnected": _("Connection lost: reconnecting…"),
        },
    }
    response = Response(render_template("sessions/presentation.html", conference=conf, item=item,
                                        config=config, driver=driver))
    if driver:
        response.headers["Cache-Control"] = "no-store"
    return response
