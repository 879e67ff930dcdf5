"""Independent readers of the calendar feeds, shared by tests/http/test_ical.py and
test_calendar_parsers.py: the PyPI `ical` package (strict) and ical.js (Thunderbird's, in Node).
ical.js is skipped without Node, and required where MINBAR_REQUIRE_BROWSER=1 or
MINBAR_REQUIRE_NODE=1 (`suite_rules.missing`)."""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
from datetime import datetime, timezone

from ical.calendar_stream import IcsCalendarStream

import suite_rules
from conftest import ROOT

NODE = shutil.which("node")
ICALJS_SCRIPT = ROOT / "tests" / "js" / "parse_ics.mjs"
ICALJS_PACKAGE = ROOT / "tests" / "js" / "node_modules" / "ical.js" / "package.json"


def read_with_icaljs(body: bytes, *flags: str) -> dict:
    """What ical.js sees: events with UTC start/end and the zone it resolved; no error, no warning.
    `flags`: more variables that make ical.js required (beside the Node ones)."""
    if NODE is None:
        suite_rules.missing("node is not installed, so ical.js cannot run", *suite_rules.NODE_FLAGS, *flags)
    if not ICALJS_PACKAGE.exists():
        suite_rules.missing("ical.js is not installed: run `make setup` (it runs `npm ci --prefix tests/js`)",
                            *suite_rules.NODE_FLAGS, *flags)
    done = subprocess.run([NODE, str(ICALJS_SCRIPT)], input=body, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    result = json.loads(done.stdout)
    assert result["warnings"] == []
    return result


def read_with_ical(body: bytes, caplog):
    """What the `ical` package sees; any warning (Python or logged) fails the test."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        calendar = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    return calendar


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
