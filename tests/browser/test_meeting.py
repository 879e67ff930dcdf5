"""The meeting as people run it, in Chromium against a real server process: two chair consoles
cannot skip a speaker between them (sessions/live/handover.py), and the stage and the booth name the
same next speaker (STATE `speakers`, sessions/live/next_speakers.py)."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from browser.live_views import SESSION, open_page, wait_until
from live_socket import LiveClient

pytestmark = pytest.mark.browser

# Both consoles press at instants fixed on the machine's clock (Date.now() is one clock for every
# page of the browser), so the gap is the one asked for and not Playwright's round trips.
PRESS_AT = "(at) => setTimeout(() => document.getElementById('btn-next').click(), Math.max(0, at - Date.now()))"


@pytest.mark.parametrize("gap_ms, moves", [(5, 1), (40, 1), (300, 1), (1600, 2)])
def test_two_consoles_pressing_next_move_once_below_the_window_and_the_other_is_told(browser, server, server_token,
                                                                                     gap_ms, moves):
    # Two operators, two browsers (contexts): each its own sign-in and its own connection.
    first = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Hana"))
    second = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Omar"))
    slots = [s["id"] for s in first.evaluate("Minbar.config().slots")]
    at = first.evaluate("Date.now()") + 400

    first.evaluate(PRESS_AT, at)
    second.evaluate(PRESS_AT, at + gap_ms)
    second.wait_for_timeout(gap_ms + 1500)

    expected = slots[moves]
    for console in (first, second):
        wait_until(console, f"Minbar.session.state.slot === {expected!r}")
    time.sleep(0.3)
    assert first.evaluate("Minbar.session.state.slot") == expected          # never a silent skip
    if moves == 1:
        told = second.locator("#console-feedback")
        expect(told).not_to_be_empty()
        if gap_ms >= 300:   # the move had long reached it: refused just_changed, naming who
            expect(told).to_contain_text("Chair Hana")
            expect(told).to_contain_text("next speaker")
            expect(second.locator("#btn-force")).to_be_visible()
    else:
        expect(second.locator("#console-feedback")).to_be_empty()


def test_do_it_anyway_moves_and_a_double_click_moves_once(browser, server, server_token):
    first = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Hana"))
    second = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Omar"))
    slots = [s["id"] for s in first.evaluate("Minbar.config().slots")]

    first.dblclick("#btn-next")
    wait_until(second, f"Minbar.session.state.slot === {slots[1]!r}")
    second.click("#btn-next")
    expect(second.locator("#btn-force")).to_be_visible()
    second.click("#btn-force")

    wait_until(first, f"Minbar.session.state.slot === {slots[2]!r}")
    expect(second.locator("#btn-force")).to_be_hidden()


def test_the_stage_and_the_french_booth_name_the_same_next_speaker(browser, server, server_token):
    stage = open_page(browser.new_context().new_page(), server, "stage", server_token("speaker", SESSION, name="Speaker A"),
                      lang="fr")
    booth = open_page(browser.new_context().new_page(), server, "booth",
                      server_token("interpreter", booth="fr", name="Anne"), lang="fr")
    delegate = LiveClient(server.url, server_token("participant", name="Ms Rana Haddad", delegation="Jordan"))
    objector = LiveClient(server.url, server_token("participant", name="Mr Omar Said", delegation="Egypt"))
    try:
        delegate.join()
        objector.join()
        delegate.call("queue", {"session": SESSION, "action": "request"})

        # A statements slot with a request waiting: State B is next on both, the request waits.
        wait_until(booth, "Minbar.session.state.queue.entries.length === 1")
        state_b = booth.evaluate("Minbar.config().slots[1]")
        expect(booth.locator("#next-list li").first).to_have_attribute("data-slot", state_b["id"])
        expect(booth.locator("#next-list")).not_to_contain_text("Rana Haddad")
        expect(stage.locator("#stage-next")).to_contain_text(state_b["speaker"] or state_b["role"])

        # A point of order interrupts: it is next on both.
        objector.call("queue", {"session": SESSION, "action": "request", "priority": "point_of_order"})
        wait_until(stage, "Minbar.session.state.queue.entries.length === 2")
        expect(stage.locator("#stage-next")).to_contain_text("Omar Said")
        expect(booth.locator("#next-list li").first).to_contain_text("Omar Said")
        expect(booth.locator("#next-list li").nth(1)).to_have_attribute("data-slot", state_b["id"])
    finally:
        delegate.close()
        objector.close()
