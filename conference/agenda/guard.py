"""Limits an agenda must keep before and after it is read, wherever it comes from (a file, an
upload, a workspace edit). Plain Python.

- `source_finding(text)`: the raw TOML text, checked *before* tomllib sees it. tomllib recurses
  once per level of `[` and `{`, so 5,000 nested arrays or 3,000 nested inline tables end in
  RecursionError (a 100 KB traceback) rather than a finding; the text is scanned here, strings
  and comments skipped, and refused beyond `MAX_DEPTH` levels or `MAX_BYTES`, with its line.
- `spec_findings(spec)`: ids no longer than their database columns (a 300-character slug made a
  file name the system refused), and no line break or other control character in a name, a
  title, an organisation or a delegation: such text reaches pages, feeds and the headers of
  invitations (`"Eve\\r\\nBcc: ..."` would add a header to the message).
"""
from __future__ import annotations

import re

from conference.agenda.schema import ConferenceSpec, Finding, Where

MAX_BYTES = 1024 * 1024        # the bundled agenda is 50 KB
MAX_DEPTH = 16                 # an agenda nests 4 levels ([[days.items.slots]] with an inline table)
MAX_ID = {"slug": 80, "item": 80, "person": 80, "slot": 120}   # the columns' lengths
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def single_line(text) -> bool:
    """True when `text` holds no line break or other control character (tabs included)."""
    return not (isinstance(text, str) and CONTROL.search(text))


def source_finding(text: str, source: str = "<agenda>") -> Finding | None:
    """None when the raw text is within the limits, else the error finding that says where."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return Finding("error", "too_large", Where(source),
                       f"the agenda file is larger than {MAX_BYTES // 1024} KB")
    depth, line, i, n = 0, 1, 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i, line = _skip_string(text, i + len(quote), quote, line)
            continue
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Finding("error", "too_deep", Where(source, line),
                               f"lists and tables are nested more than {MAX_DEPTH} levels deep "
                               f"on line {line}")
        elif c in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def _skip_string(text: str, i: int, quote: str, line: int) -> tuple[int, int]:
    """The index after the string that starts at `i` (past its opening `quote`), and the line."""
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and quote[0] == '"':
            i += 2
            continue
        if c == "\n":
            line += 1
            if len(quote) == 1:          # a one-line string ends here; tomllib will say why
                return i + 1, line
        if text.startswith(quote, i):
            return i + len(quote), line
        i += 1
    return n, line


def spec_findings(spec: ConferenceSpec) -> list[Finding]:
    """Ids over their length and names with control characters, each located."""
    found = []

    def too_long(kind: str, value, where: Where, label: str) -> None:
        if isinstance(value, str) and len(value) > MAX_ID[kind]:
            found.append(Finding("error", "too_long", where,
                                 f"{label}: the id is {len(value)} characters long; at most {MAX_ID[kind]}"))

    def broken(texts, where: Where, label: str, field: str) -> None:
        values = texts.values() if isinstance(texts, dict) else [texts]
        if not all(single_line(v) for v in values):
            found.append(Finding("error", "line_break", Where(where.file, where.line, where.item, where.slot, field),
                                 f"{label}: '{field}' contains a line break or another control character"))

    def short(value, kind: str) -> str:
        return value[:MAX_ID[kind]] if isinstance(value, str) else ""

    too_long("slug", spec.slug, Where(spec.where.file, spec.where.line, field="slug"), "conference")
    for person in spec.people:
        label = f"person {short(person.id, 'person')}"
        too_long("person", person.id, Where(person.where.file, person.where.line, field="id"), label)
        for field in ("name", "title", "organisation", "delegation"):
            broken(getattr(person, field), person.where, label, field)
    for item in spec.items:
        item_id = short(item.id, "item")
        too_long("item", item.id, Where(item.where.file, item.where.line, item_id, field="id"), f"item {item_id}")
        for slot in item.slots:
            slot_id = short(slot.id, "slot")
            too_long("slot", slot.id, Where(slot.where.file, slot.where.line, item_id, slot_id, "id"),
                     f"item {item_id}, slot {slot_id}")
    return found
