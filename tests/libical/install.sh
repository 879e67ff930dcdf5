#!/bin/sh
# libical for the calendar tests (tests/http/test_calendar_parsers.py compiles check_ics.c against
# it): Debian's libical-dev, plus gcc and pkg-config. Run by `make setup`; does nothing when they
# are there. Without root or apt-get it only says what is missing (the tests then skip, or fail
# where MINBAR_REQUIRE_BROWSER=1 or MINBAR_REQUIRE_LIBICAL=1, as in CI).
if command -v gcc >/dev/null 2>&1 && pkg-config --exists libical 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends libical-dev pkg-config gcc libc6-dev >/dev/null
else
  echo "libical-dev, gcc or pkg-config missing: the libical calendar checks will be skipped" \
       "(as root: apt-get install libical-dev pkg-config gcc)"
fi
