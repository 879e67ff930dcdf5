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
import re
import tomllib
from datetime import date, time
from pathlib import Path

from conference.agenda import guard
from conference.agenda.schema import (
    BoothSpec, ChairSpec, ConferenceSpec, Finding, ItemSpec, PersonSpec, SlotSpec, Where,
)

__all__ = ["parse_file", "parse_text"]

ROOT_KEYS = ("conference", "booths", "people", "days")
CONFERENCE_KEYS = ("slug", "timezone", "languages", "platform_url", "floor_listen_url", "title",
                   "venue", "organisers")
BOOTH_KEYS = ("language", "sources", "listen_url", "interpreters")
PERSON_KEYS = ("id", "name", "title", "organisation", "delegation", "group", "language", "rank", "gender")
DAY_KEYS = ("date", "items")
ITEM_KEYS = ("id", "kind", "number", "start", "end", "objectives", "stated_minutes",
             "intervention_minutes", "title", "description", "chair", "slots", "rapporteurs",
             "sequence")
CHAIR_KEYS = ("title", "person", "role")
SLOT_KEYS = ("id", "kind", "minutes", "speaker", "tbd", "language", "role")

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")
_HH_MM = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


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
        return None, [_syntax_finding(exc, text, source)]
    reader = _Reader(source, SourceLines(text))
    spec = reader.conference(data)
    if spec is not None:
        reader.findings.extend(guard.spec_findings(spec))
    findings = sorted(reader.findings, key=lambda f: f.where.line or 0)
    return (None if reader.broken else spec), findings


def _syntax_finding(exc: tomllib.TOMLDecodeError, text: str, source: str) -> Finding:
    message = str(exc)
    found = _TOML_POSITION.search(message)
    if found:
        line, column = int(found[1]), int(found[2])
        what = message[:found.start()].rstrip()
        where_text = f"line {line}, column {column}"
    else:  # "(at end of document)"
        line = max(len(text.splitlines()), 1)
        what = message.replace("(at end of document)", "").rstrip()
        where_text = "the end of the file"
    hint = next((h for clue, h in _SYNTAX_HINTS if clue in what), "")
    return Finding("error", "malformed", Where(source, line),
                   f"the file is not valid TOML: {what} at {where_text}{hint}")


# tomllib's messages are terse; the commonest causes in hand-edited agendas, in plain words.
_SYNTAX_HINTS = (
    ("Illegal character '\\n'", " (a text runs to the end of the line: a closing quote is "
                                  "probably missing)"),
    ("Cannot overwrite a value", " (a field or table is given twice)"),
    ("Cannot declare", " (a table is declared twice)"),
    ("Invalid value", " (text needs quotes; so does a time: \"09:30\")"),
    ("Expected newline or end of document", " (something follows the value on this line; "
                                            "a time needs quotes: \"09:30\")"),
)


