"""Validating agendas: one bad file per error, one file per warning, and the rules in detail."""
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from conference.agenda.schema import (
    BoothSpec, ChairSpec, ConferenceSpec, Finding, ItemSpec, PersonSpec, SlotSpec, Where,
)
from conference.agenda.validate import check_file, has_errors, validate

ROOT = Path(__file__).parents[3]
DATA = ROOT / "tests" / "data" / "agendas"
BUNDLED = ROOT / "conference" / "agendas" / "gcm-arab-2021.toml"
DAY = date(2021, 2, 24)
ALL = {"ar": "x", "en": "x", "fr": "x"}

# Each bad file is named after the one error it makes: (code, item, line of the finding).
ERROR_FILES = [
    ("overlap", "break-1", 26),
    ("end_before_start", "opening", 18),
    ("slots_exceed_item", "roundtable-1", 18),
    ("unknown_timezone", None, 3),
    ("nonexistent_time", "night-session", 19),
    ("ambiguous_time", "evening-session", 19),
    ("objective_out_of_range", "roundtable-1", 18),
    ("duplicate_id", "session-1", 25),
    ("bad_id", "Opening_Session", 18),
    ("unknown_language", "opening", 25),
    ("unknown_kind", "lunch", 18),
    ("unknown_person", "opening", 25),
    ("bad_day", None, 26),
    ("bad_number", "opening", 18),
    ("bad_slug", None, 3),
    ("bad_value", "opening", 25),
    ("bad_url", None, 3),
    # found while parsing
    ("malformed", None, 14),
    ("wrong_type", "opening", 28),
    ("unknown_key", "break-1", 23),
    ("missing_field", "opening", 18),
    ("bad_time", "registration", 21),
    ("bad_date", None, 16),
    ("unreadable", None, 7),
]
# Each warning file loads (no errors) and makes its warning: (code, item, line).
WARNING_FILES = [
    ("gap", "closing", 25),
    ("stated_length_mismatch", "break-4", 18),
    ("slots_underfill", "plenary-1", 18),
    ("no_limit", "plenary-1", 33),
    ("objective_coverage", "roundtable-1", 19),
    ("tbd", "plenary-1", 18),
    ("tbd_conflict", "opening", 25),
    ("missing_translation", "closing", 18),
    ("out_of_order", "opening", 25),
]
CLEAN_FILES = ["minimal", "dst_crossing", "utc", "channels"]


def _item(id="opening", kind="opening", start=(10, 0), end=(11, 0), **kw) -> ItemSpec:
    return ItemSpec(id=id, kind=kind, day=kw.pop("day", DAY), start=time(*start), end=time(*end),
                    title=kw.pop("title", ALL), **kw)


def _slot(id, kind="statement", minutes=None, **kw) -> SlotSpec:
    return SlotSpec(id=id, kind=kind, role=kw.pop("role", ALL), minutes=minutes, **kw)


def _spec(*items, **kw) -> ConferenceSpec:
    values = dict(slug="t-2021", title=ALL, timezone="Asia/Beirut", languages=("ar", "en", "fr"),
                  items=items, days=(DAY,))
    return ConferenceSpec(**(values | kw))


def _codes(findings) -> list[tuple[str, str, str | None]]:
    return [(f.level, f.code, f.where.item) for f in findings]


# -- the files --------------------------------------------------------------------------------

@pytest.mark.parametrize("code, item, line", ERROR_FILES, ids=[c for c, _, _ in ERROR_FILES])
def test_check_bad_file_reports_its_error_with_item_and_line(code, item, line):
    _, findings = check_file(DATA / f"{code}.toml")

    errors = [f for f in findings if f.level == "error"]
    assert [(f.code, f.where.item, f.where.line) for f in errors] == [(code, item, line)]
    assert f"{DATA / code}.toml:{line}: " in str(errors[0])
    assert has_errors(findings)


