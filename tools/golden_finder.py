#!/usr/bin/python3
"""Golden LR range tests from PyTorch, for LrLab.Core's finder tests.

Regenerate (from the repository root; needs Debian's python3-torch 1.13):

    /usr/bin/python3 tools/golden_finder.py

Writes tests/LrLab.Core.Tests/Golden/finder.json. Each case runs the range test the way
fastai's lr_find and torch-lr-finder do it, with a real torch.optim optimizer (foreach=False,
float64) on one of the project's surfaces:

  * mini-batch i uses lr_i = start * (end/start) ** (i/(n-1))   (exp)
                    or lr_i = start + (end - start) * (i/(n-1))  (linear), set through param_groups;
  * the loss is measured before the update; the gradient is the surface's analytic formula in plain
    Python floats, written in the same operation order as LrLab.Core's surfaces;
  * smoothing avg = beta*avg + (1-beta)*loss, smoothed = avg / (1 - beta**(i+1));
  * stop after the point whose smoothed loss is NaN/inf or exceeds best + (threshold-1)*|best|.

It also records the suggestion (steepest negative slope of the smoothed loss against ln(lr),
skipping min(10, n//10) points at the start and min(5, n//20) at the end, never past the lowest
loss; fallback: lowest-loss lr / 10), so the C# analysis is checked against an independent
implementation of the documented rule.
"""

import gzip
import json
import math
import os

import torch

from golden_surfaces import bowl, himmelblau, parabola, ravine, rosenbrock

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)




SURFACES = {f.__name__: f for f in (bowl, ravine, rosenbrock, himmelblau, parabola)}
STARTS = {"bowl": [-4.0, 3.0], "ravine": [-4.0, 1.0], "rosenbrock": [-1.5, 2.0], "himmelblau": [0.0, 0.0], "parabola": [4.0]}

