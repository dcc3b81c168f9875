#!/usr/bin/python3
"""Golden learning-rate schedules from the real torch.optim.lr_scheduler.

Regenerate (from the repository root, with Debian's PyTorch 1.13):

    /usr/bin/python3 tools/golden_schedules.py

It rewrites tests/LrLab.Core.Tests/Golden/schedules.json. Every case is written in our spec syntax
(a scheduler constructor call without the optimizer); the script builds the scheduler from that very
string, by inserting the optimizer as the first argument of every call, so the fixture's spec and
what PyTorch ran cannot drift apart.

rates[t] is get_last_lr()[0] after t calls of scheduler.step(), each preceded by optimizer.step():
the rate used by update t. For ReduceLROnPlateau, metrics[i] is the loss passed to
scheduler.step() after update i, and rates[0] is the optimizer's lr before any step.
"""
import ast
import json
import math
import os
import warnings

import torch
from torch.optim import lr_scheduler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "LrLab.Core.Tests", "Golden",
                   "schedules.json")


class _AddOptimizer(ast.NodeTransformer):
    """Turns Foo(a=1) into Foo(optimizer, a=1) at every nesting level."""

    def visit_Call(self, node):
        self.generic_visit(node)
        node.args.insert(0, ast.Name(id="optimizer", ctx=ast.Load()))
        return node


def build(spec, optimizer):
    tree = ast.fix_missing_locations(_AddOptimizer().visit(ast.parse(spec, mode="eval")))
    names = {name: getattr(lr_scheduler, name) for name in dir(lr_scheduler) if not name.startswith("_")}
    names["optimizer"] = optimizer
    return eval(compile(tree, "<spec>", "eval"), {"__builtins__": {}}, names)


def run(spec, base_lr, steps, metrics=None):
    param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=base_lr)
    scheduler = build(spec, optimizer)
    if metrics is not None:
        rates = [optimizer.param_groups[0]["lr"]]
        for m in metrics[: steps - 1]:
            optimizer.step()
            scheduler.step(m)
            # 1.13's ReduceLROnPlateau has no get_last_lr(); _last_lr is what it records after step().
            rates.append(scheduler._last_lr[0])
        return rates
    rates = [scheduler.get_last_lr()[0]]
    for _ in range(steps - 1):
        optimizer.step()
        scheduler.step()
        rates.append(scheduler.get_last_lr()[0])
    return rates


def plateau_losses(n, seed):
    """A loss curve that falls, stalls, wobbles and falls again: enough to trigger reductions."""
    gen = torch.Generator().manual_seed(seed)
    noise = torch.rand(n, generator=gen, dtype=torch.float64).tolist()
    out = []
    for i in range(n):
        base = 1.0 / (1.0 + 0.05 * i) if i < 40 else (0.33 if i < 90 else 0.33 - 0.001 * (i - 90))
        out.append(round(base + 0.01 * (noise[i] - 0.5), 6))
    return out


def rising(losses):
    return [round(2.0 - x, 6) for x in losses]