@pytest.mark.parametrize("code, item, line", WARNING_FILES, ids=[c for c, _, _ in WARNING_FILES])
def test_check_warning_file_loads_and_reports_its_warning(code, item, line):
    spec, findings = check_file(DATA / f"{code}.toml")

    assert spec is not None
    assert not has_errors(findings)
    assert [(f.code, f.where.item, f.where.line) for f in findings] == [(code, item, line)]


@pytest.mark.parametrize("name", CLEAN_FILES)
def test_check_clean_file_has_no_findings(name):
    spec, findings = check_file(DATA / f"{name}.toml")

    assert findings == []
    assert spec is not None


def test_check_every_data_file_is_covered_by_a_test():
    covered = {c for c, _, _ in ERROR_FILES + WARNING_FILES} | set(CLEAN_FILES)

    assert {p.stem for p in DATA.glob("*.toml")} == covered


def test_check_dst_crossing_spans_the_change_to_summer_time():
    spec, _ = check_file(DATA / "dst_crossing.toml")

    assert spec.timezone == "Asia/Beirut"
    assert spec.days == (date(2021, 3, 27), date(2021, 3, 29))


def test_check_utc_file_is_in_utc():
    spec, _ = check_file(DATA / "utc.toml")

    assert spec.timezone == "UTC"
    assert len(spec.days) == 2


def test_check_messages_are_plain_words_naming_the_item():
    for path in sorted(DATA.glob("*.toml")):
        _, findings = check_file(path)
        for finding in findings:
            message = finding.message
            if finding.where.item:
                assert f"item {finding.where.item}" in message, (path.name, message)
            assert message[0].islower() and message[-1] not in ".;:", message
            for leak in ("None", "Spec(", "datetime", "Traceback", "{'"):
                assert leak not in message, (path.name, message)


@pytest.mark.parametrize("code, message", [
    ("slots_exceed_item", "item roundtable-1: the slots add up to 70 minutes but the item lasts "
                          "65 minutes (14:50-15:55)"),
    ("overlap", "item break-1 (10:45-11:15) overlaps item plenary-1 (10:00-11:00) on 2021-02-24 "
                "by 15 minutes"),
    ("stated_length_mismatch", "item break-4: the agenda calls it 5 minutes long but its time "
                               "slot (12:45-13:30) lasts 45 minutes"),
    ("objective_coverage", "item roundtable-1: the roundtables (roundtable-1, roundtable-2) should "
                           "cover GCM objectives 1-23 exactly once each, but no roundtable covers "
                           "objectives 21, 22 and 23; objective 12 is covered 2 times "
                           "(roundtable-1, roundtable-2)"),
    ("tbd", "item plenary-1: still to be determined (TBD): the speakers of 2 slots and the chair"),
    ("nonexistent_time", "item night-session: its start time, 00:30 on 2021-03-28, does not exist "
                         "in Asia/Beirut: the clocks skip it when daylight saving time starts"),
])
def test_check_message_says_what_is_wrong_with_the_numbers(code, message):
    _, findings = check_file(DATA / f"{code}.toml")

    assert message in [f.message for f in findings]


def test_check_bundled_agenda_has_no_errors_and_reports_the_seeds_break():
    spec, findings = check_file(BUNDLED)

    assert [str(f) for f in findings if f.level == "error"] == []
    day_two_break = [i for i in spec.items
                     if i.day == date(2021, 2, 25) and i.start == time(12, 45) and i.end == time(13, 30)]
    assert len(day_two_break) == 1 and day_two_break[0].kind == "break"
    assert ("stated_length_mismatch", day_two_break[0].id) in [(f.code, f.where.item) for f in findings]


# -- has_errors, order ------------------------------------------------------------------------

def test_has_errors_only_counts_errors():
    warning = Finding("warning", "gap", Where(), "x")
    error = Finding("error", "overlap", Where(), "x")

    assert (has_errors([]), has_errors([warning]), has_errors([warning, error])) == (False, False, True)


