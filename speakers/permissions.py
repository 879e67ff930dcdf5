"""One place for "who may": predicates over an identity and a session id.

A session-scoped link (a chair's, a rapporteur's, a speaker's) acts only in its own session; an
organiser acts everywhere in their conference. Every check also requires the identity's
conference to be the session's conference.
"""
from __future__ import annotations

from speakers.identity import Identity


def _in_conference(identity: Identity, conference: str) -> bool:
    return identity.conference == conference


def _scoped(identity: Identity, role: str, conference: str, session: str) -> bool:
    return (identity.role == role and _in_conference(identity, conference)
            and identity.session in (None, session))


def is_organiser(identity: Identity, conference: str) -> bool:
    return identity.role == "organiser" and _in_conference(identity, conference)


def chairs(identity: Identity, conference: str, session: str) -> bool:
    """The session's chair (or an organiser standing in): runs timers, slots, the queue."""
    if is_organiser(identity, conference):
        return True
    return identity.role == "chair" and _in_conference(identity, conference) and identity.session == session


def can_control_timer(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session)


def can_move_slot(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session)


def can_manage_queue(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session)


def can_request_floor(identity: Identity, conference: str, session: str) -> bool:
    """Anyone with a link in this conference may ask for the floor; anonymous viewers may not."""
    return not identity.anonymous and _in_conference(identity, conference) and identity.session in (None, session)


def can_set_floor(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session) or (
        identity.role == "interpreter" and _in_conference(identity, conference))


def can_switch_booth(identity: Identity, conference: str, session: str, booth: str) -> bool:
    if chairs(identity, conference, session):
        return True
    return identity.role == "interpreter" and _in_conference(identity, conference) and identity.booth == booth


def can_write_key_messages(identity: Identity, conference: str, session: str) -> bool:
    return is_organiser(identity, conference) or _scoped(identity, "rapporteur", conference, session)


def translates(identity: Identity, conference: str, session: str | None) -> bool:
    """A translator of the conference (a link for one session acts only there)."""
    return identity.role == "translator" and _in_conference(identity, conference) and (
        identity.session is None or identity.session == session)


def can_translate_key_messages(identity: Identity, conference: str, session: str) -> bool:
    """Action "messages.translate": write a key message's versions in other languages (not the
    original, and so never agree an original): translators, the session's rapporteur, organisers."""
    return can_write_key_messages(identity, conference, session) or translates(identity, conference, session)


def can_open_rapporteur_console(identity: Identity, conference: str, session: str) -> bool:
    """Action "page.rapporteur": the console is shared by the session's rapporteurs and translators."""
    return can_translate_key_messages(identity, conference, session)


def can_see_speech_texts(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session) or (
        identity.role == "interpreter" and _in_conference(identity, conference))


def can_message_speaker(identity: Identity, conference: str, session: str) -> bool:
    return chairs(identity, conference, session)


def can_read_draft_key_messages(identity: Identity, conference: str, session: str | None) -> bool:
    """Drafts are working text: the conference's rapporteurs, the session's chair, organisers.
    `session` None asks for the whole conference (the outcome document with drafts): no chair."""
    if is_organiser(identity, conference) or (identity.role == "rapporteur" and _in_conference(identity, conference)):
        return True
    if identity.role == "translator" and _in_conference(identity, conference):
        return True
    return session is not None and chairs(identity, conference, session)


def can_drive_presentation(identity: Identity, conference: str, session: str) -> bool:
    """The projector view of the key messages: the session's chair or rapporteur, organisers."""
    return chairs(identity, conference, session) or _scoped(identity, "rapporteur", conference, session)


def can_upload_speech_text(identity: Identity, conference: str, session: str,
                           speaker: str | None = None) -> bool:
    """A statement's text, in advance, for the interpreters: an organiser, or a speaker's link for
    this session. A link that names a person may upload only for that person's slots (`speaker`
    is the slot speaker's person key, None while TBD); such a link needs no session."""
    if is_organiser(identity, conference):
        return True
    if identity.role != "speaker" or not _in_conference(identity, conference):
        return False
    if identity.person is not None and speaker is not None:
        return identity.person == speaker and identity.session in (None, session)
    return identity.session == session
