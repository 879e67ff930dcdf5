"""Read an agenda file (TOML, see docs/agenda-format.md) into a `ConferenceSpec`.

Contract:
- `parse_text` and `parse_file` never raise on bad input; every problem becomes an error
  `Finding` with the file, line and field, in file order. They collect every problem they can
  instead of stopping at the first.
- The spec comes back whenever every *required* value could be read. A value that is present
  but unreadable in an optional field, and any unknown key, is reported and then left out (the
  field keeps its default), so the spec can still be validated. When a required value is
  missing or unreadable the spec is None.
- Parsing checks shape only (fields, types, time and date formats). Whether the agenda makes
  sense (overlaps, ids, languages, kinds ...) is `validate.py`'s job.

Codes: `unreadable`, `malformed` (TOML syntax), `missing_field`, `wrong_type`, `unknown_key`,
`bad_time`, `bad_date`; and `conference.agenda.guard`'s `too_large`, `too_deep` (the raw text,
checked before it is parsed), `too_long` (an id) and `line_break` (in a person's name or address).
"""
from __future__ import annotations

import difflib
import tomllib
from datetime import date
from pathlib import Path

from conference.agenda import guard
from conference.agenda.schema import (
    BoothSpec, ChairSpec, ConferenceSpec, Finding, ItemSpec, PersonSpec, SlotSpec, Where,
)

from conference.agenda.source import SourceLines, syntax_finding
from conference.agenda.values import (
    BadValue, as_bool, as_date, as_int, as_ints, as_name, as_str, as_strs, as_text, as_time, shown,
)

__all__ = ["parse_file", "parse_text"]

ROOT_KEYS = ("conference", "booths", "people", "days")
CONFERENCE_KEYS = ("slug", "timezone", "languages", "platform_url", "floor_listen_url", "title",
                   "venue", "organisers", "symbol")
BOOTH_KEYS = ("language", "sources", "listen_url", "interpreters")
PERSON_KEYS = ("id", "name", "title", "organisation", "delegation", "group", "language", "rank", "gender")
DAY_KEYS = ("date", "items")
ITEM_KEYS = ("id", "kind", "number", "start", "end", "objectives", "stated_minutes",
             "intervention_minutes", "title", "description", "chair", "slots", "rapporteurs",
             "sequence")
CHAIR_KEYS = ("title", "person", "role")
SLOT_KEYS = ("id", "kind", "minutes", "speaker", "tbd", "language", "role")



