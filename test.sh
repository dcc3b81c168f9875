#!/usr/bin/env bash
# Runs every test of LR Lab from a clean clone: installs chromium for the browser tests if it is
# missing, builds, publishes the web app for the end-to-end tests, runs all test projects and
# ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! command -v clang-14 >/dev/null || ! command -v wasm-ld-14 >/dev/null || ! command -v wasm-objdump >/dev/null; then
  echo "== installing clang-14, lld-14 and wabt (a test rebuilds the site's WebAssembly kernels)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang-14 lld-14 wabt >/dev/null
fi

passed=0
failed=0
results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== build"
if ! dotnet build LrLab.sln -c Release --nologo -v q -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== format check"
if dotnet format LrLab.sln --verify-no-changes --no-restore -v q; then
  passed=$((passed + 1))
else
  echo "dotnet format found files to fix (run: dotnet format LrLab.sln)"
  failed=$((failed + 1))
fi

echo "== publish the web app for the browser tests"
rm -rf artifacts/web
if ! dotnet publish src/LrLab.Web -c Release -o artifacts/web --nologo -v q -clp:ErrorsOnly; then
  echo "publish failed"
  failed=$((failed + 1))
fi
export LRLAB_WEB_ROOT="$PWD/artifacts/web/wwwroot"

for project in tests/LrLab.Core.Tests tests/LrLab.Cli.Tests tests/LrLab.Web.Tests tests/LrLab.E2E; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo -v q \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results"
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
  else
    echo "$name produced no results"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
