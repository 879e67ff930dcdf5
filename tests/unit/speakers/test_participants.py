"""The list of participants (speakers.participants) and alphabetical order per language
(speakers.collation): no app, no database."""
from __future__ import annotations

import csv
import io

from people import Person as P
from speakers import collation, participants


PEOPLE = [
    P("Ms Lebanon", "member_state", "Lebanon", title="Minister", rank=2),
    P("Mr Lebanon Head", "member_state", "Lebanon", title="Head of delegation", rank=1),
    P("Ms Egypt", "member_state", "Egypt"),
    P("Mr Jordan", "member_state", "Jordan"),
    P("Ms Emirates", "member_state", "United Arab Emirates"),
    P("Mr Syria", "member_state", "Syria"),
    P("Ms Palestine", "member_state", "State of Palestine"),
    P("Mr LAS", "intergovernmental", organisation="League of Arab States"),
    P("Ms IOM", "un_entity", organisation="International Organization for Migration (IOM)"),
    P("Ms ESCWA", "un_entity", organisation="ESCWA"),
    P("=HYPERLINK(\"x\")", "civil_society", organisation="+Caritas", title="@lead"),
    P("Mr Uni", "academia", organisation="American University of Beirut"),
    P("Ms Nobody"),
]


def states(language):
    return [d.name for d in participants.build(PEOPLE, language)[0].delegations]


def test_member_states_in_the_alphabetical_order_of_each_language():
    assert states("en") == ["Egypt", "Jordan", "Lebanon", "Syrian Arab Republic", "United Arab Emirates"]
    # French: accents folded, É files under E.
    assert states("fr") == ["Égypte", "Émirats arabes unis", "Jordanie", "Liban", "République arabe syrienne"]
    # Arabic: the article and the hamza seats do not count: الأردن and الإمارات file under alif.
    assert states("ar") == ["الأردن", "الإمارات العربية المتحدة", "الجمهورية العربية السورية", "لبنان", "مصر"]


def test_parts_in_un_order_and_people_by_rank():
    parts = participants.build(PEOPLE, "en")
    assert [p.key for p in parts] == ["member_states", "observers", "un_entities", "civil_society", "academia", "other"]
    lebanon = next(d for d in parts[0].delegations if d.name == "Lebanon")
    assert [p.name for p in lebanon.people] == ["Mr Lebanon Head", "Ms Lebanon"]
    assert [d.name for d in parts[1].delegations] == ["League of Arab States", "State of Palestine"]
    assert [d.name for d in parts[2].delegations] == ["ESCWA", "International Organization for Migration (IOM)"]
    assert parts[-1].delegations[0].name == "" and parts[-1].count == 1


def test_csv_records_are_formula_safe():
    rows = participants.records(participants.build(PEOPLE, "en"), {"civil_society": "Civil society"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=participants.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    caritas = next(r for r in back if r["part"] == "Civil society")
    assert caritas == {"part": "Civil society", "delegation": "'+Caritas", "name": "'=HYPERLINK(\"x\")",
                       "title": "'@lead"}
    assert len(back) == len(PEOPLE)


def test_sort_keys():
    assert sorted(["Zambie", "Égypte", "Éthiopie", "Espagne"], key=lambda t: collation.sort_key(t, "fr")) == [
        "Égypte", "Espagne", "Éthiopie", "Zambie"]
    assert sorted(["أذربيجان", "الأرجنتين", "إثيوبيا", "الاتحاد الروسي"], key=lambda t: collation.sort_key(t, "ar")) == [
        "الاتحاد الروسي", "إثيوبيا", "أذربيجان", "الأرجنتين"]
    assert collation.state_name("Liban", "ar") == "لبنان"
    assert collation.state_name("Nowhere Land", "fr") == "Nowhere Land"
    assert (collation.state_name("Palestine", "fr"), collation.is_observer_state("فلسطين")) == ("État de Palestine", True)
    assert collation.language_name("ar", "fr") == "arabe"
