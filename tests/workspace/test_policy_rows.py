"""The organiser rows of the policy for the workspace's actions: an organiser of this conference
(a link or a signed-in account granted it) may; an organiser of another conference, an account
not granted it, any other role of this conference and anonymous viewers may not."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from speakers import organisers, policy
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

SLUG = "gcm-arab-2021"
WORKSPACE = sorted(a for a in policy.ACTIONS if a.startswith("workspace.") or a == "page.workspace")
NOW = datetime(2021, 2, 1, tzinfo=timezone.utc)


def account(*slugs, everything=False):
    return OrganiserAccount(id=7, email="sec@example.org", name="", password_hash="x",
                            conferences=list(slugs), all_conferences=everything, created_at=NOW)


ALLOWED = {
    "organiser link of this conference": Identity(role="organiser", conference=SLUG, token_id="t1"),
    "account granted this conference": organisers.identity_for(account(SLUG), SLUG),
    "account granted every conference": organisers.identity_for(account(everything=True), SLUG),
}
REFUSED = {
    "organiser link of another conference": Identity(role="organiser", conference="other", token_id="t2"),
    "account granted another conference": organisers.identity_for(account("other"), SLUG),
    "chair of this conference": Identity(role="chair", conference=SLUG, session="plenary-1", token_id="t3"),
    "participant of this conference": Identity(role="participant", conference=SLUG, token_id="t4"),
    "rapporteur of this conference": Identity(role="rapporteur", conference=SLUG, token_id="t5"),
    "anonymous": ANONYMOUS,
}


def test_the_workspace_actions_are_declared():
    assert WORKSPACE == ["page.workspace", "workspace.audit", "workspace.balance", "workspace.conferences",
                         "workspace.links", "workspace.people", "workspace.schedule"]


@pytest.mark.parametrize("action", WORKSPACE)
@pytest.mark.parametrize("who", sorted(ALLOWED))
def test_organisers_of_this_conference_may(action, who):
    assert policy.may(ALLOWED[who], action, SLUG)


@pytest.mark.parametrize("action", WORKSPACE)
@pytest.mark.parametrize("who", sorted(REFUSED))
def test_everyone_else_may_not(action, who):
    assert not policy.may(REFUSED[who], action, SLUG)
