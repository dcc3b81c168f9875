#!/usr/bin/python3
"""The PyTorch peer for the sharpness-tracking benchmark (bench/edge_vs_pytorch.sh runs it).

Debian's python3-torch 1.13 with OpenBLAS, one thread, float32, the first 2,000 training digits of data/mnist.bin,
784-128-10, mean cross-entropy. Measures:

* step: one full-batch gradient-descent step (forward, backward, SGD update), median of 20;
* hvp30: 30 power iterations on autograd Hessian-vector products (double backward) from a random start;
* tracking: 200 full-batch steps at lr 0.5 with the sharpness measured at step 0 and every 10 steps by power
  iteration warm-started from the previous eigenvector (stop when the estimate moves less than 1e-3 relative,
  at most 20 products): the training time, the measuring time and the products taken.

Prints one JSON object on stdout.
"""

import json
import os
import statistics
import struct
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = 2000


def read_mnist(path, count):
    with open(path, "rb") as f:
        raw = f.read()
    magic, version, total, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1
    features = rows * cols
    labels = torch.tensor(list(raw[24:24 + count]), dtype=torch.int64)
    pixels = torch.frombuffer(bytearray(raw[24 + total:24 + total + count * features]), dtype=torch.uint8)
    return pixels.reshape(count, features).to(torch.float32) / 255, labels


def model():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))


def power(net, x, y, v, iterations, tolerance):
    params = list(net.parameters())
    loss = F.cross_entropy(net(x), y)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    value = None
    for i in range(iterations):
        norm = torch.sqrt(sum((t * t).sum() for t in v))
        v = [t / norm for t in v]
        hv = torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)
        new = float(sum((a * b).sum() for a, b in zip(hv, v)))
        v = [t.detach() for t in hv]
        if value is not None and abs(new - value) <= tolerance * abs(new):
            return new, v, i + 1
        value = new
    return value, v, iterations


def main():
    x, y = read_mnist(os.path.join(ROOT, "data", "mnist.bin"), SAMPLES)
    net = model()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.5)
    times = []
    for _ in range(22):
        t = time.perf_counter()
        optimizer.zero_grad()
        F.cross_entropy(net(x), y).backward()
        optimizer.step()
        times.append(time.perf_counter() - t)
    step = statistics.median(times[2:])

    net = model()
    v = [torch.randn_like(p) for p in net.parameters()]
    t = time.perf_counter()
    power(net, x, y, v, 30, 0.0)
    hvp30 = time.perf_counter() - t

    net = model()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.5)
    v = [torch.randn_like(p) for p in net.parameters()]
    training = measuring = 0.0
    products = 0
    sharpness = []
    for s in range(201):
        if s % 10 == 0:
            t = time.perf_counter()
            value, v, k = power(net, x, y, v, 20, 1e-3)
            measuring += time.perf_counter() - t
            products += k
            sharpness.append([s, value])
        if s == 200:
            break
        t = time.perf_counter()
        optimizer.zero_grad()
        F.cross_entropy(net(x), y).backward()
        optimizer.step()
        training += time.perf_counter() - t

    print(json.dumps({"torch": torch.__version__, "step": step, "hvp30": hvp30, "trainingSeconds": training,
                      "sharpnessSeconds": measuring, "products": products, "sharpness": sharpness}))


if __name__ == "__main__":
    main()
