"""The list of speakers in real browsers against a real server: a participant asks for the floor,
the chair's console shows them, the chair gives them the floor, and the participant's page says
they have the floor, with their time counting down."""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from browser.live_views import wait_until

pytestmark = pytest.mark.browser

SESSION = "/conferences/gcm-arab-2021/sessions/plenary-1"


def test_participant_asks_chair_grants_and_the_participant_has_the_floor(browser, server, server_token):
    chair_token = server_token("chair", session="plenary-1")
    amal_token = server_token("participant", name="Amal Haddad", delegation="Jordan", group="member_state",
                              language="ar")
    chair_context, amal_context = browser.new_context(), browser.new_context()
    try:
        console = chair_context.new_page()
        console.goto(f"{server.url}{SESSION}/console?token={chair_token}&lang=en")
        expect(console.locator("#live-connection")).to_have_attribute("data-status", "connected")
        console.locator('[data-goto="plenary-1-discussion"]').click()
        expect(console.locator("#queue-empty")).to_be_visible()

        live = amal_context.new_page()
        live.goto(f"{server.url}{SESSION}/live?token={amal_token}&lang=en")
        expect(live.locator("#live-connection")).to_have_attribute("data-status", "connected")
        live.locator("#floor-ask").click()
        expect(live.locator("#floor-place")).to_have_text("You are number 1 on the list of speakers. You are next.")
        expect(live.locator("#floor-withdraw")).to_be_visible()

        entry = console.locator("#queue-list li")
        expect(entry).to_have_count(1)
        expect(entry.locator(".queue-name")).to_have_text("Amal Haddad")
        expect(entry.locator(".queue-delegation")).to_have_text("Jordan")
        expect(entry.locator(".queue-group")).to_have_text("Member State")
        expect(entry.locator(".queue-language")).to_have_text("العربية")
        expect(entry.locator(".queue-waiting")).to_have_text(re.compile(r"^waiting 0:0\d$"))
        expect(console.locator("#queue-budget")).to_have_text(
            "The list needs 3 minutes; 30 minutes left in the discussion.")

        entry.get_by_role("button", name="Give the floor").click()

        expect(console.locator("#queue-speaking-name")).to_have_text("Amal Haddad (Jordan)")
        expect(live.locator("#floor-granted")).to_be_visible()
        expect(live.locator("#floor-granted-title")).to_have_text("You have the floor")
        expect(live.locator("#floor-countdown")).to_have_text(re.compile(r"^(3:00|2:5\d)$"))
        expect(live.locator("#floor-place")).to_be_empty()
    finally:
        chair_context.close()
        amal_context.close()


def test_anonymous_viewer_sees_why_they_cannot_ask(page, server):
    page.goto(f"{server.url}{SESSION}/live?lang=fr")
    expect(page.locator("#floor-ask")).to_be_disabled()
    expect(page.locator("#floor-reason")).to_have_text(
        "Pour demander la parole, il faut votre lien de connexion personnel.")


def participant_tokens(env: dict, count: int) -> list[str]:
    """Participant links issued straight into the server's database (the CLI takes a process each)."""
    from datetime import datetime, timezone

    from conference import queries
    from conference.db import Database
    from speakers import access

    database = Database(env["DATABASE_URL"])
    try:
        with database.session_scope() as db:
            conf = queries.conference(db, "gcm-arab-2021")
            return [access.issue(db, conference=conf, role="participant", now=datetime.now(timezone.utc),
                                 secret=env["SECRET_KEY"], name=f"Delegate {n}", group="member_state")[0]
                    for n in range(count)]
    finally:
        database.engine.dispose()


def test_the_console_warns_in_arabic_when_the_list_cannot_fit(browser, server, server_env, server_token):
    def call(token: str, event: str, payload: dict) -> dict:
        client = socketio_client(server, token)
        try:
            return client.call(event, {"session": "plenary-1", **payload}, namespace="/live")
        finally:
            hang_up(client)

    chair_token = server_token("chair", session="plenary-1")
    assert call(chair_token, "slot", {"action": "goto", "slot": "plenary-1-discussion"})["ok"]
    # Eleven requests at 3 minutes need 33 minutes; the block has 30.
    for token in participant_tokens(server_env, 11):
        assert call(token, "queue", {"action": "request"})["ok"]

    page = browser.new_page()
    try:
        page.goto(f"{server.url}{SESSION}/console?token={chair_token}&lang=ar")
        budget = page.locator("#queue-budget")
        expect(budget).to_have_class(re.compile(r"queue-budget-over"))
        expect(budget).to_have_text("تنبيه: تحتاج القائمة إلى 33 دقيقة، وهو أكثر من الوقت المتبقي للنقاش (30 دقيقة).")
        expect(page.locator("#queue-list li")).to_have_count(11)
    finally:
        page.close()


