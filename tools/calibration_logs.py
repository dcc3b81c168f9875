#!/usr/bin/python3
"""Calibration loss logs for `lrlab diagnose`, from real PyTorch training.

Regenerate (from the repository root, with Debian's PyTorch 1.13):

    /usr/bin/python3 tools/calibration_logs.py

It rewrites tests/LrLab.Core.Tests/Calibration/ (the logs plus manifest.json). Name problems to retrain only those
(`/usr/bin/python3 tools/calibration_logs.py regression fresh-mlp`); the other logs and their manifest entries stay.

What it trains: two small classifiers on generated data (no download needed), a logistic regression on
Gaussian class blobs and a 20-64-64-10 ReLU MLP on labels made by a random teacher network, each with
plain SGD and with Adam, at learning rates half a decade apart from far too small to far too large.
Every run logs the loss of every mini-batch (a CSV, as a training script would print it) and the mean
loss of every epoch after the loss before training (a JSON array, as a notebook would collect it; without
that first value a run that converged or blew up within its first epoch looks flat from the start).

The expected verdict is not read from the curve: it comes from the run's outcome on the whole training
set. With L0 the loss before training, L the loss after it and Lbest the lowest L of any rate for the
same model and optimizer, the share of the reachable progress left undone is gap = (L - Lbest) / (L0 - Lbest):

    a NaN or an infinite loss anywhere          -> too-large
    gap <= 0.15                                 -> just-right
    gap >= 0.5 and rate below the best rate     -> too-small
    gap >= 0.5 and rate above the best rate     -> too-large
    anything in between                         -> left out (listed in manifest.json under "leftOut")

Runs in between are left out because there the answer depends on the training budget, not on the rate.
The SPEC's practice problems and symptom sequences and a few seeded synthetic curves (noisy exponential
decay, a crawl, a dead network at chance level, ...) are added with the verdict they illustrate.
"""
import json
import math
import os
import sys

# OpenBLAS picks its kernels by processor; another kernel rounds differently, and a run at the edge of stability
# then ends elsewhere. The committed logs were made with the Haswell kernels (this machine's setting), so pin them
# before torch loads OpenBLAS: the script then rewrites the same files wherever it runs.
os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "LrLab.Core.Tests", "Calibration")
SAMPLES, DIMS, CLASSES, BATCH, STEPS = 2048, 20, 10, 32, 1280


def blobs(seed):
    g = torch.Generator().manual_seed(seed)
    centers = torch.randn(CLASSES, DIMS, generator=g) * 0.5
    labels = torch.randint(0, CLASSES, (SAMPLES,), generator=g)
    x = centers[labels] + torch.randn(SAMPLES, DIMS, generator=g)
    return x, labels


