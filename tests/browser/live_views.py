"""Opening the live views (console, stage, participant view, booth) of plenary 1 in a browser page,
for the browser tests that drive them."""
from __future__ import annotations

import time

from playwright.sync_api import expect

SESSION = "plenary-1"
BASE = f"/conferences/gcm-arab-2021/sessions/{SESSION}"


def wait_until(page, expression: str, timeout_s: float = 15) -> None:
    """Poll `expression` in the page (wait_for_function evaluates strings, which the site's CSP forbids)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(f"() => !!({expression})"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def open_page(page, server, view: str, token: str | None = None, lang: str = "en"):
    """`page` on `view` ("console", "stage", "live", "booth"), once connected, joined (identity and state
    come with the join acknowledgement) and with the clock offset measured."""
    query = f"?lang={lang}" + (f"&token={token}" if token else "")
    page.goto(f"{server.url}{BASE}/{view}{query}")
    expect(page.locator("#live-connection")).to_have_attribute("data-status", "connected")
    wait_until(page, "window.Minbar.session && Minbar.session.state && Minbar.session.identity"
                     " && Minbar.session.synced")
    return page


def choose_shortcuts(page, mode: str = "keys"):
    """The console's keyboard shortcuts are off until the chair picks a set ("keys": single keys,
    "alt-shift"; docs/console.md): pick one as a chair would, then leave the focus nowhere."""
    page.locator(f'input[name="shortcut-mode"][value="{mode}"]').check()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return page
