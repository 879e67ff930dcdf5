"""The list of speakers end to end in a real browser, in Arabic, against a real server process and
a real SMTP server: a delegate registers and confirms the e-mailed link, the secretariat approves
in the workspace and the participant link signs in; the secretariat names the delegate focal
point of her delegation and opens inscription; the focal point (no script needed) inscribes a
head of delegation and then herself, a minister; the secretariat confirms the list; the console
and the stage show the minister first, and the session's calendar carries the new speakers with a
higher SEQUENCE."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.live_views import SESSION, open_page
from browser.test_registration import (  # noqa: F401 (fixtures)
    inbox, registration_server, signed_in_secretariat, wait_for)

pytestmark = pytest.mark.browser

SLUG = "gcm-arab-2021"
MINISTER, HEAD = "أميرة حداد", "سامي خوري"


def sequence(page, server) -> int:
    ics = page.request.get(f"{server.url}/conferences/{SLUG}/sessions/{SESSION}.ics?lang=ar").text()
    return int(re.search(r"^SEQUENCE:(\d+)", ics, re.M).group(1)), ics


def register_and_approve(browser, server, inbox):
    delegate = browser.new_context(java_script_enabled=False).new_page()
    delegate.goto(f"{server.url}/conferences/{SLUG}/register?lang=ar")
    delegate.fill("#r-name", MINISTER)
    delegate.fill("#r-name_latin", "Amira Haddad")
    delegate.fill("#r-function", "وزيرة العمل")
    delegate.select_option("#r-rank", "3")                   # a minister
    delegate.fill("#r-delegation", "لبنان")
    delegate.select_option("#r-group", "member_state")
    delegate.fill("#r-email", "amira@example.org")
    delegate.select_option("#r-language", "ar")
    delegate.wait_for_timeout(1200)
    delegate.click("form.registration-form button[type=submit]")
    wait_for(inbox, 1, delegate)
    delegate.goto(re.search(r"http://\S+confirmation_token=\S+", inbox.body(0)).group(0))
    delegate.click("main form button[type=submit]")
    expect(delegate.locator("h1")).to_have_text("تم تأكيد تسجيلك")

    secretariat = signed_in_secretariat(browser, server)
    secretariat.goto(f"{server.url}/workspace/{SLUG}/registrations?lang=ar")
    row = secretariat.locator("#registrations tbody tr", has_text="Amira Haddad")
    row.locator("input[name=ids]").check()
    with secretariat.expect_navigation():
        secretariat.click("button[name=decision][value=approve]")
    wait_for(inbox, 2, delegate)
    participant = browser.new_context().new_page()
    participant.goto(re.search(r"http://\S+\?token=\S+", inbox.body(1)).group(0))
    assert "token=" not in participant.url
    expect(participant.locator("html")).to_have_attribute("dir", "rtl")
    return secretariat


def test_a_focal_point_inscribes_and_the_confirmed_list_reaches_console_stage_and_calendar(
        browser, registration_server, inbox, server_token):
    server = registration_server
    secretariat = register_and_approve(browser, server, inbox)

    # The secretariat opens inscription for plenary 1 on its page, and names the delegate focal point.
    secretariat.goto(f"{server.url}/workspace/{SLUG}/speakers?lang=ar")
    expect(secretariat.locator("html")).to_have_attribute("dir", "rtl")
    session = secretariat.locator(f"section[data-session='{SESSION}']")
    session.locator(f"#opens-{SESSION}").fill("2021-02-20T08:00")
    session.locator(f"#closes-{SESSION}").fill("2021-02-24T11:45")
    with secretariat.expect_navigation():
        session.locator("form[data-url$='/speakers/window'] button[type=submit]").click()
    expect(secretariat.locator(f"section[data-session='{SESSION}'] .list-status")).to_contain_text("التسجيل مفتوح")
    named = secretariat.evaluate("""async () => {
        const config = JSON.parse(document.getElementById("workspace-config").textContent);
        const response = await fetch(config.api + "/focal-points", {method: "POST", credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": config.csrf},
            body: JSON.stringify({person: "amira-haddad"})});
        return {status: response.status, body: await response.json()};
    }""")
    assert named["status"] == 201, named

    # The focal point, without JavaScript, inscribes a head of delegation, then herself, a minister.
    focal = browser.new_context(java_script_enabled=False).new_page()
    focal.goto(named["body"]["url"])
    focal.goto(f"{server.url}/conferences/{SLUG}/focal-point?lang=ar")
    expect(focal.locator("html")).to_have_attribute("dir", "rtl")
    expect(focal.locator("h1")).to_contain_text("لبنان")
    section = focal.locator(f"#session-{SESSION}")
    section.locator(f"#name-{SESSION}").fill(HEAD)
    section.locator(f"#level-{SESSION}").select_option("head_of_delegation")
    section.locator("button[type=submit]").click()
    expect(focal.locator(".speech-text-saved")).to_contain_text("1")
    section = focal.locator(f"#session-{SESSION}")
    section.locator(f"#person-{SESSION}").select_option("amira-haddad")
    section.locator(f"#level-{SESSION}").select_option("minister")
    section.locator(f"#text-{SESSION}").fill("السيد الرئيس، ...")
    section.locator("button[type=submit]").click()
    expect(focal.locator(f"#session-{SESSION} ol.speakers-list li").first).to_contain_text(MINISTER)
    expect(focal.locator(f"#session-{SESSION} ol.speakers-list li").nth(1)).to_contain_text(HEAD)

    # The secretariat confirms the list: the slots, the live pages and the calendar follow.
    before, _ics = sequence(secretariat, server)
    secretariat.goto(f"{server.url}/workspace/{SLUG}/speakers?lang=ar")
    with secretariat.expect_navigation():
        secretariat.locator(f"section[data-session='{SESSION}'] button[data-url$='/speakers/confirm']").click()
    expect(secretariat.locator(f"section[data-session='{SESSION}'] .list-status")).to_contain_text("معتمدة")

    console = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION), lang="ar")
    expect(console.locator("#slot-list li").first).to_contain_text(MINISTER)
    expect(console.locator("#slot-list li").nth(1)).to_contain_text(HEAD)
    stage = open_page(browser.new_context().new_page(), server, "stage", lang="ar")
    expect(stage.locator("#current-slot")).to_contain_text(MINISTER)

    after, ics = sequence(secretariat, server)
    assert after > before
    unfolded = ics.replace("\r\n ", "")
    assert MINISTER in unfolded and HEAD in unfolded
