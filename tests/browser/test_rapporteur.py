"""The rapporteur console and presentation mode in a real browser (Chromium via Playwright)."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

SLUG = "gcm-arab-2021"
CONSOLE = f"/conferences/{SLUG}/sessions/plenary-1/rapporteur"
HOSTILE = ('<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
           '[click](javascript:window.__pwned=3) **bold**')

pytestmark = pytest.mark.browser
# What, inside a node, could run code: elements that load or execute, on* attributes, javascript: links.
ACTIVE_PARTS = """node => [...node.querySelectorAll('*')].flatMap(e =>
  (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'STYLE', 'LINK'].includes(e.tagName.toUpperCase())
    ? [e.tagName] : []).concat([...e.attributes].filter(a => /^on/i.test(a.name)
      || /^\\s*javascript:/i.test(a.value)).map(a => e.tagName + '@' + a.name)))"""


def post(server, token, key, **fields):
    request = urllib.request.Request(
        f"{server.url}/api/v1/conferences/{SLUG}/sessions/{key}/key-messages", method="POST",
        data=json.dumps(fields).encode(), headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def open_console(context, server, token):
    page = context.new_page()
    page.goto(f"{server.url}{CONSOLE}?token={token}&lang=en")
    expect(page.locator("#km-connection")).to_have_attribute("data-status", "connected")
    return page


def test_message_typed_by_one_rapporteur_appears_on_the_others_page(browser, server, server_token):
    first = browser.new_context()
    second = browser.new_context()
    try:
        a = open_console(first, server, server_token("rapporteur", "plenary-1", name="Rapporteur A"))
        b = open_console(second, server, server_token("rapporteur", "plenary-1", name="Rapporteur B"))

        a.click("#km-new")
        a.locator(".km-card .km-text").first.type("States called for *regular pathways*.")

        expect(a.locator(".km-card .km-save").first).to_have_text("Saved: revision 1")
        card = b.locator('.km-card[data-key="plenary-1-km-1"]')
        expect(card.locator(".km-text")).to_have_value("States called for *regular pathways*.")
        expect(card.locator(".km-preview em")).to_have_text("regular pathways")

        a.locator(".km-card .km-status").first.select_option("agreed")
        expect(card.locator(".km-badge")).to_have_text("Agreed")
    finally:
        first.close()
        second.close()


def test_script_and_event_handler_markup_renders_inert(browser, server, server_token):
    organiser = server_token("organiser")
    post(server, organiser, "plenary-1", text=HOSTILE, status="agreed")
    context = browser.new_context()
    try:
        console = open_console(context, server, server_token("rapporteur", "plenary-1"))
        preview = console.locator(".km-card .km-preview").first
        expect(preview.locator("strong")).to_have_text("bold")
        assert (preview.locator("script, img, a[href^='javascript']").count(),
                "<script>window.__pwned = 1</script>" in preview.inner_text(),
                console.locator(".km-card .km-text").first.input_value()) == (0, True, HOSTILE)

        participant = context.new_page()
        participant.goto(f"{server.url}/conferences/{SLUG}/presentation?lang=en")
        expect(participant.locator("#pres-text strong")).to_have_text("bold")
        # Nothing that could run later is there: no element that loads or runs anything, no
        # handler attribute, no javascript: link (so no waiting to see whether one fires).
        for shown in (preview, participant.locator("#pres-text")):
            assert shown.evaluate(ACTIVE_PARTS) == [], shown
        assert (console.evaluate("window.__pwned"), participant.evaluate("window.__pwned")) == (None, None)
    finally:
        context.close()


def test_presentation_pages_through_agreed_messages_on_a_participants_screen(browser, server, server_token):
    organiser = server_token("organiser")
    post(server, organiser, "plenary-1", text="First, from plenary 1.", status="agreed")
    post(server, organiser, "plenary-2", text="Second, from plenary 2.", status="agreed")
    post(server, organiser, "plenary-1", text="Never shown: a draft.")
    driver_context = browser.new_context()
    participant_context = browser.new_context()
    try:
        participant = participant_context.new_page()
        participant.goto(f"{server.url}/conferences/{SLUG}/presentation?lang=en")
        driver = driver_context.new_page()
        driver.goto(f"{server.url}/conferences/{SLUG}/presentation?lang=en&token={server_token('chair', 'key-messages')}")
        expect(participant.locator("#pres-text")).to_have_text("First, from plenary 1.")
        expect(participant.locator("#pres-counter")).to_have_text("1 of 2")
        expect(participant.locator("#pres-next")).to_have_count(0)       # followers only follow

        driver.click("#pres-next")

        expect(participant.locator("#pres-text")).to_have_text("Second, from plenary 2.")
        expect(participant.locator("#pres-counter")).to_have_text("2 of 2")
        expect(participant.locator("#pres-session")).to_contain_text("Plenary session 2")

        driver.keyboard.press("ArrowLeft")
        expect(participant.locator("#pres-text")).to_have_text("First, from plenary 1.")
    finally:
        driver_context.close()
        participant_context.close()



def get(server, path, token):
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_edits_made_while_the_server_is_down_are_kept_and_sent_later(browser, server, server_env, server_token):
    from conftest import ServerProcess

    token = server_token("rapporteur", "plenary-1", name="Rapporteur A")
    context = browser.new_context()
    restarted = None
    try:
        page = open_console(context, server, token)
        page.click("#km-new")
        text = page.locator(".km-card .km-text").first
        text.type("Saved before the outage.")
        expect(page.locator(".km-card .km-save").first).to_have_text("Saved: revision 1")

        server.kill()
        text.fill("Written during the outage.")
        expect(page.locator(".km-card .km-save").first).to_contain_text("Not saved yet")
        page.close()                                   # even the tab is gone: localStorage keeps the edit

        restarted = ServerProcess(server_env, server.port).start()
        page = open_console(context, restarted, token)
        expect(page.locator(".km-card .km-save").first).to_have_text("Saved: revision 2")
        history = get(restarted, f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages/plenary-1-km-1/history", token)
        assert [h["text"] for h in history] == ["Saved before the outage.", "Written during the outage."]
    finally:
        context.close()
        if restarted:
            restarted.stop()


def put(server, token, path, body):
    request = urllib.request.Request(server.url + path, method="PUT", data=json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_a_stale_save_shows_both_texts_and_saves_the_merge(browser, server, server_token):
    a = server_token("rapporteur", "plenary-1", name="Rapporteur A")
    b = server_token("rapporteur", "plenary-1", name="Rapporteur B")
    post(server, a, "plenary-1", text="Original wording.")
    context = browser.new_context()
    try:
        page = open_console(context, server, b)
        card = page.locator('.km-card[data-key="plenary-1-km-1"]')
        context.set_offline(True)
        card.locator(".km-text").fill("B's wording.")
        expect(card.locator(".km-save")).to_contain_text("Not saved yet")
        put(server, a, f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages/plenary-1-km-1",
            {"base_revision": 1, "text": "A's wording."})
        context.set_offline(False)

        conflict = card.locator(".km-conflict")
        expect(conflict).to_be_visible(timeout=15000)
        expect(conflict.locator(".km-theirs")).to_have_text("A's wording.")
        expect(conflict.locator(".km-yours")).to_have_text("B's wording.")
        conflict.locator(".km-merged").fill("A's and B's wording.")
        conflict.locator(".km-save-merged").click()

        expect(card.locator(".km-save")).to_have_text("Saved: revision 3")
        history = get(server, f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages/plenary-1-km-1/history", a)
        assert [h["text"] for h in history] == ["Original wording.", "A's wording.", "A's and B's wording."]
    finally:
        context.close()


def test_a_stale_save_of_a_version_shows_both_texts_and_saves_the_merge(browser, server, server_token):
    rapporteur = server_token("rapporteur", "plenary-1", name="Rapporteur A", language="en")
    first = server_token("translator", name="Traducteur A", language="fr")
    second = server_token("translator", name="Traductrice B", language="fr")
    post(server, rapporteur, "plenary-1", text="Safe migration matters.")
    french = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages/plenary-1-km-1/versions/fr"
    put(server, first, french, {"base_revision": 0, "text": "La migration sûre compte."})
    context = browser.new_context()
    try:
        page = open_console(context, server, second)
        card = page.locator('.km-card[data-key="plenary-1-km-1"]')
        card.locator(".km-versions summary").click()
        version = card.locator(".km-version").filter(has=page.locator(".km-version-text[lang=fr]"))
        expect(version.locator(".km-version-text")).to_have_value("La migration sûre compte.")
        context.set_offline(True)
        version.locator(".km-version-text").fill("B : une migration sûre importe.")
        put(server, first, french, {"base_revision": 1, "text": "A : la migration sûre est essentielle."})
        context.set_offline(False)

        conflict = version.locator(".km-conflict")
        expect(conflict).to_be_visible(timeout=15000)
        expect(conflict.locator(".km-conflict-text")).to_contain_text("Someone else saved this version first.")
        expect(conflict.locator(".km-theirs-revision")).to_have_text(
            re.compile(r"^\(Revision 2, Traducteur A, 24 February 2021, .+\)$"))
        expect(conflict.locator(".km-theirs")).to_have_text("A : la migration sûre est essentielle.")
        expect(conflict.locator(".km-yours")).to_have_text("B : une migration sûre importe.")
        conflict.locator(".km-merged").fill("A et B : une migration sûre est essentielle.")
        conflict.locator(".km-save-merged").click()

        expect(version.locator(".km-save")).to_have_text("Saved: revision 3")
        expect(conflict).to_be_hidden()
        history = get(server, french + "/history", rapporteur)
        assert [h["text"] for h in history] == ["La migration sûre compte.", "A : la migration sûre est essentielle.",
                                                "A et B : une migration sûre est essentielle."]
    finally:
        context.close()


def test_translator_and_rapporteur_work_side_by_side(browser, server, server_token):
    rapporteur_context = browser.new_context()
    translator_context = browser.new_context()
    try:
        rapporteur = open_console(rapporteur_context, server,
                                  server_token("rapporteur", "plenary-1", name="Rapporteur A", language="ar"))
        translator = open_console(translator_context, server, server_token("translator", name="Traductrice", language="fr"))
        expect(translator.locator("#km-new")).to_have_count(0)

        rapporteur.click("#km-new")
        rapporteur.locator(".km-card .km-text").first.type("نؤكد على أهمية الهجرة الآمنة.")
        expect(rapporteur.locator(".km-card .km-save").first).to_have_text("Saved: revision 1")

        card = translator.locator('.km-card[data-key="plenary-1-km-1"]')
        expect(card.locator(".km-text")).to_have_value("نؤكد على أهمية الهجرة الآمنة.")
        expect(card.locator(".km-text")).to_have_attribute("readonly", "")
        expect(card.locator(".km-text")).to_have_attribute("dir", "rtl")
        card.locator(".km-versions summary").click()
        french = card.locator(".km-version-text[lang=fr]")
        french.type("Nous soulignons l’importance d’une migration sûre.")
        expect(card.locator(".km-version .km-save").last).to_have_text("Saved: revision 1")

        mine = rapporteur.locator('.km-card[data-key="plenary-1-km-1"]')
        expect(mine.locator(".km-versions-state")).to_contain_text("French: Draft")
        mine.locator(".km-versions summary").click()
        expect(mine.locator(".km-version-text[lang=fr]")).to_have_value("Nous soulignons l’importance d’une migration sûre.")
    finally:
        rapporteur_context.close()
        translator_context.close()


def test_time_left_far_from_the_end_reads_in_hours_and_days(browser, server, server_token):
    context = browser.new_context()
    try:
        page = open_console(context, server, server_token("rapporteur", "plenary-1"))
        shown = page.evaluate("""() => [59 * 60000 + 10000, 1691 * 60000 + 10000, 5 * 3600000 + 7 * 60000, -(26 * 3600000)]
                                 .map((ms) => window.Minbar.rapporteur.duration(ms))""")
        assert shown == ["59:10", "1 d 4 h", "5 h 7 min", "+1 d 2 h"]
    finally:
        context.close()


@pytest.mark.parametrize("lang,refused,gone", [
    ("fr", "Non enregistré\u202f: ", "Non enregistré\u202f: Ce message clé n’existe plus."),
    ("ar", "لم يُحفظ: ", "لم يُحفظ: لم تعد هذه الرسالة الرئيسية موجودة."),
])
def test_a_refused_save_says_why_in_the_pages_language(browser, server, server_token, lang, refused, gone):
    """A refusal the page knows by its code is said in the page's language; one it cannot say is
    the server's English inside the translated sentence, marked lang="en" and isolated."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server.url}{CONSOLE}?token={server_token('rapporteur', 'plenary-1', name='R')}&lang={lang}")
        expect(page.locator("#km-connection")).to_have_attribute("data-status", "connected")
        page.click("#km-new")
        text = page.locator(".km-card .km-text").first
        text.type("First text.")
        save = page.locator(".km-card .km-save").first
        expect(save).to_have_attribute("data-kind", "saved")

        answers = iter([(404, {"code": "not_found", "message": "There is no key message 'x' in this session."}),
                        (400, {"code": "bad_request", "message": "Some English reason."})])

        def refuse(route):
            status, error = next(answers)
            route.fulfill(status=status, content_type="application/json", body=json.dumps({"error": error}))

        page.route("**/key-messages/**", refuse)
        text.fill("Second text.")
        expect(save).to_have_text(gone)
        text.fill("Third text.")
        expect(save).to_have_text(refused + "Some English reason.")
        english = save.locator('span[lang="en"][dir="ltr"]')
        expect(english).to_have_text("Some English reason.")
    finally:
        context.close()