CASES = [
    ("step-30", "StepLR(step_size=30, gamma=0.1)", 0.01, 120),
    ("step-7-half", "StepLR(step_size=7, gamma=0.5)", 0.1, 150),
    ("step-1-positional", "StepLR(1, 0.97)", 0.05, 200),
    ("multistep-30-60", "MultiStepLR(milestones=[30, 60], gamma=0.1)", 0.01, 120),
    ("multistep-dup-unsorted", "MultiStepLR(milestones=[50, 10, 50, 0], gamma=0.5)", 0.2, 100),
    ("exp-095", "ExponentialLR(gamma=0.95)", 0.01, 150),
    ("exp-099", "ExponentialLR(0.99)", 1.0, 300),
    ("constant-default", "ConstantLR()", 0.1, 20),
    ("constant-quarter", "ConstantLR(factor=0.25, total_iters=40)", 0.03, 100),
    ("constant-zero-iters", "ConstantLR(factor=0.5, total_iters=0)", 0.1, 20),
    ("linear-default", "LinearLR()", 0.1, 20),
    ("linear-warmup", "LinearLR(start_factor=0.01, total_iters=25)", 0.1, 100),
    ("linear-decay", "LinearLR(start_factor=1.0, end_factor=0.1, total_iters=80)", 0.3, 120),
    ("linear-to-zero", "LinearLR(start_factor=1.0, end_factor=0.0, total_iters=50)", 0.1, 100),
    ("poly-default", "PolynomialLR()", 0.1, 20),
    ("poly-p1", "PolynomialLR(total_iters=80, power=1.0)", 0.1, 120),
    ("poly-p2", "PolynomialLR(total_iters=100, power=2.0)", 0.05, 150),
    ("poly-p05", "PolynomialLR(total_iters=60, power=0.5)", 0.05, 100),
    ("cos-100", "CosineAnnealingLR(T_max=100)", 0.01, 101),
    ("cos-past-tmax", "CosineAnnealingLR(T_max=40)", 0.1, 200),
    ("cos-eta-min", "CosineAnnealingLR(T_max=50, eta_min=0.001)", 0.1, 250),
    ("cos-t1", "CosineAnnealingLR(T_max=1, eta_min=1e-4)", 0.1, 20),
    ("warm-10", "CosineAnnealingWarmRestarts(T_0=10)", 0.01, 100),
    ("warm-10-mult2", "CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=1e-4)", 0.1, 300),
    ("warm-7-mult3", "CosineAnnealingWarmRestarts(7, 3)", 0.05, 200),
    ("warm-1", "CosineAnnealingWarmRestarts(T_0=1, eta_min=0.001)", 0.1, 20),
    ("onecycle-cos", "OneCycleLR(max_lr=0.1, total_steps=100)", 0.01, 101),
    ("onecycle-linear", "OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear')", 0.01, 101),
    ("onecycle-three", "OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear', three_phase=True)",
     0.01, 101),
    ("onecycle-three-cos", "OneCycleLR(max_lr=0.5, total_steps=150, pct_start=0.25, three_phase=True)", 0.01, 151),
    ("onecycle-divs", "OneCycleLR(max_lr=1.0, total_steps=200, pct_start=0.4, div_factor=10.0, "
                      "final_div_factor=100.0)", 0.01, 201),
    ("onecycle-epochs", "OneCycleLR(max_lr=0.05, epochs=10, steps_per_epoch=15)", 0.01, 151),
    ("onecycle-odd", "OneCycleLR(max_lr=0.3, total_steps=37, pct_start=0.33)", 0.01, 38),
    ("cyclic-tri", "CyclicLR(base_lr=0.001, max_lr=0.01, step_size_up=20)", 0.5, 150),
    ("cyclic-tri2", "CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=15, mode='triangular2')", 0.5, 200),
    ("cyclic-exp", "CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode='exp_range', gamma=0.99)", 0.5, 200),
    ("cyclic-asym", "CyclicLR(base_lr=0.01, max_lr=0.05, step_size_up=5, step_size_down=25)", 0.5, 150),
    ("cyclic-asym-tri2", "CyclicLR(0.001, 0.006, 8, 3, \"triangular2\")", 0.5, 100),
    ("seq-warmup-cos", "SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), "
                       "CosineAnnealingLR(T_max=95, eta_min=1e-4)], milestones=[5])", 0.01, 101),
    ("seq-const-exp", "SequentialLR(schedulers=[ConstantLR(factor=0.1, total_iters=2), ExponentialLR(gamma=0.9)], "
                      "milestones=[2])", 0.1, 60),
    ("seq-three", "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=10), StepLR(step_size=20, "
                  "gamma=0.5), CosineAnnealingLR(T_max=30)], milestones=[10, 70])", 0.05, 150),
    ("seq-warm-restarts", "SequentialLR(schedulers=[ConstantLR(factor=0.5, total_iters=10), "
                          "CosineAnnealingWarmRestarts(T_0=15, T_mult=2)], milestones=[8])", 0.02, 120),
    ("seq-cyclic-first", "SequentialLR(schedulers=[CyclicLR(base_lr=0.002, max_lr=0.02, step_size_up=5), "
                         "ExponentialLR(gamma=0.9)], milestones=[20])", 0.5, 60),
    ("seq-poly-multistep", "SequentialLR(schedulers=[PolynomialLR(total_iters=10, power=2.0), "
                           "MultiStepLR(milestones=[0, 15], gamma=0.5)], milestones=[12])", 0.1, 50),
]

PLATEAU = [
    ("plateau-default", "ReduceLROnPlateau()", 0.1, 200, 1, False),
    ("plateau-patience3", "ReduceLROnPlateau(mode='min', factor=0.5, patience=3)", 0.1, 200, 2, False),
    ("plateau-max", "ReduceLROnPlateau(mode='max', factor=0.5, patience=5)", 0.1, 200, 3, True),
    ("plateau-cooldown", "ReduceLROnPlateau(factor=0.3, patience=2, cooldown=5)", 0.1, 200, 4, False),
    ("plateau-abs", "ReduceLROnPlateau(patience=4, threshold=0.01, threshold_mode='abs', factor=0.5)", 0.1, 200, 5,
     False),
    ("plateau-max-abs", "ReduceLROnPlateau(mode='max', patience=4, threshold=0.005, threshold_mode='abs')", 0.1, 200,
     6, True),
    ("plateau-minlr", "ReduceLROnPlateau(factor=0.2, patience=1, min_lr=0.001)", 0.1, 200, 7, False),
    ("plateau-eps", "ReduceLROnPlateau(factor=0.5, patience=0, eps=0.01)", 0.1, 150, 8, False),
]


def main():
    warnings.simplefilter("ignore")
    torch.set_default_dtype(torch.float64)
    cases = []
    for case_id, spec, base_lr, steps in CASES:
        cases.append({"id": case_id, "spec": spec, "baseLr": base_lr, "rates": run(spec, base_lr, steps)})
    for case_id, spec, base_lr, steps, seed, maximize in PLATEAU:
        losses = plateau_losses(steps - 1, seed)
        if maximize:
            losses = rising(losses)
        cases.append({"id": case_id, "spec": spec, "baseLr": base_lr, "metrics": losses,
                      "rates": run(spec, base_lr, steps, losses)})
    for case in cases:
        assert all(math.isfinite(r) for r in case["rates"]), case["id"]
    doc = {"source": "torch " + torch.__version__ + " torch.optim.lr_scheduler; regenerate with "
                     "/usr/bin/python3 tools/golden_schedules.py",
           "cases": cases}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