def test_validate_reports_in_file_order():
    first = _item("b-1", "break", (10, 0), (10, 10), where=Where("f", 10, "b-1"), stated_minutes=5)
    second = _item("x_2", "closing", (10, 20), (10, 30), where=Where("f", 20, "x_2"))

    findings = validate(_spec(first, second, where=Where("f", 1)))

    assert [(f.code, f.where.line) for f in findings] == [
        ("stated_length_mismatch", 10), ("bad_id", 20), ("gap", 20)]


# -- times ------------------------------------------------------------------------------------

def test_validate_overlap_is_reported_once_per_pair():
    items = (_item("a", start=(10, 0), end=(12, 0)), _item("b", "closing", (10, 30), (11, 0)),
             _item("c", "break", (11, 30), (12, 30)))

    findings = validate(_spec(*items))

    assert [f.message for f in findings] == [
        "item b (10:30-11:00) overlaps item a (10:00-12:00) on 2021-02-24 by 30 minutes",
        "item c (11:30-12:30) overlaps item a (10:00-12:00) on 2021-02-24 by 30 minutes",
    ]


def test_validate_items_on_different_days_do_not_overlap():
    other = date(2021, 2, 25)

    findings = validate(_spec(_item("a"), _item("b", "closing", day=other), days=(DAY, other)))

    assert findings == []


def test_validate_touching_items_neither_overlap_nor_leave_a_gap():
    assert validate(_spec(_item("a", end=(10, 30)), _item("b", "closing", (10, 30), (11, 0)))) == []


def test_validate_gap_ignores_items_nested_in_a_longer_one():
    outer = _item("a", start=(10, 0), end=(12, 0))
    inner = _item("b", "closing", (10, 15), (10, 30))
    after = _item("c", "break", (12, 0), (12, 30))

    findings = validate(_spec(outer, inner, after))

    assert [f.code for f in findings] == ["overlap"]


def test_validate_end_before_start_skips_timeline_checks_for_that_item():
    findings = validate(_spec(_item("a", start=(10, 0), end=(9, 0)), _item("b", "closing", (9, 30), (10, 0))))

    assert [f.code for f in findings] == ["end_before_start"]
    assert findings[0].message == "item a: it ends at 09:00, which is not after its start at 10:00"


def test_validate_ambiguous_and_nonexistent_times_in_beirut():
    autumn, spring = date(2021, 10, 30), date(2021, 3, 28)
    items = (_item("late", "closing", (23, 0), (23, 59), day=autumn),
             _item("night", start=(0, 0), end=(0, 45), day=spring))

    findings = validate(_spec(*items, days=(spring, autumn)))

    assert [(f.code, f.where.item, f.where.field) for f in findings if f.level == "error"] == [
        ("ambiguous_time", "late", "start"), ("ambiguous_time", "late", "end"),
        ("nonexistent_time", "night", "start"), ("nonexistent_time", "night", "end")]


def test_validate_the_same_wall_times_are_fine_in_utc():
    autumn, spring = date(2021, 10, 30), date(2021, 3, 28)
    items = (_item("late", "closing", (23, 0), (23, 59), day=autumn),
             _item("night", start=(0, 0), end=(0, 45), day=spring))

    assert validate(_spec(*items, days=(spring, autumn), timezone="UTC")) == []


def test_validate_unknown_timezone_skips_the_dst_checks():
    findings = validate(_spec(_item(day=date(2021, 3, 28), start=(0, 30)), timezone="Mars/Olympus",
                              days=(date(2021, 3, 28),)))

    assert _codes(findings) == [("error", "unknown_timezone", None)]


def test_validate_stated_length_that_agrees_is_fine():
    assert validate(_spec(_item("b", "break", (12, 15), (13, 0), stated_minutes=45))) == []


# -- slots ------------------------------------------------------------------------------------

def test_validate_slots_that_fill_the_item_exactly_are_fine():
    slots = (_slot("s-1", minutes=5), _slot("s-2", minutes=5), _slot("s-3", "discussion", 50))

    assert validate(_spec(_item(slots=slots))) == []


