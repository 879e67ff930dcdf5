"""The one authorisation step of every HTTP route: parse, authorise, process (Indico's `RH` order).

    @bp.get("/api/v1/conferences/<slug>/links")
    @guarded("workspace.links", load=conference)
    def links(slug, access): ...

1. **Parse**: `load(**route arguments)` turns the route's arguments into a `Scope`: what the
   policy is asked about (the conference's slug, the session's id, an action's context such as a
   booth or a slot's speaker) and what was loaded to find it (the conference, the session...).
   Something unknown is `not_found` (404) here, before anyone is asked anything.
2. **Authorise**: `speakers.policy.may(caller, action, slug, session, **context)`, asked once.
   Refused: `unauthorized` (401) for nobody signed in, `forbidden` (403) for a link that may
   not; the API answers them as JSON and pages as their error page (`conference.app`), or
   `otherwise(caller)` answers instead (the workspace sends a signed-out visitor to /signin).
   `action` may be a function of the scope, for a route whose action depends on what it is
   asked (`?drafts=1`; a key message's own language): it answers None when nothing is guarded.
3. **Process**: the view runs with `access` (an `Access`: the caller, the scope, and `may()` for
   what the page offers or shows, asked of the same policy and never a refusal).

A route with nothing to guard says so with `@public`. Every view function of the app carries
one or the other (tests/http/test_guarded_routes.py walks `app.url_map`); operations never
authorise, and no code outside `speakers/policy.py` compares roles.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

from flask import g

from conference import queries
from conference.errors import MinbarError
from conference.web import get_db
from speakers import policy
from speakers.identity import ANONYMOUS, Identity

PUBLIC = "public"   # the mark of a route with nothing to guard


@dataclass(frozen=True)
class Scope:
    """What a route is about: `slug`/`session`/`context` for the policy, and what was loaded."""

    slug: str | None
    conference: object = None          # conference.models.Conference, when it exists
    item: object = None                # sessions.models.AgendaItem, when the route names a session
    context: dict = field(default_factory=dict)
    loaded: dict = field(default_factory=dict)   # anything else the load found (a slot...)

    @property
    def session(self) -> str | None:
        return self.item.key if self.item is not None else self.loaded.get("session")


@dataclass(frozen=True)
class Access:
    """The authorised request: who asks (`who`), about what (`scope`), under which `action`."""

    who: Identity
    scope: Scope
    action: str | None

    @property
    def conference(self):
        return self.scope.conference

    @property
    def item(self):
        return self.scope.item

    def may(self, action: str, **context) -> bool:
        """What the page may offer or show this caller (a button, drafts): never a refusal."""
        return policy.may(self.who, action, self.scope.slug, self.scope.session, **{**self.scope.context, **context})


def caller() -> Identity:
    """The request's caller, resolved once by `speakers.credentials` (ANONYMOUS without one)."""
    return g.get("identity") or ANONYMOUS


def refusal(who: Identity, action: str) -> MinbarError:
    if who is None or who.anonymous:
        return MinbarError("unauthorized", "This needs a sign-in link.")
    return MinbarError("forbidden", f"Your access link does not allow this: {policy.ACTIONS[action]}.")


# -- loads: the route's arguments, parsed ----------------------------------------------------

def conference(slug: str, **_rest) -> Scope:
    """`<slug>`: the conference (404 when unknown)."""
    return Scope(slug, queries.conference(get_db(), slug))


def session(slug: str, key: str, **_rest) -> Scope:
    """`<slug>` and `<key>`: the conference and its session (404 for either unknown)."""
    db = get_db()
    conf = queries.conference(db, slug)
    return Scope(slug, conf, queries.item(db, conf, key))


def nothing(**_rest) -> Scope:
    """A route about no conference."""
    return Scope(None)


# -- the decorators --------------------------------------------------------------------------

def guarded(action: str | Callable[[Scope], str | None] | None, load: Callable[..., Scope] = conference, *,
            otherwise: Callable[[Identity], object] | None = None):
    """Parse with `load`, ask `speakers.policy` about `action` once, then run the view with `access`."""
    if isinstance(action, str) and action not in policy.ACTIONS:
        raise KeyError(f"undeclared action {action!r}")

    def decorate(view):
        @functools.wraps(view)
        def guard(**args):
            scope = load(**args)
            who = caller()
            wanted = action(scope) if callable(action) else action
            if wanted is not None and not policy.may(who, wanted, scope.slug, scope.session, **scope.context):
                answer = otherwise(who) if otherwise is not None else None
                if answer is not None:
                    return answer
                raise refusal(who, wanted)
            return view(access=Access(who, scope, wanted), **args)

        guard.minbar_guard = PUBLIC if action is None else action if isinstance(action, str) else action.__name__
        return guard

    return decorate


def public(view=None, *, load: Callable[..., Scope] | None = None):
    """The route has nothing to guard: its answer is the same for everyone, or it is the way in.
    With `load` (`@public(load=session)`), the route is open to all but what it shows depends on
    the caller (drafts): the view runs with `access` and reads `access.may`."""
    if view is None:
        return guarded(None, load=load or conference)
    view.minbar_guard = PUBLIC
    return view


def guard_of(view) -> str | None:
    """The route's guard: an action, the name of the function choosing one, PUBLIC, or None."""
    return getattr(view, "minbar_guard", None)
