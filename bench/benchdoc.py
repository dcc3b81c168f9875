"""What the alternating-round benchmarks (run_training.sh, gemm_vs_numpy.sh, edge_vs_pytorch.sh) share once their
rounds are done: reading each round's JSON, naming the CPU, and writing a table between its markers in
docs/benchmarks.md. Imported by the scripts' Python parts, which run from the repository's root."""
import json
import os
import re


def rounds_of(out, rounds):
    """The peer's and our results of every round: ({out}/peer1.json, ...), ({out}/ours1.json, ...)."""
    load = lambda side: [json.load(open(f"{out}/{side}{r}.json")) for r in range(1, rounds + 1)]
    return load("peer"), load("ours")


def cpu_name():
    """The CPU's model name from /proc/cpuinfo, or "?"."""
    return next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")


def write_table(table, name, heading, path="docs/benchmarks.md"):
    """Replaces the text between <!-- {name}-table:begin --> and its end marker with table; appends the block under
    heading (a Markdown fragment) when the markers are missing."""
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    begin, end = f"<!-- {name}-table:begin -->", f"<!-- {name}-table:end -->"
    block = f"{begin}\n{table}\n{end}"
    if begin in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + heading + block + "\n"
    open(path, "w").write(text)
    print(f"\nwrote the table into {path}")
