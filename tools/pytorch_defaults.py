#!/usr/bin/python3
"""PyTorch's own constructor defaults for every optimizer and scheduler LR Lab mirrors.

Regenerate (from the repository root, with Debian's PyTorch 1.13):

    /usr/bin/python3 tools/pytorch_defaults.py

It rewrites tests/LrLab.Core.Tests/Golden/defaults.json from inspect.signature of the real classes, so
the fixture is PyTorch's word, not ours. For each class: its parameters in signature order, without the
first one (params / optimizer). Each parameter has its name, its kind (positional_or_keyword or
keyword_only), and either "required": true (no default, or torch.optim's `required` sentinel, as SGD's lr)
or its default as JSON ("default"), Python's type name ("type") and repr ("repr"). Tuples (Adam's betas)
become JSON lists. The output is deterministic: classes in a fixed order, keys sorted, no timestamps.
"""
import inspect
import json
import os

import torch
from torch.optim import lr_scheduler
from torch.optim.optimizer import required as REQUIRED

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "LrLab.Core.Tests", "Golden",
                   "defaults.json")

OPTIMIZERS = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "NAdam", "RAdam"]

# The classes of src/LrLab.Core/Schedules/ScheduleSpec.cs (ScheduleSpec.Names), in that order.
SCHEDULERS = ["StepLR", "MultiStepLR", "ExponentialLR", "ConstantLR", "LinearLR", "PolynomialLR",
              "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "OneCycleLR", "CyclicLR", "SequentialLR",
              "ReduceLROnPlateau"]

KINDS = {
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
}


def to_json(value):
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"default {value!r} of type {type(value).__name__} has no JSON form")


def describe(cls):
    parameters = list(inspect.signature(cls).parameters.values())[1:]  # drop params / optimizer
    out = []
    for p in parameters:
        if p.kind not in KINDS:
            raise TypeError(f"{cls.__name__}.{p.name}: unexpected parameter kind {p.kind}")
        entry = {"name": p.name, "kind": KINDS[p.kind]}
        if p.default is inspect.Parameter.empty or p.default is REQUIRED:
            entry["required"] = True
        else:
            entry["required"] = False
            entry["default"] = to_json(p.default)
            entry["type"] = type(p.default).__name__
            entry["repr"] = repr(p.default)
        out.append(entry)
    return {"name": cls.__name__, "module": cls.__module__, "parameters": out}


def main():
    fixture = {
        "torch": torch.__version__.split("+")[0],
        "tool": "tools/pytorch_defaults.py",
        "optimizers": [describe(getattr(torch.optim, name)) for name in OPTIMIZERS],
        "schedulers": [describe(getattr(lr_scheduler, name)) for name in SCHEDULERS],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=1, sort_keys=True)
        f.write("\n")
    count = sum(len(c["parameters"]) for c in fixture["optimizers"] + fixture["schedulers"])
    print(f"wrote {os.path.relpath(OUT)}: {len(OPTIMIZERS)} optimizers, {len(SCHEDULERS)} schedulers, {count} parameters")


if __name__ == "__main__":
    main()
