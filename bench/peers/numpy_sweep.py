#!/usr/bin/env python3
"""NumPy peer for `lrlab sweep`: the same sweep, vectorised over the rates.

Every optimizer follows torch.optim's update rule with PyTorch's defaults (the rules LrLab.Core mirrors).
All rates advance together as one array per state buffer; the whole loss and parameter history is kept, then
judged by the rules LrLab.Core's RunClassifier documents (stepsToConverge, blow-up, oscillation as crossings of the
minimum along the Hessian's eigenvectors, extrapolation, the stability-limit exception for crawls, verdict and
pattern), written here again in NumPy without calling our code, so both sides compute the same table independently.

    /usr/bin/python3 bench/peers/numpy_sweep.py [--count 1000] [--steps 1000] [--out rows.csv]
    /usr/bin/python3 bench/peers/numpy_sweep.py --check ours.csv peer.csv   # compare two result tables

Prints one line: `numpy_sweep seconds=<compute time> rows=<n>` (compute time excludes interpreter start-up).
"""
import argparse
import csv
import sys
import time

import numpy as np

OPTIMIZERS = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"]
START = np.array([-4.0, 3.0])
CURV = np.array([2.0, 4.0])  # bowl: L = x^2 + 2 y^2, gradient (2x, 4y)


def bowl_loss(p):
    return p[0] * p[0] + 2.0 * p[1] * p[1]


def run(name, lr, steps):
    """Returns losses (steps+1, R) and params (steps+1, 2, R) for every rate at once."""
    r = lr.shape[-1]
    p = np.repeat(START[:, None], r, axis=1)
    losses = np.empty((steps + 1, r))
    params = np.empty((steps + 1, 2, r))
    losses[0] = bowl_loss(p)
    params[0] = p
    buf = np.zeros_like(p)
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    c = CURV[:, None]
    for t in range(1, steps + 1):
        g = c * p
        if name == "sgd":
            p = p - lr * g
        elif name in ("momentum", "nesterov"):
            buf = g.copy() if t == 1 else 0.9 * buf + g
            d = g + 0.9 * buf if name == "nesterov" else buf
            p = p - lr * d
        elif name in ("adam", "adamw"):
            if name == "adamw":
                p = p * (1.0 - lr * 0.01)
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            bc1 = 1.0 - 0.9 ** t
            bc2 = 1.0 - 0.999 ** t
            denom = np.sqrt(v) / np.sqrt(bc2) + 1e-8
            p = p - (lr / bc1) * m / denom
        elif name == "rmsprop":
            v = 0.99 * v + 0.01 * g * g
            p = p - lr * g / (np.sqrt(v) + 1e-8)
        elif name == "adagrad":
            v = v + g * g
            p = p - lr * g / (np.sqrt(v) + 1e-10)
        losses[t] = bowl_loss(p)
        params[t] = p
    return losses, params


def principal_axes():
    """Rows: the unit eigenvectors of the bowl's Hessian at its minimum, by increasing curvature (NumPy's eigh)."""
    _, vectors = np.linalg.eigh(np.diag(CURV))
    return vectors.T


# The largest stable rate of plain and momentum SGD (beta = 0.9, no dampening) on a quadratic with top curvature
# lam: the error recurrence e' = (1 - a lam) e for plain descent, z^2 - (1 + b - a lam) z + b = 0 for heavy ball and
# z^2 - (1 + b - a lam (1 + b)) z + b (1 - a lam) = 0 for Nesterov; the root z = -1 gives the limit.
def stability_limit(name, lam=CURV.max(), beta=0.9):
    return {"sgd": 2.0 / lam, "momentum": (2.0 + 2.0 * beta) / lam,
            "nesterov": (2.0 + 2.0 * beta) / ((1.0 + 2.0 * beta) * lam)}.get(name)


def crossings(params, last, significance=0.01, needed=3):
    """Oscillation along the principal axes: along some axis the error crosses the minimum (its sign changes from the
    last non-zero value) at least `needed` times within updates 1..last, each crossing landing at least `significance`
    of the error's whole length past it. Returns (any, lasting): lasting counts only crossings at updates k > last/2."""
    n1, dims, r = params.shape
    err = np.matmul(principal_axes(), params)  # (steps+1, axis, rate); the minimum is the origin
    length = np.sqrt(np.einsum("kir,kir->kr", err, err))
    # prev[k-1] = the last non-zero error along the axis before update k (the start's error counts even when 0);
    # an error of exactly 0 (an underflow) is rare, so only the rates that have one are filled forward
    prev = err[:-1]
    holes = np.nonzero((prev[1:] == 0).any(axis=(0, 1)))[0]
    if holes.size:
        prev = prev.copy()
        sub = prev[:, :, holes]
        k = np.arange(n1 - 1)[:, None, None]
        seen = np.maximum.accumulate(np.where((sub != 0) | (k == 0), k, 0), axis=0)
        prev[:, :, holes] = np.take_along_axis(sub, seen, axis=0)
    cur = err[1:]
    ks = np.arange(1, n1)[:, None, None]
    cross = (cur * prev < 0) & (np.abs(cur) >= significance * length[1:, None, :]) & (ks <= last)
    late = cross & (2 * ks > last)
    return (cross.sum(axis=0) >= needed).any(axis=0), (late.sum(axis=0) >= needed).any(axis=0)


