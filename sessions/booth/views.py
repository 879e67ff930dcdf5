"""The interpreter booth view and speech texts (HTTP).

| route | who | |
|---|---|---|
| `GET /conferences/<slug>/sessions/<id>/booth` | an interpreter (their link's booth; an interpreter link without a booth, the chair and organisers pick one with `&booth=LANG`) | the booth view |
| `GET|POST /conferences/<slug>/sessions/<id>/speech-text` | a speaker of the session, an organiser | the upload form |
| `PUT /api/v1/conferences/<slug>/sessions/<id>/slots/<slot>/speech-text` | `Authorization: Bearer` (or the session cookie): a speaker of the session, an organiser | stores a new revision |
| `GET` the same | interpreters, the session's chair, organisers | the latest revision, with its text |
| `GET /api/v1/conferences/<slug>/sessions/<id>/speech-texts` | the same readers | which slots have a text (no text) |

Views are thin: each route's guard (`conference.guard`) loads the session (and the slot or the
booth) and asks `speakers.policy`; the view calls `sessions.booth.speech_texts` or `sessions.live.pages`
and renders. The booth view's live part is the `channel` family
(`sessions.live.channels_live`) over Socket.IO, from static/js/booth.js.
"""
from __future__ import annotations

from babel import Locale
from flask import Blueprint, current_app, jsonify, render_template, request

from conference import guard, i18n
from conference.errors import MinbarError
from conference.guard import guarded
from conference.web import N_, _, get_db, lang, now
from sessions.live import channels_live, channels_state
from sessions.live import pages as live_pages
from sessions.booth import speech_texts

bp = Blueprint("booth_views", __name__)

API = "/api/v1/conferences/<slug>/sessions/<key>"


# -- strings the channel scripts need, translated on the server --------------------------------

CHANNEL_LABELS = {
    "heading_panel": N_("Interpretation channels"),
    "floor_channel": N_("Floor (original speech)"),
    "floor_language": N_("Floor language"),
    "set_floor": N_("Set the floor language"),
    "source_agenda": N_("From the agenda"),
    "source_slot": N_("Set from the speaker's declared language"),
    "source_intervention": N_("Set from the language of the delegate given the floor"),
    "source_manual": N_("Changed by hand"),
    "mode_floor": N_("Resting: its language is on the floor"),
    "mode_direct": N_("Direct from %(language)s"),
    "mode_relay": N_("Relay via the %(booth_name)s booth"),
    "mode_unavailable": N_("No path: this channel is silent"),
    "booth_off": N_("Booth off"),
    "booth_on": N_("Booth on"),
    "switch_off": N_("Switch the booth off"),
    "switch_on": N_("Switch the booth on"),
    "listeners": N_("Listeners"),
    "col_channel": N_("Language channel"),
    "col_mode": N_("What it carries now"),
    "col_switch": N_("Booth switch"),
    "no_warnings": N_("Every channel has a path."),
    "warn_no_path": N_("The %(booth_name)s booth cannot work from %(floor_name)s, directly or through relay: its channel is silent."),
    "warn_relay_source_off": N_("The %(booth_name)s booth is off, and these channels need its relay: %(channels)s."),
    "warn_next_no_path": N_("If the next speaker speaks %(language)s, the %(booth_name)s booth will have no path, directly or through relay."),
    "slowdown": N_("The %(booth_name)s booth asks the speaker to slow down."),
    "dismiss": N_("Dismiss the signal"),
    "picker_heading": N_("Listening channel"),
    "picker_intro": N_("Choose what you hear: the floor as spoken, or an interpretation."),
    "picker_remembered": N_("Your choice is remembered in this browser."),
    "picker_floor_now": N_("Original speech, now in %(language)s"),
    "picker_floor": N_("The speaker is using this language: you hear them directly"),
    "picker_direct": N_("Interpreted directly from %(language)s"),
    "picker_relay": N_("Interpreted by relay, via %(language)s"),
    "picker_unavailable": N_("Not available at the moment"),
    "listen": N_("Open this channel on the media platform"),
    "turn_none": N_("No turn started yet"),
    "turn_left": N_("%(time)s left in this turn"),
    "turn_over": N_("Turn over by %(time)s: time to hand over"),
    "turn_by": N_("On duty: %(name)s"),
    "handed_over": N_("Handover recorded; the turn timer restarted."),
    "slowdown_sent": N_("Sent: the chair and the stage see your request for 20 seconds."),
    "no_text": N_("No speech text was provided for this slot."),
    "text_of": N_("Speech text for: %(slot)s"),
    "text_revision": N_("Revision %(revision)s, uploaded by %(name)s"),
    "intervention": N_("Intervention from the floor"),
    "nobody_next": N_("Nobody else is listed."),
}


