"""Parsing agenda files: the spec built from a good file, and a located finding for a bad one."""
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conference.agenda.parse import SourceLines, parse_file, parse_text
from conference.agenda.schema import ChairSpec, Finding, SlotSpec, Where

DATA = Path(__file__).parents[2] / "data" / "agendas"
MINIMAL = DATA / "minimal.toml"
SETTINGS = settings(max_examples=200, deadline=None, database=None)

HEAD = """
[conference]
slug = "t"
timezone = "UTC"
languages = ["en"]
title = { en = "T" }

[[days]]
date = "2021-02-24"
"""


def _item(body: str, item_id: str = "opening") -> str:
    return HEAD + f"""
  [[days.items]]
  id = "{item_id}"
  kind = "opening"
  start = "10:00"
  end = "11:00"
  title = {{ en = "Opening" }}
""" + body


# -- the minimal file -------------------------------------------------------------------------

def test_parse_minimal_builds_the_conference():
    spec, findings = parse_file(MINIMAL)

    assert findings == []
    assert (spec.slug, spec.timezone, spec.languages) == ("mini-2021", "Asia/Beirut", ("ar", "en", "fr"))
    assert spec.title == {"ar": "مؤتمر مصغر", "en": "Mini conference", "fr": "Mini-conférence"}
    assert spec.platform_url == "https://example.org/mini"
    assert spec.days == (date(2021, 2, 24),)
    assert spec.source == str(MINIMAL)
    assert [(b.language, b.sources) for b in spec.booths] == [("fr", ("en", "ar"))]
    assert [(p.id, p.group, p.language, p.rank) for p in spec.people] == [("dg-iom", "un_entity", "en", None)]


def test_parse_minimal_builds_items_in_file_order():
    spec, _ = parse_file(MINIMAL)

    assert [(i.id, i.kind, i.number, i.start, i.end) for i in spec.items] == [
        ("opening", "opening", None, time(10, 0), time(10, 30)),
        ("break-1", "break", None, time(10, 30), time(10, 45)),
        ("plenary-1", "plenary", 1, time(10, 45), time(11, 45)),
        ("closing", "closing", None, time(11, 45), time(12, 0)),
    ]
    assert spec.items[1].stated_minutes == 15
    assert spec.items[2].intervention_minutes == 3
    assert all(i.day == date(2021, 2, 24) for i in spec.items)


def test_parse_minimal_builds_chair_and_slots():
    spec, _ = parse_file(MINIMAL)
    plenary = spec.items[2]

    assert plenary.chair == ChairSpec(title="chair", person="dg-iom",
                                      role={"ar": "رئيس الجلسة", "en": "Chair", "fr": "Président"})
    assert plenary.slots == (
        SlotSpec(id="plenary-1-dg", kind="presentation", minutes=15, speaker="dg-iom",
                 role={"ar": "عرض", "en": "Presentation", "fr": "Présentation"}),
        SlotSpec(id="plenary-1-2", kind="discussion", minutes=45,
                 role={"ar": "نقاش مفتوح", "en": "Open discussion", "fr": "Discussion ouverte"}),
    )


def test_parse_slot_without_id_gets_item_id_and_position():
    spec, _ = parse_file(MINIMAL)

    assert [s.id for s in spec.items[0].slots] == ["opening-dg-iom", "opening-2"]


def test_parse_minimal_records_where_things_are():
    spec, _ = parse_file(MINIMAL)
    lines = MINIMAL.read_text(encoding="utf-8").splitlines()
    plenary = spec.items[2]

    assert lines[spec.where.line - 1] == "[conference]"
    assert lines[plenary.where.line - 1].strip() == "[[days.items]]"
    assert lines[plenary.where.line].strip() == 'id = "plenary-1"'
    assert lines[plenary.chair.where.line - 1].strip() == "[days.items.chair]"
    assert lines[plenary.slots[1].where.line - 1].strip() == "[[days.items.slots]]"
    assert lines[spec.day_wheres[0].line - 1] == 'date = "2021-02-24"'
    assert plenary.slots[1].where == Where(str(MINIMAL), plenary.slots[1].where.line,
                                           "plenary-1", "plenary-1-2")


# -- one bad file per parse error -------------------------------------------------------------

PARSE_ERRORS = [
    # file and code, item, line, field, whether a spec still comes back
    pytest.param("malformed", None, 14, None, False, id="malformed"),
    pytest.param("wrong_type", "opening", 28, "minutes", True, id="wrong_type"),
    pytest.param("unknown_key", "break-1", 23, "stated_minute", True, id="unknown_key"),
    pytest.param("missing_field", "opening", 18, "end", False, id="missing_field"),
    pytest.param("bad_time", "registration", 21, "start", False, id="bad_time"),
    pytest.param("bad_date", None, 16, "date", False, id="bad_date"),
    pytest.param("unreadable", None, 7, None, False, id="unreadable"),
]


