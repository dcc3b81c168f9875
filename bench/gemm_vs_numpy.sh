#!/usr/bin/env bash
# The matrix-product benchmark of docs/benchmarks.md ("Matrix products against NumPy"): every product of one
# training step of the 784-128-10 MLP at batch 64 and 256, ours (`LrLab.Bench gemm-race`, the `Gemm` kernels the
# trainer uses, bias and ReLU fused into the forward product) against NumPy's `@` (OpenBLAS sgemm) in the same
# run, alternating the two for several rounds so both see the same load. One thread each; the peer runs with
# OpenBLAS unpinned (this machine sets OPENBLAS_CORETYPE=Haswell and OPENBLAS_L2_SIZE, which slow it).
# Each side reports, per product, the best over its rounds of the mean time of a ~1 ms block of calls.
# Usage: bench/gemm_vs_numpy.sh [rounds] [--write]   (--write replaces the table in docs/benchmarks.md)
# Needs /usr/bin/python3 with numpy (Debian python3-numpy, libopenblas0-pthread).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
write=${2:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release bench/LrLab.Bench -v q -nologo >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    /usr/bin/python3 bench/peers/numpy_gemm.py 200 >"$out/peer$r.json"
  dotnet bench/LrLab.Bench/bin/Release/net10.0/LrLab.Bench.dll gemm-race 200 >"$out/ours$r.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

/usr/bin/python3 - "$out" "$rounds" "$load_before" "$load_after" "$write" <<'PY'
import datetime, os, sys
out, rounds, load_before, load_after, write = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
sys.path.insert(0, "bench")
from benchdoc import cpu_name, rounds_of, write_table
peer, ours = rounds_of(out, rounds)
cpu = cpu_name()
key = lambda g: (g["name"], g["batch"])
best = lambda runs, k: max(g["gflops"] for run in runs for g in run["gemm"] if key(g) == k)
lines = [f"Run of {datetime.date.today()} on {cpu} ({os.cpu_count()} cores shared with other jobs; load average "
         f"{load_before} before, {load_after} after), {rounds} alternating rounds; per product the best round. "
         f"NumPy {peer[0]['numpy']} `@` (OpenBLAS sgemm, unpinned, one thread); ours Vector{ours[0]['simd']} kernels, one thread.",
         "",
         "| product | batch | m × n × k | NumPy `@` GFLOP/s | LR Lab GFLOP/s | ratio (ours / NumPy) | ratio per round |",
         "| --- | ---: | --- | ---: | ---: | ---: | --- |"]
for g in peer[0]["gemm"]:
    k = key(g)
    p, o = best(peer, k), best(ours, k)
    per = ", ".join(f"{best([ours[r]], k) / best([peer[r]], k):.2f}" for r in range(rounds))
    lines.append(f"| {g['name']} | {g['batch']} | {g['m']} × {g['n']} × {g['k']} | {p:.1f} | {o:.1f} | **{o / p:.2f}×** | {per} |")
table = "\n".join(lines)
print(table)
if write == "--write":
    write_table(table, "gemm", "## Matrix products against NumPy\n\n")
PY
