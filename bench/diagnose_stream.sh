#!/usr/bin/env bash
# The streaming benchmark of docs/benchmarks.md ("Diagnosing a ten-million-line log"): `lrlab diagnose` on a
# 10,000,000-line step,loss CSV (about 190 MB), whole process, wall time and peak resident memory from
# /usr/bin/time -v, beside NumPy's loadtxt reading the same file into arrays in the same run.
# Usage: bench/diagnose_stream.sh [lines] [rounds]   (needs /usr/bin/python3 with numpy, and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-10000000}
rounds=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release src/LrLab.Cli -v q -nologo >/dev/null
cli="dotnet src/LrLab.Cli/bin/Release/net10.0/lrlab.dll"
/usr/bin/python3 bench/peers/numpy_read_log.py --write "$out/big.csv" "$lines"
ls -l "$out/big.csv" | awk '{printf "log: %d lines, %.0f MB\n", '"$lines"', $5 / 1048576}'

measure() { # prints "seconds peak_MB"
  /usr/bin/time -v "$@" >"$out/stdout" 2>"$out/time"
  awk -F': ' '/Elapsed \(wall clock\)/ { split($2, t, ":"); s = t[1] * 60 + t[2] } /Maximum resident/ { m = $2 / 1024 } END { printf "%.2f %.0f\n", s, m }' "$out/time"
}

for ((r = 1; r <= rounds; r++)); do
  ours=$(measure $cli diagnose "$out/big.csv" --format json)
  verdict=$(grep -m1 '"verdict"' "$out/stdout" | tr -d ' ,')
  peer=$(measure /usr/bin/python3 bench/peers/numpy_read_log.py "$out/big.csv")
  peer_inner=$(grep -o 'seconds=[0-9.]*' "$out/stdout")
  echo "round $r: lrlab diagnose ${ours% *} s, peak ${ours#* } MB ($verdict) | numpy loadtxt+medians ${peer% *} s, peak ${peer#* } MB ($peer_inner inside)"
done