OPTIMIZERS = {
    "sgd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.9}),
    "adam": (torch.optim.Adam, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
}


def rate(i, start, end, n, mode):
    fraction = i / (n - 1)
    if mode == "exp":
        return start * math.pow(end / start, fraction)
    return start + (end - start) * fraction


class Recorder:
    """Debiased exponential smoothing of the loss and the two stopping rules, as the C# range test documents them."""

    def __init__(self, beta, threshold):
        self.beta, self.threshold = beta, threshold
        self.lrs, self.losses, self.smoothed = [], [], []
        self.avg, self.best, self.stop = 0.0, None, "completed"

    def add(self, lr, loss):
        """Records one mini-batch; returns the stop reason once the test must end, else None."""
        self.avg = self.beta * self.avg + (1 - self.beta) * loss
        s = self.avg / (1 - math.pow(self.beta, len(self.lrs) + 1))
        self.lrs.append(lr)
        self.losses.append(loss)
        self.smoothed.append(s)
        if not math.isfinite(s):
            self.stop = "non-finite"
        elif self.best is None or s < self.best:
            self.best = s
        if self.stop == "completed" and s > self.best + (self.threshold - 1) * abs(self.best):
            self.stop = "diverged"
        return None if self.stop == "completed" else self.stop

    def result(self):
        return dict(lrs=self.lrs, losses=self.losses, smoothed=self.smoothed, stop=self.stop, **suggest(self.lrs, self.smoothed))


def range_test(surface, optimizer, start_lr=1e-7, end_lr=10.0, num_iter=100, mode="exp", beta=0.98, threshold=4.0):
    f = SURFACES[surface]
    torch_class, preset = OPTIMIZERS[optimizer]
    p = torch.tensor(STARTS[surface], requires_grad=True)
    opt = torch_class([p], lr=start_lr, foreach=False, **preset)
    record = Recorder(beta, threshold)
    for i in range(num_iter):
        lr = rate(i, start_lr, end_lr, num_iter, mode)
        for group in opt.param_groups:
            group["lr"] = lr
        loss, grad = f(p.detach().tolist())
        p.grad = torch.tensor(grad)
        opt.step()
        if record.add(lr, loss):
            break
    case_id = f"{surface}-{optimizer}-{mode}-{num_iter}-{start_lr:g}-{end_lr:g}-b{beta:g}"
    return dict(id=case_id, surface=surface, optimizer=optimizer, beta=beta, threshold=threshold, startLr=start_lr, endLr=end_lr, numIter=num_iter, mode=mode,
                **record.result())


def suggest(lrs, smoothed):
    finite = 0
    while finite < len(smoothed) and math.isfinite(smoothed[finite]):
        finite += 1
    if finite == 0:
        return dict(suggestedLr=None, method="none")
    lowest = min(range(finite), key=lambda i: (smoothed[i], i))
    skip_start, skip_end = min(10, finite // 10), min(5, finite // 20)
    best_i, best_slope = None, 0.0
    if finite >= 3:
        for i in range(skip_start, min(finite - skip_end, lowest + 1)):
            left, right = max(i - 1, 0), min(i + 1, finite - 1)
            slope = (smoothed[right] - smoothed[left]) / (math.log(lrs[right]) - math.log(lrs[left]))
            if slope < best_slope:
                best_i, best_slope = i, slope
    if best_i is None:
        return dict(suggestedLr=lrs[lowest] / 10, method="min-loss/10")
    return dict(suggestedLr=lrs[best_i], method="steepest-descent")


def read_mnist():
    path = os.path.join(os.path.dirname(__file__), "..", "data", "mnist.bin.gz")
    with gzip.open(path, "rb") as f:
        raw = f.read()
    import struct
    magic, version, count, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1
    features = rows * cols
    labels = torch.tensor(list(raw[24:24 + count]), dtype=torch.int64)
    pixels = torch.frombuffer(bytearray(raw[24 + count:24 + count + count * features]), dtype=torch.uint8)
    return pixels.reshape(count, features).to(torch.float32)[:train] / 255, labels[:train]


def net_range_test(optimizer, hidden=16, batch=32, start_lr=1e-4, end_lr=10.0, num_iter=60, beta=0.98, threshold=4.0):
    """The range test on a tiny float32 MNIST network. Weights start from the documented pattern
    value_i = ((i*7919) mod 2001 - 1000)/1000/sqrt(fan_in) per tensor (no random generator to match), and
    mini-batch t is training images [t*batch, (t+1)*batch) in file order, so the C# side can rebuild both."""
    images, labels = read_mnist()
    model = torch.nn.Sequential(torch.nn.Linear(784, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10)).float()
    with torch.no_grad():
        for p, fan_in in zip(model.parameters(), [784, 784, hidden, hidden]):
            i = torch.arange(p.numel(), dtype=torch.float64)
            p.copy_(((torch.remainder(i * 7919, 2001) - 1000) / 1000 / (fan_in ** 0.5)).to(torch.float32).reshape(p.shape))
    torch_class, preset = OPTIMIZERS[optimizer]
    opt = torch_class(model.parameters(), lr=start_lr, foreach=False, **preset)
    record = Recorder(beta, threshold)
    for i in range(num_iter):
        lr = rate(i, start_lr, end_lr, num_iter, "exp")
        for group in opt.param_groups:
            group["lr"] = lr
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(images[i * batch:(i + 1) * batch]), labels[i * batch:(i + 1) * batch])
        loss.backward()
        opt.step()
        if record.add(lr, float(loss.item())):
            break
    case_id = f"mlp-h{hidden}-b{batch}-{optimizer}-{num_iter}-{start_lr:g}-{end_lr:g}"
    return dict(id=case_id, surface=f"mlp:{hidden}:{batch}", optimizer=optimizer, beta=beta, threshold=threshold,
                startLr=start_lr, endLr=end_lr, numIter=num_iter, mode="exp",
                **record.result())


CASES = [
    range_test("bowl", "sgd"),
    range_test("ravine", "sgd"),
    range_test("rosenbrock", "sgd"),
    range_test("himmelblau", "sgd"),
    range_test("parabola", "sgd", num_iter=60),
    range_test("bowl", "momentum"),
    range_test("rosenbrock", "momentum", start_lr=1e-6, end_lr=1.0, num_iter=80),
    range_test("bowl", "adam", start_lr=1e-5, end_lr=100.0),
    range_test("himmelblau", "adam", start_lr=1e-4, end_lr=10.0, num_iter=150),
    range_test("ravine", "rmsprop", start_lr=1e-6, end_lr=10.0),
    range_test("bowl", "sgd", start_lr=1e-3, end_lr=1.0, mode="linear", num_iter=50),
    range_test("ravine", "sgd", start_lr=1e-4, end_lr=0.2, mode="linear", num_iter=40, beta=0.9),
    range_test("bowl", "sgd", start_lr=1e-4, end_lr=2.0, num_iter=30, beta=0.0),
    range_test("himmelblau", "sgd", start_lr=1e-5, end_lr=0.1, num_iter=12),
    net_range_test("sgd"),
    net_range_test("adam", start_lr=1e-6, end_lr=1.0),
]

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "tests", "LrLab.Core.Tests", "Golden", "finder.json")
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"generator": "tools/golden_finder.py", "torch": torch.__version__, "cases": CASES}, handle, indent=1, allow_nan=True)
        handle.write("\n")
    for c in CASES:
        print(f"{c['surface']:>10} {c['optimizer']:>8} {c['mode']:>6} n={len(c['lrs']):>3}/{c['numIter']:<3} stop={c['stop']:<10} "
              f"suggested={c['suggestedLr']!r:<24} ({c['method']})")