class SourceLines:
    """Where tables and keys stand in the TOML source, found by a light scan of its lines.

    tomllib gives no positions. This maps each table, by its path in the parsed document
    (`("days", 0, "items", 2)` is the third `[[days.items]]` of the first `[[days]]`), to the line
    of its header and of each key written directly under it. It knows headers, `key =` lines and
    multi-line strings, not all of TOML: for anything it did not see (say a table written inline),
    `line` answers with the nearest enclosing line it knows, which still sends the reader to the
    right place.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)([^\[\]]+)\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")

    def __init__(self, text: str) -> None:
        self._headers: dict[tuple, int] = {(): 1}
        self._keys: dict[tuple, dict[str, int]] = {(): {}}
        self._arrays: dict[tuple[str, ...], tuple] = {}  # `[[a.b]]` names -> its latest element
        self._counts: dict[tuple, int] = {}
        self._scan(text)

    def line(self, path: tuple) -> int:
        """The line of the table or key at `path`, else of its nearest enclosing one."""
        path = tuple(path)
        for cut in range(len(path), -1, -1):
            table = path[:cut]
            if table in self._headers:
                if cut == len(path):
                    return self._headers[table]
                return self._keys[table].get(path[cut], self._headers[table])
        return 1  # unreachable: the root is always known

    def _scan(self, text: str) -> None:
        current: tuple = ()
        open_string = None  # the delimiter of a multi-line string we are inside
        for number, line in enumerate(text.splitlines(), 1):
            if open_string:
                if line.count(open_string) % 2:
                    open_string = None
                continue
            header = self._HEADER.match(line)
            if header:
                names = tuple(part.strip().strip("\"'") for part in header[2].split("."))
                current = self._table(names, is_array=header[1] == "[[")
                self._headers[current] = number
                self._keys.setdefault(current, {})
                continue
            key = self._KEY.match(line)
            if key:
                self._keys[current].setdefault(key[1].strip("\"'"), number)
            for delimiter in ('"""', "'''"):
                if line.count(delimiter) % 2:
                    open_string = delimiter
                    break

    def _table(self, names: tuple[str, ...], is_array: bool) -> tuple:
        parent = self._resolve(names[:-1])
        if not is_array:
            return parent + (names[-1],)
        key = parent + (names[-1],)
        index = self._counts.get(key, 0)
        self._counts[key] = index + 1
        # A new element of `a` starts afresh for its own arrays `a.b`.
        for deeper in [n for n in self._arrays if n[:len(names)] == names and n != names]:
            del self._arrays[deeper]
        self._arrays[names] = key + (index,)
        return key + (index,)

    def _resolve(self, names: tuple[str, ...]) -> tuple:
        path: tuple = ()
        for n in range(len(names)):
            path = self._arrays.get(names[:n + 1], path + (names[n],))
        return path


class _Bad(Exception):
    """A value that cannot be read; `message` finishes the sentence "'field' ..."."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _show(value) -> str:
    """A value as the secretariat wrote it, roughly in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (date, time)):  # TOML dates and times, datetimes among them
        return value.isoformat()
    return str(value)


def _str(value) -> str:
    if isinstance(value, str):
        return value
    raise _Bad("wrong_type", f"should be text in quotes, not {_show(value)}")


def _int(value) -> int:
    # bool is an int in Python; `minutes = true` is still a mistake.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _Bad("wrong_type", f"should be a whole number such as 5, not {_show(value)}")


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    raise _Bad("wrong_type", f"should be true or false, not {_show(value)}")


def _strs(value) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _Bad("wrong_type", f'should be a list of texts such as ["ar", "en"], not {_show(value)}')


def _ints(value) -> tuple[int, ...]:
    if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return tuple(value)
    raise _Bad("wrong_type", f"should be a list of whole numbers such as [2, 5], not {_show(value)}")


def _text(value) -> dict[str, str]:
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return dict(value)
    raise _Bad("wrong_type", 'should be a table of texts per language such as '
                             f'{{ ar = "...", en = "...", fr = "..." }}, not {_show(value)}')


def _name(value) -> dict[str, str]:
    """A person's name: one text for every language, or a table of texts per language."""
    if isinstance(value, str):
        return {"": value}
    return _text(value)


def _time(value) -> time:
    if type(value) is time and value.tzinfo is None and not value.second and not value.microsecond:
        return value
    if isinstance(value, str):
        found = _HH_MM.match(value.strip())
        if found and int(found[1]) <= 23 and int(found[2]) <= 59:
            return time(int(found[1]), int(found[2]))
    raise _Bad("bad_time", f"should be a time of day written HH:MM from 00:00 to 23:59, such as "
                           f'"09:30", not {_show(value)}')


