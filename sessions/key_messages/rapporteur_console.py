"""The rapporteur console: the session's live state beside its key messages, for the session's
rapporteurs (who write the originals) and translators (who write the versions in the other
languages), side by side and live (static/js/rapporteur.js)."""
from __future__ import annotations

from flask import Blueprint, Response, render_template

from conference import i18n, presenters
from conference.guard import guarded, session
from conference.web import _, get_db, lang
from sessions.key_messages import ops
from sessions.key_messages import markup
from sessions.key_messages.rapporteur_views import GROUP_LABELS, LANGUAGE_LABELS, group_label, reference

bp = Blueprint("rapporteur_console", __name__)


@bp.get("/conferences/<slug>/sessions/<key>/rapporteur")
@guarded("page.rapporteur", load=session)
def console(slug: str, key: str, access):
    """The rapporteur console: the session's rapporteurs and translators, an organiser."""
    db, conf, item, actor = get_db(), access.conference, access.item, access.who
    objectives, principles = reference(db)
    languages = list(conf.languages or i18n.LANGUAGES)
    config = {
        "conference": slug,
        "session": key,
        "api": f"/api/v1/conferences/{slug}/sessions/{key}/key-messages",
        "can_write": access.may("messages.write"),
        "can_translate": access.may("messages.translate"),
        "languages": languages,
        "language_names": {code: _(LANGUAGE_LABELS[code]) for code in languages if code in LANGUAGE_LABELS},
        "directions": {code: i18n.direction(code) for code in languages},
        "my_language": actor.language if actor.language in languages else None,
        "timezone": conf.timezone,
        "lang": lang(),
        "messages": ops.list_messages(db, slug, key, drafts=access.may("messages.read_drafts")),
        "version": ops.version(db, conf.id, key),
        "me": actor.name or actor.role,
        "max_length": markup.MAX_LENGTH,
        "objectives": objectives,
        "principles": principles,
        "groups": {g: _(label) for g, label in GROUP_LABELS.items()},
        "slots": {s.key: {"role": i18n.pick(s.role, lang()),
                          "speaker": s.speaker.name_in(lang()) if s.speaker else "",
                          "delegation": s.speaker.delegation if s.speaker else "",
                          "group": group_label(s.speaker.group) if s.speaker else ""}
                  for s in item.slots},
        "strings": _console_strings(),
    }
    response = Response(render_template(
        "sessions/rapporteur.html", conference=conf, item=item, config=config, objectives=objectives,
        principles=principles, groups=config["groups"], presenters=presenters))
    response.headers["Cache-Control"] = "no-store"
    return response


def _console_strings() -> dict:
    """What the console's script says, translated; `%(n)s` placeholders are left for the page's
    scripts to fill (Minbar.fill in static/js/live-rules.js, the one fill of the house)."""
    return {
        "saving": _("Saving…"),
        "saved": _("Saved: revision %(n)s"),
        "pending": _("Not saved yet: your changes are kept on this device and will be sent when the connection is back."),
        "conflict": _("Another rapporteur saved this message first. Compare both texts and merge them; nothing has been lost."),
        "refused": _("Not saved: %(reason)s"),
        "newer": _("Revision %(n)s was saved by %(author)s while you were editing."),
        "revision_line": _("Revision %(n)s, %(author)s, %(time)s"),
        "restore": _("Restore this revision"),
        "restored": _("Restored as a new revision."),
        "current": _("Current"),
        "connected": _("Connected"),
        "disconnected": _("Connection lost: reconnecting…"),
        "nobody": _("No one has the floor."),
        "no_messages": _("No key messages yet."),
        "original": _("Original (%(name)s)"),
        "version": _("Version — %(name)s"),
        "translations": _("Versions in the other languages"),
        "missing": _("Not translated yet"),
        "out_of_date": _("Out of date: the original changed after this version was made"),
        "version_conflict": _("Someone else saved this version first. Compare both texts and merge them; nothing has been lost."),
        "days": _("%(d)s d %(h)s h"),
        "hours": _("%(h)s h %(m)s min"),
        "field_errors": {
            "text": _("The text must not be empty and may have at most %(n)s characters.", n=markup.MAX_LENGTH),
            "objectives": _("Choose objectives from 1 to 23."),
            "principles": _("Choose guiding principles from the list."),
            "status": _("The status must be draft or agreed."),
            "group": _("The stakeholder group is not valid."),
            "order": _("The order must name each key message of the session once."),
        },
        # A refusal without a field, by its code; any other is shown in the server's English.
        "errors": {
            "not_found": _("This key message no longer exists."),
            "forbidden": _("Your access link does not allow this page."),
            "unauthorized": _("This page needs a valid access link. Ask the secretariat for yours."),
        },
    }
