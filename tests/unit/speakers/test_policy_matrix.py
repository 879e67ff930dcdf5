"""The whole "who may" matrix in one table: every role, bound to this session / to none / to
another session / to another conference, revoked, expired, and anonymous, against every action
of `speakers.policy.ACTIONS`. The pure part asks `policy.may`; revoked and expired links are
checked through the one resolver (`speakers.access`/`speakers.credentials`), which refuses them
before any identity exists, and through the per-command link check."""
from __future__ import annotations

from datetime import timedelta

import pytest

from conference.errors import MinbarError
from speakers import access, policy
from speakers.identity import ANONYMOUS, ROLES, Identity

CONF, SESSION, OTHER_SESSION = "gcm-arab-2021", "plenary-1", "plenary-2"
BOOTH, OTHER_BOOTH = "fr", "ar"
DELEGATION = "Jordan"      # a focal point's delegation; the delegation actions are asked about it

# `channel.booth` depends on the booth acted on: the link's own booth, and another one.
CHECKS = sorted([a for a in policy.ACTIONS if a != "channel.booth"] + ["channel.booth:own", "channel.booth:other"])
PUBLIC = {"page.stage", "page.live", "page.presentation", "channel.select", "registration.submit"}
DELEGATION_ACTIONS = {"speakers.inscribe", "registration.delegation"}
CHAIR = PUBLIC | {"speakers.read", "page.console", "timer.control", "slot.move", "message.send", "queue.manage",
                  "channel.clear_signals", "queue.request", "page.booth", "channel.floor", "speech_text.read",
                  "channel.booth:own", "channel.booth:other", "messages.read_drafts", "presentation.drive",
                  "page.actuals", "document.speakers"}
# An organiser's link: everything in its conference but the server's own action and what only an
# organiser account does (tests/workspace/test_policy_rows.py has the accounts' rows).
ACCOUNT_ONLY = {"account.sessions", "conference.create", "page.workspace_home"}
ORGANISER = set(CHECKS) - {"presentation.sync"} - ACCOUNT_ONLY

# (role, scope) -> what it may do in CONF/SESSION. Scopes: "this" (bound to SESSION), "none"
# (bound to no session), "other" (bound to OTHER_SESSION), "elsewhere" (another conference).
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("organiser", "none"): ORGANISER,
    ("organiser", "this"): ORGANISER,
    ("organiser", "other"): ORGANISER,          # an organiser acts in every session of its conference
    ("chair", "this"): CHAIR,
    ("chair", "none"): PUBLIC | {"queue.request", "page.actuals", "document.speakers"},   # (never issued: a chair names its session)
    ("chair", "other"): PUBLIC | {"page.actuals"},
    # Rapporteurs write the originals and, like translators, the versions in the other languages.
    ("rapporteur", "this"): PUBLIC | {"document.speakers", "page.rapporteur", "messages.write", "messages.translate",
                                      "messages.read_drafts", "presentation.drive", "queue.request"},
    ("rapporteur", "none"): PUBLIC | {"document.speakers", "page.rapporteur", "messages.write", "messages.translate",
                                      "messages.read_drafts", "presentation.drive", "queue.request"},
    ("rapporteur", "other"): PUBLIC | {"messages.read_drafts"},   # drafts of the whole conference
    ("interpreter", "this"): PUBLIC | {"document.speakers", "page.booth", "channel.floor", "channel.booth:own",
                                       "speech_text.read", "queue.request", "speakers.read"},
    ("interpreter", "none"): PUBLIC | {"document.speakers", "page.booth", "channel.floor", "channel.booth:own",
                                       "speech_text.read", "queue.request", "speakers.read"},
    ("interpreter", "other"): PUBLIC,            # issue 10, attack 3: nothing in another session
    ("speaker", "this"): PUBLIC | {"document.speakers", "page.speech_text", "speech_text.upload", "queue.request"},
    ("speaker", "none"): PUBLIC | {"document.speakers", "page.speech_text", "queue.request"},
    ("speaker", "other"): PUBLIC,
    ("participant", "this"): PUBLIC | {"document.speakers", "queue.request"},
    ("participant", "none"): PUBLIC | {"document.speakers", "queue.request"},
    ("participant", "other"): PUBLIC,
    # Translators work in the rapporteur console beside the rapporteurs, on the drafts they translate.
    ("translator", "this"): PUBLIC | {"document.speakers", "messages.translate", "page.rapporteur", "messages.read_drafts", "queue.request"},
    ("translator", "none"): PUBLIC | {"document.speakers", "messages.translate", "page.rapporteur", "messages.read_drafts", "queue.request"},
    ("translator", "other"): PUBLIC | {"messages.read_drafts"},   # drafts of the whole conference, as rapporteurs
    # A delegation's focal point: its own delegation's inscriptions and registrations, nothing else.
    ("focal_point", "this"): PUBLIC | {"document.speakers", "queue.request", "page.focal_point", "speakers.read"} | DELEGATION_ACTIONS,
    ("focal_point", "none"): PUBLIC | {"document.speakers", "queue.request", "page.focal_point", "speakers.read"} | DELEGATION_ACTIONS,
    ("focal_point", "other"): PUBLIC,
}
for _role in ROLES:
    EXPECTED[(_role, "elsewhere")] = PUBLIC


def identity(role: str, scope: str) -> Identity:
    session = {"this": SESSION, "none": None, "other": OTHER_SESSION, "elsewhere": SESSION}[scope]
    return Identity(role=role, conference="another-conference" if scope == "elsewhere" else CONF,
                    session=session, booth=BOOTH if role == "interpreter" else None,
                    token_id=f"{role}-{scope}", name=role, delegation=DELEGATION)


