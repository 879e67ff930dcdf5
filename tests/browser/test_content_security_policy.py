"""Every kind of page under its Content-Security-Policy in a real browser (Debian's Chromium through
Playwright) against a real server process: each loads, its scripts run (the live pages connect
over Socket.IO), and the browser reports no violation, neither as a `securitypolicyviolation`
event nor on the console. A control shows that a violation would be seen."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

SLUG = "gcm-arab-2021"
BASE = f"/conferences/{SLUG}"
SESSION = f"{BASE}/sessions/plenary-1"

# Recorded before any page script runs (init scripts are not subject to the page's policy).
RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile + ":" + event.lineNumber);
});
"""


def pages(server_token) -> list[tuple[str, str, str | None]]:
    """(kind, path, a selector that shows the page's script ran)."""
    chair = server_token("chair", "plenary-1", name="Chair")
    interpreter = server_token("interpreter", "plenary-1", booth="fr", name="Anne")
    rapporteur = server_token("rapporteur", "plenary-1", name="Rapporteur")
    organiser = server_token("organiser", name="Secretariat")
    connected = '#live-connection[data-status="connected"]'
    return [
        ("agenda", f"{BASE}?lang=en", None),
        ("agenda ar", f"{BASE}?lang=ar", None),
        ("session", f"{SESSION}?lang=fr", None),
        ("console", f"{SESSION}/console?token={chair}&lang=en", connected),
        ("stage", f"{SESSION}/stage?lang=ar", connected),
        ("booth", f"{SESSION}/booth?token={interpreter}&lang=en", connected),
        ("participant live", f"{SESSION}/live?lang=en", connected),
        ("rapporteur", f"{SESSION}/rapporteur?token={rapporteur}&lang=en", '#km-connection[data-status="connected"]'),
        ("outcome", f"{BASE}/outcome.html?lang=fr", None),
        ("actuals", f"{BASE}/actuals?token={organiser}&lang=en", None),
        ("presentation", f"{BASE}/presentation?lang=en", None),
        ("error", f"{BASE}/no-such-page", None),
    ]


def test_every_kind_of_page_runs_without_a_single_csp_violation(browser, server, server_token):
    context = browser.new_context(locale="en-US")
    context.add_init_script(RECORDER)
    try:
        for kind, path, ready in pages(server_token):
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            response = page.goto(server.url + path)
            assert response is not None and response.status == (404 if kind == "error" else 200), kind
            policy = response.headers.get("content-security-policy", "")
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy, kind
            if ready:
                expect(page.locator(ready)).to_be_attached(timeout=10_000)
            page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.__violations")
            assert violations == [], (kind, violations)
            assert [text for text in console if "Content Security Policy" in text] == [], (kind, console)
            page.close()
    finally:
        context.close()


def test_the_recorder_does_see_a_violation(browser, server):
    """The control: an inline script added to a page is refused, and the test sees it."""
    context = browser.new_context()
    context.add_init_script(RECORDER)
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(f"{server.url}{BASE}?lang=en")
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.appendChild(script);
        }""")
        page.wait_for_function("window.__violations.length > 0")
        assert page.evaluate("window.__ran === undefined")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
        assert any("Content Security Policy" in text for text in console)
    finally:
        context.close()