def test_validate_underfill_only_when_every_slot_has_minutes():
    slots = (_slot("s-1", minutes=5), _slot("s-2", "discussion"))

    assert validate(_spec(_item(slots=slots))) == []


def test_validate_no_limit_when_some_speakers_have_one_and_others_not():
    slots = (_slot("s-1", minutes=5), _slot("s-2"), _slot("s-3"), _slot("s-4", "discussion"))

    findings = validate(_spec(_item(slots=slots)))

    assert [(f.code, f.message) for f in findings] == [
        ("no_limit", "item opening: slots s-2, s-3 have no speaking limit (minutes) although "
                     "other slots of the item have one")]


def test_validate_no_limit_when_several_speakers_have_none():
    slots = (_slot("s-1"), _slot("s-2"), _slot("s-3", "discussion"))

    findings = validate(_spec(_item(slots=slots)))

    assert [(f.code, f.message) for f in findings] == [
        ("no_limit", "item opening: none of its 2 speakers has a speaking limit (minutes), so the "
                     "timer has nothing to count down")]


def test_validate_a_single_speaker_without_limit_is_bounded_by_the_item():
    assert validate(_spec(_item(slots=(_slot("s-1", "presentation"),)))) == []


def test_validate_slot_ids_are_unique_across_items():
    a = _item("a", end=(10, 30), slots=(_slot("same", minutes=30),))
    b = _item("b", "closing", (10, 30), (11, 0), slots=(_slot("same", minutes=30),))

    findings = validate(_spec(a, b))

    assert [(f.code, f.where.item, f.where.slot) for f in findings] == [("duplicate_id", "b", "same")]


def test_validate_default_slot_ids_of_a_bad_item_id_are_reported_once():
    item = _item("Bad_Id", slots=(_slot("Bad_Id-1", minutes=60),))

    assert [f.code for f in validate(_spec(item))] == ["bad_id"]


def test_validate_bad_explicit_slot_id():
    findings = validate(_spec(_item(slots=(_slot("Slot 1", minutes=60),))))

    assert [(f.code, f.where.slot) for f in findings] == [("bad_id", "Slot 1")]


def test_validate_unknown_slot_kind_and_chair_title():
    chair = ChairSpec(title="president", role=ALL)
    item = _item(chair=chair, slots=(_slot("s-1", "speech", 60),))

    findings = validate(_spec(item))

    assert [f.code for f in findings] == ["unknown_kind", "unknown_kind", "tbd"]


def test_validate_unknown_chair_person():
    item = _item(chair=ChairSpec(title="chair", role=ALL, person="nobody"))

    assert [f.code for f in validate(_spec(item))] == ["unknown_person"]


# -- TBD --------------------------------------------------------------------------------------

@pytest.mark.parametrize("slots, chair_person, expected", [
    ((_slot("s-1", minutes=5, tbd=True),), "p", "the speaker of 1 slot"),
    ((_slot("s-1", minutes=5, tbd=True), _slot("s-2", minutes=5, tbd=True)), "p", "the speakers of 2 slots"),
    ((_slot("s-1", minutes=5),), None, "the facilitator"),
])
def test_validate_tbd_says_what_is_open(slots, chair_person, expected):
    chair = ChairSpec(title="facilitator", role=ALL, person=chair_person)
    people = (PersonSpec(id="p", name="P"),)

    findings = validate(_spec(_item(chair=chair, slots=slots), people=people))

    assert [f.message for f in findings if f.code == "tbd"] == [
        f"item opening: still to be determined (TBD): {expected}"]


def test_validate_slot_without_speaker_but_not_marked_tbd_is_not_open():
    assert validate(_spec(_item(slots=(_slot("s-1", "presentation", 60),)))) == []


# -- numbers and objectives -------------------------------------------------------------------