def parse_file(path) -> tuple[ConferenceSpec | None, list[Finding]]:
    """Parse the agenda file at `path`; an unreadable or non-UTF-8 file is an error finding."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        why = exc.strerror or str(exc)
        return None, [Finding("error", "unreadable", Where(source),
                              f"the agenda file cannot be read: {why}")]
    try:
        # utf-8-sig: editors on Windows like to start UTF-8 files with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, [Finding("error", "unreadable", Where(source, line),
                              f"the agenda file is not UTF-8 text (byte 0x{raw[exc.start]:02x} on "
                              f"line {line}); save it as UTF-8")]
    return parse_text(text, source)


def parse_text(text: str, source: str = "<agenda>") -> tuple[ConferenceSpec | None, list[Finding]]:
    """Parse agenda TOML `text`; `source` names the file in findings."""
    too_much = guard.source_finding(text, source)    # before tomllib, which recurses per level
    if too_much is not None:
        return None, [too_much]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [syntax_finding(exc, text, source)]
    reader = _Reader(source, SourceLines(text))
    spec = reader.conference(data)
    if spec is not None:
        reader.findings.extend(guard.spec_findings(spec))
    findings = sorted(reader.findings, key=lambda f: f.where.line or 0)
    return (None if reader.broken else spec), findings


class _Reader:
    """Walks the parsed TOML, building specs and collecting findings as it goes."""

    def __init__(self, source: str, lines: SourceLines) -> None:
        self.source = source
        self.lines = lines
        self.findings: list[Finding] = []
        self.broken = False  # a required value is missing or unreadable: no spec

    # -- helpers ------------------------------------------------------------------------------

    def where(self, path: tuple, item: str | None = None, slot: str | None = None,
              field: str | None = None) -> Where:
        return Where(self.source, self.lines.line(path), item, slot, field)

    def error(self, code: str, where: Where, message: str, *, breaks: bool = False) -> None:
        self.findings.append(Finding("error", code, where, message))
        self.broken = self.broken or breaks

    def known_keys(self, table: dict, allowed: tuple[str, ...], path: tuple, label: str,
                   item: str | None = None, slot: str | None = None) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = (f"; did you mean '{close[0]}'?" if close
                    else f"; {label} may have: {', '.join(allowed)}")
            self.error("unknown_key", self.where(path + (key,), item, slot, key),
                       f"{label}: unknown field '{key}'{hint}")

    def value(self, table: dict, key: str, read, path: tuple, label: str, *,
              required: bool = False, default=None, item: str | None = None,
              slot: str | None = None):
        """`read(table[key])`, or `default` (with a finding) when missing or unreadable."""
        if key not in table:
            if required:
                self.error("missing_field", self.where(path, item, slot, key),
                           f"{label}: the required field '{key}' is missing", breaks=True)
            return default
        try:
            return read(table[key])
        except BadValue as bad:
            self.error(bad.code, self.where(path + (key,), item, slot, key),
                       f"{label}: '{key}' {bad.message}", breaks=required)
            return default

    def table(self, parent: dict, key: str, path: tuple, label: str, *, required: bool = False,
              item: str | None = None) -> dict | None:
        if key not in parent:
            if required:
                self.error("missing_field", self.where(path, item, None, key),
                           f"{label}: the required table [{'.'.join(map(str, path + (key,)))}] "
                           "is missing", breaks=True)
            return None
        if isinstance(parent[key], dict):
            return parent[key]
        self.error("wrong_type", self.where(path + (key,), item, None, key),
                   f"{label}: '{key}' should be a table, not {shown(parent[key])}",
                   breaks=required)
        return None

    def tables(self, parent: dict, key: str, path: tuple, label: str,
               item: str | None = None) -> list[dict]:
        """An array of tables (`[[key]]`); anything else is reported and read as empty."""
        value = parent.get(key, [])
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return value
        header = ".".join(str(p) for p in path if isinstance(p, str)) + ("." if path else "") + key
        self.error("wrong_type", self.where(path + (key,), item, None, key),
                   f"{label}: '{key}' should be a list of tables, each written [[{header}]], "
                   f"not {shown(value)}", breaks=True)
        return []

    # -- the document ------------------------------------------------------------------------

    def conference(self, data: dict) -> ConferenceSpec:
        self.known_keys(data, ROOT_KEYS, (), "the file")
        path = ("conference",)
        conf = self.table(data, "conference", (), "the file", required=True)
        # Without [conference] (already reported) the spec is dropped; placeholders keep going.
        fields = (self.conference_fields(conf, path) if conf is not None
                  else dict(slug=None, timezone=None, languages=(), title={}))
        booths = tuple(self.booth(table, ("booths", n))
                       for n, table in enumerate(self.tables(data, "booths", (), "the file")))
        people = tuple(self.person(table, ("people", n))
                       for n, table in enumerate(self.tables(data, "people", (), "the file")))
        days, day_wheres, items = [], [], []
        for n, table in enumerate(self.tables(data, "days", (), "the file")):
            day, day_items = self.day(table, ("days", n), n)
            days.append(day)
            day_wheres.append(self.where(("days", n, "date"), field="date"))
            items.extend(day_items)
        return ConferenceSpec(
            **fields, items=tuple(items), people=people, booths=booths, days=tuple(days),
            day_wheres=tuple(day_wheres), source=self.source, where=self.where(path))

    def conference_fields(self, conf: dict, path: tuple) -> dict:
        label = "the conference"
        self.known_keys(conf, CONFERENCE_KEYS, path, label)
        get = self.value
        slug = get(conf, "slug", as_str, path, label, required=True)
        label = f"conference {slug}" if slug else label
        return dict(
            slug=slug,
            timezone=get(conf, "timezone", as_str, path, label, required=True),
            languages=get(conf, "languages", as_strs, path, label, required=True),
            title=get(conf, "title", as_text, path, label, required=True),
            platform_url=get(conf, "platform_url", as_str, path, label, default=""),
            floor_listen_url=get(conf, "floor_listen_url", as_str, path, label, default=""),
            venue=get(conf, "venue", as_text, path, label, default={}),
            organisers=get(conf, "organisers", as_text, path, label, default={}),
            symbol=get(conf, "symbol", as_text, path, label, default={}),
        )

    def booth(self, table: dict, path: tuple) -> BoothSpec:
        label = f"booth {path[-1] + 1}"
        self.known_keys(table, BOOTH_KEYS, path, label)
        language = self.value(table, "language", as_str, path, label, required=True)
        label = f"booth {language}" if language else label
        return BoothSpec(
            language=language,
            sources=self.value(table, "sources", as_strs, path, label, required=True),
            listen_url=self.value(table, "listen_url", as_str, path, label, default=""),
            interpreters=self.value(table, "interpreters", as_strs, path, label, default=()),
            where=self.where(path),
        )

    def person(self, table: dict, path: tuple) -> PersonSpec:
        label = f"person {path[-1] + 1} in [[people]]"
        person_id = self.value(table, "id", as_str, path, label, required=True)
        label = f"person {person_id}" if person_id else label
        self.known_keys(table, PERSON_KEYS, path, label)
        get = self.value
        return PersonSpec(
            id=person_id,
            name=get(table, "name", as_name, path, label, required=True),
            title=get(table, "title", as_str, path, label, default=""),
            organisation=get(table, "organisation", as_str, path, label, default=""),
            delegation=get(table, "delegation", as_str, path, label, default=""),
            group=get(table, "group", as_str, path, label, default="other"),
            language=get(table, "language", as_str, path, label),
            rank=get(table, "rank", as_int, path, label),
            gender=get(table, "gender", as_str, path, label),
            where=self.where(path),
        )

    def day(self, table: dict, path: tuple, n: int) -> tuple[date | None, list[ItemSpec]]:
        label = f"day {n + 1}"
        day = self.value(table, "date", as_date, path, label, required=True)
        label = f"day {day}" if day else label
        self.known_keys(table, DAY_KEYS, path, label)
        items = [self.item(item, path + ("items", k), day, f"item {k + 1} of {label}")
                 for k, item in enumerate(self.tables(table, "items", path, label))]
        return day, items

    def item(self, table: dict, path: tuple, day: date | None, label: str) -> ItemSpec:
        item_id = self.value(table, "id", as_str, path, label, required=True)
        label = f"item {item_id}" if item_id else label
        self.known_keys(table, ITEM_KEYS, path, label, item_id)

        def get(key, read, **kw):
            return self.value(table, key, read, path, label, item=item_id, **kw)

        values = dict(
            id=item_id, day=day,
            kind=get("kind", as_str, required=True),
            start=get("start", as_time, required=True),
            end=get("end", as_time, required=True),
            title=get("title", as_text, required=True),
            number=get("number", as_int),
            description=get("description", as_text, default={}),
            objectives=get("objectives", as_ints, default=()),
            stated_minutes=get("stated_minutes", as_int),
            intervention_minutes=get("intervention_minutes", as_int),
            rapporteurs=get("rapporteurs", as_strs, default=()),
            sequence=get("sequence", as_int, default=0),
        )
        chair_table = self.table(table, "chair", path, label, item=item_id)
        chair = None if chair_table is None else self.chair(chair_table, path + ("chair",), item_id,
                                                           label)
        slots = tuple(self.slot(slot, path + ("slots", n), item_id, n + 1, label)
                      for n, slot in enumerate(self.tables(table, "slots", path, label, item_id)))
        return ItemSpec(**values, chair=chair, slots=slots, where=self.where(path, item_id))

    def chair(self, table: dict, path: tuple, item_id: str | None, item_label: str) -> ChairSpec:
        label = f"{item_label}, chair"
        self.known_keys(table, CHAIR_KEYS, path, label, item_id)

        def get(key, read, **kw):
            return self.value(table, key, read, path, label, item=item_id, **kw)

        return ChairSpec(title=get("title", as_str, required=True),
                         role=get("role", as_text, default={}),
                         person=get("person", as_str),
                         where=self.where(path, item_id, field="chair"))

    def slot(self, table: dict, path: tuple, item_id: str | None, position: int,
             item_label: str) -> SlotSpec:
        # The default id keeps a slot's id stable for as long as its position does.
        default_id = f"{item_id}-{position}" if item_id else None
        slot_id = self.value(table, "id", as_str, path, f"{item_label}, slot {position}",
                             default=default_id, item=item_id)
        label = f"{item_label}, slot {slot_id or position}"
        self.known_keys(table, SLOT_KEYS, path, label, item_id, slot_id)

        def get(key, read, **kw):
            return self.value(table, key, read, path, label, item=item_id, slot=slot_id, **kw)

        return SlotSpec(
            id=slot_id,
            kind=get("kind", as_str, required=True),
            role=get("role", as_text, default={}),
            minutes=get("minutes", as_int),
            speaker=get("speaker", as_str),
            language=get("language", as_str),
            tbd=get("tbd", as_bool, default=False),
            where=self.where(path, item_id, slot_id),
        )
