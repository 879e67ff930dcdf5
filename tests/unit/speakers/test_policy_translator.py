"""The translator role in the policy: versions of key messages and the shared console, never the
originals (so never agreeing one)."""
from speakers.identity import Identity
from speakers.policy import may

SLUG = "gcm-arab-2021"


def who(role, session=None, conference=SLUG):
    return Identity(role=role, conference=conference, session=session, name=role, token_id=f"t-{role}-{session}")


def test_translator_rights():
    translator = who("translator")
    bound = who("translator", "plenary-1")
    elsewhere = who("translator", conference="another-conference")
    assert [may(translator, action, SLUG, "plenary-1") for action in
            ("messages.translate", "page.rapporteur", "messages.read_drafts", "messages.write",
             "presentation.drive", "page.console")] == [True, True, True, False, False, False]
    assert [may(bound, "messages.translate", SLUG, s) for s in ("plenary-1", "plenary-2")] == [True, False]
    assert [may(bound, "page.rapporteur", SLUG, s) for s in ("plenary-1", "plenary-2")] == [True, False]
    assert may(elsewhere, "messages.translate", SLUG, "plenary-1") is False


def test_rapporteurs_still_write_and_open_the_console():
    rapporteur = who("rapporteur", "plenary-1")
    assert [may(rapporteur, a, SLUG, "plenary-1") for a in ("messages.write", "page.rapporteur", "messages.read_drafts")] == [
        True, True, True]
    assert may(who("participant"), "page.rapporteur", SLUG, "plenary-1") is False
