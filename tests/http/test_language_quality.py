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


# The French rule this project follows (docs/architecture.md, "Languages"): a narrow no-break
# space (U+202F) before : ; ! ? and inside « », never an ordinary space, never none. Not
# punctuation: a colon in a time (10:30) or an address (https://), a ? in a query (?lang=fr).
MISSING_SPACE = re.compile(rf"(?<!{NNBSP})[:;!?](?=[\s»)]|$)")
BAD_QUOTES = re.compile(rf"«(?!{NNBSP})|(?<!{NNBSP})»")


def french_typography_faults(text: str) -> list[str]:
    faults = []
    if "'" in text:
        faults.append("a straight apostrophe: use ’")
    if '"' in text:
        faults.append("straight quotes: use « »")
    if MISSING_SPACE.search(text):
        faults.append("no narrow no-break space (U+202F) before : ; ! ?")
    if BAD_QUOTES.search(text):
        faults.append("« » without narrow no-break spaces (U+202F) inside")
    return faults


def test_the_typography_check_finds_each_fault():
    for wrong in ("Présidence:", "Présidence :", "Présidence\u00a0:", "Vraiment ?", "Non!", "a; b",
                  "« lang »", "«\u202flang »", "%(label)s:", "Au micro: %(name)s"):
        assert french_typography_faults(wrong), wrong
    for right in ("Présidence\u202f:", "Vraiment\u202f?", "«\u202flang\u202f»", "à 10:30", "https://x.org/?lang=fr",
                  "%(label)s\u202f: %(value)s"):
        assert french_typography_faults(right) == [], right


def test_french_catalogues_follow_french_typography():
    wrong = [(where, text, fault) for where, _msgid, text in _french_strings()
             for fault in french_typography_faults(text)]
    assert wrong == []


def _page_text(html: str) -> str:
    """What a reader sees of a page, less the agenda's own French texts (the agenda file's, not a
    catalogue's): no tags, no scripts or JSON configs, entities decoded."""
    import html as entities

    from conference.agenda import validate
    from conference.paths import bundled_agenda

    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    text = entities.unescape(re.sub(r"<[^>]+>", "", html))
    spec, _findings = validate.check_file(bundled_agenda())
    for item in spec.items:
        for value in [item.title, item.description] + [slot.role for slot in item.slots]:
            if value.get("fr"):
                text = text.replace(value["fr"], " ")
    return text


def test_no_script_joins_a_label_and_a_value_with_its_own_colon():
    joined = [f"{path.name}:{number}" for path in sorted((ROOT / "static" / "js").glob("*.js"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r'[\w)\]]\s*\+\s*"\s?[:;!?]\s"', line)]
    assert joined == []       # Minbar.labelled(label, value) takes the catalogue's punctuation


def test_french_pages_put_a_narrow_no_break_space_before_a_labels_colon(client, issue_token):
    """A colon added after a translated label ("Présidence:", "Langue de la salle:", "Versions dans
    les autres langues:") is the catalogue's, with its space, not the template's."""
    chair = issue_token("chair", "plenary-1")
    pages = [f"/conferences/{SLUG}?lang=fr", f"/conferences/{SLUG}/sessions/plenary-1?lang=fr",
             f"/conferences/{SLUG}/sessions/opening?lang=fr",
             f"/conferences/{SLUG}/sessions/plenary-1/booth?lang=fr&booth=fr&token={chair}",
             f"/conferences/{SLUG}/sessions/plenary-1/rapporteur?lang=fr&token={issue_token('rapporteur', 'plenary-1')}"]
    faults = {}
    for url in pages:
        response = client.get(url, follow_redirects=True)
        assert response.status_code == 200, url
        text = _page_text(response.get_data(as_text=True))
        found = sorted({" ".join(match.group(0).split()) for match in
                        re.finditer(rf"[^\n]{{0,30}}(?<!{NNBSP})[:;!?](?=[\s»)]|$)", text)})
        if found:
            faults[url.split("?")[0]] = found
    assert faults == {}


def test_french_typography_reaches_the_pages(client):
    page = client.get(f"/conferences/{SLUG}/outcome.html?lang=fr").get_data(as_text=True)
    assert "Aucun message clé pour l’instant" in page or "Aucun message clé" in page
    assert "l'instant" not in page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_one_message_has_one_translation_across_catalogues(language):
    """The catalogues of every feature merge into one (conference/i18n.py): a message translated
    two ways in two of them would read one way or the other depending on which loaded last."""
    from babel.messages.pofile import read_po

    from conference.i18n import catalogue_paths

    seen: dict[tuple, dict[str, str]] = {}
    for path in catalogue_paths(language):
        with open(path, "rb") as handle:
            for message in read_po(handle):
                if message.id and message.string:
                    key = (message.context, str(message.id))
                    seen.setdefault(key, {})[str(message.string)] = path.name
    differing = {key: found for key, found in seen.items() if len(found) > 1}
    assert not differing, differing
