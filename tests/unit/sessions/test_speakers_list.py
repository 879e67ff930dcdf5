"""The list of speakers of a session (sessions.reports.speakers_list): no app, no database."""
from __future__ import annotations

from sessions.reports.speakers_list import SlotIn, build, minutes_label

ROLE = {"ar": "ممثل الدولة أ", "en": "Representative of State A", "fr": "Représentant de l’État A"}
SLOTS = [
    SlotIn("a", "statement", ROLE, 300, "ar", {"ar": "السيدة ألف", "en": "Ms Alif", "fr": "Mme Alif"},
           delegation="Lebanon", title="Minister", group="member_state"),
    SlotIn("b", "statement", {"en": "Director General of IOM"}, 420, "en", None,
           organisation="International Organization for Migration (IOM)", group="un_entity"),
    SlotIn("talk", "discussion", {"en": "Open discussion", "fr": "Débat ouvert"}, 1800),
]


def test_before_the_session_order_party_speaker_language_time():
    listed = build(SLOTS, "fr")
    assert [(e.order, e.party, e.speaker, e.role, e.language, minutes_label(e.allotted_ms), e.took_floor)
            for e in listed.entries] == [
        (1, "Liban", "Mme Alif", "Représentant de l’État A", "arabe", "5:00", None),
        (2, "International Organization for Migration (IOM)", None, "Director General of IOM", "anglais", "7:00", None),
        (3, "", None, "Débat ouvert", "", "30:00", None),
    ]
    assert listed.total_used_ms is None and listed.total_allotted_ms == 2520_000


def test_after_the_session_time_used_and_did_not_take_the_floor():
    listed = build(SLOTS, "ar", {"a": 312_400, "b": None, "talk": 61_000}, ended=True)
    assert [(e.party, e.speaker, minutes_label(e.used_ms), e.took_floor) for e in listed.entries] == [
        ("لبنان", "السيدة ألف", "5:12", True), ("International Organization for Migration (IOM)", None, "", False),
        ("", None, "1:01", True)]
    assert listed.total_used_ms == 373_400


def test_actuals_count_only_once_the_session_has_ended():
    listed = build(SLOTS, "en", {"a": 10_000}, ended=False)
    assert [e.used_ms for e in listed.entries] == [None, None, None]
    assert minutes_label(3_725_000) == "1:02:05" and minutes_label(None) == ""
