"""The workspace's agenda editing in a real browser, in Arabic and in English: a start changed
alone moves a session keeping its length, speakers reordered by drag and drop and by keyboard,
a success message after each save, the conference list with slug and dates, a clone confirmed."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.test_workspace import SLUG, organiser, sign_in  # noqa: F401  (the fixture is used by name)

pytestmark = pytest.mark.browser

SAVED = {"ar": "تم الحفظ", "en": "Saved."}
UNCHANGED = {"ar": "لا شيء للحفظ: الأوقات هي المعروضة.", "en": "Nothing to save: the times are those shown."}
ZONE = {"ar": "توقيت بيروت", "en": "Beirut time"}
PLENARY_4 = ["plenary-4-special-rapporteur", "plenary-4-women-children-youth", "plenary-4-discussion"]


def slot_order(page, session="plenary-4"):
    return page.locator(f"tr[data-slots-of={session}] li").evaluate_all(
        "items => items.map(li => li.getAttribute('data-slot'))")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_start_changed_alone_moves_the_session_keeping_its_length(page, server, organiser, lang):
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace/{SLUG}/schedule?lang={lang}")
    expect(page.locator("main")).to_contain_text(ZONE[lang])
    expect(page.locator("main")).not_to_contain_text("Asia/Beirut")
    row = page.locator("tr[data-session=plenary-4]")
    expect(row.locator("th")).not_to_contain_text("plenary-4")
    row.locator("input[name=starts_at]").fill("2021-02-24T14:30")
    row.locator("input[name=shift_following]").check()
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    row = page.locator("tr[data-session=plenary-4]")
    expect(row.locator("input[name=starts_at]")).to_have_value("2021-02-24T14:30")
    expect(row.locator("input[name=ends_at]")).to_have_value("2021-02-24T15:00")
    expect(page.locator("tr[data-session=roundtable-1] input[name=starts_at]")).to_have_value("2021-02-24T15:00")
    saved = page.locator("#workspace-saved")
    expect(saved).to_have_attribute("role", "status")
    expect(saved).to_contain_text(SAVED[lang])
    expect(page.locator("#workspace-status")).to_be_hidden()

    # Nothing changed: nothing is sent, and the page says so.
    sent = []
    page.on("request", lambda r: sent.append(r) if r.method == "PATCH" else None)
    page.locator("tr[data-session=plenary-4] button[type=submit]").click()
    expect(page.locator("#workspace-saved")).to_have_text(UNCHANGED[lang])
    page.wait_for_timeout(300)
    assert sent == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_speakers_reordered_by_drag_and_drop_and_by_keyboard(page, server, organiser, lang):
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace/{SLUG}/schedule?lang={lang}")
    block = page.locator("tr[data-slots-of=plenary-4]")
    block.locator("summary").click()
    assert slot_order(page) == PLENARY_4

    # Drag and drop: the first speaker dropped on the lower half of the last one goes last.
    first = block.locator(f"li[data-slot={PLENARY_4[0]}]")
    last = block.locator(f"li[data-slot={PLENARY_4[2]}]")
    box = last.bounding_box()
    with page.expect_response(lambda r: r.url.endswith("/sessions/plenary-4/slot-order") and r.status == 200):
        first.drag_to(last, target_position={"x": box["width"] / 2, "y": box["height"] - 3})
    dragged = [PLENARY_4[1], PLENARY_4[2], PLENARY_4[0]]
    assert slot_order(page) == dragged
    expect(page.locator("#workspace-saved")).to_contain_text("3")

    # The keyboard: Tab to the discussion's "move down" button, Enter; the focus stays on it.
    down = block.locator(f"li[data-slot={PLENARY_4[2]}] button.slot-down")
    down.focus()
    with page.expect_response(lambda r: r.url.endswith("/slot-order") and r.status == 200):
        page.keyboard.press("Enter")
    expect(down).to_be_focused()
    keyed = [PLENARY_4[1], PLENARY_4[0], PLENARY_4[2]]
    assert slot_order(page) == keyed
    label = block.locator(f"li[data-slot={PLENARY_4[2]}]").get_attribute("data-label")
    expect(page.locator("#workspace-saved")).to_contain_text(label)
    # Already last: said, nothing sent.
    page.keyboard.press("Enter")
    assert slot_order(page) == keyed
    expect(page.locator("#workspace-saved")).to_contain_text(label)

    # Saved: another page load shows the same order, and so does the assignments page.
    page.reload()
    assert slot_order(page) == keyed
    page.goto(f"{server.url}/workspace/{SLUG}?lang={lang}")
    assert page.locator("#session-plenary-4 li.slot").evaluate_all(
        "items => items.map(li => li.getAttribute('data-slot'))") == keyed


OVERLAPS = {"ar": "تتداخل", "en": "overlaps", "fr": "chevauche"}


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_refused_change_names_sessions_by_their_titles(page, server, organiser, lang):
    """In the page's language (the server's `text`), the session named by its title."""
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace/{SLUG}/schedule?lang={lang}")
    title = page.locator("tr[data-session=break-1] th").inner_text().strip()
    row = page.locator("tr[data-session=plenary-1]")
    row.locator("input[name=ends_at]").fill("2021-02-24T12:30")
    row.locator("button[type=submit]").click()
    status = page.locator("#workspace-status")
    expect(status).to_contain_text(OVERLAPS[lang])
    expect(status).to_contain_text(title)
    expect(status).not_to_contain_text("break-1")
    if lang != "en":
        expect(status).not_to_contain_text("overlaps")
        expect(status.locator(f"span[lang={lang}]", has_text=OVERLAPS[lang])).to_have_count(1)
    expect(page.locator("#workspace-saved")).to_be_empty()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_conference_list_and_a_clone_asked_first(page, server, organiser, lang):
    sign_in(page, server, organiser, lang)
    page.goto(f"{server.url}/workspace?lang={lang}")
    entry = page.locator(f"li[data-conference={SLUG}]")
    expect(entry).to_contain_text(SLUG)
    expect(entry.locator(".conference-days")).to_have_text(
        "24-25 شباط/فبراير 2021" if lang == "ar" else "24–25 February 2021")
    expect(entry.locator(".conference-zone")).to_have_text(ZONE[lang])

    page.fill(f"#clone-slug-{SLUG}", "gcm-arab-2022")
    page.fill(f"#clone-day-{SLUG}", "2022-07-06")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click(f"form:has(#clone-slug-{SLUG}) button")
    page.wait_for_timeout(300)
    assert len(asked) == 1
    expect(page.locator("li[data-conference=gcm-arab-2022]")).to_have_count(0)

    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click(f"form:has(#clone-slug-{SLUG}) button")
    clone = page.locator("li[data-conference=gcm-arab-2022]")
    expect(clone).to_contain_text("gcm-arab-2022")
    expect(clone.locator(".conference-days")).to_have_text("6-7 تموز/يوليو 2022" if lang == "ar" else "6–7 July 2022")
    expect(page.locator("#workspace-saved")).not_to_be_empty()
