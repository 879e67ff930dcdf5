"""The pure core of versions: revisions per language, the conflict rule, out of date."""
from datetime import datetime, timedelta, timezone

import pytest

from conference.errors import MinbarError
from sessions.key_messages import core as km

T0 = datetime(2021, 2, 24, 8, 30, tzinfo=timezone.utc)


def original(text="نص أصلي.", language="ar"):
    return km.create("plenary-1-km-1", "plenary-1", {"text": text}, "Rapporteur", T0, language)


def test_first_save_then_revisions_with_their_own_author_and_status():
    msg = original()
    first = km.save_version(None, msg, "fr", 0, {"text": "Texte."}, "Traductrice", T0)
    agreed = km.save_version(first, msg, "fr", 1, {"status": "agreed"}, "Relectrice", T0 + timedelta(minutes=1))
    assert [(r.number, r.text, r.status, r.author, r.source_revision) for r in agreed.revisions] == [
        (1, "Texte.", "draft", "Traductrice", 1), (2, "Texte.", "agreed", "Relectrice", 1)]
    assert km.complete(agreed, msg.text_revision) and not km.complete(first, msg.text_revision)


def test_a_stale_base_is_a_conflict_carrying_both_texts():
    msg = original()
    first = km.save_version(None, msg, "en", None, {"text": "A."}, "T1", T0)
    second = km.save_version(first, msg, "en", 1, {"text": "B."}, "T1", T0)
    with pytest.raises(MinbarError) as caught:
        km.save_version(second, msg, "en", 1, {"text": "C."}, "T2", T0)
    body = caught.value.to_contract()
    assert (body["code"], body["current"]["text"], body["current"]["revision"], body["yours"]) == (
        "conflict", "B.", 2, {"text": "C."})
    assert km.save_version(second, msg, "en", 1, {"text": "B."}, "T2", T0) is second   # already so


def test_out_of_date_follows_the_originals_text_not_its_tags():
    msg = original()
    version = km.save_version(None, msg, "en", 0, {"text": "Original text.", "status": "agreed"}, "T", T0)
    tagged = km.save(msg, 1, {"objectives": [3], "status": "agreed"}, "Rapporteur", T0)
    assert (tagged.text_revision, km.out_of_date(version, tagged.text_revision)) == (1, False)
    rewritten = km.save(tagged, 2, {"text": "نص معدل."}, "Rapporteur", T0)
    assert (rewritten.text_revision, km.out_of_date(version, rewritten.text_revision),
            km.complete(version, rewritten.text_revision)) == (3, True, False)
    confirmed = km.save_version(version, rewritten, "en", 1, {"text": "Original text."}, "T", T0)
    assert (confirmed.revision, confirmed.current.source_revision, km.out_of_date(confirmed, 3)) == (2, 3, False)


@pytest.mark.parametrize("language,base,changes,code", [
    ("ar", 0, {"text": "x"}, "bad_request"),          # the original's own language
    ("de", 0, {"text": "x"}, "not_found"),
    ("fr", 0, {"status": "agreed"}, "bad_request"),    # a first save needs a text
    ("fr", 2, {"text": "x"}, "not_found"),             # no such revision yet
    ("fr", 0, {"text": "x", "group": "g"}, "bad_request"),
    ("fr", -1, {"text": "x"}, "bad_request"),
    ("fr", 0, {"text": ""}, "bad_request"),
])
def test_bad_version_saves_are_refused(language, base, changes, code):
    with pytest.raises(MinbarError) as caught:
        km.save_version(None, original(), language, base, changes, "T", T0)
    assert caught.value.code == code


def test_originals_and_versions_refuse_a_stale_base_alike():
    # One revisioned text: the same refusal, the same fields, the same sentence but for its subject.
    msg = original()
    edited = km.save(msg, 1, {"text": "نص ثان."}, "R2", T0)
    version = km.save_version(km.save_version(None, msg, "en", 0, {"text": "A."}, "T1", T0), msg, "en", 1,
                              {"text": "B."}, "T1", T0)
    refusals = []
    for save in (lambda: km.save(edited, 1, {"text": "x"}, "R3", T0),
                 lambda: km.save_version(version, msg, "en", 1, {"text": "x"}, "T2", T0)):
        with pytest.raises(MinbarError) as caught:
            save()
        refusals.append(caught.value)
    assert [(r.code, r.status, sorted(r.extra), r.extra["base_revision"], r.extra["yours"]) for r in refusals] == [
        ("conflict", 409, ["base_revision", "current", "yours"], 1, {"text": "x"})] * 2
    assert [r.message.split(" now at ")[1] for r in refusals] == [
        "revision 2 (saved by R2); nothing was saved. Merge your changes into the current text and save again.",
        "revision 2 (saved by T1); nothing was saved. Merge your changes into the current text and save again."]
