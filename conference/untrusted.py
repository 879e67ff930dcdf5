"""Checks for text and data that come from outside (Socket.IO payloads, HTTP bodies, forms, query
strings): one place that says what the edge accepts, used by both transports.

Plain Python: no Flask, no Socket.IO.

- Text must be valid Unicode: a lone surrogate ("\\ud800", which JSON can spell) cannot be encoded
  as UTF-8, so a page that shows it later fails; it is refused where it comes in.
- Structures are bounded: at most MAX_DEPTH levels of nesting.
- Numbers are plain: integers of at most MAX_INT_DIGITS digits, finite floats (no NaN, Infinity).
"""
from __future__ import annotations

import json
import math
import re

MAX_DEPTH = 32
MAX_INT_DIGITS = 15          # below 2**53: what every JSON client can represent exactly
_INT_LIMIT = 10 ** MAX_INT_DIGITS


class Untrusted(ValueError):
    """The data is not acceptable; `str(error)` is one plain sentence."""


def is_text(value: str) -> bool:
    """True when `value` is valid Unicode (no lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def problem(value) -> str | None:
    """None when `value` (decoded JSON, form fields, ...) is acceptable, else why not."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"The data is nested more than {MAX_DEPTH} levels deep."
        if isinstance(item, str):
            if not is_text(item):
                return "Text must be valid Unicode (it contains a lone surrogate)."
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if abs(item) >= _INT_LIMIT:
                return f"Integers may have at most {MAX_INT_DIGITS} digits."
        elif isinstance(item, float):
            if not math.isfinite(item):
                return "Numbers must be finite."
        elif isinstance(item, dict):
            for key, inner in item.items():
                stack.append((key, depth + 1))
                stack.append((inner, depth + 1))
        elif isinstance(item, (list, tuple)):
            stack.extend((inner, depth + 1) for inner in item)
        elif isinstance(item, (bytes, bytearray)):
            return "Binary data is not accepted."
    return None


def check(value) -> None:
    """Raises Untrusted when `value` is not acceptable."""
    reason = problem(value)
    if reason is not None:
        raise Untrusted(reason)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def local_path(value) -> str | None:
    r"""`value` (a `next=` of a redirect) as a path on this site, or None when it is not one.

    Control characters are removed first, as a browser does with tabs and line breaks inside an
    address (`/\t/evil.example` is `//evil.example` to it), and a line break would also break the
    Location header. Then only a path is accepted: it starts with one `/`, not `//` (another host
    with the same scheme), and holds no backslash (browsers read `/\evil.example` as
    `//evil.example`)."""
    if not isinstance(value, str):
        return None
    path = _CONTROL.sub("", value).strip()
    if not path.startswith("/") or path.startswith("//") or "\\" in path or not is_text(path):
        return None
    return path


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise Untrusted(f"Integers may have at most {MAX_INT_DIGITS} digits.")
    return int(text)


def _parse_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise Untrusted("Numbers must be finite.")
    return number


def _parse_constant(_name: str):
    raise Untrusted("Numbers must be finite.")


class StrictJSON:
    """A json module for python-socketio and python-engineio: `loads` refuses what `problem`
    refuses and turns every failure (deep nesting's RecursionError included) into ValueError,
    which both libraries treat as a malformed packet; `dumps` is the standard one."""

    @staticmethod
    def loads(text, **_kwargs):
        try:
            value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                               parse_constant=_parse_constant)
        except RecursionError:
            raise Untrusted(f"The data is nested more than {MAX_DEPTH} levels deep.") from None
        except Untrusted:
            raise
        except (ValueError, TypeError) as error:
            raise Untrusted(f"Malformed JSON: {str(error)[:80]}") from None
        check(value)
        return value

    @staticmethod
    def dumps(value, **kwargs):
        return json.dumps(value, **kwargs)
