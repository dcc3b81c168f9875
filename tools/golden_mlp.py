#!/usr/bin/python3
"""Golden MLP training steps from PyTorch, for LrLab.Core's training engine tests.

Regenerate (from the repository root; needs Debian's python3-torch 1.13):

    /usr/bin/python3 tools/golden_mlp.py

Writes tests/LrLab.Core.Tests/Golden/mlp.json. Each case builds
nn.Sequential(nn.Linear(784, H), nn.ReLU(), nn.Linear(H, 10)) in float32 with PyTorch's default
initialisation (torch.manual_seed), records those initial weights flattened in parameters() order
(the C# engine's layout), then takes a few optimizer steps on fixed mini-batches of data/mnist.bin.gz
(training images [t*B, (t+1)*B) for step t, pixels/255) and records per step the loss, the gradient
and the updated weights. The C# test feeds the same initial weights and batches, so only the engine
differs. Small cases keep every value; the hidden-128 case keeps the loss and every 97th value.
"""

import gzip
import json
import os
import struct

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_mnist(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, version, count, rows, cols, train = struct.unpack_from("<4sIIIII", raw, 0)
    assert magic == b"LRMN" and version == 1
    features = rows * cols
    labels = torch.tensor(list(raw[24:24 + count]), dtype=torch.int64)
    pixels = torch.frombuffer(bytearray(raw[24 + count:24 + count + count * features]), dtype=torch.uint8)
    images = pixels.reshape(count, features).to(torch.float32) / 255
    return images[:train], labels[:train]


def flat(tensors):
    return torch.cat([t.detach().reshape(-1) for t in tensors])


def short(v):
    # Nine significant digits round-trip a float32 and keep the file small.
    return float(f"{v:.9g}")


def values(t, stride):
    return [short(v) for v in t[::stride].tolist()]


def patterned_(model):
    """Deterministic weights without a random generator (the C# test rebuilds them by formula):
    value i of a layer's weight or bias is ((i * 7919) mod 2001 − 1000)/1000 · 1/sqrt(fan_in)."""
    with torch.no_grad():
        for p, fan_in in zip(model.parameters(), [784, 784, model[2].in_features, model[2].in_features]):
            i = torch.arange(p.numel(), dtype=torch.float64)
            v = (torch.remainder(i * 7919, 2001) - 1000) / 1000 / (fan_in ** 0.5)
            p.copy_(v.to(torch.float32).reshape(p.shape))


def case(name, images, labels, hidden, batch, steps, seed, make_optimizer, stride):
    torch.manual_seed(seed or 0)
    model = torch.nn.Sequential(torch.nn.Linear(784, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    if seed is None:
        patterned_(model)
    init = flat(model.parameters())
    optimizer, spec = make_optimizer(model.parameters())
    records = []
    for t in range(steps):
        x = images[t * batch:(t + 1) * batch]
        y = labels[t * batch:(t + 1) * batch]
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        grads = flat(p.grad for p in model.parameters())
        optimizer.step()
        records.append({
            "loss": float(loss.item()),
            "gradients": values(grads, stride),
            "parameters": values(flat(model.parameters()), stride),
        })
    return {
        "name": name,
        "hidden": hidden,
        "batch": batch,
        "stride": stride,
        "optimizer": spec,
        "initial": "patterned" if seed is None else [short(v) for v in init.tolist()],
        "steps": records,
    }


def main():
    images, labels = read_mnist(os.path.join(ROOT, "data", "mnist.bin.gz"))
    sgd = lambda ps: (torch.optim.SGD(ps, lr=0.1), {"name": "sgd", "lr": 0.1})
    momentum = lambda ps: (torch.optim.SGD(ps, lr=0.05, momentum=0.9), {"name": "momentum", "lr": 0.05, "momentum": 0.9})
    adam = lambda ps: (torch.optim.Adam(ps, lr=0.001), {"name": "adam", "lr": 0.001})
    cases = [
        case("sgd-h8-b16", images, labels, 8, 16, 3, 1, sgd, 1),
        case("momentum-h8-b16", images, labels, 8, 16, 3, 2, momentum, 1),
        case("adam-h8-b16", images, labels, 8, 16, 3, 3, adam, 1),
        case("sgd-h12-b7", images, labels, 12, 7, 2, 4, sgd, 1),
        case("sgd-h128-b64-patterned", images, labels, 128, 64, 2, None, sgd, 97),
        case("adam-h128-b64-patterned", images, labels, 128, 64, 2, None, adam, 97),
    ]
    out = os.path.join(ROOT, "tests", "LrLab.Core.Tests", "Golden", "mlp.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out}: {len(cases)} cases, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