def test_validate_numbers_of_plenaries_and_roundtables():
    items = (_item("p", "plenary", (10, 0), (10, 10)),
             _item("r-1", "roundtable", (10, 10), (10, 20), number=1),
             _item("r-2", "roundtable", (10, 20), (10, 30), number=1),
             _item("p-0", "plenary", (10, 30), (10, 40), number=0))

    findings = validate(_spec(*items))

    assert [(f.code, f.message) for f in findings] == [
        ("bad_number", "item p: a plenary needs a number"),
        ("bad_number", "item r-2: roundtable number 1 is already used by item r-1"),
        ("bad_number", "item p-0: plenary number 0 should be 1 or more"),
    ]


def test_validate_plenary_and_roundtable_may_share_a_number():
    items = (_item("p-1", "plenary", end=(10, 30), number=1),
             _item("r-1", "roundtable", (10, 30), (11, 0), number=1))

    assert validate(_spec(*items)) == []


def test_validate_roundtables_covering_each_objective_once_are_fine():
    items = (_item("r-1", "roundtable", end=(10, 30), number=1, objectives=tuple(range(1, 12))),
             _item("r-2", "roundtable", (10, 30), (11, 0), number=2, objectives=tuple(range(12, 24))))

    assert validate(_spec(*items)) == []


def test_validate_no_coverage_warning_without_objectives():
    assert validate(_spec(_item("r-1", "roundtable", number=1))) == []


def test_validate_objectives_out_of_range_are_named():
    item = _item("p-1", "plenary", number=1, objectives=(0, 7, 30))

    findings = validate(_spec(item))

    assert [f.message for f in findings] == [
        "item p-1: GCM objectives are numbered 1 to 23, so 0, 30 cannot be one"]


# -- ids, days, languages, people, booths -----------------------------------------------------

@pytest.mark.parametrize("slug", ["GCM", "gcm_2021", "-gcm", "gcm-", "gcm--2021", "", "gcm 2021"])
def test_validate_bad_slug(slug):
    assert [f.code for f in validate(_spec(slug=slug))] == ["bad_slug"]


@pytest.mark.parametrize("slug", ["gcm-arab-2021", "a", "2021"])
def test_validate_good_slug(slug):
    assert validate(_spec(slug=slug)) == []


def test_validate_item_on_a_day_not_listed():
    findings = validate(_spec(_item(day=date(2021, 2, 26))))

    assert [f.message for f in findings] == [
        "item opening: its date 2021-02-26 is not one of the conference's days"]


def test_validate_days_out_of_order():
    findings = validate(_spec(days=(date(2021, 2, 25), DAY)))

    assert [(f.code, f.message) for f in findings] == [
        ("bad_day", "day 2021-02-24: the day is listed after 2021-02-25; list days in date order")]


def test_validate_languages():
    findings = validate(_spec(languages=("ar", "en", "de", "en")))

    assert [(f.code, f.message) for f in findings] == [
        ("unknown_language", "conference t-2021: 'de' is not a language Minbar knows (ar, en, fr)"),
        ("bad_value", "conference t-2021: the language 'en' is listed more than once"),
    ]


def test_validate_language_outside_the_conference_languages():
    booth = BoothSpec(language="fr", sources=("en", "ru"))

    findings = validate(_spec(booths=(booth,), languages=("ar", "en"), title={"ar": "x", "en": "x"}))

    assert [f.message for f in findings] == [
        "booth fr: 'fr' is not one of the conference's languages (ar, en)",
        "booth fr: the source language 'ru' is not a language Minbar knows (ar, en, fr)",
    ]


def test_validate_two_booths_for_one_language():
    booths = (BoothSpec("fr", ("en",), where=Where("f", 5)), BoothSpec("fr", ("ar",), where=Where("f", 9)))

    findings = validate(_spec(booths=booths))

    assert [(f.code, f.where.line) for f in findings] == [("duplicate_id", 9)]


