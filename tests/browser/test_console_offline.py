"""The console after a network outage, in real Chromium against a real server process: the
"Not sent: the connection is lost…" refusal goes once the connection is back, and the controls
come back within a second of the network, however long socket.io had been backing off."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from browser.live_views import choose_shortcuts, open_page

pytestmark = pytest.mark.browser

NOT_SENT = "Not sent: the connection is lost. Nothing will be sent later; try again once reconnected."


@pytest.mark.parametrize("outage_ms", [500, 8000])
def test_the_offline_refusal_goes_and_the_controls_return_within_a_second(page, server, server_token, outage_ms):
    console = open_page(page, server, "console", server_token("chair", "plenary-1"))
    choose_shortcuts(console, "keys")
    console.context.set_offline(True)
    expect(console.locator("#live-connection")).to_have_attribute("data-status", "disconnected")
    console.keyboard.press("PageDown")                      # refused at once, said in the feedback line
    expect(console.locator("#console-feedback")).to_have_text(NOT_SENT)
    console.wait_for_timeout(outage_ms)                     # long enough for socket.io to back off

    console.context.set_offline(False)
    back = time.monotonic()
    expect(console.locator("#btn-next")).to_be_enabled(timeout=1000)
    expect(console.locator("#console-feedback")).to_have_text("", timeout=1000)
    assert time.monotonic() - back < 1.0
    expect(console.locator("#live-connection")).to_have_attribute("data-status", "connected")
