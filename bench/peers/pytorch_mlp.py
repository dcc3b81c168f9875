#!/usr/bin/python3
"""The PyTorch peer for LR Lab's MNIST training benchmarks (bench/run_training.sh runs it).

Debian's python3-torch 1.13 with libopenblas0-pthread, one thread. Reads data/mnist.bin.gz directly
(pixels/255, the first 8,000 images are the training set) and measures:

* training throughput of nn.Sequential(Linear(784, 128), ReLU(), Linear(128, 10)), SGD lr 0.1,
  cross-entropy, for batch 32, 64 and 256: each epoch draws a fresh permutation and gathers the
  batch rows (X[idx]), like our Trainer; one warm-up epoch, then the best of several timed epochs, and the
  steady state: the best of 200 windows of 5 steps;
* GEMM GFLOP/s for the products one training step makes at batch 64.

Prints one JSON object on stdout.
"""

import gzip
import json
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_mnist(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, version, count, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1
    features = rows * cols
    labels = torch.tensor(list(raw[24:24 + count]), dtype=torch.int64)
    pixels = torch.frombuffer(bytearray(raw[24 + count:24 + count + count * features]), dtype=torch.uint8)
    images = pixels.reshape(count, features).to(torch.float32) / 255
    return images[:train].contiguous(), labels[:train].contiguous()


def epoch(model, optimizer, x, y, batch):
    perm = torch.randperm(x.shape[0])
    for start in range(0, x.shape[0], batch):
        idx = perm[start:start + batch]
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
    return loss.item()


def windows(model, optimizer, x, y, batch, count=200, steps=5):
    """Steady state: the fastest of `count` windows of `steps` training steps (same work per step as an epoch),
    which on a shared machine is the window other jobs disturbed least. Returns samples/s."""
    perm, pos, best = torch.randperm(x.shape[0]), 0, float("inf")
    for _ in range(count):
        t = time.perf_counter()
        for _ in range(steps):
            if pos + batch > x.shape[0]:
                perm, pos = torch.randperm(x.shape[0]), 0
            idx = perm[pos:pos + batch]
            pos += batch
            optimizer.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            optimizer.step()
        best = min(best, time.perf_counter() - t)
    return steps * batch / best


def training(x, y, batch, epochs, name="sgd"):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    if name == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    epoch(model, optimizer, x, y, batch)
    best = float("inf")
    for _ in range(epochs):
        t = time.perf_counter()
        epoch(model, optimizer, x, y, batch)
        best = min(best, time.perf_counter() - t)
    return x.shape[0] / best, windows(model, optimizer, x, y, batch)


def gemm(name, m, n, k, fn, reps):
    for _ in range(20):
        fn()
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        best = min(best, (time.perf_counter() - t) / reps)
    return {"name": name, "m": m, "n": n, "k": k, "gflops": 2.0 * m * n * k / best / 1e9}


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    x, y = read_mnist(os.path.join(ROOT, "data", "mnist.bin.gz"))
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "training": [], "gemm": []}
    for name, batch in (("sgd", 32), ("sgd", 64), ("sgd", 256), ("adam", 64)):
        sps, window = training(x, y, batch, epochs, name)
        result["training"].append({"case": f"{name} {batch}", "batch": batch, "samplesPerSecond": sps, "windowSamplesPerSecond": window})

    xb = x[:64].clone()
    w1 = torch.randn(128, 784)
    dz1 = torch.randn(64, 128)
    h = torch.randn(64, 128)
    w2 = torch.randn(10, 128)
    dz2 = torch.randn(64, 10)
    out = torch.empty(64, 128)
    gw1 = torch.empty(128, 784)
    result["gemm"] = [
        gemm("forward X·W1ᵀ", 64, 128, 784, lambda: torch.mm(xb, w1.t(), out=out), 2000),
        gemm("weight grad dZ1ᵀ·X", 128, 784, 64, lambda: torch.mm(dz1.t(), xb, out=gw1), 2000),
        gemm("forward H·W2ᵀ", 64, 10, 128, lambda: torch.mm(h, w2.t()), 5000),
        gemm("input grad dZ2·W2", 64, 128, 10, lambda: torch.mm(dz2, w2), 5000),
    ]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
