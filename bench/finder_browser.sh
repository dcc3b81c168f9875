#!/usr/bin/env bash
# The finder page's range test (784-128-10 MLP, batch 64, 100 mini-batches, SGD, 1e-7 -> 10) three ways, in one
# run: in headless chromium (the published site, Mono interpreter), natively in .NET, and with PyTorch (one thread).
# Usage: bench/finder_browser.sh   (publishes the site to artifacts/web first if it is not there)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f artifacts/web/wwwroot/index.html ]; then
  dotnet publish src/LrLab.Web -c Release -o artifacts/web >/dev/null
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LRLAB_WEB_ROOT=$PWD/artifacts/web/wwwroot dotnet test tests/LrLab.E2E \
  --filter "FullyQualifiedName~Range_test_runs_in_the_browser" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "range test in chromium|training runs" | sed 's/^ */browser: /'
dotnet run -c Release --project bench/LrLab.Bench -- finder-race 128 5 | sed 's/^/native: /'
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/pytorch_finder.py 128 5 | sed 's/^/peer: /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
