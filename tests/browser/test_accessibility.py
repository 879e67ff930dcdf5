"""WCAG 2.2 AA over every page, in Arabic, English and French, in the states that matter, in real
Chromium against one real server process (tests/a11y.py says what is checked and how).

The sweep is one declared table, PAGES: a page is a path (who opens it: a role's link, an organiser's
sign-in, nobody) and the states it is checked in; a state is a function that brings the page (and
the meeting behind it) there. A new page joins with one line. In every state: axe-core, our contrast
check (text, focus rings, field boundaries); in the page's first state also reflow at 320 CSS px and
WCAG's text-spacing overrides. The context bypasses the page's CSP only to inject axe and the
text-spacing style sheet (the CSP itself is tested in test_content_security_policy.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

import pytest
from playwright.sync_api import expect

import a11y
from browser.live_views import wait_until
from conftest import ROOT, ServerProcess, free_port
from live_socket import LiveClient
from suite_rules import missing

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

SLUG, SESSION = "gcm-arab-2021", "plenary-1"
BASE = f"/conferences/{SLUG}"
LIVE = f"{BASE}/sessions/{SESSION}"
LANGS = ("ar", "en", "fr")
PASSWORD = "correct horse battery staple"
NOW = datetime(2021, 2, 24, 9, 14, tzinfo=timezone.utc)


# -- the meeting behind the pages: one server, links issued once -------------------------------

class Meeting:
    """The server, its links and the live clients that put the meeting in a state."""

    def __init__(self, server: ServerProcess, app, tokens: dict[str, str]):
        self.server, self.app, self.tokens = server, app, tokens
        self.chair = LiveClient(server.url, tokens["chair"])
        self.chair.join()
        self.others: list[LiveClient] = []

    def command(self, event: str, **payload) -> dict:
        return self.chair.call(event, {"session": SESSION, **payload})

    def client(self, role: str) -> LiveClient:
        client = LiveClient(self.server.url, self.tokens[role])
        client.join()
        self.others.append(client)
        return client

    def calm(self) -> None:
        """Back to the idle meeting: timer reset, queue empty, no signal."""
        for client in self.others:
            client.call("queue", {"session": SESSION, "action": "withdraw"})
            client.close()
        self.others.clear()
        self.command("timer", action="reset")

    def close(self) -> None:
        self.calm()
        self.chair.close()


def _api(server, token, method, path, body=None):
    request = urllib.request.Request(server.url + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def meeting(tmp_path_factory):
    from conference import queries
    from conference.app import create_app
    from speakers import access

    folder = tmp_path_factory.mktemp("a11y")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'minbar.sqlite3'}", "MINBAR_INSTANCE": str(folder / "instance"),
           "SECRET_KEY": "test-secret-of-a-server-process-0123456789", "MINBAR_AT": "2021-02-24T11:14:00",
           "MINBAR_CHANNEL": f"minbar-test-{folder.name}", "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "-m", "conference.cli", "init"], env=env, cwd=str(ROOT), check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "conference.cli", "organiser", "create", "secretariat@example.org",
                    "--conference", SLUG, "--password-stdin"], env=env, cwd=str(ROOT), check=True,
                   input=PASSWORD + "\n", capture_output=True, text=True)
    app = create_app({"DATABASE_URL": env["DATABASE_URL"], "SECRET_KEY": env["SECRET_KEY"],
                      "INSTANCE_PATH": env["MINBAR_INSTANCE"], "REDIS_URL": None})
    links = {"chair": dict(role="chair", session=SESSION, name="Chair Hana"),
             "speaker": dict(role="speaker", session=SESSION, name="Speaker A"),
             "interpreter": dict(role="interpreter", booth="fr", name="Anne"),
             "rapporteur": dict(role="rapporteur", session=SESSION, name="Rapporteur A", language="en"),
             "rapporteur2": dict(role="rapporteur", session=SESSION, name="Rapporteur B"),
             "translator": dict(role="translator", name="Traductrice", language="fr"),
             "organiser": dict(role="organiser", name="Secretariat"),
             "participant": dict(role="participant", name="Ms Rana Haddad", delegation="Jordan"),
             "delegate": dict(role="participant", name="Mr Omar Said", delegation="Egypt"),
             "focal": dict(role="focal_point", name="Ms Lina Odeh", delegation="Jordan"),
             "revoked": dict(role="chair", session=SESSION, name="Chair Gone")}
    secret = env["SECRET_KEY"]
    with app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        tokens = {name: access.issue(db, conference=conf, now=NOW, secret=secret, **fields)[0]
                  for name, fields in links.items()}
        access.revoke(db, tokens["revoked"], secret, NOW)
    server = ServerProcess(env, free_port()).start()
    _api(server, tokens["rapporteur2"], "POST", f"/api/v1/conferences/{SLUG}/sessions/{SESSION}/key-messages",
         {"text": "Safe, orderly and regular migration is a shared responsibility."})
    _api(server, tokens["organiser"], "PUT", f"/api/v1/conferences/{SLUG}/registration-settings",
         {"opens_at": "2021-01-04T09:00", "closes_at": "2021-12-31T18:00"})
    found = Meeting(server, app, tokens)
    yield found
    found.close()
    server.stop()
    app.extensions["minbar.db"].engine.dispose()


@pytest.fixture(scope="module")
def signed_in(browser, meeting):
    """An organiser's signed-in browser state, for the workspace pages."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{meeting.server.url}/signin?lang=en")
    page.fill("#email", "secretariat@example.org")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    expect(page.locator("form[action='/signout']")).to_be_visible()
    state = context.storage_state()
    context.close()
    return state