@pytest.mark.parametrize("code, item, line, field, has_spec", PARSE_ERRORS)
def test_parse_bad_file_reports_its_error_where_it_is(code, item, line, field, has_spec):
    spec, findings = parse_file(DATA / f"{code}.toml")

    assert [(f.level, f.code, f.where.item, f.where.line, f.where.field) for f in findings] == [
        ("error", code, item, line, field)]
    assert (spec is not None) == has_spec


def test_parse_file_missing_is_an_unreadable_finding(tmp_path):
    path = tmp_path / "nowhere.toml"

    spec, findings = parse_file(path)

    assert spec is None
    assert findings == [Finding("error", "unreadable", Where(str(path)),
                                "the agenda file cannot be read: No such file or directory")]


def test_parse_file_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())

    spec, findings = parse_file(path)

    assert findings == []
    assert spec.slug == "mini-2021"


def test_parse_syntax_error_gives_line_and_column():
    _, findings = parse_text('[conference]\nslug = "x\n', "a.toml")

    assert [str(f) for f in findings] == [
        "a.toml:2: error: the file is not valid TOML: Illegal character '\\n' at line 2, column 10 "
        "(a text runs to the end of the line: a closing quote is probably missing) [malformed]"]


def test_parse_syntax_error_at_end_of_document_points_at_last_line():
    _, findings = parse_text("a = 1\nb = [1,\n")

    assert (findings[0].code, findings[0].where.line) == ("malformed", 2)
    assert "at the end of the file" in findings[0].message


# -- structure --------------------------------------------------------------------------------

def test_parse_collects_every_problem_not_just_the_first():
    text = _item("""
    [[days.items.slots]]
    kind = "statement"
    minutes = "five"
    tbd = "yes"
    speakr = "x"
""") + """
  [[days.items]]
  id = "closing"
  kind = "closing"
  start = "25:00"
  end = "9.30"
  title = { en = "Closing" }
"""

    spec, findings = parse_text(text)

    assert spec is None
    assert [(f.code, f.where.field, f.where.line) for f in findings] == [
        ("wrong_type", "minutes", 20),
        ("wrong_type", "tbd", 21),
        ("unknown_key", "speakr", 22),
        ("bad_time", "start", 27),
        ("bad_time", "end", 28),
    ]


def test_parse_wrong_optional_value_keeps_the_spec_with_the_default():
    spec, findings = parse_text(_item("""
    [[days.items.slots]]
    kind = "statement"
    minutes = true
"""))

    assert [f.code for f in findings] == ["wrong_type"]
    assert findings[0].message == ("item opening, slot opening-1: 'minutes' should be a whole number "
                                   "such as 5, not true")
    assert spec.items[0].slots[0].minutes is None


def test_parse_unknown_key_suggests_the_field_meant():
    _, findings = parse_text(_item("  strat = \"10:00\"\n"))

    assert [(f.code, f.message) for f in findings] == [
        ("unknown_key", "item opening: unknown field 'strat'; did you mean 'start'?")]


def test_parse_unknown_key_without_close_match_lists_the_fields():
    _, findings = parse_text(_item("  colour = \"red\"\n"))

    assert findings[0].message.startswith(
        "item opening: unknown field 'colour'; item opening may have: id, kind,")


def test_parse_unknown_table_at_the_top_is_reported():
    _, findings = parse_text(HEAD + "\n[venue]\nen = \"Online\"\n")

    assert [(f.code, f.where.line) for f in findings] == [("unknown_key", 11)]


def test_parse_missing_conference_is_reported_and_gives_no_spec():
    spec, findings = parse_text('[[days]]\ndate = "2021-02-24"\n')

    assert spec is None
    assert [(f.code, f.message) for f in findings] == [
        ("missing_field", "the file: the required table [conference] is missing")]


def test_parse_days_written_as_one_table_is_wrong_type():
    spec, findings = parse_text(HEAD.replace("[[days]]", "[days]"))

    assert spec is None
    assert [(f.code, f.where.line) for f in findings] == [("wrong_type", 8)]
    assert "[[days]]" in findings[0].message


def test_parse_missing_required_field_names_item_and_field():
    _, findings = parse_text(HEAD + '\n  [[days.items]]\n  id = "opening"\n  start = "10:00"\n'
                                    '  end = "11:00"\n')

    assert [(f.code, f.where.item, f.where.line, f.message) for f in findings] == [
        ("missing_field", "opening", 11, "item opening: the required field 'kind' is missing"),
        ("missing_field", "opening", 11, "item opening: the required field 'title' is missing"),
    ]


def test_parse_item_without_id_is_named_by_position():
    _, findings = parse_text(HEAD + '\n  [[days.items]]\n  kind = "opening"\n  start = "10:00"\n'
                                    '  end = "11:00"\n  title = { en = "x" }\n')

    assert [f.message for f in findings] == [
        "item 1 of day 2021-02-24: the required field 'id' is missing"]


@pytest.mark.parametrize("written, parsed", [
    ('"09:30"', time(9, 30)),
    ('"9:30"', time(9, 30)),
    ('"00:00"', time(0, 0)),
    ('"23:59"', time(23, 59)),
    ("09:30:00", time(9, 30)),  # a TOML local time
])
def test_parse_time_accepts_hh_mm(written, parsed):
    spec, findings = parse_text(_item("").replace('start = "10:00"', f"start = {written}"))

    assert findings == []
    assert spec.items[0].start == parsed


