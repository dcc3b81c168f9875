#!/usr/bin/python3
"""Peer for the streaming benchmark: reads a step,loss CSV into NumPy arrays the fast way NumPy offers
(np.fromfile-free parsing via the C reader behind np.loadtxt), then takes the block medians our diagnoser starts
from. Prints `seconds=… values=…`. Usage: numpy_read_log.py FILE
Also `--write FILE N`: writes the N-line benchmark log (healthy noisy decay, seeded)."""
import sys
import time

import numpy as np


def write(path, n):
    rng = np.random.default_rng(2026)
    t = np.arange(n)
    loss = 0.1 + 2.2 * np.exp(-t / (n / 10)) + rng.normal(0, 0.08, n)
    with open(path, "w") as f:
        f.write("step,loss\n")
        chunk = 1_000_000
        for s in range(0, n, chunk):
            block = np.column_stack([t[s:s + chunk], loss[s:s + chunk]])
            np.savetxt(f, block, fmt=["%d", "%.6g"], delimiter=",")


def read(path):
    start = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    loss = data[:, 1]
    size = max(3, int(np.ceil(loss.size / 100)))
    blocks = loss.size // size
    medians = np.median(loss[: blocks * size].reshape(blocks, size), axis=1)
    elapsed = time.perf_counter() - start
    print(f"seconds={elapsed:.3f} values={loss.size} last_median={medians[-1]:.4f}")


if __name__ == "__main__":
    if sys.argv[1] == "--write":
        write(sys.argv[2], int(sys.argv[3]))
    else:
        read(sys.argv[1])
