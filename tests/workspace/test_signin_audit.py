"""Sign-ins in the audit log: an organiser's sign-in, refusal and sign-out, a link exchanged for a
session; each in the right conference's log (page and CSV), never a password or a token, and
bounded whatever an attacker sends."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import text

from conference import queries
from conference.workspace import operations
from speakers import access, sign_in_audit

from .conftest import PASSWORD, SLUG, csrf_of

OTHER = "other-2022"
WRONG = "Tr0ub4dor&3 not it"


@pytest.fixture
def two_conferences(loaded_app):
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        operations.clone_conference(db, conf, slug=OTHER, first_day=date(2022, 3, 1), now=conf.modified_at,
                                    actor="test", instance=None)


@pytest.fixture
def audit_csv(client, issue_token, two_conferences):
    """audit_csv(slug) -> the rows of that conference's audit log as CSV, `access.` actions only."""
    tokens = {slug: issue_token("organiser", conference=slug) for slug in (SLUG, OTHER)}

    def rows(slug: str) -> list[dict]:
        response = client.get(f"/api/v1/conferences/{slug}/audit?format=csv&action=access",
                              headers={"Authorization": f"Bearer {tokens[slug]}"})
        assert response.status_code == 200
        rows.text[slug] = response.get_data(as_text=True)
        return list(csv.DictReader(io.StringIO(rows.text[slug].lstrip("\ufeff"))))

    rows.text = {}
    return rows


def stored(loaded_app) -> str:
    """Every row of the event log, as text."""
    with loaded_app.extensions["minbar.db"].engine.connect() as connection:
        return "\n".join(repr(tuple(row)) for row in connection.execute(text("SELECT * FROM event_log")))


def sign_in(client, email, password, address="10.1.1.1"):
    return client.post("/signin", data={"email": email, "password": password, "csrf_token": csrf_of(client)},
                       environ_base={"REMOTE_ADDR": address})


def test_an_organisers_refusal_sign_in_and_sign_out_are_in_their_conferences_log_only(
        loaded_app, account, audit_csv):
    email = account("sec@example.org", conferences=(SLUG,))
    account("else@example.org", conferences=(OTHER,))
    browser = loaded_app.test_client()
    assert sign_in(browser, email, WRONG).status_code == 401
    assert sign_in(browser, email, PASSWORD).status_code == 303
    csrf = csrf_of(browser, "/workspace")
    assert browser.post("/signout", data={"csrf_token": csrf}).status_code == 303

    rows = audit_csv(SLUG)
    assert [(r["action"], r["target"]) for r in rows] == [
        ("access.refused", "account:sec@example.org"),
        ("access.signin", "account:sec@example.org"),
        ("access.signout", "account:sec@example.org")]
    assert '"reason": "wrong_password"' in rows[0]["after"] and '"address": "10.1.1.1"' in rows[0]["after"]
    assert rows[1]["actor"].startswith("organiser:sec@example.org [account:")
    assert audit_csv(OTHER) == []
    for secret in (PASSWORD, WRONG):
        assert secret not in audit_csv.text[SLUG] and secret not in stored(loaded_app)


def test_a_refusal_for_no_account_goes_to_every_conference_without_what_was_typed_unless_an_email(
        loaded_app, account, audit_csv):
    account("sec@example.org", conferences=(SLUG,))
    visitor = loaded_app.test_client()
    assert sign_in(visitor, "nobody@example.org", WRONG).status_code == 401
    assert sign_in(visitor, PASSWORD, WRONG).status_code == 401      # a password typed into the e-mail field
    for slug in (SLUG, OTHER):
        rows = audit_csv(slug)
        assert [(r["action"], r["target"]) for r in rows] == [
            ("access.refused", "account:nobody@example.org"),
            ("access.refused", f"account:{sign_in_audit.NOT_AN_EMAIL}")]
        assert all('"reason": "unknown_account"' in r["after"] and r["actor"] == "anonymous" for r in rows)
        assert PASSWORD not in audit_csv.text[slug] and WRONG not in audit_csv.text[slug]
    assert PASSWORD not in stored(loaded_app) and WRONG not in stored(loaded_app)


