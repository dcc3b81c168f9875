#!/usr/bin/env bash
# The lab's sweep panel in headless chromium: 200 rates × 500 steps after a change of the range box, timed from outside
# the page (first redraw and complete sweep, 5 changes) for each optimizer the lab offers, with the parts of the work
# timed inside the page (SweepBenchmark.Profile). Prints the median complete time as a ratio of the 150 ms goal.
# Usage: bench/sweep_browser.sh ["bowl sgd,ravine sgd,..."]   (default: every optimizer on the bowl, a few on the ravine)
# Publishes the site first if artifacts/web is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f artifacts/web/wwwroot/index.html ]; then
  dotnet publish src/LrLab.Web -c Release -o artifacts/web --nologo -v q -clp:ErrorsOnly
fi
LRLAB_BENCH=1 LRLAB_SWEEP_CASES="${1:-}" LRLAB_WEB_ROOT=$PWD/artifacts/web/wwwroot \
  dotnet test tests/LrLab.E2E -c Release --filter "FullyQualifiedName~SweepBrowserBenchmark" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "load average|first redraw|median complete|Failed|Error" | sed 's/^ *//'
