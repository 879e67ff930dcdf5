"""An organiser ends a session they do not recognise, in a real browser: signed in on two
browsers, the first opens "Your open sessions" from the workspace, ends the other one, and the
other browser is sent back to the sign-in form at its next page."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.test_workspace import SLUG, organiser, sign_in  # noqa: F401  (organiser: the fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_end_another_browsers_session_from_the_sessions_page(browser, server, organiser, lang):  # noqa: F811
    mine, other = browser.new_context(), browser.new_context(user_agent="Laptop of the secretariat")
    page, stolen = mine.new_page(), other.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    sign_in(stolen, server, organiser, lang)
    sign_in(page, server, organiser, lang)

    page.goto(f"{server.url}/workspace?lang={lang}")
    page.click("a[href='/workspace/sessions']")
    rows = page.locator("tr[data-session]")
    expect(rows).to_have_count(2)
    expect(page.locator("td", has_text="Laptop of the secretariat")).to_be_visible()
    page.locator("tr", has_text="Laptop of the secretariat").locator("button[type=submit]").click()
    expect(rows).to_have_count(1)

    stolen.goto(f"{server.url}/workspace/{SLUG}?lang={lang}")
    expect(stolen.locator("#password")).to_be_visible()          # back at the sign-in form
    page.goto(f"{server.url}/workspace/{SLUG}?lang={lang}")        # this browser stays signed in
    expect(page.locator("#people-heading")).to_be_visible()
    expect(page.locator("#password")).to_have_count(0)
    assert violations == []
    mine.close()
    other.close()
