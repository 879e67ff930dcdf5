"""The chair console run from the keyboard alone, as a chair with a screen reader would: shortcuts
are off until chosen (WCAG 2.1.4), then a whole speech — start, one minute more, down to the
overrun by "one minute less", a message to the speaker, pause, next, the floor given from the list
of speakers, a booth switched off, back a slot and undo — with Tab, Enter, arrows and Alt+Shift shortcuts only. The
live regions are recorded all along: the overrun is said once, the channel warnings only when they
change, the countdown never."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.live_views import open_page, wait_until
from browser.test_queue import ask_for_the_floor, participant_tokens

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

# Every text a live region (aria-live, role status / alert) takes, in order, per region.
RECORD = """() => {
  window.__said = [];
  const regionOf = node => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return el && el.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]');
  };
  new MutationObserver(mutations => {
    const seen = new Set();
    mutations.forEach(m => { const r = regionOf(m.target); if (r) { seen.add(r); } });
    seen.forEach(r => window.__said.push([r.id, r.textContent.replace(/\\s+/g, " ").trim()]));
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


def said(page, region: str) -> list[str]:
    return [text for rid, text in page.evaluate("window.__said") if rid == region and text]


def tab_to(page, selector: str, limit: int = 250) -> None:
    """Tab (forward, wrapping) until the focus is on `selector`: the keyboard's own way there."""
    for _ in range(limit):
        if page.evaluate(f"() => !!document.activeElement && document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def timer(page) -> dict:
    return page.evaluate("Minbar.session.state.timer")


def test_a_whole_speech_from_the_keyboard_with_its_announcements(browser, server, server_env, server_token):
    chair = server_token("chair", session="plenary-1")
    delegate = participant_tokens(server_env, 1)[0]
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = open_page(context.new_page(), server, "console", chair, "en")
        page.evaluate(RECORD)
        countdown = page.locator("#countdown")
        # The countdown is a timer, never a live region: its seconds are not read out.
        assert countdown.get_attribute("role") == "timer"
        assert countdown.evaluate("n => n.closest('[aria-live]:not([aria-live=\"off\"]), [role=status], [role=alert]')") is None

        # Off until chosen: neither single keys nor Alt+Shift do anything, and nothing claims them.
        page.keyboard.press("Space")
        page.keyboard.press("Alt+Shift+Space")
        page.wait_for_timeout(300)
        assert timer(page)["status"] == "idle"
        assert page.locator("#btn-toggle").get_attribute("aria-keyshortcuts") is None

        # The chair picks a set in the list of shortcuts: Alt+Shift, remembered in this browser.
        tab_to(page, 'input[name="shortcut-mode"]')
        page.keyboard.press("ArrowDown")
        expect(page.locator("#shortcut-state")).to_have_attribute("data-mode", "keys")
        page.keyboard.press("ArrowDown")
        expect(page.locator("#shortcut-state")).to_have_attribute("data-mode", "alt-shift")
        assert page.evaluate("localStorage.getItem('minbar.console.shortcuts')") == "alt-shift"
        expect(page.locator("#btn-toggle")).to_have_attribute("aria-keyshortcuts", "Alt+Shift+Space")
        expect(page.locator("#btn-plus")).to_have_attribute("aria-keyshortcuts", "Alt+Shift+Plus")
        expect(page.locator("#shortcut-list .shortcut-prefix").first).to_be_visible()

        # Start, then one minute more.
        page.keyboard.press("Alt+Shift+Space")
        wait_until(page, "Minbar.session.state.timer.status === 'running'")
        page.keyboard.press("Alt+Shift+Equal")
        wait_until(page, "Minbar.session.state.timer.limit_s === 360")

        # Down to the overrun by "one minute less" (a press a second: two in one second are one).
        for _ in range(6):
            page.wait_for_timeout(1050)
            page.keyboard.press("Alt+Shift+Minus")
        wait_until(page, "Minbar.session.state.timer.limit_s === 0")
        expect(countdown).to_have_class(re.compile(r"phase-overrun"))
        page.wait_for_timeout(1500)                      # ticks go on; nothing more is said
        assert said(page, "live-announcer").count("The speaker's time is up.") == 1
        assert said(page, "live-announcer").count("The speaker's time is almost up.") <= 1

        # A message to the speaker, by Tab and Enter.
        tab_to(page, "#btn-conclude")
        page.keyboard.press("Enter")
        expect(page.locator("#current-message")).to_contain_text("Please conclude")

        # Pause and next, by shortcut, with the focus on a button.
        page.keyboard.press("Alt+Shift+Space")
        wait_until(page, "Minbar.session.state.timer.status === 'paused'")
        page.keyboard.press("Alt+Shift+PageDown")
        wait_until(page, "Minbar.session.state.slot === 'plenary-1-state-b'")
        expect(page.locator("#console-feedback")).to_have_text("")

        # The open discussion, a request, the floor given from the list of speakers.
        tab_to(page, '[data-goto="plenary-1-discussion"]')
        page.keyboard.press("Enter")
        wait_until(page, "Minbar.session.state.slot === 'plenary-1-discussion'")
        ask_for_the_floor(server, delegate)
        expect(page.locator("#queue-list > li")).to_have_count(1)
        tab_to(page, "#queue-list .queue-grant")
        page.keyboard.press("Enter")
        expect(page.locator("#queue-speaking-name")).to_have_text("Delegate 0")

        # A booth switched off (every booth here has a direct source: no warning follows, and the
        # region, "No warnings", is not said again at each new state).
        tab_to(page, 'button[data-booth="en"]')
        page.keyboard.press("Enter")
        expect(page.locator('button[data-booth="en"]')).to_have_attribute("aria-pressed", "false")
        expect(page.locator('button[data-booth="en"] [data-field=switch]')).to_have_text("Booth off")
        page.wait_for_timeout(1500)

        # Back one slot by shortcut, then Undo by Tab and Enter.
        page.keyboard.press("Alt+Shift+PageUp")
        wait_until(page, "Minbar.session.state.slot !== 'plenary-1-discussion'")
        expect(page.locator("#btn-undo")).to_be_visible()
        tab_to(page, "#btn-undo")
        page.keyboard.press("Enter")
        wait_until(page, "Minbar.session.state.slot === 'plenary-1-discussion'")
        expect(page.locator("#console-feedback")).to_have_text("Undone.")

        # The channel warnings' region took each new list once: never the same words twice running.
        warnings = said(page, "channels-warnings")
        assert all(a != b for a, b in zip(warnings, warnings[1:])), warnings
        # The overrun was said once in the whole speech, and the countdown's seconds never.
        assert said(page, "live-announcer").count("The speaker's time is up.") == 1
        assert not [text for rid, text in page.evaluate("window.__said") if rid == "countdown"]
    finally:
        context.close()
