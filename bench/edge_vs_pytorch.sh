#!/usr/bin/env bash
# The sharpness-tracking benchmark of docs/benchmarks.md ("Sharpness tracking"): our exact Hessian-vector products and
# warm-started Lanczos against PyTorch 1.13 autograd (double backward) with warm-started power iteration, one thread
# each, alternating rounds in the same run. First 2,000 training digits, 784-128-10, full-batch gradient descent.
# Usage: bench/edge_vs_pytorch.sh [rounds] [--write]   (--write replaces the section in docs/benchmarks.md)
# Needs /usr/bin/python3 with python3-torch and libopenblas0-pthread (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
write=${2:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build -c Release bench/LrLab.Bench -v q -nologo >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  # The peer unpinned from the machine's Haswell OpenBLAS kernels (docs/benchmarks.md explains why).
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    /usr/bin/python3 bench/peers/pytorch_sharpness.py >"$out/peer$r.json"
  dotnet bench/LrLab.Bench/bin/Release/net10.0/LrLab.Bench.dll edge-race >"$out/ours$r.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

/usr/bin/python3 - "$out" "$rounds" "$load_before" "$load_after" "$write" <<'PY'
import datetime, os, sys
out, rounds, load_before, load_after, write = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
sys.path.insert(0, "bench")
from benchdoc import cpu_name, rounds_of, write_table
peer, ours = rounds_of(out, rounds)
cpu = cpu_name()
lines = [f"Run of {datetime.date.today()} on {cpu} ({os.cpu_count()} cores shared with other jobs; load average "
         f"{load_before} before, {load_after} after), {rounds} alternating rounds; each figure is the round with the "
         f"shorter training time. PyTorch {peer[0]['torch']} (OpenBLAS unpinned, one thread), ours Vector{ours[0]['simd']}, one thread. "
         "First 2,000 training digits, 784-128-10, float32.", ""]
best = lambda runs, key: min(runs, key=lambda r: r["trainingSeconds"])[key]
def row(name, key, fmt):
    p, o = best(peer, key), best(ours, key)
    return f"| {name} | {fmt(p)} | {fmt(o)} | {o / p:.2f}× |"
ms = lambda v: f"{v * 1000:.1f} ms"
s = lambda v: f"{v:.2f} s"
lines.append("| measurement | PyTorch | LR Lab | ratio (ours / PyTorch) |")
lines.append("| --- | ---: | ---: | ---: |")
lines.append(row("one full-batch step", "step", ms))
lines.append(row("30 Hessian-vector products (cold start)", "hvp30", ms))
lines.append(row("200 steps at lr 0.5: training", "trainingSeconds", s))
lines.append(row("… sharpness at step 0 and every 10 steps", "sharpnessSeconds", s))
lines.append(row("… Hessian-vector products taken", "products", lambda v: f"{v}"))
lines.append("")
for name, runs in (("PyTorch", peer), ("LR Lab", ours)):
    r = min(runs, key=lambda r: r["trainingSeconds"])
    lines.append(f"- {name}: measuring costs **{r['sharpnessSeconds'] / r['trainingSeconds']:.2f}×** the training time; "
                 f"sharpness at steps 0 / 40 / 100 / 200: " + " / ".join(f"{v:.2f}" for st, v in r["sharpness"] if st in (0, 40, 100, 200)))
lines.append(f"- LR Lab allocates {ours[0]['bytesPerMeasurement']} bytes per warm measurement.")
lines.append("- PyTorch warm-starts power iteration (stop at 1e-3 relative change, at most 20 products); LR Lab warm-starts "
             "Lanczos (stop at a 1e-3 relative residual bound, at least 3 and at most 20 products). The two runs start from "
             "different initial weights (different random generators), so their sharpness curves agree in shape, not step by step.")
table = "\n".join(lines)
print(table)
if write == "--write":
    write_table(table, "edge", "## Sharpness tracking\n\nCommand: `bench/edge_vs_pytorch.sh 2 --write`.\n\n")
PY
