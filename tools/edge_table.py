#!/usr/bin/python3
"""Formats the runs of bench/edge_runs.sh as the tables of docs/edge.md (with --write, replaces them there).

Every figure comes from the CLI's JSON: `edge` (Core's EdgeSummary: start, peak and settled sharpness, spike) and
`sharpness` (the measurements). Usage: tools/edge_table.py DIR [--write]
"""

import json
import os
import re
import sys

out, write = sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == "--write"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name):
    with open(os.path.join(out, name + ".json")) as f:
        return json.load(f)


def g(v):
    return f"{v:.3g}"


def spike(e):
    return f"yes (step {e['spikeStep']})" if e["spiked"] else "no"


lines = ["| rate η | 2/η | start | peak (step) | settled (median of steps 100–200) | settled ÷ 2/η | loss spike | final loss |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
for lr in ("0.1", "0.25", "0.5", "1", "2"):
    r = load(f"gd_{lr}")
    e = r["edge"]
    lines.append(f"| {lr} | {g(e['limit'])} | {g(e['start'])} | {g(e['peak'])} ({e['peakStep']}) | {g(e['settled'])} | "
                 f"{e['settled'] / e['limit']:.2f} | {spike(e)} | {g(r['losses'][-1])} |")
table = "\n".join(lines)

lines = ["| seed | start | peak (step) | range from step 60 to 200 | loss spike |", "| ---: | ---: | ---: | ---: | --- |"]
for seed, name in ((0, "gd_0.5"), (1, "gd_0.5_seed1"), (2, "gd_0.5_seed2")):
    r = load(name)
    e = r["edge"]
    late = [p["value"] for p in r["sharpness"] if p["step"] >= 60]
    lines.append(f"| {seed} | {g(e['start'])} | {g(e['peak'])} ({e['peakStep']}) | {g(min(late))}–{g(max(late))} | {spike(e)} |")
seeds = "\n".join(lines)

lines = ["| run | sharpness at step 100 / 200 / 500 / 1000 | median of steps 500–1000 | ÷ 2/η | final loss |", "| --- | ---: | ---: | ---: | ---: |"]
for label, name in (("full batch (2,000), η = 0.5", "gd_0.5_long"), ("batch 64 (SGD), η = 0.5", "sgd64_0.5")):
    r = load(name)
    at = {p["step"]: p["value"] for p in r["sharpness"]}
    tail = sorted(p["value"] for p in r["sharpness"] if p["step"] >= 500)
    median = tail[len(tail) // 2] if len(tail) % 2 else 0.5 * (tail[len(tail) // 2 - 1] + tail[len(tail) // 2])
    lines.append(f"| {label} | {' / '.join(g(at[s]) for s in (100, 200, 500, 1000))} | {g(median)} | {median / 4:.2f} | {g(r['losses'][-1])} |")
long = "\n".join(lines)

cost = load("gd_0.5")
costs = (f"Cost of watching (η = 0.5, 200 steps, sharpness every 5 steps): training {cost['trainingSeconds']:.2f} s, "
         f"measuring {cost['sharpnessSeconds']:.2f} s ({cost['hessianProducts']} Hessian-vector products, "
         f"{cost['sharpnessSeconds'] / cost['trainingSeconds']:.2f}× the training time).")

print(table, seeds, long, costs, sep="\n\n")
if write:
    path = os.path.join(ROOT, "docs", "edge.md")
    text = open(path).read()
    for key, block in (("rates", table), ("seeds", seeds), ("long", long), ("cost", costs)):
        begin, end = f"<!-- edge-{key}:begin -->", f"<!-- edge-{key}:end -->"
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: f"{begin}\n{block}\n{end}", text, flags=re.S)
    open(path, "w").write(text)
    print(f"\nwrote the tables into {path}")