# -- states ------------------------------------------------------------------------------------

def connected(page, meeting):
    expect(page.locator("#live-connection")).to_have_attribute("data-status", "connected")
    wait_until(page, "window.Minbar.session && Minbar.session.state && Minbar.session.synced")


def km_connected(page, meeting):
    expect(page.locator("#km-connection")).to_have_attribute("data-status", "connected")


def running(page, meeting):
    meeting.command("timer", action="start")
    wait_until(page, "Minbar.session.state.timer.status === 'running'")


def overrun(ms):
    def state(page, meeting):
        meeting.command("timer", action="start")
        meeting.command("timer", action="adjust", seconds=-3600)
        wait_until(page, "document.querySelector('#countdown.phase-overrun')")
        page.wait_for_timeout(100)
        a11y.flash_phase(page, ms)
    state.__name__ = f"overrun, flash at {ms} ms"
    return state


def queue(page, meeting):
    meeting.client("participant").call("queue", {"session": SESSION, "action": "request"})
    meeting.client("delegate").call("queue", {"session": SESSION, "action": "request", "priority": "point_of_order"})
    wait_until(page, "Minbar.session.state.queue && Minbar.session.state.queue.entries.length === 2")


def slowdown(page, meeting):
    answer = meeting.client("interpreter").call("channel", {"session": SESSION, "action": "slowdown"})
    assert answer.get("ok"), answer
    wait_until(page, "Minbar.session.state.channels && Minbar.session.state.channels.slowdown")


def offline(page, meeting):
    page.context.set_offline(True)
    expect(page.locator("#live-connection, #km-connection").first).to_have_attribute("data-status", "disconnected",
                                                                                      timeout=10_000)


def conflict(page, meeting):
    """A stale save: this page's edit made offline while another rapporteur saved the same message."""
    path = f"/api/v1/conferences/{SLUG}/sessions/{SESSION}/key-messages/{SESSION}-km-1"
    card = page.locator(f'.km-card[data-key="{SESSION}-km-1"]')
    page.context.set_offline(True)
    card.locator(".km-text").fill("This browser's wording.")
    current = _api(meeting.server, meeting.tokens["rapporteur2"], "GET", path)
    _api(meeting.server, meeting.tokens["rapporteur2"], "PUT", path,
         {"base_revision": current["revision"], "text": f"Another wording, {time.monotonic()}."})
    page.context.set_offline(False)
    expect(card.locator(".km-conflict")).to_be_visible(timeout=15_000)


def loaded(page, meeting):
    pass


def registration_open(page, meeting):
    """The agenda while registration is open (the meeting's dates): its "Register" link is swept too."""
    expect(page.locator("a.register-link")).to_be_visible()


# -- the table ---------------------------------------------------------------------------------

@dataclass
class Page:
    name: str
    path: str
    token: str | None = None           # the link it is opened with (a key of Meeting.tokens)
    states: tuple[Callable, ...] = (loaded,)
    workspace: bool = False            # opened by the signed-in organiser
    status: int = 200


