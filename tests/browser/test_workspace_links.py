"""The workspace's links, people and audit pages in a real browser, in Arabic and in English:
links for every speaker of a session in one step, the role menu that starts with the least
powerful role and asks before an organiser link, the highlighted new rows and the polite
success message, the confirmation before revoking, the filters, and the audit in sentences."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.test_workspace import SLUG, organiser, sign_in  # noqa: F401  (the organiser fixture)

pytestmark = pytest.mark.browser

BULK = {"en": "3 new links issued, 0 already held", "ar": "صدر 3 رابطاً جديداً، و0 موجودة من قبل"}
ISSUED = {"en": "Link issued", "ar": "صدر الرابط"}
REVOKED = {"en": "Link revoked.", "ar": "أُلغي الرابط."}
CONFIRM = {"en": "Tick the confirmation first", "ar": "ضع علامة التأكيد أولاً"}
SAVED = {"en": "Saved.", "ar": "تم الحفظ."}
OPENING = {"en": "Opening session", "ar": "الجلسة الافتتاحية"}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bulk_links_organiser_confirmation_and_revoke_confirmation(page, server, organiser, lang):  # noqa: F811
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace/{SLUG}/links?lang={lang}")
    rows = page.locator("#links tbody tr[data-link]")
    expect(rows).to_have_count(0)

    # Every speaker of the opening, in one step: three new rows, highlighted and announced.
    page.select_option("#b-group", "speakers")
    expect(page.locator("#b-booth")).to_be_hidden()
    page.select_option("#b-session", "opening")
    with page.expect_navigation():
        page.click("#bulk-links button[type=submit]")
    expect(rows).to_have_count(3)
    expect(page.locator("#links tbody tr.just-added")).to_have_count(3)
    saved = page.locator("#workspace-saved")
    expect(saved).to_have_attribute("aria-live", "polite")
    expect(saved).to_contain_text(BULK[lang])
    expect(page.locator("#links tbody tr.just-added").first).to_contain_text(OPENING[lang])   # a title, not "opening"

    # The role menu starts with the least powerful role; an organiser link waits for the tick.
    expect(page.locator("#l-role")).to_have_value("participant")
    expect(page.locator("#l-confirm-row")).to_be_hidden()
    page.select_option("#l-role", "organiser")
    expect(page.locator("#l-confirm-row")).to_be_visible()
    page.click("#issue-link button[type=submit]")
    expect(page.locator("#workspace-status")).to_contain_text(CONFIRM[lang])
    expect(rows).to_have_count(3)                      # nothing was issued
    page.check("#l-confirm")
    with page.expect_navigation():
        page.click("#issue-link button[type=submit]")
    expect(rows).to_have_count(4)
    new_row = page.locator("#links tbody tr.just-added")
    expect(new_row).to_have_count(1)
    expect(new_row).to_contain_text("Organiser" if lang == "en" else "منظِّم")
    expect(saved).to_contain_text(ISSUED[lang])

    # Revoking asks first: dismissed, nothing changes; accepted, the row says so.
    target = page.locator("#links tbody tr[data-link]").first
    link_id = target.get_attribute("data-link")
    page.once("dialog", lambda dialog: dialog.dismiss())
    target.locator("button.revoke").click()
    page.wait_for_timeout(500)
    expect(page.locator(f"tr[data-link='{link_id}']")).not_to_have_class("revoked")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        page.locator(f"tr[data-link='{link_id}'] button.revoke").click()
    assert asked and asked[0]
    expect(page.locator(f"tr[data-link='{link_id}']")).to_have_class("revoked just-added")
    expect(saved).to_contain_text(REVOKED[lang])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_filters_a_saved_address_and_the_audit_in_sentences(page, server, organiser, server_token, lang):  # noqa: F811
    server_token("speaker", "opening", person="dg-iom")
    server_token("participant", name="Mr Omar Said", delegation="Egypt")
    sign_in(page, server, organiser, lang)

    # Links: filter by role (a menu applies as it changes), then by a search (the form's button).
    page.goto(f"{server.url}/workspace/{SLUG}/links?lang={lang}")
    rows = page.locator("#links tbody tr[data-link]")
    expect(rows).to_have_count(2)
    with page.expect_navigation():
        page.select_option("#f-role", "speaker")
    assert "role=speaker" in page.url
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(OPENING[lang])
    page.goto(f"{server.url}/workspace/{SLUG}/links?lang={lang}")
    page.fill("#f-q", "omar")
    with page.expect_navigation():
        page.click("#links-filter button[type=submit]")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Mr Omar Said")

    # People: an address saved, said politely, its row highlighted; a search by name.
    page.goto(f"{server.url}/workspace/{SLUG}?lang={lang}")
    row = page.locator("tr[data-person=dg-iom]")
    row.locator("input[name=email]").fill("dg@example.org")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator("#workspace-saved")).to_contain_text(SAVED[lang])
    expect(page.locator("tr[data-person=dg-iom]")).to_have_class("just-added")
    expect(page.locator("#email-dg-iom")).to_have_value("dg@example.org")
    page.fill("#f-q", "sg-las")
    with page.expect_navigation():
        page.click("#people-filter button[type=submit]")
    expect(page.locator("#people tbody tr[data-person]")).to_have_count(1)

    # Revoke from the links page, then read the audit: sentences, the raw values kept aside.
    page.goto(f"{server.url}/workspace/{SLUG}/links?lang={lang}")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator("#links tbody tr", has_text="Mr Omar Said").locator("button.revoke").click()
    page.goto(f"{server.url}/workspace/{SLUG}/audit?lang={lang}")
    revoked = page.locator("tr[data-action='workspace.link.revoke']")
    expect(revoked.locator("ul.sentences")).to_have_text(
        "Link for Participant of Mr Omar Said revoked" if lang == "en" else "أُلغي رابط Mr Omar Said بصفة مشارك")
    expect(revoked.locator("details.raw")).not_to_have_attribute("open", "")
    revoked.locator("details.raw summary").click()
    expect(revoked.locator("details.raw")).to_contain_text('{"revoked": true}')
    address = page.locator("tr[data-action='workspace.person.email'] ul.sentences")
    expect(address).to_contain_text("E-mail address of" if lang == "en" else "تغيّر عنوان البريد الإلكتروني")
