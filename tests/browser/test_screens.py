"""Screens that fit, in Chromium at the sizes they are used at, in Arabic and English: the chair's
list of speakers shows five requests and more on a 1366×768 laptop (compact rows, the less used
actions in a menu); names and languages inside a sentence are isolated; the stage at 1024×768 shows
both clocks and the full-screen button, the clocks in the locale's own pattern; the overrun flash
keeps the digits readable; every control is at least 24×24 CSS px; the Arabic booth does not
scroll sideways at 320 CSS px; booth buttons are named by their visible words and carry no wrong
`lang`."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from browser.live_views import BASE, open_page, wait_until
from browser.test_interpretation import BASE as DEMO
from browser.test_interpretation import demo_server  # noqa: F401 (a fixture)
from browser.test_queue import hang_up, participant_tokens, socketio_client

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]


def call(server, token: str, event: str, payload: dict) -> dict:
    client = socketio_client(server, token)
    try:
        return client.call(event, {"session": "plenary-1", **payload}, namespace="/live")
    finally:
        hang_up(client)


@contextmanager
def sized_page(browser, width: int, height: int, zone: str = "Asia/Beirut"):
    context = browser.new_context(viewport={"width": width, "height": height}, timezone_id=zone)
    try:
        yield context.new_page()
    finally:
        context.close()


# Entries of the list wholly visible: inside the scrolled box and inside the window.
VISIBLE_ENTRIES = """() => {
  const box = document.getElementById("queue-panel").getBoundingClientRect();
  return [...document.querySelectorAll("#queue-list > li")].filter(li => {
    const r = li.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= innerHeight + 1;
  }).length;
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_list_of_speakers_shows_five_requests_on_a_laptop(browser, server, server_env, server_token, lang):
    chair = server_token("chair", session="plenary-1")
    assert call(server, chair, "slot", {"action": "goto", "slot": "plenary-1-discussion"})["ok"]
    for token in participant_tokens(server_env, 7):
        assert call(server, token, "queue", {"action": "request"})["ok"]

    with sized_page(browser, 1366, 768) as page:
        open_page(page, server, "console", chair, lang)
        expect(page.locator("#queue-list > li")).to_have_count(7)
        assert page.evaluate(VISIBLE_ENTRIES) >= 5
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

        # The less used actions are a menu, from the keyboard: Down opens it on its first item,
        # Escape closes it back on its button; an item does its action.
        more = page.locator("#queue-list > li").first.locator("button[aria-haspopup=menu]")
        more.focus()
        page.keyboard.press("ArrowDown")
        expect(more).to_have_attribute("aria-expanded", "true")
        menu = page.locator("#queue-list > li").first.get_by_role("menu")
        expect(menu.get_by_role("menuitem").nth(1)).to_be_focused()      # "Move up" is disabled on the first
        page.keyboard.press("Escape")
        expect(menu).to_be_hidden()
        expect(more).to_be_focused()
        page.keyboard.press("Enter")
        expect(menu).to_be_visible()
        page.keyboard.press("Enter")                                     # "Move down"
        expect(page.locator("#queue-list > li .queue-name").first).to_have_text("Delegate 1")
        expect(page.locator("#queue-feedback bdi").first).to_have_text("Delegate 0")


def test_a_language_name_never_pulls_the_minutes_into_its_direction(browser, demo_server):
    """The English console's slot rows read "العربية 5 minutes", never "5 العربية minutes"."""
    with sized_page(browser, 1366, 768) as page:
        page.goto(f"{demo_server.url}{DEMO}/console?token={demo_server.issue('chair', session='plenary-1')}&lang=en")
        expect(page.locator("#live-connection")).to_have_attribute("data-status", "connected")
        row = page.locator('#slot-list li:has(.language[lang="ar"])').first
        language, limit = row.locator(".language"), row.locator(".limit")
        assert language.evaluate("n => n.tagName") == "BDI"
        left, right = language.bounding_box(), limit.bounding_box()
        assert right["x"] >= left["x"] + left["width"] - 1, (left, right)
        expect(limit).to_have_text(re.compile(r"^\d+ minutes?$"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_stage_shows_both_clocks_and_full_screen_at_1024x768(browser, server, server_token, lang):
    # Everything the stage can show at once: paused, a message, the next speaker, both clocks.
    chair = server_token("chair", session="plenary-1")
    assert call(server, chair, "timer", {"action": "start"})["ok"]
    assert call(server, chair, "timer", {"action": "pause"})["ok"]
    assert call(server, chair, "message", {"action": "send", "preset": "conclude",
                                           "text": "Please keep to the time: thirty seconds more."})["ok"]
    with sized_page(browser, 1024, 768, zone="Europe/Paris") as page:      # both clocks shown
        open_page(page, server, "stage", None, lang)
        expect(page.locator("#stage-paused")).to_be_visible()
        expect(page.locator("#stage-message")).to_be_visible()
        for selector in ("#clock-conference", "#clock-reader", "#btn-fullscreen", "#countdown"):
            node = page.locator(selector)
            expect(node).to_be_visible()
            box = node.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 768, (selector, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1024, (selector, box)
        assert page.evaluate("document.documentElement.scrollHeight <= innerHeight + 1")
        expect(page.locator("h1")).to_have_count(1)
        # The server's pattern (timing/un_dates.py): the Arabic locale's own, "10:30 ص", the marker
        # after the time in the page's direction; 24-hour "10:30" in English.
        clock = page.locator("#clock-conference")
        if lang == "ar":
            expect(clock).to_have_text(re.compile(r"^1?\d:\d\d [صم]$"))
            assert clock.evaluate("n => getComputedStyle(n).direction") == "rtl"
            expect(page.locator("#clock-reader")).to_have_text(re.compile(r"^1?\d:\d\d [صم]$"))
        else:
            expect(clock).to_have_text(re.compile(r"^\d\d:\d\d$"))


def contrast(fg: str, bg: str) -> float:
    def luminance(css: str) -> float:
        r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_the_overrun_flash_keeps_the_digits_readable(browser, server, server_token):
    chair = server_token("chair", session="plenary-1")
    with sized_page(browser, 1024, 768) as page:
        open_page(page, server, "stage", None, "en")
        assert call(server, chair, "timer", {"action": "start"})["ok"]
        assert call(server, chair, "timer", {"action": "adjust", "seconds": -300})["ok"]
        countdown = page.locator("#countdown")
        expect(countdown).to_have_class(re.compile(r"\bflash\b"))
        seen = set()
        for _ in range(14):                       # both halves of the one-second flash
            fg, bg = countdown.evaluate("n => [getComputedStyle(n).color, getComputedStyle(n).backgroundColor]")
            seen.add(bg)
            assert contrast(fg, bg) >= 4.5, (fg, bg)
            page.wait_for_timeout(100)
        assert len(seen) >= 2, "the background does not flash"


def test_controls_are_24_px_and_booth_buttons_are_named_by_their_words(browser, server, server_token):
    with sized_page(browser, 1366, 768) as page:
        open_page(page, server, "console", server_token("chair", session="plenary-1"), "ar")
        small = page.evaluate("""() => [...document.querySelectorAll("main button, main input, main select")]
            .filter(n => n.offsetParent !== null)
            .map(n => [n.id || n.className || n.name, n.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24).map(([name]) => name)""")
        assert small == []
        # "Booth on — Arabic": the visible words first in the name; no lang="en" on Arabic words.
        switch = page.locator('button[data-booth="ar"]')
        name = switch.evaluate("n => n.textContent.replace(/\\s+/g, ' ').trim()")
        visible = switch.locator("[data-field=switch]").inner_text()
        assert name.startswith(visible) and name.endswith("العربية"), name
        assert switch.get_attribute("aria-label") is None
        assert page.locator("#channels-panel [lang]").count() == 0


def test_the_arabic_booth_does_not_scroll_sideways_at_320_px(browser, server, server_token):
    with sized_page(browser, 320, 640) as page:
        open_page(page, server, "booth", server_token("interpreter", booth="ar", name="Rana"), "ar")
        field = page.locator("#handover-name")
        expect(field).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        box = field.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
        assert page.locator("main [lang]").count() == 0       # language names are in Arabic here