@contextmanager
def console_with_queue(browser, server, server_env, server_token, more: int = 0):
    """The chair's console (English) once Delegates 0, 1 and 2 have asked, in this order; yields
    the page, the names in the list, and `more` participant tokens that have not asked."""
    chair_token = server_token("chair", session="plenary-1")
    tokens = participant_tokens(server_env, 3 + more)
    for token in tokens[:3]:
        ask_for_the_floor(server, token)
    page = browser.new_page()
    names = page.locator("#queue-list li .queue-name")
    try:
        page.goto(f"{server.url}{SESSION}/console?token={chair_token}&lang=en")
        expect(names).to_have_text(["Delegate 0", "Delegate 1", "Delegate 2"])
        yield page, names, tokens[3:]
    finally:
        page.close()


def test_the_chair_reorders_by_keyboard_and_by_dragging(browser, server, server_env, server_token):
    with console_with_queue(browser, server, server_env, server_token) as (page, names, _):
        page.locator("#queue-list li").first.focus()
        page.keyboard.press("Alt+ArrowDown")
        expect(names).to_have_text(["Delegate 1", "Delegate 0", "Delegate 2"])
        expect(page.locator("#queue-list li").nth(1)).to_be_focused()      # the keyboard stays on it
        expect(page.locator("#queue-list li").nth(1).locator(".queue-pinned")).to_have_text("moved by the chair")

        page.locator("#queue-list li").nth(2).drag_to(page.locator("#queue-list li").first)
        expect(names).to_have_text(["Delegate 2", "Delegate 1", "Delegate 0"])

        # The less used actions are in the entry's menu.
        page.locator("#queue-list li").nth(1).get_by_role("button", name="More actions").click()
        page.locator("#queue-list li").nth(1).get_by_role("menuitem", name="Move up").click()
        expect(names).to_have_text(["Delegate 1", "Delegate 2", "Delegate 0"])


def test_a_drag_survives_updates_that_do_not_change_the_queue(browser, server, server_env, server_token):
    """Listener counts and clock syncs notify every view; the queue list is not rebuilt for them,
    and a new STATE arriving during a drag waits for the drop (the dragged item stays on the page)."""
    with console_with_queue(browser, server, server_env, server_token, more=1) as (page, names, late):
        first = page.locator("#queue-list li").first
        first.evaluate("li => { li.dataset.seen = 'yes'; }")

        # What a `listeners` event or a clock sync does: every view is told again, same version.
        page.evaluate("""() => { const s = Minbar.session;
                                 s.listeners.forEach(fn => fn(s.state, s)); }""")
        expect(first).to_have_attribute("data-seen", "yes")

        # A newer STATE during a drag: the list keeps the dragged item until the drop, then shows
        # the newest queue with the drop applied.
        page.locator("#queue-list li").nth(2).dispatch_event("dragstart", {"dataTransfer": page.evaluate_handle("new DataTransfer()")})
        version = page.evaluate("Minbar.session.state.version")
        ask_for_the_floor(server, late[0])                 # Delegate 3 asks meanwhile
        wait_until(page, f"Minbar.session.state.version > {version}")
        expect(first).to_have_attribute("data-seen", "yes")
        expect(names).to_have_count(3)
        first.dispatch_event("drop", {"dataTransfer": page.evaluate_handle("new DataTransfer()")})
        expect(names).to_have_text(["Delegate 2", "Delegate 0", "Delegate 1", "Delegate 3"])


def ask_for_the_floor(server, token: str) -> None:
    client = socketio_client(server, token)
    try:
        assert client.call("queue", {"session": "plenary-1", "action": "request"}, namespace="/live")["ok"]
    finally:
        hang_up(client)


def socketio_client(server, token: str):
    import socketio

    client = socketio.Client(reconnection=False, handle_sigint=False)
    client.connect(server.url, namespaces=["/live"], transports=["websocket"], auth={"token": token})
    return client


def hang_up(client) -> None:
    # websocket-client would wait 3 s for a closing frame Werkzeug may never send.
    client.eio.ws.close = functools.partial(type(client.eio.ws).close, client.eio.ws, timeout=0.2)
    client.disconnect()
