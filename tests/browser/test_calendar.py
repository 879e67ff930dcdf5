"""The agenda page's calendar tools in a real browser (Debian's Chromium through Playwright) against
a real server process: the live selection links, the remembered ticks, the reader's own zone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

AGENDA = "/conferences/gcm-arab-2021"


def test_ticked_sessions_get_their_own_subscribe_and_download_links(page, server):
    page.goto(f"{server.url}{AGENDA}?lang=en")
    live = page.locator(".calendar-selection-live")
    expect(live.locator(".calendar-selection-count")).to_have_text("No session selected yet.")

    page.check('input[name=sessions][value="closing"]')
    page.check('input[name=sessions][value="opening"]')
    page.select_option("select[name=alarm]", "10")

    feed = f"{server.url}{AGENDA}/agenda.ics?lang=en&sessions=opening,closing&alarm=10"
    expect(live.locator(".calendar-selection-download")).to_have_attribute("href", feed)
    expect(live.locator(".calendar-selection-subscribe")).to_have_attribute(
        "href", feed.replace("http://", "webcal://"))
    expect(live.locator(".calendar-selection-count")).to_have_text("Sessions selected: 2")

    response = page.request.get(feed)
    body = response.text()
    assert (response.status, response.headers["content-type"]) == (200, "text/calendar; charset=utf-8")
    assert body.count("BEGIN:VEVENT") == 2 and body.count("TRIGGER:-PT10M") == 2

    # The ticks are remembered in this browser (no account): they survive a reload.
    page.reload()
    expect(page.locator('input[name=sessions][value="opening"]')).to_be_checked()
    expect(page.locator('input[name=sessions][value="registration"]')).not_to_be_checked()
    expect(live.locator(".calendar-selection-download")).to_have_attribute("href", feed)

    live.locator(".calendar-selection-clear").click()
    expect(page.locator('input[name=sessions][value="opening"]')).not_to_be_checked()
    expect(live.locator(".calendar-selection-count")).to_have_text("No session selected yet.")


def test_agenda_shows_times_in_the_readers_zone_from_the_browser(browser, server):
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    try:
        page = context.new_page()
        page.goto(f"{server.url}{AGENDA}?lang=en")
        # The opening, 10:00-11:00 Beirut (UTC+2) on 24 February 2021, is 03:00-04:00 in New York (UTC-5).
        opening = page.locator("#opening .reader-time")
        expect(opening).to_contain_text("03:00")
        expect(opening).to_contain_text("04:00")
        expect(opening).to_contain_text("(America/New_York)")
    finally:
        context.close()
