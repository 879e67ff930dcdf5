"""Sign-in links: which page each role opens, and the links `minbar run` prints."""
from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import select

# The page each role lands on; {slug} and {session} are filled in.
ROLE_PAGES = {
    "chair": "/conferences/{slug}/sessions/{session}/console",
    "speaker": "/conferences/{slug}/sessions/{session}/stage",
    "interpreter": "/conferences/{slug}/sessions/{session}/booth",
    "rapporteur": "/conferences/{slug}/sessions/{session}/rapporteur",
    "participant": "/conferences/{slug}/sessions/{session}/live",
    "organiser": "/conferences/{slug}",
    "focal_point": "/conferences/{slug}/focal-point",
    # "translator": its page comes with the translation of key messages (issue 14); the agenda until then.
}


def link_for(base_url: str, slug: str, role: str, session: str | None, token: str) -> str:
    page = ROLE_PAGES.get(role, "/conferences/{slug}")
    if "{session}" in page and not session:     # a session's page, for a link bound to none
        page = "/conferences/{slug}"
    path = page.format(slug=quote(slug), session=quote(session or ""))
    return f"{base_url.rstrip('/')}{path}?token={quote(token)}"


def startup_links(db, conf, base_url: str) -> list[str]:
    """A chair link for each session with speakers, so a newcomer can open a console at once.

    Links are issued once and reused on later starts (the token is stored, not re-minted), so
    restarting the app does not pile up links.
    """
    from flask import current_app

    from sessions.models import AgendaItem
    from speakers import access
    from speakers.models import AccessToken
    from speakers.tokens import sign

    secret = current_app.config["SECRET_KEY"]
    now = current_app.extensions["minbar.clock"].now()
    lines = ["  Chair consoles (one link per session):"]
    items = db.scalars(select(AgendaItem).where(AgendaItem.conference_id == conf.id).order_by(AgendaItem.starts_at))
    for item in items:
        if not item.slots:
            continue
        row = db.scalar(select(AccessToken).where(
            AccessToken.conference_id == conf.id, AccessToken.role == "chair",
            AccessToken.session_key == item.key, AccessToken.name == "Minbar demo chair",
            AccessToken.revoked_at.is_(None)))
        token = sign(row.id, secret) if row else access.issue(
            db, conference=conf, role="chair", session=item.key, name="Minbar demo chair",
            now=now, secret=secret)[0]
        lines.append(f"    {item.key:<22} {link_for(base_url, conf.slug, 'chair', item.key, token)}")
    return lines
