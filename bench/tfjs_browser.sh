#!/usr/bin/env bash
# MLP training in headless chromium: LR Lab's engine (the published site, Mono interpreter) beside TensorFlow.js 4.22
# (wasm backend with SIMD, one thread; and the cpu backend), same 784-128-10 network, SGD 0.1, batch 64, the shipped
# digits, alternating in one browser. Usage: bench/tfjs_browser.sh [rounds] [steps]   (defaults 3 and 150)
# Installs the TF.js packages into bench/peers/tfjs/node_modules (npm ci) and publishes the site if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bench/peers/tfjs/node_modules/@tensorflow/tfjs/dist/tf.min.js ]; then
  (cd bench/peers/tfjs && npm ci --no-audit --no-fund)
fi
if [ ! -f artifacts/web/wwwroot/index.html ]; then
  dotnet publish src/LrLab.Web -c Release -o artifacts/web --nologo -v q -clp:ErrorsOnly
fi
LRLAB_BENCH=1 LRLAB_BENCH_ROUNDS="${1:-3}" LRLAB_BENCH_STEPS="${2:-150}" LRLAB_WEB_ROOT=$PWD/artifacts/web/wwwroot \
  dotnet test tests/LrLab.E2E -c Release --filter "FullyQualifiedName~BrowserTrainingBenchmark" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "load average|samplesPerSecond|parts of one step|best of|ratio" | sed 's/^ *//'
