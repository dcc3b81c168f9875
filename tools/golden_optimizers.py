#!/usr/bin/python3
"""Golden optimizer trajectories from PyTorch, for LrLab.Core's parity tests.

Regenerate (from the repository root; needs Debian's python3-torch 1.13, not a pyenv python):

    /usr/bin/python3 tools/golden_optimizers.py

Writes tests/LrLab.Core.Tests/Golden/optimizers.json. Each case runs one torch.optim optimizer
(foreach=False, float64) on one of the project's built-in surfaces for a fixed number of steps and
records the parameters and the loss after every step. The gradients are the surfaces' analytic
formulas evaluated in plain Python floats, written in the same operation order as the C# test
(tests/LrLab.Core.Tests/Optimizers/GoldenSurfaces.cs), so both sides feed identical gradients and only the optimizers differ.
Everything is deterministic: no randomness, fixed starts, fixed hyperparameters.
"""

import json
import math
import os

import torch

from golden_surfaces import bowl, himmelblau, parabola, ravine, rosenbrock

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)




def quartic4(p):
    w0, w1, w2, w3 = p
    d = w3 - 1
    return 0.5 * w0 * w0 + 1.5 * w1 * w1 + 3 * w2 * w2 + 0.25 * d * d * d * d, [w0, 3 * w1, 6 * w2, d * d * d]


FUNCTIONS = {f.__name__: f for f in (bowl, ravine, rosenbrock, himmelblau, parabola, quartic4)}

STARTS = {
    "bowl": [2.5, -1.5],
    "ravine": [-4.0, 0.8],
    "rosenbrock": [-1.2, 1.0],
    "himmelblau": [0.5, -0.5],
    "parabola": [4.0],
    "quartic4": [1.5, -1.0, 0.8, -0.5],
}

