#!/usr/bin/python3
"""The NumPy peer of bench/gemm_vs_numpy.sh: every matrix product of one training step of the 784-128-10 MLP
at batch 64 and 256, as NumPy's `@` (np.matmul into a preallocated output: OpenBLAS sgemm, one thread when run
with OPENBLAS_NUM_THREADS=1). Timed like LrLab.Bench gemm-race: the mean of a block of calls sized to about a
millisecond, the best of `rounds` blocks. The forward products are the plain product (NumPy has no fused bias
or ReLU; ours includes them). Prints one JSON object.
"""

import json
import sys
import time

import numpy as np


def best_mean(fn, flops, rounds):
    reps = max(1, int(1e-3 / (flops / 50e9)))
    for _ in range(3 * reps):
        fn()
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        best = min(best, (time.perf_counter() - t) / reps)
    return best


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = np.random.default_rng(0)
    f = lambda *shape: (rng.random(shape, dtype=np.float32) - 0.5)
    result = {"side": "numpy", "numpy": np.__version__, "gemm": []}
    for batch in (64, 256):
        x, w1, h, dz1, w2, dz2 = f(batch, 784), f(128, 784), f(batch, 128), f(batch, 128), f(10, 128), f(batch, 10)
        hidden, logits, gw1, gw2 = (np.empty((batch, 128), np.float32), np.empty((batch, 10), np.float32),
                                    np.empty((128, 784), np.float32), np.empty((10, 128), np.float32))
        cases = [
            ("forward X·W1ᵀ + b1, ReLU", batch, 128, 784, lambda: np.matmul(x, w1.T, out=hidden)),
            ("weight grad dZ1ᵀ·X", 128, 784, batch, lambda: np.matmul(dz1.T, x, out=gw1)),
            ("forward H·W2ᵀ + b2", batch, 10, 128, lambda: np.matmul(h, w2.T, out=logits)),
            ("input grad dZ2·W2", batch, 128, 10, lambda: np.matmul(dz2, w2, out=hidden)),
            ("weight grad dZ2ᵀ·H", 10, 128, batch, lambda: np.matmul(dz2.T, h, out=gw2)),
        ]
        for name, m, n, k, fn in cases:
            flops = 2.0 * m * n * k
            seconds = best_mean(fn, flops, rounds)
            result["gemm"].append({"name": name, "batch": batch, "m": m, "n": n, "k": k, "gflops": flops / seconds / 1e9})
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
