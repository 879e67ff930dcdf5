"""Who is acting: the identity a sign-in link (or its absence) gives a connection or request."""
from __future__ import annotations

from dataclasses import dataclass

ROLES = ("organiser", "chair", "rapporteur", "interpreter", "speaker", "participant", "translator", "focal_point")
SESSION_ROLES = ("chair", "rapporteur", "speaker")   # roles that a link may bind to one session
# What a link of a role is made of (checked when one is issued); who may do what is speakers.policy's.
NAMED_SESSION_ROLES = ("chair",)     # a link that must name its session
BOOTH_ROLES = ("interpreter",)       # a link bound to a booth, which it must name


def needs_session(role: str) -> bool:
    return role in NAMED_SESSION_ROLES


def binds_booth(role: str) -> bool:
    return role in BOOTH_ROLES


@dataclass(frozen=True)
class Identity:
    role: str                       # one of ROLES, or "anonymous"
    conference: str | None = None   # conference slug the link is scoped to
    session: str | None = None      # session id for session-scoped links
    name: str = ""
    delegation: str = ""
    group: str = "other"
    language: str | None = None
    booth: str | None = None        # an interpreter's booth language
    token_id: str | None = None     # the link's id (jti); None for anonymous viewers
    person: str | None = None       # a Person key when the link names one

    @property
    def anonymous(self) -> bool:
        return self.token_id is None

    @property
    def key(self) -> str:
        """A stable key for this participant across reconnects (queue requester, listener)."""
        return f"token:{self.token_id}" if self.token_id else "anonymous"

    @property
    def label(self) -> str:
        """How the event log names the actor."""
        who = self.name or self.role
        return f"{self.role}:{who}" + (f" [{self.token_id}]" if self.token_id else "")


ANONYMOUS = Identity(role="anonymous")
