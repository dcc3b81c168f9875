#!/usr/bin/python3
"""Golden sharpness from PyTorch autograd, on weights our engine trained and saved.

Regenerate (from the repository root; needs Debian's python3-torch 1.13 and numpy):

    /usr/bin/python3 tools/golden_sharpness.py

1. Trains with our CLI and saves the weights as safetensors (skip with --no-train to reuse the file):
   lrlab train --optimizer sgd --lr 0.5 --train-samples 2000 --batch-size 2000 --steps 40 --seed 0
               --save-weights tests/LrLab.Core.Tests/Golden/edge_weights.safetensors
   (full-batch gradient descent on the first 2,000 training digits of data/mnist.bin, 784-128-10, the run of
   docs/edge.md up to its sharpness peak).
2. Reads that file with its own parser of the safetensors format (8-byte little-endian header length, JSON header,
   raw little-endian data; the `safetensors` package is not needed) and loads it with load_state_dict(strict=True)
   into a module whose fc1 and fc2 are nn.Linear, which checks the names, shapes and layout.
3. Computes, in float64, the mean cross-entropy over the same 2,000 digits and the top eigenvalue of its Hessian by
   power iteration on autograd Hessian-vector products (double backward) until it stops moving.

Writes tests/LrLab.Core.Tests/Golden/edge.json; the C# test measures the same weights with our engine.
"""

import json
import os
import struct
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "tests", "LrLab.Core.Tests", "Golden")
WEIGHTS = os.path.join(GOLDEN, "edge_weights.safetensors")
SAMPLES, LR, STEPS, SEED, HIDDEN = 2000, 0.5, 40, 0, 128


def read_mnist(path, count):
    with open(path, "rb") as f:
        raw = f.read()
    magic, version, total, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1 and count <= train
    features = rows * cols
    labels = np.frombuffer(raw, dtype=np.uint8, count=count, offset=24).astype(np.int64)
    pixels = np.frombuffer(raw, dtype=np.uint8, count=count * features, offset=24 + total)
    return torch.from_numpy(pixels.reshape(count, features).astype(np.float64) / 255), torch.from_numpy(labels)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack_from("<Q", raw, 0)
    header = json.loads(raw[8:8 + length].decode("utf-8"))
    data = raw[8 + length:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", name
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype="<f4").reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


class Mlp(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc1 = nn.Linear(784, hidden)
        self.fc2 = nn.Linear(hidden, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def sharpness(model, x, y, iterations=2000, tolerance=1e-11):
    params = list(model.parameters())
    loss = F.cross_entropy(model(x), y)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    generator = torch.Generator().manual_seed(0)
    v = [torch.randn(p.shape, generator=generator, dtype=p.dtype) for p in params]
    value = 0.0
    for i in range(iterations):
        norm = torch.sqrt(sum((t * t).sum() for t in v))
        v = [t / norm for t in v]
        hv = torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)
        new = float(sum((a * b).sum() for a, b in zip(hv, v)))
        v = [t.detach() for t in hv]
        if i > 10 and abs(new - value) <= tolerance * abs(new):
            return new, i + 1, float(loss)
        value = new
    return value, iterations, float(loss)


def main():
    if "--no-train" not in sys.argv:
        subprocess.run(
            ["dotnet", "run", "--project", os.path.join(ROOT, "src", "LrLab.Cli"), "-c", "Release", "--", "train",
             "--optimizer", "sgd", "--lr", str(LR), "--train-samples", str(SAMPLES), "--batch-size", str(SAMPLES),
             "--steps", str(STEPS), "--seed", str(SEED), "--hidden", str(HIDDEN), "--save-weights", WEIGHTS,
             "--format", "json", "--out", os.devnull],
            check=True, cwd=ROOT)

    tensors = read_safetensors(WEIGHTS)
    model = Mlp(tensors["fc1.bias"].shape[0])
    model.load_state_dict(tensors, strict=True)
    model = model.double()
    x, y = read_mnist(os.path.join(ROOT, "data", "mnist.bin"), SAMPLES)
    value, iterations, loss = sharpness(model, x, y)
    result = {
        "source": "tools/golden_sharpness.py (PyTorch %s autograd, float64 power iteration)" % torch.__version__,
        "weights": "edge_weights.safetensors",
        "trainSamples": SAMPLES,
        "hidden": model.fc1.out_features,
        "lr": LR,
        "steps": STEPS,
        "seed": SEED,
        "loss": loss,
        "sharpness": value,
        "powerIterations": iterations,
    }
    with open(os.path.join(GOLDEN, "edge.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
