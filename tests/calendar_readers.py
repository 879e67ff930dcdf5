"""The calendar readers the calendar tests share: libical's checker (tests/libical/check_ics.c,
compiled here against Debian's libical-dev, with its RFC 5545 restriction check) and a feed fetch."""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess

import pytest
from ical.calendar_stream import IcsCalendarStream

from conftest import ROOT

LIBICAL_SOURCE = ROOT / "tests" / "libical" / "check_ics.c"


def required() -> bool:
    return "1" in (os.environ.get("MINBAR_REQUIRE_BROWSER"), os.environ.get("MINBAR_REQUIRE_NODE"),
                   os.environ.get("MINBAR_REQUIRE_LIBICAL"))


def missing(reason: str):
    if required():
        pytest.fail(f"{reason}; these checks are required here")
    pytest.skip(reason)


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
