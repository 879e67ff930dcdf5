"""The chair console, the stage view and the participant live view in a real browser (Debian's
Chromium through Playwright) against a real server process on the rehearsal clock
(MINBAR_AT=2021-02-24T11:14:00, a minute before plenary 1)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.live_views import SESSION, choose_shortcuts, open_page, wait_until

pytestmark = pytest.mark.browser

CLOCK = re.compile(r"^\+?\d+:\d\d$")


def seconds(text: str) -> int:
    minutes, secs = text.lstrip("+").split(":")
    value = int(minutes) * 60 + int(secs)
    return -value if text.startswith("+") else value


def projected_end(page) -> float:
    # The instant (on this machine's clock, shared by every page) the countdown says it reaches 0.
    return page.evaluate("Minbar.session.timerRemaining() + Date.now()")


def test_start_on_the_console_runs_the_stage_and_participant_countdowns_together(page, server, server_token):
    console = open_page(page, server, "console", server_token("chair", SESSION))
    stage = open_page(page.context.new_page(), server, "stage", server_token("speaker", SESSION, name="Speaker A"))
    participant = open_page(page.context.new_page(), server, "live")
    expect(stage.locator("#countdown")).to_have_text("5:00")

    console.click("#btn-toggle")

    for view in (stage, participant, console):
        expect(view.locator("#countdown")).to_have_attribute("data-status", "running")
    expect(stage.locator("#countdown")).not_to_have_text("5:00", timeout=3000)
    expect(participant.locator("#countdown")).not_to_have_text("5:00", timeout=3000)
    on_stage, for_participant = stage.locator("#countdown").inner_text(), participant.locator("#countdown").inner_text()
    assert CLOCK.match(on_stage) and CLOCK.match(for_participant)
    assert abs(seconds(on_stage) - seconds(for_participant)) <= 1
    assert abs(projected_end(stage) - projected_end(participant)) < 1000
    assert 290_000 < stage.evaluate("Minbar.session.timerRemaining()") < 300_000
    expect(console.locator("#btn-toggle")).to_have_text("Pause")
    expect(participant.locator("#session-status")).to_have_text("Live now")


def test_keyboard_shortcuts_drive_the_console(page, server, server_token):
    console = open_page(page, server, "console", server_token("chair", SESSION))
    countdown = console.locator("#countdown")
    expect(console.locator("#sound-cue")).not_to_be_checked()           # the sound cue is off by default
    console.keyboard.press("Space")                                     # shortcuts are off until chosen
    console.wait_for_timeout(300)
    expect(countdown).to_have_attribute("data-status", "idle")
    choose_shortcuts(console, "keys")

    console.keyboard.press("Space")
    expect(countdown).to_have_attribute("data-status", "running")
    console.keyboard.press("Space")
    expect(countdown).to_have_attribute("data-status", "paused")

    console.keyboard.press("ArrowRight")
    expect(console.locator('#slot-list [data-slot="plenary-1-state-b"]')).to_have_class(re.compile(r"\bcurrent\b"))
    expect(countdown).to_have_attribute("data-status", "idle")
    expect(countdown).to_have_text("5:00")

    console.keyboard.press("+")
    expect(countdown).to_have_text("6:00")
    console.keyboard.press("-")
    expect(countdown).to_have_text("5:00")
    console.keyboard.press("Space")
    expect(countdown).to_have_attribute("data-status", "running")
    console.keyboard.press("r")                  # a running timer: the first R asks, the second resets
    expect(countdown).to_have_attribute("data-status", "running")
    console.keyboard.press("r")
    expect(countdown).to_have_attribute("data-status", "idle")

    console.keyboard.press("ArrowLeft")
    expect(console.locator('#slot-list [data-slot="plenary-1-state-a"]')).to_have_attribute("aria-current", "step")
    # R cleared slot B's time before the chair left it, so no actual time was recorded for it.
    expect(console.locator('#slot-list [data-slot="plenary-1-state-b"] [data-actual]')).to_have_text("")


def test_arabic_console_is_right_to_left_with_a_readable_countdown(page, server, server_token):
    token = server_token("chair", SESSION)
    console = open_page(page, server, "console", token, lang="en")

    console.click('.languages a[hreflang="ar"]')          # the language switch keeps the sign-in link

    expect(console.locator("html")).to_have_attribute("dir", "rtl")
    expect(console.locator("#live-connection")).to_have_attribute("data-status", "connected")
    countdown = console.locator("#countdown")
    expect(countdown).to_be_visible()
    expect(countdown).to_have_text(CLOCK)
    assert countdown.evaluate("node => getComputedStyle(node).direction") == "ltr"
    expect(console.locator("#btn-toggle")).to_have_text("بدء")
    # On a right-to-left page the arrows are mirrored: ArrowLeft goes to the next speaker.
    wait_until(console, "window.Minbar.session && Minbar.session.state")
    choose_shortcuts(console, "keys")
    console.keyboard.press("ArrowLeft")
    expect(console.locator('#slot-list [data-slot="plenary-1-state-b"]')).to_have_attribute("aria-current", "step")