def teacher(seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(SAMPLES, DIMS, generator=g)
    w1 = torch.randn(DIMS, 32, generator=g)
    w2 = torch.randn(32, CLASSES, generator=g)
    labels = torch.argmax(torch.tanh(x @ w1) @ w2, dim=1)
    return x, labels


def regression(seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(SAMPLES, DIMS, generator=g)
    w = torch.randn(DIMS, 4, generator=g) / math.sqrt(DIMS)
    y = torch.sin(2 * x @ w).sum(dim=1, keepdim=True) + 0.1 * torch.randn(SAMPLES, 1, generator=g)
    return x, y


def teacher_regression(seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(SAMPLES, DIMS, generator=g)
    w1 = torch.randn(DIMS, 16, generator=g) / math.sqrt(DIMS)
    w2 = torch.randn(16, 1, generator=g)
    y = torch.relu(2 * x @ w1 - 0.5) @ w2 + 0.1 * torch.randn(SAMPLES, 1, generator=g)
    return x, y


def regressor():
    return nn.Sequential(nn.Linear(DIMS, 32), nn.Tanh(), nn.Linear(32, 1))


def relu_regressor():
    return nn.Sequential(nn.Linear(DIMS, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))


def logreg():
    return nn.Linear(DIMS, CLASSES)


def mlp():
    return nn.Sequential(nn.Linear(DIMS, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, CLASSES))


# name, model, data, settings. Origins: "pytorch" problems are the ones the rules are tuned on; "holdout" problems
# were added after the first rules were written (other seeds, other batch sizes, rates a quarter decade off the grid,
# and a regression with MSE, whose failures then led to the regression rules); "fresh" problems were generated before
# the regression rules were tuned and not looked at until they were done (other seeds, batch sizes, rate grids);
# "blind" problems were made after the regression rules were final, "blind2" problems after the stall rule was final.
PROBLEMS = [
    ("logreg", logreg, blobs, {}),
    ("mlp", mlp, teacher, {}),
    ("holdout-mlp", mlp, teacher, {"data": 2, "init": 23, "order": 5, "batch": 64, "shift": 0.25}),
    ("holdout-logreg", logreg, blobs, {"data": 5, "init": 31, "order": 9, "batch": 16, "shift": 0.25}),
    ("holdout-regression", regressor, regression, {"data": 4, "init": 17, "order": 2, "batch": 32, "loss": "mse", "shift": 0.25}),
    ("regression", regressor, regression, {"loss": "mse"}),
    ("regression-relu", relu_regressor, teacher_regression, {"data": 3, "init": 11, "order": 4, "batch": 64, "loss": "mse"}),
    ("fresh-regression", regressor, regression, {"data": 6, "init": 29, "order": 11, "batch": 16, "loss": "mse", "shift": 0.75}),
    ("fresh-regression-relu", relu_regressor, teacher_regression, {"data": 9, "init": 43, "order": 7, "batch": 32, "loss": "mse", "shift": 0.5}),
    ("fresh-mlp", mlp, teacher, {"data": 12, "init": 53, "order": 17, "batch": 32, "shift": 0.75}),
    ("blind-regression", regressor, regression, {"data": 21, "init": 61, "order": 19, "batch": 64, "loss": "mse", "shift": 0.5}),
    ("blind-regression-relu", relu_regressor, teacher_regression, {"data": 23, "init": 67, "order": 29, "batch": 16, "loss": "mse", "shift": 0.25}),
    ("blind-logreg", logreg, blobs, {"data": 27, "init": 71, "order": 31, "batch": 32, "shift": 0.5}),
    ("blind2-regression", regressor, regression, {"data": 31, "init": 73, "order": 37, "batch": 32, "loss": "mse", "shift": 0.75}),
    ("blind2-regression-relu", relu_regressor, teacher_regression, {"data": 33, "init": 79, "order": 41, "batch": 64, "loss": "mse", "shift": 0.75}),
    ("blind2-mlp", mlp, teacher, {"data": 37, "init": 83, "order": 43, "batch": 16, "shift": 0.25}),
    ("blind2-logreg", logreg, blobs, {"data": 41, "init": 89, "order": 47, "batch": 64, "shift": 0.75}),
]
RATES = {
    "sgd": [10 ** (k / 2) for k in range(-10, 5)],   # 1e-5 .. 100
    "adam": [10 ** (k / 2) for k in range(-12, 3)],  # 1e-6 .. 10
}


def criterion(settings):
    return nn.functional.mse_loss if settings.get("loss") == "mse" else nn.functional.cross_entropy


def full_loss(model, x, y, settings):
    with torch.no_grad():
        return float(criterion(settings)(model(x), y))


def train(name, make_model, make_data, optimizer, lr, settings):
    batch = settings.get("batch", BATCH)
    per_epoch = SAMPLES // batch
    x, y = make_data(settings.get("data", 1))
    torch.manual_seed(settings.get("init", 7))
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=lr) if optimizer == "sgd" else torch.optim.Adam(model.parameters(), lr=lr)
    start = full_loss(model, x, y, settings)
    order = torch.Generator().manual_seed(settings.get("order", 3))
    losses = []
    perm = torch.randperm(SAMPLES, generator=order)
    for step in range(STEPS):
        k = step % per_epoch
        if k == 0 and step > 0:
            perm = torch.randperm(SAMPLES, generator=order)
        idx = perm[k * batch:(k + 1) * batch]
        loss = criterion(settings)(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    end = full_loss(model, x, y, settings)
    epochs = [start] + [float(np.mean(losses[e * per_epoch:(e + 1) * per_epoch])) for e in range(STEPS // per_epoch)]
    return start, end, losses, epochs


def number(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return f"{v:.6g}"


def write_csv(path, losses):
    with open(path, "w") as f:
        f.write("step,loss\n")
        for i, v in enumerate(losses):
            f.write(f"{i},{number(v)}\n")


def write_json(path, values):
    with open(path, "w") as f:
        f.write("[" + ", ".join(number(v) if math.isfinite(v) else ("NaN" if math.isnan(v) else "Infinity") for v in values) + "]\n")


def write_lines(path, values):
    with open(path, "w") as f:
        f.write("".join(number(v) + "\n" for v in values))


def label(start, end, best, lr, best_lr, curve):
    if not all(math.isfinite(v) for v in curve) or not math.isfinite(end):
        return "too-large", None
    gap = (end - best) / (start - best)
    if gap <= 0.15:
        return "just-right", gap
    if gap >= 0.5:
        return ("too-small" if lr < best_lr else "too-large"), gap
    return None, gap


def pytorch_cases(manifest, left_out, only, previous):
    for name, make_model, make_data, settings in PROBLEMS:
        origin = next((o for o in ("holdout", "fresh", "blind2", "blind") if name.startswith(o)), "pytorch")
        for optimizer, rates in RATES.items():
            prefix = f"{name}-{optimizer}-lr"
            if only and name not in only:  # keep this problem's logs as they are
                manifest.extend(c for c in previous["cases"] if c["file"].startswith(prefix))
                left_out.extend(r for r in previous["leftOut"] if r["run"].startswith(prefix))
                continue
            rates = [r * 10 ** settings.get("shift", 0) for r in rates]
            runs = [(lr, *train(name, make_model, make_data, optimizer, lr, settings)) for lr in rates]
            finite = [(r[2], r[0]) for r in runs if math.isfinite(r[2]) and all(math.isfinite(v) for v in r[3])]
            best, best_lr = min(finite)
            for lr, start, end, losses, epochs in runs:
                verdict, gap = label(start, end, best, lr, best_lr, losses)
                tag = f"{name}-{optimizer}-lr{lr:.0e}".replace("e-0", "e-").replace("e+0", "e")
                note = (f"{name} {optimizer} lr={lr:.3g}: full-data loss {start:.4g} -> {number(end)}"
                        f" (best {best:.4g} at lr={best_lr:.3g}" + (f", gap {gap:.2f})" if gap is not None else ")"))
                if verdict is None:
                    left_out.append({"run": tag, "lr": lr, "note": note})
                    continue
                write_csv(os.path.join(OUT, f"{tag}-steps.csv"), losses)
                write_json(os.path.join(OUT, f"{tag}-epochs.json"), epochs)
                manifest.append({"file": f"{tag}-steps.csv", "verdict": verdict, "lr": lr, "origin": origin, "note": note + ", every mini-batch"})
                manifest.append({"file": f"{tag}-epochs.json", "verdict": verdict, "lr": lr, "origin": origin, "note": note + ", epoch means"})
                print(f"{tag:28s} {verdict or '-':12s} {note}")


SPEC_CASES = [
    ("spec-practice-lr0.1.txt", [0.8, 0.5, 0.4, 0.38, 0.37], "just-right", 0.1, "SPEC practice problem: healthy diminishing returns"),
    ("spec-practice-lr1.0.txt", [0.8, 1.5, 3.2, 8.7, float("nan")], "too-large", 1.0, "SPEC practice problem: diverged to NaN"),
    ("spec-crawl.txt", [0.5001, 0.5000, 0.4999], "too-small", None, "SPEC symptom of a too-small rate"),
    ("spec-bounce.txt", [0.5, 0.3, 0.8, 0.2, 1.5], "too-large", None, "SPEC symptom of a too-large rate"),
]


def synthetic_cases(manifest):
    rng = np.random.default_rng(2024)
    t = np.arange(3000)
    cases = [
        ("synthetic-healthy-noisy.csv", 0.1 + 2.2 * np.exp(-t / 300) + rng.normal(0, 0.08, t.size), "just-right",
         "noisy exponential decay, most of the drop in the first fifth"),
        ("synthetic-crawl-noisy.csv", 2.3 - 0.0001 * t + rng.normal(0, 0.05, t.size), "too-small",
         "a straight, slow decline under mini-batch noise"),
        ("synthetic-flat-noisy.csv", 2.3 + rng.normal(0, 0.05, t.size), "too-small",
         "never moved: flat from the first step, noise only"),
        ("synthetic-dead-after-spike.csv",
         np.concatenate([[2.3, 2.4, 9.5, 38.0, 17.0, 6.1, 3.0], 2.302 + np.abs(rng.normal(0, 0.01, t.size - 7))]), "too-large",
         "spiked in the first steps, then sat flat at chance level (ln 10)"),
        ("synthetic-fails-after-progress.csv",
         np.concatenate([0.2 + 2.1 * np.exp(-t[:1500] / 200), np.full(1500, 2.302)]) + rng.normal(0, 0.03, t.size), "too-large",
         "learned, then failed abruptly back to chance level"),
        ("synthetic-exploding.csv", 2.0 * np.exp(t[:400] / 120) + rng.normal(0, 0.1, 400), "too-large",
         "grows exponentially under noise"),
        ("synthetic-converged-tail.csv", 0.05 + 1.5 * np.exp(-t / 60) + rng.normal(0, 0.01, t.size), "just-right",
         "converged early, flat for the rest of the run"),
    ]
    for file, values, verdict, note in cases:
        write_csv(os.path.join(OUT, file), list(values))
        manifest.append({"file": file, "verdict": verdict, "lr": None, "origin": "synthetic", "note": note})
    short = [
        ("synthetic-oscillating-falling.txt", [1.0, 0.55, 0.9, 0.45, 0.8, 0.4, 0.7, 0.35, 0.6, 0.32], "too-large",
         "bounces at every step while the trend still falls"),
        ("synthetic-epochs-healthy.txt", [2.1, 1.2, 0.8, 0.6, 0.5, 0.45, 0.42, 0.4, 0.39, 0.385], "just-right",
         "epoch means with diminishing returns"),
        ("synthetic-epochs-crawl.txt", [2.30, 2.29, 2.28, 2.27, 2.26, 2.25, 2.24, 2.23, 2.22, 2.21], "too-small",
         "epoch means falling by the same small amount each time"),
    ]
    for file, values, verdict, note in short:
        write_lines(os.path.join(OUT, file), values)
        manifest.append({"file": file, "verdict": verdict, "lr": None, "origin": "synthetic", "note": note})


def main(only):
    """Writes every log; with problem names (e.g. `regression fresh-mlp`), retrains only those and keeps the rest."""
    unknown = set(only) - {p[0] for p in PROBLEMS}
    if unknown:
        sys.exit(f"unknown problems: {', '.join(sorted(unknown))} (known: {', '.join(p[0] for p in PROBLEMS)})")
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    previous = {"cases": [], "leftOut": []}
    if only:
        with open(os.path.join(OUT, "manifest.json")) as f:
            previous = json.load(f)
    for f in os.listdir(OUT):
        if not only or any(f.startswith(f"{name}-{opt}-lr") for name in only for opt in RATES):
            os.remove(os.path.join(OUT, f))
    manifest, left_out = [], []
    for file, values, verdict, lr, note in SPEC_CASES:
        write_lines(os.path.join(OUT, file), values)
        manifest.append({"file": file, "verdict": verdict, "lr": lr, "origin": "spec", "note": note})
    synthetic_cases(manifest)
    pytorch_cases(manifest, left_out, set(only), previous)
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": manifest, "leftOut": left_out}, f, indent=1)
        f.write("\n")
    print(f"{len(manifest)} cases, {len(left_out)} runs left out")


if __name__ == "__main__":
    main(sys.argv[1:])
