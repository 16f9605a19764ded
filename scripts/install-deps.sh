#!/usr/bin/env bash
# Installs exactly the Debian packages Sotong needs to build, run and test, and only those missing.
# Safe to run again: when everything is present it does nothing and asks nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config make git curl ca-certificates clang-format clang-tidy python3
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libkainjow-mustache-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libxlsxwriter-dev libzip-dev zlib1g-dev libbrotli-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev wrk
  chromium fonts-noto-cjk openjdk-17-jre-headless
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian ships npm separately from nodejs; other node builds bundle it.
if ! command -v npm >/dev/null; then
  apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
