#!/usr/bin/python3
"""PyTorch peer of the finder page's range test, for docs/benchmarks.md ("Finder in the browser").

Same test as LrLab's default: a 784-H-10 MLP (nn.Linear, ReLU, nn.Linear; H = 128 as in the browser),
8,000 MNIST training digits from data/mnist.bin.gz, 64 per mini-batch in a seeded shuffled order, SGD,
100 mini-batches with the rate rising geometrically from 1e-7 to 10, loss smoothed (beta 0.98,
debiased), stop above 4x the best smoothed loss. One thread. Prints the best wall time of the loop.

    /usr/bin/python3 bench/peers/pytorch_finder.py [hidden] [repeats]
"""

import gzip
import math
import os
import struct
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)


def load():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "data", "mnist.bin.gz")
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, version, count, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1
    labels = np.frombuffer(raw, np.uint8, count, 24)
    pixels = np.frombuffer(raw, np.uint8, count * rows * cols, 24 + count).reshape(count, rows * cols)
    x = torch.tensor(pixels[:train], dtype=torch.float32) / 255.0
    y = torch.tensor(labels[:train], dtype=torch.int64)
    return x, y


def range_test(x, y, hidden, start=1e-7, end=10.0, n=100, beta=0.98):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    opt = torch.optim.SGD(model.parameters(), lr=start)
    order = torch.randperm(x.shape[0])
    loss_fn = torch.nn.CrossEntropyLoss()
    avg, best, lrs = 0.0, None, []
    for i in range(n):
        lr = start * (end / start) ** (i / (n - 1))
        for g in opt.param_groups:
            g["lr"] = lr
        idx = order[(i * 64) % x.shape[0]:][:64]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        value = loss.item()
        avg = beta * avg + (1 - beta) * value
        smoothed = avg / (1 - beta ** (i + 1))
        lrs.append(lr)
        if not math.isfinite(smoothed):
            break
        if i == 0 or smoothed < best:
            best = smoothed
        if smoothed > 4 * best:
            break
    return len(lrs)


if __name__ == "__main__":
    hidden = int(sys.argv[1]) if len(sys.argv) > 1 else 128
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    x, y = load()
    range_test(x, y, hidden)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        iterations = range_test(x, y, hidden)
        best = min(best, time.perf_counter() - t)
    print(f"pytorch_finder seconds={best:.3f} iterations={iterations} hidden={hidden} torch={torch.__version__}")
