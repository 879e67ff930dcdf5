"""The agenda's findings said in each language at the edge (conference/finding_text.py): the
engine gives each finding its reason and values; every reason has an Arabic and a French sentence."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from conference import finding_text
from conference.agenda import validate
from conference.paths import bundled_agenda
from conference.workspace import operations

SAMPLE = {"item": "plenary-1", "other": "break-1", "slot": "plenary-1-state-a", "id": "plenary-1",
          "item_span": "11:15-12:30", "other_span": "12:15-13:00", "start": "11:15", "end": "11:00",
          "time": "00:30", "day": "2021-03-28", "zone": "Asia/Beirut", "minutes": 15, "total": 70,
          "length": 60, "person": "<b>ghost</b>", "booth": "ar", "gender": "x", "value": 0}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("reason", sorted(finding_text.TEXTS))
def test_every_reason_is_said_in_arabic_and_french(reason, language):
    english = finding_text.say(reason, SAMPLE, "en")
    said = finding_text.say(reason, SAMPLE, language)
    assert said and english and said != english and "%(" not in said
    page = finding_text.say(reason, SAMPLE, language, markup=True)
    assert "<b>" not in page and ("&lt;b&gt;ghost&lt;/b&gt;" in page) == ("%(person)s" in finding_text.TEXTS[reason])


def test_an_unknown_reason_is_left_to_the_english_message():
    lines = finding_text.refusal({"message": "Something English.", "findings": [
        {"reason": "objective_out_of_range", "message": "item x: GCM objectives are numbered 1 to 23"}]}, "fr")
    assert lines == [{"text": "L’ordre du jour ne serait pas valide.", "lang": None},
                     {"text": "item x: GCM objectives are numbered 1 to 23", "lang": "en"}]


def spec_with(change):
    spec, _findings = validate.check_file(bundled_agenda())
    items = {i.id: i for i in spec.items}
    return replace(spec, items=tuple(change(items).get(i.id, i) for i in spec.items))


@pytest.mark.parametrize("change,reason,params", [
    (lambda i: {"plenary-1": replace(i["plenary-1"], end=time(12, 30))}, "overlap",
     {"item": "break-1", "other": "plenary-1", "minutes": 15, "day": date(2021, 2, 24)}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], end=time(11, 0))}, "end_before_start",
     {"item": "plenary-1", "end": "11:00", "start": "11:15"}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], end=time(11, 45))}, "slots_exceed_item",
     {"item": "plenary-1", "length": 30}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], day=date(2021, 3, 1))}, "bad_day.item",
     {"item": "plenary-1", "day": date(2021, 3, 1)}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], slots=(replace(i["plenary-1"].slots[0], speaker="ghost"),)
                                     + i["plenary-1"].slots[1:])}, "unknown_person.speaker",
     {"item": "plenary-1", "person": "ghost"}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], rapporteurs=("ghost",))}, "unknown_person.rapporteur",
     {"item": "plenary-1", "person": "ghost"}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], slots=(replace(i["plenary-1"].slots[0], minutes=0),)
                                     + i["plenary-1"].slots[1:])}, "bad_value.slot_minutes",
     {"item": "plenary-1", "value": 0}),
    (lambda i: {"plenary-1": replace(i["plenary-1"], kind="debate")}, "unknown_kind.item",
     {"item": "plenary-1", "value": "debate"}),
])
def test_the_edits_the_workspace_refuses_carry_their_reason_and_values(change, reason, params):
    findings = [f for f in operations.check(spec_with(change)) if f.reason == reason]
    assert findings, reason
    values = dict(findings[0].params)
    assert {k: values[k] for k in params} == params
    assert finding_text.say(reason, operations.finding_json(findings[0])["params"], "ar")
