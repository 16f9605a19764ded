#!/usr/bin/env bash
# Validates every HTML page the browser suite loaded (test-results/html/, written by tests/browser/lib) with the
# Nu HTML Checker (vnu-jar from npm, run by Debian's Java). Any error fails; warnings are printed but pass.
#   scripts/check-html.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-test-results/html}
jar=web/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$jar" ] || { echo "$jar missing: run 'make web'" >&2; exit 1; }
command -v java >/dev/null || { echo "java missing: run scripts/install-deps.sh" >&2; exit 1; }
count=$(find "$dir" -name '*.html' 2>/dev/null | wc -l)
[ "$count" -gt 0 ] || { echo "no pages in $dir: run the browser suite first" >&2; exit 1; }
echo "Nu HTML Checker: $count pages"
java -Xss4m -jar "$jar" --errors-only --format gnu "$dir"
echo "Nu HTML Checker: no errors"
