"""The organiser rows of the policy for the workspace's actions: an organiser of this conference
(a link or a signed-in account granted it) may; an organiser of another conference, an account
not granted it, any other role of this conference and anonymous viewers may not. And the rows of
what only an organiser account does (import a conference, open the workspace's home): every
account, whatever it was granted; never a link, not even an organiser's."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from speakers import organisers, policy
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

SLUG = "gcm-arab-2021"
WORKSPACE = sorted(a for a in policy.ACTIONS if a.startswith("workspace.") or a == "page.workspace")
ACCOUNT_ONLY = ["account.sessions", "conference.create", "page.workspace_home"]
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
    "focal point of this conference": Identity(role="focal_point", conference=SLUG, delegation="Jordan", token_id="t6"),
    "anonymous": ANONYMOUS,
}


def test_the_workspace_actions_are_declared():
    assert WORKSPACE == ["page.workspace", "workspace.audit", "workspace.balance", "workspace.conferences",
                         "workspace.links", "workspace.participants", "workspace.people", "workspace.schedule",
                         "workspace.speakers"]


@pytest.mark.parametrize("action", WORKSPACE)
@pytest.mark.parametrize("who", sorted(ALLOWED))
def test_organisers_of_this_conference_may(action, who):
    assert policy.may(ALLOWED[who], action, SLUG)


@pytest.mark.parametrize("action", WORKSPACE)
@pytest.mark.parametrize("who", sorted(REFUSED))
def test_everyone_else_may_not(action, who):
    assert not policy.may(REFUSED[who], action, SLUG)


def test_the_account_actions_are_declared():
    assert sorted(a for a in policy.ACTIONS if a in ACCOUNT_ONLY) == ACCOUNT_ONLY


ACCOUNTS = {
    "account granted this conference": account(SLUG),
    "account granted every conference": account(everything=True),
    "account granted another conference": account("other"),
    "account granted nothing": account(),
}


@pytest.mark.parametrize("action", ACCOUNT_ONLY)
@pytest.mark.parametrize("who", sorted(ACCOUNTS))
@pytest.mark.parametrize("slug", [SLUG, "a-new-one", None])
def test_every_organiser_account_imports_and_opens_the_home_whatever_it_was_granted(action, who, slug):
    """A new conference is nobody's yet: the account's grants do not decide (the account then
    organises what it imported). The home lists what the account organises."""
    assert policy.may(organisers.identity_for(ACCOUNTS[who], slug), action, slug)


@pytest.mark.parametrize("action", ACCOUNT_ONLY)
@pytest.mark.parametrize("who", sorted(k for k in {**REFUSED, **ALLOWED} if not k.startswith("account")))
@pytest.mark.parametrize("slug", [SLUG, "a-new-one"])
def test_links_never_import_nor_open_the_home(action, who, slug):
    """A link is scoped to a conference that exists; an organiser's link too."""
    who = {**REFUSED, **ALLOWED}[who]
    assert not policy.may(who, action, slug)


# -- registration: anyone registers; only the conference's organisers decide -------------------

@pytest.mark.parametrize("who", sorted(ALLOWED))
def test_organisers_of_this_conference_decide_registrations(who):
    assert policy.may(ALLOWED[who], "registration.decide", SLUG)


@pytest.mark.parametrize("who", sorted(REFUSED))
def test_no_one_else_decides_registrations(who):
    assert not policy.may(REFUSED[who], "registration.decide", SLUG)


@pytest.mark.parametrize("who", sorted(ALLOWED) + sorted(REFUSED))
def test_everyone_may_register(who):
    assert policy.may({**ALLOWED, **REFUSED}[who], "registration.submit", SLUG)
