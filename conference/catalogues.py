"""Extracting the user-visible strings from the code and templates, and checking the catalogues.

Used by `minbar messages check` and by the test that no string is left untranslated. Extraction
uses babel with the method map of babel.cfg (Python `_`, `N_`, `ngettext`; Jinja `_`, `ngettext`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conference import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("conference", "sessions", "speakers", "timing", "templates")
METHOD_MAP = [("**.py", "python"), ("**.html", "jinja2")]
OPTIONS = {"**.py": {}, "**.html": {"trimmed": "true", "extensions": "jinja2.ext.i18n"}}
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    where: str


def extract() -> list[Message]:
    found: dict[str, Message] = {}
    for source in SOURCES:
        base = ROOT / source
        if not base.exists():
            continue
        prefix = "templates/" if source == "templates" else ""
        for filename, lineno, message, _comments, _context in extract_from_dir(
                str(base), METHOD_MAP if source != "templates" else [("**.html", "jinja2")],
                options_map=OPTIONS, keywords=KEYWORDS, directory_filter=_wanted_directory):
            msgid, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
            if msgid and msgid not in found:
                found[msgid] = Message(msgid, plural, f"{prefix or source + '/'}{filename}:{lineno}")
    return sorted(found.values(), key=lambda m: m.where)


def _wanted_directory(path: str) -> bool:
    # babel skips "_"-prefixed folders by default; templates/_macros holds real strings.
    name = Path(path).name
    return not name.startswith(".") and name not in ("__pycache__", "node_modules", "translations")


def translated_ids(language: str) -> set[str]:
    """msgids with a non-empty translation in any of `language`'s catalogues."""
    ids: set[str] = set()
    for path in i18n.catalogue_paths(language):
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            if message.id and all(strings) and not message.fuzzy:
                ids.add(message.id[0] if isinstance(message.id, tuple) else message.id)
    return ids


def untranslated(language: str, messages: list[Message] | None = None) -> list[Message]:
    """Messages with no (non-fuzzy, complete) translation in `language`'s catalogues."""
    known = translated_ids(language)
    return [m for m in (messages if messages is not None else extract()) if m.msgid not in known]
