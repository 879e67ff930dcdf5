"""Organiser sign-in: CSRF, rate limiting, expiry, no password in clear anywhere, the CLI."""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import text

from conference.cli import cli

from .conftest import PASSWORD, SLUG, csrf_of


def test_signin_without_the_csrf_token_is_refused(loaded_app, account):
    client = loaded_app.test_client()
    email = account()
    response = client.post("/signin", data={"email": email, "password": PASSWORD})
    assert response.status_code == 403
    assert client.get("/api/v1/conferences/gcm-arab-2021/people").status_code == 401


def test_signed_in_browser_writes_need_the_csrf_header(browser):
    body = {"key": "amira", "name": "Amira", "group": "member_state"}
    refused = browser.post(f"/api/v1/conferences/{SLUG}/people", json=body)
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"
    created = browser.post(f"/api/v1/conferences/{SLUG}/people", json=body, headers={"X-CSRFToken": browser.csrf})
    assert created.status_code == 201, created.get_json()
    assert browser.get(f"/api/v1/conferences/{SLUG}/people").status_code == 200   # reads need none


def test_the_sixth_failure_in_a_minute_answers_429_for_an_account_and_for_an_address(loaded_app, account, clock):
    email = account()
    client = loaded_app.test_client()
    token = csrf_of(client)
    statuses = [client.post("/signin", data={"email": email, "password": f"wrong {n}", "csrf_token": token}).status_code
                for n in range(6)]
    assert statuses == [401] * 5 + [429]
    # Even the right password waits while throttled.
    assert client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token}).status_code == 429
    clock.advance(61)
    assert client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token}).status_code == 303
    # One address trying many accounts is limited too.
    other = loaded_app.test_client()
    token = csrf_of(other)
    statuses = [other.post("/signin", data={"email": f"x{n}@example.org", "password": "nope", "csrf_token": token},
                           environ_base={"REMOTE_ADDR": "10.9.9.9"}).status_code for n in range(6)]
    assert statuses[-1] == 429


def test_a_session_expires(browser, clock):
    assert browser.get(f"/api/v1/conferences/{SLUG}/people").status_code == 200
    later = clock.now() + timedelta(hours=9)
    clock.set(later)
    assert browser.get(f"/api/v1/conferences/{SLUG}/people").status_code == 401


def test_no_password_in_the_log_or_in_the_database(loaded_app, clock, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    runner = loaded_app.test_cli_runner()
    result = runner.invoke(cli, ["organiser", "create", "Chief@Example.org", "--conference", SLUG,
                                 "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    client = loaded_app.test_client()
    token = csrf_of(client)
    client.post("/signin", data={"email": "chief@example.org", "password": PASSWORD + "x", "csrf_token": token})
    assert client.post("/signin", data={"email": "chief@example.org", "password": PASSWORD,
                                        "csrf_token": token}).status_code == 303
    assert PASSWORD not in caplog.text and PASSWORD not in result.output
    database = loaded_app.extensions["minbar.db"]
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM organiser_accounts")).scalar()
    assert stored.startswith("scrypt:") and PASSWORD not in stored
    dump = b"".join(p.read_bytes() for p in tmp_path.rglob("*.sqlite3*"))
    assert PASSWORD.encode() not in dump


def test_an_organiser_of_one_conference_cannot_touch_another(loaded_app, account, browser):
    # The browser's account organises only the bundled conference; a clone made by another
    # account is out of its reach.
    from conference import queries
    from conference.workspace import operations
    from datetime import date

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        operations.clone_conference(db, queries.conference(db, SLUG), slug="other-2022", first_day=date(2022, 3, 1),
                                    now=queries.conference(db, SLUG).modified_at, actor="test", instance=None)
    assert browser.get("/api/v1/conferences/other-2022/people").status_code == 403
    assert browser.get(f"/api/v1/conferences/{SLUG}/people").status_code == 200
