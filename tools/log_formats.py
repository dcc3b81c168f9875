#!/usr/bin/python3
"""Loss logs in the formats practitioners have, written from real PyTorch training, for `lrlab diagnose`.

Regenerate (from the repository root, with Debian's PyTorch 1.13):

    /usr/bin/python3 tools/log_formats.py

It rewrites tests/LrLab.Core.Tests/Formats/ (the logs plus manifest.json). Nothing here uses our C# reader:
each format is written the way the tool that owns it writes it, following that tool's file layout:

- HuggingFace Trainer: trainer_state.json, `json.dumps(state, indent=2, sort_keys=True)` of TrainerState, with
  log_history entries {epoch, grad_norm, learning_rate, loss, step} every logging_steps, {eval_loss, ...} entries
  at every eval and the closing {train_loss, train_runtime, ...} summary; Python writes a NaN loss as bare NaN.
- TensorBoard: event files (events.out.tfevents.<time>.<host>), TFRecord framing (uint64 length, masked CRC-32C
  of the length, data, masked CRC-32C of the data) around Event protos (tensorflow/core/util/event.proto). The
  protos are encoded by hand below from the .proto field numbers, because TensorBoard and the protobuf module are
  not installed here: Event{wall_time=1 double, step=2 int64, file_version=3 string, summary=5}, Summary{value=1},
  Summary.Value{tag=1, simple_value=2 float, metadata=9, tensor=8}, TensorProto{dtype=1, tensor_shape=2,
  tensor_content=4, float_val=5}. PyTorch's SummaryWriter writes simple_value; TensorFlow 2 writes scalar tensors.
- MLflow file store (mlflow/store/tracking/file_store.py, what mlflow.log_metric writes without a server):
  mlruns/<experiment id>/meta.yaml, and per run <run id>/meta.yaml (yaml.safe_dump, sorted keys, as MLflow's
  write_yaml), metrics/<key> with one "timestamp value step" line per log_metric (a key with slashes in subfolders),
  params/<key> and tags/<key> holding the value alone; a deleted run stays on disk with lifecycle_stage: deleted.
- Weights & Biases chart export: "Step","<run> - <metric>","<run> - <metric>__MIN","<run> - <metric>__MAX", all
  cells quoted, blank where a run logged nothing.
- Keras CSVLogger: "epoch" then the sorted metric names, one row per epoch.
- Lightning CSVLogger metrics.csv: sorted keys (epoch, lr-SGD, step, train_loss, val_loss), one row per logging
  call, blank cells for the keys that call did not log.

The expected verdict of every run comes from its outcome (full-data loss before and after training, as in
tools/calibration_logs.py), never from the curve.
"""
import csv
import json
import math
import os
import struct

# The committed files were written with OpenBLAS choosing its kernels itself (no OPENBLAS_CORETYPE): another kernel
# rounds differently and the runs at the edge of stability end elsewhere, so unpin before torch loads OpenBLAS.
os.environ.pop("OPENBLAS_CORETYPE", None)
os.environ.pop("OPENBLAS_L2_SIZE", None)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import yaml  # noqa: E402
from torch import nn  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "LrLab.Core.Tests", "Formats")
SAMPLES, DIMS, CLASSES, BATCH = 2048, 20, 10, 32
START_TIME = 1765000000.0  # fixed wall clock, so the files regenerate byte for byte


def teacher(seed=1):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(SAMPLES, DIMS, generator=g)
    w1 = torch.randn(DIMS, 32, generator=g)
    w2 = torch.randn(32, CLASSES, generator=g)
    return x, torch.argmax(torch.tanh(x @ w1) @ w2, dim=1)


def mlp():
    return nn.Sequential(nn.Linear(DIMS, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, CLASSES))


