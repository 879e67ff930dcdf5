"""Registration in a real browser, in Arabic, against a real server process and a real SMTP
server: a delegate fills the public form (no script needed) and sees the confirmation page,
confirms the e-mailed link, the secretariat approves in the workspace, and the participant link
that arrives signs the delegate in."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from conftest import ROOT, ServerProcess, free_port
from smtp_inbox import smtp_server

pytestmark = pytest.mark.browser

SLUG = "gcm-arab-2021"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def inbox():
    with smtp_server() as box:
        yield box


@pytest.fixture
def registration_server(server_env, inbox):
    from conference import queries
    from conference.db import Database
    from conference.registration import store

    env = {**server_env, "MINBAR_SMTP_URL": inbox.url, "MINBAR_REGISTRATION_MIN_FILL_S": "1"}
    database = Database(env["DATABASE_URL"])
    with database.session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=datetime(2021, 1, 1, tzinfo=timezone.utc),
                           closes_at=None, retention_days=30, now=datetime(2021, 1, 1, tzinfo=timezone.utc),
                           actor="test")
    database.engine.dispose()
    subprocess.run([sys.executable, "-m", "conference.cli", "organiser", "create", "secretariat@example.org",
                    "--conference", SLUG, "--password-stdin"], env=env, cwd=str(ROOT), check=True,
                   input=PASSWORD + "\n", capture_output=True, text=True)
    process = ServerProcess(env, free_port()).start()
    yield process
    process.stop()


def signed_in_secretariat(browser, server):
    """A new browser of the secretariat's, signed in on the Arabic sign-in page."""
    page = browser.new_context().new_page()
    page.goto(f"{server.url}/signin?lang=ar")
    page.fill("#email", "secretariat@example.org")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    expect(page.locator("form[action='/signout']")).to_be_visible()
    return page


def wait_for(inbox, n: int, page) -> None:
    for _ in range(100):
        if len(inbox.messages) >= n:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{n} message(s) expected, {len(inbox.messages)} arrived")


def test_a_delegate_registers_in_arabic_and_the_approved_link_signs_in(browser, registration_server, inbox,
                                                                       server_env):
    server = registration_server
    delegate = browser.new_context(java_script_enabled=False).new_page()   # the form needs no script
    delegate.goto(f"{server.url}/conferences/{SLUG}/register?lang=ar")
    expect(delegate.locator("html")).to_have_attribute("dir", "rtl")
    expect(delegate.locator("h1")).to_have_text("التسجيل في المؤتمر")
    delegate.fill("#r-name", "أميرة حداد")
    delegate.fill("#r-name_latin", "Amira Haddad")
    delegate.fill("#r-title", "معالي السيدة")
    delegate.fill("#r-function", "وزيرة العمل")
    delegate.select_option("#r-rank", "3")
    delegate.fill("#r-delegation", "لبنان")
    delegate.select_option("#r-group", "member_state")
    delegate.fill("#r-email", "amira@example.org")
    delegate.select_option("#r-language", "ar")
    delegate.select_option("#r-gender", "female")
    delegate.fill("#r-needs", "ترجمة نصية فورية")
    delegate.wait_for_timeout(1200)                    # a person takes more than the minimum fill time
    delegate.click("form.registration-form button[type=submit]")
    expect(delegate.locator("h1")).to_have_text("تحقّق من بريدك الإلكتروني")
    assert "amira@example.org" not in delegate.content()

    wait_for(inbox, 1, delegate)
    link = re.search(r"http://\S+confirmation_token=\S+", inbox.body(0)).group(0)
    assert "أميرة حداد" in inbox.body(0)
    delegate.goto(link)
    delegate.click("main form button[type=submit]")
    expect(delegate.locator("h1")).to_have_text("تم تأكيد تسجيلك")

    secretariat = signed_in_secretariat(browser, server)
    secretariat.goto(f"{server.url}/workspace/{SLUG}/registrations?lang=ar")
    row = secretariat.locator("#registrations tbody tr", has_text="Amira Haddad")
    expect(row).to_contain_text("بانتظار القرار")
    row.locator("input[name=ids]").check()
    with secretariat.expect_navigation():
        secretariat.click("button[name=decision][value=approve]")
    expect(secretariat.locator(".decision-results")).to_contain_text("تمت الموافقة")

    wait_for(inbox, 2, delegate)
    approval = inbox.messages[1]
    assert any(p.get_content_type() == "text/calendar" for p in approval.iter_attachments())
    participant_link = re.search(r"http://\S+\?token=\S+", inbox.body(1)).group(0)
    participant = browser.new_context().new_page()
    participant.goto(participant_link)
    assert "token=" not in participant.url                 # exchanged for the session, gone from the address
    expect(participant.locator("html")).to_have_attribute("dir", "rtl")
    assert "minbar_session" in [c["name"] for c in participant.context.cookies()]
    from sqlalchemy import select

    from conference.db import Database
    from speakers.models import AccessToken

    database = Database(server_env["DATABASE_URL"])
    with database.read_scope() as db:
        link = db.scalar(select(AccessToken).where(AccessToken.person_key == "amira-haddad"))
        assert link.role == "participant" and link.last_used_at is not None   # it signed in
    database.engine.dispose()
