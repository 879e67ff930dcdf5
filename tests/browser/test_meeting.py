"""The meeting as people run it, in Chromium against a real server process: two chair consoles
cannot skip a speaker between them (sessions/live/handover.py), and the stage and the booth name the
same next speaker (STATE `speakers`, sessions/live/next_speakers.py)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.live_views import SESSION, open_page, wait_until
from live_socket import LiveClient

pytestmark = pytest.mark.browser

# The console's acknowledgements, recorded as they come back (the code of a refusal, "ok" otherwise):
# the test waits for both consoles' answers, so every command has been applied or refused, whatever
# the machine's load did to the timing in between.
RECORD_ACKS = """() => {
  const session = Minbar.session, send = session.send.bind(session);
  window.acks = [];
  session.send = (event, body) => send(event, body).then((ack) => {
    window.acks.push(ack.ok ? "ok" : ack.error.code);
    return ack;
  });
}"""
# Press Next at an instant of the machine's clock (Date.now() is one clock for every page of the
# browser), so the gap is the one asked for and not Playwright's round trips; answers the delay
# left, which must not be 0 (the instant had passed before the press was set up).
PRESS_AT = "(at) => { const wait = at - Date.now(); setTimeout(() => document.getElementById('btn-next').click(), Math.max(0, wait)); return wait; }"
# Press Next the moment this console shows `slot` (polled in the page, not over Playwright).
PRESS_ON_ARRIVAL = """(slot) => { const poll = setInterval(() => {
  if (Minbar.session.state.slot === slot) { clearInterval(poll); document.getElementById('btn-next').click(); }
}, 5); }"""
# Press Next once this console's estimate of the server's clock is `after_ms` past the last move the
# STATE names (`handover.at`, the server's instant of it), whatever the move's own delay was.
PRESS_AFTER_THE_MOVE = """(after_ms) => { const poll = setInterval(() => {
  const last = Minbar.session.state.handover;
  if (last && Minbar.session.serverNow() >= last.at + after_ms) { clearInterval(poll); document.getElementById('btn-next').click(); }
}, 5); }"""
HANDOVER_MS = 1500   # MINBAR_HANDOVER_S's default, which the test server runs with


def two_consoles(browser, server, server_token):
    # Two operators, two browsers (contexts): each its own sign-in and its own connection.
    first = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Hana"))
    second = open_page(browser.new_context().new_page(), server, "console", server_token("chair", SESSION, name="Chair Omar"))
    for console in (first, second):
        console.evaluate(RECORD_ACKS)
    return first, second, [s["id"] for s in first.evaluate("Minbar.config().slots")]


def answers(*consoles) -> list[str]:
    """Each console's one acknowledgement, once both have come back."""
    for console in consoles:
        wait_until(console, "window.acks.length >= 1")
    found = [console.evaluate("window.acks") for console in consoles]
    assert all(len(acks) == 1 for acks in found), found   # one press, one command each
    return [acks[0] for acks in found]


def settled(consoles, slot: str, version: int) -> None:
    """Both consoles show `slot` at STATE `version`: the session changed exactly as often as said."""
    for console in consoles:
        wait_until(console, f"Minbar.session.state.version >= {version}")
        assert console.evaluate("[Minbar.session.state.slot, Minbar.session.state.version]") == [slot, version]


@pytest.mark.parametrize("gap_ms", [5, 40])
def test_two_consoles_pressing_next_together_move_once_and_the_other_is_told(browser, server, server_token, gap_ms):
    first, second, slots = two_consoles(browser, server, server_token)
    version = first.evaluate("Minbar.session.state.version")
    at = first.evaluate("Date.now()") + 1500

    assert first.evaluate(PRESS_AT, at) > 0
    assert second.evaluate(PRESS_AT, at + gap_ms) > 0

    # Both pressed on the same STATE: whichever command the server took first moved (which one is
    # the machine's to decide at this gap); the other was refused, and its console says so.
    codes = answers(first, second)
    assert sorted(codes) in (["ok", "stale"], ["just_changed", "ok"]), codes
    settled((first, second), slots[1], version + 1)          # one move: never a silent skip
    told, untold = (first, second) if codes[0] != "ok" else (second, first)
    expect(told.locator("#console-feedback")).not_to_be_empty()
    expect(untold.locator("#console-feedback")).to_be_empty()


def test_a_console_pressing_next_once_the_move_reached_it_is_told_who_moved(browser, server, server_token):
    first, second, slots = two_consoles(browser, server, server_token)
    version = first.evaluate("Minbar.session.state.version")
    # The second operator presses as soon as their console shows the first's move: their `expect`
    # is current, so only the window (sessions/live/handover.py) holds it back.
    second.evaluate(PRESS_ON_ARRIVAL, slots[1])
    first.click("#btn-next")

    assert answers(first, second) == ["ok", "just_changed"]
    settled((first, second), slots[1], version + 1)
    told = second.locator("#console-feedback")
    expect(told).to_contain_text("Chair Hana")
    expect(told).to_contain_text("next speaker")
    expect(second.locator("#btn-force")).to_be_visible()
    expect(first.locator("#console-feedback")).to_be_empty()


def test_a_console_pressing_next_after_the_window_moves_again(browser, server, server_token):
    first, second, slots = two_consoles(browser, server, server_token)
    version = first.evaluate("Minbar.session.state.version")
    second.evaluate(PRESS_AFTER_THE_MOVE, HANDOVER_MS + 300)
    first.click("#btn-next")

    assert answers(first, second) == ["ok", "ok"]
    settled((first, second), slots[2], version + 2)
    for console in (first, second):
        expect(console.locator("#console-feedback")).to_be_empty()


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