# Our factory name -> (torch class, hyperparameters the preset implies).
OPTIMIZERS = {
    "sgd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.9}),
    "nesterov": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    "adam": (torch.optim.Adam, {}),
    "adamw": (torch.optim.AdamW, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
    "adagrad": (torch.optim.Adagrad, {}),
    "nadam": (torch.optim.NAdam, {}),
    "radam": (torch.optim.RAdam, {}),
}

CASES = []


def case(optimizer, functions, steps=40, start=None, schedule=None, **hyper):
    """Adds one case per function; `functions` maps a function name to its lr."""
    for function, lr in functions.items():
        CASES.append(dict(optimizer=optimizer, function=function, steps=steps,
                          start=start or STARTS[function], schedule=schedule,
                          hyper=dict(lr=lr, **hyper)))


ALL_SGD = {"bowl": 0.1, "ravine": 0.03, "rosenbrock": 0.001, "himmelblau": 0.01, "parabola": 0.1, "quartic4": 0.1}
ALL_ADAPTIVE = {"bowl": 0.1, "ravine": 0.1, "rosenbrock": 0.05, "himmelblau": 0.1, "parabola": 0.3, "quartic4": 0.1}

# SGD: plain, momentum (first buffer = gradient), dampening, nesterov, weight_decay, maximize.
case("sgd", ALL_SGD)
case("sgd", {"bowl": 0.1, "ravine": 0.03, "rosenbrock": 0.001, "quartic4": 0.1}, momentum=0.9)
case("sgd", {"bowl": 0.05, "rosenbrock": 0.001, "quartic4": 0.1}, momentum=0.5, dampening=0.3)
case("sgd", {"bowl": 0.05, "ravine": 0.02, "quartic4": 0.1}, momentum=0.9, nesterov=True)
case("sgd", {"bowl": 0.1, "quartic4": 0.1}, weight_decay=0.1)
case("sgd", {"bowl": 0.05, "quartic4": 0.05}, momentum=0.8, weight_decay=0.2, dampening=0.1)
case("sgd", {"himmelblau": 0.005}, start=[0.0, 0.0], maximize=True)
case("sgd", {"himmelblau": 0.005}, start=[0.0, 0.0], momentum=0.5, maximize=True, weight_decay=0.01)
case("momentum", {"bowl": 0.02, "rosenbrock": 0.0005})
case("nesterov", {"ravine": 0.02, "quartic4": 0.05})

# Adam: default, amsgrad, weight_decay, betas, eps, maximize.
case("adam", ALL_ADAPTIVE)
case("adam", {"bowl": 0.1, "rosenbrock": 0.05, "quartic4": 0.1}, amsgrad=True)
case("adam", {"bowl": 0.1, "quartic4": 0.1}, weight_decay=0.1)
case("adam", {"ravine": 0.1}, betas=[0.8, 0.99])
case("adam", {"parabola": 0.3}, eps=1e-3)
case("adam", {"himmelblau": 0.05}, start=[0.0, 0.0], maximize=True, amsgrad=True)

# AdamW: decoupled decay (default 0.01 and larger), with and without amsgrad.
case("adamw", {"bowl": 0.1, "rosenbrock": 0.05})
case("adamw", {"quartic4": 0.1, "himmelblau": 0.1}, weight_decay=0.1)
case("adamw", {"bowl": 0.1, "rosenbrock": 0.05}, weight_decay=0.05, amsgrad=True)
case("adamw", {"ravine": 0.1}, weight_decay=0.5, betas=[0.85, 0.995], maximize=True)

# RMSprop: plain, centered, momentum, centered+momentum, alpha, weight_decay, maximize.
RMS = {"bowl": 0.01, "rosenbrock": 0.005, "himmelblau": 0.02, "quartic4": 0.01}
case("rmsprop", RMS)
case("rmsprop", {"bowl": 0.01, "rosenbrock": 0.005, "quartic4": 0.01}, centered=True)
case("rmsprop", {"bowl": 0.005, "quartic4": 0.005}, momentum=0.9)
case("rmsprop", {"rosenbrock": 0.002, "quartic4": 0.005}, centered=True, momentum=0.8)
case("rmsprop", {"bowl": 0.01, "parabola": 0.05}, alpha=0.9)
case("rmsprop", {"himmelblau": 0.02, "quartic4": 0.01}, weight_decay=0.1, eps=1e-4)
case("rmsprop", {"himmelblau": 0.01}, start=[0.0, 0.0], maximize=True)

# Adagrad: default, lr_decay, initial_accumulator_value, weight_decay, eps, maximize.
case("adagrad", {"bowl": 0.5, "rosenbrock": 0.1, "quartic4": 0.5})
case("adagrad", {"bowl": 0.5, "himmelblau": 0.5}, lr_decay=0.05)
case("adagrad", {"ravine": 0.5, "quartic4": 0.5}, initial_accumulator_value=0.5)
case("adagrad", {"bowl": 0.5, "quartic4": 0.5}, weight_decay=0.1)
case("adagrad", {"parabola": 0.5}, eps=1e-3, lr_decay=0.01, initial_accumulator_value=0.1)
case("adagrad", {"himmelblau": 0.3}, start=[0.0, 0.0], maximize=True)

# NAdam: default, momentum_decay, weight_decay, betas.
case("nadam", {"bowl": 0.1, "ravine": 0.1, "rosenbrock": 0.05, "quartic4": 0.1})
case("nadam", {"bowl": 0.1, "quartic4": 0.1}, momentum_decay=0.01)
case("nadam", {"ravine": 0.1}, momentum_decay=0.0)
case("nadam", {"himmelblau": 0.1, "quartic4": 0.1}, weight_decay=0.1)
case("nadam", {"rosenbrock": 0.05}, betas=[0.95, 0.99], eps=1e-6)

# RAdam: long enough for rho_t to pass 5 (from step 6 with beta2 0.999), a fast switch (beta2 0.9),
# one that never rectifies (beta2 0.5: rho_inf = 3), and weight_decay.
# Before the switch RAdam is SGD with momentum, so Rosenbrock needs an SGD-sized rate.
RADAM = {"bowl": 0.1, "rosenbrock": 0.001, "himmelblau": 0.02, "quartic4": 0.1}
case("radam", RADAM, steps=60)
case("radam", {"bowl": 0.1, "rosenbrock": 0.001}, steps=60, betas=[0.9, 0.9])
case("radam", {"bowl": 0.1}, steps=30, betas=[0.9, 0.5])
case("radam", {"bowl": 0.1, "quartic4": 0.1}, steps=60, weight_decay=0.1)

# The schedule hook: a different lr before each step, set through param_groups.
def step_decay(lr, n, every, gamma):
    return [lr * gamma ** (k // every) for k in range(n)]


def cosine(lr, n, eta_min=0.0):
    return [eta_min + (lr - eta_min) * (1 + math.cos(math.pi * k / n)) / 2 for k in range(n)]


def warmup(lr, n, warm):
    return [lr * min(1.0, (k + 1) / warm) for k in range(n)]


case("sgd", {"bowl": 0.2}, schedule=step_decay(0.2, 40, 10, 0.5), momentum=0.5)
case("adam", {"rosenbrock": 0.05}, schedule=cosine(0.05, 40, 1e-3))
case("rmsprop", {"quartic4": 0.01}, schedule=warmup(0.01, 40, 10), centered=True)
case("radam", {"himmelblau": 0.1}, steps=60, schedule=[0.1 * 0.95 ** k for k in range(60)])
case("nadam", {"ravine": 0.1}, schedule=warmup(0.1, 40, 8))
case("adagrad", {"bowl": 0.5}, schedule=cosine(0.5, 40))
case("adamw", {"quartic4": 0.1}, schedule=step_decay(0.1, 40, 15, 0.1), weight_decay=0.1)


def run(spec):
    torch_class, preset = OPTIMIZERS[spec["optimizer"]]
    kwargs = dict(preset)
    for name, value in spec["hyper"].items():
        kwargs[name] = tuple(value) if name == "betas" else value
    f = FUNCTIONS[spec["function"]]
    p = torch.tensor(spec["start"], requires_grad=True)
    opt = torch_class([p], foreach=False, **kwargs)
    params, losses = [], []
    for k in range(spec["steps"]):
        if spec["schedule"] is not None:
            for group in opt.param_groups:
                group["lr"] = spec["schedule"][k]
        _, grad = f(p.detach().tolist())
        p.grad = torch.tensor(grad)
        opt.step()
        now = p.detach().tolist()
        loss, _ = f(now)
        if not all(math.isfinite(v) for v in now + [loss]):
            raise SystemExit(f"case {spec['id']} left the finite range at step {k + 1}")
        params.append(now)
        losses.append(loss)
    return params, losses


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "tests", "LrLab.Core.Tests", "Golden", "optimizers.json")
    lines = []
    seen = set()
    for spec in CASES:
        extras = "-".join(f"{k}={v}" for k, v in spec["hyper"].items() if k != "lr").replace(" ", "")
        spec["id"] = f"{spec['optimizer']}/{spec['function']}/lr={spec['hyper']['lr']}" + (f"/{extras}" if extras else "") + ("/scheduled" if spec["schedule"] else "") + ("/start=" + ",".join(map(repr, spec["start"])) if spec["start"] != STARTS[spec["function"]] else "")
        assert spec["id"] not in seen, spec["id"]
        seen.add(spec["id"])
        params, losses = run(spec)
        record = {"id": spec["id"], "function": spec["function"], "optimizer": spec["optimizer"],
                  "hyper": spec["hyper"], "start": spec["start"], "steps": spec["steps"]}
        if spec["schedule"] is not None:
            record["lrs"] = spec["schedule"]
        record["params"] = params
        record["losses"] = losses
        lines.append(json.dumps(record, separators=(",", ":")))
    header = json.dumps({"generator": "tools/golden_optimizers.py", "torch": torch.__version__, "dtype": "float64"},
                        separators=(",", ":"))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"meta":' + header + ',\n"cases":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(lines)} cases to {os.path.relpath(out, root)}")


if __name__ == "__main__":
    main()
