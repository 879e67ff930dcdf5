"""The secretariat's workspace in a real browser, in Arabic and in English: sign in, fill a TBD,
reorder the speakers of a session, revoke a link."""
from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from conftest import ROOT

pytestmark = pytest.mark.browser

SLUG = "gcm-arab-2021"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def organiser(server_env):
    email = "secretariat@example.org"
    subprocess.run([sys.executable, "-m", "conference.cli", "organiser", "create", email, "--conference", SLUG,
                    "--password-stdin"], env=server_env, cwd=str(ROOT), check=True, input=PASSWORD + "\n",
                   capture_output=True, text=True)
    return email


def sign_in(page, server, email, lang):
    page.goto(f"{server.url}/signin?lang={lang}")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    expect(page.locator("form[action='/signout']")).to_be_visible()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_fill_a_tbd_reorder_speakers_and_revoke_a_link(page, server, organiser, server_token, lang):
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace/{SLUG}?lang={lang}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")

    # A person, then the TBD of plenary 1's first State filled with them.
    page.fill("#p-key", "amira")
    page.fill("#p-name-ar", "أميرة")
    page.fill("#p-name-en", "Amira")
    page.fill("#p-name-fr", "Amira")
    page.select_option("#p-group", "member_state")
    with page.expect_navigation():
        page.click("#add-person button[type=submit]")
    expect(page.locator("tr[data-person=amira]")).to_be_visible()
    slot = page.locator("li[data-slot=plenary-1-state-a]")
    slot.locator("select[name=speaker]").select_option("amira")
    with page.expect_navigation():
        slot.locator("button[type=submit]").click()
    expect(page.locator("li[data-slot=plenary-1-state-a] select[name=speaker]")).to_have_value("amira")

    # Reorder: State B moves up, before State A.
    with page.expect_navigation():
        page.locator("li[data-slot=plenary-1-state-b] button.move-up").click()
    expect(page.locator("#session-plenary-1 li.slot").first).to_have_attribute("data-slot", "plenary-1-state-b")

    # A refusal is shown with its reason, and changes nothing.
    page.goto(f"{server.url}/workspace/{SLUG}/schedule?lang={lang}")
    row = page.locator("tr[data-session=plenary-1]")
    row.locator("input[name=ends_at]").fill("2021-02-24T12:30")
    row.locator("button[type=submit]").click()
    expect(page.locator("#workspace-status")).to_contain_text({"ar": "تتداخل", "en": "overlaps"}[lang])

    # Revoke a link: the list says so, and the link no longer opens its page.
    chair = server_token("chair", "plenary-1", name="Chair One")
    page.goto(f"{server.url}/workspace/{SLUG}/links?lang={lang}")
    link_row = page.locator("#links tbody tr", has_text="Chair One")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        link_row.locator("button.revoke").click()
    expect(page.locator("#links tbody tr.revoked", has_text="Chair One")).to_be_visible()
    response = page.request.get(f"{server.url}/conferences/{SLUG}/actuals?token={chair}")
    assert response.status == 401


def test_name_a_rapporteur_and_clone_the_conference(page, server, organiser):
    sign_in(page, server, organiser, "en")
    page.goto(f"{server.url}/workspace/{SLUG}?lang=en")
    with page.expect_navigation():
        page.locator("#session-plenary-1 select[name=rapporteurs]").select_option("dg-iom")
        page.locator("#session-plenary-1 form:has(select[name=rapporteurs]) button").click()
    expect(page.locator("#session-plenary-1 select[name=rapporteurs]")).to_have_value("dg-iom")
    page.goto(f"{server.url}/workspace?lang=en")
    page.fill(f"#clone-slug-{SLUG}", "gcm-arab-2022")
    page.fill(f"#clone-day-{SLUG}", "2022-07-06")
    page.once("dialog", lambda dialog: dialog.accept())    # "Create a new conference as a copy…?"
    with page.expect_navigation():
        page.click(f"form:has(#clone-slug-{SLUG}) button")
    expect(page.locator("a[href='/workspace/gcm-arab-2022']")).to_be_visible()