def language_names(ui: str, codes) -> tuple[dict, dict]:
    """Each language's name in the reader's language: standalone (capitalised, for a button) and
    inline (as it reads in a sentence: French names are lower-case)."""
    names = Locale.parse(ui).languages
    inline = {code: names.get(code, code) for code in codes}
    return {code: name[:1].upper() + name[1:] for code, name in inline.items()}, inline


@bp.app_template_global("channel_texts")
def channel_texts(codes=i18n.LANGUAGES) -> dict:
    """What the channel panel, the channel picker and the booth view need in the page's language."""
    standalone, inline = language_names(lang(), codes)
    return {"labels": {name: _(text) for name, text in CHANNEL_LABELS.items()},
            "names": standalone, "names_inline": inline}


# -- what the routes are about -------------------------------------------------------------------

def _speaker_key(slot) -> str | None:
    return slot.speaker.key if slot.speaker is not None else None


def slot_scope(slug: str, key: str, slot: str, **_rest) -> guard.Scope:
    """`<slot>` of the session (404 when unknown); the policy's context is the slot's speaker."""
    scope = guard.session(slug, key)
    found = speech_texts.find_slot(scope.item, slot)
    return guard.Scope(slug, scope.conference, scope.item, {"speaker": _speaker_key(found)}, {"slot": found})


def booth_scope(slug: str, key: str, **_rest) -> guard.Scope:
    """The booth a booth view shows: the link's own booth when it is bound to one (an interpreter's),
    else `?booth=LANG`, else the first; 404 when the conference has no such booth."""
    scope = guard.session(slug, key)
    languages = [b["language"] for b in scope.conference.booths or ()]
    chosen = guard.caller().booth or request.args.get("booth") or (languages[0] if languages else None)
    if chosen not in languages:
        raise MinbarError("not_found", f"There is no '{chosen}' booth in this conference.")
    return guard.Scope(slug, scope.conference, scope.item, {"booth": chosen})


def _request_text():
    """The text of a PUT: JSON {"text": ...} or a text/plain body (UTF-8)."""
    if (request.content_length or 0) > speech_texts.MAX_CHARS * 4 + 1024:
        raise MinbarError("bad_request", f"The text is too long: at most {speech_texts.MAX_CHARS} characters.")
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or "text" not in body:
            raise MinbarError("bad_request", "Send a JSON object with 'text'.")
        return body["text"]
    if request.mimetype == "text/plain":
        try:
            return request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
        except (UnicodeDecodeError, LookupError):
            raise MinbarError("bad_request", "The text is not valid UTF-8.") from None
    raise MinbarError("bad_request", "Send the text as JSON {\"text\": ...} or as text/plain.")


# -- the speech-text API -------------------------------------------------------------------------

@bp.put(API + "/slots/<slot>/speech-text")
@guarded("speech_text.upload", load=slot_scope)
def put_speech_text(slug: str, key: str, slot: str, access):
    """Store a new revision of the slot's text; answers 200 with its details (not the text)."""
    db = get_db()
    row = speech_texts.save(db, access.conference, access.item, access.scope.loaded["slot"].key, _request_text(),
                            access.who, now())
    db.commit()
    return jsonify(speech_texts.to_contract(row, with_text=False))


@bp.get(API + "/slots/<slot>/speech-text")
@guarded("speech_text.read", load=slot_scope)
def get_speech_text(slug: str, key: str, slot: str, access):
    """The slot's latest text: interpreters, the session's chair and organisers only. A slot with
    no text yet answers 204 (the booth asks at every slot change; having none is no error); an
    unknown session or slot is 404."""
    row = speech_texts.latest(get_db(), access.conference, access.scope.loaded["slot"].key)
    if row is None:
        return "", 204
    return jsonify(speech_texts.to_contract(row))


