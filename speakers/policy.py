"""The one answer to "who may": `may(identity, action, conference, session=None, **context)`.

Pages, the HTTP API and every Socket.IO family ask this module and nothing else: every HTTP
route through its guard (`conference.guard`), every live family through its `authorise`. No other
module compares roles (tests/http/test_guarded_routes.py). An action is a named string declared
in `ACTIONS`; asking about an undeclared one is a programming error.

Scopes (docs/security.md has the table per role):
- every right is inside the identity's own conference; an organiser has them all there;
- a link bound to a session (chair, rapporteur, speaker, participant, interpreter, translator)
  acts only in that session; a link without a session acts in every session of its conference
  where its role allows (a chair's link always names its session);
- an interpreter's booth actions also need the link's booth to be the booth acted on;
- a focal point acts for its own delegation only (the link's `delegation`, the context's).

Revoked and expired links never reach this module: `speakers.credentials` refuses them before
an identity exists, and every live command re-reads its link's row (`speakers.access.check_link`).
Pure: no Flask, no database.
"""
from __future__ import annotations

from conference.errors import MinbarError
from speakers.identity import ROLES, Identity

SYSTEM_ROLE = "system"   # the server itself (e.g. keeping presentation views in step); never a link

# Every action, with what it lets one do. Keep docs/security.md's table in step (a test checks).
ACTIONS: dict[str, str] = {
    # pages
    "page.console": "open the chair console of a session",
    "page.stage": "open the stage view of a session",
    "page.live": "open the participant live view of a session",
    "page.booth": "open the interpreter booth view of a session",
    "page.rapporteur": "open the rapporteur console of a session",
    "page.speech_text": "open the speech-text upload form of a session",
    "page.actuals": "read planned versus actual (page and CSV) of the conference",
    "page.presentation": "open the presentation view of the key messages",
    "document.speakers": "download the list of speakers of a session (PDF, Word)",
    # running a session (Socket.IO)
    "timer.control": "start, pause, resume, adjust the speaker timer",
    "slot.move": "move to the next, previous or any slot",
    "message.send": "send a message to the speaker on the stage",
    "queue.manage": "manage the open-discussion queue (give the floor, reorder, close)",
    "queue.request": "ask for the floor, withdraw the request",
    "channel.select": "choose a listening channel",
    "channel.floor": "set the floor language",
    "channel.booth": "switch a booth, signal slow-down, record a handover (context: booth)",
    "channel.clear_signals": "clear any booth's slow-down signal",
    "presentation.drive": "page through the agreed key messages on the projector",
    "presentation.sync": "keep presentation views in step with the agreed messages (the server only)",
    # key messages and speech texts (HTTP)
    "messages.write": "write, reorder and restore the session's key messages",
    "messages.read_drafts": "read draft key messages and their history",
    "messages.translate": "edit the translations of key messages (not agree originals)",
    "speech_text.upload": "upload a statement's text in advance (context: speaker, the slot's person)",
    "speech_text.read": "read the speech texts of a session",
    # the list of speakers (HTTP)
    "page.focal_point": "open the focal point page of one's delegation",
    "speakers.inscribe": "inscribe a speaker of one's delegation on a session's list of speakers (context: delegation)",
    "speakers.read": "read a session's list of speakers, its status and revision",
    "registration.delegation": "read the registrations of one's own delegation (context: delegation)",
    # the secretariat's workspace (organisers only)
    "page.workspace": "open the workspace pages of the conference",
    "workspace.people": "add and edit people; name interpreters of a booth",
    "workspace.schedule": "move and resize sessions, assign speakers, chairs and rapporteurs, reorder slots",
    "workspace.links": "issue, list, revoke and e-mail access links",
    "workspace.audit": "read and export the audit log",
    "workspace.balance": "read and export the balance of speaking time",
    "workspace.conferences": "export the agenda file, clone the conference",
    "workspace.speakers": "manage lists of speakers: inscription times, confirm, move, merge, withdraw; name focal points",
    # registration of participants
    "registration.submit": "register for the conference on its public form or API, confirm one's e-mail",
    "registration.decide": "list registrations, approve or decline them, set the registration dates",
    "workspace.participants": "download the list of participants (PDF, Word, CSV)",
    # organiser accounts (signed in with a password; a link is scoped to a conference that exists)
    "page.workspace_home": "open the workspace's list of one's conferences (an organiser account)",
    "conference.create": "import a new conference from an agenda file (an organiser account)",
    "account.sessions": "list and end one's own signed-in sessions (an organiser account)",
}

# Actions open to everyone, anonymous viewers included.
PUBLIC = frozenset({"page.stage", "page.live", "page.presentation", "channel.select", "registration.submit"})


def _in(identity: Identity, conference: str | None) -> bool:
    return not identity.anonymous and conference is not None and identity.conference == conference


def _bound(identity: Identity, session: str | None) -> bool:
    """The link acts in `session`: bound to it, or bound to none."""
    return identity.session is None or identity.session == session


def _account(identity: Identity) -> bool:
    """An organiser account signed in with its password (`speakers.organisers.identity_for`)."""
    return identity.role == "organiser" and (identity.token_id or "").startswith("account:")


def _organiser(identity: Identity, conference: str) -> bool:
    return identity.role == "organiser" and _in(identity, conference)


def _chair(identity: Identity, conference: str, session: str | None) -> bool:
    return (identity.role == "chair" and _in(identity, conference) and session is not None
            and identity.session == session)


