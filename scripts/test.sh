#!/usr/bin/env bash
# The README's test command: runs every test whose programs are present and
# ends with one line naming each group that was skipped and why, or
# "skipped: nothing". Arguments go to go test (scripts/test.sh -count=1);
# ENTENTE_TEST_PACKAGES replaces ./... (its own test uses it).
#
# Without ENTENTE_TEST_POSTGRES, and with a PostgreSQL server installed, it
# starts the throwaway cluster of scripts/test-postgres.sh for the run and
# stops it after (one that was already up is used and left running). The
# tests record what they skip (internal/skip) in a file this script reads.
# The exit status is go test's; under CI=true a skipped group also fails.
set -uo pipefail
cd "$(dirname "$0")/.."

ENTENTE_SKIPPED=$(mktemp "${TMPDIR:-/tmp}/entente-skipped.XXXXXX")
export ENTENTE_SKIPPED
started_pg=""
cleanup() {
  if [ -n "$started_pg" ]; then scripts/test-postgres.sh stop; fi
  rm -f "$ENTENTE_SKIPPED"
}
trap cleanup EXIT

if [ -z "${ENTENTE_TEST_POSTGRES:-}" ] && scripts/test-postgres.sh available; then
  if ! scripts/test-postgres.sh status; then started_pg=1; fi
  if dsn=$(scripts/test-postgres.sh start); then
    export ENTENTE_TEST_POSTGRES="$dsn"
  else
    started_pg=""
    echo "test: could not start PostgreSQL (see above); its tests will skip" >&2
  fi
fi

# shellcheck disable=SC2086 # a list of packages, split on purpose
go test -timeout 25m "$@" ${ENTENTE_TEST_PACKAGES:-./...}
status=$?

if [ -s "$ENTENTE_SKIPPED" ]; then
  line="skipped: $(sort -u "$ENTENTE_SKIPPED" | awk 'NR > 1 { printf ", " } { printf "%s", $0 }')"
  if [ "${CI:-}" = true ] && [ "$status" = 0 ]; then status=1; line="$line (CI must run everything)"; fi
else
  line="skipped: nothing"
fi
echo "$line"
exit "$status"
