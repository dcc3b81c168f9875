#!/usr/bin/python3
"""PyTorch's side of docs/edge.md's seed table: full-batch gradient descent at lr 0.5 on the first 2,000 training
digits, 784-128-10 (torch.manual_seed 0, 1, 2), sharpness every 5 steps up to step 60 by power iteration on autograd
Hessian-vector products, warm-started (stop at 1e-4 relative change, at most 60 products). Prints one line per seed.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/pytorch_edge_seeds.py
"""

import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_sharpness import ROOT, power, read_mnist  # noqa: E402

torch.set_num_threads(1)
x, y = read_mnist(os.path.join(ROOT, "data", "mnist.bin"), 2000)
for seed in (0, 1, 2):
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.SGD(net.parameters(), lr=0.5)
    v = [torch.randn_like(p) for p in net.parameters()]
    values = []
    for step in range(61):
        if step % 5 == 0:
            value, v, _ = power(net, x, y, v, 60, 1e-4)
            values.append(f"{step}: {value:.2f}")
        if step == 60:
            break
        optimizer.zero_grad()
        F.cross_entropy(net(x), y).backward()
        optimizer.step()
    print(f"seed {seed}: " + ", ".join(values), flush=True)
