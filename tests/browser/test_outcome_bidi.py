"""Each key message renders with its own direction inside an outcome of the other direction,
checked in Chromium by where the final full stop is drawn: at the right end of a left-to-right
sentence, at the left end of a right-to-left one (a wrong direction moves it to the other end,
".States stressed…")."""
from __future__ import annotations

import json
import urllib.request

import pytest

SLUG = "gcm-arab-2021"
API = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages"
ENGLISH = "States stressed safe, orderly and regular migration."
ARABIC = "نؤكد على أهمية الهجرة الآمنة والمنظمة والنظامية."

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

# The rendered boxes of the first letter and of the final full stop of the message with `text`.
MEASURE = """(text) => {
  const body = [...document.querySelectorAll('.outcome-by-session .outcome-text')]
    .find((node) => node.textContent.trim() === text);
  const node = body.querySelector('p').firstChild;
  const box = (start) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, start + 1);
                           const b = r.getBoundingClientRect(); return {left: b.left, right: b.right}; };
  const p = body.querySelector('p').getBoundingClientRect();
  const item = body.closest('li'), list = item.closest('ul');
  const li = item.getBoundingClientRect(), ul = list.getBoundingClientRect();
  return {first: box(0), stop: box(node.length - 1), block: {left: p.left, right: p.right},
          direction: getComputedStyle(body).direction, page: document.documentElement.dir,
          item: {direction: getComputedStyle(item).direction, left: li.left - ul.left, right: ul.right - li.right}};
}"""


def call(server, token, method, path, body):
    request = urllib.request.Request(f"{server.url}{path}", method=method, data=json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_english_in_arabic_and_arabic_in_french_keep_their_own_direction(browser, server, server_token):
    organiser = server_token("organiser", name="Secretariat")
    call(server, organiser, "POST", API, {"text": ENGLISH, "language": "en", "status": "agreed"})
    call(server, organiser, "POST", API, {"text": ARABIC, "language": "ar", "status": "agreed"})
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server.url}/conferences/{SLUG}/outcome.html?lang=ar")
        english = page.evaluate(MEASURE, ENGLISH)
        page.goto(f"{server.url}/conferences/{SLUG}/outcome.html?lang=fr")
        arabic = page.evaluate(MEASURE, ARABIC)
    finally:
        context.close()

    assert (english["page"], english["direction"], arabic["page"], arabic["direction"]) == ("rtl", "ltr", "ltr", "rtl")
    # Left to right inside the Arabic page: the stop is right of the first letter, the sentence
    # starts at the block's left edge.
    assert english["stop"]["left"] > english["first"]["right"]
    assert english["first"]["left"] - english["block"]["left"] < 2
    # Right to left inside the French page: the stop is left of the first letter, the sentence
    # starts at the block's right edge.
    assert arabic["stop"]["right"] < arabic["first"]["left"]
    assert arabic["block"]["right"] - arabic["first"]["right"] < 2
    # Each message is a list item of its own direction: its bullet (outside the item, on its start
    # side) has the room the item leaves on its own side, inside the list.
    assert (english["item"]["direction"], arabic["item"]["direction"]) == ("ltr", "rtl")
    assert english["item"]["left"] > 10 and abs(english["item"]["right"]) < 1
    assert arabic["item"]["right"] > 10 and abs(arabic["item"]["left"]) < 1
