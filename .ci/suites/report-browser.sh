#!/usr/bin/env bash
# The reviewer's report in a real browser: axe-core (WCAG 2.2 AA and best
# practice) on the report of every seed, all seeds, a national view and the
# editor preview; printing; and the README's screenshots. Needs Debian's
# Chromium, installed here when missing (never a browser download). Writes its
# tally to $RESULTS/report-browser.json for scripts/total-results.mjs.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RESULTS=${RESULTS:-$ROOT/test-output/results}
mkdir -p "$RESULTS"
NODE="$ROOT/node_modules/.bin/node"
fail_tally() { printf '{"suite":"report-browser","passed":0,"failed":1,"pending":0}\n' > "$RESULTS/report-browser.json"; }

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "[report-browser] apt-get install chromium"
  if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "[report-browser] could not install chromium"; fail_tally; exit 1
  fi
fi
# npm test has built out/ already; build again only when run on its own.
[ -f out/test/browser/report-accessibility.test.js ] || npm run --silent build || { fail_tally; exit 1; }
rm -f "$RESULTS/report-browser.json"
STRATEGY_TEST_RESULTS="$RESULTS/report-browser.json" STRATEGY_TEST_SUITE=report-browser \
  "$NODE" node_modules/mocha/bin/mocha.js --no-config --timeout 180000 --reporter scripts/mocha-reporter.cjs 'out/test/browser/**/*.test.js'
status=$?
[ -f "$RESULTS/report-browser.json" ] || { fail_tally; status=1; }
exit $status
