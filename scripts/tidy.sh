#!/usr/bin/env bash
# clang-tidy (.clang-tidy: DESIGN.md's naming and a few bug-prone patterns) over every translation unit the
# build compiles, as listed in its compile_commands.json: the unity batches of the libraries and of the test
# files (docs/decisions/0009-unity-builds.md). GCC's own warning options there (-Wno-subobject-linkage) are
# unknown to clang, which is told to let them pass. The header filter makes it check the sources a batch includes and
# the project's own headers, but not the generated files in the build folder.
#   scripts/tidy.sh [BUILD]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -f "$build/compile_commands.json" ] || { echo "$build/compile_commands.json is missing: build first" >&2; exit 1; }
root=$(pwd)
# Beast's implementation (asio_impl.cpp) is library code compiled here, not the project's.
python3 -c 'import json, sys
for e in json.load(open(sys.argv[1])):
    if not e["file"].endswith("asio_impl.cpp"): print(e["file"])' "$build/compile_commands.json" |
  sort -u |
  xargs -P "$(nproc)" -n 2 clang-tidy -p "$build" --quiet --warnings-as-errors='*' --header-filter="^$root/src/" \
    --extra-arg=-Wno-unknown-warning-option
