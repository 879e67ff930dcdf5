"""An agenda file's values read one at a time: each reader returns the value in its Python shape or
raises `BadValue` with the code and the end of the sentence "'field' ..." that reports it."""
from __future__ import annotations

import re
from datetime import date, time

_HH_MM = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class BadValue(Exception):
    """A value that cannot be read; `message` finishes the sentence "'field' ..."."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def shown(value) -> str:
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


def as_str(value) -> str:
    if isinstance(value, str):
        return value
    raise BadValue("wrong_type", f"should be text in quotes, not {shown(value)}")


def as_int(value) -> int:
    # bool is an int in Python; `minutes = true` is still a mistake.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise BadValue("wrong_type", f"should be a whole number such as 5, not {shown(value)}")


def as_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    raise BadValue("wrong_type", f"should be true or false, not {shown(value)}")


def as_strs(value) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise BadValue("wrong_type", f'should be a list of texts such as ["ar", "en"], not {shown(value)}')


def as_ints(value) -> tuple[int, ...]:
    if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return tuple(value)
    raise BadValue("wrong_type", f"should be a list of whole numbers such as [2, 5], not {shown(value)}")


def as_text(value) -> dict[str, str]:
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return dict(value)
    raise BadValue("wrong_type", 'should be a table of texts per language such as '
                             f'{{ ar = "...", en = "...", fr = "..." }}, not {shown(value)}')


def as_name(value) -> dict[str, str]:
    """A person's name: one text for every language, or a table of texts per language."""
    if isinstance(value, str):
        return {"": value}
    return as_text(value)


def as_time(value) -> time:
    if type(value) is time and value.tzinfo is None and not value.second and not value.microsecond:
        return value
    if isinstance(value, str):
        found = _HH_MM.match(value.strip())
        if found and int(found[1]) <= 23 and int(found[2]) <= 59:
            return time(int(found[1]), int(found[2]))
    raise BadValue("bad_time", f"should be a time of day written HH:MM from 00:00 to 23:59, such as "
                           f'"09:30", not {shown(value)}')


def as_date(value) -> date:
    if type(value) is date:  # a TOML date; a datetime (also a date) is not a day
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise BadValue("bad_date", f"names a day that does not exist: {shown(value)}") from None
    raise BadValue("bad_date", f'should be a date written YYYY-MM-DD, such as "2021-02-24", not {shown(value)}')
