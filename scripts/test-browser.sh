#!/usr/bin/env bash
# Runs the browser suite (Playwright driving Debian's Chromium, axe-core checks) against a live
# build/sotong on a fresh SQLite database. Screenshots land in test-results/ (git-ignored).
#   scripts/test-browser.sh [TEST_PATH...]   (default: tests/browser/)
# Server start, readiness, log and shutdown handling are test-http.sh's; only the suite differs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d web/node_modules/playwright-core ] || [ ! -d web/node_modules/@axe-core/playwright ]; then
  echo "browser test tools missing: run 'npm ci --prefix web'" >&2
  exit 1
fi
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium missing: run scripts/install-deps.sh" >&2; exit 1; }

mkdir -p test-results
[ $# -gt 0 ] || set -- tests/browser/
CHROMIUM=/usr/bin/chromium exec scripts/test-http.sh sqlite "$@"