@pytest.mark.parametrize("written", ['"25:00"', '"24:00"', '"9.30"', '"09:60"', '"0930"',
                                    '"09:30:15"', "09:30:15", "930", '""'])
def test_parse_time_refuses_anything_else(written):
    spec, findings = parse_text(_item("").replace('start = "10:00"', f"start = {written}"))

    assert spec is None
    assert [(f.code, f.where.field, f.where.line) for f in findings] == [("bad_time", "start", 14)]


@pytest.mark.parametrize("written, code", [
    ('"2021-02-30"', "bad_date"), ('"24/02/2021"', "bad_date"), ('"2021-2-24"', "bad_date"),
    ("2021-02-24T10:00:00", "bad_date"), ("20210224", "bad_date"),
])
def test_parse_bad_date(written, code):
    spec, findings = parse_text(HEAD.replace('"2021-02-24"', written))

    assert spec is None
    assert [(f.code, f.where.line, f.where.field) for f in findings] == [(code, 9, "date")]


def test_parse_native_toml_date_is_accepted():
    spec, findings = parse_text(HEAD.replace('"2021-02-24"', "2021-02-24"))

    assert findings == []
    assert spec.days == (date(2021, 2, 24),)


def test_parse_title_must_be_texts_per_language():
    spec, findings = parse_text(_item("").replace('title = { en = "Opening" }', 'title = "Opening"'))

    assert spec is None
    assert [(f.code, f.where.field) for f in findings] == [("wrong_type", "title")]
    assert 'not "Opening"' in findings[0].message


def test_parse_keeps_unknown_title_languages_for_validation():
    text = _item("").replace('{ en = "Opening" }', '{ en = "Opening", de = "Eröffnung" }')

    spec, findings = parse_text(text)

    assert findings == []
    assert spec.items[0].title == {"en": "Opening", "de": "Eröffnung"}


def test_parse_objectives_must_be_numbers():
    _, findings = parse_text(_item('  objectives = ["two", 5]\n'))

    assert [(f.code, f.where.field, f.where.line) for f in findings] == [("wrong_type", "objectives", 17)]


def test_parse_inline_slots_are_located_at_their_key():
    spec, findings = parse_text(_item('  slots = [{ kind = "statement", minutes = "5" }]\n'))

    assert [(f.code, f.where.slot, f.where.line) for f in findings] == [("wrong_type", "opening-1", 17)]
    assert spec.items[0].slots[0].id == "opening-1"


# -- the line scanner -------------------------------------------------------------------------

def test_source_lines_maps_nested_array_tables_per_parent():
    lines = SourceLines("""[conference]
slug = "x"
[[days]]
date = "2021-02-24"
[[days.items]]
id = "a"
[[days.items.slots]]
kind = "statement"
[[days]]
date = "2021-02-25"
[[days.items]]
id = "b"
  [days.items.chair]
  title = "chair"
[[days.items.slots]]
minutes = 5
""")

    assert lines.line(("conference", "slug")) == 2
    assert lines.line(("days", 0, "items", 0, "slots", 0)) == 7
    assert lines.line(("days", 1, "date")) == 10
    assert lines.line(("days", 1, "items", 0, "id")) == 12
    assert lines.line(("days", 1, "items", 0, "chair", "title")) == 14
    assert lines.line(("days", 1, "items", 0, "slots", 0, "minutes")) == 16


def test_source_lines_falls_back_to_the_nearest_known_line():
    lines = SourceLines('[conference]\nslug = "x"\n\n[[days]]\ndate = "2021-02-24"\n'
                        'items = [\n  { id = "a" },\n]\n')

    assert lines.line(("days", 0, "items", 0, "id")) == 6
    assert lines.line(("days", 0, "nothing")) == 4
    assert lines.line(("people", 3)) == 1


def test_source_lines_skip_multiline_strings():
    lines = SourceLines('[conference]\nnote = """\nslug = "not a key"\n"""\nslug = "x"\n')

    assert lines.line(("conference", "slug")) == 5


# -- robustness -------------------------------------------------------------------------------

@SETTINGS
@given(st.text())
def test_parse_text_never_raises_on_any_text(text):
    spec, findings = parse_text(text)

    assert spec is None or findings == [] or all(f.level == "error" for f in findings)
    assert all(f.where.line is None or f.where.line >= 1 for f in findings)


@SETTINGS
@given(st.data())
def test_parse_text_never_raises_on_a_damaged_agenda(data):
    lines = MINIMAL.read_text(encoding="utf-8").splitlines()
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start, min(start + 4, len(lines))))
    damaged = "\n".join(lines[:start] + lines[stop:])

    spec, findings = parse_text(damaged)

    assert spec is not None or findings
    assert all(isinstance(f.where.line, int) and f.where.line >= 1 for f in findings)
