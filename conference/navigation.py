"""The header of every page (templates/_macros/navigation.html): the conference, its agenda,
what is running now (with "follow live") and next, and the views the signed-in person may open.

The data comes from one context processor, `navigation`, so views do not gather it. Who is
signed in is `flask.g.identity` (resolved once per request by `speakers.credentials`); a page
that resolved its own link passes its `identity` to `views()`. Whether a view is offered is
asked of the one policy, `speakers.policy.may`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from flask import Blueprint, current_app, g, request, url_for

from conference import presenters, queries
from conference.errors import MinbarError
from conference.i18n import N_
from conference.web import _, get_db, now
from speakers import policy

bp = Blueprint("navigation", __name__)

# Items nobody runs from a console have no live view to follow.
NOT_LIVE = frozenset({"break", "registration"})

# The views a person may be offered: (name, policy action, endpoint, label). Stage and participant
# views are open to everyone and reached from the "now" line; these need a role.
VIEWS = (
    ("console", "page.console", "sessions.console", N_("Console")),
    ("booth", "page.booth", "booth_views.booth", N_("Booth")),
    ("rapporteur", "page.rapporteur", "rapporteur_console.console", N_("Rapporteur")),
)
def _url(endpoint: str, **values) -> str | None:
    """The URL of `endpoint`, or None where the app has no such page."""
    return url_for(endpoint, **values) if endpoint in current_app.view_functions else None


@dataclass
class Navigation:
    """What the header shows; computed only when a template asks."""

    slug: str | None
    session_key: str | None

    @cached_property
    def conference(self):
        if not self.slug:
            return None
        try:
            return queries.conference(get_db(), self.slug)
        except MinbarError:
            return None

    @cached_property
    def _items(self) -> list:
        return queries.agenda(get_db(), self.conference) if self.conference is not None else []

    @cached_property
    def now(self):
        """The item running now (one that runs from a console before a break at the same time)."""
        moment = now()
        running = [i for i in self._items if i.starts_at <= moment < i.ends_at]
        running.sort(key=lambda i: i.kind in NOT_LIVE)
        return running[0] if running else None

    @cached_property
    def next(self):
        key = presenters.next_item_key(self._items, now())
        return next((i for i in self._items if i.key == key), None)

    @property
    def agenda_url(self) -> str | None:
        return url_for("conference.agenda", slug=self.slug) if self.conference is not None else None

    def follow_url(self, item) -> str | None:
        if item is None or item.kind in NOT_LIVE:
            return None
        return _url("sessions.live", slug=self.slug, key=item.key)

    @property
    def outcome_url(self) -> str | None:
        return _url("outcome_views.outcome_document", slug=self.slug, fmt="html") if self.conference is not None else None

    def views(self, identity=None) -> list[dict]:
        """The role views `identity` (default: the request's) may open, for this page's session
        or else the one running now."""
        identity = identity if identity is not None else g.get("identity")
        conf = self.conference
        key = self.session_key or (self.now.key if self.now is not None and self.now.kind not in NOT_LIVE else None)
        if conf is None or key is None:
            return []
        offered = []
        for name, action, endpoint, label in VIEWS:
            if endpoint not in current_app.view_functions or not policy.may(identity, action, conf.slug, key):
                continue
            offered.append({"name": name, "label": _(label), "url": url_for(endpoint, slug=conf.slug, key=key),
                            "current": request.endpoint == endpoint})
        return offered


@bp.app_context_processor
def navigation() -> dict:
    args = request.view_args or {}
    slug = args.get("slug") or current_app.config.get("DEFAULT_CONFERENCE")
    return {"navigation": Navigation(slug=slug, session_key=args.get("key"))}