def _date(value) -> date:
    if type(value) is date:  # a TOML date; a datetime (also a date) is not a day
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise _Bad("bad_date", f"names a day that does not exist: {_show(value)}") from None
    raise _Bad("bad_date", f'should be a date written YYYY-MM-DD, such as "2021-02-24", not {_show(value)}')


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
        except _Bad as bad:
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
                   f"{label}: '{key}' should be a table, not {_show(parent[key])}",
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
                   f"not {_show(value)}", breaks=True)
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
        slug = get(conf, "slug", _str, path, label, required=True)
        label = f"conference {slug}" if slug else label
        return dict(
            slug=slug,
            timezone=get(conf, "timezone", _str, path, label, required=True),
            languages=get(conf, "languages", _strs, path, label, required=True),
            title=get(conf, "title", _text, path, label, required=True),
            platform_url=get(conf, "platform_url", _str, path, label, default=""),
            floor_listen_url=get(conf, "floor_listen_url", _str, path, label, default=""),
            venue=get(conf, "venue", _text, path, label, default={}),
            organisers=get(conf, "organisers", _text, path, label, default={}),
        )

    def booth(self, table: dict, path: tuple) -> BoothSpec:
        label = f"booth {path[-1] + 1}"
        self.known_keys(table, BOOTH_KEYS, path, label)
        language = self.value(table, "language", _str, path, label, required=True)
        label = f"booth {language}" if language else label
        return BoothSpec(
            language=language,
            sources=self.value(table, "sources", _strs, path, label, required=True),
            listen_url=self.value(table, "listen_url", _str, path, label, default=""),
            interpreters=self.value(table, "interpreters", _strs, path, label, default=()),
            where=self.where(path),
        )

    def person(self, table: dict, path: tuple) -> PersonSpec:
        label = f"person {path[-1] + 1} in [[people]]"
        person_id = self.value(table, "id", _str, path, label, required=True)
        label = f"person {person_id}" if person_id else label
        self.known_keys(table, PERSON_KEYS, path, label)
        get = self.value
        return PersonSpec(
            id=person_id,
            name=get(table, "name", _name, path, label, required=True),
            title=get(table, "title", _str, path, label, default=""),
            organisation=get(table, "organisation", _str, path, label, default=""),
            delegation=get(table, "delegation", _str, path, label, default=""),
            group=get(table, "group", _str, path, label, default="other"),
            language=get(table, "language", _str, path, label),
            rank=get(table, "rank", _int, path, label),
            gender=get(table, "gender", _str, path, label),
            where=self.where(path),
        )

    def day(self, table: dict, path: tuple, n: int) -> tuple[date | None, list[ItemSpec]]:
        label = f"day {n + 1}"
        day = self.value(table, "date", _date, path, label, required=True)
        label = f"day {day}" if day else label
        self.known_keys(table, DAY_KEYS, path, label)
        items = [self.item(item, path + ("items", k), day, f"item {k + 1} of {label}")
                 for k, item in enumerate(self.tables(table, "items", path, label))]
        return day, items

    def item(self, table: dict, path: tuple, day: date | None, label: str) -> ItemSpec:
        item_id = self.value(table, "id", _str, path, label, required=True)
        label = f"item {item_id}" if item_id else label
        self.known_keys(table, ITEM_KEYS, path, label, item_id)

        def get(key, read, **kw):
            return self.value(table, key, read, path, label, item=item_id, **kw)

        values = dict(
            id=item_id, day=day,
            kind=get("kind", _str, required=True),
            start=get("start", _time, required=True),
            end=get("end", _time, required=True),
            title=get("title", _text, required=True),
            number=get("number", _int),
            description=get("description", _text, default={}),
            objectives=get("objectives", _ints, default=()),
            stated_minutes=get("stated_minutes", _int),
            intervention_minutes=get("intervention_minutes", _int),
            rapporteurs=get("rapporteurs", _strs, default=()),
            sequence=get("sequence", _int, default=0),
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

        return ChairSpec(title=get("title", _str, required=True),
                         role=get("role", _text, default={}),
                         person=get("person", _str),
                         where=self.where(path, item_id, field="chair"))

    def slot(self, table: dict, path: tuple, item_id: str | None, position: int,
             item_label: str) -> SlotSpec:
        # The default id keeps a slot's id stable for as long as its position does.
        default_id = f"{item_id}-{position}" if item_id else None
        slot_id = self.value(table, "id", _str, path, f"{item_label}, slot {position}",
                             default=default_id, item=item_id)
        label = f"{item_label}, slot {slot_id or position}"
        self.known_keys(table, SLOT_KEYS, path, label, item_id, slot_id)

        def get(key, read, **kw):
            return self.value(table, key, read, path, label, item=item_id, slot=slot_id, **kw)

        return SlotSpec(
            id=slot_id,
            kind=get("kind", _str, required=True),
            role=get("role", _text, default={}),
            minutes=get("minutes", _int),
            speaker=get("speaker", _str),
            language=get("language", _str),
            tbd=get("tbd", _bool, default=False),
            where=self.where(path, item_id, slot_id),
        )