def train(lr, steps, optimizer="sgd", warmup=0, decay=False, seed=7):
    """Trains the MLP; returns per-step losses and rates, full-data losses before/after, and per-epoch means."""
    x, y = teacher()
    torch.manual_seed(seed)
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=lr) if optimizer == "sgd" else torch.optim.AdamW(model.parameters(), lr=lr)

    def factor(step):  # HuggingFace's get_linear_schedule_with_warmup, or a constant rate
        if warmup and step < warmup:
            return step / warmup
        return max(0.0, (steps - step) / max(1, steps - warmup)) if decay else 1.0

    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    with torch.no_grad():
        start = float(nn.functional.cross_entropy(model(x), y))
    order = torch.Generator().manual_seed(3)
    per_epoch = SAMPLES // BATCH
    losses, rates, next_rates, grad_norms = [], [], [], []
    perm = torch.randperm(SAMPLES, generator=order)
    for step in range(steps):
        k = step % per_epoch
        if k == 0 and step > 0:
            perm = torch.randperm(SAMPLES, generator=order)
        idx = perm[k * BATCH:(k + 1) * BATCH]
        loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        grad_norms.append(float(torch.sqrt(sum((p.grad ** 2).sum() for p in model.parameters()))))
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
        next_rates.append(sched.get_last_lr()[0])
        losses.append(float(loss))
    with torch.no_grad():
        end = float(nn.functional.cross_entropy(model(x), y))
    epochs = [float(np.mean(losses[e * per_epoch:(e + 1) * per_epoch])) for e in range(steps // per_epoch)]
    return {"lr": lr, "losses": losses, "rates": rates, "next_rates": next_rates, "grad_norms": grad_norms, "start": start, "end": end, "epochs": epochs}


def outcome(run, best):
    """The verdict the run's outcome implies (as in tools/calibration_logs.py); None in the unclear middle."""
    if not math.isfinite(run["end"]) or not all(math.isfinite(v) for v in run["losses"]):
        return "too-large"
    gap = (run["end"] - best["end"]) / (run["start"] - best["end"]) if run["start"] != best["end"] else 0
    if gap <= 0.15:
        return "just-right"
    if gap >= 0.5:
        return "too-small" if run["lr"] < best["lr"] else "too-large"
    return None


# ---------------------------------------------------------------- TFRecord and protobuf, from the format specs
def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def tfrecord(data):
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", masked_crc(length)) + data + struct.pack("<I", masked_crc(data))


def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def key(field, wire):
    return varint((field << 3) | wire)


def length_delimited(field, payload):
    return key(field, 2) + varint(len(payload)) + payload


def event(step, wall_time, summary=None, file_version=None):
    out = key(1, 1) + struct.pack("<d", wall_time)
    if step:
        out += key(2, 0) + varint(step)
    if file_version is not None:
        out += length_delimited(3, file_version.encode())
    if summary is not None:
        out += length_delimited(5, summary)
    return out


def simple_value(tag, value):
    """Summary.Value as PyTorch's SummaryWriter.add_scalar writes it."""
    return length_delimited(1, length_delimited(1, tag.encode()) + key(2, 5) + struct.pack("<f", value))


def tensor_value(tag, value, packed_float_val):
    """Summary.Value as tf.summary.scalar (TensorFlow 2) writes it: a DT_FLOAT scalar tensor, scalars plugin."""
    metadata = length_delimited(1, length_delimited(1, b"scalars"))  # SummaryMetadata.plugin_data.plugin_name
    shape = b""  # TensorShapeProto with no dims: a scalar
    if packed_float_val:
        tensor = key(1, 0) + varint(1) + length_delimited(2, shape) + length_delimited(5, struct.pack("<f", value))
    else:
        tensor = key(1, 0) + varint(1) + length_delimited(2, shape) + length_delimited(4, struct.pack("<f", value))
    return length_delimited(1, length_delimited(1, tag.encode()) + length_delimited(9, metadata) + length_delimited(8, tensor))


def write_events(path, run, style):
    records = [tfrecord(event(0, START_TIME, file_version="brain.Event:2"))]
    for step, (loss, rate) in enumerate(zip(run["losses"], run["rates"])):
        wall = START_TIME + 0.01 * step
        if style == "simple":
            values = simple_value("train/loss", loss) + simple_value("train/lr", rate)
        else:
            values = tensor_value("train/loss", loss, style == "float_val") + tensor_value("train/lr", rate, style == "float_val")
        records.append(tfrecord(event(step, wall, summary=values)))
        if step % 50 == 49:  # an eval series that must not be mistaken for the training loss
            records.append(tfrecord(event(step, wall, summary=simple_value("eval/accuracy", 0.5))))
    with open(path, "wb") as f:
        f.write(b"".join(records))
    return [len(r) for r in records]


# ---------------------------------------------------------------- writers of the other formats
def number(v):
    return repr(float(v)) if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))