def judge(name, lr, losses, params, tol=1e-3, fast=100):
    """LrLab's run classification (docs/lab.md, docs/engine.md), vectorised over the rates (the bowl's minimum loss is 0)."""
    n1, r = losses.shape
    finite = np.isfinite(losses) & np.all(np.isfinite(params), axis=1)
    blown = ~finite.all(axis=0)
    blow_at = np.where(blown, np.argmin(finite, axis=0), n1)
    idx = np.arange(n1)[:, None]
    valid = idx < blow_at[None, :]
    gaps = np.where(valid, np.maximum(losses, 0.0), 0.0)
    last = np.maximum(blow_at - 1, 0)
    cols = np.arange(r)
    final = np.where(blow_at > 0, losses[last, cols], np.nan)
    gap0 = gaps[0]
    thr = tol * gap0
    above = (gaps > thr[None, :]) & valid
    any_above = above.any(axis=0)
    last_above = np.where(any_above, n1 - 1 - np.argmax(above[::-1], axis=0), -1)
    conv = np.where(last_above + 1 < blow_at, last_above + 1, -1)  # -1: never converged
    updates = blow_at - 1
    window = np.minimum(updates, np.maximum(np.where(conv >= 0, conv, updates), 10))
    osc, lasting = crossings(params, window)

    end = np.maximum(updates, 0)
    span = np.maximum(2, (updates + 1) // 4)
    start = np.maximum(0, end - span)
    g_end = gaps[end, cols]
    g_from = gaps[start, cols]
    with np.errstate(all="ignore"):
        rate = np.where((g_from > 0) & (g_end > 0), (g_end / g_from) ** (1.0 / np.maximum(end - start, 1)), np.nan)
        more = np.log(thr / g_end) / np.log(rate)
    estimate = np.where(rate < 1, end + np.ceil(np.maximum(0, more)), np.inf)
    moved = 1 - g_end / gap0
    ceiling = stability_limit(name)
    near_ceiling = np.zeros(r, bool) if ceiling is None else lr >= 0.75 * ceiling

    verdicts, patterns = [], []
    for j in range(r):
        if blown[j]:
            verdicts.append("too-large")
            patterns.append("nan" if blow_at[j] >= n1 or np.isnan(losses[blow_at[j], j]) else "diverging")
            continue
        pattern = "oscillating" if osc[j] else "smooth"
        if g_end[j] > gap0[j]:
            verdicts.append("too-large"); patterns.append("diverging")
        elif conv[j] >= 0 and conv[j] <= fast:
            verdicts.append("just-right"); patterns.append(pattern)
        elif conv[j] < 0 and updates[j] < 3:
            verdicts.append("inconclusive"); patterns.append(pattern)
        elif conv[j] < 0 and estimate[j] <= fast:
            verdicts.append("just-right"); patterns.append(pattern)
        # a slow run: too large if its oscillation lasts into the second half of the window
        elif lasting[j]:
            verdicts.append("too-large"); patterns.append("oscillating")
        elif moved[j] < 0.01:
            verdicts.append("too-small"); patterns.append("plateau")
        elif near_ceiling[j]:
            verdicts.append("just-right"); patterns.append("crawling")
        else:
            verdicts.append("too-small"); patterns.append("crawling")
    return final, conv, verdicts, patterns


def sweep(count, steps):
    lr = 10.0 ** np.linspace(-4.0, 0.0, count)
    lr[0], lr[-1] = 1e-4, 1.0
    rows = []
    for name in OPTIMIZERS:
        with np.errstate(all="ignore"):
            losses, params = run(name, lr[None, :], steps)
            final, conv, verdicts, patterns = judge(name, lr, losses, params)
        for j in range(count):
            rows.append((name, lr[j], final[j], conv[j], verdicts[j], patterns[j]))
    return rows


def check(ours_path, peer_path):
    def load(path):
        with open(path, newline="") as f:
            return list(csv.DictReader(f))
    ours, peer = load(ours_path), load(peer_path)
    assert len(ours) == len(peer), f"{len(ours)} rows against {len(peer)}"
    same_verdict = same_steps = close_loss = 0
    differ = {}
    for a, b in zip(ours, peer):
        assert a["optimizer"] == b["optimizer"] and abs(float(a["lr"]) / float(b["lr"]) - 1) < 1e-12
        same = a["verdict"] == b["verdict"] and a["pattern"] == b["pattern"]
        same_verdict += same
        if not same:
            key = (a["optimizer"], f'{a["verdict"]} {a["pattern"]}', f'{b["verdict"]} {b["pattern"]}')
            differ.setdefault(key, []).append(float(a["lr"]))
        same_steps += a["stepsToConverge"] == b["stepsToConverge"]
        fa, fb = float(a["finalLoss"]), float(b["finalLoss"])
        close_loss += fa == fb or abs(fa - fb) <= 1e-6 * max(abs(fa), abs(fb), 1e-300)
    n = len(ours)
    print(f"agreement over {n} rows: verdict+pattern {same_verdict / n:.2%}, stepsToConverge {same_steps / n:.2%}, finalLoss within 1e-6 relative {close_loss / n:.2%}")
    for (name, a, b), rates in sorted(differ.items()):
        print(f"  {name}: {len(rates)} rows ours {a}, peer {b} (lr {min(rates):.4g} .. {max(rates):.4g})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--out")
    ap.add_argument("--check", nargs=2)
    a = ap.parse_args()
    if a.check:
        check(*a.check)
        return
    t0 = time.perf_counter()
    rows = sweep(a.count, a.steps)
    seconds = time.perf_counter() - t0
    if a.out:
        with open(a.out, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["optimizer", "lr", "finalLoss", "stepsToConverge", "verdict", "pattern"])
            for name, lr, final, conv, verdict, pattern in rows:
                w.writerow([name, repr(float(lr)), repr(float(final)), "" if conv < 0 else int(conv), verdict, pattern])
    print(f"numpy_sweep seconds={seconds:.3f} rows={len(rows)}")


if __name__ == "__main__":
    sys.exit(main())
