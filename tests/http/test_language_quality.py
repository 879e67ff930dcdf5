"""Language quality: speakers named in the reader's language, no role said twice, the Arabic
title of planned versus actual, French typography in every French catalogue, Plenary 3's title."""
from __future__ import annotations

import glob
import re

import pytest
from babel.messages.pofile import read_po

from conference.i18n import ROOT

SLUG = "gcm-arab-2021"
NNBSP = "\u202f"


def test_arabic_planned_versus_actual_names_speakers_in_arabic(client, issue_token):
    token = issue_token("organiser")
    arabic = client.get(f"/conferences/{SLUG}/actuals?token={token}&lang=ar", follow_redirects=True).get_data(as_text=True)
    english = client.get(f"/conferences/{SLUG}/actuals?token={token}&lang=en", follow_redirects=True).get_data(as_text=True)
    assert ("الأمينة التنفيذية للإسكوا" in arabic, "Executive Secretary of ESCWA" in arabic,
            "Executive Secretary of ESCWA" in english) == (True, False, True)
    assert "المخطط مقارنة بالفعلي" in arabic and "المقرر مقارنة بالفعلي" not in arabic


def test_arabic_csv_names_speakers_in_arabic(client, issue_token):
    csv = client.get(f"/conferences/{SLUG}/actuals.csv?token={issue_token('organiser')}&lang=ar", follow_redirects=True).get_data(as_text=True)
    assert "الأمينة التنفيذية للإسكوا" in csv and "Executive Secretary of ESCWA" not in csv


@pytest.mark.parametrize("language,role,person", [
    ("en", "Executive Secretariat of ESCWA", "Executive Secretary of ESCWA"),
    ("fr", "Secrétariat exécutif de la CESAO", "Secrétaire exécutive de la CESAO"),
    ("ar", "الأمانة التنفيذية للإسكوا", "الأمينة التنفيذية للإسكوا"),
])
def test_a_role_is_not_followed_by_the_same_designation(client, language, role, person):
    page = client.get(f"/conferences/{SLUG}/sessions/closing?lang={language}").get_data(as_text=True)
    slot = page[page.index('id="slot-closing-es-escwa"'):]
    slot = slot[:slot.index("</li>")]
    assert (role in slot, person in slot) == (True, False)


def test_a_speaker_other_than_the_role_is_still_named(client):
    from types import SimpleNamespace

    from conference.presenters import speaker_label
    person = SimpleNamespace(name_in=lambda code: {"en": "Assistant Secretary-General of the League of Arab States"}.get(code, "x"))
    slot = SimpleNamespace(speaker=person, role={"en": "Secretary-General of the League of Arab States"})
    assert speaker_label(slot, "en") == "Assistant Secretary-General of the League of Arab States"


def test_plenary_3_key_remarks_are_not_called_key_messages(client):
    english = client.get(f"/conferences/{SLUG}/sessions/plenary-3?lang=en").get_data(as_text=True)
    french = client.get(f"/conferences/{SLUG}/sessions/plenary-3?lang=fr").get_data(as_text=True)
    assert "Plenary session 3: Key remarks" in english and "Key messages from the multi" not in english
    assert "principales observations" in french and "principaux messages des consultations" not in french


def _french_strings():
    for path in sorted(glob.glob(str(ROOT / "*" / "translations" / "fr" / "LC_MESSAGES" / "*.po"))):
        with open(path, "rb") as handle:
            catalogue = read_po(handle, locale="fr")
        for message in catalogue:
            if message.id:
                for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
                    yield path.rsplit("/", 1)[-1], message.id, text


def test_french_catalogues_follow_french_typography():
    wrong = []
    for where, msgid, text in _french_strings():
        if "'" in text:
            wrong.append((where, text, "a straight apostrophe: use ’"))
        if '"' in text:
            wrong.append((where, text, "straight quotes: use « »"))
        # ; ? ! take a narrow no-break space, : a narrow or a full no-break space (not after a
        # digit or in an address: 10:30, https://).
        if re.search(rf"(?<![{NNBSP}])[;?!](?=\s|$|»|\))", text) or \
                re.search(rf"(?<![{NNBSP}\u00a0\d/])[:](?=\s|$|»|\))", text):
            wrong.append((where, text, "no (narrow) no-break space before : ; ? !"))
        if re.search(rf"«(?!{NNBSP})|(?<!{NNBSP})»", text):
            wrong.append((where, text, "« » without narrow no-break spaces inside"))
    assert wrong == []


def test_french_typography_reaches_the_pages(client):
    page = client.get(f"/conferences/{SLUG}/outcome.html?lang=fr").get_data(as_text=True)
    assert "Aucun message clé pour l’instant" in page or "Aucun message clé" in page
    assert "l'instant" not in page