@bp.get(API + "/speech-texts")
@guarded("speech_text.read", load=guard.session)
def list_speech_texts(slug: str, key: str, access):
    """Which slots of the session have a text, in slot order (details only, no text)."""
    item = access.item
    rows = speech_texts.latest_for_session(get_db(), access.conference, item)
    return jsonify({"texts": [speech_texts.to_contract(rows[s.key], with_text=False)
                              for s in item.slots if s.key in rows]})


# -- the upload form -----------------------------------------------------------------------------

@bp.route("/conferences/<slug>/sessions/<key>/speech-text", methods=["GET", "POST"])
@guarded("page.speech_text", load=guard.session)
def speech_text_form(slug: str, key: str, access):
    """A form to upload a statement's text (works without JavaScript)."""
    db, conf, item, who = get_db(), access.conference, access.item, access.who
    slots = [s for s in item.slots if access.may("speech_text.upload", speaker=_speaker_key(s))]
    if not slots:
        raise MinbarError("forbidden", "This link may not upload a text for any slot of this session.")
    chosen, text, saved, error, status = request.values.get("slot") or slots[0].key, "", None, None, 200
    if request.method == "POST":
        text = request.form.get("text", "")
        slot = next((s for s in slots if s.key == chosen), None)
        reason = "slot" if slot is None else speech_texts.problem(text)
        if reason is None:
            saved = speech_texts.save(db, conf, item, slot.key, text, who, now())
            db.commit()
            text = ""
        else:
            error, status = _(FORM_ERRORS.get(reason, FORM_ERRORS["other"]), max=speech_texts.MAX_CHARS), 400
    existing = speech_texts.latest_for_session(db, conf, item)
    response = current_app.make_response((render_template(
        "sessions/speech_text.html", conference=conf, item=item, identity=who, slots=slots,
        chosen=chosen, text=text, saved=saved, error=error, existing=existing,
        max_chars=speech_texts.MAX_CHARS,
        show_text=access.may("speech_text.read")), status))
    response.headers["Cache-Control"] = "no-store"
    return response


FORM_ERRORS = {
    "slot": N_("Choose a slot of this session."),
    "empty": N_("The text is empty."),
    "too_long": N_("The text is too long: at most %(max)s characters."),
    "other": N_("The text could not be saved. Check it and try again."),
}


# -- the booth view ------------------------------------------------------------------------------

@bp.get("/conferences/<slug>/sessions/<key>/booth")
@guarded("page.booth", load=booth_scope)
def booth(slug: str, key: str, access):
    """The interpreter booth view: floor and mode, who speaks now and next, the speech text,
    slow-down, the booth switch and the turn timer. Follows the session live (static/js/booth.js)."""
    page = live_pages.build(access)
    conf, item = page.conference, page.item
    booths = list(conf.booths or ())
    languages = [b["language"] for b in booths]
    chosen = access.scope.context["booth"]
    db = get_db()
    texts = speech_texts.latest_for_session(db, conf, item)
    current_text = texts.get(page.state.get("slot"))
    channels = page.state["channels"]
    mine = next(b for b in channels["booths"] if b["language"] == chosen)
    texts_ui = channel_texts(tuple(dict.fromkeys([*conf.languages, *languages])))
    page.config.update({
        "booth": chosen,
        "booths": [{"language": b["language"], "sources": list(b.get("sources", ())),
                    "listen_url": b.get("listen_url", "")} for b in booths],
        "languages": list(conf.languages),
        "can_floor": access.may("channel.floor"),
        "can_switch": access.may("channel.booth"),
        "turn_s": channels_live.TURN_S,
        "slowdown_s": channels_state.SLOWDOWN_S,
        "texts": {k: speech_texts.to_contract(v, with_text=False) for k, v in texts.items()},
        "speech_text_url": f"/api/v1/conferences/{slug}/sessions/{key}/slots/__slot__/speech-text",
        "channels": texts_ui,
    })
    return live_pages.render("sessions/booth.html", page, booth=chosen, mine=mine, channels=channels,
                             current_text=current_text, channel_ui=texts_ui, booth_languages=languages,
                             pinned=bool(access.who.booth),
                             conference_languages=list(conf.languages),
                             speakers_list=current_list(db, conf, item))


def current_list(db, conf, item) -> dict | None:
    """The session's list of speakers as it stands now (its current revision), for the booth."""
    from sessions.speakers_list import api as speakers_api, operations as speakers_ops

    row = speakers_ops.get_list(db, conf, item)
    return None if row is None else speakers_api.list_json(db, conf, item, row, now())
