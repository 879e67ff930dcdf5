#!/bin/sh
# Debian's nginx, redis-server and PostgreSQL server binaries for the production tests
# (tests/production/: nginx in front of gunicorn processes, Redis and PostgreSQL restarted). Run by
# `make setup`; does nothing when they are there. Without root or apt-get it only says what is
# missing (the tests then skip, or fail where MINBAR_REQUIRE_STACK=1, as in CI).
. "$(dirname "$0")/apt-missing.sh"
missing=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
apt_missing "$missing" "the production tests (nginx, Redis and PostgreSQL restarts)"
