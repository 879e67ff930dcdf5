#!/usr/bin/env bash
# Rebuilds the release-0.1 database fixtures from a git revision of Minbar made before migrations
# (default: the commit these files came from). Usage, from the repository root:
#   tests/data/release-0.1/rebuild.sh [REV] [POSTGRES_URL]
# POSTGRES_URL must name a scratch database that may be emptied, e.g.
#   postgresql+psycopg://postgres@127.0.0.1:5432/minbar_fixture   (createdb -h 127.0.0.1 -U postgres minbar_fixture)
set -euo pipefail
REV=${1:-375dd5f}
PG=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/src" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git -C "$ROOT" worktree add --detach "$WORK/src" "$REV" >/dev/null
cd "$WORK/src"
# That release's own `minbar init` (create_all), run from its source with this venv's libraries.
MINBAR_INSTANCE="$WORK/instance" SECRET_KEY=fixture "$PY" -m conference.cli init
sqlite3 "$WORK/instance/minbar.sqlite3" .dump > "$HERE/minbar.sqlite.sql"
if [ -n "$PG" ]; then
  "$PY" -c "import sys; from conference.db import Database; Database(sys.argv[1]).drop_all()" "$PG"
  DATABASE_URL="$PG" MINBAR_INSTANCE="$WORK/instance" SECRET_KEY=fixture "$PY" -m conference.cli init
  LIBPQ=$("$PY" -c "import sys; from sqlalchemy.engine import make_url; u=make_url(sys.argv[1]); print(u.set(drivername='postgresql').render_as_string(hide_password=False))" "$PG")
  # psql's meta-commands (\restrict) are left out: the test feeds the file to the driver.
  pg_dump -O -x --inserts "$LIBPQ" | grep -v '^\\' > "$HERE/minbar.postgresql.sql"
fi
echo "fixtures rebuilt from $REV in $HERE"