PAGES = [
    Page("agenda", BASE, states=(registration_open,)),
    Page("session", f"{BASE}/sessions/{SESSION}"),
    Page("stage", f"{LIVE}/stage", "speaker", (connected, running, overrun(0), overrun(600))),
    Page("live", f"{LIVE}/live", "participant", (connected, running, queue, overrun(0), overrun(600), offline)),
    Page("console", f"{LIVE}/console", "chair",
         (connected, running, overrun(0), overrun(600), queue, slowdown, offline)),
    Page("booth", f"{LIVE}/booth", "interpreter", (connected, slowdown)),
    Page("rapporteur", f"{LIVE}/rapporteur", "rapporteur", (km_connected, conflict)),
    Page("translator", f"{LIVE}/rapporteur", "translator", (km_connected,)),
    Page("speech text", f"{LIVE}/speech-text", "organiser"),
    Page("outcome", f"{BASE}/outcome.html"),
    Page("presentation", f"{BASE}/presentation"),
    Page("actuals", f"{BASE}/actuals", "organiser"),
    Page("sign-in", "/signin"),
    Page("accessibility", "/accessibility"),
    Page("registration", f"{BASE}/register"),
    Page("registration confirmation", f"{BASE}/register/confirm?confirmation_token=unknown"),
    Page("focal point", f"{BASE}/focal-point", "focal"),
    Page("revoked link", f"{LIVE}/console", "revoked", status=401),
    Page("not found", f"{BASE}/no-such-page", status=404),
    Page("workspace home", "/workspace", workspace=True),
    Page("workspace people", f"/workspace/{SLUG}", workspace=True),
    Page("workspace links", f"/workspace/{SLUG}/links", workspace=True),
    Page("workspace link sheet", f"/workspace/{SLUG}/links/sheet", workspace=True),
    Page("workspace schedule", f"/workspace/{SLUG}/schedule", workspace=True),
    Page("workspace audit", f"/workspace/{SLUG}/audit", workspace=True),
    Page("workspace balance", f"/workspace/{SLUG}/balance", workspace=True),
    Page("workspace sign-ins", "/workspace/sessions", workspace=True),
    Page("workspace registrations", f"/workspace/{SLUG}/registrations", workspace=True),
    Page("workspace lists of speakers", f"/workspace/{SLUG}/speakers", workspace=True),
]

# Findings accepted for now: (page, state or "*", the start of the finding), each with the fix
# expected. The list is empty: a new entry needs a reason a reviewer accepts.
KNOWN: list[tuple[str, str, str]] = []

def known(page: str, state: str, finding: str) -> bool:
    return any(p == page and s in ("*", state) and finding.startswith(start) for p, s, start in KNOWN)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_meets_wcag_22_aa(browser, meeting, signed_in, spec, lang):
    if not a11y.AXE.exists():
        missing("axe-core is not installed (make js-deps)")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900},
                                  storage_state=signed_in if spec.workspace else None)
    findings: list[str] = []
    try:
        page = context.new_page()
        query = ("&" if "?" in spec.path else "?") + f"lang={lang}" + (f"&token={meeting.tokens[spec.token]}" if spec.token else "")
        response = page.goto(meeting.server.url + spec.path + query)
        assert response is not None and response.status == spec.status, (spec.name, response and response.status)
        assert page.locator("html").get_attribute("lang") == lang
        for index, state in enumerate(spec.states):
            state(page, meeting)
            found = (a11y.axe_findings(page) + a11y.contrast_findings(page) + a11y.boundary_findings(page)
                     + a11y.language_findings(page))
            found += a11y.focus_findings(page)[0]
            if index == 0:
                # 320 CSS px is 400 % zoom of a 1280 px window, 640 px its 200 %.
                found += a11y.reflow_findings(page, 320) + a11y.reflow_findings(page, 640) + a11y.text_spacing_findings(page)
            findings += [f"[{state.__name__}] {f}" for f in found if not known(spec.name, state.__name__, f)]
    finally:
        context.close()
        meeting.calm()
    assert not findings, f"{spec.name} ({lang}): {len(findings)} finding(s):\n" + "\n".join(sorted(set(findings)))


@pytest.mark.parametrize("path, token, kind", [
    (BASE, None, "light"),                          # links on white
    (f"{LIVE}/console", "chair", "filled"),         # the console's primary (blue) buttons
    (f"{LIVE}/stage", "speaker", "dark"),           # the stage's black background
])
def test_the_focus_ring_shows_on_white_on_primary_buttons_and_on_the_stage(browser, meeting, path, token, kind):
    """The ring is measured where it is hardest to see: the check did meet rings on that kind of
    background, and every ring there passed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(meeting.server.url + path + "?lang=en" + (f"&token={meeting.tokens[token]}" if token else ""))
        if token:
            connected(page, meeting)
        rings, kinds = a11y.focus_findings(page)
        assert kinds[kind] > 0, kinds
        assert rings == []
    finally:
        context.close()
