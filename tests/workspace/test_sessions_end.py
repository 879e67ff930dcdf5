"""Sessions that end (speakers/session_records.py): the session cookie names a server-side record,
so a copy of a cookie taken before `POST /signout` stops with the original (before, the signed
cookie alone was the session: the copy still opened /workspace/<slug>, the workspace API, the
chair's console and the live connection); so do a revoked link's, an unused link's after a day and
a disabled account's. An organiser sees their open sessions (address, browser, when) and ends them."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from conference.extensions import socketio
from conftest import ack
from speakers import access, organisers

from .conftest import PASSWORD, SLUG, csrf_of

CONSOLE = f"/conferences/{SLUG}/sessions/plenary-1/console"
PEOPLE = f"/api/v1/conferences/{SLUG}/people"
COOKIE = "minbar_session"
SESSIONS = "/api/v1/account/sessions"


def copy_of(loaded_app, client, user_agent="Copied/1.0"):
    """Another browser holding the same cookie, taken now."""
    thief = loaded_app.test_client()
    thief.set_cookie(COOKIE, client.get_cookie(COOKIE).value)
    thief.environ_base["HTTP_USER_AGENT"] = user_agent
    return thief


def connects(loaded_app, client) -> bool:
    socket = socketio.test_client(loaded_app, namespace="/live", flask_test_client=client)
    connected = socket.is_connected("/live")
    if connected:
        socket.disconnect(namespace="/live")
    return connected


def chair_signed_in(client, issue_token):
    assert client.get(f"{CONSOLE}?token={issue_token('chair', session='plenary-1')}").status_code == 303
    assert client.get(CONSOLE).status_code == 200


def test_a_chairs_cookie_copied_before_sign_out_stops_with_it(loaded_app, client, issue_token):
    chair_signed_in(client, issue_token)
    thief, socket_thief = copy_of(loaded_app, client), copy_of(loaded_app, client)
    assert thief.get(CONSOLE).status_code == 200 and connects(loaded_app, socket_thief)

    assert client.post("/signout").status_code == 303

    assert not connects(loaded_app, socket_thief)      # refused at connect, not an anonymous viewer
    assert thief.get(CONSOLE).status_code == 401
    assert client.get(CONSOLE).status_code == 401


def test_a_console_connected_before_sign_out_stops_at_its_next_command(loaded_app, client, issue_token):
    chair_signed_in(client, issue_token)
    socket = socketio.test_client(loaded_app, namespace="/live", flask_test_client=copy_of(loaded_app, client))
    try:
        assert socket.emit("join", {"session": "plenary-1"}, namespace="/live", callback=True)["ok"]
        started = socket.emit("timer", {"session": "plenary-1", "action": "start"}, namespace="/live", callback=True)
        assert started["ok"], started

        assert client.post("/signout").status_code == 303

        refused = socket.emit("timer", {"session": "plenary-1", "action": "pause"}, namespace="/live", callback=True)
        assert refused["ok"] is False and refused["error"]["code"] == "unauthorized"
    finally:
        if socket.is_connected("/live"):
            socket.disconnect(namespace="/live")


def test_an_organiser_links_cookie_copied_before_sign_out_stops_for_the_api(loaded_app, client, issue_token):
    client.get(f"/workspace/{SLUG}?token={issue_token('organiser')}")
    assert client.get(PEOPLE).status_code == 200
    thief = copy_of(loaded_app, client)
    client.post("/signout")
    assert thief.get(PEOPLE).status_code == 401


def test_an_accounts_cookie_copied_before_sign_out_stops_for_pages_and_api(loaded_app, browser):
    thief = copy_of(loaded_app, browser)
    assert thief.get(f"/workspace/{SLUG}").status_code == 200 and thief.get(PEOPLE).status_code == 200

    assert browser.post("/signout", data={"csrf_token": browser.csrf}).status_code == 303

    page = thief.get(f"/workspace/{SLUG}")
    assert page.status_code == 303 and page.headers["Location"].startswith("/signin")
    assert thief.get(PEOPLE).status_code == 401
    assert thief.post(PEOPLE, json={"key": "x", "name": "X"}, headers={"X-CSRFToken": browser.csrf}).status_code in (401, 403)


def test_revoking_a_link_ends_its_browsers_sessions(loaded_app, client, issue_token, clock):
    token = issue_token("chair", session="plenary-1")
    client.get(f"{CONSOLE}?token={token}")
    thief, socket_thief = copy_of(loaded_app, client), copy_of(loaded_app, client)
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        access.revoke(db, token, loaded_app.config["SECRET_KEY"], clock.now())
        from speakers.organiser_models import BrowserSession
        assert all(row.ended_at is not None for row in db.query(BrowserSession))
    assert thief.get(CONSOLE).status_code == 401 and not connects(loaded_app, socket_thief)


def test_a_links_session_unused_for_a_day_ends_on_the_server(loaded_app, client, issue_token, clock):
    chair_signed_in(client, issue_token)
    thief = copy_of(loaded_app, client)
    clock.advance(25 * 3600)          # the cookie's own signature does not know this clock: the record does
    assert thief.get(CONSOLE).status_code == 401
    assert client.get(CONSOLE).status_code == 401


def test_disabling_an_account_ends_its_sessions(loaded_app, browser, clock):
    thief = copy_of(loaded_app, browser)
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        organisers.disable(db, "sec@example.org", clock.now())
    assert thief.get(PEOPLE).status_code == 401 and browser.get(PEOPLE).status_code == 401


def sign_in_elsewhere(loaded_app, user_agent: str, address: str):
    other = loaded_app.test_client()
    other.environ_base.update(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    answer = other.post("/signin", data={"email": "sec@example.org", "password": PASSWORD,
                                         "csrf_token": csrf_of(other)})
    assert answer.status_code == 303
    return other


def test_an_organiser_sees_their_open_sessions_and_ends_another(loaded_app, browser, clock):
    laptop = sign_in_elsewhere(loaded_app, "Laptop/2.0 <script>", "203.0.113.9")
    clock.advance(120)
    assert laptop.get(PEOPLE).status_code == 200
    listed = browser.get(SESSIONS).get_json()
    assert len(listed) == 2 and [s["current"] for s in listed].count(True) == 1
    other = next(s for s in listed if not s["current"])
    assert other["address"] == "203.0.113.9" and other["user_agent"] == "Laptop/2.0 <script>"
    assert set(other) == {"id", "current", "signed_in_at", "last_seen_at", "address", "user_agent"}

    # Writes need the CSRF token and the same origin; another account's session is not found.
    assert browser.delete(f"{SESSIONS}/{other['id']}").status_code == 403
    assert browser.delete(f"{SESSIONS}/{other['id']}", headers={"X-CSRFToken": browser.csrf,
                                                                "Origin": "http://evil.example"}).status_code == 403
    assert laptop.get(PEOPLE).status_code == 200
    assert browser.delete(f"{SESSIONS}/999999", headers={"X-CSRFToken": browser.csrf}).status_code == 404
    ended = browser.delete(f"{SESSIONS}/{other['id']}", headers={"X-CSRFToken": browser.csrf})
    assert ended.status_code == 200 and ended.get_json() == {"ended": other["id"]}

    assert laptop.get(PEOPLE).status_code == 401
    assert [s["current"] for s in browser.get(SESSIONS).get_json()] == [True]
    assert browser.get(PEOPLE).status_code == 200


@pytest.mark.parametrize("lang, words", [("en", "End this session"), ("fr", "Mettre fin à cette session"),
                                         ("ar", "إنهاء هذه الجلسة")])
def test_the_sessions_page_in_three_languages_ends_a_session_by_its_form(loaded_app, browser, lang, words):
    laptop = sign_in_elsewhere(loaded_app, "Laptop/2.0 <script>", "203.0.113.9")
    page = browser.get(f"/workspace/sessions?lang={lang}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and words in html and "203.0.113.9" in html
    assert "Laptop/2.0 &lt;script&gt;" in html and "<script>" not in html.split("</head>")[1].replace(
        '<script type="application/json"', "")
    action = re.search(r'action="(/workspace/sessions/\d+/end)"', html).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert browser.post(action, headers={"Origin": "http://evil.example"}, data={"csrf_token": token}).status_code == 403
    assert browser.post(action, data={"csrf_token": token}).status_code == 303
    assert laptop.get(PEOPLE).status_code == 401


def test_the_sessions_page_and_api_need_an_account(loaded_app, client, issue_token):
    assert client.get("/workspace/sessions").status_code == 303
    assert client.get(SESSIONS).status_code == 401
    bearer = {"Authorization": f"Bearer {issue_token('organiser')}"}
    assert client.get(SESSIONS, headers=bearer).status_code == 401


def test_minbar_organiser_disable_signs_the_account_out_everywhere(loaded_app, browser):
    from conference.cli import cli

    result = loaded_app.test_cli_runner().invoke(cli, ["organiser", "disable", "sec@example.org"])
    assert result.exit_code == 0, result.output
    assert browser.get(PEOPLE).status_code == 401
    token = csrf_of(browser)
    assert browser.post("/signin", data={"email": "sec@example.org", "password": PASSWORD,
                                         "csrf_token": token}).status_code == 401