def test_throttled_attempts_leave_one_note_not_a_row_each(loaded_app, account, audit_csv):
    email = account("sec@example.org", conferences=(SLUG,))
    attacker = loaded_app.test_client()
    statuses = [sign_in(attacker, email, f"{WRONG} {n}").status_code for n in range(30)]
    assert statuses == [401] * 5 + [429] * 25
    actions = [r["action"] for r in audit_csv(SLUG)]
    assert actions == ["access.refused"] * 5 + ["access.throttled"]


def test_a_flood_of_refusals_from_many_addresses_is_cut_short(loaded_app, audit_csv, monkeypatch):
    monkeypatch.setattr(sign_in_audit, "MAX_REFUSALS_LOGGED", 3)
    attacker = loaded_app.test_client()
    statuses = [sign_in(attacker, f"x{n}@example.org", WRONG, address=f"10.2.0.{n}").status_code
                for n in range(8)]
    assert statuses == [401] * 8
    rows = audit_csv(SLUG)
    assert [r["action"] for r in rows] == ["access.refused"] * 3 + ["access.flood"]
    assert "x3@example.org" not in audit_csv.text[SLUG]


def test_a_link_exchanged_for_a_session_is_recorded_by_its_id_never_its_token(
        loaded_app, issue_token, audit_csv, clock):
    token = issue_token("chair", "plenary-1", name="Chair Amira")
    link_id = access.link_id_of(token, loaded_app.config["SECRET_KEY"])
    browser = loaded_app.test_client()
    assert browser.get(f"/conferences/{SLUG}?token={token}").status_code == 303
    assert browser.get(f"/conferences/{SLUG}/sessions/plenary-1/console?token={token}").status_code == 303
    rows = audit_csv(SLUG)
    assert [(r["action"], r["target"], r["session"]) for r in rows] == [("access.link", f"link:{link_id}", "plenary-1")]
    assert '"role": "chair"' in rows[0]["after"] and '"name": "Chair Amira"' in rows[0]["after"]
    clock.advance(61)
    assert browser.get(f"/conferences/{SLUG}?token={token}").status_code == 303
    assert browser.post("/signout").status_code == 303
    rows = audit_csv(SLUG)
    assert [(r["action"], r["target"]) for r in rows] == [
        ("access.link", f"link:{link_id}"), ("access.link", f"link:{link_id}"), ("access.signout", f"link:{link_id}")]
    assert audit_csv(OTHER) == []
    assert token not in audit_csv.text[SLUG] and token not in stored(loaded_app)


def test_a_browser_with_nothing_signed_in_signs_out_unrecorded(loaded_app, audit_csv):
    assert loaded_app.test_client().post("/signout").status_code == 303
    assert audit_csv(SLUG) == [] and audit_csv(OTHER) == []


@pytest.mark.parametrize("language, signed_in, refused", [
    ("en", "Organiser signed in", "Sign-in refused (wrong password)"),
    ("fr", "Connexion d’un organisateur", "Connexion refusée (mot de passe erroné)"),
    ("ar", "تسجيل دخول منظِّم", "رُفض تسجيل الدخول (كلمة مرور خاطئة)"),
])
def test_the_audit_page_names_sign_ins_in_each_language(loaded_app, account, language, signed_in, refused):
    email = account()
    browser = loaded_app.test_client()
    sign_in(browser, email, WRONG)
    sign_in(browser, email, PASSWORD)
    page = browser.get(f"/workspace/{SLUG}/audit?lang={language}").get_data(as_text=True)
    assert "<code>access.signin</code><br>" + signed_in in page
    assert "<code>access.refused</code><br>" + refused in page
    assert PASSWORD not in page and WRONG not in page
