#!/usr/bin/env bash
# The sweep benchmark of docs/benchmarks.md ("Sweep"): `lrlab sweep` against the NumPy peer in the same run.
# 1,000 log-spaced rates (1e-4 .. 1) × 1,000 steps × 7 optimizers on the bowl; each side computes the same
# table (final loss, steps to converge, verdict, pattern per rate), and the tables are compared row by row.
# Usage: bench/sweep_vs_numpy.sh [rounds]   (needs /usr/bin/python3 with numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release src/LrLab.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/LrLab.Bench -v q -nologo >/dev/null
cli="dotnet src/LrLab.Cli/bin/Release/net10.0/lrlab.dll"
race="dotnet bench/LrLab.Bench/bin/Release/net10.0/LrLab.Bench.dll sweep-race"
opts=sgd,momentum,nesterov,adam,adamw,rmsprop,adagrad

wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
best() { printf '%s\n' "$@" | sort -g | head -1; }

np_wall=() np_compute=() cli1=() cli2=() in1=() in2=()
for ((r = 1; r <= rounds; r++)); do
  np_wall+=("$(wall env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/numpy_sweep.py --out "$out/peer.csv")")
  np_compute+=("$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/numpy_sweep.py | sed -E 's/.*seconds=([0-9.]+).*/\1/')")
  cli1+=("$(wall $cli sweep --surface bowl --optimizers $opts --lr-min 1e-4 --lr-max 1 --count 1000 --steps 1000 --threads 1 --format csv --out "$out/ours.csv")")
  cli2+=("$(wall $cli sweep --surface bowl --optimizers $opts --lr-min 1e-4 --lr-max 1 --count 1000 --steps 1000 --format csv --out "$out/ours.csv")")
  in1+=("$($race 1 3 | sed -E 's/.*seconds=([0-9.]+).*/\1/')")
  in2+=("$($race "$(nproc)" 3 | sed -E 's/.*seconds=([0-9.]+).*/\1/')")
done

/usr/bin/python3 bench/peers/numpy_sweep.py --check "$out/ours.csv" "$out/peer.csv"
b_np_wall=$(best "${np_wall[@]}") b_np=$(best "${np_compute[@]}")
b_cli1=$(best "${cli1[@]}") b_cli2=$(best "${cli2[@]}") b_in1=$(best "${in1[@]}") b_in2=$(best "${in2[@]}")
printf '%-44s %8s\n' "best of $rounds rounds" seconds
printf '%-44s %8.3f\n' "numpy peer, whole process" "$b_np_wall"
printf '%-44s %8.3f\n' "numpy peer, compute only" "$b_np"
printf '%-44s %8.3f\n' "lrlab sweep --threads 1, whole process" "$b_cli1"
printf '%-44s %8.3f\n' "lrlab sweep (threads $(nproc)), whole process" "$b_cli2"
printf '%-44s %8.3f\n' "Sweeper in-process, 1 thread" "$b_in1"
printf '%-44s %8.3f\n' "Sweeper in-process, $(nproc) threads" "$b_in2"
printf 'ratio numpy compute / lrlab whole process, 1 thread: %.2f\n' "$(echo "$b_np / $b_cli1" | bc -l)"
printf 'ratio numpy compute / Sweeper in-process, 1 thread: %.2f\n' "$(echo "$b_np / $b_in1" | bc -l)"
printf 'ratio numpy whole / lrlab whole, %s threads: %.2f\n' "$(nproc)" "$(echo "$b_np_wall / $b_cli2" | bc -l)"
