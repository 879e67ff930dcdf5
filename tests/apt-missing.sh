# Sourced by tests/stack-deps.sh and tests/document-deps.sh (plain sh).
#
# apt_missing MISSING WHAT: MISSING is the Debian packages not there, each after a space (empty:
# nothing to do, exit 0). As root with apt-get, installs them; otherwise says what is missing and
# that WHAT will be skipped.
apt_missing() {
  missing=$1
  [ -z "$missing" ] && exit 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null
  else
    echo "missing:$missing: $2 will be skipped" \
         "(as root: apt-get install$missing)"
  fi
}
