"""The chair's console says when the room is frozen, driven by the server's own acknowledgements:
the WebSocket between the page and the real server is passed through Playwright, which rewrites
`"delivered":"all"` to `"local"` (what the server answers while the message queue is away:
tests/production/test_frozen_room.py) or `"current":true` to `false` in a join's answer (the
database away), and stops rewriting when the outage is over."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.live_views import SESSION, open_page

pytestmark = pytest.mark.browser

BANNER = {
    "en": "Participants connected to other servers are not receiving updates",
    "fr": "Les participants connectés à d’autres serveurs ne reçoivent pas les mises à jour",
    "ar": "لا تصل التحديثات إلى المشاركين المتصلين بخوادم أخرى",
}


def relay(page, rewrites: dict):
    """Every /socket.io/ WebSocket of `page` through Playwright; server frames get `rewrites`
    (a dict the test changes while the page runs)."""
    def route(ws):
        server = ws.connect_to_server()

        def from_server(message):
            if isinstance(message, str):
                for pattern, new in list(rewrites.items()):
                    message = re.sub(pattern, new, message)
            ws.send(message)

        server.on_message(from_server)
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), route)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_console_shows_a_banner_while_commands_reach_only_this_server(page, server, server_token, lang):
    rewrites = {r'"delivered":\s*"all"': '"delivered":"local"'}
    relay(page, rewrites)
    console = open_page(page, server, "console", server_token("chair", SESSION), lang=lang)
    banner = console.locator("#live-delivery-local")
    expect(banner).to_be_hidden()
    assert console.locator(".live-freshness").get_attribute("role") == "status"

    console.click("#btn-toggle")          # start: stored, acknowledged, delivered "local"
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(BANNER[lang])

    rewrites.clear()                       # the queue is back: the next acknowledgement says "all"
    console.click("#btn-toggle")
    expect(banner).to_be_hidden()


def test_a_page_joined_during_a_database_outage_says_its_state_may_not_be_the_latest(page, server, server_token):
    rewrites = {r'"current":\s*true': '"current":false'}
    relay(page, rewrites)
    participant = open_page(page, server, "live")
    notice = participant.locator("#live-not-current")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("This may not be the latest state")

    rewrites.clear()
    chair = open_page(page.context.new_page(), server, "console", server_token("chair", SESSION))
    chair.click("#btn-toggle")             # the next STATE from the server is the latest
    expect(notice).to_be_hidden()
