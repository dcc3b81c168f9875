#!/usr/bin/env bash
# The MNIST training benchmark of docs/benchmarks.md ("MNIST training"): our engine against PyTorch 1.13 +
# OpenBLAS (one thread each) in the same run, alternating peer and ours for several rounds so both see the
# same machine load. Training: 784-128-10, SGD 0.1 at batch 32/64/256 and Adam 0.001 at batch 64, one warm-up epoch then the best of
# N timed epochs of the 8,000 training digits, then the steady state (best of 200 windows of 5 steps; on a shared
# machine the least disturbed window). GEMM: the four products of one batch-64 step.
# Usage: bench/run_training.sh [rounds] [epochs] [--write]   (--write replaces the section in docs/benchmarks.md)
# Needs /usr/bin/python3 with python3-torch and libopenblas0-pthread (Debian). The peer runs with OpenBLAS unpinned
# (this machine sets OPENBLAS_CORETYPE=Haswell and OPENBLAS_L2_SIZE, which slow it by 20-25 %) and one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-5}
write=${3:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release bench/LrLab.Bench -v q -nologo >/dev/null
ours="dotnet bench/LrLab.Bench/bin/Release/net10.0/LrLab.Bench.dll train-race"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  cut -d' ' -f1 /proc/loadavg >"$out/load$r"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    /usr/bin/python3 bench/peers/pytorch_mlp.py "$epochs" >"$out/peer$r.json"
  $ours "$epochs" 1 >"$out/ours$r.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

/usr/bin/python3 - "$out" "$rounds" "$epochs" "$load_before" "$load_after" "$write" <<'PY'
import datetime, os, sys
out, rounds, epochs, load_before, load_after, write = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
sys.path.insert(0, "bench")
from benchdoc import cpu_name, rounds_of, write_table
peer, ours = rounds_of(out, rounds)
cpu = cpu_name()

def best(runs, section, key, match, field):
    return max(x[field] for run in runs for x in run[section] if x[key] == match)

lines = []
lines.append(f"Run of {datetime.date.today()} on {cpu} ({os.cpu_count()} cores shared with other jobs; load average "
             f"{load_before} before, {load_after} after), {rounds} alternating rounds, best of {epochs} timed epochs per round; "
             f"the figure is the best round. PyTorch {peer[0]['torch']} with OpenBLAS unpinned (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE` unset), `torch.set_num_threads(1)`; ours with "
             f"Vector{ours[0]['simd']} kernels, one thread.")
lines.append("")
lines.append("| optimizer, batch | PyTorch samples/s | LR Lab samples/s | ratio (ours / PyTorch) | ratio per round | LR Lab bytes allocated per epoch |")
lines.append("| --- | ---: | ---: | ---: | --- | ---: |")
for c in [x["case"] for x in peer[0]["training"]]:
    p = best(peer, "training", "case", c, "samplesPerSecond")
    o = best(ours, "training", "case", c, "samplesPerSecond")
    per = ", ".join(f"{best([ours[r]], 'training', 'case', c, 'samplesPerSecond') / best([peer[r]], 'training', 'case', c, 'samplesPerSecond'):.2f}" for r in range(rounds))
    alloc = max(x["bytesAllocatedPerEpoch"] for run in ours for x in run["training"] if x["case"] == c)
    lines.append(f"| {c} | {p:,.0f} | {o:,.0f} | **{o / p:.2f}×** | {per} | {alloc} |")
lines.append("")
lines.append("Steady state (the same runs; each side's fastest of 200 windows of 5 steps after the timed epochs, the window other jobs disturbed least):")
lines.append("")
lines.append("| optimizer, batch | PyTorch samples/s | LR Lab samples/s | ratio (ours / PyTorch) | ratio per round |")
lines.append("| --- | ---: | ---: | ---: | --- |")
for c in [x["case"] for x in peer[0]["training"]]:
    p = best(peer, "training", "case", c, "windowSamplesPerSecond")
    o = best(ours, "training", "case", c, "windowSamplesPerSecond")
    per = ", ".join(f"{best([ours[r]], 'training', 'case', c, 'windowSamplesPerSecond') / best([peer[r]], 'training', 'case', c, 'windowSamplesPerSecond'):.2f}" for r in range(rounds))
    lines.append(f"| {c} | {p:,.0f} | {o:,.0f} | **{o / p:.2f}×** | {per} |")
lines.append("")
lines.append("| product (batch 64) | m × n × k | PyTorch GFLOP/s | LR Lab GFLOP/s | ratio |")
lines.append("| --- | --- | ---: | ---: | ---: |")
for g in peer[0]["gemm"]:
    p = best(peer, "gemm", "name", g["name"], "gflops")
    o = best(ours, "gemm", "name", g["name"], "gflops")
    lines.append(f"| {g['name']} | {g['m']} × {g['n']} × {g['k']} | {p:.1f} | {o:.1f} | {o / p:.2f}× |")
lines.append("")
lines.append("Every round, for the record (samples/s for SGD at batch 32 / 64 / 256, Adam at 64; load average at the round's start):")
lines.append("")
for r in range(rounds):
    fmt = lambda run: " / ".join(f"{x['samplesPerSecond'] / 1000:.0f}k" for x in run["training"])
    load = open(f"{out}/load{r + 1}").read().strip()
    lines.append(f"- round {r + 1} (load {load}): PyTorch {fmt(peer[r])}; LR Lab {fmt(ours[r])}")
table = "\n".join(lines)
print(table)
if write == "--write":
    write_table(table, "training", "## MNIST training\n\n")
PY
