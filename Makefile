# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
STAMP := $(VENV)/.installed

.PHONY: run test setup install init test-postgres bench clean browser-deps js-deps migration db-check stack-deps document-deps bench-deps constraints

# `make run` needs Python only; npm is for the tests' calendar parser (`make test`).
run: install init
	$(BIN)/minbar run --host $(HOST) --port $(PORT) $(if $(AT),--at "$(AT)") $(if $(LINKS),--links)

# With CI=true (or MINBAR_FORBID_SKIPS=1) a skipped test fails the run (tests/suite_rules.py).
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: install js-deps
	@sh tests/libical/install.sh
	@sh tests/stack-deps.sh
	@sh tests/document-deps.sh
	@$(MAKE) --no-print-directory browser-deps

install: $(STAMP)

# Under the production constraints: the suite runs the versions a deployment installs.
$(STAMP): setup.cfg pyproject.toml deploy/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c deploy/constraints.txt -e '.[test]'
	touch $(STAMP)

# ical.js (the parser Thunderbird uses) for the calendar tests and axe-core for the accessibility
# sweep (tests/browser/test_accessibility.py), pinned in tests/js/package-lock.json.
# Without npm those tests are skipped, or fail where MINBAR_REQUIRE_BROWSER=1 (CI).
JS_STAMP := tests/js/node_modules/.package-lock.json

js-deps:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(JS_STAMP); \
	else echo "npm not found: the calendar tests that need ical.js will be skipped"; fi

$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund
	touch $(JS_STAMP)

init: install
	$(BIN)/minbar init

# The next schema revision, from the difference between the models and an up-to-date database
# (the instance's SQLite by default; DATABASE_URL for another): make migration MSG="add people.email"
migration: install
	@test -n "$(MSG)" || (echo 'usage: make migration MSG="what the revision changes"' && exit 2)
	$(BIN)/minbar db upgrade
	$(BIN)/minbar db revision -m "$(MSG)"

db-check: install
	$(BIN)/minbar db check

# The same suite against the machine's PostgreSQL (database `test`, trust auth) and Redis.
test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python bench/fanout.py

# The protocol's reference server for `bench/fanout.py --reference node` (npm socket.io, pinned in
# bench/reference/package-lock.json).
bench-deps:
	npm ci --prefix bench/reference --no-audit --no-fund

# Debian's nginx, redis-server and PostgreSQL server binaries for the production tests
# (tests/production/); `make setup` runs it too. Without them those tests are skipped, or fail
# where MINBAR_REQUIRE_STACK=1 (CI).
stack-deps:
	@sh tests/stack-deps.sh

# Debian's Noto fonts and pango for the documents (PDF and Word), poppler-utils and LibreOffice's
# Writer for their tests; `make setup` runs it too. Without them those tests are skipped, or fail
# where MINBAR_REQUIRE_DOCUMENTS=1 (CI).
document-deps:
	@sh tests/document-deps.sh

# Debian's Chromium for the browser tests (Playwright drives it; no browser download); `make
# setup` (so `make test`) installs it too, as root.
# Without root or apt-get it says what is missing (the browser tests then skip, or fail where
# MINBAR_REQUIRE_BROWSER=1, as in CI).
browser-deps:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "missing: chromium: the browser tests will be skipped (as root: apt-get install chromium)"; fi

# The exact versions of a production install (deploy/constraints.txt: what docs/deploy.md installs
# with `pip install -c`), resolved by pip-tools from setup.cfg's install_requires and `production`
# extra. `make constraints` adds what a changed setup.cfg needs and keeps every other pin;
# `make constraints UPGRADE=1` moves every pin to the newest release the ranges allow. Commit the
# file, then run tests/production/test_install.py, which installs from it.
TOOLS := .venv-tools
constraints:
	test -x $(TOOLS)/bin/pip-compile || ($(PYTHON) -m venv $(TOOLS) && \
	  $(TOOLS)/bin/python -m pip install --quiet 'pip-tools==7.6.2')
	$(TOOLS)/bin/pip-compile --quiet --extra production --strip-extras --no-emit-find-links \
	  --no-emit-index-url --no-emit-trusted-host --annotation-style line $(if $(UPGRADE),--upgrade) \
	  --output-file deploy/constraints.txt setup.cfg

clean:
	rm -rf $(VENV) $(TOOLS) instance build *.egg-info
