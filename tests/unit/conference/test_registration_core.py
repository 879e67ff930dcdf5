"""Registration's pure rules (conference/registration/core.py): the fields, the window, the form's
traps, the limits, duplicates, the person's key and names, what the purge deletes, CSV cells."""
from __future__ import annotations

from collections import namedtuple
from datetime import datetime, timedelta, timezone

import pytest

from conference.errors import MinbarError
from conference.registration import core

NOW = datetime(2021, 2, 1, 9, tzinfo=timezone.utc)
GOOD = {"name": "أميرة حداد", "name_latin": "Amira Haddad", "delegation": "Lebanon", "group": "member_state",
        "language": "ar", "email": "amira@example.org"}


def refusal(**changes) -> MinbarError:
    with pytest.raises(MinbarError) as refused:
        core.submission({**GOOD, **changes})
    return refused.value


def test_a_good_submission_and_its_defaults():
    sub = core.submission({**GOOD, "rank": "3", "needs": "Captions\r\nplease"})
    assert (sub.name, sub.name_latin, sub.rank, sub.gender, sub.needs) == (
        "أميرة حداد", "Amira Haddad", 3, None, "Captions\nplease")
    latin_only = core.submission({**GOOD, "name": "Élise Martin", "name_latin": ""})
    assert latin_only.name_latin == "Élise Martin"
    per_language = core.submission({**GOOD, "name": {"ar": "أميرة", "en": "Amira"}, "name_latin": None})
    assert (per_language.name, per_language.name_latin) == ("أميرة", "Amira")


@pytest.mark.parametrize("changes, field", [
    ({"name": ""}, "name"), ({"name": "a\nb"}, "name"), ({"name": 5}, "name"),
    ({"name_latin": ""}, "name_latin"), ({"name_latin": "أميرة"}, "name_latin"),
    ({"email": "not-an-address"}, "email"), ({"email": "a@b.org\r\nBcc: x@y.org"}, "email"),
    ({"group": "martians"}, "group"), ({"group": None}, "group"), ({"language": "de"}, "language"),
    ({"gender": "robot"}, "gender"), ({"rank": 9}, "rank"), ({"rank": True}, "rank"), ({"rank": "x"}, "rank"),
    ({"delegation": " "}, "delegation"), ({"title": "x" * 201}, "title"), ({"needs": "x" * 1001}, "needs"),
    ({"needs": "bell \x07"}, "needs"),
])
def test_each_bad_field_is_refused_by_name(changes, field):
    error = refusal(**changes)
    assert (error.code, error.extra["field"]) == ("bad_request", field)


def test_the_groups_offered_start_with_states_then_observers_and_the_united_nations():
    assert core.GROUPS[:4] == ("member_state", "observer_state", "intergovernmental", "un_entity")
    assert "civil_society" in core.GROUPS and len(core.GROUPS) == len(set(core.GROUPS))


def test_the_window():
    opens, closes = NOW, NOW + timedelta(days=2)
    assert core.window(None, None, NOW) == "not_yet"
    assert core.window(opens, closes, NOW - timedelta(seconds=1)) == "not_yet"
    assert core.window(opens, closes, NOW) == "open"
    assert core.window(opens, None, NOW + timedelta(days=900)) == "open"
    assert core.window(opens, closes, closes) == "closed"
    with pytest.raises(MinbarError) as closed:
        core.require_open(opens, closes, closes)
    assert closed.value.code == "forbidden" and closed.value.extra["reason"] == "registration_closed"


def test_the_forms_traps():
    stamp = core.form_stamp(NOW, "k")
    core.check_form(stamp, "", NOW + timedelta(seconds=3), "k", 3)
    reasons = []
    for args in [(stamp, "http://spam", NOW + timedelta(seconds=10), "k"),
                 (stamp, "", NOW + timedelta(seconds=2), "k"),
                 (stamp, "", NOW + timedelta(hours=13), "k"),
                 (stamp, "", NOW + timedelta(seconds=10), "another key"),
                 ("123", "", NOW, "k"), (None, "", NOW, "k")]:
        with pytest.raises(MinbarError) as refused:
            core.check_form(*args, 3)
        reasons.append(refused.value.extra["reason"])
    assert reasons == ["honeypot", "too_fast", "stamp", "stamp", "stamp", "stamp"]


def test_the_limits():
    core.check_address_limit(9, 10)
    core.check_address_limit(1000, 0)             # 0: no limit
    with pytest.raises(MinbarError) as refused:
        core.check_address_limit(10, 10)
    assert refused.value.code == "rate_limited"
    assert [core.email_limited(n, 3) for n in (0, 2, 3, 9)] == [False, False, True, True]
    assert core.email_limited(1000, 0) is False   # 0: no limit


def test_tokens_and_keys():
    token, hashed = core.new_token()
    assert core.token_hash(token) == hashed and token not in hashed and len(token) >= 40
    assert core.email_key(" Amira@Example.org ") == core.email_key("amira@example.org")
    assert core.source_key("192.0.2.1", "k") != core.source_key("192.0.2.1", "j")
    assert "192.0.2.1" not in core.source_key("192.0.2.1", "k")


Row = namedtuple("Row", "id email_key name_latin delegation")


def test_duplicates_by_address_or_by_name_and_delegation():
    rows = [Row(1, "a", "Amira Haddad", "Lebanon"), Row(2, "a", "A. Haddad", "Lebanon"),
            Row(3, "b", "amira  HADDAD", " lebanon"), Row(4, "c", "Omar", "Jordan")]
    assert core.duplicates(rows) == {1: ["same_email", "same_name_and_delegation"], 2: ["same_email"],
                                     3: ["same_name_and_delegation"]}


def test_decisions_only_on_pending():
    core.decidable("pending")
    for status in ("unconfirmed", "approved", "declined"):
        with pytest.raises(MinbarError) as refused:
            core.decidable(status)
        assert refused.value.code == "invalid_state"


def test_the_persons_key_and_names():
    assert core.person_key("Amira Haddad", set()) == "amira-haddad"
    assert core.person_key("Amira Haddad", {"amira-haddad", "amira-haddad-2"}) == "amira-haddad-3"
    assert core.person_key("Élise N’Diaye", set()) == "elise-ndiaye"
    assert core.person_key("!!!", set()) == "participant"
    assert core.person_names("أميرة حداد", "Amira Haddad") == {"ar": "أميرة حداد", "en": "Amira Haddad",
                                                               "fr": "Amira Haddad"}
    assert core.person_names("Élise", "Elise") == {"ar": "Elise", "en": "Elise", "fr": "Elise"}


def test_what_the_purge_deletes():
    old, recent = NOW - timedelta(days=31), NOW - timedelta(days=29)
    assert core.purgeable("unconfirmed", old, None, NOW, 30)
    assert not core.purgeable("unconfirmed", recent, None, NOW, 30)
    assert core.purgeable("declined", old, old, NOW, 30)
    assert not core.purgeable("declined", old, recent, NOW, 30)      # counted from the decision
    assert not core.purgeable("pending", old - timedelta(days=900), None, NOW, 30)
    assert not core.purgeable("approved", old - timedelta(days=900), old, NOW, 30)


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+33", "'+33"), ("-x", "'-x"), ("@SUM", "'@SUM"),
                                         ("\tx", "'\tx"), ("Lebanon", "Lebanon"), (None, ""), (3, "3")])
def test_csv_cells_never_start_a_formula(value, cell):
    assert core.csv_cell(value) == cell