def allowed(who: Identity) -> set[str]:
    found = set()
    for check in CHECKS:
        action, _sep, booth = check.partition(":")
        context = {"booth": BOOTH if booth == "own" else OTHER_BOOTH} if booth else {}
        if action in DELEGATION_ACTIONS:
            context = {"delegation": DELEGATION}
        if policy.may(who, action, CONF, SESSION, **context):
            found.add(check)
    return found


def test_the_table_covers_every_role_scope_and_declared_action():
    assert {role for role, _scope in EXPECTED} == set(ROLES)
    assert all((role, scope) in EXPECTED for role in ROLES for scope in ("this", "none", "other", "elsewhere"))
    assert all(set(expected) <= set(CHECKS) for expected in EXPECTED.values())
    assert "translator" in ROLES and "messages.translate" in policy.ACTIONS


@pytest.mark.parametrize("role, scope", sorted(EXPECTED))
def test_matrix(role, scope):
    assert allowed(identity(role, scope)) == EXPECTED[(role, scope)]


def test_anonymous_may_only_what_is_public():
    assert allowed(ANONYMOUS) == PUBLIC


def test_only_the_server_keeps_presentations_in_step():
    system = Identity(role=policy.SYSTEM_ROLE, conference=CONF)
    assert allowed(system) == PUBLIC | {"presentation.sync"}
    assert not policy.may(Identity(role=policy.SYSTEM_ROLE, conference="another"), "presentation.sync", CONF, SESSION)


def test_a_speaker_naming_a_person_uploads_for_that_persons_slots_only():
    amal = Identity(role="speaker", conference=CONF, person="amal", token_id="t")
    assert policy.may(amal, "speech_text.upload", CONF, SESSION, speaker="amal")
    assert not policy.may(amal, "speech_text.upload", CONF, SESSION, speaker="omar")
    bound = Identity(role="speaker", conference=CONF, session=OTHER_SESSION, person="amal", token_id="t")
    assert not policy.may(bound, "speech_text.upload", CONF, SESSION, speaker="amal")


def test_a_focal_point_acts_for_its_own_delegation_only():
    focal = identity("focal_point", "none")
    for action in sorted(DELEGATION_ACTIONS):
        assert policy.may(focal, action, CONF, SESSION, delegation=DELEGATION)
        assert not policy.may(focal, action, CONF, SESSION, delegation="Lebanon")
        assert not policy.may(focal, action, CONF, SESSION)                      # no delegation named
        assert not policy.may(focal, action, "another-conference", SESSION, delegation=DELEGATION)
    nobodys = Identity(role="focal_point", conference=CONF, token_id="t")       # a link without a delegation
    assert not policy.may(nobodys, "speakers.inscribe", CONF, SESSION, delegation="")
    assert not policy.may(nobodys, "page.focal_point", CONF)
    for role in ROLES:
        if role not in ("organiser", "focal_point"):
            assert not policy.may(identity(role, "this"), "speakers.inscribe", CONF, SESSION, delegation=DELEGATION)
            assert not policy.may(identity(role, "this"), "registration.delegation", CONF, delegation=DELEGATION)
    assert not policy.may(focal, "workspace.speakers", CONF, SESSION)


def test_drafts_of_the_whole_conference_are_not_a_chairs():
    chair = identity("chair", "this")
    assert policy.may(chair, "messages.read_drafts", CONF, SESSION)
    assert not policy.may(chair, "messages.read_drafts", CONF, None)
    assert policy.may(identity("rapporteur", "other"), "messages.read_drafts", CONF, None)


def test_require_says_unauthorized_to_nobody_and_forbidden_to_a_link():
    with pytest.raises(MinbarError) as nobody:
        policy.require(ANONYMOUS, "timer.control", CONF, SESSION)
    with pytest.raises(MinbarError) as someone:
        policy.require(identity("participant", "this"), "timer.control", CONF, SESSION)
    assert (nobody.value.code, someone.value.code) == ("unauthorized", "forbidden")
    policy.require(identity("chair", "this"), "timer.control", CONF, SESSION)


def test_an_undeclared_action_is_a_programming_error():
    with pytest.raises(KeyError):
        policy.may(identity("organiser", "none"), "timer.explode", CONF, SESSION)


# -- revoked and expired: refused by the resolver, whatever the role ---------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", ["revoked", "expired"])
def test_a_stopped_link_gives_no_identity_and_its_commands_are_refused(loaded_app, clock, role, state):
    from conference import queries

    secret = loaded_app.config["SECRET_KEY"]
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, CONF)
        token, row = access.issue(db, conference=conf, role=role, session=SESSION, now=clock.now(), secret=secret,
                                  booth=BOOTH if role == "interpreter" else None,
                                  expires_at=clock.now() + timedelta(hours=1))
        link_id = row.id
        assert access.resolve(db, token, secret, clock.now()).role == role   # works until it stops
        if state == "revoked":
            access.revoke(db, token, secret, clock.now())
    if state == "expired":
        clock.advance(3600)          # the expiry instant itself is already too late
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        for attempt in (lambda: access.resolve(db, token, secret, clock.now()),
                        lambda: access.resolve_id(db, link_id, clock.now()),
                        lambda: access.check_link(db, link_id, clock.now())):
            with pytest.raises(MinbarError) as refused:
                attempt()
            assert refused.value.code == "unauthorized"
        assert access.revoked_among(db, [link_id], clock.now()) == [link_id]
    # What a transport is left with is nobody: every non-public action is refused as unauthorized.
    assert allowed(ANONYMOUS) == PUBLIC
