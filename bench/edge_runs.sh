#!/usr/bin/env bash
# The native measurements of docs/edge.md: full-batch gradient descent on the first 2,000 training digits, 784-128-10,
# sharpness every 5 steps (every 20 on the long runs), then the table. Takes a few minutes on a quiet machine.
# Usage: bench/edge_runs.sh [--write]   (--write replaces the tables in docs/edge.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${EDGE_RUNS:-$(mktemp -d)}
dotnet build -c Release src/LrLab.Cli -v q -nologo >/dev/null
lrlab="dotnet src/LrLab.Cli/bin/Release/net10.0/lrlab.dll"
full=(--optimizer sgd --train-samples 2000 --batch-size 2000 --format json)
for lr in 0.1 0.25 0.5 1 2; do
  $lrlab train "${full[@]}" --lr $lr --steps 200 --sharpness-every 5 --out "$out/gd_$lr.json"
done
for seed in 1 2; do
  $lrlab train "${full[@]}" --lr 0.5 --steps 200 --sharpness-every 5 --seed $seed --out "$out/gd_0.5_seed$seed.json"
done
$lrlab train "${full[@]}" --lr 0.5 --steps 1000 --sharpness-every 20 --out "$out/gd_0.5_long.json"
$lrlab train --optimizer sgd --train-samples 2000 --batch-size 64 --format json --lr 0.5 --steps 1000 --sharpness-every 20 --out "$out/sgd64_0.5.json"
/usr/bin/python3 tools/edge_table.py "$out" ${1:-}
