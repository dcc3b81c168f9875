using System.Globalization;
using System.Text;
using CsCheck;

namespace LrLab.Fuzz.Logs;

/// <summary>
/// Text loss logs, each written the way the tool that owns the format writes it (tools/log_formats.py follows the same
/// layouts): Python's float repr, Python's csv module, <c>json.dumps</c>. Each generator gives the text and the runs
/// it holds. Nothing here calls our reader.
/// </summary>
public static class TextLogs
{
    private static readonly string[] _newlines = ["\n", "\r\n"];

    private static readonly Gen<string> _runName = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_.,;:\"'()/ =+ü€漢"].Array[1, 16]
        .Select(c => new string(c).Trim()).Where(s => s.Length > 0);

    /// <summary>Every text format, written whole.</summary>
    public static Gen<LogCase> Any { get; } = Gen.Frequency(
        (2, Plain()),
        (2, TrainerState()),
        (2, Mlflow()),
        (2, Wandb()),
        (2, Keras()),
        (1, Lightning()));

    /// <summary>One number per line; a script's step,loss CSV; TensorBoard's CSV export; the three JSON shapes.</summary>
    private static Gen<LogCase> Plain() =>
        Gen.Select(Values.Loss.Array[1, 200], Gen.Int[0, 6], Gen.Bool, Gen.OneOf<string>(_newlines)).Select((losses, format, python, nl) =>
        {
            var text = losses.Select(v => python ? PyFloat.Repr(v) : v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            var json = losses.Select(PyFloat.Json).ToArray();
            var sb = new StringBuilder();
            var steps = Enumerable.Range(0, losses.Length).Select(i => (double)i).ToArray();
            switch (format)
            {
                case 0:
                    sb.AppendJoin(nl, text);
                    break;
                case 1:
                    sb.Append("step,loss").Append(nl);
                    for (var i = 0; i < text.Length; i++)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"{i},{text[i]}{nl}");
                    }

                    break;
                case 2:
                    sb.Append("Wall time,Step,Value").Append(nl);
                    for (var i = 0; i < text.Length; i++)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i}.25,{i * 10},{text[i]}{nl}");
                    }

                    steps = [.. steps.Select(s => s * 10)];
                    break;
                case 3:
                    sb.Append("epoch,train_loss,val_loss").Append(nl);
                    for (var i = 0; i < text.Length; i++)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"{i},{text[i]},0.5{nl}");
                    }

                    break;
                case 4:
                    sb.Append('[').AppendJoin(", ", json).Append(']');
                    break;
                case 5:
                    sb.Append('[').AppendJoin("," + nl, json.Select((t, i) => $"{{\"step\": {i}, \"loss\": {t}}}")).Append(']');
                    break;
                default:
                    sb.Append("{\"loss\": [").AppendJoin(", ", json).Append("]}");
                    break;
            }

            return LogCase.FromText(format switch { 0 => "lines", 1 or 3 => "csv", 2 => "tensorboard-csv", _ => "json" }, sb.ToString(), [new(string.Empty, losses, steps)]);
        });

    /// <summary>
    /// HuggingFace's trainer_state.json: log_history with training entries {epoch, grad_norm, learning_rate, loss, step}
    /// (grad_norm missing before transformers 4.38, fields dropped at random), eval entries {eval_loss, …}, the closing
    /// summary {train_loss, …}. The Trainer's NaN filter leaves grad_norm NaN/∞ after a blow-up: such an entry is a NaN loss.
    /// </summary>
    private static Gen<LogCase> TrainerState() =>
        Gen.Select(
            Gen.Select(Values.Loss, Gen.Int[0, 30], Values.Rate, Gen.Int[0, 9], Gen.Int[0, 19]).Array[1, 80],
            Gen.Int[1, 50],
            Gen.Bool,
            Gen.Bool)
        .Select((entries, loggingSteps, gradNorms, rates) =>
        {
            var history = new List<object?>();
            var losses = new List<double>();
            var steps = new List<double>();
            var step = 0L;
            var stepsKnown = true;
            foreach (var (loss, gradNormAt, rate, evalAt, missingAt) in entries)
            {
                step += loggingSteps;
                var gradNorm = gradNormAt switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => gradNormAt * 0.37 };
                var entry = new List<KeyValuePair<string, object?>> { new("epoch", Math.Round(step / 64.0, 4)), new("loss", loss) };
                if (missingAt != 0)
                {
                    entry.Add(new("step", step));
                }

                if (gradNorms)
                {
                    entry.Add(new("grad_norm", gradNorm));
                }

                if (rates)
                {
                    entry.Add(new("learning_rate", rate));
                }

                history.Add(entry);
                losses.Add(gradNorms && !double.IsFinite(gradNorm) ? double.NaN : loss);
                steps.Add(step);
                stepsKnown &= missingAt != 0;
                if (evalAt == 0)
                {
                    history.Add(new List<KeyValuePair<string, object?>>
                    {
                        new("epoch", Math.Round(step / 64.0, 4)), new("eval_loss", loss * 1.1), new("eval_runtime", 0.1234),
                        new("eval_samples_per_second", 1000.0), new("eval_steps_per_second", 31.25), new("step", step),
                    });
                }
            }

            history.Add(new List<KeyValuePair<string, object?>>
            {
                new("epoch", Math.Round(step / 64.0, 4)), new("step", step), new("total_flos", 12345.0), new("train_loss", 0.5),
                new("train_runtime", 4.2), new("train_samples_per_second", 1000.0), new("train_steps_per_second", 31.25),
            });
            var state = new List<KeyValuePair<string, object?>>
            {
                new("best_metric", null), new("best_model_checkpoint", null), new("epoch", Math.Round(step / 64.0, 4)),
                new("eval_steps", 100), new("global_step", step), new("is_hyper_param_search", false),
                new("is_local_process_zero", true), new("is_world_process_zero", true), new("log_history", history),
                new("logging_steps", loggingSteps), new("max_steps", step), new("num_input_tokens_seen", 0),
                new("num_train_epochs", 3), new("save_steps", 500),
                new("stateful_callbacks", new List<KeyValuePair<string, object?>> { new("TrainerControl", new List<KeyValuePair<string, object?>> { new("args", new List<KeyValuePair<string, object?>> { new("should_save", true) }), new("attributes", new List<KeyValuePair<string, object?>>()) }) }),
                new("total_flos", 12345.0), new("train_batch_size", 32), new("trial_name", null), new("trial_params", null),
            };
            return LogCase.FromText("huggingface", PyJson.Dumps(state) + "\n", [new(string.Empty, [.. losses], stepsKnown ? [.. steps] : null)]);
        });

    /// <summary>An MLflow file-store metric file: FileStore.log_metric writes "%s %s %s\n" % (timestamp, value, step); before MLflow 1.0 without the step.</summary>
    private static Gen<LogCase> Mlflow() =>
        Gen.Select(Gen.Select(Values.Loss, Gen.Int[0, 1000], Gen.Int[0, 100]).Array[1, 200], Gen.Long[1_500_000_000_000, 1_800_000_000_000], Gen.Int[0, 9])
        .Select((points, start, old) =>
        {
            var sb = new StringBuilder();
            var time = start;
            var step = 0L;
            var steps = new double[points.Length];
            for (var i = 0; i < points.Length; i++)
            {
                var (value, dt, ds) = points[i];
                time += dt;
                step += i == 0 ? 0 : ds;
                steps[i] = old == 0 ? i : step;
                sb.Append(CultureInfo.InvariantCulture, $"{time} {PyFloat.Repr(value)}");
                sb.Append(old == 0 ? "\n" : string.Create(CultureInfo.InvariantCulture, $" {step}\n"));
            }

            return LogCase.FromText("mlflow", sb.ToString(), [new(string.Empty, [.. points.Select(p => p.Item1)], steps)]);
        });

    /// <summary>
    /// A W&amp;B chart export (QUOTE_ALL): "Step", then per run "&lt;run&gt; - &lt;metric&gt;" with its __MIN and __MAX
    /// companions, and maybe the run's learning-rate and accuracy series; blank cells where a run logged nothing.
    /// </summary>
    private static Gen<LogCase> Wandb() =>
        Gen.Select(
            Gen.Select(_runName, Gen.Select(Values.Loss, Gen.Int[0, 7]).Array[1, 60], Gen.Bool, Gen.Bool).Array[1, 4],
            Gen.OneOf<string>("train/loss", "loss", "train_loss"),
            Gen.Int[1, 10])
        .Where((runs, _, _) => runs.Select(r => r.Item1).Distinct(StringComparer.Ordinal).Count() == runs.Length)
        .Select((runs, metric, every) =>
        {
            var header = new List<string> { "Step" };
            foreach (var (name, _, rate, accuracy) in runs)
            {
                header.AddRange([$"{name} - {metric}", $"{name} - {metric}__MIN", $"{name} - {metric}__MAX"]);
                if (rate)
                {
                    header.AddRange([$"{name} - train/lr", $"{name} - train/lr__MIN", $"{name} - train/lr__MAX"]);
                }

                if (accuracy)
                {
                    header.AddRange([$"{name} - eval/accuracy", $"{name} - eval/accuracy__MIN", $"{name} - eval/accuracy__MAX"]);
                }
            }

            var sb = new StringBuilder();
            Row(sb, header);
            var longest = runs.Max(r => r.Item2.Length);
            var expected = runs.Select(r => (r.Item1, Losses: new List<double>(), Steps: new List<double>())).ToArray();
            for (var i = 0; i < longest; i++)
            {
                var row = new List<string> { (i * every).ToString(CultureInfo.InvariantCulture) };
                for (var r = 0; r < runs.Length; r++)
                {
                    var (_, points, rate, accuracy) = runs[r];
                    var logged = i < points.Length && points[i].Item2 != 0;
                    var v = logged ? points[i].Item1 : 0;
                    row.AddRange(logged ? [PyFloat.Repr(v), PyFloat.Repr(v * 0.9), PyFloat.Repr(v * 1.1)] : ["", "", ""]);
                    if (rate)
                    {
                        row.AddRange(i < points.Length ? ["0.001", "0.001", "0.001"] : ["", "", ""]);
                    }

                    if (accuracy)
                    {
                        row.AddRange(i < points.Length && i % 3 == 0 ? ["0.5", "0.5", "0.5"] : ["", "", ""]);
                    }

                    if (logged)
                    {
                        expected[r].Losses.Add(v);
                        expected[r].Steps.Add(i * every);
                    }
                }

                Row(sb, row);
            }

            var valid = expected.All(e => e.Losses.Count > 0);
            return LogCase.FromText("wandb", sb.ToString(), valid ? [.. expected.Select(e => new ExpectedRun(e.Item1, [.. e.Losses], [.. e.Steps]))] : null);
        });

    /// <summary>Keras' CSVLogger: "epoch" then the sorted metric names, one row per epoch; its dialect ends rows with \r\n; separator ',' unless chosen.</summary>
    private static Gen<LogCase> Keras() =>
        Gen.Select(Gen.Select(Values.Loss, Values.Rate).Array[1, 100], Gen.Bool, Gen.Bool, Gen.Bool, Gen.OneOf(Gen.Const(','), Gen.Const(';'), Gen.Const('\t')))
        .Select((epochs, accuracy, validation, rate, sep) =>
        {
            var keys = new List<string> { "loss" };
            if (accuracy)
            {
                keys.Add("accuracy");
            }

            if (validation)
            {
                keys.Add("val_loss");
            }

            if (rate)
            {
                keys.Add("learning_rate");
            }

            keys.Sort(StringComparer.Ordinal);
            var sb = new StringBuilder("epoch").Append(sep).AppendJoin(sep, keys).Append("\r\n");
            for (var e = 0; e < epochs.Length; e++)
            {
                var (loss, lr) = epochs[e];
                var cells = keys.Select(k => k switch { "loss" => loss, "val_loss" => loss * 1.05, "accuracy" => 0.5, _ => lr }).Select(PyFloat.Repr);
                sb.Append(e).Append(sep).AppendJoin(sep, cells).Append("\r\n");
            }

            return LogCase.FromText("keras", sb.ToString(), [new(string.Empty, [.. epochs.Select(p => p.Item1)], [.. Enumerable.Range(0, epochs.Length).Select(i => (double)i)])]);
        });

    /// <summary>Lightning's CSVLogger metrics.csv: sorted keys, one row per logging call, blank cells for keys that call did not log.</summary>
    private static Gen<LogCase> Lightning() =>
        Gen.Select(Values.Loss.Array[1, 150], Gen.Int[1, 20], Gen.Int[5, 40]).Select((losses, every, perEpoch) =>
        {
            var sb = new StringBuilder("epoch,lr-SGD,step,train_loss,val_loss\n");
            var steps = new List<double>();
            for (var i = 0; i < losses.Length; i++)
            {
                var step = ((i + 1) * every) - 1;
                var epoch = step / perEpoch;
                if (i % 7 == 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $",0.1,{step},,\n");
                }

                sb.Append(CultureInfo.InvariantCulture, $"{epoch},,{step},{PyFloat.Repr(losses[i])},\n");
                steps.Add(step);
                if (i % 5 == 4)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{epoch},,{step},,{PyFloat.Repr(losses[i] * 1.05)}\n");
                }
            }

            return LogCase.FromText("lightning", sb.ToString(), [new(string.Empty, losses, [.. steps])]);
        });

    /// <summary>A row as csv.writer(quoting=QUOTE_ALL) writes it.</summary>
    private static void Row(StringBuilder sb, IEnumerable<string> cells) =>
        sb.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append("\r\n");
}