def _role_here(identity: Identity, role: str, conference: str, session: str | None) -> bool:
    return identity.role == role and _in(identity, conference) and _bound(identity, session)


def _interpreter(identity: Identity, conference: str, session: str | None) -> bool:
    return _role_here(identity, "interpreter", conference, session) and session is not None


def _rapporteur(identity: Identity, conference: str, session: str | None) -> bool:
    return _role_here(identity, "rapporteur", conference, session) and session is not None


def _translator(identity: Identity, conference: str, session: str | None) -> bool:
    return _role_here(identity, "translator", conference, session) and session is not None


def _upload(identity: Identity, conference: str, session: str | None, speaker: str | None = None) -> bool:
    if identity.role != "speaker" or not _in(identity, conference) or session is None:
        return False
    if identity.person is not None and speaker is not None:
        return identity.person == speaker and _bound(identity, session)
    return identity.session == session


def _focal_point(identity: Identity, conference: str, session: str | None, delegation) -> bool:
    """A delegation's focal point, acting for that delegation (`delegation`, the context's)."""
    return (_role_here(identity, "focal_point", conference, session) and bool(identity.delegation)
            and isinstance(delegation, str) and identity.delegation == delegation)


def _decide(identity: Identity, action: str, conference: str, session: str | None, context: dict) -> bool:
    if action in PUBLIC:
        return True
    if action == "presentation.sync":
        return identity.role == SYSTEM_ROLE and identity.conference == conference
    if action in ("conference.create", "page.workspace_home", "account.sessions"):
        # Not scoped to `conference`: a new one is nobody's yet, and an account is not a link.
        return _account(identity)
    if _organiser(identity, conference):
        return True
    chair = _chair(identity, conference, session)
    if action in ("page.console", "timer.control", "slot.move", "message.send", "queue.manage",
                  "channel.clear_signals"):
        return chair
    if action == "queue.request":
        return _in(identity, conference) and session is not None and _bound(identity, session) \
            and identity.role != SYSTEM_ROLE
    if action in ("page.booth", "channel.floor", "speech_text.read"):
        return chair or _interpreter(identity, conference, session)
    if action == "channel.booth":
        return chair or (_interpreter(identity, conference, session) and identity.booth == context.get("booth"))
    if action == "messages.write":
        return _rapporteur(identity, conference, session)
    if action == "page.rapporteur":
        # The console is shared: rapporteurs write the originals, translators their versions.
        return _rapporteur(identity, conference, session) or _translator(identity, conference, session)
    if action == "messages.read_drafts":
        # Drafts are working text: the conference's rapporteurs and translators, the session's
        # chair. `session` None asks for the whole conference (the outcome with drafts): no chair then.
        return (identity.role in ("rapporteur", "translator") and _in(identity, conference)) or chair
    if action == "messages.translate":
        # Versions in the other languages: translators, and the rapporteurs who write the originals.
        return _role_here(identity, "translator", conference, session) or _rapporteur(identity, conference, session)
    if action == "presentation.drive":
        return chair or _rapporteur(identity, conference, session)
    if action == "page.speech_text":
        return _role_here(identity, "speaker", conference, session) and session is not None
    if action == "speech_text.upload":
        return _upload(identity, conference, session, context.get("speaker"))
    if action == "page.focal_point":
        return _role_here(identity, "focal_point", conference, session) and bool(identity.delegation)
    if action in ("speakers.inscribe", "registration.delegation"):
        return _focal_point(identity, conference, session, context.get("delegation"))
    if action == "speakers.read":
        return (chair or _interpreter(identity, conference, session)
                or (_role_here(identity, "focal_point", conference, session) and session is not None))
    if action == "document.speakers":
        # The list delegations and interpreters receive: every link whose scope covers the session.
        return in_scope(identity, conference, session) and session is not None and identity.role != SYSTEM_ROLE
    if action == "page.actuals":
        return identity.role == "chair" and _in(identity, conference)
    if action == "registration.decide":
        return False                      # organisers only (decided above)
    if action == "page.workspace" or action.startswith("workspace."):
        return False                      # organisers only (decided above)
    raise AssertionError(f"action {action!r} is declared but not decided")   # pragma: no cover


def in_scope(identity: Identity, conference: str, session: str | None) -> bool:
    """Whether the link's scope covers this session at all (its conference; its session unless it
    is an organiser's or bound to none). A public page shows a link outside its scope as a viewer."""
    return _in(identity, conference) and (identity.role == "organiser" or _bound(identity, session))


def may(identity: Identity, action: str, conference: str, session: str | None = None, **context) -> bool:
    """May `identity` do `action` in `conference` (a slug), in `session` (a session id) when the
    action is about one? `context` carries what some actions depend on (`booth`, `speaker`)."""
    if action not in ACTIONS:
        raise KeyError(f"undeclared action {action!r}")
    if identity is None:
        return False
    return _decide(identity, action, conference, session, context)


def require(identity: Identity, action: str, conference: str, session: str | None = None, **context) -> None:
    """`may`, or raise: `unauthorized` for an anonymous caller, `forbidden` for a signed-in one."""
    if may(identity, action, conference, session, **context):
        return
    if identity is None or identity.anonymous:
        raise MinbarError("unauthorized", "This needs a sign-in link.")
    raise MinbarError("forbidden", "Your link does not allow this here.")


__all__ = ["ACTIONS", "PUBLIC", "ROLES", "SYSTEM_ROLE", "in_scope", "may", "require"]