def test_validate_title_keys_and_missing_translations():
    item = _item(title={"ar": "x", "en": " ", "de": "x"})

    findings = validate(_spec(item))

    assert [(f.level, f.code, f.message) for f in findings] == [
        ("error", "unknown_language", "item opening: the title has a text in 'de', which is not a "
                                      "language Minbar knows (ar, en, fr)"),
        ("warning", "missing_translation", "item opening: the title has no English (en) or French "
                                           "(fr) text"),
    ]


def test_validate_optional_texts_need_every_language_only_once_given():
    item = _item(description={"en": "x"}, slots=(_slot("s-1", "presentation", role={}),))

    findings = validate(_spec(item))

    assert [(f.code, f.message) for f in findings] == [
        ("missing_translation", "item opening: the description has no Arabic (ar) or French (fr) text")]


def test_validate_people():
    people = (PersonSpec(id="a", name="A", group="diplomats", language="de", rank=0),
              PersonSpec(id="a", name="A again"),
              PersonSpec(id="B", name="B"))

    findings = validate(_spec(people=people))

    assert [(f.code, f.where.field) for f in findings] == [
        ("unknown_kind", "group"), ("unknown_language", "language"), ("bad_value", "rank"),
        ("duplicate_id", "id"), ("bad_id", "id")]


def test_validate_a_declared_speaker_and_chair_are_fine():
    people = (PersonSpec(id="p", name="P", language="fr"),)
    item = _item(chair=ChairSpec("moderator", ALL, "p"),
                 slots=(_slot("s-1", "presentation", 60, speaker="p", language="fr"),))

    assert validate(_spec(item, people=people)) == []


def test_validate_does_not_change_the_spec():
    spec = _spec(_item(slots=(_slot("s-1", minutes=90),)))
    before = replace(spec)

    validate(spec)

    assert spec == before


# -- URLs: plain web addresses only ------------------------------------------------------------

HOSTILE_URLS = [
    "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", " javascript:alert(1)", "\x00javascript:alert(1)", "javascript\u00a0:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "webcal://example.org/x.ics", "ftp://example.org/", "/relative/path", "example.org/meeting",
    "//example.org/protocol-relative", "https:example.org", "https://", "https:///path",
    "https:\\\\evil.example/", "https://user:pass@evil.example/", "https://good.example@evil.example/",
    "https://exa mple.org/", "https://example.org/\u202eabc", "https://example.org:port/",
]


@pytest.mark.parametrize("field", ["platform_url", "floor_listen_url"])
@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_validate_conference_url_that_is_not_https_or_http_is_an_error(field, url):
    findings = validate(_spec(_item(), **{field: url}, where=Where("agenda.toml", 3)))

    errors = [f for f in findings if f.code == "bad_url"]
    assert [(f.level, f.where.field, f.where.line) for f in errors] == [("error", field, 3)]
    assert has_errors(findings)
    assert str(errors[0]).startswith("agenda.toml:3: error: conference t-2021: " + field)
    assert str(errors[0]).endswith(f"[bad_url, field {field}]")


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_validate_booth_listen_url_that_is_not_https_or_http_is_an_error(url):
    booth = BoothSpec("fr", ("en",), listen_url=url, where=Where("agenda.toml", 12))
    findings = validate(_spec(_item(), booths=(booth,)))

    assert [(f.code, f.where.field, f.where.line) for f in findings if f.level == "error"] == [
        ("bad_url", "listen_url", 12)]
    assert "booth fr: listen_url" in str(findings[0])


@pytest.mark.parametrize("url", [
    "https://example.org", "https://example.org/meeting?id=42&pwd=x#top", "http://example.org:8080/a",
    "HTTPS://Example.org/Path", "https://[2001:db8::1]/live", "https://xn--mgbh0fb.example/", "",
])
def test_validate_plain_web_addresses_are_fine(url):
    booth = BoothSpec("fr", ("en",), listen_url=url)
    findings = validate(_spec(_item(), booths=(booth,), platform_url=url, floor_listen_url=url))

    assert [f for f in findings if f.code == "bad_url"] == []
