"""Interpretation channels in a real browser (Debian's Chromium through Playwright) against a real
server process: the chair moves from an Arabic-speaking to a French-speaking slot, and the booth
views and a participant page follow without reloading; the participant switches channel in one
click and the choice survives a reload."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ServerProcess, free_port

pytestmark = pytest.mark.browser

AGENDA = Path(__file__).resolve().parent.parent / "data" / "agendas" / "channels.toml"
CONF, SESSION = "channels-demo", "plenary-1"
BASE = f"/conferences/{CONF}/sessions/{SESSION}"


@pytest.fixture
def demo_server(server_env):
    """A server on a database that also holds the channels-demo conference, and `issue(role, ...)`
    for its sign-in links (both done in this process: quicker than the CLI, same database)."""
    from datetime import datetime, timezone

    from conference import queries
    from conference.app import create_app
    from conftest import load_agenda_file
    from speakers import access

    app = create_app({"DATABASE_URL": server_env["DATABASE_URL"], "SECRET_KEY": server_env["SECRET_KEY"],
                      "INSTANCE_PATH": server_env["MINBAR_INSTANCE"], "REDIS_URL": None})
    now = datetime(2021, 2, 24, 9, 14, tzinfo=timezone.utc)
    load_agenda_file(app, AGENDA, now)

    def issue(role, **fields):
        with app.extensions["minbar.db"].session_scope() as db:
            conf = queries.conference(db, CONF)
            return access.issue(db, conference=conf, role=role, now=now, secret=server_env["SECRET_KEY"], **fields)[0]

    process = ServerProcess(server_env, free_port()).start()
    process.issue = issue
    yield process
    process.stop()
    app.extensions["minbar.db"].engine.dispose()


def test_floor_follows_the_chair_to_a_french_speaker_and_the_channel_choice_is_remembered(browser, demo_server):
    chair = demo_server.issue("chair", session=SESSION, name="Chair")
    fr_interpreter = demo_server.issue("interpreter", booth="fr", name="Anne")
    ar_interpreter = demo_server.issue("interpreter", booth="ar", name="Rana")
    # One browser per person: a browser holds one signed-in link (its session cookie).
    contexts = [browser.new_context(locale="en-US") for _ in range(4)]
    try:
        fr_booth, ar_booth, participant, console = (context.new_page() for context in contexts)
        fr_booth.goto(f"{demo_server.url}{BASE}/booth?token={fr_interpreter}&lang=en")
        ar_booth.goto(f"{demo_server.url}{BASE}/booth?token={ar_interpreter}&lang=en")
        participant.goto(f"{demo_server.url}{BASE}/live?lang=en")
        console.goto(f"{demo_server.url}{BASE}/console?token={chair}&lang=en")
        picker = participant.locator("#channel-picker")

        # Arabic on the floor: the French booth (English only) takes relay from English.
        expect(fr_booth.locator("#booth-floor")).to_have_text("Arabic")
        expect(fr_booth.locator("#booth-mode")).to_have_text("Relay via the English booth")
        expect(ar_booth.locator("#booth-mode")).to_have_attribute("data-mode", "floor")
        expect(picker.locator('[data-status-for="fr"]')).to_have_text("Interpreted by relay, via English")
        for page in (fr_booth, ar_booth, participant, console):
            expect(page.locator("#live-connection")).to_have_attribute("data-status", "connected")

        console.locator("#btn-next").click()

        # French on the floor now, from the Moroccan delegate's declared language: no reload.
        expect(fr_booth.locator("#booth-floor")).to_have_text("French")
        expect(fr_booth.locator("#booth-floor-source")).to_have_text("Set from the speaker's declared language")
        expect(fr_booth.locator("#booth-mode")).to_have_attribute("data-mode", "floor")
        expect(fr_booth.locator("#current-slot [data-field=speaker]")).to_have_text("Delegate of Morocco")
        expect(ar_booth.locator("#booth-mode")).to_have_text("Direct from French")
        expect(picker.locator('[data-status-for="floor"]')).to_have_text("Original speech, now in French")
        expect(picker.locator('[data-channel-option="fr"]')).to_have_attribute("data-mode", "floor")
        expect(picker.locator('[data-status-for="ar"]')).to_have_text("Interpreted directly from French")
        expect(console.locator("#channels-floor")).to_have_text("French")

        # One click on English; the chair's console counts the listener.
        english = picker.locator('[data-channel="en"]')
        english.click()
        expect(english).to_have_attribute("aria-pressed", "true")
        expect(picker.locator('[data-channel="floor"]')).to_have_attribute("aria-pressed", "false")
        expect(console.locator('[data-booth-row="en"] [data-field=listeners]')).to_have_text("1")

        participant.reload()
        expect(participant.locator('#channel-picker [data-channel="en"]')).to_have_attribute("aria-pressed", "true")
        expect(participant.locator('#channel-picker [data-status-for="floor"]')).to_have_text("Original speech, now in French")
    finally:
        for context in contexts:
            context.close()


def test_interpreter_switches_the_booth_off_and_the_chair_sees_the_relay_warning(browser, demo_server):
    chair = demo_server.issue("chair", session=SESSION, name="Chair")
    en_interpreter = demo_server.issue("interpreter", booth="en", name="Omar")
    contexts = [browser.new_context(locale="en-US") for _ in range(2)]
    try:
        booth, console = (context.new_page() for context in contexts)
        booth.goto(f"{demo_server.url}{BASE}/booth?token={en_interpreter}&lang=en")
        console.goto(f"{demo_server.url}{BASE}/console?token={chair}&lang=en")
        expect(booth.locator("#live-connection")).to_have_attribute("data-status", "connected")
        expect(console.locator("#live-connection")).to_have_attribute("data-status", "connected")

        booth.locator("#booth-toggle").click()

        expect(booth.locator("#booth-onair")).to_have_text("Booth off")
        warnings = console.locator("#channels-warnings")
        expect(warnings.locator('[data-code="no_path"]')).to_have_text(
            "The French booth cannot work from Arabic, directly or through relay: its channel is silent.")
        expect(warnings.locator('[data-code="relay_source_off"]')).to_have_text(
            "The English booth is off, and these channels need its relay: French.")

        booth.locator("#btn-slowdown").click()
        expect(console.locator("#channels-slowdown-text")).to_have_text("The English booth asks the speaker to slow down.")
        console.locator("#channels-slowdown-clear").click()
        expect(console.locator("#channels-slowdown")).to_be_hidden()
    finally:
        for context in contexts:
            context.close()