def write_trainer_state(path, run, logging_steps=10, eval_steps=100):
    """TrainerState.log_history as Trainer._inner_training_loop fills it, with its default logging_nan_inf_filter:
    a NaN or inf step loss is replaced by the mean of the interval so far, so the logged loss after a blow-up reads
    0.0 while grad_norm reads NaN. learning_rate is the scheduler's rate after its step (get_last_lr())."""
    steps = len(run["losses"])
    per_epoch = SAMPLES // BATCH
    history = []
    tr_loss, last_logged = 0.0, 0
    for s in range(1, steps + 1):
        step_loss = run["losses"][s - 1]
        if math.isfinite(step_loss):
            tr_loss += step_loss
        else:
            tr_loss += tr_loss / (1 + (s - 1) - last_logged)
        if s % logging_steps:
            continue
        history.append({"epoch": round(s / per_epoch, 4), "grad_norm": run["grad_norms"][s - 1],
                        "learning_rate": run["next_rates"][s - 1], "loss": round(tr_loss / (s - last_logged), 4), "step": s})
        tr_loss, last_logged = 0.0, s
        if s % eval_steps == 0:
            history.append({"epoch": round(s / per_epoch, 4), "eval_loss": round(run["epochs"][min(len(run["epochs"]) - 1, s // per_epoch)], 4),
                            "eval_runtime": 0.1234, "eval_samples_per_second": 1000.0, "eval_steps_per_second": 31.25, "step": s})
    finite = [v for v in run["losses"] if math.isfinite(v)]
    mean = sum(finite) / len(finite)
    history.append({"epoch": round(steps / per_epoch, 4), "step": steps, "total_flos": 12345.0, "train_loss": mean,
                    "train_runtime": 4.2, "train_samples_per_second": 1000.0, "train_steps_per_second": 31.25})
    state = {"best_metric": None, "best_model_checkpoint": None, "epoch": round(steps / per_epoch, 4), "eval_steps": eval_steps,
             "global_step": steps, "is_hyper_param_search": False, "is_local_process_zero": True, "is_world_process_zero": True,
             "log_history": history, "logging_steps": logging_steps, "max_steps": steps, "num_input_tokens_seen": 0,
             "num_train_epochs": math.ceil(steps / per_epoch), "save_steps": 500,
             "stateful_callbacks": {"TrainerControl": {"args": {"should_epoch_stop": False, "should_evaluate": False, "should_log": False,
                                                                "should_save": True, "should_training_stop": True}, "attributes": {}}},
             "total_flos": 12345.0, "train_batch_size": BATCH, "trial_name": None, "trial_params": None}
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(state, indent=2, sort_keys=True) + "\n")  # TrainerState.save_to_json
    return history


def write_mlflow(root, runs):
    """An MLflow file store with one experiment ("0", Default) and the given runs (id, name, run, keys, deleted)."""
    def write_yaml(path, data):  # mlflow.utils.file_utils.write_yaml
        with open(path, "w") as f:
            yaml.safe_dump(data, f, default_flow_style=False, allow_unicode=True, sort_keys=True)

    os.makedirs(os.path.join(root, ".trash"), exist_ok=True)
    experiment = os.path.join(root, "0")
    os.makedirs(experiment, exist_ok=True)
    start_ms = int(START_TIME * 1000)
    write_yaml(os.path.join(experiment, "meta.yaml"), {
        "artifact_location": "file:///home/lab/mlruns/0", "creation_time": start_ms, "experiment_id": "0",
        "last_update_time": start_ms, "lifecycle_stage": "active", "name": "Default"})
    for run_id, name, run, keys, deleted in runs:
        folder = os.path.join(experiment, run_id)
        for sub in ("metrics", "params", "tags", "artifacts"):
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
        write_yaml(os.path.join(folder, "meta.yaml"), {
            "artifact_uri": f"file:///home/lab/mlruns/0/{run_id}/artifacts", "end_time": start_ms + 10 * len(run["losses"]),
            "entry_point_name": "", "experiment_id": "0", "lifecycle_stage": "deleted" if deleted else "active",
            "run_id": run_id, "run_name": name, "run_uuid": run_id, "source_name": "", "source_type": 4,
            "source_version": "", "start_time": start_ms, "status": 3, "tags": [], "user_id": "lab"})
        for tag, value in (("mlflow.runName", name), ("mlflow.source.type", "LOCAL")):
            with open(os.path.join(folder, "tags", tag), "w") as f:
                f.write(value)
        with open(os.path.join(folder, "params", keys["param"]), "w") as f:  # FileStore.log_param: str(value)
            f.write(str(run["lr"]))
        series = [(keys["loss"], run["losses"])] + ([(keys["rate"], run["rates"])] if keys.get("rate") else [])
        for key, values in series:
            path = os.path.join(folder, "metrics", *key.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:  # FileStore.log_metric: "%s %s %s\n" % (timestamp, value, step)
                for step, v in enumerate(values):
                    f.write("%s %s %s\n" % (int((START_TIME + 0.01 * step) * 1000), v, step))


def write_wandb(path, runs, metric="train/loss", every=5):
    names = [f"sgd-lr{r['lr']:g}" for r in runs]
    header = ["Step"] + [c for n in names for c in (f"{n} - {metric}", f"{n} - {metric}__MIN", f"{n} - {metric}__MAX")]
    longest = max(len(r["losses"]) for r in runs)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(header)
        for step in range(0, longest, every):
            row = [str(step)]
            for r in runs:
                if step < len(r["losses"]):
                    window = r["losses"][step:step + every]
                    row += [repr(r["losses"][step]), repr(min(window)), repr(max(window))]
                else:
                    row += ["", "", ""]
            w.writerow(row)


def write_keras(path, run):
    per_epoch = SAMPLES // BATCH
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["epoch", "learning_rate", "loss", "val_loss"], lineterminator="\n")
        w.writeheader()
        for e, loss in enumerate(run["epochs"]):
            w.writerow({"epoch": e, "learning_rate": run["rates"][e * per_epoch], "loss": loss, "val_loss": loss * 1.05})


def write_lightning(path, run, every=10):
    per_epoch = SAMPLES // BATCH
    keys = ["epoch", "lr-SGD", "step", "train_loss", "val_loss"]
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=keys, lineterminator="\n")
        w.writeheader()
        for step in range(len(run["losses"])):
            epoch = step // per_epoch
            if step % per_epoch == 0:
                w.writerow({"lr-SGD": run["rates"][step], "step": step})
            if (step + 1) % every == 0:
                w.writerow({"epoch": epoch, "step": step, "train_loss": run["losses"][step]})
            if (step + 1) % per_epoch == 0:
                w.writerow({"epoch": epoch, "step": step, "val_loss": run["epochs"][epoch]})


def main():
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    manifest = {"torch": torch.__version__, "files": []}

    def record(file, fmt, verdict, **extra):
        manifest["files"].append({"file": file, "format": fmt, "verdict": verdict, **extra})
        print(f"{file:50s} {fmt:18s} {verdict}")

    # A sweep of constant rates for the comparisons (TensorBoard logdir, W&B export).
    sweep = [train(lr, 640) for lr in (0.001, 0.01, 0.1, 3.0)]
    best = min((r for r in sweep if math.isfinite(r["end"])), key=lambda r: r["end"])
    for r in sweep:
        r["verdict"] = outcome(r, best) or "unclear"
        print(f"sweep lr={r['lr']:g}: {r['start']:.4f} -> {r['end']:.4f} {r['verdict']}")

    styles = {0.001: "simple", 0.01: "tensor_content", 0.1: "float_val", 3.0: "simple"}
    for r in sweep:
        run_dir = os.path.join(OUT, "tb-logdir", f"lr{r['lr']:g}")
        os.makedirs(run_dir, exist_ok=True)
        name = f"events.out.tfevents.{int(START_TIME)}.lab.{styles[r['lr']]}"
        write_events(os.path.join(run_dir, name), r, styles[r["lr"]])
        record(f"tb-logdir/lr{r['lr']:g}/{name}", "tensorboard-events", r["verdict"], lr=r["lr"], style=styles[r["lr"]],
               points=len(r["losses"]))

    # Damaged copies of one event file: a flipped byte in record 6 and a cut inside record 9.
    good = os.path.join(OUT, "tb-logdir", "lr0.01", f"events.out.tfevents.{int(START_TIME)}.lab.tensor_content")
    with open(good, "rb") as f:
        data = bytearray(f.read())
    sizes = write_events(os.devnull, sweep[1], "tensor_content")
    record_start = [sum(sizes[:i]) for i in range(len(sizes))]
    corrupt = bytearray(data)
    flip_at = record_start[5] + 12 + 3  # inside the data of record 6
    corrupt[flip_at] ^= 0xFF
    with open(os.path.join(OUT, "events.out.tfevents.corrupt"), "wb") as f:
        f.write(corrupt)
    record("events.out.tfevents.corrupt", "tensorboard-events", "error", errorByte=record_start[5] + 12,
           note="a byte flipped inside the data of record 6: the data checksum fails; the error names where that data starts")
    cut = record_start[8] + 12 + 5
    with open(os.path.join(OUT, "events.out.tfevents.truncated"), "wb") as f:
        f.write(data[:cut])
    record("events.out.tfevents.truncated", "tensorboard-events", "error", errorByte=cut,
           note="cut 5 bytes into the data of record 9: the error names the end of the file")

    # HuggingFace: a healthy AdamW run with warmup and linear decay, and an SGD run whose warmup peak is too large
    # (it blows up two steps after warmup reaches 16).
    for tag, optimizer, lr, warmup in (("healthy", "adamw", 3e-3, 100), ("blowup", "sgd", 16.0, 50)):
        run = train(lr, 400, optimizer=optimizer, warmup=warmup, decay=True)
        verdict = "just-right" if tag == "healthy" else "too-large"
        bad = next((i for i, v in enumerate(run["losses"]) if not math.isfinite(v)), None)
        print(f"hf {tag}: {run['start']:.4f} -> {run['end']:.4f} first non-finite step {bad}")
        os.makedirs(os.path.join(OUT, f"hf-{tag}"), exist_ok=True)
        write_trainer_state(os.path.join(OUT, f"hf-{tag}", "trainer_state.json"), run)
        record(f"hf-{tag}/trainer_state.json", "huggingface", verdict, lr=lr, warmupSteps=warmup, firstNonFiniteStep=bad)

    # MLflow, W&B, Keras, Lightning.
    # The sweep as MLflow runs, each logged its own way (loss, train_loss or train/loss; the rate as a metric or only
    # as a parameter), and a deleted run that a reader must skip.
    mlflow_runs = [
        ("4f6d2c1a9b8e4f7d", "sgd-lr0.01", sweep[1], {"loss": "loss", "rate": "lr", "param": "lr"}, False),
        ("0a1b2c3d4e5f6a7b", "sgd-lr0.001", sweep[0], {"loss": "train_loss", "param": "learning_rate"}, False),
        ("9e8d7c6b5a4f3e2d", "sgd-lr0.1", sweep[2], {"loss": "train/loss", "param": "lr"}, False),
        ("5c4b3a29180f1e2d", "sgd-lr3", sweep[3], {"loss": "loss", "rate": "lr", "param": "lr"}, False),
        ("d00d00d00d00d00d", "sgd-lr0.1-deleted", sweep[2], {"loss": "loss", "param": "lr"}, True),
    ]
    write_mlflow(os.path.join(OUT, "mlruns"), mlflow_runs)
    record("mlruns/0/4f6d2c1a9b8e4f7d/metrics/loss", "mlflow", sweep[1]["verdict"], lr=sweep[1]["lr"])
    record("mlruns", "mlflow-store", "compare", runs=[name for _, name, _, _, deleted in mlflow_runs if not deleted],
           lrs=[run["lr"] for _, _, run, _, deleted in mlflow_runs if not deleted],
           verdicts=[run["verdict"] for _, _, run, _, deleted in mlflow_runs if not deleted])
    write_wandb(os.path.join(OUT, "wandb_export.csv"), sweep[:3])
    record("wandb_export.csv", "wandb", "compare", runs=[f"sgd-lr{r['lr']:g}" for r in sweep[:3]],
           verdicts=[r["verdict"] for r in sweep[:3]])
    keras_run = train(0.05, 64 * 30)
    write_keras(os.path.join(OUT, "keras_log.csv"), keras_run)
    record("keras_log.csv", "keras", "just-right", lr=0.05, note=f"{keras_run['start']:.4f} -> {keras_run['end']:.4f}")
    write_lightning(os.path.join(OUT, "lightning_metrics.csv"), sweep[2])  # Trainer(log_every_n_steps=10)
    record("lightning_metrics.csv", "lightning", sweep[2]["verdict"], lr=sweep[2]["lr"])

    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
