"""Where things stand in an agenda's TOML source: tables and keys by line (`SourceLines`), and a
TOML syntax error as a finding in plain words (`syntax_finding`)."""
from __future__ import annotations

import re
import tomllib

from conference.agenda.schema import Finding, Where

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")


def syntax_finding(exc: tomllib.TOMLDecodeError, text: str, source: str) -> Finding:
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
