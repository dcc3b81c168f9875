using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Plotting;
using LrLab.Core.Training;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab train`: trains the MNIST MLP with any optimizer and schedule and reports losses, accuracy and speed.</summary>
internal static class TrainCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("train", "Train the 784-H-10 MLP on the bundled MNIST digits and report the losses, test accuracy and speed.");
        var model = Flags.Text("--model", "network to train: mlp (default)");
        var data = Flags.Text("--data", "data set: mnist (default; 8,000 training and 2,000 test digits)");
        var dataFile = Flags.Text("--data-file", "path of mnist.bin.gz (default: data/mnist.bin.gz next to lrlab or above the current directory)");
        var hidden = Flags.Text("--hidden", $"hidden units (default {TrainingOptions.DefaultHidden})");
        var epochs = Flags.Text("--epochs", "passes over the training set (default 1)");
        var steps = Flags.Text("--steps", "exact number of mini-batches (instead of --epochs)");
        var batch = Flags.Text("--batch-size", $"examples per mini-batch (default {TrainingOptions.DefaultBatchSize})");
        var seed = Flags.Text("--seed", "seed of the initial weights and the shuffling (default 0)");
        var threads = Flags.Text("--threads", "threads sharing each large matrix product (default 1)");
        var schedule = Flags.Text("--schedule", "PyTorch scheduler call without the optimizer, stepped after every mini-batch, e.g. \"OneCycleLR(max_lr=0.1, total_steps=125)\"");
        var trainSamples = Flags.Text("--train-samples", "train on the first N training digits only (with --batch-size N: full-batch gradient descent)");
        var sharpnessEvery = Flags.Text("--sharpness-every", "measure the sharpness (top Hessian eigenvalue of the mean loss over the training digits) every K steps and at the start");
        var sharpnessIters = Flags.Text("--sharpness-iters", $"largest number of Hessian-vector products per measurement (default {SharpnessEstimator.DefaultMaxIterations}; warm-started, most take far fewer)");
        var saveWeights = SaveWeightsFlag.Create();
        var plot = PlotFlag.Create("--plot", "the loss of every step and its 20-step moving average (with --sharpness-every: loss and sharpness against the step, 2/η dashed)");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        var hyper = new OptimizerFlags(command);
        foreach (var option in new[] { model, data, dataFile, hidden, epochs, steps, batch, seed, threads, schedule, trainSamples, sharpnessEvery, sharpnessIters, saveWeights, plot })
        {
            command.Options.Add(option);
        }

        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            PlotFlag.Check(result, plot);
            SaveWeightsFlag.Check(result, saveWeights);
            Expect(result.GetValue(model), "--model", "mlp");
            Expect(result.GetValue(data), "--data", "mnist");
            if (result.GetValue(epochs) is not null && result.GetValue(steps) is not null)
            {
                throw new InputException("--epochs and --steps: give one or the other");
            }

            var optimizer = hyper.Create(result);
            var spec = result.GetValue(schedule);
            var parsed = spec is null ? null : ScheduleFlag.Parse(spec);
            var options = new TrainingOptions
            {
                Optimizer = optimizer,
                Hidden = Flags.Integer(result, hidden, 1, TrainingOptions.MaxHidden) ?? TrainingOptions.DefaultHidden,
                Epochs = Flags.Integer(result, epochs, 1, 10_000) ?? 1,
                Steps = Flags.Integer(result, steps, 1, MlpTraining.MaxSteps),
                BatchSize = Flags.Integer(result, batch, 1, TrainingOptions.MaxBatchSize) ?? TrainingOptions.DefaultBatchSize,
                Seed = Flags.Integer(result, seed, int.MinValue, int.MaxValue) ?? 0,
                Threads = Flags.Integer(result, threads, 1, 64) ?? 1,
                Schedule = parsed?.Schedule,
                MetricSchedule = parsed?.MetricSchedule,
                TrainSamples = Flags.Integer(result, trainSamples, 1, int.MaxValue),
                SharpnessEvery = Flags.Integer(result, sharpnessEvery, 1, MlpTraining.MaxSteps),
                SharpnessIterations = Flags.Integer(result, sharpnessIters, 1, SharpnessEstimator.IterationLimit) ?? SharpnessEstimator.DefaultMaxIterations,
            };
            if (result.GetValue(sharpnessIters) is not null && options.SharpnessEvery is null)
            {
                throw new InputException("--sharpness-iters: give --sharpness-every too");
            }

            var dataset = MnistFile.Load(result.GetValue(dataFile));
            if (options.TrainSamples > dataset.Train.Count)
            {
                throw new InputException($"--train-samples must be between 1 and {dataset.Train.Count}, got {options.TrainSamples}");
            }

            var run = RunWithProgress(dataset, options, stdout, stderr);
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(run, CliJson.Readable.TrainingResult),
                () => Csv(run),
                console => Table(console, run));
            SaveWeightsFlag.Write(result, saveWeights, run, dataset.Features, dataset.Classes);
            PlotFlag.Write(result, plot, () => run.Sharpness.Count > 0 ? EdgeChart.For(run) : Chart(run));
            return 0;
        });
        return command;
    }

    private static void Expect(string? value, string flag, string only)
    {
        if (value is not null && !string.Equals(value.Trim(), only, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"{flag}: '{value}' is not available (only {only})");
        }
    }

    /// <summary>A Spectre progress bar on stderr, only when stderr is a terminal of the real console.</summary>
    private static TrainingResult RunWithProgress(Dataset data, TrainingOptions options, TextWriter stdout, TextWriter stderr)
    {
        var interactive = ReferenceEquals(stderr, Console.Error) && ReferenceEquals(stdout, Console.Out) && !Console.IsErrorRedirected;
        if (!interactive)
        {
            return MlpTraining.Run(data, options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        TrainingResult? run = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training");
                run = MlpTraining.Run(data, options, p =>
                {
                    // Cheap enough per step; the bar itself redraws on Spectre's own timer.
                    if (p.Step % 8 == 0 || p.Step == p.TotalSteps)
                    {
                        task.MaxValue = p.TotalSteps;
                        task.Value = p.Step;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"training, loss {p.Loss:G4}");
                    }
                });
                task.Value = task.MaxValue;
            });
        return run!;
    }

    /// <summary>Loss per step (noisy: each is one mini-batch) and its trailing 20-step mean, non-finite losses left out.</summary>
    internal static Chart Chart(TrainingResult run)
    {
        const int window = 20;
        var steps = new List<double>();
        var losses = new List<double>();
        var averageSteps = new List<double>();
        var averages = new List<double>();
        var sum = 0.0;
        for (var i = 0; i < run.Losses.Length; i++)
        {
            double loss = run.Losses[i];
            if (!double.IsFinite(loss))
            {
                break;
            }

            steps.Add(i + 1);
            losses.Add(loss);
            sum += loss - (i >= window ? run.Losses[i - window] : 0);
            if (i >= window - 1)
            {
                averageSteps.Add(i + 1);
                averages.Add(sum / window);
            }
        }

        var title = string.Create(CultureInfo.InvariantCulture, $"{run.Model} on {run.Data}: {run.Optimizer}, lr {run.Lr:G4}, test accuracy {run.TestAccuracy:P1}");
        var log = losses.All(v => v > 0);
        return new Chart(title, new Axis("step"), new Axis("mini-batch loss", log), [new ChartSeries("loss", steps.ToArray(), losses.ToArray()), new ChartSeries($"{window}-step mean", averageSteps.ToArray(), averages.ToArray())]);
    }

    private static string Csv(TrainingResult run)
    {
        var csv = new Csv("step", "loss", "lr");
        for (var i = 0; i < run.Losses.Length; i++)
        {
            csv.Row((i + 1).ToString(CultureInfo.InvariantCulture), Output.Csv.Number(run.Losses[i]), Output.Csv.Number(run.Lrs[i]));
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, TrainingResult run)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("model", Markup.Escape($"{run.Model} on {run.Data}, batch {run.BatchSize}, seed {run.Seed}"));
        summary.AddRow("optimizer", Markup.Escape($"{run.Optimizer}, lr {Fmt.G(run.Lr)}" + (run.Schedule is null ? string.Empty : $", {run.Schedule}")));
        summary.AddRow("steps", string.Create(CultureInfo.InvariantCulture, $"{run.Steps} ({run.Epochs:0.##} epochs)"));
        summary.AddRow("loss", run.Losses.Length == 0 ? "-" : $"{Fmt.G(run.Losses[0])} → {Fmt.G(run.FinalLoss)} (mean of the last 10 % of steps)");
        summary.AddRow("test accuracy", string.Create(CultureInfo.InvariantCulture, $"[bold]{run.TestAccuracy:P1}[/] (test loss {Fmt.G(run.TestLoss)})"));
        summary.AddRow("speed", string.Create(CultureInfo.InvariantCulture, $"{run.SamplesPerSecond:N0} samples/s ({run.TrainingSeconds:0.00} s, {run.Threads} thread{(run.Threads == 1 ? string.Empty : "s")})"));
        if (EdgeSummary.Of(run.Lr, run.Losses, run.Sharpness) is { } edge)
        {
            summary.AddRow("sharpness", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"start {Fmt.G(edge.Start)}, peak {Fmt.G(edge.Peak)} at step {edge.PeakStep}, settled {Fmt.G(edge.Settled)} (median of the second half); 2/η = {Fmt.G(edge.Limit)}, settled {edge.SettledFraction:0.00} × 2/η: {edge.RegimeWords}")));
            summary.AddRow("loss spike", edge.SpikeStep is { } at ? string.Create(CultureInfo.InvariantCulture, $"yes, at step {at}") : "no");
            summary.AddRow("measuring", string.Create(CultureInfo.InvariantCulture, $"{run.HessianProducts} Hessian-vector products in {run.SharpnessSeconds:0.00} s ({run.SharpnessSeconds / Math.Max(run.TrainingSeconds, 1e-9):0.00}× the training time)"));
        }

        if (run.Diverged)
        {
            summary.AddRow("[red]diverged[/]", "the loss stopped being finite; try a smaller --lr");
        }

        console.Write(summary);
        console.WriteLine();
        var table = new Table().AddColumns("step", "loss", "lr");
        foreach (var index in SimulateCommand.Sample(run.Losses.Length, 12))
        {
            table.AddRow((index + 1).ToString(CultureInfo.InvariantCulture), Fmt.G(run.Losses[index]), Fmt.G(run.Lrs[index]));
        }

        console.Write(table);
    }
}
