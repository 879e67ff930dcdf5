"""Independent readers of the calendar feeds, shared by tests/http/test_ical.py and
test_calendar_parsers.py and test_calendar_exact.py: the PyPI `ical` package (strict), ical.js
(Thunderbird's, in Node) and libical's checker (tests/libical/check_ics.c, compiled here against
Debian's libical-dev, with its RFC 5545 restriction check). ical.js and libical are skipped without
Node or libical, and required where MINBAR_REQUIRE_BROWSER=1, MINBAR_REQUIRE_NODE=1 or
MINBAR_REQUIRE_LIBICAL=1 (`suite_rules.missing`)."""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
from datetime import datetime, timezone

import pytest
from ical.calendar_stream import IcsCalendarStream

import suite_rules
from conftest import ROOT

NODE = shutil.which("node")
ICALJS_SCRIPT = ROOT / "tests" / "js" / "parse_ics.mjs"
ICALJS_PACKAGE = ROOT / "tests" / "js" / "node_modules" / "ical.js" / "package.json"
LIBICAL_SOURCE = ROOT / "tests" / "libical" / "check_ics.c"


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


def missing(reason: str):
    """A libical checker that cannot be built: skipped here, a failure where it is required."""
    suite_rules.missing(reason, *suite_rules.NODE_FLAGS, "MINBAR_REQUIRE_LIBICAL")


@pytest.fixture(scope="session")
def libical(tmp_path_factory):
    """The compiled checker (tests/libical/check_ics.c); `make setup` installs libical-dev."""
    gcc, pkg_config = shutil.which("gcc") or shutil.which("cc"), shutil.which("pkg-config")
    if not gcc or not pkg_config:
        missing("gcc or pkg-config is missing, so the libical checker cannot be built")
    flags = subprocess.run([pkg_config, "--cflags", "--libs", "libical"], capture_output=True, text=True)
    if flags.returncode != 0:
        missing("libical is not installed: run `make setup` (tests/libical/install.sh: apt-get install libical-dev)")
    binary = tmp_path_factory.mktemp("libical") / "check_ics"
    subprocess.run([gcc, "-O1", "-o", str(binary), str(LIBICAL_SOURCE), *flags.stdout.split()], check=True)
    return binary


def read_with_libical(binary, body: bytes) -> dict:
    done = subprocess.run([str(binary)], input=body, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return json.loads(done.stdout)


def get_ics(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[-500:]
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return response.data


def read_with_ical(body: bytes, caplog):
    """What the `ical` package sees; any warning (Python or logged) fails the test."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        calendar = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    return calendar


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
